import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CampaignCounter,
  type CounterDeltas,
  countersForMove,
  type DeliveryStatus,
  isForwardMove,
  pendingOf,
} from '../../shared/mail/campaign.js';

const statuses: DeliveryStatus[] = [
  'queued',
  'sending',
  'sent',
  'delivered',
  'bounced',
  'complained',
  'failed',
  'skipped',
];

const add = (total: CounterDeltas, deltas: CounterDeltas) => {
  for (const [c, n] of Object.entries(deltas))
    total[c as CampaignCounter] = (total[c as CampaignCounter] ?? 0) + (n ?? 0);
  return total;
};

describe('what a delivery move adds to its campaign’s counters', () => {
  it('counts the stages a mail reached, whatever way it got there: SES events late, early, or for a send never recorded', () => {
    expect(countersForMove(undefined, 'queued')).toEqual({ queued: 1 });
    expect(countersForMove(undefined, 'skipped')).toEqual({ skipped: 1 });
    expect(countersForMove('queued', 'sending')).toEqual({});
    expect(countersForMove('sending', 'queued')).toEqual({});
    expect(countersForMove('sending', 'sent')).toEqual({ settled: 1, sent: 1 });
    // The sender died before recording its send; SES's Delivery event settles it.
    expect(countersForMove('sending', 'delivered')).toEqual({ settled: 1, sent: 1, delivered: 1 });
    expect(countersForMove('sent', 'delivered')).toEqual({ delivered: 1 });
    expect(countersForMove('delivered', 'complained')).toEqual({ complained: 1 });
    expect(countersForMove('sent', 'complained')).toEqual({ delivered: 1, complained: 1 });
    expect(countersForMove('sending', 'skipped')).toEqual({ settled: 1, skipped: 1 });
    expect(countersForMove('sending', 'failed')).toEqual({ settled: 1, failed: 1 });
  });

  it('property: along any path of moves, each counter is added at most once, the final status’s are all there, and a final delivery is not pending', () => {
    const path = fc.array(fc.constantFrom(...statuses), { maxLength: 8 });
    fc.assert(
      fc.property(path, (steps) => {
        let status: DeliveryStatus = 'queued';
        const total = add({}, countersForMove(undefined, 'queued'));
        for (const to of steps) {
          // Claims and their release go back and forth between queued and sending; SES events only forward.
          const claimMove =
            (status === 'queued' && to === 'sending') || (status === 'sending' && to === 'queued');
          if (!claimMove && !isForwardMove(status, to)) continue;
          add(total, countersForMove(status, to));
          status = to;
        }
        const direct = add(add({}, countersForMove(undefined, 'queued')), countersForMove('queued', status));
        for (const n of Object.values(total)) expect(n).toBeLessThanOrEqual(1);
        expect(total).toMatchObject(direct);
        const final = status !== 'queued' && status !== 'sending';
        expect(pendingOf({ queued: total.queued ?? 0, settled: total.settled ?? 0 })).toBe(final ? 0 : 1);
      }),
      { numRuns: 1000 },
    );
  });
});
