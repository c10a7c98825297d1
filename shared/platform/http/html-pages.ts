import { randomBytes, timingSafeEqual } from 'node:crypto';
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
  /** The CSRF token to put in every form this page renders (`<input name="_csrf">`). */
  csrfToken: string;
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
  | { kind: 'file'; contentType: string; fileName: string; body: Buffer; cookies?: string[] };

export type PageHandler = (request: PageRequest) => Promise<PageResult>;

export interface PageRoute {
  console: boolean;
  /** Off only where a signed token in the URL is the credential (RFC 8058 one-click POSTs). */
  csrf: boolean;
  run: PageHandler;
}

export const consolePage = (run: PageHandler): PageRoute => ({ console: true, csrf: true, run });
export const publicPage = (run: PageHandler): PageRoute => ({ console: false, csrf: true, run });
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
 * value), console routes need a valid session cookie, every POST needs the CSRF token
 * (double-submit: the form field must equal the cookie), errors render as a plain page.
 * `renderError` gets the error's message already in the page's language (`errorPageText`:
 * translated texts and validation issues; empty when there is nothing translated to add).
 */
export function htmlPages(
  routes: Record<string, PageRoute>,
  renderError: (status: number, message: string, language: Language) => Markup,
): HtmlPagesHandler {
  const dispatch = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const route = routes[event.routeKey];
    if (!route) throw new HttpError(404, 'Not found');
    const jar = cookies(event);
    const setCookies: string[] = [];
    let csrfToken = jar[CSRF_COOKIE] ?? '';
    if (!/^[A-Za-z0-9_-]{32,}$/.test(csrfToken)) {
      csrfToken = randomBytes(24).toString('base64url');
      setCookies.push(cookie(CSRF_COOKIE, csrfToken, 60 * 60 * 12));
    }
    let identity: StaffIdentity | undefined;
    if (route.console) {
      const token = jar[SESSION_COOKIE];
      identity = token ? await verifyIdToken(token) : undefined;
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
      if (route.csrf && (!jar[CSRF_COOKIE] || !form._csrf || !sameToken(form._csrf, jar[CSRF_COOKIE]))) {
        throw new HttpError(403, 'The form has expired. Go back, reload the page and try again.', [], {
          text: (language) => shellTexts(language).errors.formExpired,
        });
      }
    }
    const result = await route.run({
      event,
      identity,
      language: pickLanguage(event),
      csrfToken,
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
    if (result.kind === 'file') {
      return {
        statusCode: 200,
        headers: {
          'content-type': result.contentType,
          'content-disposition': `attachment; filename="${result.fileName.replace(/[^\w.-]/g, '_')}"`,
          'cache-control': 'no-store',
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
