import { describe, expect, it } from 'vitest';
import { followUpDueAt, followUpGroup } from '../../shared/feedback/follow-up.js';

describe('who gets which follow-up mail', () => {
  it.each([
    [{ status: 'attending', attended: true }, true, 'thanks'],
    [{ status: 'attending' }, false, 'thanks'],
    [{ status: 'attending' }, true, 'missed-you'],
    [{ status: 'attending', attended: false }, true, 'missed-you'],
    [{ status: 'invited' }, true, 'missed-you'],
    [{ status: 'invited' }, false, 'missed-you'],
    [{ status: 'declined' }, true, undefined],
    [{ status: 'waitlisted' }, false, undefined],
    // Marked present is present, whatever the answer said.
    [{ status: 'declined', attended: true }, true, 'thanks'],
  ] as const)('%o with attendance taken %s: %s', (invitation, taken, group) => {
    expect(followUpGroup(invitation, taken)).toBe(group);
  });

  it('goes out the delay after the end', () => {
    expect(followUpDueAt('2030-05-01T12:00:00.000Z', 90)).toBe('2030-05-01T13:30:00.000Z');
  });
});
