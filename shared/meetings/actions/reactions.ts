import type { DetailOf } from '../../platform/bus/contract.js';
import { upsertSchedule } from '../../platform/schedules/store.js';
import {
  type InvitationAnswered,
  type MeetingCancelled,
  type MeetingChanged,
  MeetingEnded,
  type MeetingPublished,
  type SeatsReleased,
  type WaitlistPromoted,
} from '../events.js';
import type { Meeting } from '../meeting.js';
import { getEvent, getInvitation, promoteFromWaitlist, waitlistPosition } from '../store.js';
import {
  confirmAnswer,
  notifyEventCancelled,
  notifyEventChanged,
  notifyPromoted,
  scheduleReminders,
} from './notify.js';

/**
 * What the meetings capability does when its own events arrive from the bus (through the outbox):
 * tell people (through the mail pipeline), promote the waitlist, schedule reminders and the end.
 * Each reaction is idempotent, because delivery is at least once: mails have keys derived from
 * the event (a second request queues nothing), promotion re-checks the counters, schedules have
 * fixed ids.
 */

/** An answer's confirmation, unless a newer answer has superseded it (that one has its own event). */
export async function onInvitationAnswered(detail: DetailOf<typeof InvitationAnswered>): Promise<void> {
  const event = await getEvent(detail.tenantId, detail.eventId);
  const invitation = await getInvitation(detail.tenantId, detail.eventId, detail.contactId);
  if (!event || invitation?.version !== detail.invitationVersion) return;
  const outcome =
    detail.status === 'attending'
      ? ({ result: 'attending', seats: detail.seats } as const)
      : detail.status === 'waitlisted'
        ? ({
            result: 'waitlisted',
            position: invitation.waitlistedAt
              ? await waitlistPosition(detail.tenantId, detail.eventId, invitation.waitlistedAt)
              : 1,
          } as const)
        : ({ result: 'declined', releasedSeats: detail.releasedSeats } as const);
  await confirmAnswer(
    event,
    invitation,
    outcome,
    detail.actor,
    undefined,
    detail.previousStatus,
    detail.removedFromWaitlist,
  );
}

export async function onWaitlistPromoted(detail: DetailOf<typeof WaitlistPromoted>): Promise<void> {
  const event = await getEvent(detail.tenantId, detail.eventId);
  const invitation = await getInvitation(detail.tenantId, detail.eventId, detail.contactId);
  if (!event || invitation?.version !== detail.invitationVersion) return;
  await notifyPromoted(event, [detail.contactId], detail.actor);
}

/** Freed seats go to the waitlist, first come first served (each promotion announces itself). */
export async function onSeatsReleased(detail: DetailOf<typeof SeatsReleased>): Promise<void> {
  const event = await getEvent(detail.tenantId, detail.eventId);
  if (event?.status !== 'published') return;
  await promoteFromWaitlist(event, 'system:waitlist');
}

export async function onMeetingPublished(detail: DetailOf<typeof MeetingPublished>): Promise<void> {
  const event = await getEvent(detail.tenantId, detail.eventId);
  if (event?.status !== 'published') return;
  await scheduleTimes(event);
}

export async function onMeetingChanged(detail: DetailOf<typeof MeetingChanged>): Promise<void> {
  const event = await getEvent(detail.tenantId, detail.eventId);
  if (event?.status !== 'published') return;
  // The mail describes this change; a later change has its own event and its own mail.
  if (detail.changes.length > 0 && event.sequence === detail.sequence) {
    await notifyEventChanged(event, detail.changes, detail.actor);
  }
  if (detail.timesMoved) await scheduleTimes(event);
}

export async function onMeetingCancelled(detail: DetailOf<typeof MeetingCancelled>): Promise<void> {
  if (!detail.wasPublished) return;
  const event = await getEvent(detail.tenantId, detail.eventId);
  if (!event) return;
  await notifyEventCancelled(event, detail.message, detail.actor);
}

/** Reminders, and MeetingEnded at the end (moved when the meeting moves). */
async function scheduleTimes(event: Meeting): Promise<void> {
  await scheduleReminders(event);
  if (Date.parse(event.end) <= Date.now()) return;
  await upsertSchedule({
    tenantId: event.tenantId,
    scheduleId: `ended-${event.eventId}`,
    dueAt: new Date(event.end).toISOString(),
    event: MeetingEnded,
    detail: { tenantId: event.tenantId, eventId: event.eventId, end: new Date(event.end).toISOString() },
  });
}
