import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.js';
import { suppress, suppressionKey } from '../../shared/mail/store/suppressions.js';
import { documentClient } from '../../shared/platform/aws/clients.js';
import { emit, pendingEvent } from '../../shared/platform/bus/outbox.js';
import { signLinkToken } from '../../shared/platform/mail-kit/link-tokens.js';
import { ReleasePublished } from '../../shared/press/events.js';
import { subscriberIdOf } from '../../shared/press/subscription.js';
import { consoleRequest, staffClient, waitFor } from '../helpers.js';
import { mailbox, recipientOf, type StoredMail } from '../mail-helpers.js';

/**
 * Journalists' subscriptions and distribution against the emulators (DynamoDB Local, the SES
 * and SQS emulators), through the public pages as a browser posts them and the staff API: double
 * opt-in, the enumeration-safe answer, rate limits, tokens, and each release mailed once to the
 * confirmed subscribers who follow its topics or regions, and to no one else.
 */

type Api = Awaited<ReturnType<typeof staffClient>>;
let runtime: LocalRuntime;
let hlm: Api;
let hel: Api;

/** A browser: keeps the newsroom's signed form cookie and posts forms with it. */
function browser() {
  let csrf = '';
  const cookie = (): Record<string, string> =>
    csrf ? { cookie: `samverkan_csrf=${encodeURIComponent(csrf)}` } : {};
  return {
    async get(path: string) {
      const response = await fetch(`${runtime.url}${path}`, { headers: cookie(), redirect: 'manual' });
      const set = /samverkan_csrf=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
      if (set) csrf = decodeURIComponent(set);
      return { status: response.status, html: await response.text() };
    },
    async post(path: string, form: Record<string, string | string[]>) {
      if (!csrf) await this.get(path);
      const body = new URLSearchParams({ _csrf: csrf });
      for (const [k, v] of Object.entries(form)) for (const one of [v].flat()) body.append(k, one);
      const response = await fetch(`${runtime.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...cookie() },
        body,
        redirect: 'manual',
      });
      return { status: response.status, html: await response.text() };
    },
  };
}

const subscribeForm = (email: string, overrides: Record<string, string | string[]> = {}) => ({
  email,
  name: 'Jenny Journalist',
  outlet: 'Norra Skåne',
  topics: ['naringsliv'],
  language: 'sv',
  ...overrides,
});

const mailsTo = async (address: string) => (await mailbox(runtime)).filter((m) => recipientOf(m) === address);
const confirmLinkOf = (mail: StoredMail) =>
  /(http:\/\/[^\s"<]+\/press-subscription\/confirm\/[A-Za-z0-9_.-]+)/.exec(mail.body.text ?? '')?.[1];
const pathOf = (url: string) => new URL(url).pathname;
const settle = () => new Promise((r) => setTimeout(r, 2500));

async function subscriberItem(tenantId: string, email: string) {
  const { Item } = await documentClient.send(
    new GetCommand({
      TableName: process.env.TABLE_NAME,
      Key: { pk: `T#${tenantId}`, sk: `SUBSCRIBER#${subscriberIdOf(email)}` },
    }),
  );
  return Item;
}

/** Subscribes and confirms from the mailbox, as a journalist would. */
async function confirmedSubscriber(
  tenantId: string,
  email: string,
  overrides: Record<string, string | string[]> = {},
) {
  const posted = await browser().post(`/press/${tenantId}/subscribe`, subscribeForm(email, overrides));
  expect(posted.status, posted.html).toBe(200);
  const mail = await waitFor(async () => (await mailsTo(email))[0], 20_000, `confirmation to ${email}`);
  const link = confirmLinkOf(mail);
  expect(link).toBeDefined();
  const confirmed = await fetch(`${runtime.url}${pathOf(link as string)}`, { method: 'POST' });
  expect(confirmed.status).toBe(200);
  expect((await subscriberItem(tenantId, email))?.status).toBe('confirmed');
}

async function publishRelease(client: Api, overrides: Record<string, unknown> = {}) {
  const created = await client.call('POST', '/api/releases', {
    headline: 'Företagen bjuds in att sätta framtidens agenda',
    lead: 'Näringslivsprogrammet tar nästa steg.',
    body: 'Läs **mer** [här](https://hassleholm.se) och <script>alert(1)</script>.',
    language: 'sv',
    topics: ['naringsliv'],
    regions: [],
    ...overrides,
  });
  expect(created.status, created.text).toBe(201);
  const { releaseId } = created.json as { releaseId: string };
  const published = await client.call('POST', `/api/releases/${releaseId}/publish`, { expectedVersion: 1 });
  expect(published.status, published.text).toBe(200);
  return releaseId;
}

const releaseMailsTo = async (address: string, headline: string) =>
  (await mailsTo(address)).filter((m) => m.subject.includes(headline));

beforeAll(async () => {
  runtime = await startLocalRuntime({ seed: true, scheduleIntervalMs: 300 });
  [hlm, hel] = await Promise.all([
    staffClient(runtime, 'staff-hlm-anna'),
    staffClient(runtime, 'staff-hel-mette'),
  ]);
  const room = {
    topics: [
      { id: 'naringsliv', name: 'Näringsliv' },
      { id: 'kultur', name: 'Kultur' },
    ],
    regions: [{ id: 'skane', name: 'Skåne' }],
  };
  for (const client of [hlm, hel]) {
    const response = await client.call('PUT', '/api/press-room', room);
    expect(response.status, response.text).toBe(200);
  }
}, 120_000);

afterAll(async () => {
  await runtime?.stop();
});

describe('subscribing (double opt-in)', () => {
  it('answers the same whether or not the address already subscribes, and mails a confirmation only to a new one', async () => {
    const email = 'same-answer@redaktion.example';
    const total = async () =>
      ((await hlm.call('GET', '/api/press-subscribers')).json as { total: number }).total;
    const before = await total();
    const first = await browser().post('/press/hassleholm/subscribe', subscribeForm(email));
    expect(first.status).toBe(200);
    await waitFor(async () => (await mailsTo(email)).length === 1, 20_000, 'confirmation');
    const [confirmation] = await mailsTo(email);
    expect(confirmation?.subject).toContain('Bekräfta');
    // Pending: neither a subscriber for staff nor mailed.
    expect((await subscriberItem('hassleholm', email))?.status).toBe('pending');
    expect((await subscriberItem('hassleholm', email))?.expiresAt).toBeGreaterThan(Date.now() / 1000);
    expect(await total()).toBe(before);

    await fetch(`${runtime.url}${pathOf(confirmLinkOf(confirmation as StoredMail) as string)}`, {
      method: 'POST',
    });
    const again = await browser().post('/press/hassleholm/subscribe', subscribeForm(email));
    const stranger = await browser().post(
      '/press/hassleholm/subscribe',
      subscribeForm('new-one@redaktion.example'),
    );
    const visible = (html: string) => html.replace(/name="_csrf" value="[^"]*"/g, '');
    expect(again.status).toBe(stranger.status);
    expect(visible(again.html)).toBe(visible(stranger.html));
    await settle();
    expect(await mailsTo(email)).toHaveLength(1);
  });

  it('keeps the consent as given: time, source and the exact text shown', async () => {
    const email = 'consent@redaktion.example';
    await browser().post('/press/hassleholm/subscribe', subscribeForm(email, { language: 'en' }));
    const item = await subscriberItem('hassleholm', email);
    expect(item?.consent).toMatchObject({ source: 'newsroom-form', language: 'sv' });
    expect(item?.consent.text).toContain('Jag vill få pressmeddelanden från Hässleholms kommun');
    expect(Date.parse(item?.consent.at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('mails at most one confirmation per address per hour, however often it is asked for', async () => {
    const email = 'flood@redaktion.example';
    for (let i = 0; i < 3; i++) {
      const response = await browser().post('/press/hassleholm/subscribe', subscribeForm(email));
      expect(response.status).toBe(200);
    }
    await waitFor(async () => (await mailsTo(email)).length >= 1, 20_000, 'confirmation');
    await settle();
    expect(await mailsTo(email)).toHaveLength(1);
  });

  it('limits a flooding client without affecting another', async () => {
    const flooding = browser();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push(
        (await flooding.post('/press/hassleholm/subscribe', subscribeForm(`f${i}@flood.example`))).status,
      );
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    expect(await subscriberItem('hassleholm', 'f6@flood.example')).toBeUndefined();
    const other = await browser().post(
      '/press/hassleholm/subscribe',
      subscribeForm('calm@redaktion.example'),
    );
    expect(other.status).toBe(200);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const cases: [Record<string, string | string[]>, string][] = [
      [{ name: 'Jenny\r\nBcc: all@example.com' }, 'name'],
      [{ email: 'not-an-address' }, 'email'],
      [{ email: 'a@b.example\r\nBcc: x@y.example' }, 'email'],
      [{ topics: [] }, 'topics'],
      [{ topics: ['no-such-topic'] }, 'topics'],
    ];
    for (const [overrides, field] of cases) {
      const email = typeof overrides.email === 'string' ? overrides.email : 'refused@redaktion.example';
      const response = await browser().post('/press/hassleholm/subscribe', subscribeForm(email, overrides));
      expect(response.status, field).toBe(422);
      expect(response.html).toContain(`id="${field}-error"`);
      expect(await subscriberItem('hassleholm', 'refused@redaktion.example')).toBeUndefined();
    }
    await settle();
    expect(await mailsTo('refused@redaktion.example')).toHaveLength(0);
  });

  it('takes a filled-in honeypot for a robot: the same answer, nothing written or mailed', async () => {
    const email = 'robot@spam.example';
    const response = await browser().post(
      '/press/hassleholm/subscribe',
      subscribeForm(email, { website: 'http://spam.example' }),
    );
    expect(response.status).toBe(200);
    expect(await subscriberItem('hassleholm', email)).toBeUndefined();
  });

  it('answers tampered, expired, wrong-purpose and foreign-tenant links as it answers a missing one', async () => {
    const email = 'tokens@redaktion.example';
    await browser().post('/press/hassleholm/subscribe', subscribeForm(email));
    const subject = subscriberIdOf(email);
    const good = await signLinkToken(
      { purpose: 'confirm-subscription', tenantId: 'hassleholm', subject },
      3600,
    );
    const tampered = `${good.slice(0, -2)}${good.endsWith('AA') ? 'BB' : 'AA'}`;
    const foreign = await signLinkToken(
      { purpose: 'confirm-subscription', tenantId: 'helsingor', subject },
      3600,
    );
    const purpose = await signLinkToken({ purpose: 'preferences', tenantId: 'hassleholm', subject }, 3600);
    const missing = await signLinkToken(
      { purpose: 'confirm-subscription', tenantId: 'hassleholm', subject: 'nobody' },
      3600,
    );
    const expired = await signLinkToken(
      { purpose: 'confirm-subscription', tenantId: 'hassleholm', subject },
      1,
    );
    await new Promise((r) => setTimeout(r, 2100));
    const answers = await Promise.all(
      [tampered, foreign, purpose, missing, expired].map(async (token) => {
        const response = await fetch(`${runtime.url}/press-subscription/confirm/${token}`, {
          method: 'POST',
        });
        return `${response.status}`;
      }),
    );
    expect(answers).toEqual(['404', '404', '404', '404', '404']);
    expect((await subscriberItem('hassleholm', email))?.status).toBe('pending');
    const prefs = await fetch(`${runtime.url}/press-subscription/${purpose}`);
    // A pending subscription has no preference centre yet: the same 404.
    expect(prefs.status).toBe(404);
  });
});

describe('demo data', () => {
  it('has confirmed demo journalists who got none of the seed releases, and get a new one', async () => {
    const lena = 'lena.berg@nyheter-skane.example';
    expect((await subscriberItem('hassleholm', lena))?.consent.source).toBe('demo');
    await settle();
    expect(await mailsTo(lena)).toHaveLength(0);
    await publishRelease(hlm, { headline: 'Demo: ny lunch för företagare' });
    await waitFor(async () => (await mailsTo(lena)).length === 1, 30_000, 'the demo journalist’s mail');
  });
});

describe('distribution', () => {
  it('mails a published release once to each confirmed subscriber following its topics or regions, and to no one else', async () => {
    const follower = 'follower@redaktion.example';
    const regional = 'regional@redaktion.example';
    const other = 'kultur-only@redaktion.example';
    const pending = 'pending@redaktion.example';
    const suppressed = 'suppressed@redaktion.example';
    const paused = 'paused@redaktion.example';
    const foreign = 'foreign@redaktion.example';
    await confirmedSubscriber('hassleholm', follower);
    await confirmedSubscriber('hassleholm', regional, { topics: [], regions: ['skane'] });
    await confirmedSubscriber('hassleholm', other, { topics: ['kultur'] });
    await confirmedSubscriber('hassleholm', suppressed);
    await confirmedSubscriber('hassleholm', paused);
    await confirmedSubscriber('helsingor', foreign);
    await browser().post('/press/hassleholm/subscribe', subscribeForm(pending));
    await suppress('hassleholm', suppressed, 'bounce', { at: new Date().toISOString(), source: 'test' });
    // Paused in the preference centre (its link, from the confirmed page).
    const prefs = await signLinkToken(
      { purpose: 'preferences', tenantId: 'hassleholm', subject: subscriberIdOf(paused) },
      3600,
    );
    const pausedPage = browser();
    const saved = await pausedPage.post(`/press-subscription/${prefs}`, {
      action: 'save',
      topics: ['naringsliv'],
      language: 'sv',
      paused: 'yes',
    });
    expect(saved.status, saved.html).toBe(200);

    const headline = 'Steg framåt för näringslivsprogram';
    const releaseId = await publishRelease(hlm, { headline, regions: ['skane'] });
    await waitFor(
      async () => (await releaseMailsTo(follower, headline)).length === 1,
      30_000,
      'release mail',
    );
    await waitFor(
      async () => (await releaseMailsTo(regional, headline)).length === 1,
      30_000,
      'regional mail',
    );

    // The event delivered again, and the release corrected: nothing more.
    const [event] = runtime.bus.published.filter(
      (e) =>
        e['detail-type'] === 'ReleasePublished' &&
        (e.detail as { releaseId: string }).releaseId === releaseId,
    );
    expect(event).toBeDefined();
    const { outboxId: _o, ...detail } = (event?.detail ?? {}) as Record<string, unknown>;
    await emit('hassleholm', [pendingEvent(ReleasePublished, detail as never)]);
    const corrected = await hlm.call('PUT', `/api/releases/${releaseId}`, {
      headline,
      lead: 'Rättad ingress.',
      body: 'Text.',
      language: 'sv',
      topics: ['naringsliv'],
      regions: ['skane'],
      expectedVersion: 2,
      correction: 'Ingressen rättad.',
    });
    expect(corrected.status, corrected.text).toBe(200);
    await settle();
    await settle();

    for (const address of [follower, regional])
      expect(await releaseMailsTo(address, headline)).toHaveLength(1);
    for (const address of [other, pending, suppressed, paused, foreign])
      expect(await releaseMailsTo(address, headline), address).toHaveLength(0);

    // The release's console page: the mailing's figures from its counters, views per day.
    expect((await fetch(`${runtime.url}/press/hassleholm/releases/${releaseId}`)).status).toBe(200);
    // As many as the mailbox holds (an earlier test's subscriber follows the topic too).
    const mailed = (await mailbox(runtime)).filter((m) => m.subject === headline).length;
    expect(mailed).toBeGreaterThanOrEqual(2);
    await waitFor(
      async () => {
        const page = await (
          await consoleRequest(runtime, 'staff-hlm-anna', 'GET', `/console/press/${releaseId}`)
        ).text();
        const figures = /id="release-mail-figures">([\s\S]*?)<\/table>/.exec(page)?.[1] ?? '';
        return (
          new RegExp(`Mottagare</th><td class="num">${mailed}</td>`).test(figures) &&
          /<svg[^>]*role="img" aria-label="Sidvisningar per dag, senaste 14 dagarna: 1 totalt"/.test(page)
        );
      },
      20_000,
      'the release analytics: the recipients and a chart',
    );

    const [mail] = await releaseMailsTo(follower, headline);
    expect(mail?.body.html).not.toContain('<script');
    expect(mail?.body.text).toContain(`/press/hassleholm/releases/${releaseId}`);
    expect(mail?.body.text).toContain('/press-subscription/');
    const headers = new Map((mail?.headers ?? []).map((h) => [h.name.toLowerCase(), h.value]));
    expect(headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(headers.get('list-unsubscribe')).toMatch(
      /<http:\/\/[^>]+\/press-subscription\/unsubscribe\/[^>]+>/,
    );
  });

  it('sends an embargoed release ahead with the notice, and one-click unsubscribe stops the next', async () => {
    const email = 'embargo@redaktion.example';
    await confirmedSubscriber('hassleholm', email, { topics: ['kultur'] });
    const created = await hlm.call('POST', '/api/releases', {
      headline: 'Kulturhuset öppnar',
      lead: 'Under embargo.',
      body: 'Text.',
      language: 'sv',
      topics: ['kultur'],
    });
    const { releaseId } = created.json as { releaseId: string };
    const publishAt = new Date(Date.now() + 3600_000).toISOString();
    const scheduled = await hlm.call('POST', `/api/releases/${releaseId}/schedule`, {
      publishAt,
      embargo: true,
      expectedVersion: 1,
    });
    expect(scheduled.status, scheduled.text).toBe(200);
    const mail = await waitFor(
      async () => (await releaseMailsTo(email, 'Kulturhuset öppnar'))[0],
      30_000,
      'embargoed mail',
    );
    expect(mail.subject).toMatch(/^EMBARGO /);
    expect(mail.body.text).toContain('EMBARGO: Får inte publiceras före');
    // Not public before its time.
    expect((await fetch(`${runtime.url}/press/hassleholm/releases/${releaseId}`)).status).toBe(404);

    // One click, as a mail client does it (RFC 8058): the URL from the header, no cookies.
    const header = (mail.headers ?? []).find((h) => h.name.toLowerCase() === 'list-unsubscribe')?.value ?? '';
    const url = /<(http[^>]+)>/.exec(header)?.[1] as string;
    const oneClick = await fetch(`${runtime.url}${pathOf(url)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    expect(await subscriberItem('hassleholm', email)).toBeUndefined();

    await publishRelease(hlm, { headline: 'Kulturnatten blir av', topics: ['kultur'] });
    await settle();
    await settle();
    expect(await releaseMailsTo(email, 'Kulturnatten blir av')).toHaveLength(0);
  });
});

describe('bounces', () => {
  it('suppresses a subscriber whose mail hard-bounced, as it does a contact', async () => {
    const email = 'bounce@simulator.amazonses.com';
    await browser().post('/press/perstorp/subscribe', subscribeForm(email, { topics: ['naringsliv'] }));
    await waitFor(
      async () => {
        const { Item } = await documentClient.send(
          new GetCommand({ TableName: process.env.TABLE_NAME, Key: suppressionKey('perstorp', email) }),
        );
        return Item?.reason === 'bounce' ? Item : undefined;
      },
      30_000,
      'the bounced address suppressed',
    );
  });
});

describe('staff', () => {
  it('see counts per topic from counters and a paged list of confirmed subscribers only; another tenant sees none of them', async () => {
    const counts = await hlm.call('GET', '/api/press-subscribers');
    expect(counts.status).toBe(200);
    const body = counts.json as { total: number; topics: { id: string; subscribers: number }[] };
    expect(body.total, counts.text).toBeGreaterThan(0);
    expect(body.topics.find((t) => t.id === 'naringsliv')?.subscribers, counts.text).toBeGreaterThan(0);
    const list = await hlm.call('GET', '/api/press-subscribers/list?limit=2');
    const items = (list.json as { items: { email: string; status?: string }[] }).items;
    expect(items.length, list.text).toBeGreaterThan(0);
    expect(items.every((i) => !i.email.includes('pending@'))).toBe(true);
    const theirs = await hel.call('GET', '/api/press-subscribers/list?limit=100');
    const theirEmails = (theirs.json as { items: { email: string }[] }).items.map((i) => i.email);
    expect(theirEmails).toContain('foreign@redaktion.example');
    expect(theirEmails.some((e) => e.startsWith('follower@') || e.startsWith('regional@'))).toBe(false);
    const bad = await hlm.call('GET', '/api/press-subscribers/list?cursor=eyJwayI6IlQjaGVsc2luZ29yIn0');
    expect(bad.status).toBe(422);
  });

  it('export confirmed subscribers as CSV with formula cells guarded; a viewer sees the page but may not export', async () => {
    await confirmedSubscriber('hassleholm', 'formula@redaktion.example', {
      name: '=HYPERLINK("http://x.example")',
    });
    const csv = await consoleRequest(runtime, 'staff-hlm-anna', 'GET', '/console/press-subscribers/export');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    expect(text).toContain(`"'=HYPERLINK(""http://x.example"")"`);
    expect(text).not.toContain('pending@redaktion.example');
    expect(text).not.toContain('foreign@redaktion.example');
    const viewerPage = await consoleRequest(runtime, 'staff-hlm-maria', 'GET', '/console/press-subscribers');
    expect(viewerPage.status).toBe(200);
    const html = await viewerPage.text();
    expect(html).toContain('formula@redaktion.example');
    expect(html).not.toContain('/console/press-subscribers/export');
    const viewerExport = await consoleRequest(
      runtime,
      'staff-hlm-maria',
      'GET',
      '/console/press-subscribers/export',
    );
    expect(viewerExport.status).toBe(403);
  });
});
