import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.js';
import { latestOutcomesByTheme } from '../../shared/programmes/index.js';
import { publishedEvent } from '../event-helpers.js';
import { consoleRequest, staffClient } from '../helpers.js';

/**
 * Outcomes per theme through the staff API against the local runtime: recorded, changed and
 * published with their events; bad input refused naming the field with nothing saved; other
 * tenants' programmes, releases and events unreachable; viewers read only.
 */

let runtime: LocalRuntime;
type Api = Awaited<ReturnType<typeof staffClient>>;
let editor: Api;
let viewer: Api;
let helAdmin: Api;
let programme: { programmeId: string; themes: { id: string; title: string }[] };

const outcome = (overrides: Record<string, unknown> = {}) => ({
  themeId: programme.themes[0]?.id,
  title: 'Företagslotsen får en fast telefontid',
  body: 'Efter dialoglunchen **inför vi** en fast telefontid.',
  status: 'done',
  date: '2025-03-10',
  ...overrides,
});

const outcomesPath = () => `/api/programmes/${programme.programmeId}/outcomes`;

async function record(overrides: Record<string, unknown> = {}) {
  const response = await editor.call('POST', outcomesPath(), outcome(overrides));
  expect(response.status, response.text).toBe(201);
  return response.json as { outcomeId: string; version: number; themeId: string };
}

const count = async () => ((await editor.call('GET', outcomesPath())).json.items as unknown[]).length;

beforeAll(async () => {
  runtime = await startLocalRuntime({ seed: true, log: () => {} });
  editor = await staffClient(runtime, 'staff-hlm-erik');
  viewer = await staffClient(runtime, 'staff-hlm-maria');
  helAdmin = await staffClient(runtime, 'staff-hel-mette');
  const created = await editor.call('POST', '/api/programmes', {
    name: 'Utfallsprogram',
    language: 'sv',
    startsOn: '2025-01-01',
    endsOn: '2025-12-31',
    themes: [{ title: 'Service' }, { title: 'Kompetens' }],
  });
  expect(created.status, created.text).toBe(201);
  programme = created.json as typeof programme;
});
afterAll(async () => {
  await runtime?.stop();
});

describe('recording and publishing', () => {
  it('records a draft, changes it, publishes it once, with an event for each in the outbox', async () => {
    const draft = await record();
    const changed = await editor.call('PUT', `${outcomesPath()}/${draft.outcomeId}`, {
      ...outcome({ status: 'not-pursued', reason: 'Budgeten räckte inte' }),
      expectedVersion: 1,
    });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.json).toMatchObject({ status: 'not-pursued', reason: 'Budgeten räckte inte', version: 2 });

    const stale = await editor.call('POST', `${outcomesPath()}/${draft.outcomeId}/publish`, {
      expectedVersion: 1,
    });
    expect(stale.status).toBe(409);
    const published = await editor.call('POST', `${outcomesPath()}/${draft.outcomeId}/publish`, {
      expectedVersion: 2,
    });
    expect(published.status, published.text).toBe(200);
    expect(published.json).toMatchObject({ published: true, version: 3 });
    const again = await editor.call('POST', `${outcomesPath()}/${draft.outcomeId}/publish`, {
      expectedVersion: 3,
    });
    expect(again.status).toBe(200);

    const names = (type: string) =>
      runtime.bus.published.filter(
        (e) =>
          e['detail-type'] === type && (e.detail as { outcomeId?: string }).outcomeId === draft.outcomeId,
      );
    await expect.poll(() => names('OutcomePublished').length).toBe(1);
    expect(names('OutcomeRecorded')).toHaveLength(1);
    expect(names('OutcomeUpdated')).toHaveLength(1);
    expect(names('OutcomePublished')[0]?.detail).toMatchObject({
      themeId: draft.themeId,
      status: 'not-pursued',
    });
  });

  it('links releases and events of the tenant, keeping their titles for the public page', async () => {
    const release = await editor.call('POST', '/api/releases', {
      headline: 'Ny telefontid för företagslotsen',
      lead: 'Kort.',
      body: 'Text.',
      language: 'sv',
    });
    expect(release.status, release.text).toBe(201);
    const event = await publishedEvent('hassleholm', { title: 'Dialoglunch om service' });
    const linked = await record({
      releaseIds: [release.json.releaseId],
      eventIds: [event.eventId],
    });
    expect(linked).toMatchObject({
      releases: [{ id: release.json.releaseId, title: 'Ny telefontid för företagslotsen' }],
      events: [{ id: event.eventId, title: 'Dialoglunch om service' }],
    });
  });

  it('latestOutcomesByTheme answers each theme its latest outcome by date', async () => {
    const second = programme.themes[1]?.id as string;
    await record({ themeId: second, date: '2025-02-01', title: 'Äldre' });
    const newer = await record({ themeId: second, date: '2025-06-01', title: 'Nyare' });
    await record({ themeId: second, date: '2025-04-01', title: 'Mellan' });
    const latest = await latestOutcomesByTheme('hassleholm', programme.programmeId);
    expect(latest.get(second)?.outcomeId).toBe(newer.outcomeId);
    expect(latest.get(second)?.title).toBe('Nyare');
    const published = await latestOutcomesByTheme('hassleholm', programme.programmeId, {
      publishedOnly: true,
    });
    expect(published.has(second)).toBe(false);
  });
});

describe('bad input: a 422 naming the field, nothing saved', () => {
  it.each([
    ['a date before the period', { date: '2024-12-31' }, 'body.date'],
    ['a date after the period', { date: '2026-01-01' }, 'body.date'],
    ['not a date', { date: '10 mars' }, 'body.date'],
    ['an unknown theme', { themeId: 'no-such-theme' }, 'body.themeId'],
    ['an unknown release', { releaseIds: ['no-such-release'] }, 'body.releaseIds'],
    ['an unknown event', { eventIds: ['no-such-event'] }, 'body.eventIds'],
    ['not pursued without a reason', { status: 'not-pursued' }, 'body.reason'],
    ['an unknown status', { status: 'maybe' }, 'body.status'],
    ['no title', { title: '  ' }, 'body.title'],
  ])('%s', async (_what, overrides, field) => {
    const before = await count();
    const response = await editor.call('POST', outcomesPath(), outcome(overrides));
    expect(response.status, response.text).toBe(422);
    expect((response.json.details as { field: string }[]).map((d) => d.field)).toContain(field);
    expect(await count()).toBe(before);
  });

  it("another tenant's release or event is unknown", async () => {
    const helRelease = await helAdmin.call('POST', '/api/releases', {
      headline: 'Helsingør nyt',
      lead: 'Kort.',
      body: 'Tekst.',
      language: 'da',
    });
    expect(helRelease.status, helRelease.text).toBe(201);
    const helEvent = await publishedEvent('helsingor', { title: 'Helsingør møde' });
    const before = await count();
    const response = await editor.call(
      'POST',
      outcomesPath(),
      outcome({ releaseIds: [helRelease.json.releaseId], eventIds: [helEvent.eventId] }),
    );
    expect(response.status).toBe(422);
    expect((response.json.details as { field: string }[]).map((d) => d.field).sort()).toEqual([
      'body.eventIds',
      'body.releaseIds',
    ]);
    expect(await count()).toBe(before);
  });
});

describe('who may do what', () => {
  it('viewers read but do not write', async () => {
    const draft = await record();
    expect((await viewer.call('GET', outcomesPath())).status).toBe(200);
    expect((await viewer.call('POST', outcomesPath(), outcome())).status).toBe(403);
    expect(
      (await viewer.call('POST', `${outcomesPath()}/${draft.outcomeId}/publish`, { expectedVersion: 1 }))
        .status,
    ).toBe(403);
  });

  it("another tenant's programme and outcomes are a 404, like missing ones", async () => {
    const draft = await record();
    for (const [method, path, body] of [
      ['GET', outcomesPath(), undefined],
      ['POST', outcomesPath(), outcome()],
      ['GET', `${outcomesPath()}/${draft.outcomeId}`, undefined],
      ['PUT', `${outcomesPath()}/${draft.outcomeId}`, { ...outcome(), expectedVersion: 1 }],
      ['POST', `${outcomesPath()}/${draft.outcomeId}/publish`, { expectedVersion: 1 }],
    ] as const) {
      expect((await helAdmin.call(method, path, body)).status, `${method} ${path}`).toBe(404);
    }
    const mine = await editor.call('GET', `${outcomesPath()}/${draft.outcomeId}`);
    expect(mine.json).toMatchObject({ published: false, version: 1 });
  });
});

describe('the public programme page in the newsroom', () => {
  it('shows published outcomes per theme, inert script and javascript: links, only public links', async () => {
    const make = async (headline: string, publish: boolean) => {
      const created = await editor.call('POST', '/api/releases', {
        headline,
        lead: 'Kort.',
        body: 'Text.',
        language: 'sv',
      });
      expect(created.status, created.text).toBe(201);
      if (publish) {
        const published = await editor.call('POST', `/api/releases/${created.json.releaseId}/publish`, {
          expectedVersion: 1,
        });
        expect(published.status, published.text).toBe(200);
      }
      return created.json.releaseId as string;
    };
    const publicRelease = await make('Offentligt pressmeddelande om service', true);
    const draftRelease = await make('Hemligt utkast om service', false);
    const shown = await record({
      title: 'Företagslotsen <script>alert(1)</script> är på plats',
      body: 'Vi **har anställt** en lots. [Klicka](javascript:alert(2)) <img src=x onerror=alert(3)> [Mer](https://hassleholm.se/lots)',
      releaseIds: [publicRelease, draftRelease],
    });
    const published = await editor.call('POST', `${outcomesPath()}/${shown.outcomeId}/publish`, {
      expectedVersion: 1,
    });
    expect(published.status, published.text).toBe(200);
    await record({ title: 'Ett utkast som inte syns' });

    const page = await fetch(`${runtime.url}/press/hassleholm/programmes/${programme.programmeId}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Utfallsprogram');
    expect(html).toContain('Företagslotsen &lt;script>alert(1)&lt;/script> är på plats');
    expect(html).toContain('<strong>har anställt</strong>');
    expect(html).toContain('href="https://hassleholm.se/lots"');
    expect(html).not.toMatch(/<script(?! type="application\/ld\+json")/);
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('<img');
    expect(html).toContain('Genomfört');
    expect(html).toContain(`href="/press/hassleholm/releases/${publicRelease}"`);
    expect(html).not.toContain('Hemligt utkast om service');
    expect(html).not.toContain('Ett utkast som inte syns');
    expect(html).toContain(`id="theme-${programme.themes[0]?.id}"`);

    const english = await (
      await fetch(`${runtime.url}/press/hassleholm/programmes/${programme.programmeId}?lang=en`)
    ).text();
    expect(english).toContain('What companies and organisations said');
    expect(english).toContain('>Done<');
  });

  it("shows the Hässleholm demo programme's seeded outcomes right after the seed", async () => {
    const demo = (
      (await editor.call('GET', '/api/programmes')).json.items as { programmeId: string; name: string }[]
    ).find((p) => p.name === 'Näringslivsprogram 2024');
    const html = await (
      await fetch(`${runtime.url}/press/hassleholm/programmes/${demo?.programmeId}`)
    ).text();
    expect(html).toContain('Företagslotsen får fast telefontid och svar inom två arbetsdagar');
    expect(html).toContain('Drivs inte vidare');
    expect(html).toContain('Kollektivtrafiken är Region Skånes ansvar');
  });

  it("another tenant's programme is a 404, like a missing one", async () => {
    for (const path of [
      `/press/helsingor/programmes/${programme.programmeId}`,
      '/press/hassleholm/programmes/no-such-programme',
      `/press/no-such-tenant/programmes/${programme.programmeId}`,
    ]) {
      expect((await fetch(`${runtime.url}${path}`)).status, path).toBe(404);
    }
  });
});

describe('the console: outcomes on the programme page and their editor', () => {
  const consolePath = () => `/console/programmes/${programme.programmeId}`;

  it('an editor records an outcome on a theme and publishes it; the programme page shows it per theme', async () => {
    const theme = programme.themes[1]?.id as string;
    const form = await consoleRequest(
      runtime,
      'staff-hlm-erik',
      'GET',
      `${consolePath()}/outcomes/new?themeId=${theme}`,
    );
    expect(form.status).toBe(200);
    const formHtml = await form.text();
    expect(formHtml).toContain('Nytt utfall: Kompetens');
    expect(formHtml).toContain('Ny telefontid för företagslotsen');

    const saved = await consoleRequest(runtime, 'staff-hlm-erik', 'POST', `${consolePath()}/outcomes`, {
      themeId: theme,
      title: 'Praktikplatser via kommunen',
      body: 'Kort text.',
      status: 'in-progress',
      date: '2025-09-01',
    });
    expect(saved.status, await saved.clone().text()).toBe(303);
    expect(saved.headers.get('location')).toBe(`${consolePath()}#theme-${theme}`);
    const listed = (await editor.call('GET', outcomesPath())).json.items as {
      outcomeId: string;
      title: string;
      version: number;
    }[];
    const created = listed.find((o) => o.title === 'Praktikplatser via kommunen');
    expect(created).toBeDefined();

    const page = await (await consoleRequest(runtime, 'staff-hlm-erik', 'GET', consolePath())).text();
    expect(page).toContain('Praktikplatser via kommunen');
    expect(page).toContain('Pågår');
    expect(page).toContain(`/press/hassleholm/programmes/${programme.programmeId}`);

    const published = await consoleRequest(
      runtime,
      'staff-hlm-erik',
      'POST',
      `${consolePath()}/outcomes/${created?.outcomeId}/publish`,
      { expectedVersion: String(created?.version) },
    );
    expect(published.status).toBe(303);
    const after = await editor.call('GET', `${outcomesPath()}/${created?.outcomeId}`);
    expect(after.json).toMatchObject({ published: true });
  });

  it('refuses bad input with each field named in Swedish, nothing saved', async () => {
    const before = await count();
    const response = await consoleRequest(runtime, 'staff-hlm-erik', 'POST', `${consolePath()}/outcomes`, {
      themeId: programme.themes[0]?.id as string,
      title: 'Utanför perioden',
      status: 'not-pursued',
      date: '2031-01-01',
      releaseIds: 'no-such-release',
    });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('Datumet ligger efter programmets period.');
    expect(html).toContain('Pressmeddelandet finns inte.');
    expect(html).toMatch(/id="reason"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="reason"/);
    expect(await count()).toBe(before);
  });

  it('viewers see outcomes without the editor; other tenants get a 404', async () => {
    const page = await (await consoleRequest(runtime, 'staff-hlm-maria', 'GET', consolePath())).text();
    expect(page).toContain('Utfall');
    expect(page).not.toContain('Lägg till utfall');
    expect(
      (await consoleRequest(runtime, 'staff-hlm-maria', 'GET', `${consolePath()}/outcomes/new`)).status,
    ).toBe(403);
    expect(
      (await consoleRequest(runtime, 'staff-hel-mette', 'GET', `${consolePath()}/outcomes/new`)).status,
    ).toBe(404);
    expect((await consoleRequest(runtime, 'staff-hel-mette', 'GET', consolePath())).status).toBe(404);
  });
});
