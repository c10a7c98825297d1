import { localInputToInstant } from '../platform/texts/wall-clock.js';
import { addDays } from './request.js';

/** The hour (tenant's clock) the nightly retention run is due. */
export const RETENTION_HOUR = '03:00';

/**
 * The instant `months` calendar months before `now` (ISO, UTC): what a rule of "after N months"
 * removes is older than this. A day the earlier month lacks (31 → 30 April) is its last day.
 */
export function monthsBefore(now: Date, months: number): string {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const day = Math.min(now.getUTCDate(), lastDay);
  return new Date(
    Date.UTC(
      y,
      m,
      day,
      now.getUTCHours(),
      now.getUTCMinutes(),
      now.getUTCSeconds(),
      now.getUTCMilliseconds(),
    ),
  ).toISOString();
}

/** When the run after `day`'s is due: the next day at {@link RETENTION_HOUR} on the tenant's clock. */
export function nextRetentionRun(day: string, timeZone: string): { day: string; dueAt: string } {
  const next = addDays(day, 1);
  return {
    day: next,
    dueAt: localInputToInstant(`${next}T${RETENTION_HOUR}`, timeZone) ?? `${next}T03:00:00.000Z`,
  };
}

/**
 * Days between the notice mail to a contact without engagement and their erasure: the keep link
 * works until then.
 */
export const NOTICE_DAYS = 30;

/** Notices that went out before this instant (ISO) have had their full period. */
export const noticedBefore = (now: Date): string =>
  new Date(now.getTime() - NOTICE_DAYS * 86_400_000).toISOString();

/** The day the details of a contact noticed at `noticedAt` are removed (UTC date of the period's end). */
export const removalOn = (noticedAt: string): string =>
  new Date(Date.parse(noticedAt) + NOTICE_DAYS * 86_400_000).toISOString().slice(0, 10);

/** What the rule "contacts without any engagement for N months" does with one contact tonight. */
export type InactivityStep = 'untouched' | 'notice' | 'waiting' | 'keep' | 'erase';

/**
 * The rule's decision for a contact (pure). Not noticed: noticed once the last engagement is older
 * than `months` months (a contact with no recorded engagement predates the rule's clock and is
 * left alone). Noticed: nothing until the notice period has passed, then kept if they engaged
 * after the notice (the keep link, an answer, an edit by staff), else erased.
 */
export function inactivityStep(
  contact: { lastEngagedAt?: string; noticedAt?: string },
  now: Date,
  months: number,
): InactivityStep {
  const { lastEngagedAt, noticedAt } = contact;
  if (noticedAt === undefined) {
    return lastEngagedAt !== undefined && lastEngagedAt < monthsBefore(now, months) ? 'notice' : 'untouched';
  }
  if (noticedAt >= noticedBefore(now)) return 'waiting';
  return lastEngagedAt !== undefined && lastEngagedAt > noticedAt ? 'keep' : 'erase';
}
