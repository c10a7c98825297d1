import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkRegistrant,
  isOpenForRegistration,
  ofRegistrationRecipient,
  registrationIdOf,
  registrationRecipientId,
} from '../../shared/meetings/registration.js';

const open = {
  status: 'published' as const,
  openRegistration: true,
  rsvpDeadline: '2030-01-01T00:00:00.000Z',
};

describe('open registration rules', () => {
  it('has a public page only when published, toggled on and before the deadline', () => {
    const now = Date.parse('2029-12-31T00:00:00Z');
    expect(isOpenForRegistration(open, now)).toBe(true);
    expect(isOpenForRegistration({ ...open, openRegistration: undefined }, now)).toBe(false);
    expect(isOpenForRegistration({ ...open, openRegistration: false }, now)).toBe(false);
    expect(isOpenForRegistration({ ...open, status: 'draft' }, now)).toBe(false);
    expect(isOpenForRegistration({ ...open, status: 'cancelled' }, now)).toBe(false);
    expect(isOpenForRegistration(open, Date.parse('2030-01-01T00:00:01Z'))).toBe(false);
  });

  it('gives one registration id per address and event, whatever the case or spaces, and carries no address', () => {
    fc.assert(
      fc.property(fc.emailAddress(), fc.uuid(), fc.uuid(), (email, eventA, eventB) => {
        const id = registrationIdOf('hassleholm', eventA, email);
        expect(registrationIdOf('hassleholm', eventA, ` ${email.toUpperCase()} `)).toBe(id);
        expect(id).toMatch(/^[A-Za-z0-9_-]{32}$/);
        expect(id).not.toContain('@');
        if (eventA !== eventB) expect(registrationIdOf('hassleholm', eventB, email)).not.toBe(id);
        expect(registrationIdOf('perstorp', eventA, email)).not.toBe(id);
      }),
    );
  });

  it('round-trips a registration recipient id, and reads a contact id as none', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.stringMatching(/^[A-Za-z0-9_-]{32}$/), (eventId, registrationId) => {
        expect(ofRegistrationRecipient(registrationRecipientId(eventId, registrationId))).toEqual({
          eventId,
          registrationId,
        });
        expect(ofRegistrationRecipient(eventId)).toBeUndefined();
      }),
    );
  });

  it('names each bad field in the reader’s language and refuses line breaks (mail headers)', () => {
    const sv = checkRegistrant({ name: 'Eva\r\nBcc: x@y.se', email: 'not-an-address' }, 'sv');
    expect(sv).toEqual({
      ok: false,
      errors: {
        name: 'Namn: en rad, utan radbrytningar.',
        email: 'E-post: skriv en giltig e-postadress.',
      },
    });
    const en = checkRegistrant({ name: '', email: 'eva@example.se\n', organisation: 'x'.repeat(201) }, 'en');
    expect(en).toEqual({
      ok: false,
      errors: {
        name: 'Name: please fill in this field.',
        email: 'Email: one line, without line breaks.',
        organisation: 'Organisation: at most 200 characters.',
      },
    });
    expect(checkRegistrant({ name: ' Eva Ek ', email: ' eva@example.se ', organisation: '' }, 'da')).toEqual({
      ok: true,
      registrant: { name: 'Eva Ek', email: 'eva@example.se' },
    });
  });
});
