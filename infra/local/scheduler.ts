import { randomUUID } from 'node:crypto';
import type { ScheduledEvent } from 'aws-lambda';
import { CronExpressionParser } from 'cron-parser';
import type { ScheduleSpec } from '../wiring/types.js';
import type { LocalFunction } from './invoke.js';

/** Milliseconds until the next firing of an EventBridge schedule expression after `from`. */
export function nextFiring(expression: string, from: Date): Date {
  const rate = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(expression);
  if (rate) {
    const unit = rate[2]?.startsWith('minute')
      ? 60_000
      : rate[2]?.startsWith('hour')
        ? 3_600_000
        : 86_400_000;
    const period = Number(rate[1]) * unit;
    return new Date(Math.floor(from.getTime() / period) * period + period);
  }
  const cron = /^cron\((.+)\)$/.exec(expression);
  if (cron?.[1]) {
    const fields = cron[1].trim().split(/\s+/);
    if (fields.length !== 6)
      throw new Error(`cron needs 6 fields (min hour day month weekday year): ${expression}`);
    const [minute, hour, day, month, weekday] = fields as [string, string, string, string, string];
    // EventBridge numbers weekdays 1-7 from Sunday; standard cron 0-6.
    const standardWeekday = weekday.replace(/\d/g, (d) => String(Number(d) - 1));
    const standard = [minute, hour, day, month, standardWeekday].map((f) => (f === '?' ? '*' : f)).join(' ');
    return CronExpressionParser.parse(standard, { currentDate: from, tz: 'UTC' }).next().toDate();
  }
  throw new Error(`Unsupported schedule expression: ${expression}`);
}

export interface ScheduledTarget {
  spec: ScheduleSpec;
  fn: LocalFunction;
}

/**
 * EventBridge scheduled rules, locally: each fires its function at the expression's times
 * (UTC), with the same `Scheduled Event` payload. `intervalOverrideMs` makes every schedule
 * fire at that interval instead (tests, demos).
 */
export class LocalScheduler {
  private timers = new Set<NodeJS.Timeout>();
  private readonly firing = new Set<Promise<void>>();
  private running = false;
  readonly firings: { schedule: string; at: string; ok: boolean }[] = [];

  constructor(
    private readonly targets: ScheduledTarget[],
    private readonly options: { intervalOverrideMs?: number; log?: (message: string) => void } = {},
  ) {}

  start(): void {
    this.running = true;
    for (const target of this.targets) this.arm(target);
  }

  /** No more firings; resolves when the ones in flight have finished. */
  async stop(): Promise<void> {
    this.running = false;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.firing]);
  }

  /** Fires one schedule now, as EventBridge would at its time. */
  async fire(target: ScheduledTarget, at = new Date()): Promise<void> {
    const event: ScheduledEvent = {
      version: '0',
      id: randomUUID(),
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      account: '000000000000',
      time: at.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      region: 'eu-north-1',
      resources: [`arn:aws:events:eu-north-1:000000000000:rule/${target.fn.spec.name}-${target.spec.name}`],
      detail: {},
    };
    try {
      await target.fn.invoke(event);
      this.firings.push({ schedule: target.spec.name, at: event.time, ok: true });
    } catch (error) {
      this.firings.push({ schedule: target.spec.name, at: event.time, ok: false });
      this.options.log?.(
        `schedule ${target.fn.spec.name}/${target.spec.name} failed: ${(error as Error).message}`,
      );
    }
  }

  private arm(target: ScheduledTarget): void {
    if (!this.running) return;
    const now = new Date();
    const delay =
      this.options.intervalOverrideMs ?? nextFiring(target.spec.expression, now).getTime() - now.getTime();
    const timer = setTimeout(async () => {
      this.timers.delete(timer);
      const firing = this.fire(target).finally(() => this.firing.delete(firing));
      this.firing.add(firing);
      await firing;
      this.arm(target);
    }, delay);
    this.timers.add(timer);
  }
}
