import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { personRef } from '../../shared/platform/privacy/person-ref.js';
import { auditEntrySchema } from '../../shared/privacy/audit.js';
import { addDays, dueDate, requestInputSchema, todayIn } from '../../shared/privacy/request.js';
import {
  inactivityStep,
  monthsBefore,
  NOTICE_DAYS,
  nextRetentionRun,
  removalOn,
} from '../../shared/privacy/retention.js';

const SECRET = 'a-test-secret-that-is-at-least-32-bytes-long';

describe('the due date of a request (one calendar month, Art. 12(3))', () => {
  it.each([
    ['2026-01-15', '2026-02-15'],
    ['2026-01-31', '2026-02-28'],
    ['2028-01-31', '2028-02-29'],
    ['2026-03-31', '2026-04-30'],
    ['2026-12-20', '2027-01-20'],
    ['2026-02-28', '2026-03-28'],
  ])('received %s → due %s', (received, due) => {
    expect(dueDate(received)).toBe(due);
  });

  it('is in the next month, on the same day or that month’s last, never more than 31 days on', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        (d) => {
          const received = d.toISOString().slice(0, 10);
          const due = dueDate(received);
          const [y, m, day] = received.split('-').map(Number) as [number, number, number];
          const [dy, dm, dd] = due.split('-').map(Number) as [number, number, number];
          expect((dy - y) * 12 + (dm - m)).toBe(1);
          const lastOfDueMonth = new Date(Date.UTC(dy, dm, 0)).getUTCDate();
          expect(dd).toBe(Math.min(day, lastOfDueMonth));
          const days = (Date.parse(due) - Date.parse(received)) / 86_400_000;
          expect(days).toBeGreaterThanOrEqual(28);
          expect(days).toBeLessThanOrEqual(31);
        },
      ),
    );
  });

  it('counts on the tenant’s clock: 23:30 UTC on 31 January is 1 February in Stockholm', () => {
    const now = new Date('2026-01-31T23:30:00Z');
    expect(todayIn('Europe/Stockholm', now)).toBe('2026-02-01');
    expect(todayIn('UTC', now)).toBe('2026-01-31');
    expect(addDays('2026-02-25', 7)).toBe('2026-03-04');
  });
});

describe('requests as staff enter them', () => {
  const valid = {
    kind: 'erasure',
    email: ' Karin@Example.se ',
    requesterName: 'Karin',
    identityCheck: 'e-id',
    receivedOn: '2026-02-10',
  };
  it('takes a complete request', () => {
    expect(requestInputSchema.parse(valid).email).toBe('Karin@Example.se');
  });
  it.each([
    ['kind', { kind: 'delete-everything' }],
    ['email', { email: 'not an address' }],
    ['email', { email: 'a@b.se\r\nBcc: x@y.se' }],
    ['requesterName', { requesterName: ' ' }],
    ['identityCheck', { identityCheck: 'trust-me' }],
    ['receivedOn', { receivedOn: '2026-02-30' }],
    ['receivedOn', { receivedOn: '10/2/2026' }],
  ])('refuses a bad %s, naming it', (field, change) => {
    const result = requestInputSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
  });
});

describe('how the register and the audit log refer to a person', () => {
  it('is a keyed hash: stable per tenant and address, different across tenants and keys, no address in it', () => {
    const a = personRef('hassleholm', 'Karin@Example.se', SECRET);
    expect(a).toBe(personRef('hassleholm', ' karin@example.se', SECRET));
    expect(a).not.toBe(personRef('helsingor', 'karin@example.se', SECRET));
    expect(a).not.toBe(personRef('hassleholm', 'karin@example.se', `${SECRET}x`));
    expect(a).not.toContain('karin');
  });
  it('refuses an audit entry that holds an address', () => {
    const entry = { action: 'export', actor: 'staff-1', what: 'export of karin@example.se', count: 3 };
    expect(auditEntrySchema.safeParse(entry).success).toBe(false);
    expect(auditEntrySchema.safeParse({ ...entry, what: 'export' }).success).toBe(true);
  });
});

describe('retention cut-offs and runs', () => {
  it.each([
    ['2027-03-31T12:00:00.000Z', 1, '2027-02-28T12:00:00.000Z'],
    ['2027-03-15T00:00:00.000Z', 13, '2026-02-15T00:00:00.000Z'],
    ['2027-01-10T08:30:00.000Z', 24, '2025-01-10T08:30:00.000Z'],
  ])('%s minus %i months is %s', (now, months, cutoff) => {
    expect(monthsBefore(new Date(now), months)).toBe(cutoff);
  });

  it('cuts off between months−1 and months+1 calendar months of days before, never after now', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2001-01-01'), max: new Date('2098-12-31'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 120 }),
        (now, months) => {
          const days = (now.getTime() - Date.parse(monthsBefore(now, months))) / 86_400_000;
          expect(days).toBeGreaterThanOrEqual(months * 28 - 3);
          expect(days).toBeLessThanOrEqual(months * 31 + 1);
        },
      ),
    );
  });

  it('runs the next night at 03:00 on the tenant’s clock', () => {
    expect(nextRetentionRun('2026-03-28', 'Europe/Stockholm')).toEqual({
      day: '2026-03-29',
      dueAt: '2026-03-29T01:00:00.000Z',
    });
    expect(nextRetentionRun('2026-06-30', 'Europe/Copenhagen').dueAt).toBe('2026-07-01T01:00:00.000Z');
  });
});

describe('the rule "contacts without any engagement for N months" (inactivityStep)', () => {
  const now = new Date('2026-06-15T03:00:00.000Z');
  const iso = (d: Date) => d.toISOString();
  const day = 86_400_000;

  it.each([
    ['engaged last month', { lastEngagedAt: '2026-05-15T10:00:00.000Z' }, 'untouched'],
    ['no engagement recorded (predates the rule)', {}, 'untouched'],
    ['silent 13 months', { lastEngagedAt: '2025-05-14T10:00:00.000Z' }, 'notice'],
    [
      'noticed 10 days ago',
      { lastEngagedAt: '2025-05-01T00:00:00.000Z', noticedAt: iso(new Date(now.getTime() - 10 * day)) },
      'waiting',
    ],
    [
      'noticed 31 days ago, silent since',
      { lastEngagedAt: '2025-05-01T00:00:00.000Z', noticedAt: iso(new Date(now.getTime() - 31 * day)) },
      'erase',
    ],
    [
      'noticed 31 days ago, kept since',
      {
        lastEngagedAt: iso(new Date(now.getTime() - 5 * day)),
        noticedAt: iso(new Date(now.getTime() - 31 * day)),
      },
      'keep',
    ],
  ] as const)('%s → %s', (_, contact, step) => {
    expect(inactivityStep(contact, now, 12)).toBe(step);
  });

  it('never erases before the notice period has passed or anyone who engaged after the notice; notices only the silent', () => {
    const instant = fc.date({
      min: new Date('2010-01-01'),
      max: new Date('2040-12-31'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(
        instant,
        fc.option(instant, { nil: undefined }),
        fc.option(instant, { nil: undefined }),
        fc.integer({ min: 6, max: 120 }),
        (at, engaged, noticed, months) => {
          const contact = { lastEngagedAt: engaged && iso(engaged), noticedAt: noticed && iso(noticed) };
          const step = inactivityStep(contact, at, months);
          if (step === 'notice') {
            expect(contact.noticedAt).toBeUndefined();
            expect(String(contact.lastEngagedAt) < monthsBefore(at, months)).toBe(true);
          }
          if (step === 'erase' || step === 'keep') {
            expect(at.getTime() - Date.parse(String(contact.noticedAt))).toBeGreaterThan(NOTICE_DAYS * day);
          }
          if (step === 'erase' && contact.lastEngagedAt !== undefined)
            expect(contact.lastEngagedAt <= String(contact.noticedAt)).toBe(true);
          if (contact.noticedAt === undefined) expect(['notice', 'untouched']).toContain(step);
          // Engaging later never brings a contact closer to its erasure.
          const later = new Date(at.getTime() + 1000);
          if (contact.noticedAt !== undefined && step !== 'waiting')
            expect(inactivityStep({ ...contact, lastEngagedAt: iso(later) }, at, months)).toBe('keep');
          if (contact.noticedAt === undefined)
            expect(inactivityStep({ lastEngagedAt: iso(later) }, at, months)).toBe('untouched');
        },
      ),
    );
  });

  it('removes on the day the notice period ends', () => {
    expect(removalOn('2026-06-15T03:00:00.000Z')).toBe('2026-07-15');
  });
});
