import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.js';
import { sessionCsrfToken } from '../../shared/platform/http/html-pages.js';
import { pressMessages } from '../../shared/press/texts.js';
import { staffClient, waitFor } from '../helpers.js';

/**
 * The press room against the emulators (DynamoDB Local, s3rver), through the HTTP API as staff
 * and the public would use it: releases, workflow, embargo, files, previews, the newsroom, feeds,
 * and every refusal (other tenant, role, bad input).
 */

const HLM_ADMIN = 'staff-hlm-anna';
const HLM_EDITOR = 'staff-hlm-erik';
const HLM_VIEWER = 'staff-hlm-maria';
const HEL_ADMIN = 'staff-hel-mette';

type Api = Awaited<ReturnType<typeof staffClient>>;
let runtime: LocalRuntime;
let admin: Api;
let editor: Api;
let viewer: Api;
let helAdmin: Api;

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

const release = (overrides: Record<string, unknown> = {}) => ({
  headline: 'Steg framåt för näringslivsprogram',
  lead: 'Ett trettiotal företag träffades på en dialoglunch.',
  body: 'Mötet i rådhuset inleddes av **kommunstyrelsens ordförande**.',
  quotes: [{ text: 'Intensiva och ärliga dialoger.', name: 'Tina Gunnarsson', role: 'Näringslivschef' }],
  language: 'sv',
  topics: ['naringsliv'],
  regions: ['skane'],
  contactIds: ['tina'],
  ...overrides,
});

const publicGet = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${runtime.url}${path}`, { redirect: 'manual', headers });

const publishedEvents = (name: string, releaseId: string) =>
  runtime.bus.published.filter(
    (e) => e['detail-type'] === name && (e.detail as { releaseId?: string }).releaseId === releaseId,
  );

async function create(client: Api, overrides: Record<string, unknown> = {}) {
  const response = await client.call('POST', '/api/releases', release(overrides));
  expect(response.status, response.text).toBe(201);
  return response.json as { releaseId: string; version: number };
}

beforeAll(async () => {
  runtime = await startLocalRuntime({
    seed: true,
    log: (m) => process.env.PRESS_LOG && console.log(m),
    scheduleIntervalMs: 300,
    logLevel: process.env.PRESS_LOG ? 'ERROR' : undefined,
  });
  [admin, editor, viewer, helAdmin] = await Promise.all([
    staffClient(runtime, HLM_ADMIN),
    staffClient(runtime, HLM_EDITOR),
    staffClient(runtime, HLM_VIEWER),
    staffClient(runtime, HEL_ADMIN),
  ]);
  const room = await admin.call('PUT', '/api/press-room', {
    boilerplate: { sv: 'Hässleholms kommun ligger i norra Skåne.' },
    topics: [
      { id: 'naringsliv', name: 'Näringsliv' },
      { id: 'test-embargo', name: 'Embargotest' },
    ],
    tags: [{ id: 'dialog', name: 'Dialog' }],
    regions: [{ id: 'skane', name: 'Skåne' }],
  });
  expect(room.status, room.text).toBe(200);
  const contacts = await admin.call('PUT', '/api/press-contacts', {
    contacts: [
      {
        id: 'tina',
        name: 'Tina Gunnarsson',
        role: 'Näringslivschef',
        phone: '+46 451 26 70 00',
        email: 'tina@hassleholm.example',
      },
    ],
  });
  expect(contacts.status, contacts.text).toBe(200);
});
afterAll(async () => {
  await runtime?.stop();
});

describe('demo press rooms (seeded from ../shared/seeds)', () => {
  it.each([
    ['hassleholm', 'sv', 'Företagen i Hässleholm bjuds in att sätta framtidens agenda'],
    ['hassleholm', 'sv', 'Steg framåt för näringslivsprogram'],
    ['helsingor', 'da', 'Ny erhvervs- og vækstpolitik i Helsingør Kommune'],
    ['perstorp', 'sv', 'Startskott för arbete med ny Näringslivsstrategi'],
  ])(
    '%s publishes "%s"-language release %s, with its press contact and feed entry',
    async (tenant, language, headline) => {
      const list = await (await publicGet(`/press/${tenant}`)).text();
      const href = new RegExp(
        `href="(/press/${tenant}/releases/[^"]+)">${headline.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}<`,
      ).exec(list)?.[1];
      expect(href, headline).toBeDefined();
      const page = await publicGet(href ?? '');
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain(`<html lang="${language}">`);
      expect(html).toContain('"@type":"NewsArticle"');
      expect(await (await publicGet(`/press/${tenant}/feed/atom.xml`)).text()).toContain(
        headline.split(' ')[0],
      );
    },
  );

  it('Helsingør and Perstorp show their press contacts and boilerplate', async () => {
    expect(await (await publicGet('/press/helsingor/contacts')).text()).toContain('presse@helsingor.example');
    const perstorp = await (await publicGet('/press/perstorp/contacts')).text();
    expect(perstorp).toContain('Sahand Kousha');
    expect(perstorp).toContain('Om Perstorps kommun');
  });
});

describe('writing releases (staff API)', () => {
  it('an editor writes a draft with vocabulary terms and a press contact; a viewer reads but cannot write', async () => {
    const draft = await create(editor);
    const read = await viewer.call('GET', `/api/releases/${draft.releaseId}`);
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({
      status: 'draft',
      topics: ['naringsliv'],
      contactIds: ['tina'],
      version: 1,
    });
    expect((await viewer.call('POST', '/api/releases', release())).status).toBe(403);
    expect((await editor.call('PUT', '/api/press-contacts', { contacts: [] })).status).toBe(403);
  });

  it.each([
    ['a line break in the headline', { headline: 'Rubrik\r\nBcc: all@example.com' }, 'body.headline'],
    ['a topic outside the press room list', { topics: ['okand'] }, 'body.topics'],
    ['a press contact not on the list', { contactIds: ['nobody'] }, 'body.contactIds'],
    ['a programme of nobody', { programmeId: 'nope' }, 'body.programmeId'],
  ])('refuses %s with a 422 naming the field, and writes nothing', async (_what, change, field) => {
    const before = ((await admin.call('GET', '/api/releases')).json.items as unknown[]).length;
    const response = await editor.call('POST', '/api/releases', release(change));
    expect(response.status).toBe(422);
    expect((response.json.details as { field: string }[]).map((d) => d.field)).toContain(field);
    expect(((await admin.call('GET', '/api/releases')).json.items as unknown[]).length).toBe(before);
  });

  it('refuses a schedule or embargo in the past, naming the field, and leaves the draft as it was', async () => {
    const draft = await create(editor);
    const response = await editor.call('POST', `/api/releases/${draft.releaseId}/schedule`, {
      publishAt: new Date(Date.now() - 60_000).toISOString(),
      embargo: true,
      expectedVersion: draft.version,
    });
    expect(response.status).toBe(422);
    expect(response.json.details).toEqual([{ field: 'body.publishAt', message: 'Must be in the future' }]);
    expect((await editor.call('GET', `/api/releases/${draft.releaseId}`)).json).toMatchObject({
      status: 'draft',
      version: 1,
    });
  });

  it("keeps other tenants out: another tenant's release is a 404 to read, change or publish", async () => {
    const draft = await create(editor);
    for (const [method, path, body] of [
      ['GET', `/api/releases/${draft.releaseId}`, undefined],
      ['PUT', `/api/releases/${draft.releaseId}`, { ...release(), expectedVersion: 1 }],
      ['POST', `/api/releases/${draft.releaseId}/publish`, { expectedVersion: 1 }],
      ['POST', `/api/releases/${draft.releaseId}/preview-link`, undefined],
    ] as const) {
      expect((await helAdmin.call(method, path, body)).status, `${method} ${path}`).toBe(404);
    }
    const listed = (await helAdmin.call('GET', '/api/releases')).json.items as { releaseId: string }[];
    expect(listed.map((r) => r.releaseId)).not.toContain(draft.releaseId);
  });
});

describe('workflow, embargo and the public newsroom', () => {
  it('an embargoed release is a 404 everywhere public until its time, then appears, and is published once', async () => {
    const draft = await create(editor, { headline: 'Embargotest i Hässleholm', topics: ['test-embargo'] });
    const publishAt = new Date(Date.now() + 4000).toISOString();
    const scheduled = await editor.call('POST', `/api/releases/${draft.releaseId}/schedule`, {
      publishAt,
      embargo: true,
      expectedVersion: draft.version,
    });
    expect(scheduled.status, scheduled.text).toBe(200);
    expect(scheduled.json).toMatchObject({ status: 'scheduled', embargo: true });
    // Subscribers would be mailed now, under embargo: the event says so.
    await waitFor(
      () => publishedEvents('ReleaseScheduled', draft.releaseId).length === 1,
      10_000,
      'ReleaseScheduled',
    );
    expect(publishedEvents('ReleaseScheduled', draft.releaseId)[0]?.detail).toMatchObject({
      embargo: true,
      publishAt,
      topics: ['test-embargo'],
      language: 'sv',
    });

    // Before the time: the same 404 as a release that does not exist; not in lists, feeds, sitemap.
    const page = await publicGet(`/press/hassleholm/releases/${draft.releaseId}`);
    const missing = await publicGet('/press/hassleholm/releases/000000000nothing');
    expect(page.status).toBe(404);
    expect(await page.text()).toBe(await missing.text());
    for (const path of [
      '/press/hassleholm',
      '/press/hassleholm?topic=test-embargo',
      '/press/hassleholm/feed/rss.xml',
      '/press/hassleholm/topics/test-embargo/feed/atom.xml',
      '/press/hassleholm/sitemap.xml',
    ]) {
      expect(await (await publicGet(path)).text(), path).not.toContain(draft.releaseId);
    }

    await waitFor(
      async () => (await publicGet(`/press/hassleholm/releases/${draft.releaseId}`)).status === 200,
      15_000,
      'the embargo to lift',
    );
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(publishAt));
    expect(await (await publicGet('/press/hassleholm/topics/test-embargo/feed/feed.json')).text()).toContain(
      draft.releaseId,
    );
    expect(await (await publicGet('/press/hassleholm?q=embargotest')).text()).toContain(draft.releaseId);

    // The schedule fires: published, and ReleasePublished written exactly once.
    await waitFor(
      async () =>
        (await editor.call('GET', `/api/releases/${draft.releaseId}`)).json.scheduleVersion === 1 &&
        publishedEvents('ReleasePublished', draft.releaseId).length === 1,
      15_000,
      'ReleasePublished',
    );
    await new Promise((r) => setTimeout(r, 1500));
    expect(publishedEvents('ReleasePublished', draft.releaseId)).toHaveLength(1);
    // A distributor learns that subscribers already had it under embargo.
    expect(publishedEvents('ReleasePublished', draft.releaseId)[0]?.detail).toMatchObject({
      embargo: true,
      publishedAt: publishAt,
      topics: ['test-embargo'],
    });
  });

  it('emergency cancel takes a scheduled release back to a draft: it never appears and is never published', async () => {
    const draft = await create(editor);
    const scheduled = await editor.call('POST', `/api/releases/${draft.releaseId}/schedule`, {
      publishAt: new Date(Date.now() + 2500).toISOString(),
      expectedVersion: draft.version,
    });
    const cancelled = await editor.call('POST', `/api/releases/${draft.releaseId}/cancel`, {
      expectedVersion: scheduled.json.version,
    });
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.json).toMatchObject({ status: 'draft' });
    await new Promise((r) => setTimeout(r, 4000));
    expect((await publicGet(`/press/hassleholm/releases/${draft.releaseId}`)).status).toBe(404);
    expect(publishedEvents('ReleasePublished', draft.releaseId)).toHaveLength(0);
    expect(publishedEvents('ReleaseCancelled', draft.releaseId)).toHaveLength(1);
  });

  it('a published release changes only by a correction, shown on the page and never published again', async () => {
    const draft = await create(editor, { headline: 'Rättelsetest' });
    const published = await editor.call('POST', `/api/releases/${draft.releaseId}/publish`, {
      expectedVersion: 1,
    });
    expect(published.status, published.text).toBe(200);
    const plain = await editor.call('PUT', `/api/releases/${draft.releaseId}`, {
      ...release({ headline: 'Rättelsetest' }),
      lead: 'Rätt antal: 35 företag.',
      expectedVersion: published.json.version,
    });
    expect(plain.status).toBe(422);
    expect((plain.json.details as { field: string }[])[0]?.field).toBe('body.correction');
    const corrected = await editor.call('PUT', `/api/releases/${draft.releaseId}`, {
      ...release({ headline: 'Rättelsetest' }),
      lead: 'Rätt antal: 35 företag.',
      expectedVersion: published.json.version,
      correction: 'Antalet företag var 35, inte 30.',
    });
    expect(corrected.status, corrected.text).toBe(200);
    const page = await (await publicGet(`/press/hassleholm/releases/${draft.releaseId}`)).text();
    expect(page).toContain('Antalet företag var 35, inte 30.');
    expect(page).toContain('Rätt antal: 35 företag.');
    // Publishing again is refused: it is published.
    expect(
      (
        await editor.call('POST', `/api/releases/${draft.releaseId}/publish`, {
          expectedVersion: corrected.json.version,
        })
      ).status,
    ).toBe(409);
    await waitFor(
      () => publishedEvents('ReleaseCorrected', draft.releaseId).length === 1,
      10_000,
      'ReleaseCorrected',
    );
    expect(publishedEvents('ReleasePublished', draft.releaseId)).toHaveLength(1);
  });

  it('renders script, event handlers and javascript: links in Markdown and names as inert text', async () => {
    const hostile = await create(editor, {
      headline: 'Säkerhet <script>alert(1)</script>',
      body: '<script>alert(2)</script>\n\n<img src=x onerror=alert(3)>\n\n[klicka](javascript:alert(4))',
      quotes: [{ text: '<b onmouseover=alert(5)>hej</b>', name: '<svg onload=alert(6)>' }],
    });
    await editor.call('POST', `/api/releases/${hostile.releaseId}/publish`, { expectedVersion: 1 });
    const page = await (await publicGet(`/press/hassleholm/releases/${hostile.releaseId}`)).text();
    // Every tag in the input arrives as text; no element, handler or javascript: link is made of it.
    expect(page).not.toMatch(/<script>alert|<img src=x|<svg|<b onmouseover|href="javascript:/i);
    expect(page).toContain('Säkerhet &lt;script>alert(1)&lt;/script>');
    // Feed readers take titles and summaries as HTML: there too it is text.
    for (const format of ['rss.xml', 'atom.xml', 'feed.json']) {
      const feed = await (await publicGet(`/press/hassleholm/feed/${format}`)).text();
      expect(feed, format).toContain(hostile.releaseId);
      expect(feed, format).not.toMatch(/<script>alert\(1\)<\/script>\]\]>|"content_html":"[^"]*<script/);
    }
  });

  it('answers with an ETag and 304 when nothing changed', async () => {
    const first = await publicGet('/press/hassleholm');
    const etag = first.headers.get('etag') ?? '';
    expect(first.headers.get('cache-control')).toContain('s-maxage');
    const again = await publicGet('/press/hassleholm', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });
});

describe('files in the bucket', () => {
  it('uploads through a presigned PUT, checks what arrived, and serves it from the public page only once public', async () => {
    const draft = await create(editor);
    const start = await editor.call('POST', `/api/releases/${draft.releaseId}/files`, {
      kind: 'attachment',
      fileName: 'näringslivsprogram.pdf',
      contentType: 'application/pdf',
      size: PDF.length,
    });
    expect(start.status, start.text).toBe(201);
    const upload = start.json.upload as { url: string; headers: Record<string, string> };
    const put = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: PDF });
    expect(put.status).toBe(200);
    const complete = await editor.call(
      'POST',
      `/api/releases/${draft.releaseId}/files/${start.json.fileId}/complete`,
    );
    expect(complete.status, complete.text).toBe(200);
    const file = (complete.json.files as { fileId: string; size: number }[])[0];
    expect(file).toMatchObject({ size: PDF.length, contentType: 'application/pdf' });

    const download = `/press/hassleholm/files/${draft.releaseId}/${file?.fileId}`;
    expect((await publicGet(download)).status).toBe(404);
    await editor.call('POST', `/api/releases/${draft.releaseId}/publish`, {
      expectedVersion: complete.json.version,
    });
    const redirect = await publicGet(download);
    expect(redirect.status).toBe(302);
    const fetched = await fetch(redirect.headers.get('location') ?? '');
    expect(Buffer.from(await fetched.arrayBuffer())).toEqual(PDF);
  });

  it('refuses a wrong type, an oversized file and bytes that are not what was declared', async () => {
    const draft = await create(editor);
    const declare = (meta: Record<string, unknown>) =>
      editor.call('POST', `/api/releases/${draft.releaseId}/files`, {
        kind: 'attachment',
        fileName: 'x.pdf',
        contentType: 'application/pdf',
        size: 100,
        ...meta,
      });
    const html = await declare({ contentType: 'text/html' });
    expect(html.status).toBe(422);
    expect((html.json.details as { field: string }[]).map((d) => d.field)).toContain('body.contentType');
    const big = await declare({ size: 11 * 1024 * 1024 });
    expect((big.json.details as { field: string }[]).map((d) => d.field)).toContain('body.size');

    // Declared a PNG, sent HTML: refused on completion, and not added.
    const start = await declare({
      kind: 'image',
      contentType: 'image/png',
      fileName: 'x.png',
      alt: 'x',
      size: 15,
    });
    const upload = start.json.upload as { url: string; headers: Record<string, string> };
    await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: '<html>evil</html' });
    const complete = await editor.call(
      'POST',
      `/api/releases/${draft.releaseId}/files/${start.json.fileId}/complete`,
    );
    expect(complete.status).toBe(422);
    expect((await editor.call('GET', `/api/releases/${draft.releaseId}`)).json.files).toEqual([]);
  });
});

describe('preview links and the console', () => {
  it('a signed preview link shows a draft to colleagues without sign-in; tampered or foreign links are 404', async () => {
    const draft = await create(editor, { headline: 'Förhandsvisning av utkast' });
    const link = await viewer.call('POST', `/api/releases/${draft.releaseId}/preview-link`);
    expect(link.status).toBe(201);
    const url = link.json.url as string;
    const preview = await fetch(url);
    expect(preview.status).toBe(200);
    expect(preview.headers.get('x-robots-tag')).toBe('noindex');
    expect(await preview.text()).toContain('Förhandsvisning av utkast');
    const tampered = `${url.slice(0, -3)}${url.endsWith('aaa') ? 'bbb' : 'aaa'}`;
    expect((await fetch(tampered)).status).toBe(404);
    expect((await publicGet(`/press/hassleholm/releases/${draft.releaseId}`)).status).toBe(404);
    expect((await publicGet(`/press/helsingor/releases/${draft.releaseId}`)).status).toBe(404);
  });

  it("the console refuses a schedule in the past in the reader's language, and nothing changes", async () => {
    const draft = await create(editor);
    const token = await runtime.identity.idToken(HLM_EDITOR);
    const csrf = sessionCsrfToken(token);
    const response = await fetch(`${runtime.url}/console/press/${draft.releaseId}/schedule`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: `samverkan_session=${token}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        _csrf: csrf,
        expectedVersion: '1',
        publishAt: '2020-01-01T10:00:00',
        embargo: 'on',
      }),
    });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain(pressMessages.sv.console.publishTime.past);
    expect((await editor.call('GET', `/api/releases/${draft.releaseId}`)).json).toMatchObject({
      status: 'draft',
      version: 1,
    });
  });

  it('staff upload an image through the console form; a wrong type is refused naming the field', async () => {
    const draft = await create(editor);
    const token = await runtime.identity.idToken(HLM_EDITOR);
    const csrf = sessionCsrfToken(token);
    const post = (file: Blob, name: string, kind: string) => {
      const form = new FormData();
      form.set('_csrf', csrf);
      form.set('kind', kind);
      form.set('alt', 'Rådhuset i Hässleholm');
      form.set('file', file, name);
      return fetch(`${runtime.url}/console/press/${draft.releaseId}/files`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: `samverkan_session=${token}` },
        body: form,
      });
    };
    expect((await post(new Blob([PNG], { type: 'image/png' }), 'radhuset.png', 'image')).status).toBe(303);
    const refused = await post(new Blob([PDF], { type: 'application/pdf' }), 'x.pdf', 'image');
    expect(refused.status).toBe(422);
    const files = (await editor.call('GET', `/api/releases/${draft.releaseId}`)).json.files as {
      kind: string;
    }[];
    expect(files).toEqual([
      expect.objectContaining({ kind: 'image', contentType: 'image/png', alt: 'Rådhuset i Hässleholm' }),
    ]);
  });
});
