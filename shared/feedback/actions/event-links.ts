import type { PersonalLinks } from '../../mail/index.js';
import { listForms } from '../store.js';

/** Without a closing time, an invitee's feedback link works this long after the event ends. */
const LINK_DAYS_AFTER_EVENT = 60;

/**
 * The feedback link an event's mails carry (invitation and reminders), as a link the mail
 * pipeline signs for each recipient: the open form attached to the event (the newest, if staff
 * attached several). None when the event has no open form. The recipient's answer is then
 * attributed to them, one per contact and form, as through the follow-up mail's link.
 */
export async function feedbackLinksForEvent(event: {
  tenantId: string;
  eventId: string;
  end: string;
}): Promise<PersonalLinks> {
  const now = Date.now();
  const form = (await listForms(event.tenantId)).find(
    (f) =>
      f.eventId === event.eventId &&
      f.status === 'open' &&
      (f.closesAt === undefined || Date.parse(f.closesAt) > now),
  );
  if (!form) return {};
  const expiresAt =
    form.closesAt ?? new Date(Date.parse(event.end) + LINK_DAYS_AFTER_EVENT * 86_400_000).toISOString();
  return { feedbackUrl: { purpose: 'feedback', scope: form.formId, path: '/feedback/', expiresAt } };
}
