/**
 * Paces one sender invocation so that, with `concurrency` invocations at once, the account's
 * SES rate is never exceeded in any calendar second.
 *
 * - When each invocation's share is at least one send a second (rate ≥ concurrency, the usual
 *   case), each gets floor(rate/concurrency) sends per wall-clock second, spread evenly within
 *   the second, and needs no coordination: every invocation, in any runtime, shares the same
 *   clock, so the sum per second is at most concurrency × floor(rate/concurrency) ≤ rate.
 * - When the share is below one (the SES sandbox: 1 mail a second, two invocations), a fixed
 *   share cannot be given out without exceeding the rate, so each send claims one of the
 *   second's `floor(rate)` slots from a shared counter (`claimSlot`, a conditional write in the
 *   table) and waits for the next second when they are taken.
 */
export class SendPacer {
  private readonly perSecond: number;
  private second = -1;
  private usedThisSecond = 0;

  constructor(
    private readonly ratePerSecond: number,
    concurrency: number,
    /** Claims one of `limit` send slots of the wall-clock `second` shared by every invocation. */
    private readonly claimSlot: (second: number, limit: number) => Promise<boolean>,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {
    if (!(ratePerSecond >= 1) || !(concurrency >= 1))
      throw new Error('rate and concurrency must be at least 1');
    this.perSecond = Math.floor(ratePerSecond / concurrency);
  }

  /** Resolves when the next send may go out. */
  async take(): Promise<void> {
    if (this.perSecond < 1) return this.takeSharedSlot();
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

  private async takeSharedSlot(): Promise<void> {
    for (;;) {
      const t = this.now();
      const second = Math.floor(t / 1000);
      if (await this.claimSlot(second, Math.floor(this.ratePerSecond))) return;
      await this.sleep((second + 1) * 1000 - t);
    }
  }
}
