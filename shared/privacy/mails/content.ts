import * as z from 'zod';
import { defineMessage, messageSet, systemUrlSchema } from '../../mail/index.js';

/**
 * The privacy capability's mail: the notice to a contact without engagement before the
 * retention rule erases them. Transactional (it is about their data, not marketing: an
 * unsubscribed contact gets it too); the sender still refuses suppressed and erased addresses.
 * Light (no template) so the function that queues it does not bundle the renderer.
 */
const retentionNoticeData = z.object({
  /** How many months without engagement the tenant's rule allows. */
  months: z.number().int().min(1).max(120),
  /** The day the details are removed (YYYY-MM-DD). */
  removalOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** The recipient's own signed keep link (the sender signs it from `personalLinks`). */
  keepUrl: systemUrlSchema,
});

export const privacyMessages = messageSet(
  defineMessage({ kind: 'privacy-retention-notice', schema: retentionNoticeData, bulk: false }),
);
