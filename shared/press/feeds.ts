import { Feed } from 'feed';
import type { Language } from '../platform/texts/language.js';
import type { Term } from './release.js';
import { pressTexts } from './texts.js';

/*
 * The newsroom's feeds (RSS 2.0, Atom, JSON Feed), for the whole newsroom and per topic, and its
 * sitemap: built from a page of the newsroom index (headline, lead, time), so a feed costs one
 * Query however many releases there are. The `feed` package escapes every text it writes.
 */

export const feedFormats = {
  'rss.xml': { contentType: 'application/rss+xml; charset=utf-8', render: (feed: Feed) => feed.rss2() },
  'atom.xml': { contentType: 'application/atom+xml; charset=utf-8', render: (feed: Feed) => feed.atom1() },
  'feed.json': { contentType: 'application/feed+json; charset=utf-8', render: (feed: Feed) => feed.json1() },
} as const;
export type FeedFormat = keyof typeof feedFormats;

/** What a feed entry needs of a release (a newsroom index entry). */
export interface FeedEntry {
  releaseId: string;
  headline: string;
  lead: string;
  language: Language;
  publishAt: string;
}

export interface FeedInput {
  format: FeedFormat;
  baseUrl: string;
  tenantId: string;
  tenantName: string;
  language: Language;
  /** A topic's feed; the whole newsroom's without. */
  topic?: Term;
  entries: FeedEntry[];
}

export const newsroomPath = (tenantId: string) => `/press/${encodeURIComponent(tenantId)}`;
export const releasePath = (tenantId: string, releaseId: string) =>
  `${newsroomPath(tenantId)}/releases/${encodeURIComponent(releaseId)}`;
/** A programme's public page in the newsroom: its themes and what came of them. */
export const programmePath = (tenantId: string, programmeId: string) =>
  `${newsroomPath(tenantId)}/programmes/${encodeURIComponent(programmeId)}`;
export const feedPath = (tenantId: string, format: FeedFormat, topicId?: string) =>
  topicId
    ? `${newsroomPath(tenantId)}/topics/${encodeURIComponent(topicId)}/feed/${format}`
    : `${newsroomPath(tenantId)}/feed/${format}`;

export function renderFeed(input: FeedInput): string {
  const { baseUrl, tenantId, tenantName, topic, entries } = input;
  const m = pressTexts(input.language).newsroom;
  const title = topic ? `${m.title(tenantName)}: ${topic.name}` : m.title(tenantName);
  const home = `${baseUrl}${newsroomPath(tenantId)}${topic ? `?topic=${encodeURIComponent(topic.id)}` : ''}`;
  const feed = new Feed({
    id: home,
    title,
    description: m.lead,
    link: home,
    language: input.language,
    generator: false,
    updated: entries[0] ? new Date(entries[0].publishAt) : new Date(0),
    copyright: tenantName,
    feedLinks: {
      rss: `${baseUrl}${feedPath(tenantId, 'rss.xml', topic?.id)}`,
      atom: `${baseUrl}${feedPath(tenantId, 'atom.xml', topic?.id)}`,
      json: `${baseUrl}${feedPath(tenantId, 'feed.json', topic?.id)}`,
    },
    author: { name: tenantName, link: `${baseUrl}${newsroomPath(tenantId)}` },
  });
  // Feed readers take Atom's `type="html"` titles, RSS descriptions and JSON Feed's `content_html`
  // as HTML: what staff typed goes in escaped, so it shows as text there too (JSON titles are text).
  const asHtml = input.format !== 'feed.json';
  for (const entry of entries) {
    const link = `${baseUrl}${releasePath(tenantId, entry.releaseId)}`;
    feed.addItem({
      title: asHtml ? htmlText(entry.headline) : entry.headline,
      id: link,
      guid: link,
      link,
      date: new Date(entry.publishAt),
      published: new Date(entry.publishAt),
      description: htmlText(entry.lead || entry.headline),
    });
  }
  return feedFormats[input.format].render(feed);
}

const htmlText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const xmlText = htmlText;

/** sitemap.xml: the newsroom, its contacts page and each public release. */
export function renderSitemap(baseUrl: string, tenantId: string, entries: FeedEntry[]): string {
  const urls = [
    { loc: `${baseUrl}${newsroomPath(tenantId)}`, lastmod: entries[0]?.publishAt },
    { loc: `${baseUrl}${newsroomPath(tenantId)}/contacts`, lastmod: undefined },
    ...entries.map((e) => ({ loc: `${baseUrl}${releasePath(tenantId, e.releaseId)}`, lastmod: e.publishAt })),
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map(
      (u) =>
        `<url><loc>${xmlText(u.loc)}</loc>${u.lastmod ? `<lastmod>${xmlText(u.lastmod)}</lastmod>` : ''}</url>`,
    ),
    '</urlset>',
    '',
  ].join('\n');
}
