import type { EventCounters } from './meeting.js';

/*
 * The event page's figures, from what the capability keeps as it goes (the counters item and one
 * small item per hour with first answers), never from the invitations: a page costs the same for
 * 10 or 10,000 invitees.
 */

export const funnelStages = ['invited', 'opened', 'answered', 'attending', 'present'] as const;
export type FunnelStage = (typeof funnelStages)[number];

export interface FunnelStep {
  stage: FunnelStage;
  /** Invitees: the person each invitation went to (one per invitation). */
  invitees: number;
  /** People: invitees, and for attending and present also those they bring (seats). */
  people: number;
}

/**
 * invited → opened (first view of their RSVP page) → answered (any answer) → attending (with a
 * seat) → present (anyone of the answer marked present). The same counters as the page's figures.
 */
export function eventFunnel(c: EventCounters): FunnelStep[] {
  const answered = c.attending + c.waitlisted + c.declined;
  return [
    { stage: 'invited', invitees: c.invited, people: c.invited },
    { stage: 'opened', invitees: c.opened, people: c.opened },
    { stage: 'answered', invitees: answered, people: answered },
    { stage: 'attending', invitees: c.attending, people: c.attendingSeats },
    { stage: 'present', invitees: c.attended, people: c.present },
  ];
}

export interface AnswerDay {
  /** `YYYY-MM-DD` on the tenant's clock. */
  day: string;
  count: number;
  cumulative: number;
}

/** At most this many days are drawn (a year): older days are summed into the first one shown. */
export const MAX_DAYS = 366;

/** `YYYY-MM-DD` on a clock (en-CA writes dates so); one formatter per time zone, made once. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const dayOf = (hour: string, timeZone: string) => {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  return format.format(new Date(`${hour}:00:00Z`));
};

const nextDay = (day: string) => {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
};

/**
 * Hours (UTC, `YYYY-MM-DDTHH`) with their first answers → one row per day on the tenant's clock,
 * from the first day with answers to the last, days without answers included, with the running total.
 */
export function answersPerDay(hours: { hour: string; count: number }[], timeZone: string): AnswerDay[] {
  const byDay = new Map<string, number>();
  for (const { hour, count } of hours) {
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}$/.test(hour) || !(count > 0)) continue;
    const day = dayOf(hour, timeZone);
    byDay.set(day, (byDay.get(day) ?? 0) + count);
  }
  const days = [...byDay.keys()].sort();
  const first = days[0];
  const last = days[days.length - 1];
  if (!first || !last) return [];
  const all: string[] = [];
  for (let day = first; day <= last; day = nextDay(day)) all.push(day);
  // A very long run: the oldest days are summed into the first shown, so the total stays right.
  const shown = all.slice(-MAX_DAYS);
  const before = all.slice(0, all.length - shown.length).reduce((sum, day) => sum + (byDay.get(day) ?? 0), 0);
  let cumulative = 0;
  return shown.map((day, i) => {
    const count = (byDay.get(day) ?? 0) + (i === 0 ? before : 0);
    cumulative += count;
    return { day, count, cumulative };
  });
}
