import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  instantToLocalInput,
  isKnownTimeZone,
  localInputToInstant,
  offsetMinutes,
} from '../../shared/platform/texts/wall-clock.js';

const STOCKHOLM = 'Europe/Stockholm';
const COPENHAGEN = 'Europe/Copenhagen';

describe('wall-clock times in the tenant’s zone → instants', () => {
  it.each([
    [STOCKHOLM, '2026-01-15T12:00', '2026-01-15T11:00:00.000Z'],
    [STOCKHOLM, '2026-07-01T12:00', '2026-07-01T10:00:00.000Z'],
    [COPENHAGEN, '2026-01-15T08:30', '2026-01-15T07:30:00.000Z'],
    [COPENHAGEN, '2026-08-20T17:45', '2026-08-20T15:45:00.000Z'],
    ['UTC', '2026-03-29T02:30', '2026-03-29T02:30:00.000Z'],
    ['Asia/Kolkata', '2026-01-01T00:00', '2025-12-31T18:30:00.000Z'],
    ['America/New_York', '2026-03-08T01:59', '2026-03-08T06:59:00.000Z'],
    [STOCKHOLM, '2026-01-15T12:00:30', '2026-01-15T11:00:30.000Z'],
  ])('%s %s → %s', (zone, local, instant) => {
    expect(localInputToInstant(local, zone)).toBe(instant);
    expect(instantToLocalInput(instant, zone)).toBe(local.slice(0, 16));
  });

  it('knows the offsets of summer and winter time', () => {
    expect(offsetMinutes(Date.parse('2026-01-15T12:00:00Z'), STOCKHOLM)).toBe(60);
    expect(offsetMinutes(Date.parse('2026-07-15T12:00:00Z'), STOCKHOLM)).toBe(120);
    expect(offsetMinutes(Date.parse('2026-07-15T12:00:00Z'), 'Asia/Kolkata')).toBe(330);
    expect(offsetMinutes(Date.parse('2026-07-15T12:00:00Z'), 'America/New_York')).toBe(-240);
  });

  it('refuses what is not a date and time', () => {
    for (const bad of [
      '',
      'tomorrow',
      '2026-02-30T10:00',
      '2026-13-01T10:00',
      '2026-04-31T10:00',
      '2026-01-01T24:00',
      '2026-01-01T10:60',
      '26-01-01T10:00',
    ]) {
      expect(localInputToInstant(bad, STOCKHOLM), bad).toBeUndefined();
    }
    expect(localInputToInstant('2028-02-29T10:00', STOCKHOLM)).toBe('2028-02-29T09:00:00.000Z');
    expect(instantToLocalInput('not a date', STOCKHOLM)).toBe('');
  });

  it('tells known zones from typos', () => {
    expect(isKnownTimeZone(STOCKHOLM)).toBe(true);
    expect(isKnownTimeZone('Europe/Stokholm')).toBe(false);
  });
});

describe('daylight-saving days', () => {
  // The EU changes on the last Sunday of March and October at 01:00 UTC: 2026-03-29, 2026-10-25.
  describe.each([
    [STOCKHOLM, { spring: '2026-03-29', autumn: '2026-10-25' }],
    [COPENHAGEN, { spring: '2026-03-29', autumn: '2026-10-25' }],
    [STOCKHOLM, { spring: '2025-03-30', autumn: '2025-10-26' }],
    [COPENHAGEN, { spring: '2025-03-30', autumn: '2025-10-26' }],
  ])('%s', (zone, days) => {
    const day = (date: string, hours: number) =>
      new Date(Date.parse(`${date}T00:00:00Z`) + hours * 3_600_000);
    const previous = (date: string) =>
      new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

    it('spring: times before and after the skipped hour', () => {
      expect(localInputToInstant(`${days.spring}T01:59`, zone)).toBe(`${days.spring}T00:59:00.000Z`);
      expect(localInputToInstant(`${days.spring}T03:00`, zone)).toBe(day(days.spring, 1).toISOString());
      expect(localInputToInstant(`${days.spring}T12:00`, zone)).toBe(day(days.spring, 10).toISOString());
      expect(instantToLocalInput(`${days.spring}T00:59:00Z`, zone)).toBe(`${days.spring}T01:59`);
      expect(instantToLocalInput(day(days.spring, 1), zone)).toBe(`${days.spring}T03:00`);
    });

    it('spring: a time in the skipped hour moves forward by the gap', () => {
      // 02:30 never happens: read with the winter offset it is 01:30 UTC, which the clock shows as 03:30.
      const instant = localInputToInstant(`${days.spring}T02:30`, zone);
      expect(instant).toBe(day(days.spring, 1.5).toISOString());
      expect(instantToLocalInput(instant ?? '', zone)).toBe(`${days.spring}T03:30`);
    });

    it('autumn: the repeated hour is read as its first occurrence (summer time)', () => {
      expect(localInputToInstant(`${days.autumn}T02:30`, zone)).toBe(day(days.autumn, 0.5).toISOString());
      // Both instants of the repeated hour show the same wall-clock time.
      expect(instantToLocalInput(day(days.autumn, 0.5), zone)).toBe(`${days.autumn}T02:30`);
      expect(instantToLocalInput(day(days.autumn, 1.5), zone)).toBe(`${days.autumn}T02:30`);
      expect(localInputToInstant(`${days.autumn}T01:59`, zone)).toBe(
        `${previous(days.autumn)}T23:59:00.000Z`,
      );
      expect(localInputToInstant(`${days.autumn}T03:00`, zone)).toBe(day(days.autumn, 2).toISOString());
      expect(localInputToInstant(`${days.autumn}T12:00`, zone)).toBe(day(days.autumn, 11).toISOString());
    });
  });

  it('the Danish change happens at the same instant as the Swedish one', () => {
    for (const instant of [
      '2026-03-29T00:59:00Z',
      '2026-03-29T01:00:00Z',
      '2026-10-25T00:59:00Z',
      '2026-10-25T01:00:00Z',
    ]) {
      expect(offsetMinutes(Date.parse(instant), STOCKHOLM)).toBe(
        offsetMinutes(Date.parse(instant), COPENHAGEN),
      );
    }
    expect(offsetMinutes(Date.parse('2026-03-29T00:59:00Z'), STOCKHOLM)).toBe(60);
    expect(offsetMinutes(Date.parse('2026-03-29T01:00:00Z'), STOCKHOLM)).toBe(120);
    expect(offsetMinutes(Date.parse('2026-10-25T00:59:00Z'), COPENHAGEN)).toBe(120);
    expect(offsetMinutes(Date.parse('2026-10-25T01:00:00Z'), COPENHAGEN)).toBe(60);
  });
});

describe('both ways, for any minute', () => {
  const zones = fc.constantFrom(STOCKHOLM, COPENHAGEN, 'America/New_York', 'Australia/Lord_Howe', 'UTC');
  // Whole minutes between 1971 and 2099.
  const minutes = fc.integer({ min: 525_600, max: 68_374_080 }).map((m) => m * 60_000);

  it('instant → wall clock → instant gives the instant back, except in the second of a repeated hour', () => {
    fc.assert(
      fc.property(zones, minutes, (zone, epochMs) => {
        const local = instantToLocalInput(new Date(epochMs), zone);
        const back = Date.parse(localInputToInstant(local, zone) ?? '');
        if (back === epochMs) return true;
        // The repeated hour: the same wall time an offset change earlier, which is read first.
        expect(back).toBeLessThan(epochMs);
        expect(instantToLocalInput(new Date(back), zone)).toBe(local);
        expect(offsetMinutes(back, zone)).toBeGreaterThan(offsetMinutes(epochMs, zone));
        return true;
      }),
      { numRuns: 2000 },
    );
  });

  it('wall clock → instant → wall clock gives the time back, unless it was skipped (then it moved forward)', () => {
    fc.assert(
      fc.property(zones, minutes, (zone, epochMs) => {
        // Any wall-clock time: the UTC fields of a random instant.
        const local = new Date(epochMs).toISOString().slice(0, 16);
        const instant = localInputToInstant(local, zone);
        expect(instant).toBeDefined();
        const shown = instantToLocalInput(instant ?? '', zone);
        if (shown === local) return true;
        const moved = (Date.parse(`${shown}:00Z`) - Date.parse(`${local}:00Z`)) / 60_000;
        expect(moved).toBeGreaterThan(0);
        expect(moved).toBeLessThanOrEqual(60);
        return true;
      }),
      { numRuns: 2000 },
    );
  });
});
