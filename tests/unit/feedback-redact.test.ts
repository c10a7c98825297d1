import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCounts, MASKS, redact } from '../../shared/feedback/redact.js';

describe('redaction of personal data in free text', () => {
  it.each([
    ['anna.berg@foretag.se', 'email'],
    ['Lars-Åke.Öberg+test@kommun.hassleholm.se', 'email'],
    ['070-123 45 67', 'phone'],
    ['+46 70 123 45 67', 'phone'],
    ['+46 (0)70-1234567', 'phone'],
    ['0451-123 45', 'phone'],
    ['08 123 456 78', 'phone'],
    ['+45 12 34 56 78', 'phone'],
    ['0045 12345678', 'phone'],
    ['12 34 56 78', 'phone'],
    ['19800101-1234', 'id-number'],
    ['800101-1234', 'id-number'],
    ['800101+1234', 'id-number'],
    ['198001011234', 'id-number'],
    ['800161-1234', 'id-number'],
    ['311280-1234', 'id-number'],
    ['3112801234', 'id-number'],
  ] as const)('masks %s (%s)', (value, kind) => {
    const result = redact(`Ring mig: ${value}, tack.`);
    expect(result.text).toBe(`Ring mig: ${MASKS[kind]}, tack.`);
    expect(result.counts[kind]).toBe(1);
    expect(result.total).toBe(1);
  });

  it('masks known names, whole and in parts, case-insensitively, and counts each', () => {
    const result = redact('Anna Berg sa att anna och Berg-gruppen, inte Annamaria, vill ha mer.', {
      names: ['Anna Berg', 'Bo Ek'],
    });
    expect(result.text).toBe('[name] sa att [name] och [name]-gruppen, inte Annamaria, vill ha mer.');
    expect(result.counts.name).toBe(3);
  });

  it('leaves numbers that are not personal data: years, prices, counts', () => {
    const text = 'Under 2024 2025 anställde vi 12 personer; hyran är 45 000 kr och 3,5 %.';
    expect(redact(text)).toMatchObject({ text, total: 0 });
  });

  it('counts several of each kind in one text', () => {
    const result = redact('a@b.se, c@d.dk, 070-111 22 33 och 19900101-1234');
    expect(result.counts).toEqual({ email: 2, phone: 1, 'id-number': 1, name: 0 });
    expect(result.total).toBe(4);
    // An export adds up its cells' counts.
    const total = { email: 0, phone: 0, 'id-number': 0, name: 0 };
    addCounts(total, result.counts);
    addCounts(total, redact('e@f.se').counts);
    expect(total).toEqual({ email: 3, phone: 1, 'id-number': 1, name: 0 });
  });

  const word = fc.stringMatching(/^[a-zåäö]{1,10}$/);
  const filler = fc.array(word, { maxLength: 6 }).map((w) => w.join(' '));
  const emailArb = fc
    .tuple(
      fc.stringMatching(/^[a-z][a-z0-9.]{0,10}[a-z0-9]$/),
      fc.stringMatching(/^[a-z]{2,10}$/),
      fc.constantFrom('se', 'dk', 'com'),
    )
    .map(([user, host, tld]) => `${user}@${host}.${tld}`);
  const mobileArb = fc
    .tuple(fc.constantFrom('070', '072', '073', '+46 70', '+45'), fc.stringMatching(/^\d{7,8}$/))
    .map(([prefix, rest]) => `${prefix}-${rest.slice(0, 3)} ${rest.slice(3, 5)} ${rest.slice(5)}`);
  const pnrArb = fc
    .tuple(
      fc.integer({ min: 1940, max: 2009 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 }),
      fc.stringMatching(/^\d{4}$/),
    )
    .map(([y, m, d, n]) => `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}-${n}`);

  it('property: whatever surrounds them, embedded emails, phones and personnummer never survive', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(filler, fc.oneof(emailArb, mobileArb, pnrArb)), { minLength: 1, maxLength: 5 }),
        filler,
        (parts, tail) => {
          const secrets = parts.map(([, secret]) => secret);
          const text = `${parts.map(([before, secret]) => `${before} ${secret}`).join(' ')} ${tail}`;
          const result = redact(text);
          for (const secret of secrets) expect(result.text).not.toContain(secret);
          // No digit run of a phone or id survives, and every secret was counted.
          expect(result.text).not.toMatch(/\d{4}/);
          expect(result.total).toBe(secrets.length);
          // Masking again finds nothing more.
          expect(redact(result.text).total).toBe(0);
        },
      ),
    );
  });

  it('property: text without digits, @ or known names is returned as it was', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !/[\d@]/.test(s)),
        (text) => {
          expect(redact(text)).toMatchObject({ text, total: 0 });
        },
      ),
    );
  });
});
