import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { subscriptionPattern } from '../../shared/platform/bus/contract.js';
import type { Wiring } from '../wiring/types.js';
import { type EventPattern, matchesPattern, validatePattern } from './event-pattern.js';
import type { LocalFunction } from './invoke.js';

export interface BusEvent {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: unknown;
}

export type RuleTarget =
  | { kind: 'function'; fn: LocalFunction }
  | { kind: 'queue'; queueUrl: string; queueName: string };

export interface LocalRule {
  name: string;
  bus: 'app' | 'default';
  pattern: EventPattern;
  target: RuleTarget;
}

export interface PutEntry {
  Source?: string;
  DetailType?: string;
  Detail?: string;
  EventBusName?: string;
  Resources?: string[];
  Time?: string | number;
}

export type PutResult = { EventId: string } | { ErrorCode: string; ErrorMessage: string };

export interface DeadLetter {
  rule: string;
  event: BusEvent;
  error: string;
}

/** Rules exactly as the stateless stack creates them: same names, same pattern objects. */
export function rulesFromWiring(
  wiring: Wiring,
  functions: Map<string, LocalFunction>,
  queueUrls: Map<string, string>,
): LocalRule[] {
  const rules: LocalRule[] = [];
  for (const spec of wiring) {
    const fn = functions.get(spec.name);
    if (!fn) throw new Error(`No local function for ${spec.name}`);
    (spec.subscriptions ?? []).forEach((sub, index) => {
      rules.push({
        name: `${spec.name}-${index}`,
        bus: sub.event.bus,
        pattern: subscriptionPattern(sub.event, sub.detail),
        target: { kind: 'function', fn },
      });
    });
    if (spec.queue) {
      const queueUrl = queueUrls.get(spec.queue.name);
      if (!queueUrl) throw new Error(`No local queue for ${spec.queue.name}`);
      (spec.queue.subscriptions ?? []).forEach((sub, index) => {
        rules.push({
          name: `${spec.name}-queue-${index}`,
          bus: sub.event.bus,
          pattern: subscriptionPattern(sub.event, sub.detail),
          target: { kind: 'queue', queueUrl, queueName: spec.queue?.name ?? '' },
        });
      });
    }
  }
  // A pattern EventBridge would refuse at deploy time is refused here too, not silently unmatched.
  for (const rule of rules) validatePattern(rule.pattern);
  return rules;
}

export interface EventBusOptions {
  appBusName: string;
  sqs: SQSClient;
  /** Delays between delivery attempts to a function (EventBridge retries with backoff). */
  retryDelaysMs?: number[];
  log?: (message: string) => void;
  /**
   * A file where every accepted event is kept (one JSON line each), so that after a restart
   * the events of the last minutes can be delivered again (`replayJournal`).
   */
  journalFile?: string;
}

/** How far back a restart delivers events again: longer than any queue's backlog lags behind. */
export const RECENT_MS = 5 * 60_000;

/**
 * The in-process EventBridge: PutEvents validates entries like EventBridge (a bad entry fails
 * alone, with an error code), matching rules get the event asynchronously, at least once;
 * a function target that keeps failing is retried, then dead-lettered.
 */
export class LocalEventBus {
  readonly deadLetters: DeadLetter[] = [];
  readonly published: BusEvent[] = [];
  private inFlight = new Set<Promise<void>>();
  private readonly retryDelaysMs: number[];

  constructor(
    readonly rules: LocalRule[],
    private readonly options: EventBusOptions,
  ) {
    this.retryDelaysMs = options.retryDelaysMs ?? [1000, 2000];
  }

  putEvents(entries: PutEntry[]): PutResult[] {
    return entries.map((entry) => {
      const bus = this.busOf(entry.EventBusName);
      if (!bus)
        return {
          ErrorCode: 'ResourceNotFoundException',
          ErrorMessage: `Event bus ${entry.EventBusName} does not exist.`,
        };
      if (!entry.Source || !entry.DetailType || entry.Detail === undefined) {
        return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Source, DetailType and Detail are required.' };
      }
      let detail: unknown;
      try {
        detail = JSON.parse(entry.Detail);
      } catch {
        return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
      }
      if (!detail || typeof detail !== 'object' || Array.isArray(detail)) {
        return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail must be a JSON object.' };
      }
      const time =
        entry.Time === undefined
          ? new Date()
          : new Date(typeof entry.Time === 'number' ? entry.Time * 1000 : entry.Time);
      const event: BusEvent = {
        version: '0',
        id: randomUUID(),
        'detail-type': entry.DetailType,
        source: entry.Source,
        account: '000000000000',
        time: time.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        region: 'eu-north-1',
        resources: entry.Resources ?? [],
        detail,
      };
      if (this.options.journalFile)
        appendFileSync(this.options.journalFile, `${JSON.stringify({ bus, event })}\n`);
      this.route(bus, event);
      return { EventId: event.id };
    });
  }

  /**
   * After a restart: delivers again the events of the journal's last minutes, with their ids, as
   * EventBridge may (at least once). Locally the queues live in the SQS emulator's memory, so
   * what was in them when the runtime stopped — an SES event, a confirmation to send — is
   * otherwise gone; every consumer is idempotent, so what was already done changes nothing.
   * The journal keeps only those minutes. Returns how many events were delivered again.
   */
  replayJournal(): number {
    const file = this.options.journalFile;
    if (!file || !existsSync(file)) return 0;
    const lines = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim());
    const entries: { bus: 'app' | 'default'; event: BusEvent }[] = [];
    for (const line of lines) {
      try {
        entries.push(JSON.parse(line));
      } catch {
        // A line cut short by a kill: the event before it was written whole, this one never was.
      }
    }
    const last = Math.max(0, ...entries.map((e) => Date.parse(e.event.time) || 0));
    const recent = entries.filter((e) => Date.parse(e.event.time) >= last - RECENT_MS);
    writeFileSync(file, recent.map((e) => `${JSON.stringify(e)}\n`).join(''));
    for (const { bus, event } of recent) this.route(bus, event);
    return recent.length;
  }

  /** Resolves when every delivery started so far has finished (tests, shutdown). */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private busOf(name: string | undefined): 'app' | 'default' | undefined {
    if (!name || name === 'default' || name.endsWith(':event-bus/default')) return 'default';
    if (name === this.options.appBusName || name.endsWith(`:event-bus/${this.options.appBusName}`))
      return 'app';
    return undefined;
  }

  private route(bus: 'app' | 'default', event: BusEvent): void {
    this.published.push(event);
    if (this.published.length > 1000) this.published.shift();
    for (const rule of this.rules) {
      if (rule.bus !== bus || !matchesPattern(rule.pattern, event as unknown as Record<string, unknown>))
        continue;
      const delivery = this.deliver(rule, event).finally(() => this.inFlight.delete(delivery));
      this.inFlight.add(delivery);
    }
  }

  private async deliver(rule: LocalRule, event: BusEvent): Promise<void> {
    await new Promise((r) => setImmediate(r));
    const attempts = this.retryDelaysMs.length + 1;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        if (rule.target.kind === 'function') await rule.target.fn.invoke(event);
        else
          await this.options.sqs.send(
            new SendMessageCommand({ QueueUrl: rule.target.queueUrl, MessageBody: JSON.stringify(event) }),
          );
        return;
      } catch (error) {
        const delay = this.retryDelaysMs[attempt - 1];
        if (delay === undefined) {
          const message = error instanceof Error ? error.message : String(error);
          this.deadLetters.push({ rule: rule.name, event, error: message });
          this.options.log?.(
            `event ${event.id} (${event['detail-type']}) dead-lettered by rule ${rule.name}: ${message}`,
          );
          return;
        }
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  }
}
