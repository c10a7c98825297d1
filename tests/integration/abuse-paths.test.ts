import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.js';
import { contactsPage } from '../../shared/directory/store/contacts.js';
import { createCampaign, getCampaign } from '../../shared/mail/store/campaigns.js';
import { createDelivery } from '../../shared/mail/store/deliveries.js';
import { ensureInvitation } from '../../shared/meetings/store.js';
import { type MessageKind, messageKinds } from '../../shared/message-kinds.js';
import { staffClient } from '../helpers.js';
import { eventMailSamples, isEventMessageKind } from '../unit/mail-invitation-fixtures.js';

/**
 * Abuse paths from the security audit (issue 13), against the local runtime: transactional mail
 * as staff campaigns (9), another tenant's programme on a meeting (12), control characters in
 * names (13) and crafted paging cursors (14).
 */

let runtime: LocalRuntime;
type Api = Awaited<ReturnType<typeof staffClient>>;
let admin: Api;
let helAdmin: Api;
const TENANT = 'hassleholm';
const HLM_ADMIN = 'staff-hlm-anna';
type Item = Record<string, unknown>;

const DAY = 86_400_000;
const future = (days: number, hourUtc = 10) => {
  const date = new Date(Date.now() + days * DAY);
  date.setUTCHours(hourUtc, 30, 0, 0);
  return date.toISOString();
};
const validEvent = (over: Item = {}) => ({
  kind: 'workshop',
  title: 'Workshop: besöksnäring',
  place: { name: 'Kulturhuset', address: 'Storgatan 1' },
  start: future(30),
  end: future(30, 12),
  rsvpDeadline: future(20),
  capacity: 40,
  seatLimitPerOrganisation: 2,
  language: 'sv',
  ...over,
});

const fields = (response: { json: Item }) =>
  ((response.json.details ?? []) as { field: string }[]).map((d) => d.field);

beforeAll(async () => {
  runtime = await startLocalRuntime({ seed: true, log: () => {} });
  [admin, helAdmin] = await Promise.all([
    staffClient(runtime, HLM_ADMIN),
    staffClient(runtime, 'staff-hel-mette'),
  ]);
});
afterAll(async () => {
  await runtime?.stop();
});

// ------------------------------------------------------------------ 9: campaigns of any kind

/** What staff compose as campaigns; every other kind is composed by its capability. */
const STAFF_KINDS: readonly string[] = ['announcement'];

const announcementData = {
  subject: 'Dialoglunch i mars',
  markdownBody: 'Vi bjuder in till **dialoglunch**.',
};

/** Data each kind accepts, so that only the kind can be what a refusal is about. */
const dataFor = (kind: MessageKind): unknown =>
  isEventMessageKind(kind)
    ? eventMailSamples[kind]
    : kind === 'subscription-confirmation'
      ? { confirmUrl: 'https://samverkan.example/confirm/x', topics: ['Pressmeddelanden'] }
      : {
          ...announcementData,
          subject: 'Ditt konto',
          ctaLabel: 'Logga in',
          ctaUrl: 'https://evil.example/login',
        };

describe('9: staff compose campaigns of the kinds meant for them only', () => {
  const campaignCount = async () => ((await admin.call('GET', '/api/campaigns')).json.items as Item[]).length;

  it('refuses each other kind with 422 on body.content.kind, and writes nothing', async () => {
    const others = messageKinds.filter((kind) => !STAFF_KINDS.includes(kind));
    expect(others).toEqual(expect.arrayContaining(['rsvp-confirmation', 'event-cancelled', 'invitation']));
    const before = await campaignCount();
    for (const kind of others) {
      const response = await admin.call('POST', '/api/campaigns', {
        name: `Inte en kampanj: ${kind}`,
        content: { kind, data: dataFor(kind) },
        audience: { kind: 'all' },
      });
      expect(response.status, `${kind}: ${response.text}`).toBe(422);
      expect(fields(response), kind).toContain('body.content.kind');
    }
    expect(await campaignCount()).toBe(before);
  });

  it('still creates an announcement', async () => {
    const response = await admin.call('POST', '/api/campaigns', {
      name: 'Dialoglunch',
      content: { kind: 'announcement', data: announcementData },
      audience: { kind: 'all' },
    });
    expect(response.status, response.text).toBe(201);
    expect(response.json).toMatchObject({ kind: 'announcement', bulk: true, status: 'draft' });
  });

  it('does not send a draft of another kind saved before they were refused', async () => {
    const draft = await createCampaign({
      tenantId: TENANT,
      name: 'Gammalt utkast',
      kind: 'event-cancelled',
      content: eventMailSamples['event-cancelled'],
      audience: { kind: 'all' },
      bulk: false,
      createdBy: HLM_ADMIN,
    });
    const response = await admin.call('POST', `/api/campaigns/${draft.campaignId}/send`);
    expect(response.status, response.text).toBe(409);
    expect((await getCampaign(TENANT, draft.campaignId))?.status).toBe('draft');
  });
});

// ------------------------------------------------------------------ 12: another tenant's programme

describe("12: a meeting names one of its tenant's own programmes, or none", () => {
  it("refuses an unknown or another tenant's programmeId on create and on update, with 422 on body.programmeId", async () => {
    const programmeOf = async (client: Api) =>
      ((await client.call('GET', '/api/programmes')).json.items as { programmeId: string }[])[0]?.programmeId;
    const [own, foreign] = await Promise.all([programmeOf(admin), programmeOf(helAdmin)]);
    expect(own && foreign && own !== foreign).toBeTruthy();
    const eventCount = async () => ((await admin.call('GET', '/api/events')).json.items as Item[]).length;

    const before = await eventCount();
    for (const programmeId of [foreign, 'no-such-programme']) {
      const created = await admin.call('POST', '/api/events', validEvent({ programmeId }));
      expect(created.status, created.text).toBe(422);
      expect(fields(created)).toEqual(['body.programmeId']);
    }
    expect(await eventCount()).toBe(before);

    const created = await admin.call('POST', '/api/events', validEvent({ programmeId: own }));
    expect(created.status, created.text).toBe(201);
    const path = `/api/events/${created.json.eventId as string}`;
    for (const programmeId of [foreign, 'no-such-programme']) {
      const updated = await admin.call('PUT', path, validEvent({ programmeId, expectedVersion: 1 }));
      expect(updated.status, updated.text).toBe(422);
      expect(fields(updated)).toEqual(['body.programmeId']);
    }
    expect((await admin.call('GET', path)).json).toMatchObject({ programmeId: own, version: 1 });
    // Its own programme, and none, are still fine.
    const kept = await admin.call('PUT', path, validEvent({ programmeId: own, expectedVersion: 1 }));
    expect(kept.status, kept.text).toBe(200);
    const none = await admin.call('PUT', path, validEvent({ expectedVersion: 2 }));
    expect(none.status, none.text).toBe(200);
  });
});

// ------------------------------------------------------------------ 13: control characters in names

describe('13: names are one line, refused with control characters where they enter', () => {
  const controls = ['\r\n', '\n', '\u0000', '\u0007', '\u0085', '\u2028'];
  const unique = () => randomUUID().slice(0, 8);

  it('contacts: create and update refuse them on body.name; nothing is written', async () => {
    const email = `ok.${unique()}@example.se`;
    const made = await admin.call('POST', '/api/contacts', {
      name: 'Anna Berg',
      email,
      lawfulBasis: { basis: 'consent' },
    });
    expect(made.status, made.text).toBe(201);
    const path = `/api/contacts/${made.json.contactId as string}`;
    for (const c of controls) {
      const address = `evil.${unique()}@example.se`;
      const created = await admin.call('POST', '/api/contacts', {
        name: `Anna${c}Bcc: victim@example.se`,
        email: address,
        lawfulBasis: { basis: 'consent' },
      });
      expect(created.status, JSON.stringify(c)).toBe(422);
      expect(fields(created)).toEqual(['body.name']);
      const all = (await admin.call('GET', `/api/contacts?q=${encodeURIComponent(address)}`)).json
        .items as Item[];
      expect(all.some((contact) => contact.email === address)).toBe(false);

      const updated = await admin.call('PUT', path, { name: `Anna${c}Berg`, email });
      expect(updated.status, JSON.stringify(c)).toBe(422);
      expect(fields(updated)).toEqual(['body.name']);
    }
    expect((await admin.call('GET', path)).json).toMatchObject({ name: 'Anna Berg', version: 1 });
  });

  it('organisations: create and update refuse them on body.name; nothing is written', async () => {
    const made = await admin.call('POST', '/api/organisations', { name: `Ren AB ${unique()}` });
    expect(made.status, made.text).toBe(201);
    const path = `/api/organisations/${made.json.organisationId as string}`;
    const count = async () => (await admin.call('GET', '/api/organisations')).json.total as number;
    const before = await count();
    for (const c of controls) {
      const created = await admin.call('POST', '/api/organisations', { name: `Acme${c}AB ${unique()}` });
      expect(created.status, JSON.stringify(c)).toBe(422);
      expect(fields(created)).toEqual(['body.name']);
      const updated = await admin.call('PUT', path, { name: `Acme${c}AB` });
      expect(updated.status, JSON.stringify(c)).toBe(422);
      expect(fields(updated)).toEqual(['body.name']);
    }
    expect(await count()).toBe(before);
    expect((await admin.call('GET', path)).json).toMatchObject({ name: made.json.name, version: 1 });
  });
});

// ------------------------------------------------------------------ 14: crafted paging cursors

describe('14: paging cursors are checked against the key the query expects', () => {
  let invitations: string;
  let deliveries: string;
  let consolePath: string;
  let eventPk: string;
  let campaignPk: string;
  let sessionCookie: string;

  beforeAll(async () => {
    const contacts = (await contactsPage(TENANT, undefined, 3)).items;
    const event = await admin.call('POST', '/api/events', validEvent());
    const eventId = event.json.eventId as string;
    for (const contact of contacts)
      await ensureInvitation({
        tenantId: TENANT,
        eventId,
        contactId: contact.contactId,
        organisationId: contact.organisationId ?? `contact-${contact.contactId}`,
        organisationType: 'company',
      });
    const campaign = await admin.call('POST', '/api/campaigns', {
      name: 'Sidor',
      content: { kind: 'announcement', data: announcementData },
      audience: { kind: 'all' },
    });
    const campaignId = campaign.json.campaignId as string;
    for (const contact of contacts)
      await createDelivery({
        tenantId: TENANT,
        campaignId,
        contactId: contact.contactId,
        language: 'sv',
        status: 'queued',
      });
    invitations = `/api/events/${eventId}/invitations`;
    deliveries = `/api/campaigns/${campaignId}/deliveries`;
    consolePath = `/console/events/${eventId}`;
    eventPk = `T#${TENANT}#EVENT#${eventId}`;
    campaignPk = `T#${TENANT}#CAMPAIGN#${campaignId}`;
    sessionCookie = `samverkan_session=${await runtime.identity.idToken(HLM_ADMIN)}`;
  });

  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  /** Cursor strings: garbage, bytes, any JSON, and keys near the right one (right or wrong pk, sk of any shape). */
  const cursors = (pk: () => string, prefix: string) =>
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('base64url')),
      fc.jsonValue({ maxDepth: 3 }).map(b64),
      {
        weight: 4,
        arbitrary: fc
          .record(
            {
              pk: fc.oneof(
                { weight: 4, arbitrary: fc.constant(null).map(() => pk()) },
                fc.constant(`T#${TENANT}#EVENT#x`),
                fc.constant(`T#helsingor#CAMPAIGN#x`),
                fc.constant(`T#${TENANT}`),
                fc.jsonValue({ maxDepth: 1 }),
              ),
              sk: fc.oneof(
                {
                  weight: 3,
                  arbitrary: fc.string({ unit: 'binary', maxLength: 80 }).map((s) => `${prefix}${s}`),
                },
                fc.string({ unit: 'grapheme', minLength: 300, maxLength: 600 }).map((s) => `${prefix}${s}`),
                fc.constantFrom('', 'COUNTERS', 'WAIT#2026', 'CONTACT#x', prefix),
                fc.jsonValue({ maxDepth: 1 }),
              ),
              gsi1pk: fc.string(),
            },
            { requiredKeys: [] },
          )
          .map(b64),
      },
    );

  const query = (cursor: string) => `?${new URLSearchParams({ cursor, limit: '1' })}`;

  const api = (path: () => string) => async (cursor: string) => {
    const response = await admin.call('GET', `${path()}${query(cursor)}`);
    expect([200, 422], `${JSON.stringify(cursor)}: ${response.status} ${response.text}`).toContain(
      response.status,
    );
    if (response.status === 422) expect(fields(response)).toEqual(['query.cursor']);
    return response;
  };

  it.each([
    ['GET /api/events/{id}/invitations', () => invitations, () => eventPk, 'INVITE#'],
    ['GET /api/campaigns/{id}/deliveries', () => deliveries, () => campaignPk, 'DELIVERY#'],
  ])('%s: any cursor is answered 200 or 422 on query.cursor, never 5xx', async (_route, path, pk, prefix) => {
    const call = api(path);
    // A real cursor pages on; crafted ones of its exact shape still work.
    const first = await call('');
    expect(first.status).toBe(200);
    expect((await call(first.json.cursor as string)).status).toBe(200);
    expect((await call(b64({ pk: pk(), sk: `${prefix}~` }))).status).toBe(200);
    // The shapes that reached DynamoDB as a malformed ExclusiveStartKey.
    for (const bad of [
      b64({ pk: pk() }),
      b64({ pk: pk(), sk: 42 }),
      b64({ pk: pk(), sk: '' }),
      b64({ pk: `T#${TENANT}#x`, sk: `${prefix}a` }),
      b64({ pk: pk(), sk: `${prefix}a`, extra: 'x' }),
      b64({ pk: pk(), sk: `${prefix}\ud800` }),
      b64({ pk: pk(), sk: `${prefix}${'x'.repeat(1100)}` }),
      'garbage!',
    ])
      expect((await call(bad)).status, Buffer.from(bad, 'base64url').toString()).toBe(422);
    await fc.assert(
      fc.asyncProperty(cursors(pk, prefix), async (cursor) => void (await call(cursor))),
      {
        numRuns: 150,
        endOnFailure: true,
      },
    );
  });

  it('the console event page: any cursor gives the page or a 422 in the reader’s language, never 5xx', async () => {
    const page = async (cursor: string, language = 'sv') => {
      const response = await fetch(`${runtime.url}${consolePath}${query(cursor)}`, {
        headers: { cookie: sessionCookie, 'accept-language': language },
        redirect: 'manual',
      });
      const html = await response.text();
      expect([200, 422], `${JSON.stringify(cursor)}: ${response.status}`).toContain(response.status);
      return { status: response.status, html };
    };
    const words = {
      sv: 'Den sidan av listan finns inte',
      da: 'Den side af listen findes ikke',
      en: 'That page of the list does not exist',
    };
    for (const [language, text] of Object.entries(words)) {
      const refused = await page(b64({ pk: eventPk }), language);
      expect(refused.status).toBe(422);
      expect(refused.html).toContain(text);
    }
    expect((await page(b64({ pk: eventPk, sk: 'INVITE#~' }))).status).toBe(200);
    await fc.assert(
      fc.asyncProperty(
        cursors(() => eventPk, 'INVITE#'),
        async (cursor) => {
          const { status, html } = await page(cursor);
          // A cursor longer than any this list writes is refused for its length, also worded.
          const refusal = cursor.length > 2000 ? 'cursor: Högst 2000 tecken.' : words.sv;
          if (status === 422) expect(html).toContain(refusal);
        },
      ),
      // Every run is a request: a failure is reported as found, not shrunk request by request.
      { numRuns: 100, endOnFailure: true },
    );
  });
});
