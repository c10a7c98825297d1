import * as z from 'zod';

/*
 * The envelopes our queue and bus consumers parse: JSON in an SQS body, and an EventBridge event.
 * The same as Powertools' `JSONStringified` and `EventBridgeSchema`, kept here because the
 * Powertools parser imports zod as one namespace object (`import { z } from 'zod'`), which
 * keeps every zod locale in each bundle that uses it: about 370 KiB of the ~440 KiB zod added
 * to each function (docs/benchmarks.md, "Lean functions").
 */

/** A string holding JSON, parsed, then checked with `schema` (an SQS message body). */
export const jsonString = <S extends z.ZodType>(schema: S) =>
  z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: `Invalid JSON - ${(error as Error).message}` });
        return z.NEVER;
      }
    })
    .pipe(schema);

/** An EventBridge event as rules deliver it (to a queue or a function). */
export const eventBridgeEnvelope = z.object({
  version: z.string(),
  id: z.string(),
  source: z.string(),
  account: z.string(),
  time: z.iso.datetime(),
  region: z.string(),
  resources: z.array(z.string()),
  'detail-type': z.string(),
  detail: z.unknown(),
  'replay-name': z.string().optional(),
});
