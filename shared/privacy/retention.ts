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
