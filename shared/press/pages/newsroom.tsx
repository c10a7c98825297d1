import type { ComponentChildren } from 'preact';
import { renderUserMarkdown } from '../../platform/mail-kit/markdown.js';
import { formatDateTime, formatNumber } from '../../platform/texts/format.js';
import { type Language, languages } from '../../platform/texts/language.js';
import { languageEndonyms, shellTexts } from '../../platform/texts/shell.js';
import type { PageBrand } from '../../platform/ui/brand.js';
import { PlainText } from '../../platform/ui/plain-text.js';
import { BrandMark, brandedBody, MainAndFooter } from '../../platform/ui/public-layout.js';
import { styles } from '../../platform/ui/styles.js';
import { type FeedFormat, feedPath, newsroomPath, releasePath } from '../feeds.js';
import type { PressContact, PressSettings, Release, Term } from '../release.js';
import { subscriptionTexts } from '../subscription-texts.js';
import { pressTexts } from '../texts.js';

/*
 * The public newsroom: no sign-in, escaped by construction (Preact), the body's Markdown through
 * the sanitising renderer. Phone first: one column, large targets.
 */

const newsroomStyles = `
.newsroom-header .wrap { padding-top: 1rem; padding-bottom: 1rem; }
.release-list { list-style: none; margin: 0 0 1.5rem; padding: 0; display: grid; gap: 1rem; }
.release-list li { background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius); padding: 1rem 1.25rem; }
.release-list h2 { font-size: 1.2rem; margin-bottom: 0.25rem; }
.release-list .meta, .release-meta { color: var(--muted); font-size: 0.95rem; margin: 0 0 0.5rem; }
.filters { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: 0.75rem; align-items: end; margin-bottom: 1.5rem; }
.filters .form-field { margin: 0; }
.filters input, .filters select { width: 100%; min-height: 2.75rem; }
.release-body { max-width: 42rem; overflow-wrap: anywhere; }
.release-lead { font-size: 1.15rem; font-weight: 600; max-width: 42rem; }
.release-figure { margin: 0 0 1.5rem; max-width: 42rem; }
.release-figure img { max-width: 100%; height: auto; border-radius: var(--radius); }
.release-figure figcaption { color: var(--muted); font-size: 0.9rem; }
blockquote.quote { margin: 0 0 1.25rem; padding: 0.75rem 1.25rem; border-left: 4px solid var(--accent); background: var(--surface); max-width: 42rem; }
blockquote.quote p { font-size: 1.1rem; margin-bottom: 0.5rem; }
.correction { max-width: 42rem; padding: 0.75rem 1rem; border-left: 4px solid #6b4500; background: #fbf3e6; margin-bottom: 1rem; }
.contacts { list-style: none; padding: 0; margin: 0 0 1.5rem; display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); }
.contacts li { background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius); padding: 1rem; }
.contacts a { display: inline-block; min-height: 2.75rem; padding: 0.5rem 0; overflow-wrap: anywhere; }
.feed-links a, .downloads a { display: inline-block; min-height: 2.75rem; padding: 0.5rem 0; }
.preview-banner { padding: 0.75rem 1rem; background: #fbf3e6; border-left: 4px solid #6b4500; margin-bottom: 1rem; font-weight: 600; }
`;

export interface HeadMeta {
  description?: string;
  canonical?: string;
  alternates?: { language: Language; href: string }[];
  feeds?: { href: string; type: string; title: string }[];
  openGraph?: Record<string, string>;
  jsonLd?: unknown;
  noindex?: boolean;
}

/** JSON in a <script> element: `<` escaped, so no text in it can close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** The newsroom's document: the platform's stylesheet, and what search engines and link previews read. */
export function NewsroomDocument(props: {
  language: Language;
  title: string;
  tenantName: string;
  tenantId: string;
  head: HeadMeta;
  brand?: PageBrand;
  children?: ComponentChildren;
}) {
  const { language, title, head, tenantName, tenantId, brand, children } = props;
  const shell = shellTexts(language);
  return (
    <html lang={language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <title>{title}</title>
        <link rel="icon" href="data:," />
        {head.description ? <meta name="description" content={head.description} /> : null}
        {head.noindex ? <meta name="robots" content="noindex, nofollow" /> : null}
        {head.canonical ? <link rel="canonical" href={head.canonical} /> : null}
        {(head.alternates ?? []).map((a) => (
          <link key={a.language} rel="alternate" hrefLang={a.language} href={a.href} />
        ))}
        {(head.feeds ?? []).map((f) => (
          <link key={f.href} rel="alternate" type={f.type} title={f.title} href={f.href} />
        ))}
        {Object.entries(head.openGraph ?? {}).map(([property, content]) => (
          <meta key={property} property={property} content={content} />
        ))}
        {head.jsonLd ? (
          <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: scriptJson(head.jsonLd) }} />
        ) : null}
        <style dangerouslySetInnerHTML={{ __html: styles + newsroomStyles }} />
      </head>
      <body {...brandedBody(brand)}>
        <a class="skip-link" href="#main">
          {shell.skipToContent}
        </a>
        <header class="site-header newsroom-header">
          <div class="wrap">
            <div class="brand">
              {brand?.logoUrl ? <BrandMark brand={brand} /> : null}
              <a class="product" href={newsroomPath(tenantId)}>
                {pressTexts(language).newsroom.title(tenantName)}
              </a>
            </div>
          </div>
        </header>
        <MainAndFooter language={language}>{children}</MainAndFooter>
      </body>
    </html>
  );
}

const feedTypes: Record<FeedFormat, string> = {
  'rss.xml': 'application/rss+xml',
  'atom.xml': 'application/atom+xml',
  'feed.json': 'application/feed+json',
};
const feedNames: Record<FeedFormat, string> = {
  'rss.xml': 'RSS',
  'atom.xml': 'Atom',
  'feed.json': 'JSON Feed',
};

export const feedLinks = (baseUrl: string, tenantId: string, topic?: Term) =>
  (Object.keys(feedTypes) as FeedFormat[]).map((format) => ({
    href: `${baseUrl}${feedPath(tenantId, format, topic?.id)}`,
    type: feedTypes[format],
    title: `${feedNames[format]}${topic ? ` – ${topic.name}` : ''}`,
    name: feedNames[format],
  }));

export interface ListEntry {
  releaseId: string;
  headline: string;
  lead: string;
  language: Language;
  publishAt: string;
  corrected: boolean;
}

export interface NewsroomListProps {
  /** The municipality's logo and colour on the page. */
  brand?: PageBrand;
  language: Language;
  tenantId: string;
  tenantName: string;
  timeZone: string;
  baseUrl: string;
  settings: PressSettings;
  entries: ListEntry[];
  filters: { topic?: string; tag?: string; region?: string; year?: number; q?: string };
  /** The next page's address, when there is one. */
  nextHref?: string;
  years: number[];
}

function Select(props: { id: string; label: string; all: string; terms: Term[]; chosen?: string }) {
  return (
    <div class="form-field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} name={props.id}>
        <option value="">{props.all}</option>
        {props.terms.map((t) => (
          <option key={t.id} value={t.id} selected={t.id === props.chosen}>
            {t.name}
          </option>
        ))}
      </select>
    </div>
  );
}

export function NewsroomListPage(props: NewsroomListProps) {
  const { language, tenantId, tenantName, timeZone, settings, entries, filters, nextHref, baseUrl, years } =
    props;
  const m = pressTexts(language).newsroom;
  const topic = settings.topics.find((t) => t.id === filters.topic);
  const feeds = feedLinks(baseUrl, tenantId, topic);
  return (
    <NewsroomDocument
      brand={props.brand}
      language={language}
      title={m.title(tenantName)}
      tenantName={tenantName}
      tenantId={tenantId}
      head={{
        description: m.lead,
        canonical: `${baseUrl}${newsroomPath(tenantId)}`,
        feeds: [...feedLinks(baseUrl, tenantId), ...(topic ? feeds : [])],
      }}
    >
      <h1>{m.title(tenantName)}</h1>
      <p class="lead">{m.lead}</p>
      <nav aria-label={m.otherLanguages}>
        <ul class="inline-links">
          {languages.map((code) => (
            <li key={code}>
              <a
                href={`${newsroomPath(tenantId)}?lang=${code}`}
                lang={code}
                hrefLang={code}
                aria-current={code === language ? 'true' : undefined}
              >
                {languageEndonyms[code]}
              </a>
            </li>
          ))}
          <li>
            <a href={`${newsroomPath(tenantId)}/contacts`}>{m.contactsPage}</a>
          </li>
          <li>
            <a href={`${newsroomPath(tenantId)}/subscribe`}>{subscriptionTexts[language].title}</a>
          </li>
        </ul>
      </nav>
      <search>
        <form class="filters" method="get" action={newsroomPath(tenantId)} aria-label={m.filters}>
          <div class="form-field">
            <label for="q">{m.search}</label>
            <input type="search" id="q" name="q" value={filters.q ?? ''} maxLength={100} />
          </div>
          <Select id="topic" label={m.topic} all={m.all} terms={settings.topics} chosen={filters.topic} />
          <Select id="tag" label={m.tag} all={m.all} terms={settings.tags} chosen={filters.tag} />
          <Select id="region" label={m.region} all={m.all} terms={settings.regions} chosen={filters.region} />
          <Select
            id="year"
            label={m.year}
            all={m.all}
            terms={years.map((y) => ({ id: String(y), name: String(y) }))}
            chosen={filters.year ? String(filters.year) : undefined}
          />
          <button type="submit" class="primary">
            {m.show}
          </button>
        </form>
      </search>
      {entries.length === 0 ? (
        <p class="empty">{m.none}</p>
      ) : (
        <ul class="release-list">
          {entries.map((e) => (
            <li key={e.releaseId} lang={e.language}>
              <h2>
                <a href={releasePath(tenantId, e.releaseId)}>{e.headline}</a>
              </h2>
              <p class="meta">
                <time dateTime={e.publishAt}>{formatDateTime(e.publishAt, language, timeZone)}</time>
                {e.corrected ? ` · ${m.corrected}` : ''}
              </p>
              {e.lead ? <p>{e.lead}</p> : null}
            </li>
          ))}
        </ul>
      )}
      {nextHref ? (
        <p>
          <a href={nextHref} rel="next">
            {m.older}
          </a>
        </p>
      ) : null}
      <section aria-labelledby="feeds-heading">
        <h2 id="feeds-heading">{topic ? m.feedFor(topic.name) : m.feeds}</h2>
        <ul class="inline-links feed-links">
          {feeds.map((f) => (
            <li key={f.href}>
              <a href={f.href} type={f.type}>
                {f.name}
              </a>
            </li>
          ))}
        </ul>
      </section>
    </NewsroomDocument>
  );
}

function ContactCards({ contacts, language }: { contacts: PressContact[]; language: Language }) {
  const m = pressTexts(language).newsroom;
  return (
    <ul class="contacts">
      {contacts.map((c) => (
        <li key={c.id}>
          <strong>{c.name}</strong>
          <br />
          {c.role}
          <br />
          <a href={`tel:${c.phone.replace(/[^+0-9]/g, '')}`}>
            <span class="visually-hidden">{m.phone}: </span>
            {c.phone}
          </a>
          <br />
          <a href={`mailto:${c.email}`}>
            <span class="visually-hidden">{m.email}: </span>
            {c.email}
          </a>
        </li>
      ))}
    </ul>
  );
}

export function ContactsPage(props: {
  brand?: PageBrand;
  language: Language;
  tenantId: string;
  tenantName: string;
  baseUrl: string;
  settings: PressSettings;
}) {
  const { language, tenantId, tenantName, settings, baseUrl } = props;
  const m = pressTexts(language).newsroom;
  return (
    <NewsroomDocument
      brand={props.brand}
      language={language}
      title={`${m.pressContacts} – ${m.title(tenantName)}`}
      tenantName={tenantName}
      tenantId={tenantId}
      head={{ canonical: `${baseUrl}${newsroomPath(tenantId)}/contacts` }}
    >
      <p>
        <a href={newsroomPath(tenantId)}>
          <span aria-hidden="true">← </span>
          {m.backToNewsroom}
        </a>
      </p>
      <h1>{m.pressContacts}</h1>
      <ContactCards contacts={settings.contacts} language={language} />
      {settings.boilerplate[language] ? (
        <section aria-labelledby="about-heading">
          <h2 id="about-heading">{m.about(tenantName)}</h2>
          <PlainText text={settings.boilerplate[language] ?? ''} class="prose" />
        </section>
      ) : null}
    </NewsroomDocument>
  );
}

export interface ReleasePageProps {
  /** The municipality's logo and colour on the page. */
  brand?: PageBrand;
  tenantId: string;
  tenantName: string;
  timeZone: string;
  baseUrl: string;
  release: Release;
  settings: PressSettings;
  /** Public translations of this release. */
  alternates: { language: Language; releaseId: string; headline: string }[];
  /** A colleague's preview (signed link): not indexed, marked as such. */
  preview?: boolean;
  /**
   * Where each file is read from, when not the newsroom's own links (which serve public releases
   * only): a preview's presigned links.
   */
  fileUrls?: Record<string, string>;
}

const fileHref = (tenantId: string, releaseId: string, fileId: string) =>
  `${newsroomPath(tenantId)}/files/${encodeURIComponent(releaseId)}/${encodeURIComponent(fileId)}`;

/** A release: in its own language, with Open Graph and JSON-LD NewsArticle for link previews and search. */
export function ReleasePage(props: ReleasePageProps) {
  const { tenantId, tenantName, timeZone, baseUrl, release, settings, alternates, preview, fileUrls } = props;
  const fileSrc = (fileId: string, download = false) =>
    fileUrls?.[fileId] ?? `${fileHref(tenantId, release.releaseId, fileId)}${download ? '?download=1' : ''}`;
  const language = release.language;
  const m = pressTexts(language).newsroom;
  const url = `${baseUrl}${releasePath(tenantId, release.releaseId)}`;
  const images = release.files.filter((f) => f.kind === 'image');
  const downloads = release.files.filter((f) => f.kind === 'attachment');
  const contacts = release.contactIds
    .map((id) => settings.contacts.find((c) => c.id === id))
    .filter((c): c is PressContact => c !== undefined);
  const topics = release.topics
    .map((id) => settings.topics.find((t) => t.id === id))
    .filter((t): t is Term => t !== undefined);
  const body = renderUserMarkdown(release.body).html;
  const published = release.publishAt ?? release.updatedAt;
  const modified = release.corrections.at(-1)?.at ?? published;
  const imageUrls = images.map((f) => `${baseUrl}${fileHref(tenantId, release.releaseId, f.fileId)}`);
  const boilerplate = settings.boilerplate[language];
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: release.headline,
    description: release.lead || undefined,
    datePublished: published,
    dateModified: modified,
    inLanguage: language,
    url,
    mainEntityOfPage: url,
    image: imageUrls.length ? imageUrls : undefined,
    author: { '@type': 'Organization', name: tenantName },
    publisher: { '@type': 'Organization', name: tenantName },
  };
  return (
    <NewsroomDocument
      brand={props.brand}
      language={language}
      title={`${release.headline} – ${tenantName}`}
      tenantName={tenantName}
      tenantId={tenantId}
      head={{
        description: release.lead || release.headline,
        noindex: preview,
        canonical: preview ? undefined : url,
        alternates: preview
          ? []
          : [
              { language, href: url },
              ...alternates.map((a) => ({
                language: a.language,
                href: `${baseUrl}${releasePath(tenantId, a.releaseId)}`,
              })),
            ],
        feeds: preview ? [] : feedLinks(baseUrl, tenantId),
        openGraph: preview
          ? {}
          : {
              'og:type': 'article',
              'og:title': release.headline,
              'og:description': release.lead || release.headline,
              'og:url': url,
              'og:site_name': m.title(tenantName),
              'og:locale': { sv: 'sv_SE', da: 'da_DK', en: 'en_GB' }[language],
              ...(imageUrls[0] ? { 'og:image': imageUrls[0], 'og:image:alt': images[0]?.alt ?? '' } : {}),
              'article:published_time': published,
              'article:modified_time': modified,
            },
        jsonLd: preview ? undefined : jsonLd,
      }}
    >
      {preview ? (
        <p class="preview-banner" role="note">
          {m.previewNotice}
        </p>
      ) : null}
      <p>
        <a href={newsroomPath(tenantId)}>
          <span aria-hidden="true">← </span>
          {m.backToNewsroom}
        </a>
      </p>
      <article>
        <h1>{release.headline}</h1>
        <p class="release-meta">
          {m.published} <time dateTime={published}>{formatDateTime(published, language, timeZone)}</time>
          {release.corrections.length > 0 ? ` · ${m.corrected}` : ''}
        </p>
        {release.corrections.map((c) => (
          <p class="correction" key={c.at}>
            <strong>{m.correctionOn(formatDateTime(c.at, language, timeZone))}</strong> {c.note}
          </p>
        ))}
        {release.lead ? <p class="release-lead">{release.lead}</p> : null}
        {images.map((f) => (
          <figure class="release-figure" key={f.fileId}>
            <img src={fileSrc(f.fileId)} alt={f.alt ?? ''} />
            {f.alt ? <figcaption>{f.alt}</figcaption> : null}
          </figure>
        ))}
        {/* Our own Markdown renderer: the mail-body allow-list, raw HTML shown as text, http/https/mailto links only. */}
        <div class="release-body" dangerouslySetInnerHTML={{ __html: body }} />
        {release.quotes.map((q, i) => (
          <figure key={String(i)}>
            <blockquote class="quote">
              <PlainText text={q.text} />
            </blockquote>
            <figcaption>
              — {q.name}
              {q.role ? `, ${q.role}` : ''}
            </figcaption>
          </figure>
        ))}
      </article>
      {topics.length > 0 ? (
        <ul class="tags" aria-label={m.topic}>
          {topics.map((t) => (
            <li key={t.id} class="tag">
              <a href={`${newsroomPath(tenantId)}?topic=${encodeURIComponent(t.id)}`}>{t.name}</a>
            </li>
          ))}
        </ul>
      ) : null}
      {downloads.length > 0 || images.length > 0 ? (
        <section aria-labelledby="downloads-heading">
          <h2 id="downloads-heading">{m.downloads}</h2>
          <ul class="downloads">
            {[...images, ...downloads].map((f) => (
              <li key={f.fileId}>
                <a href={fileSrc(f.fileId, true)} download={f.name}>
                  {f.name}
                </a>{' '}
                (
                {f.contentType === 'application/pdf'
                  ? 'PDF'
                  : f.contentType.replace('image/', '').toUpperCase()}
                , {formatNumber(Math.ceil(f.size / 1024), language)} kB)
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {contacts.length > 0 ? (
        <section aria-labelledby="contacts-heading">
          <h2 id="contacts-heading">{m.pressContacts}</h2>
          <ContactCards contacts={contacts} language={language} />
        </section>
      ) : null}
      {boilerplate ? (
        <section aria-labelledby="about-heading">
          <h2 id="about-heading">{m.about(tenantName)}</h2>
          <PlainText text={boilerplate} class="prose" />
        </section>
      ) : null}
      {alternates.length > 0 ? (
        <section aria-labelledby="languages-heading">
          <h2 id="languages-heading">{m.otherLanguages}</h2>
          <ul>
            {alternates.map((a) => (
              <li key={a.language} lang={a.language}>
                <a href={releasePath(tenantId, a.releaseId)} hrefLang={a.language}>
                  {languageEndonyms[a.language]}: {a.headline}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </NewsroomDocument>
  );
}
