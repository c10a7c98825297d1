import { queueMail } from '../../mail/index.js';
import { getCounters, getEvent, listInvitations, type Meeting } from '../../meetings/index.js';
import { requireEnv } from '../../platform/aws/env.js';
import { emit, pendingEvent } from '../../platform/bus/outbox.js';
import { signLinkToken } from '../../platform/mail-kit/link-tokens.js';
import { createSchedule } from '../../platform/schedules/store.js';
import { isConditionalCheckFailed } from '../../platform/table/table.js';
import { getTenant } from '../../platform/tenants/store.js';
import { FollowUpDue, FollowUpQueued } from '../events.js';
import { followUpDueAt, followUpGroup } from '../follow-up.js';
import type { Form } from '../form.js';
import { feedbackMessages } from '../mails/content.js';
import { getForm, listForms } from '../store.js';

/*
 * The follow-up after an event: when it ends (MeetingEnded), each open form attached to it with
 * follow-up on gets a one-time schedule at the end plus the form's delay (FollowUpDue); then
 * attendees get the thank-you mail with their own feedback link, the absent yes-sayers and the
 * invitees who never answered the "we missed you" mail. At least once everywhere, so each step
 * is idempotent: the schedule has a fixed id, and each mail's key is form + event + contact, so
 * a redelivered event or a rerun queues nothing twice.
 */

/** Links stay valid for 60 days, or until the form closes if that is later. */
const LINK_DAYS = 60;

export async function onMeetingEnded(detail: {
  tenantId: string;
  eventId: string;
  end: string;
}): Promise<void> {
  const event = await getEvent(detail.tenantId, detail.eventId);
  // Cancelled, or moved since the end was scheduled (the move scheduled its own end).
  if (event?.status !== 'published' || event.end !== new Date(detail.end).toISOString()) return;
  const forms = (await listForms(detail.tenantId)).filter(
    (f) => f.eventId === event.eventId && f.followUp.enabled && f.status === 'open',
  );
  for (const form of forms) {
    const dueAt = followUpDueAt(event.end, form.followUp.delayMinutes);
    if (Date.parse(dueAt) <= Date.now()) {
      await sendFollowUp(form, event);
      continue;
    }
    try {
      await createSchedule({
        tenantId: form.tenantId,
        scheduleId: `feedback-follow-up-${form.formId}-${event.eventId}`,
        dueAt,
        event: FollowUpDue,
        detail: { tenantId: form.tenantId, formId: form.formId, eventId: event.eventId },
      });
    } catch (error) {
      // Scheduled already (the event was delivered twice).
      if (!isConditionalCheckFailed(error)) throw error;
    }
  }
}

export async function onFollowUpDue(detail: {
  tenantId: string;
  formId: string;
  eventId: string;
}): Promise<void> {
  const [form, event] = await Promise.all([
    getForm(detail.tenantId, detail.formId),
    getEvent(detail.tenantId, detail.eventId),
  ]);
  // Turned off, closed or moved to another event meanwhile: nothing goes out.
  if (!form || !event || event.status !== 'published') return;
  if (!form.followUp.enabled || form.status !== 'open' || form.eventId !== event.eventId) return;
  await sendFollowUp(form, event);
}

/** Queues each invitee's mail (once per form, event and contact) and then FollowUpQueued (once). */
async function sendFollowUp(form: Form, event: Meeting): Promise<void> {
  const [tenant, counters] = await Promise.all([
    getTenant(form.tenantId),
    getCounters(form.tenantId, event.eventId),
  ]);
  const attendanceTaken = counters.attended > 0;
  const closes = form.closesAt ? Date.parse(form.closesAt) : 0;
  const ttl = Math.max(LINK_DAYS * 86_400, Math.ceil((closes - Date.now()) / 1000));
  const base = requireEnv('PUBLIC_BASE_URL');
  const sent = { thanks: 0, 'missed-you': 0 };
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await listInvitations(form.tenantId, event.eventId, { cursor, limit: 100 });
    for (const invitation of page.items) {
      const group = followUpGroup(invitation, attendanceTaken);
      if (!group) continue;
      const token = await signLinkToken(
        {
          purpose: 'feedback',
          tenantId: form.tenantId,
          subject: invitation.contactId,
          campaignId: form.formId,
        },
        ttl,
      );
      const staffText = group === 'thanks' ? form.followUp.thankYouText : form.followUp.missedYouText;
      await queueMail({
        tenantId: form.tenantId,
        contactId: invitation.contactId,
        message: feedbackMessages[group === 'thanks' ? 'feedback-thanks' : 'feedback-missed-you'],
        key: `feedback-follow-up:${form.formId}:${event.eventId}:${invitation.contactId}`,
        name: `${group === 'thanks' ? 'Tack' : 'Vi saknade dig'}: ${event.title}`,
        actor: 'system:feedback-follow-up',
        data: {
          eventTitle: event.title,
          formTitle: form.title,
          formLanguage: form.language,
          feedbackUrl: `${base}/feedback/${token}`,
          staffText,
          organiserName: tenant?.name ?? form.tenantId,
        },
      });
      sent[group]++;
    }
    cursor = page.cursor;
  } while (cursor);
  await emit(form.tenantId, [
    pendingEvent(
      FollowUpQueued,
      {
        tenantId: form.tenantId,
        formId: form.formId,
        eventId: event.eventId,
        thanked: sent.thanks,
        missed: sent['missed-you'],
      },
      `feedback-follow-up-queued-${form.formId}-${event.eventId}`,
    ),
  ]);
}
