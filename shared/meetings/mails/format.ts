import type { Language } from '../../platform/texts/language.js';
import { type EventTexts, eventMailTexts } from './texts.js';

/**
 * Dates and times of event mails: in the recipient's language and the tenant's time zone.
 * The names of days and months come from Intl (ICU); how they are put together, and the time
 * separator ("11:30", Danish "11.30"), from `texts.ts`, so output does not shift with ICU versions.
 */

const locales: Record<Language, string> = { sv: 'sv-SE', da: 'da-DK', en: 'en-GB' };

const formats = new Map<string, Intl.DateTimeFormat>();

/** Intl.DateTimeFormat is slow to build and a bulk send formats the same few dates per language. */
function formatOf(kind: 'date' | 'time' | 'day', language: Language, timeZone: string): Intl.DateTimeFormat {
  const key = `${kind}|${language}|${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'date'
        ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }
        : kind === 'time'
          ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
          : { year: 'numeric', month: '2-digit', day: '2-digit' };
    format = new Intl.DateTimeFormat(kind === 'day' ? 'en-US' : locales[language], {
      ...options,
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
    });
    formats.set(key, format);
  }
  return format;
}

function dateOf(instant: string | Date): Date {
  const date = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(date.getTime())) throw new Error(`Not a valid instant: ${String(instant)}`);
  return date;
}

function partsOf(
  format: Intl.DateTimeFormat,
  date: Date,
): Partial<Record<Intl.DateTimeFormatPartTypes, string>> {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of format.formatToParts(date)) if (part.type !== 'literal') parts[part.type] = part.value;
  return parts;
}

const textsOf = (language: Language): EventTexts => eventMailTexts[language];

/** The day in `timeZone`, e.g. "onsdag 25 mars 2026", "onsdag den 25. marts 2026", "Wednesday 25 March 2026". */
export function formatEventDate(instant: string | Date, language: Language, timeZone: string): string {
  const p = partsOf(formatOf('date', language, timeZone), dateOf(instant));
  return textsOf(language).date({
    weekday: p.weekday ?? '',
    day: p.day ?? '',
    month: p.month ?? '',
    year: p.year ?? '',
  });
}

/** The time of day in `timeZone`, 24-hour: "11:30" (Danish "11.30"). */
export function formatEventTime(instant: string | Date, language: Language, timeZone: string): string {
  const p = partsOf(formatOf('time', language, timeZone), dateOf(instant));
  return textsOf(language).time(p.hour ?? '00', p.minute ?? '00');
}

/** An agenda time as typed ("HH:MM", already local) in the language's form. */
export function formatAgendaTime(time: string, language: Language): string {
  const [hour = '', minute = ''] = time.split(':');
  return textsOf(language).time(hour, minute);
}

/** A moment, e.g. a reply deadline: "tisdag 17 mars 2026 kl. 12:00". */
export function formatEventDateTime(instant: string | Date, language: Language, timeZone: string): string {
  return textsOf(language).dateTime(
    formatEventDate(instant, language, timeZone),
    formatEventTime(instant, language, timeZone),
  );
}

const dayKey = (date: Date, timeZone: string) => {
  const p = partsOf(formatOf('day', 'en', timeZone), date);
  return `${p.year}-${p.month}-${p.day}`;
};

/**
 * When an event takes place: "onsdag 25 mars 2026 kl. 11:30–13:00", or with both dates when it
 * ends on another day (in `timeZone`). Also what `event-updated` callers use for a time change.
 */
export function formatEventWhen(
  start: string | Date,
  end: string | Date,
  language: Language,
  timeZone: string,
): string {
  const from = dateOf(start);
  const to = dateOf(end);
  const t = textsOf(language);
  if (dayKey(from, timeZone) === dayKey(to, timeZone)) {
    return t.sameDay(
      formatEventDate(from, language, timeZone),
      formatEventTime(from, language, timeZone),
      formatEventTime(to, language, timeZone),
    );
  }
  return t.range(formatEventDateTime(from, language, timeZone), formatEventDateTime(to, language, timeZone));
}

/** A place as one text: the name, and the address on the next line when there is one. */
export function formatPlace(place: { name: string; address?: string }): string {
  const address = place.address?.trim() ?? '';
  return address === '' ? place.name : `${place.name}\n${address}`;
}
