/**
 * Wall-clock times in a tenant's IANA zone ↔ instants, for `<input type="datetime-local">`.
 * Staff type "2026-03-25T11:30" meaning Hässleholm's (or Helsingør's) clock; events store the
 * instant. Offsets come from `Intl.DateTimeFormat` (the ICU time-zone data), so no dependency.
 *
 * Daylight-saving days follow the `compatible` rule of Temporal and of most calendars: a time
 * that does not exist (the hour skipped in spring) moves forward by the gap, 02:30 → 03:30; a
 * time that exists twice (the hour repeated in autumn) is the first of the two (summer time).
 */

const wallFormats = new Map<string, Intl.DateTimeFormat>();

function wallFormat(timeZone: string): Intl.DateTimeFormat {
  let format = wallFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      calendar: 'gregory',
      numberingSystem: 'latn',
    });
    wallFormats.set(timeZone, format);
  }
  return format;
}

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(epochMs: number, timeZone: string): Wall {
  const parts: Record<string, number> = {};
  for (const part of wallFormat(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    // Some ICU versions write midnight as 24 even with h23.
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

const wallAsUtc = (w: Wall) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

/** The zone's offset from UTC at an instant, in minutes (Stockholm: 60 in winter, 120 in summer). */
export function offsetMinutes(epochMs: number, timeZone: string): number {
  const whole = Math.floor(epochMs / 1000) * 1000;
  return Math.round((wallAsUtc(wallClock(whole, timeZone)) - whole) / 60_000);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** An instant as the zone's wall clock, for a `datetime-local` value: `YYYY-MM-DDTHH:MM`. */
export function instantToLocalInput(instant: string | Date, timeZone: string): string {
  const epochMs = instant instanceof Date ? instant.getTime() : Date.parse(instant);
  if (Number.isNaN(epochMs)) return '';
  const w = wallClock(epochMs, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;
const DAY_MS = 86_400_000;

/**
 * A `datetime-local` value read on the zone's clock, as an ISO instant in UTC
 * (`2026-03-25T10:30:00.000Z`); undefined when the text is not a real date and time.
 */
export function localInputToInstant(local: string, timeZone: string): string | undefined {
  const match = LOCAL_INPUT.exec(local.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((v) => Number(v ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 31 April over to 1 May: a day that does not exist is not a date.
  if (new Date(asUtc).getUTCDate() !== day) return undefined;
  // The offsets a day before and a day after bracket any one transition near this time.
  const offsets = [offsetMinutes(asUtc - DAY_MS, timeZone), offsetMinutes(asUtc + DAY_MS, timeZone)];
  const wanted = wallAsUtc({ year, month, day, hour, minute, second });
  const candidates = [...new Set(offsets.map((o) => asUtc - o * 60_000))]
    .filter((t) => wallAsUtc(wallClock(t, timeZone)) === wanted)
    .sort((a, b) => a - b);
  // Two candidates: the repeated hour, take the first. None: the skipped hour; reading the time
  // with the offset before the change moves it forward by the gap.
  const chosen = candidates[0] ?? asUtc - (offsets[0] ?? 0) * 60_000;
  return new Date(chosen).toISOString();
}

/** Whether Intl knows the zone (a tenant profile with a typo must not break every page). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    wallFormat(timeZone);
    return true;
  } catch {
    return false;
  }
}
