import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../infra/aws/config.js';
import { SendPacer } from '../../shared/mail/send-rate.js';

/**
 * A virtual clock: `sleep` parks a callback until `run` advances time to it, so several pacers
 * can run "at once" and every send's wall-clock second is known exactly.
 */
function virtualClock(start = 1_800_000_000_000) {
  let now = start;
  const timers: { at: number; resolve: () => void }[] = [];
  return {
    now: () => now,
    sleep: (ms: number) =>
      new Promise<void>((resolve) => {
        timers.push({ at: now + Math.max(0, ms), resolve });
      }),
    /** Runs until `done` settles, advancing time to each next timer when nothing else can run. */
    async run<T>(done: Promise<T>): Promise<T> {
      let finished = false;
      const result = done.finally(() => {
        finished = true;
      });
      while (!finished) {
        await new Promise((r) => setImmediate(r));
        if (finished || timers.length === 0) continue;
        timers.sort((a, b) => a.at - b.at);
        const next = timers.shift() as { at: number; resolve: () => void };
        now = Math.max(now, next.at);
        next.resolve();
      }
      return result;
    },
  };
}

/** The shared slot counter as the table keeps it (`claimSendSlot`), in memory. */
function sharedSlots() {
  const used = new Map<number, number>();
  const claims: number[] = [];
  return {
    claims,
    claim: async (second: number, limit: number) => {
      claims.push(second);
      const n = used.get(second) ?? 0;
      if (n >= limit) return false;
      used.set(second, n + 1);
      return true;
    },
  };
}

async function sendsPerSecond(rate: number, concurrency: number, sendsEach: number) {
  const clock = virtualClock();
  const slots = sharedSlots();
  const sentAt: number[] = [];
  const worker = async () => {
    const pacer = new SendPacer(rate, concurrency, slots.claim, clock.now, clock.sleep);
    for (let i = 0; i < sendsEach; i++) {
      await pacer.take();
      sentAt.push(Math.floor(clock.now() / 1000));
    }
  };
  await clock.run(Promise.all(Array.from({ length: concurrency }, worker)));
  const perSecond = new Map<number, number>();
  for (const second of sentAt) perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
  return { sent: sentAt.length, busiest: Math.max(...perSecond.values()), claims: slots.claims.length };
}

describe('the send pacer', () => {
  it('keeps two invocations at the SES sandbox rate (1 a second) together, not 1 each', async () => {
    const { sent, busiest, claims } = await sendsPerSecond(1, 2, 5);
    expect(sent).toBe(10);
    expect(busiest).toBe(1);
    expect(claims).toBeGreaterThanOrEqual(10);
  });

  it('shares a rate below the number of invocations through the slot counter', async () => {
    const { busiest } = await sendsPerSecond(3, 4, 6);
    expect(busiest).toBeLessThanOrEqual(3);
  });

  it('gives each invocation its fixed share, without the counter, when the share is a send a second or more', async () => {
    const { sent, busiest, claims } = await sendsPerSecond(14, 2, 30);
    expect(sent).toBe(60);
    expect(busiest).toBeLessThanOrEqual(14);
    expect(claims).toBe(0);
  });

  it('refuses a rate below 1 when constructed, and the deploy configuration refuses it at synth', () => {
    expect(() => new SendPacer(0.5, 2, async () => true)).toThrow(/at least 1/);
    const app = new App({ context: { sesSendRatePerSecond: '0.5' } });
    expect(() => readConfig(app.node)).toThrow(/sesSendRatePerSecond' must be at least 1/);
    const lowest = new App({ context: { sesSendRatePerSecond: '1', mailDomain: 'kommun.se' } });
    expect(readConfig(lowest.node).sesSendRatePerSecond).toBe(1);
  });
});
