import type { Invitation } from './meeting.js';

/**
 * Who of an answer is present on the day (0-based, in the order of its names). Marks from before
 * attendance was per person (`attended` and no `present`) count as everyone on the answer.
 */
export function presentOf(invitation: Pick<Invitation, 'present' | 'attended' | 'seats'>): number[] {
  if (invitation.present) return [...invitation.present].sort((a, b) => a - b);
  return invitation.attended ? Array.from({ length: Math.max(1, invitation.seats) }, (_, i) => i) : [];
}
