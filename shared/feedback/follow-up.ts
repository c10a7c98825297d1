/*
 * Who gets which follow-up mail after an event. Pure.
 */

/** What the follow-up needs of an invitation (the meetings capability's `Invitation`). */
export interface InvitationFacts {
  status: 'invited' | 'attending' | 'waitlisted' | 'declined' | string;
  attended?: boolean;
}

export type FollowUpGroup = 'thanks' | 'missed-you';

/**
 * `thanks` for those who came: marked present, or attending when attendance was not taken.
 * `missed-you` for those who said yes but were not marked present (attendance taken), and
 * those invited who never answered. Nothing for those who declined or stayed on the waitlist.
 */
export function followUpGroup(
  invitation: InvitationFacts,
  attendanceTaken: boolean,
): FollowUpGroup | undefined {
  if (invitation.attended === true) return 'thanks';
  if (invitation.status === 'attending') return attendanceTaken ? 'missed-you' : 'thanks';
  if (invitation.status === 'invited') return 'missed-you';
  return undefined;
}

/** When the follow-up of an event that ended at `end` goes out. */
export const followUpDueAt = (end: string, delayMinutes: number) =>
  new Date(Date.parse(end) + delayMinutes * 60_000).toISOString();
