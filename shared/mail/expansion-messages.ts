import * as z from 'zod';

/**
 * The messages of the campaign-expansion queue besides the events it subscribes to: written by
 * the expander itself (continuations, re-queues after a resume) and by the reconciler (the same
 * messages, for work that stalled).
 */

/** A continuation: the next page of a campaign's audience (the first page comes as an event). */
export const pageMessage = z.object({
  kind: z.literal('expansion-page'),
  tenantId: z.string(),
  campaignId: z.string(),
  cursor: z.record(z.string(), z.unknown()).optional(),
  offset: z.number().int().nonnegative().optional(),
  /** The page's number (0 is the first): a page is recorded, and its next queued, once. */
  page: z.number().int().nonnegative().default(0),
});
export type PageMessage = z.infer<typeof pageMessage>;

/**
 * After a resume: a page of the held campaigns (of one tenant, or of every tenant when the
 * account resumed), each then re-queued page by page (`requeue-page`). `since` is the resume.
 */
export const resumePage = z.object({
  kind: z.literal('resume-page'),
  tenantId: z.string().optional(),
  since: z.string(),
  cursor: z.record(z.string(), z.unknown()).optional(),
});
export const requeuePage = z.object({
  kind: z.literal('requeue-page'),
  tenantId: z.string(),
  campaignId: z.string(),
  since: z.string(),
  cursor: z.record(z.string(), z.unknown()).optional(),
});
export type ResumePage = z.infer<typeof resumePage>;
export type RequeuePage = z.infer<typeof requeuePage>;
