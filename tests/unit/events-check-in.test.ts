import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchAttendees } from '../../shared/meetings/pages/check-in.js';
import type { AttendeeRow } from '../../shared/meetings/pages/live.js';

/** An attending answer as the check-in lists it. */
const row = (
  contactId: string,
  contactName: string,
  organisationName: string,
  names: string[],
): AttendeeRow => ({
  tenantId: 't',
  eventId: 'e',
  contactId,
  organisationId: `org-${contactId}`,
  organisationType: 'company',
  status: 'attending',
  seats: Math.max(1, names.length),
  names,
  dietary: [],
  invitedAt: '2026-01-01T00:00:00.000Z',
  version: 2,
  contactName,
  email: `${contactId}@example.com`,
  organisationName,
});

const word = fc.stringMatching(/^[A-Za-zÅÄÖåäöÆØæøÉé]{1,12}$/);
const rows = fc
  .uniqueArray(
    fc.record({
      id: fc.stringMatching(/^[a-z0-9]{1,8}$/),
      name: word,
      org: word,
      names: fc.array(word, { maxLength: 3 }),
    }),
    { selector: (r) => r.id, minLength: 1, maxLength: 12 },
  )
  .map((list) => list.map((r) => row(r.id, r.name, r.org, r.names)));
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

describe('the check-in search', () => {
  it('finds every answer whose contact, organisation or any name holds the words, whatever their case and accents, and only those', () => {
    fc.assert(
      fc.property(rows, fc.nat(), fc.boolean(), (list, pick, upper) => {
        const target = list[pick % list.length] as AttendeeRow;
        const source =
          [target.contactName, target.organisationName, ...target.names][pick % (2 + target.names.length)] ??
          '';
        const typed = upper ? fold(source).toUpperCase() : fold(source);
        const found = matchAttendees(list, ` ${typed} `);
        expect(found).toContain(target);
        for (const r of found)
          expect(fold([r.contactName, r.organisationName, ...r.names].join(' '))).toContain(fold(typed));
        // Nothing typed: everyone.
        expect(matchAttendees(list, '   ')).toEqual(list);
      }),
    );
  });

  it('needs every word: a name and an organisation narrow to the one answer', () => {
    const list = [
      row('a', 'Åsa Östlund', 'Tryckeriet AB', ['Åsa Östlund', 'Bo Ek']),
      row('b', 'Åsa Berg', 'Bageriet', []),
    ];
    expect(matchAttendees(list, 'asa').map((r) => r.contactId)).toEqual(['a', 'b']);
    expect(matchAttendees(list, 'ASA ostlund').map((r) => r.contactId)).toEqual(['a']);
    expect(matchAttendees(list, 'bo tryck').map((r) => r.contactId)).toEqual(['a']);
    expect(matchAttendees(list, 'asa zz')).toEqual([]);
  });
});
