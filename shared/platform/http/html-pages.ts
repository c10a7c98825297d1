import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';
import { type StaffIdentity, verifyIdToken } from '../identity/staff.js';
import { logger, metrics } from '../observability/logger.js';
import { type Language, languageSchema } from '../texts/language.js';
import { shellTexts } from '../texts/shell.js';
import { errorPageText, HttpError } from './errors.js';
import { httpErrors, requestLogging, securityHeaders } from './middlewares.js';
import { multipartBoundary, parseMultipart, type UploadedFile } from './multipart.js';
import { cookies, header, parseFormLists } from './request.js';

/** Whatever Preact renders; components with their own props included. */
// biome-ignore lint/suspicious/noExplicitAny: a page may be any component, whatever its props
export type Markup = VNode<any>;

export const SESSION_COOKIE = 'samverkan_session';
export const CSRF_COOKIE = 'samverkan_csrf';
export const LANGUAGE_COOKIE = 'samverkan_lang';

export interface PageRequest {
  event: APIGatewayProxyEventV2;
  /** Present on `console` routes (the page stack redirects to sign-in without it). */
  identity?: StaffIdentity;
  language: Language;
  /**
   * The CSRF token to put in every form this page renders (`<input name="_csrf">`): the session's
   * on console pages; on public pages, reading it issues a signed token (and its cookie) if the
   * browser has none yet.
   */
  readonly csrfToken: string;
  /** The parsed form on POST, already CSRF-checked: each field's first value. */
  form: Record<string, string>;
  /** Every value of each field (checkbox groups send a name more than once). */
  formLists: Record<string, string[]>;
  /** Files of a `multipart/form-data` POST, by field name (only those with content). */
  files?: Record<string, UploadedFile>;
}

export type PageResult =
  | { kind: 'page'; status?: number; body: Markup; headers?: Record<string, string>; cookies?: string[] }
  | { kind: 'redirect'; location: string; cookies?: string[] }
  /** A download (a calendar file, a CSV export). */
  | {
      kind: 'file';
      contentType: string;
      fileName: string;
      body: Buffer;
      cookies?: string[];
      /** Shown in the page (an image), not downloaded. */
      inline?: boolean;
      /** Caching headers (an image that may be cached: `cache-control`, `etag`); else no-store. */
      headers?: Record<string, string>;
    }
  /** A response as it is: a feed, a sitemap, a page rendered (and given an ETag) by its route, a 304. */
  | { kind: 'raw'; status?: number; contentType?: string; body: string; headers?: Record<string, string> };

export type PageHandler = (request: PageRequest) => Promise<PageResult>;

/**
 * How a route's form posts prove they come from its own pages (CSRF):
 * - `session`: the token is bound to the session: a one-way function of the session cookie
 *   ({@link sessionCsrfToken}), so no value the caller picks passes without the session itself;
 * - `signed`: public forms have no session; double-submit (the field must equal the cookie), and
 *   the token must be one this server issued, unexpired: signed with a key derived from the
 *   function's `formTokenSecret` (see {@link htmlPages}); without one, no public form is accepted;
 * - `false`: none (RFC 8058 one-click POSTs, authorised by the signed token in the URL).
 */
export type CsrfCheck = 'session' | 'signed' | false;

export interface PageRoute {
  console: boolean;
  csrf: CsrfCheck;
  run: PageHandler;
}

export const consolePage = (run: PageHandler): PageRoute => ({ console: true, csrf: 'session', run });
export const publicPage = (run: PageHandler): PageRoute => ({ console: false, csrf: 'signed', run });
/**
 * A public route posted from console pages that acts for the session in the cookie, if any
 * (sign-out): the form must carry that session's token; without a session cookie there is no
 * session to act for, and the handler gets no identity either way.
 */
export const sessionFormPage = (run: PageHandler): PageRoute => ({ console: false, csrf: 'session', run });
/**
 * A public route whose POST is authorised by the signed token in its URL, not by a session:
 * mail clients post RFC 8058 one-click unsubscribes without cookies, so no CSRF token exists.
 */
export const tokenPage = (run: PageHandler): PageRoute => ({ console: false, csrf: false, run });

const secureCookies = () => (process.env.PUBLIC_BASE_URL ?? '').startsWith('https://');

export function cookie(name: string, value: string, maxAgeSeconds: number, httpOnly = true): string {
  const parts = [
    `${name}=${encodeURIComponent(value)}`,
    'Path=/',
    `Max-Age=${maxAgeSeconds}`,
    'SameSite=Lax',
  ];
  if (httpOnly) parts.push('HttpOnly');
  if (secureCookies()) parts.push('Secure');
  return parts.join('; ');
}

/** Language: explicit choice (cookie), then the browser's preference, then Swedish. */
export function pickLanguage(event: APIGatewayProxyEventV2, fallback: Language = 'sv'): Language {
  const chosen = languageSchema.safeParse(cookies(event)[LANGUAGE_COOKIE]);
  if (chosen.success) return chosen.data;
  for (const part of (header(event, 'accept-language') ?? '').split(',')) {
    const tag = languageSchema.safeParse(part.trim().slice(0, 2).toLowerCase());
    if (tag.success) return tag.data;
  }
  return fallback;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The CSRF token of a signed-in session's forms: a one-way function of the session cookie. Only
 * the session's own pages can know it (the cookie is HttpOnly), it changes with every sign-in, and
 * it tells nothing about the cookie. Exported for tests that post console forms.
 */
export function sessionCsrfToken(sessionToken: string): string {
  return createHash('sha256').update(`samverkan-csrf-session\n${sessionToken}`).digest('base64url');
}

/** How long an issued public-form token (and its cookie) lasts, and when a page renews it. */
const FORM_TOKEN_SECONDS = 12 * 3600;
const FORM_TOKEN_RENEW_SECONDS = 2 * 3600;

/** The key public-form tokens are signed with: derived from the function's secret, for this use only. */
const formTokenKey = (secret: string): Buffer =>
  createHmac('sha256', secret).update('samverkan-csrf-form-token-v1').digest();

const formTokenMac = (key: Buffer, body: string) =>
  createHmac('sha256', key).update(body).digest('base64url');

/** A public form's token: `<expiry>.<nonce>.<mac>`, signed so only this server can issue one. */
function issueFormToken(key: Buffer | undefined): string {
  if (!key) {
    throw new Error('A public page with a form needs htmlPages({ formTokenSecret }) to sign its CSRF token');
  }
  const body = `${Math.floor(Date.now() / 1000) + FORM_TOKEN_SECONDS}.${randomBytes(18).toString('base64url')}`;
  return `${body}.${formTokenMac(key, body)}`;
}

/** Seconds a token this server issued has left; undefined for anything else (forged, expired, caller-chosen). */
function formTokenLeft(key: Buffer | undefined, value: string): number | undefined {
  const match = /^(([0-9]{1,12})\.[A-Za-z0-9_-]{24})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!match?.[1] || !match[2] || !match[3] || !key) return undefined;
  if (!sameToken(match[3], formTokenMac(key, match[1]))) return undefined;
  const left = Number(match[2]) - Math.floor(Date.now() / 1000);
  return left > 0 ? left : undefined;
}

const CSP = [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

function htmlResponse(
  status: number,
  html: string,
  headers: Record<string, string> = {},
  setCookies: string[] = [],
): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers },
    cookies: setCookies,
    body: `<!doctype html>${html}`,
  };
}

export type HtmlPagesHandler = middy.MiddyfiedHandler<
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  Error,
  Context
> & {
  routeKeys: string[];
};

/**
 * The middy stack for server-rendered pages: Preact renders (escaping every interpolated
 * value), console routes need a valid session cookie (verified, and not signed out), every POST
 * needs the CSRF token its route asks for ({@link CsrfCheck}), errors render as a plain page.
 * `renderError` gets the error's message already in the page's language (`errorPageText`:
 * translated texts and validation issues; empty when there is nothing translated to add).
 */
export function htmlPages(
  routes: Record<string, PageRoute>,
  renderError: (status: number, message: string, language: Language) => Markup,
  options: {
    /**
     * The secret public forms' CSRF tokens are signed with (a key is derived from it for this use
     * only): needed by a function whose public pages have forms, read only when one is used.
     */
    formTokenSecret?: () => string;
  } = {},
): HtmlPagesHandler {
  let formKey: Buffer | undefined;
  const signingKey = () => {
    if (!formKey && options.formTokenSecret) formKey = formTokenKey(options.formTokenSecret());
    return formKey;
  };
  const dispatch = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const route = routes[event.routeKey];
    if (!route) throw new HttpError(404, 'Not found');
    const jar = cookies(event);
    const setCookies: string[] = [];
    const session = jar[SESSION_COOKIE] || undefined;
    const cookieToken = jar[CSRF_COOKIE] ?? '';
    const cookieTokenLeft = () => (cookieToken ? formTokenLeft(signingKey(), cookieToken) : undefined);
    // Public pages: the token in the cookie if this server issued it (and it has a while left),
    // else a new one, issued only when a page puts it in a form (no cookie, no secret needed otherwise).
    let formToken: string | undefined;
    const csrfToken = (): string => {
      if (route.csrf === 'session') return session ? sessionCsrfToken(session) : '';
      formToken ??= (cookieTokenLeft() ?? 0) > FORM_TOKEN_RENEW_SECONDS ? cookieToken : undefined;
      if (!formToken) {
        formToken = issueFormToken(signingKey());
        setCookies.push(cookie(CSRF_COOKIE, formToken, FORM_TOKEN_SECONDS));
      }
      return formToken;
    };
    let identity: StaffIdentity | undefined;
    if (route.console) {
      identity = session ? await verifyIdToken(session) : undefined;
      if (!identity) {
        const back = event.rawPath + (event.rawQueryString ? `?${event.rawQueryString}` : '');
        return {
          statusCode: 303,
          headers: { location: `/auth/sign-in?returnTo=${encodeURIComponent(back)}` },
          cookies: setCookies,
        };
      }
    }
    let form: Record<string, string> = {};
    let formLists: Record<string, string[]> = {};
    let files: Record<string, UploadedFile> = {};
    if (event.requestContext.http.method !== 'GET') {
      const type = header(event, 'content-type') ?? '';
      if (multipartBoundary(type)) {
        const body = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
        ({ fields: form, files } = parseMultipart(body, type));
        formLists = Object.fromEntries(Object.entries(form).map(([key, value]) => [key, [value]]));
      } else ({ first: form, all: formLists } = parseFormLists(event));
      const posted = form._csrf ?? '';
      const valid =
        route.csrf === false ||
        (route.csrf === 'session'
          ? // Without a session cookie a `session` route has no session to act for (console routes
            // have redirected to sign-in above).
            !session || sameToken(posted, sessionCsrfToken(session))
          : cookieTokenLeft() !== undefined && sameToken(posted, cookieToken));
      if (!valid) {
        throw new HttpError(403, 'The form has expired. Go back, reload the page and try again.', [], {
          text: (language) => shellTexts(language).errors.formExpired,
        });
      }
    }
    const result = await route.run({
      event,
      identity,
      language: pickLanguage(event),
      get csrfToken() {
        return csrfToken();
      },
      form,
      formLists,
      files,
    });
    if (result.kind === 'redirect') {
      return {
        statusCode: 303,
        headers: { location: result.location },
        cookies: [...setCookies, ...(result.cookies ?? [])],
      };
    }
    if (result.kind === 'raw') {
      return {
        statusCode: result.status ?? 200,
        headers: {
          ...(result.contentType ? { 'content-type': result.contentType } : {}),
          'cache-control': 'no-store',
          ...result.headers,
        },
        cookies: setCookies,
        body: result.body,
      };
    }
    if (result.kind === 'file') {
      return {
        statusCode: 200,
        headers: {
          'content-type': result.contentType,
          'content-disposition': `${result.inline ? 'inline' : 'attachment'}; filename="${result.fileName.replace(/[^\w.-]/g, '_')}"`,
          'cache-control': 'no-store',
          ...result.headers,
        },
        cookies: [...setCookies, ...(result.cookies ?? [])],
        body: result.body.toString('base64'),
        isBase64Encoded: true,
      };
    }
    return htmlResponse(result.status ?? 200, render(result.body), result.headers, [
      ...setCookies,
      ...(result.cookies ?? []),
    ]);
  };

  const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics))
    .use(requestLogging())
    .use(securityHeaders({ 'content-security-policy': CSP }))
    .use(
      httpErrors((status, _message, _details, _requestId, event, error) => {
        const language = pickLanguage(event);
        return htmlResponse(status, render(renderError(status, errorPageText(error, language), language)));
      }),
    )
    .handler(dispatch);
  return Object.assign(handler, { routeKeys: Object.keys(routes) });
}
