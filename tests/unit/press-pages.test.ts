import { h } from 'preact';
import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { renderFeed, renderSitemap } from '../../shared/press/feeds.js';
import { NewsroomListPage, ReleasePage } from '../../shared/press/pages/newsroom.js';
import { pressSettingsSchema, type Release } from '../../shared/press/release.js';

/** The newsroom's pages and feeds as HTML and XML: metadata, and hostile text kept inert everywhere. */

const hostile = '</script><script>alert(1)</script><img src=x onerror=alert(2)>';
const settings = pressSettingsSchema.parse({
  boilerplate: { sv: 'Om oss <b>fet</b>' },
  topics: [{ id: 'naringsliv', name: 'Näringsliv' }],
  contacts: [
    {
      id: 'tina',
      name: 'Tina <i>G</i>',
      role: 'Chef',
      phone: '+46 451 00 00 00',
      email: 'tina@hassleholm.example',
    },
  ],
});

function release(overrides: Partial<Release> = {}): Release {
  return {
    releaseId: 'r1',
    tenantId: 'hassleholm',
    headline: `Rubrik ${hostile}`,
    lead: `Ingress ${hostile}`,
    body: `Text **fet**\n\n${hostile}\n\n[länk](javascript:alert(3)) [bra](https://example.org)`,
    quotes: [{ text: hostile, name: hostile }],
    language: 'sv',
    topics: ['naringsliv'],
    tags: [],
    regions: [],
    contactIds: ['tina'],
    themeIds: [],
    translations: { da: 'r2' },
    status: 'published',
    publishAt: '2026-03-25T09:00:00.000Z',
    embargo: false,
    files: [
      {
        fileId: 'f1',
        kind: 'image',
        name: 'bild.png',
        contentType: 'image/png',
        size: 2048,
        alt: 'Rådhuset',
      },
    ],
    corrections: [{ at: '2026-03-26T09:00:00.000Z', note: `Rättat ${hostile}` }],
    version: 3,
    scheduleVersion: 0,
    createdAt: '2026-03-24T09:00:00.000Z',
    updatedAt: '2026-03-26T09:00:00.000Z',
    createdBy: 'staff',
    ...overrides,
  };
}

const page = (props: Partial<Parameters<typeof ReleasePage>[0]> = {}) =>
  render(
    h(ReleasePage, {
      tenantId: 'hassleholm',
      tenantName: 'Hässleholms kommun',
      timeZone: 'Europe/Stockholm',
      baseUrl: 'https://samverkan.example',
      release: release(),
      settings,
      alternates: [{ language: 'da', releaseId: 'r2', headline: 'Overskrift' }],
      ...props,
    }),
  );

/** What a browser would make of the markup: every element start tag. */
const tags = (html: string) => [...html.matchAll(/<([a-z][a-z0-9]*)\b[^>]*>/g)].map((m) => m[0]);

describe('the release page', () => {
  it('carries canonical and alternate-language links, Open Graph and a JSON-LD NewsArticle', () => {
    const html = page();
    expect(html).toContain(
      '<link rel="canonical" href="https://samverkan.example/press/hassleholm/releases/r1"/>',
    );
    expect(html).toContain('hreflang="da" href="https://samverkan.example/press/hassleholm/releases/r2"');
    expect(html).toContain('<meta property="og:type" content="article"/>');
    expect(html).toContain(
      '<meta property="og:image" content="https://samverkan.example/press/hassleholm/files/r1/f1"/>',
    );
    const jsonLd = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? '';
    expect(JSON.parse(jsonLd)).toMatchObject({
      '@type': 'NewsArticle',
      headline: `Rubrik ${hostile}`,
      datePublished: '2026-03-25T09:00:00.000Z',
      dateModified: '2026-03-26T09:00:00.000Z',
      inLanguage: 'sv',
    });
  });

  it('makes no element, handler or javascript: link of anything staff typed (JSON-LD included)', () => {
    const html = page();
    expect(html.match(/<script/g)).toHaveLength(1); // the JSON-LD element itself
    expect(tags(html).filter((t) => /^<(img|b|i)\b/.test(t))).toEqual([
      '<img src="/press/hassleholm/files/r1/f1" alt="Rådhuset"/>',
    ]);
    // Handlers and javascript: links only ever as text, never inside a tag.
    expect(tags(html).filter((t) => /\son[a-z]+=|javascript:/i.test(t))).toEqual([]);
    expect(html).toContain('<a href="https://example.org/" rel="noopener">bra</a>');
    expect(html).toContain('<strong>fet</strong>');
  });

  it('a preview is marked, not indexed, and has no canonical, Open Graph or JSON-LD', () => {
    const html = page({ preview: true, release: release({ status: 'draft', publishAt: undefined }) });
    expect(html).toContain('<meta name="robots" content="noindex, nofollow"/>');
    expect(html).not.toMatch(/rel="canonical"|og:|ld\+json/);
  });
});

describe('the newsroom list', () => {
  it('lists entries with their language and links, feeds for the page, and a next-page link', () => {
    const html = render(
      h(NewsroomListPage, {
        language: 'en',
        tenantId: 'hassleholm',
        tenantName: 'Hässleholms kommun',
        timeZone: 'Europe/Stockholm',
        baseUrl: 'https://samverkan.example',
        settings,
        entries: [
          {
            releaseId: 'r1',
            headline: hostile,
            lead: 'Lead',
            language: 'sv',
            publishAt: '2026-03-25T09:00:00.000Z',
            corrected: true,
          },
        ],
        filters: { topic: 'naringsliv' },
        nextHref: '/press/hassleholm?cursor=abc',
        years: [2026, 2025],
      }),
    );
    expect(html).toContain('<li lang="sv">');
    expect(html).toContain(
      'href="https://samverkan.example/press/hassleholm/topics/naringsliv/feed/atom.xml"',
    );
    expect(html).toContain('rel="next"');
    expect(tags(html).some((t) => t.startsWith('<img'))).toBe(false);
    expect(html).not.toContain('<script>alert');
  });
});

describe('feeds and sitemap', () => {
  const entries = [
    {
      releaseId: 'r1',
      headline: hostile,
      lead: hostile,
      language: 'sv' as const,
      publishAt: '2026-03-25T09:00:00.000Z',
    },
  ];
  const input = {
    baseUrl: 'https://samverkan.example',
    tenantId: 'hassleholm',
    tenantName: 'Hässleholms kommun',
    language: 'sv' as const,
    entries,
  };

  it('RSS and Atom carry what staff typed escaped even inside CDATA (readers take it as HTML)', () => {
    for (const format of ['rss.xml', 'atom.xml'] as const) {
      const xml = renderFeed({ ...input, format });
      expect(xml, format).toContain('https://samverkan.example/press/hassleholm/releases/r1');
      expect(xml, format).not.toContain('<script>');
      expect(xml, format).toContain('&lt;script&gt;');
    }
  });

  it('JSON Feed: the title as text, the summary HTML escaped; per topic, its own links', () => {
    const feed = JSON.parse(
      renderFeed({ ...input, format: 'feed.json', topic: { id: 'naringsliv', name: 'Näringsliv' } }),
    );
    expect(feed.version).toMatch(/^https:\/\/jsonfeed\.org\/version\//);
    expect(feed.title).toBe('Pressrum – Hässleholms kommun: Näringsliv');
    expect(feed.feed_url).toBe('https://samverkan.example/press/hassleholm/topics/naringsliv/feed/feed.json');
    expect(feed.items[0].title).toBe(hostile);
    expect(feed.items[0].content_html).not.toContain('<script>');
  });

  it('the sitemap lists the newsroom, its contacts and each release, XML-escaped', () => {
    const xml = renderSitemap('https://samverkan.example', 'hassleholm', entries);
    expect(xml).toContain(
      '<loc>https://samverkan.example/press/hassleholm/releases/r1</loc><lastmod>2026-03-25T09:00:00.000Z</lastmod>',
    );
    expect(xml).toContain('<loc>https://samverkan.example/press/hassleholm/contacts</loc>');
  });
});
