import type { Language } from './language.js';
import { shellTexts } from './shell.js';

/* Numbers, dates and periods as each language writes them. */

/** The BCP 47 locale each language formats with. */
export const locales: Record<Language, string> = { sv: 'sv-SE', da: 'da-DK', en: 'en-GB' };

/*
 * Formatters are kept once made: building an Intl formatter costs about a millisecond of CPU
 * (locale data is resolved each time), formatting with one costs microseconds, and a page or
 * mail formats dozens of dates. A handful of languages, zones and styles: the maps stay small.
 */
const numberFormats = new Map<Language, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A count as written in the language (sv/da group thousands with a space/point). */
export function formatNumber(value: number, language: Language): string {
  let format = numberFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(locales[language]);
    numberFormats.set(language, format);
  }
  return format.format(value);
}

/** A formatter for the zone, or for UTC when the stored zone is not one Intl knows (never a crash). */
function formatter(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locales[language], options);
    } catch {
      format = new Intl.DateTimeFormat(locales[language], { ...options, timeZone: 'UTC' });
    }
    dateFormats.set(key, format);
  }
  return format;
}

/** An instant (ISO 8601 with offset) as a date and time in the tenant's zone, e.g. "25 mars 2026 12:30". */
export function formatDateTime(iso: string, language: Language, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter(language, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}

/** A calendar date (`YYYY-MM-DD`, no zone) as written in the language, e.g. "1 juni 2026". */
export function formatDate(isoDate: string, language: Language): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate) || Number.isNaN(date.getTime())) return isoDate;
  return formatter(language, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** A programme's period in words: both ends, one end, or none. */
export function formatPeriod(language: Language, startsOn?: string, endsOn?: string): string {
  const m = shellTexts(language).period;
  if (startsOn && endsOn) return `${formatDate(startsOn, language)} – ${formatDate(endsOn, language)}`;
  if (startsOn) return m.from(formatDate(startsOn, language));
  if (endsOn) return m.until(formatDate(endsOn, language));
  return m.none;
}
