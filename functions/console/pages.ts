import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { h } from 'preact';
import { z } from 'zod';
import { DashboardPage } from '../../shared/activity/pages/dashboard.js';
import { dashboardCounters, recentActivity } from '../../shared/activity/store.js';
import { dashboardTexts } from '../../shared/activity/texts.js';
import { notFound } from '../../shared/platform/http/errors.js';
import {
  consolePage,
  cookie,
  htmlPages,
  LANGUAGE_COOKIE,
  type PageRequest,
  pickLanguage,
  publicPage,
} from '../../shared/platform/http/html-pages.js';
import { idParam, validate } from '../../shared/platform/http/request.js';
import type { StaffIdentity } from '../../shared/platform/identity/staff.js';
import { getTenant } from '../../shared/platform/tenants/store.js';
import { type Language, languageSchema } from '../../shared/platform/texts/language.js';
import { shellTexts } from '../../shared/platform/texts/shell.js';
import { ConsoleShell, type NavItem } from '../../shared/platform/ui/console-shell.js';
import { ErrorPage } from '../../shared/platform/ui/error-page.js';
import { LandingPage } from '../../shared/platform/ui/landing.js';
import { ProgrammePage } from '../../shared/programmes/pages/programme.js';
import { getProgramme, listProgrammes } from '../../shared/programmes/store.js';

const ONE_YEAR = 60 * 60 * 24 * 365;

/**
 * Where the language switch may send the browser back to: a path on this site, nothing else
 * (no scheme, no `//host`, no backslash tricks, no control characters). Else the dashboard.
 */
export function localReturnPath(value: string | undefined): string {
  return value && /^\/(?![/\\])[\w\-./?=&%~+:@,;]*$/.test(value) ? value : '/console';
}

/**
 * The console's menu; capabilities add their entries here. An entry is current on its own page
 * and on the pages under it (`/console/organisations/<id>` under Organisations).
 */
export function consoleNav(language: Language, currentPath: string): NavItem[] {
  const m = shellTexts(language);
  return [
    { href: '/console', label: m.nav.overview },
    { href: '/console/organisations', label: m.nav.organisations },
    { href: '/console/contacts', label: m.nav.contacts },
    { href: '/console/imports', label: m.nav.import },
    { href: '/console/events', label: m.nav.events },
    { href: '/console/forms', label: m.nav.feedback },
  ].map((item) => ({
    ...item,
    active:
      item.href === currentPath || (item.href !== '/console' && currentPath.startsWith(`${item.href}/`)),
  }));
}

const currentPath = (event: APIGatewayProxyEventV2) =>
  event.rawPath + (event.rawQueryString ? `?${event.rawQueryString}` : '');

/** Console routes always have an identity (the page stack redirects to sign-in without one). */
function signedIn(request: PageRequest): StaffIdentity {
  if (!request.identity) throw new Error('console route without identity');
  return request.identity;
}

const languageForm = z.object({ language: languageSchema });

export const handler = htmlPages(
  {
    'GET /': publicPage(async ({ language }) => ({ kind: 'page', body: h(LandingPage, { language }) })),

    'GET /console': consolePage(async (request) => {
      const identity = signedIn(request);
      const [tenant, counters, activity, programmes] = await Promise.all([
        getTenant(identity.tenantId),
        dashboardCounters(identity.tenantId),
        recentActivity(identity.tenantId),
        listProgrammes(identity.tenantId),
      ]);
      if (!tenant) throw notFound();
      // The staffer's choice (cookie), then the browser's, then the tenant's language.
      const language = pickLanguage(request.event, tenant.language);
      const path = currentPath(request.event);
      return {
        kind: 'page',
        body: h(
          ConsoleShell,
          {
            language,
            title: dashboardTexts(language).title,
            tenantName: tenant.name,
            staff: identity,
            csrfToken: request.csrfToken,
            currentPath: path,
            nav: consoleNav(language, request.event.rawPath),
          },
          h(DashboardPage, { language, tenant, counters, activity, programmes }),
        ),
      };
    }),

    'GET /console/programmes/{programmeId}': consolePage(async (request) => {
      const identity = signedIn(request);
      const id = idParam.safeParse(request.event.pathParameters?.programmeId);
      if (!id.success) throw notFound();
      // Read with the signed-in tenant: another tenant's programme id is simply not found.
      const [tenant, programme] = await Promise.all([
        getTenant(identity.tenantId),
        getProgramme(identity.tenantId, id.data),
      ]);
      if (!tenant || !programme) throw notFound();
      const language = pickLanguage(request.event, tenant.language);
      return {
        kind: 'page',
        body: h(
          ConsoleShell,
          {
            language,
            title: programme.name,
            tenantName: tenant.name,
            staff: identity,
            csrfToken: request.csrfToken,
            currentPath: currentPath(request.event),
            nav: consoleNav(language, request.event.rawPath),
          },
          h(ProgrammePage, { language, programme, timeZone: tenant.timeZone }),
        ),
      };
    }),

    'POST /console/language': consolePage(async ({ form }) => {
      const { language } = validate('body', languageForm, form, (l) => ({
        language: shellTexts(l).languageSwitch.label,
      }));
      return {
        kind: 'redirect',
        location: localReturnPath(form.returnTo),
        cookies: [cookie(LANGUAGE_COOKIE, language, ONE_YEAR, false)],
      };
    }),
  },
  (status, message, language) => h(ErrorPage, { status, message, language }),
);
