import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rulesFromWiring } from '../../infra/local/event-bus.js';
import type { LocalFunction } from '../../infra/local/invoke.js';
import { wiring } from '../../infra/wiring.js';
import { catalogue } from '../../shared/catalogue.js';
import { subscriptionPattern } from '../../shared/platform/bus/contract.js';

describe('the wiring', () => {
  it('names every function once, in kebab-case', () => {
    const names = wiring.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9-]{2,40}$/);
  });

  it('declares each route once across all functions', () => {
    const keys = wiring.flatMap((f) => (f.routes ?? []).map((r) => `${r.method} ${r.path}`));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('matches the routes each handler module actually serves', async () => {
    for (const spec of wiring) {
      if (!spec.routes?.length) continue;
      const module = (await import(pathToFileURL(resolve(spec.entry)).href)) as {
        handler: { routeKeys?: string[] };
      };
      const declared = spec.routes.map((r) => `${r.method} ${r.path}`).sort();
      expect(module.handler.routeKeys?.slice().sort(), spec.name).toEqual(declared);
    }
  });

  it('serves open registration from the rsvp function, public, without a mail grant of its own (issue 12, Build 4)', () => {
    const rsvp = wiring.find((f) => f.name === 'rsvp');
    const registration = (rsvp?.routes ?? []).filter(
      (r) => r.path.startsWith('/events/') || r.path.startsWith('/registration/'),
    );
    expect(registration.map((r) => `${r.method} ${r.path} ${r.auth}`).sort()).toEqual([
      'GET /events/{tenantId}/{eventId} public',
      'GET /registration/confirm/{token} public',
      'POST /events/{tenantId}/{eventId} public',
      'POST /registration/confirm/{token} public',
    ]);
    // Its confirmation mail goes through the mail pipeline (a campaign and its outbox event).
    expect(rsvp?.access.sendEmail).toBeUndefined();
  });

  it('keeps queue settings within what Lambda and SQS accept', () => {
    for (const spec of wiring) {
      const q = spec.queue;
      if (!q) continue;
      expect(q.batchSize).toBeGreaterThanOrEqual(1);
      expect(q.batchSize).toBeLessThanOrEqual(q.maxBatchingWindowSeconds ? 10_000 : 10);
      expect(q.maxConcurrency).toBeGreaterThanOrEqual(2);
      expect(q.maxReceives).toBeGreaterThanOrEqual(1);
      // AWS requires the queue's visibility timeout to be at least the function timeout.
      expect(q.visibilityTimeoutSeconds).toBeGreaterThanOrEqual(spec.timeoutSeconds ?? 10);
    }
  });

  it('subscribes only to catalogued events, and the local bus routes on the contract pattern', () => {
    const known = new Set<unknown>(catalogue);
    const fakeFn = (name: string) =>
      ({
        spec: wiring.find((w) => w.name === name),
        invoke: async () => undefined,
      }) as unknown as LocalFunction;
    const functions = new Map(wiring.map((w) => [w.name, fakeFn(w.name)]));
    const queueUrls = new Map(
      wiring.flatMap((w) => (w.queue ? [[w.queue.name, `http://q/${w.queue.name}`] as const] : [])),
    );
    const rules = rulesFromWiring(wiring, functions, queueUrls);
    const subscriptions = wiring.flatMap((w) => [
      ...(w.subscriptions ?? []),
      ...(w.queue?.subscriptions ?? []),
    ]);
    expect(rules).toHaveLength(subscriptions.length);
    for (const sub of subscriptions) {
      expect(known.has(sub.event), sub.event.name).toBe(true);
      expect(
        rules.some(
          (r) => JSON.stringify(r.pattern) === JSON.stringify(subscriptionPattern(sub.event, sub.detail)),
        ),
      ).toBe(true);
    }
  });

  it('gives every catalogued event a unique name and source/detail-type pair', () => {
    expect(new Set(catalogue.map((c) => c.name)).size).toBe(catalogue.length);
    expect(new Set(catalogue.map((c) => `${c.source}/${c.detailType}`)).size).toBe(catalogue.length);
  });

  it('points every entry at a file that exists', async () => {
    const { existsSync } = await import('node:fs');
    for (const spec of wiring) expect(existsSync(spec.entry), spec.entry).toBe(true);
  });
});

describe('event contracts', () => {
  it('narrow a pattern with a detail filter without losing the version', () => {
    const contract = catalogue[0];
    const pattern = subscriptionPattern(contract, { tenantId: ['hassleholm'] });
    expect(pattern).toEqual({
      source: [contract.source],
      'detail-type': [contract.detailType],
      detail: { version: [contract.version], tenantId: ['hassleholm'] },
    });
  });
});
