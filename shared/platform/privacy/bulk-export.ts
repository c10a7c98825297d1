import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { actorField, defineEvent, tenantIdField } from '../bus/contract.js';
import { emit, pendingEvent } from '../bus/outbox.js';

/** The files of many people's data staff can download: each download is audited (GDPR Art. 5(2), 30). */
export const bulkExportKinds = [
  'event-answers',
  'feedback-answers',
  'press-subscribers',
  'import-rows-left-out',
] as const;
export type BulkExportKind = (typeof bulkExportKinds)[number];

/**
 * Staff downloaded a file of many people's data (who, when, what, how many rows). The privacy
 * capability writes it to the audit log; the capabilities that serve the files only emit it, so
 * the audit log has one writer. No address or name: the subject is an id.
 */
export const BulkExported = defineEvent({
  name: 'platform.bulk-exported',
  source: 'samverkan.platform',
  detailType: 'BulkExported',
  version: 1,
  schema: z.object({
    tenantId: tenantIdField,
    /** One download: what makes a redelivered event write its audit entry once. */
    exportId: z.string().uuid(),
    kind: z.enum(bulkExportKinds),
    /** The event, form or import exported (absent for a whole list). */
    subjectId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/)
      .optional(),
    count: z.number().int().nonnegative(),
    actor: actorField,
    at: z.string().datetime(),
  }),
});

export const bulkExportEvents = [BulkExported] as const;

/** Records a download through the outbox (delivered even if the function dies after answering). */
export function recordBulkExport(
  input: { tenantId: string; kind: BulkExportKind; subjectId?: string; count: number; actor: string },
  now = new Date(),
): Promise<void> {
  return emit(input.tenantId, [
    pendingEvent(BulkExported, { ...input, exportId: randomUUID(), at: now.toISOString() }),
  ]);
}
