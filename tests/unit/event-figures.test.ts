import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answersPerDay, eventFunnel, MAX_DAYS } from '../../shared/meetings/figures.js';
import { type EventCounters, emptyEventCounters } from '../../shared/meetings/meeting.js';

const counters = (over: Partial<EventCounters>): EventCounters => ({ ...emptyEventCounters(), ...over });

describe('the event funnel', () => {
  it('counts invited people at each step, and people with those they bring for attending and present', () => {
    // Prepare
    const c = counters({
      invited: 10,
      opened: 7,
      attending: 3,
      attendingSeats: 5,
      declined: 2,
      waitlisted: 1,
      attended: 2,
      present: 3,
    });
    // Act
    const funnel = eventFunnel(c);
    // Assess
    expect(funnel.map((s) => [s.stage, s.invitees, s.people])).toEqual([
      ['invited', 10, 10],
      ['opened', 7, 7],
      ['answered', 6, 6],
      ['attending', 3, 5],
      ['present', 2, 3],
    ]);
  });
});

describe('answers per day', () => {
  it('puts hours on the tenant’s clock: 23:00 UTC on 1 March is 2 March in Stockholm', () => {
    // Act
    const days = answersPerDay(
      [
        { hour: '2026-03-01T22', count: 1 },
        { hour: '2026-03-01T23', count: 2 },
        { hour: '2026-03-04T08', count: 1 },
      ],
      'Europe/Stockholm',
    );
    // Assess: gaps filled with zero days, the running total beside.
    expect(days).toEqual([
      { day: '2026-03-01', count: 1, cumulative: 1 },
      { day: '2026-03-02', count: 2, cumulative: 3 },
      { day: '2026-03-03', count: 0, cumulative: 3 },
      { day: '2026-03-04', count: 1, cumulative: 4 },
    ]);
    expect(answersPerDay([], 'Europe/Stockholm')).toEqual([]);
  });

  it('keeps every answer: the last running total is the sum, days ascend one at a time, at most a year shown', () => {
    const hour = fc
      .date({
        min: new Date('2025-01-01T00:00:00Z'),
        max: new Date('2027-06-30T23:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 13));
    fc.assert(
      fc.property(
        fc.array(fc.record({ hour, count: fc.integer({ min: 1, max: 50 }) }), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.constantFrom('Europe/Stockholm', 'Europe/Copenhagen', 'UTC', 'America/New_York'),
        (hours, timeZone) => {
          const days = answersPerDay(hours, timeZone);
          const total = hours.reduce((sum, h) => sum + h.count, 0);
          // Plain checks in the loop (expect per day is slow over a year of days).
          const steps = days.every((d, i) => {
            if (i === 0) return d.cumulative === d.count;
            const previous = days[i - 1] as (typeof days)[number];
            const next = new Date(`${previous.day}T12:00:00Z`);
            next.setUTCDate(next.getUTCDate() + 1);
            return (
              d.day === next.toISOString().slice(0, 10) && d.cumulative === previous.cumulative + d.count
            );
          });
          return days.at(-1)?.cumulative === total && days.length <= MAX_DAYS && steps;
        },
      ),
      { numRuns: 100 },
    );
  });
});
