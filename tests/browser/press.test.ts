import { deflateSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoStaff, demoTenants } from '../../infra/local/demo-data.js';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.js';
import { subscriptionTexts } from '../../shared/press/subscription-texts.js';
import { pressMessages } from '../../shared/press/texts.js';
import { waitFor } from '../helpers.js';
import { mailbox, recipientOf } from '../mail-helpers.js';
import {
  axeViolations,
  describeViolations,
  desktopContext,
  launchChromium,
  phoneContext,
  phoneViewport,
} from './browser.js';

/**
 * The press room of issue 8, end to end in Chromium against the local runtime: Erik (Hässleholm's
 * editor) writes a release in the console with an image and a PDF, shares a signed preview link
 * that a colleague opens without signing in, and schedules it under embargo a few seconds ahead.
 * Until then the public newsroom, the release's address and the feeds know nothing of it; at its
 * time it appears everywhere (the one-time schedule is fired by the runtime's scheduler, which
 * runs every half second here). Feeds are parsed by the browser's XML parser and JSON.parse.
 */

const hassleholm = demoTenants.find((t) => t.tenantId === 'hassleholm');
const erik = demoStaff.find((s) => s.staffId === 'staff-hlm-erik');
if (!hassleholm || !erik) throw new Error('demo data has no Hässleholm or no Erik');
const tenant = hassleholm;
const m = pressMessages.sv;
const stamp = Date.now().toString(36);
const headline = `Näringslivsprogrammet antas ${stamp}`;
const journalist = `jenny.${stamp}@redaktion.example`;
const s = subscriptionTexts.sv;

/** A real 16×16 PNG, made here: signature, IHDR, one IDAT of grey pixels, IEND. */
function png16(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] as number) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(16, 0);
  header.writeUInt32BE(16, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const rows = Buffer.concat(Array.from({ length: 16 }, () => Buffer.from([0, ...new Array(16).fill(128)])));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
const PNG = png16();
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

let runtime: LocalRuntime;
let browser: Browser;
let staff: BrowserContext;
let page: Page;
const contexts: BrowserContext[] = [];
let releasePath = '';
let publishAt = 0;

beforeAll(async () => {
  [runtime, browser] = await Promise.all([
    startLocalRuntime({ seed: true, log: () => {}, scheduleIntervalMs: 500 }),
    launchChromium(),
  ]);
  staff = await desktopContext(browser, { locale: 'sv-SE' });
  staff.setDefaultTimeout(10_000);
  contexts.push(staff);
});

afterAll(async () => {
  await Promise.allSettled(contexts.map((c) => c.close()));
  await browser?.close();
  await runtime?.stop();
});

const url = (path: string) => `${runtime.url}${path}`;

async function expectAccessible(p: Page, name: string) {
  const violations = await axeViolations(p);
  expect(violations, `${name} (${p.url()}):\n${describeViolations(violations)}`).toEqual([]);
}

async function expectNoHorizontalScroll(p: Page, name: string) {
  const { scrollWidth, innerWidth } = await p.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(innerWidth, `${name}: layout viewport`).toBe(phoneViewport.width);
  expect(scrollWidth, `${name}: document width`).toBeLessThanOrEqual(innerWidth);
}

/** A fresh visitor on a phone: no session, no cookies. */
async function visitor(): Promise<Page> {
  const context = await phoneContext(browser, { locale: 'sv-SE' });
  context.setDefaultTimeout(10_000);
  contexts.push(context);
  return context.newPage();
}

/** An instant on Hässleholm's wall clock with seconds, for `<input type="datetime-local" step="1">`. */
function wallClock(instant: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: tenant.timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

interface ParsedFeed {
  ok: boolean;
  problem?: string;
  links: string[];
}

/** A feed as a reader sees it: parsed (XML by the browser's parser, JSON Feed by JSON.parse) and checked for its format's required parts. */
async function readFeed(p: Page, path: string): Promise<ParsedFeed> {
  const response = await p.request.get(url(path));
  expect(response.status(), path).toBe(200);
  const text = await response.text();
  if (path.endsWith('.json')) {
    const feed = JSON.parse(text) as {
      version?: string;
      title?: string;
      items?: { id?: string; url?: string }[];
    };
    const ok =
      (feed.version ?? '').startsWith('https://jsonfeed.org/version/') &&
      typeof feed.title === 'string' &&
      Array.isArray(feed.items) &&
      feed.items.every((i) => typeof i.id === 'string' && typeof i.url === 'string');
    return { ok, links: (feed.items ?? []).map((i) => i.url ?? '') };
  }
  return p.evaluate(
    ({ xml, atom }) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      if (doc.getElementsByTagName('parsererror').length) return { ok: false, problem: 'not XML', links: [] };
      const root = doc.documentElement;
      if (!atom) {
        const channel = root.getElementsByTagName('channel')[0];
        const items = Array.from(root.getElementsByTagName('item'));
        const has = (el: Element | undefined, name: string) =>
          Boolean(el?.getElementsByTagName(name)[0]?.textContent);
        const ok =
          root.tagName === 'rss' &&
          root.getAttribute('version') === '2.0' &&
          ['title', 'link', 'description'].every((n) => channel?.querySelector(`:scope > ${n}`)) &&
          items.every(
            (i) =>
              has(i, 'title') &&
              has(i, 'link') &&
              !Number.isNaN(Date.parse(i.getElementsByTagName('pubDate')[0]?.textContent ?? '')),
          );
        return { ok, links: items.map((i) => i.getElementsByTagName('link')[0]?.textContent ?? '') };
      }
      const entries = Array.from(root.getElementsByTagName('entry'));
      const ok =
        root.tagName === 'feed' &&
        root.namespaceURI === 'http://www.w3.org/2005/Atom' &&
        ['id', 'title', 'updated'].every((n) => root.querySelector(`:scope > ${n}`)?.textContent) &&
        entries.every(
          (e) =>
            ['id', 'title', 'updated'].every((n) => e.getElementsByTagName(n)[0]?.textContent) &&
            !Number.isNaN(Date.parse(e.getElementsByTagName('updated')[0]?.textContent ?? '')),
        );
      return { ok, links: entries.map((e) => e.getElementsByTagName('link')[0]?.getAttribute('href') ?? '') };
    },
    { xml: text, atom: path.endsWith('atom.xml') },
  );
}

const FEEDS = [
  '/press/hassleholm/feed/rss.xml',
  '/press/hassleholm/feed/atom.xml',
  '/press/hassleholm/feed/feed.json',
  '/press/hassleholm/topics/naringsliv/feed/rss.xml',
  '/press/hassleholm/topics/naringsliv/feed/atom.xml',
  '/press/hassleholm/topics/naringsliv/feed/feed.json',
];

describe('the press room', () => {
  it('Erik writes a release in the console with a topic, a region, a quote and a press contact', async () => {
    page = await staff.newPage();
    await page.goto(url('/auth/sign-in'));
    await page.waitForURL((u) => u.pathname === '/local-idp/oauth2/authorize');
    await page.locator(`button[data-staff="${erik.staffId}"]`).click();
    await page.waitForURL(url('/console'));

    await page.getByRole('link', { name: m.nav, exact: true }).click();
    await page.waitForURL(url('/console/press'));
    await expectAccessible(page, 'release list');
    await page.getByRole('link', { name: m.console.newRelease, exact: true }).click();
    await expectAccessible(page, 'new release form');

    await page.getByLabel(m.console.headline, { exact: true }).fill(headline);
    await page
      .getByLabel(m.console.lead, { exact: true })
      .fill('Kommunfullmäktige antar det nya näringslivsprogrammet.');
    await page
      .getByLabel(m.console.body, { exact: true })
      .fill('Programmet togs fram med **över 100 företag**.\n\n<script>alert(1)</script>');
    await page.locator('#quote-0-text').fill('Ett program som företagen har skrivit med oss.');
    await page.locator('#quote-0-name').fill('Tina Gunnarsson');
    await page.locator('#quote-0-role').fill('Näringslivschef');
    await page.getByLabel('Näringsliv', { exact: true }).check();
    await page.getByLabel('Skåne', { exact: true }).check();
    await page.getByLabel('Hanna Gardell, Kommunikationschef', { exact: true }).check();
    await page.getByRole('button', { name: m.console.create }).click();
    await page.waitForURL((u) => /^\/console\/press\/[^/]+$/.test(u.pathname));
    releasePath = `/press/hassleholm/releases/${new URL(page.url()).pathname.split('/').pop()}`;
    await expect(page.locator('main h1').textContent()).resolves.toBe(headline);
    await expect(page.locator('#release-status').textContent()).resolves.toBe(m.console.statuses.draft);
    await expectAccessible(page, 'release page (draft)');
  });

  it('adds an image with its text alternative and a PDF; refuses a file of the wrong type', async () => {
    const upload = async (
      kind: 'image' | 'attachment',
      name: string,
      mimeType: string,
      buffer: Buffer,
      alt = '',
    ) => {
      await page.getByLabel(m.console.fileKind, { exact: true }).selectOption(kind);
      await page.getByLabel(m.console.file, { exact: true }).setInputFiles({ name, mimeType, buffer });
      await page.getByLabel(m.console.alt, { exact: true }).fill(alt);
      await page.getByRole('button', { name: m.console.upload }).click();
    };
    await upload('image', 'radhuset.png', 'image/png', PNG, 'Rådhuset i Hässleholm');
    await expect(page.locator('.list .title', { hasText: 'radhuset.png' }).count()).resolves.toBe(1);
    await upload('attachment', 'naringslivsprogram.pdf', 'application/pdf', PDF);
    await expect(page.locator('.list .title', { hasText: 'naringslivsprogram.pdf' }).count()).resolves.toBe(
      1,
    );

    await upload('image', 'program.pdf', 'application/pdf', PDF, 'x');
    await expect(page.locator('main').textContent()).resolves.toContain(m.console.fileHint);
    await page.goBack();
    await page.reload();
  });

  it('a colleague opens the signed preview link without signing in, images and all', async () => {
    await page.getByRole('button', { name: m.console.makePreviewLink }).click();
    const link = await page.locator('#preview-url').getAttribute('href');
    expect(link).toMatch(/\/press-preview\//);

    const colleague = await visitor();
    expect((await colleague.goto(link ?? ''))?.status()).toBe(200);
    await expect(colleague.locator('h1').textContent()).resolves.toBe(headline);
    await expect(colleague.getByRole('note').textContent()).resolves.toBe(m.newsroom.previewNotice);
    // The image is served from the bucket through a presigned link, allowed by the page's policy.
    await waitFor(
      () =>
        colleague.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth === 16),
      10_000,
      'the image to load',
    );
    await expect(colleague.locator('.release-body').innerHTML()).resolves.toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt;',
    );
    await expectAccessible(colleague, 'preview');
    // A link that is not one the server signed is the same 404 as any.
    expect((await colleague.goto(`${link?.slice(0, -4)}AAAA`))?.status()).toBe(404);
  });

  it('a journalist subscribes to its topic on the public page and confirms from the mailbox', async () => {
    const reader = await visitor();
    await reader.goto(url('/press/hassleholm'));
    await reader.getByRole('link', { name: s.title, exact: true }).click();
    await reader.waitForURL(url('/press/hassleholm/subscribe'));
    await expectAccessible(reader, 'subscribe page');
    await expectNoHorizontalScroll(reader, 'subscribe page');
    await reader.getByLabel(s.email, { exact: true }).fill(journalist);
    await reader.getByLabel(s.name, { exact: true }).fill('Jenny Journalist');
    await reader.getByLabel('Näringsliv', { exact: true }).check();
    await reader.getByRole('button', { name: s.submit }).click();
    await expect(reader.getByRole('status').textContent()).resolves.toBe(s.sent);
    await expectAccessible(reader, 'subscribe page, sent');

    const confirmation = await waitFor(
      async () => (await mailbox(runtime)).find((mail) => recipientOf(mail) === journalist),
      20_000,
      'the confirmation mail',
    );
    const link = /(http:\/\/[^\s"<]+\/press-subscription\/confirm\/[A-Za-z0-9_.-]+)/.exec(
      confirmation.body.text ?? '',
    )?.[1];
    expect(link).toBeDefined();
    await reader.goto(link as string);
    await expectAccessible(reader, 'confirm page');
    await reader.getByRole('button', { name: s.confirmButton }).click();
    await expect(reader.getByRole('status').textContent()).resolves.toContain(s.confirmed(tenant.name));
    await reader.getByRole('link', { name: s.preferencesTitle }).click();
    await expect(reader.locator('h1').textContent()).resolves.toBe(s.preferencesTitle);
    await expect(reader.getByLabel('Näringsliv', { exact: true }).isChecked()).resolves.toBe(true);
    await expectAccessible(reader, 'preference centre');
    await expectNoHorizontalScroll(reader, 'preference centre');
  });

  it('schedules it under embargo: until then the public sees nothing of it', async () => {
    publishAt = Date.now() + 20_000;
    await page.getByLabel(m.console.publishAt, { exact: true }).fill(wallClock(publishAt));
    await page.getByLabel(m.console.embargo, { exact: true }).check();
    await page.getByRole('button', { name: m.console.scheduleSubmit }).click();
    await page.waitForURL((u) => /^\/console\/press\/[^/]+$/.test(u.pathname));
    await expect(page.locator('#release-status').textContent()).resolves.toBe(
      `${m.console.statuses.scheduled} (${m.console.embargoed})`,
    );

    const reader = await visitor();
    expect((await reader.goto(url(releasePath)))?.status()).toBe(404);
    expect((await reader.goto(url('/press/hassleholm')))?.status()).toBe(200);
    await expect(reader.locator('main').textContent()).resolves.not.toContain(headline);
    await expectAccessible(reader, 'newsroom');
    await expectNoHorizontalScroll(reader, 'newsroom');
    for (const feed of FEEDS) {
      const parsed = await readFeed(reader, feed);
      expect(parsed.ok, `${feed} ${parsed.problem ?? ''}`).toBe(true);
      expect(
        parsed.links.some((l) => l.endsWith(releasePath)),
        feed,
      ).toBe(false);
    }
    expect(Date.now(), 'all of this before the embargo lifted').toBeLessThan(publishAt);
  });

  it('the journalist has it ahead, with the embargo notice; one click from the mail headers ends the subscription', async () => {
    const mail = await waitFor(
      async () =>
        (await mailbox(runtime)).find((m) => recipientOf(m) === journalist && m.subject.includes(headline)),
      20_000,
      'the release in the journalist’s mailbox',
    );
    expect(mail.subject).toMatch(/^EMBARGO /);
    expect(mail.body.text).toContain('EMBARGO: Får inte publiceras före');
    expect(mail.body.html).toContain('naringslivsprogram.pdf');
    expect(mail.body.html).not.toContain('<script');
    if (Date.now() < publishAt - 500) expect((await fetch(url(releasePath))).status).toBe(404);

    const header = (mail.headers ?? []).find((h) => h.name.toLowerCase() === 'list-unsubscribe')?.value ?? '';
    expect((mail.headers ?? []).find((h) => h.name.toLowerCase() === 'list-unsubscribe-post')?.value).toBe(
      'List-Unsubscribe=One-Click',
    );
    const oneClick = /<(http[^>]+)>/.exec(header)?.[1] as string;
    // What a mail client does (RFC 8058): POST, no cookies, no page.
    const response = await fetch(oneClick, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(response.status).toBe(200);
    // The link now answers as any unknown one.
    expect((await fetch(oneClick)).status).toBe(404);
  });

  it('at its time it is public: the page, the newsroom and every feed have it', async () => {
    await new Promise((r) => setTimeout(r, Math.max(0, publishAt - Date.now()) + 200));
    const reader = await visitor();
    expect((await reader.goto(url(releasePath)))?.status()).toBe(200);
    await expect(reader.locator('h1').textContent()).resolves.toBe(headline);
    await expect(reader.getByRole('link', { name: 'naringslivsprogram.pdf' }).count()).resolves.toBe(1);
    await expect(reader.locator('.contacts').textContent()).resolves.toContain('Hanna Gardell');
    await expect(reader.locator('script[type="application/ld+json"]').textContent()).resolves.toContain(
      '"NewsArticle"',
    );
    await waitFor(
      () =>
        reader.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth === 16),
      10_000,
      'the image to load',
    );
    await expectAccessible(reader, 'release page');
    await expectNoHorizontalScroll(reader, 'release page');

    await reader.goto(url('/press/hassleholm?topic=naringsliv'));
    await expect(reader.getByRole('link', { name: headline }).count()).resolves.toBe(1);
    for (const feed of FEEDS) {
      const parsed = await readFeed(reader, feed);
      expect(parsed.ok, feed).toBe(true);
      expect(
        parsed.links.some((l) => l.endsWith(releasePath)),
        feed,
      ).toBe(true);
    }
    await reader.goto(url('/press/hassleholm/contacts'));
    await expectAccessible(reader, 'press contacts');

    // The scheduler fires the release's schedule: the console says published.
    await waitFor(
      async () => {
        await page.reload();
        return (await page.locator('#release-status').textContent()) === m.console.statuses.published;
      },
      10_000,
      'the release to be marked published',
    );
  });
});
