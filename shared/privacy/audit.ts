import * as z from 'zod';

/**
 * The audit log's entries (pure). Who did what, when, to how many items; a person appears only
 * as a keyed hash (`personRef`), never as an address or a name.
 */
export const auditActions = [
  'request-recorded',
  'request-status-changed',
  'export',
  'erasure',
  'bulk-export',
  'rectification',
  'retention-rule-changed',
  'retention-run',
  'contact-kept',
] as const;
export type AuditAction = (typeof auditActions)[number];

export const auditEntrySchema = z
  .object({
    action: z.enum(auditActions),
    /** Staff id, or `system:<function>` for scheduled work. */
    actor: z.string().min(1).max(200),
    /** What it was about, in words an admin reads (`contacts`, `form 123 answers`); never personal data. */
    what: z.string().min(1).max(300),
    count: z.number().int().nonnegative(),
    personRef: z.string().max(64).optional(),
    requestId: z.string().max(64).optional(),
  })
  .strict()
  // An address in an entry is a bug: refuse it rather than keep it for ever.
  .refine((entry) => !/@/.test(entry.what), { message: 'No addresses in the audit log', path: ['what'] });
export type AuditEntryInput = z.input<typeof auditEntrySchema>;
export type AuditEntry = z.output<typeof auditEntrySchema> & { at: string; entryId: string };
