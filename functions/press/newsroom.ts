import { createHash } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { h } from 'preact';
import { render } from 'preact-render-to-string';
import * as z from 'zod';
import { getEvent } from '../../shared/meetings/store.js';
import { requireEnv } from '../../shared/platform/aws/env.js';
import { tenantIdField } from '../../shared/platform/bus/contract.js';
import { notFound } from '../../shared/platform/http/errors.js';
import {
  htmlPages,
  type Markup,
  type PageResult,
  pickLanguage,
  publicPage,
} from '../../shared/platform/http/html-pages.js';
import { header, idParam, validate } from '../../shared/platform/http/request.js';
import { getTenant, type Tenant } from '../../shared/platform/tenants/store.js';
import { type Language, languageSchema } from '../../shared/platform/texts/language.js';
import { pageBrand } from '../../shared/platform/ui/brand.js';
import { ErrorPage } from '../../shared/platform/ui/error-page.js';
import { previewed } from '../../shared/press/actions/releases.js';
import { type FeedFormat, feedFormats, renderFeed, renderSitemap } from '../../shared/press/feeds.js';
import { ContactsPage, NewsroomListPage, ReleasePage } from '../../shared/press/pages/newsroom.js';
import { ProgrammePublicPage, type PublicOutcome } from '../../shared/press/pages/programme.js';
import { isPublic, type Release, termIdSchema } from '../../shared/press/release.js';
import { bucketOrigin, downloadUrl } from '../../shared/press/store/files.js';
import { listNews } from '../../shared/press/store/newsroom.js';
import { countView, getRelease } from '../../shared/press/store/releases.js';
import { getPressSettings } from '../../shared/press/store/settings.js';
import { listOutcomes } from '../../shared/programmes/store/outcomes.js';
import { getProgramme } from '../../shared/programmes/store.js';

/*
 * The public newsroom of each tenant. Every page is one read of a fixed number of items (a page of
 * the newsroom index, a release and the press room's settings), so its cost does not grow with the
 * number of releases. Answers carry an ETag and may be cached by a CDN for a minute; what is not
 * public yet (draft, scheduled, under embargo) is the same 404 as what does not exist.
 */

const CACHE = 'public, max-age=0, s-maxage=60, must-revalidate';
/** Feeds are polled: readers may keep them a little longer. */
const FEED_CACHE = 'public, max-age=60, s-maxage=60';
const NEWSROOM_PAGE = 20;
const SITEMAP_SIZE = 500;

/** The page stack's policy, with the bucket's origin for images (their links redirect to presigned URLs). */
const csp = (imageOrigin?: string) =>
  [
    "default-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data:${imageOrigin ? ` ${imageOrigin}` : ''}`,
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');

const baseUrl = () => requireEnv('PUBLIC_BASE_URL');

/** A cacheable answer: an ETag from its bytes, and 304 when the client already has them. */
function cacheable(
  event: APIGatewayProxyEventV2,
  contentType: string,
  body: string,
  cacheControl = CACHE,
  headers: Record<string, string> = {},
): PageResult {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  const common = { etag, 'cache-control': cacheControl, vary: 'accept-language, cookie', ...headers };
  const match = header(event, 'if-none-match');
  if (match?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
    return { kind: 'raw', status: 304, body: '', headers: common };
  }
  return { kind: 'raw', contentType, body, headers: common };
}

const html = (event: APIGatewayProxyEventV2, page: Markup, headers: Record<string, string> = {}) =>
  cacheable(event, 'text/html; charset=utf-8', `<!doctype html>${render(page)}`, CACHE, headers);

/** The tenant of the path, or the same 404 as any unknown address. */
async function tenantOf(event: APIGatewayProxyEventV2): Promise<Tenant> {
  const id = tenantIdField.safeParse(event.pathParameters?.tenantId);
  const tenant = id.success ? await getTenant(id.data) : undefined;
  if (!tenant) throw notFound();
  return tenant;
}

/** A release the public may see (another tenant's, a draft, a scheduled or embargoed one: 404). */
async function publicRelease(tenant: Tenant, releaseId: string | undefined, now: Date): Promise<Release> {
  const id = idParam.safeParse(releaseId);
  const release = id.success ? await getRelease(tenant.tenantId, id.data) : undefined;
  if (!release || !isPublic(release, now)) throw notFound();
  return release;
}

/** Its public translations. */
async function alternatesOf(release: Release, now: Date) {
  const found = await Promise.all(
    Object.entries(release.translations).map(([, id]) => (id ? getRelease(release.tenantId, id) : undefined)),
  );
  return found
    .filter((r): r is Release => r !== undefined && isPublic(r, now) && r.language !== release.language)
    .map((r) => ({ language: r.language, releaseId: r.releaseId, headline: r.headline }));
}

const listQuery = z.object({
  topic: termIdSchema.optional().or(z.literal('').transform(() => undefined)),
  tag: termIdSchema.optional().or(z.literal('').transform(() => undefined)),
  region: termIdSchema.optional().or(z.literal('').transform(() => undefined)),
  year: z
    .union([z.literal('').transform(() => undefined), z.coerce.number().int().min(1990).max(2100)])
    .optional(),
  q: z.string().trim().max(100).optional(),
  cursor: z.string().max(2048).optional(),
  lang: languageSchema.optional(),
});

const languageOf = (event: APIGatewayProxyEventV2, tenant: Tenant, chosen?: Language) =>
  chosen ?? pickLanguage(event, tenant.language);

async function releasePage(
  event: APIGatewayProxyEventV2,
  tenant: Tenant,
  release: Release,
  preview: boolean,
) {
  const now = new Date();
  const [settings, alternates, origin, fileUrls] = await Promise.all([
    getPressSettings(tenant.tenantId),
    alternatesOf(release, now),
    release.files.some((f) => f.kind === 'image') ? bucketOrigin() : undefined,
    // A preview's files are not public yet: the page links them presigned, for a few minutes.
    preview
      ? Promise.all(
          release.files.map(
            async (f) =>
              [
                f.fileId,
                await downloadUrl(tenant.tenantId, release.releaseId, f.fileId, f, f.kind !== 'image'),
              ] as const,
          ),
        ).then(Object.fromEntries)
      : undefined,
  ]);
  const page = h(ReleasePage, {
    tenantId: tenant.tenantId,
    tenantName: tenant.name,
    brand: pageBrand(tenant),
    timeZone: tenant.timeZone,
    baseUrl: baseUrl(),
    release,
    settings,
    alternates,
    preview,
    fileUrls,
  });
  const headers = { 'content-security-policy': csp(origin) };
  if (preview) {
    return {
      kind: 'raw',
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html>${render(page)}`,
      headers: { ...headers, 'cache-control': 'no-store', 'x-robots-tag': 'noindex' },
    } satisfies PageResult;
  }
  return html(event, page, headers);
}

export const handler = htmlPages(
  {
    'GET /press/{tenantId}': publicPage(async ({ event }) => {
      const tenant = await tenantOf(event);
      const query = validate('query', listQuery, event.queryStringParameters ?? {});
      const language = languageOf(event, tenant, query.lang);
      const [settings, page] = await Promise.all([
        getPressSettings(tenant.tenantId),
        listNews(tenant.tenantId, { ...query, limit: NEWSROOM_PAGE }),
      ]);
      const next = new URLSearchParams(
        Object.entries({
          ...query,
          year: query.year ? String(query.year) : undefined,
          cursor: page.cursor,
        }).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''),
      );
      const thisYear = new Date().getUTCFullYear();
      return html(
        event,
        h(NewsroomListPage, {
          language,
          tenantId: tenant.tenantId,
          tenantName: tenant.name,
          brand: pageBrand(tenant),
          timeZone: tenant.timeZone,
          baseUrl: baseUrl(),
          settings,
          entries: page.items,
          filters: query,
          nextHref: page.cursor ? `/press/${tenant.tenantId}?${next}` : undefined,
          years: Array.from({ length: thisYear - 2009 }, (_, i) => thisYear - i),
        }),
      );
    }),

    'GET /press/{tenantId}/releases/{releaseId}': publicPage(async ({ event }) => {
      const tenant = await tenantOf(event);
      const release = await publicRelease(tenant, event.pathParameters?.releaseId, new Date());
      // Counted without cookies or addresses: one counter per release (a CDN hit is not counted).
      await countView(tenant.tenantId, release.releaseId);
      return releasePage(event, tenant, release, false);
    }),

    // A programme's themes and the outcomes published on them ("you said, we did").
    'GET /press/{tenantId}/programmes/{programmeId}': publicPage(async ({ event }) => {
      const tenant = await tenantOf(event);
      const query = validate(
        'query',
        z.object({ lang: languageSchema.optional() }),
        event.queryStringParameters ?? {},
      );
      const id = idParam.safeParse(event.pathParameters?.programmeId);
      const programme = id.success ? await getProgramme(tenant.tenantId, id.data) : undefined;
      if (!programme) throw notFound();
      const outcomes = await publicOutcomes(tenant.tenantId, programme.programmeId);
      return html(
        event,
        h(ProgrammePublicPage, {
          language: languageOf(event, tenant, query.lang),
          tenantId: tenant.tenantId,
          tenantName: tenant.name,
          brand: pageBrand(tenant),
          baseUrl: baseUrl(),
          programme,
          outcomes,
        }),
      );
    }),

    'GET /press/{tenantId}/contacts': publicPage(async ({ event }) => {
      const tenant = await tenantOf(event);
      const query = validate(
        'query',
        z.object({ lang: languageSchema.optional() }),
        event.queryStringParameters ?? {},
      );
      return html(
        event,
        h(ContactsPage, {
          language: languageOf(event, tenant, query.lang),
          tenantId: tenant.tenantId,
          tenantName: tenant.name,
          brand: pageBrand(tenant),
          baseUrl: baseUrl(),
          settings: await getPressSettings(tenant.tenantId),
        }),
      );
    }),

    // A file of a public release: a short-lived presigned link to it in the bucket.
    'GET /press/{tenantId}/files/{releaseId}/{fileId}': publicPage(async ({ event }) => {
      const tenant = await tenantOf(event);
      const release = await publicRelease(tenant, event.pathParameters?.releaseId, new Date());
      const file = release.files.find((f) => f.fileId === event.pathParameters?.fileId);
      if (!file) throw notFound();
      const download = event.queryStringParameters?.download === '1';
      const location = await downloadUrl(tenant.tenantId, release.releaseId, file.fileId, file, download);
      return {
        kind: 'raw',
        status: 302,
        body: '',
        headers: { location, 'cache-control': 'private, max-age=240' },
      };
    }),

    'GET /press/{tenantId}/feed/{format}': publicPage(async ({ event }) => feed(event)),
    'GET /press/{tenantId}/topics/{topicId}/feed/{format}': publicPage(async ({ event }) => feed(event)),

    'GET /press/{tenantId}/sitemap.xml': publicPage(async ({ event }) => {
      const tenant = await tenantOf(event);
      const { items } = await listNews(tenant.tenantId, { limit: SITEMAP_SIZE });
      return cacheable(
        event,
        'application/xml; charset=utf-8',
        renderSitemap(baseUrl(), tenant.tenantId, items),
        FEED_CACHE,
      );
    }),

    // A colleague's preview through a signed link: whatever state the release is in, never cached.
    'GET /press-preview/{token}': publicPage(async ({ event }) => {
      const release = await previewed(event.pathParameters?.token ?? '');
      const tenant = release ? await getTenant(release.tenantId) : undefined;
      if (!release || !tenant) throw notFound();
      return releasePage(event, tenant, release, true);
    }),
  },
  (status, message, language) => h(ErrorPage, { status, message, language }),
);

/**
 * A programme's published outcomes, each with the links the public may see: releases that are
 * public now and events that are published (a draft's headline or title is not shown). One read
 * of the outcomes, then one per distinct linked release and event (at most ten per outcome).
 */
async function publicOutcomes(tenantId: string, programmeId: string): Promise<PublicOutcome[]> {
  const now = new Date();
  const outcomes = (await listOutcomes(tenantId, programmeId)).filter((o) => o.published);
  const releaseIds = [...new Set(outcomes.flatMap((o) => o.releases.map((r) => r.id)))];
  const eventIds = [...new Set(outcomes.flatMap((o) => o.events.map((e) => e.id)))];
  const [releases, events] = await Promise.all([
    Promise.all(releaseIds.map((id) => getRelease(tenantId, id))),
    Promise.all(eventIds.map((id) => getEvent(tenantId, id))),
  ]);
  const shownReleases = new Map(
    releases.flatMap((r) => (r && isPublic(r, now) ? [[r.releaseId, r.headline] as const] : [])),
  );
  const shownEvents = new Map(
    events.flatMap((e) => (e && e.status !== 'draft' ? [[e.eventId, e.title] as const] : [])),
  );
  return outcomes.map((o) => ({
    ...o,
    releases: o.releases.flatMap((r) => {
      const title = shownReleases.get(r.id);
      return title ? [{ id: r.id, title }] : [];
    }),
    events: o.events.flatMap((e) => {
      const title = shownEvents.get(e.id);
      return title ? [{ id: e.id, title }] : [];
    }),
  }));
}

async function feed(event: APIGatewayProxyEventV2): Promise<PageResult> {
  const tenant = await tenantOf(event);
  const format = event.pathParameters?.format as FeedFormat;
  if (!Object.hasOwn(feedFormats, format)) throw notFound();
  const topicId = event.pathParameters?.topicId;
  const settings = topicId === undefined ? undefined : await getPressSettings(tenant.tenantId);
  const topic = settings?.topics.find((t) => t.id === topicId);
  if (topicId !== undefined && !topic) throw notFound();
  const { items } = await listNews(tenant.tenantId, { topic: topic?.id, limit: NEWSROOM_PAGE });
  const body = renderFeed({
    format,
    baseUrl: baseUrl(),
    tenantId: tenant.tenantId,
    tenantName: tenant.name,
    language: tenant.language,
    topic,
    entries: items,
  });
  return cacheable(event, feedFormats[format].contentType, body, FEED_CACHE);
}
