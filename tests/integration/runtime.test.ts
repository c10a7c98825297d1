import { readFileSync } from 'node:fs';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { Template } from 'aws-cdk-lib/assertions';
import { decodeJwt, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relay } from '../../functions/platform/outbox-relay.js';
import { buildApp } from '../../infra/aws/build-app.js';
import { matchesPattern } from '../../infra/local/event-pattern.js';
import { LOCAL_CLIENT_ID } from '../../infra/local/identity-provider.js';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.js';
import { wiring } from '../../infra/wiring.js';
import { documentClient } from '../../shared/platform/aws/clients.js';
import { outboxPut, pendingEvent } from '../../shared/platform/bus/outbox.js';
import { PublishError } from '../../shared/platform/bus/publisher.js';
import { ProgrammeCreated } from '../../shared/programmes/events.js';
import { staffClient, waitFor } from '../helpers.js';

let runtime: LocalRuntime;
const HLM_ADMIN = 'staff-hlm-anna';
const HLM_VIEWER = 'staff-hlm-maria';
const HEL_ADMIN = 'staff-hel-mette';

const validProgramme = {
  name: 'Dialoglunch våren 2025',
  language: 'sv',
  themes: [{ title: 'Kompetensförsörjning' }, { title: 'Infrastruktur' }],
};

beforeAll(async () => {
  runtime = await startLocalRuntime({ seed: true, log: () => {} });
});
afterAll(async () => {
  await runtime?.stop();
});

describe('a published event reaches the consumer the CDK rule routes it to', () => {
  it('uses the very pattern object the template contains, locally', async () => {
    // Prepare: the rule CloudFormation would deploy for the activity queue's ProgrammeCreated subscription.
    const { stateless } = buildApp({
      context: { 'aws:cdk:bundling-stacks': [], mailDomain: 'example.org' },
      nag: false,
    });
    const rules = Object.values(Template.fromStack(stateless).findResources('AWS::Events::Rule'));
    const deployed = rules.find(
      (r) => JSON.stringify(r.Properties.EventPattern?.['detail-type']) === '["ProgrammeCreated"]',
    );
    expect(deployed, 'template has a ProgrammeCreated rule').toBeDefined();
    const localRule = runtime.bus.rules.find(
      (r) => r.target.kind === 'queue' && JSON.stringify(r.pattern['detail-type']) === '["ProgrammeCreated"]',
    );
    expect(localRule?.pattern).toEqual(deployed?.Properties.EventPattern);

    // Act: a staff member creates a programme through the HTTP API.
    const admin = await staffClient(runtime, HLM_ADMIN);
    const created = await admin.call('POST', '/api/programmes', validProgramme);
    expect(created.status).toBe(201);
    const programmeId = created.json.programmeId as string;

    // Assess: the handler's event matches the deployed pattern, and the consumer recorded it.
    const event = await waitFor(
      () =>
        runtime.bus.published.find((e) => (e.detail as { programmeId?: string }).programmeId === programmeId),
      5000,
      'the ProgrammeCreated event',
    );
    expect(event.source).toBe(ProgrammeCreated.source);
    expect(
      matchesPattern(deployed?.Properties.EventPattern, event as unknown as Record<string, unknown>),
    ).toBe(true);
    const activity = await waitFor(
      async () => {
        const list = await admin.call('GET', '/api/activity');
        const items = list.json.items as { subjectId?: string; kind: string }[];
        return items.find((i) => i.subjectId === programmeId);
      },
      15_000,
      'the activity entry',
    );
    expect(activity.kind).toBe('programme.created');
  });
});

describe('bad input gets a 4xx that names the field and writes nothing', () => {
  it('rejects malformed JSON with 400', async () => {
    const admin = await staffClient(runtime, HLM_ADMIN);
    const before = (await admin.call('GET', '/api/programmes')).json.items as unknown[];
    const published = runtime.bus.published.length;
    const response = await admin.call('POST', '/api/programmes', '{"name": "Oops",');
    expect(response.status).toBe(400);
    expect(response.json.error).toMatch(/not valid JSON/);
    expect(response.json.details).toEqual([{ field: 'body', message: 'Malformed JSON' }]);
    expect((await admin.call('GET', '/api/programmes')).json.items).toHaveLength(before.length);
    expect(runtime.bus.published.length).toBe(published);
  });

  it('rejects schema violations with 422 naming each field', async () => {
    const admin = await staffClient(runtime, HLM_ADMIN);
    const before = (await admin.call('GET', '/api/programmes')).json.items as unknown[];
    const response = await admin.call('POST', '/api/programmes', {
      ...validProgramme,
      name: '',
      language: 'de',
      themes: [{ title: 'ok' }, { title: '' }],
    });
    expect(response.status).toBe(422);
    const fields = (response.json.details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['body.name', 'body.language', 'body.themes.1.title']));
    expect(response.json.error).toContain('body.name');
    expect((await admin.call('GET', '/api/programmes')).json.items).toHaveLength(before.length);
  });

  it('rejects unknown fields and a wrong content type', async () => {
    const admin = await staffClient(runtime, HLM_ADMIN);
    const extra = await admin.call('POST', '/api/programmes', { ...validProgramme, tenantId: 'helsingor' });
    expect(extra.status).toBe(422);
    const text = await admin.call('POST', '/api/programmes', JSON.stringify(validProgramme), {
      'content-type': 'text/plain',
    });
    expect(text.status).toBe(415);
  });

  it('answers 500 without internals when something breaks', async () => {
    const admin = await staffClient(runtime, HLM_ADMIN);
    const previous = process.env.TABLE_NAME;
    process.env.TABLE_NAME = 'no-such-table';
    try {
      const response = await admin.call('POST', '/api/programmes', validProgramme);
      expect(response.status).toBe(500);
      expect(response.json).toMatchObject({ error: 'Internal error', details: [] });
      expect(response.text).not.toMatch(/no-such-table|stack|at /);
    } finally {
      process.env.TABLE_NAME = previous;
    }
  });
});

describe('tenants never see each other', () => {
  it("gives 404 on another tenant's programme, for reads and writes alike", async () => {
    const hel = await staffClient(runtime, HEL_ADMIN);
    const hlm = await staffClient(runtime, HLM_ADMIN);
    const helProgramme = (
      (await hel.call('GET', '/api/programmes')).json.items as {
        programmeId: string;
        version: number;
        name: string;
      }[]
    )[0];
    expect(helProgramme).toBeDefined();
    const id = helProgramme?.programmeId ?? '';
    const missing = await hlm.call('GET', `/api/programmes/${crypto.randomUUID()}`);
    const read = await hlm.call('GET', `/api/programmes/${id}`);
    expect(read.status).toBe(404);
    expect(read.json.error).toBe(missing.json.error);
    const write = await hlm.call('PUT', `/api/programmes/${id}`, {
      ...validProgramme,
      name: 'Kapad',
      expectedVersion: helProgramme?.version,
    });
    expect(write.status).toBe(404);
    const after = await hel.call('GET', `/api/programmes/${id}`);
    expect(after.json.name).toBe(helProgramme?.name);
    const lists = (await hlm.call('GET', '/api/programmes')).json.items as { tenantId: string }[];
    expect(lists.every((p) => p.tenantId === 'hassleholm')).toBe(true);
  });
});

describe('staff routes need a valid token', () => {
  const staffRoutes = wiring.flatMap((f) => (f.routes ?? []).filter((r) => r.auth === 'staff'));
  const concrete = (path: string) => path.replace(/\{[^}]+\}/g, 'abc');

  it('refuses every staff route without a token', async () => {
    expect(staffRoutes.length).toBeGreaterThan(3);
    for (const route of staffRoutes) {
      const response = await fetch(`${runtime.url}${concrete(route.path)}`, { method: route.method });
      expect(response.status, `${route.method} ${route.path}`).toBe(401);
    }
  });

  it('refuses forged, expired and wrong-audience tokens', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const claims = { 'custom:tenant': 'hassleholm', 'custom:role': 'admin', token_use: 'id' };
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256' })
      .setSubject('x')
      .setIssuer(runtime.identity.issuer)
      .setAudience(LOCAL_CLIENT_ID)
      .setExpirationTime('1h')
      .sign(privateKey);
    const expired = await runtime.identity.idToken(HLM_ADMIN, -60);
    for (const token of [forged, expired, 'not-a-jwt']) {
      const response = await fetch(`${runtime.url}/api/me`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(401);
    }
    const ok = await fetch(`${runtime.url}/api/me`, {
      headers: { authorization: `Bearer ${await runtime.identity.idToken(HLM_ADMIN)}` },
    });
    expect(ok.status).toBe(200);
  });

  it('lets a viewer read but not write', async () => {
    const viewer = await staffClient(runtime, HLM_VIEWER);
    expect((await viewer.call('GET', '/api/programmes')).status).toBe(200);
    const write = await viewer.call('POST', '/api/programmes', validProgramme);
    expect(write.status).toBe(403);
  });
});

describe('programmes API', () => {
  it('updates with optimistic locking and publishes what changed', async () => {
    const admin = await staffClient(runtime, HLM_ADMIN);
    const created = (await admin.call('POST', '/api/programmes', validProgramme)).json as {
      programmeId: string;
      themes: { id: string; title: string }[];
    };
    const path = `/api/programmes/${created.programmeId}`;
    const update = {
      ...validProgramme,
      themes: [...created.themes, { title: 'Hållbarhet' }],
      expectedVersion: 1,
    };
    const first = await admin.call('PUT', path, update);
    expect(first.status).toBe(200);
    expect(first.json.version).toBe(2);
    expect((first.json.themes as { id: string }[])[0]?.id).toBe(created.themes[0]?.id);
    const stale = await admin.call('PUT', path, { ...update, name: 'Annat namn', expectedVersion: 1 });
    expect(stale.status).toBe(409);
    const event = await waitFor(() =>
      runtime.bus.published.find(
        (e) =>
          e['detail-type'] === 'ProgrammeUpdated' &&
          (e.detail as { programmeId: string }).programmeId === created.programmeId,
      ),
    );
    expect((event.detail as { changedFields: string[] }).changedFields).toEqual(['themes']);
  });
});

describe('the outbox', () => {
  const record = (sequence: string, detail: string, detailType = 'ProgrammeCreated') => ({
    eventID: sequence,
    eventName: 'INSERT' as const,
    dynamodb: {
      SequenceNumber: sequence,
      NewImage: {
        type: { S: 'outbox' },
        source: { S: 'samverkan.programmes' },
        detailType: { S: detailType },
        bus: { S: 'app' },
        detail: { S: detail },
      },
    },
  });

  it('reports a rejected PutEvents entry, and every record after it, as failed', async () => {
    const previous = process.env.EVENT_BUS_NAME;
    process.env.EVENT_BUS_NAME = 'no-such-bus';
    try {
      const detail = JSON.stringify({ tenantId: 'hassleholm', programmeId: 'p', name: 'n', themeCount: 0 });
      const result = await relay([record('1', detail), record('2', detail)]);
      expect(result.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(['1', '2']);
    } finally {
      process.env.EVENT_BUS_NAME = previous;
    }
  });

  it('puts the events of a batch on the bus in order, ten to a call', async () => {
    const before = runtime.bus.published.length;
    const records = Array.from({ length: 23 }, (_, i) =>
      record(
        String(1000 + i),
        JSON.stringify({
          tenantId: 'hassleholm',
          programmeId: `relay-${i}`,
          name: 'n',
          themeCount: 0,
          actor: 'a',
          version: 1,
        }),
      ),
    );
    expect((await relay(records)).batchItemFailures).toEqual([]);
    const relayed = runtime.bus.published
      .slice(before)
      .map((e) => (e.detail as { programmeId: string }).programmeId)
      .filter((id) => id.startsWith('relay-'));
    expect(relayed).toEqual(records.map((_, i) => `relay-${i}`));
  });

  it('refuses an event that does not match its schema, before anything is written', () => {
    expect(() =>
      outboxPut(
        'hassleholm',
        pendingEvent(ProgrammeCreated, {
          tenantId: 'Not A Tenant!',
          programmeId: '',
          name: 'n',
          themeCount: -1,
          actor: 'a',
        }),
      ),
    ).toThrow(PublishError);
  });
});

describe('health', () => {
  it('reports every local part', async () => {
    const response = await fetch(`${runtime.url}/health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; parts: Record<string, { ok: boolean }> };
    expect(body.status).toBe('ok');
    expect(Object.keys(body.parts)).toEqual(
      expect.arrayContaining(['dynamodb', 'ses', 'sqs', 'eventBus', 'scheduler', 'functions']),
    );
    expect(Object.values(body.parts).every((p) => p.ok)).toBe(true);
  });

  it('listens, and runs its emulators, on ports below the ephemeral range', () => {
    // A restarted runtime must get its ports back (this process's SDK clients point at them);
    // from the ephemeral range an outgoing connection of any process could be holding one.
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/);
    const ports = [runtime.url, ...Object.values(runtime.endpoints)].map((url) => Number(new URL(url).port));
    for (const port of ports) expect(port).toBeLessThan(Number(low ?? 32768));
  });
});

describe('console pages', () => {
  it('redirects to sign-in without a session, and refuses a forged one', async () => {
    const anonymous = await fetch(`${runtime.url}/console`, { redirect: 'manual' });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/auth/sign-in?returnTo=%2Fconsole');
    const forged = await fetch(`${runtime.url}/console`, {
      redirect: 'manual',
      headers: { cookie: 'samverkan_session=eyJhbGciOiJub25lIn0.e30.' },
    });
    expect(forged.status).toBe(303);
  });

  it('shows the signed-in tenant only', async () => {
    const token = await runtime.identity.idToken(HEL_ADMIN);
    const page = await fetch(`${runtime.url}/console`, { headers: { cookie: `samverkan_session=${token}` } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Helsingør Kommune');
    expect(html).not.toContain('Hässleholm');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('refuses a form post without the CSRF token, and accepts it with one', async () => {
    const token = await runtime.identity.idToken(HLM_ADMIN);
    // The token the console page puts in its forms, as a browser gets it.
    const page = await fetch(`${runtime.url}/console`, { headers: { cookie: `samverkan_session=${token}` } });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    expect(csrf).not.toBe('');
    const post = (body: string, cookie = `samverkan_session=${token}`) =>
      fetch(`${runtime.url}/console/language`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
    const missing = await post('language=en&returnTo=%2Fconsole');
    expect(missing.status).toBe(403);
    expect(missing.headers.get('set-cookie') ?? '').not.toContain('samverkan_lang');
    const wrong = await post(`language=en&_csrf=${'b'.repeat(40)}`);
    expect(wrong.status).toBe(403);
    const ok = await post(`language=en&_csrf=${csrf}&returnTo=%2Fconsole`);
    expect(ok.status).toBe(303);
    expect(ok.headers.get('set-cookie')).toContain('samverkan_lang=en');
  });

  it('binds the CSRF token to the session: a caller-chosen cookie and field pair, or another session’s token, is refused', async () => {
    const token = await runtime.identity.idToken(HLM_ADMIN);
    const other = await runtime.identity.idToken(HLM_ADMIN);
    const csrfOf = async (session: string) => {
      const page = await fetch(`${runtime.url}/console`, {
        headers: { cookie: `samverkan_session=${session}` },
      });
      return /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    };
    const post = (csrfCookie: string, field: string) =>
      fetch(`${runtime.url}/console/language`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          cookie: `samverkan_session=${token}; samverkan_csrf=${csrfCookie}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: `language=en&returnTo=%2Fconsole&_csrf=${encodeURIComponent(field)}`,
      });
    const chosen = 'a'.repeat(40);
    expect((await post(chosen, chosen)).status).toBe(403);
    const othersToken = await csrfOf(other);
    expect(othersToken).not.toBe(await csrfOf(token));
    expect((await post(othersToken, othersToken)).status).toBe(403);
    expect((await post(chosen, await csrfOf(token))).status).toBe(303);
  });
});

describe('signing out', () => {
  it('revokes the session: the id token in the cookie is refused afterwards, until it would have expired', async () => {
    const token = await runtime.identity.idToken(HLM_ADMIN);
    const other = await runtime.identity.idToken(HLM_ADMIN);
    const cookie = `samverkan_session=${token}`;
    const consolePage = (session: string) =>
      fetch(`${runtime.url}/console`, {
        redirect: 'manual',
        headers: { cookie: `samverkan_session=${session}` },
      });
    const before = await consolePage(token);
    expect(before.status).toBe(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await before.text())?.[1] ?? '';

    // The sign-out form needs the session's token too.
    const forged = await fetch(`${runtime.url}/auth/sign-out`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        cookie: `${cookie}; samverkan_csrf=${'a'.repeat(40)}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: `_csrf=${'a'.repeat(40)}`,
    });
    expect(forged.status).toBe(403);
    expect((await consolePage(token)).status).toBe(200);

    const signOut = await fetch(`${runtime.url}/auth/sign-out`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: `_csrf=${csrf}`,
    });
    expect(signOut.status).toBe(303);
    expect(signOut.headers.get('location')).toContain('/local-idp/logout?');
    expect(signOut.headers.get('set-cookie')).toMatch(/samverkan_session=; .*Max-Age=0/);

    // The same token, replayed: refused (to sign-in), while another session of the same person still works.
    const after = await consolePage(token);
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toMatch(/^\/auth\/sign-in/);
    expect((await consolePage(other)).status).toBe(200);
    // The revocation goes when the token would have expired anyway (the table's TTL).
    const { exp } = decodeJwt(token);
    const revoked = await documentClient.send(
      new QueryCommand({
        TableName: runtime.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'T#hassleholm#SESSIONS' },
      }),
    );
    expect(revoked.Items?.map((i) => i.expiresAt)).toContain(exp);
    // The follow-up to the identity provider goes back to the allowed sign-out URL.
    const logout = await fetch(signOut.headers.get('location') ?? '', { redirect: 'manual' });
    expect(logout.status).toBe(302);
    expect(logout.headers.get('location')).toBe(`${runtime.url}/`);
  });
});

describe('the local edge', () => {
  const securityHeaders = [
    'strict-transport-security',
    'x-content-type-options',
    'x-frame-options',
    'referrer-policy',
  ];

  it('answers a malformed %-escape in a path with 400, before the authorizer, as API Gateway does', async () => {
    for (const path of ['/api/programmes/%E0%A4%A', '/api/programmes/%zz', '/rsvp/%']) {
      const response = await fetch(`${runtime.url}${path}`);
      expect(response.status, path).toBe(400);
      for (const name of securityHeaders)
        expect(response.headers.get(name), `${path} ${name}`).not.toBeNull();
    }
  });

  it("sends its own 401 and 404 with the handlers' security headers", async () => {
    const unauthorized = await fetch(`${runtime.url}/api/programmes`);
    expect(unauthorized.status).toBe(401);
    const missing = await fetch(`${runtime.url}/no-such-route`);
    expect(missing.status).toBe(404);
    for (const response of [unauthorized, missing])
      for (const name of securityHeaders) expect(response.headers.get(name), name).not.toBeNull();
    expect(missing.headers.get('x-frame-options')).toBe('DENY');
  });

  it("lets the identity provider's logout redirect only to an allowed sign-out URL", async () => {
    const logout = (params: Record<string, string>) =>
      fetch(`${runtime.url}/local-idp/logout?${new URLSearchParams(params)}`, { redirect: 'manual' });
    for (const logoutUri of [
      'https://evil.example/',
      `${runtime.url}/console`,
      `${runtime.url}`,
      '//evil.example/',
    ]) {
      const refused = await logout({ client_id: LOCAL_CLIENT_ID, logout_uri: logoutUri });
      expect(refused.status, logoutUri).toBe(400);
      expect(refused.headers.get('location')).toBeNull();
    }
    expect((await logout({ client_id: 'another-client', logout_uri: `${runtime.url}/` })).status).toBe(400);
    expect((await logout({})).status).toBe(400);
    const allowed = await logout({ client_id: LOCAL_CLIENT_ID, logout_uri: `${runtime.url}/` });
    expect(allowed.status).toBe(302);
    expect(allowed.headers.get('location')).toBe(`${runtime.url}/`);
  });
});

describe('programme periods', () => {
  it('refuses an end before the start, naming endsOn', async () => {
    const admin = await staffClient(runtime, HLM_ADMIN);
    const response = await admin.call('POST', '/api/programmes', {
      ...validProgramme,
      startsOn: '2025-06-01',
      endsOn: '2025-01-01',
    });
    expect(response.status).toBe(422);
    expect(response.json.details).toEqual([expect.objectContaining({ field: 'body.endsOn' })]);
  });
});
