/**
 * Paces one sender invocation so that, with `concurrency` invocations at once, the account's
 * SES rate is never exceeded in any calendar second: each invocation gets floor(rate/concurrency)
 * sends per wall-clock second, and its sends are spread evenly within the second.
 *
 * Calendar seconds (not a sliding window) because every invocation, in any runtime, shares the
 * same clock: the sum per second is at most concurrency × floor(rate/concurrency) ≤ rate.
 */
export class SendPacer {
  private readonly perSecond: number;
  private second = -1;
  private usedThisSecond = 0;

  constructor(
    ratePerSecond: number,
    concurrency: number,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {
    if (!(ratePerSecond >= 1) || !(concurrency >= 1))
      throw new Error('rate and concurrency must be at least 1');
    this.perSecond = Math.max(1, Math.floor(ratePerSecond / concurrency));
  }

  /** Resolves when the next send may go out. */
  async take(): Promise<void> {
    for (;;) {
      const t = this.now();
      const second = Math.floor(t / 1000);
      if (second !== this.second) {
        this.second = second;
        // Slots are fixed points on the wall clock. Slots of this second that have already gone
        // are not ours to use: the invocation before this one (the same worker, a moment ago)
        // may have taken them. So a worker never exceeds its share, however short its batches.
        this.usedThisSecond = Math.ceil(((t - second * 1000) * this.perSecond) / 1000);
      }
      if (this.usedThisSecond < this.perSecond) {
        // Spread within the second: the k-th send waits for its slot.
        const slot = second * 1000 + (this.usedThisSecond * 1000) / this.perSecond;
        if (t < slot) {
          await this.sleep(slot - t);
          continue;
        }
        this.usedThisSecond += 1;
        return;
      }
      await this.sleep((second + 1) * 1000 - t);
    }
  }
}
