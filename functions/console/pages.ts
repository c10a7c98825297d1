import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { h } from 'preact';
import * as z from 'zod';
import { DashboardPage } from '../../shared/activity/pages/dashboard.js';
import { dashboardCounters, recentActivity } from '../../shared/activity/store.js';
import { dashboardTexts } from '../../shared/activity/texts.js';
import { feedbackTexts, jurisdictionOf } from '../../shared/feedback/texts.js';
import { overviewHref } from '../../shared/insight/pages/overview.js';
import { insightTexts } from '../../shared/insight/texts.js';
import { HttpError, notFound } from '../../shared/platform/http/errors.js';
import {
  consolePage,
  cookie,
  htmlPages,
  LANGUAGE_COOKIE,
  type PageRequest,
  pickLanguage,
  publicPage,
} from '../../shared/platform/http/html-pages.js';
import { header, idParam, validate } from '../../shared/platform/http/request.js';
import type { StaffIdentity } from '../../shared/platform/identity/staff.js';
import { checkLogo } from '../../shared/platform/tenants/logo.js';
import {
  BRAND_MIN_CONTRAST,
  contrastRatio,
  tenantSettingsSchema,
} from '../../shared/platform/tenants/settings.js';
import {
  getLogo,
  getTenant,
  removeLogo,
  setLogo,
  type Tenant,
  updateTenantSettings,
} from '../../shared/platform/tenants/store.js';
import { issueOf, issueText } from '../../shared/platform/texts/issues.js';
import { type Language, languageSchema, languages } from '../../shared/platform/texts/language.js';
import { settingsTexts } from '../../shared/platform/texts/settings.js';
import { shellTexts } from '../../shared/platform/texts/shell.js';
import { isKnownTimeZone } from '../../shared/platform/texts/wall-clock.js';
import { pageBrand } from '../../shared/platform/ui/brand.js';
import { ConsoleShell } from '../../shared/platform/ui/console-shell.js';
import { ErrorPage } from '../../shared/platform/ui/error-page.js';
import { LandingPage } from '../../shared/platform/ui/landing.js';
import { liveRefreshScript } from '../../shared/platform/ui/live-refresh.js';
import { noticeField, SettingsPage, settingsValues } from '../../shared/platform/ui/settings-page.js';
import { programmePath } from '../../shared/press/feeds.js';
import { PrivacyDueSoon, requestsDueSoon, todayIn } from '../../shared/privacy/index.js';
import { ProgrammePage } from '../../shared/programmes/pages/programme.js';
import { listOutcomes } from '../../shared/programmes/store/outcomes.js';
import { getProgramme, listProgrammes } from '../../shared/programmes/store.js';
import { dashboardSections } from './dashboard.js';
import { consoleNav, inConsole, signedIn as signedInWithTenant } from './shell.js';

const ONE_YEAR = 60 * 60 * 24 * 365;

/**
 * Where the language switch may send the browser back to: a path on this site, nothing else
 * (no scheme, no `//host`, no backslash tricks, no control characters). Else the dashboard.
 */
export function localReturnPath(value: string | undefined): string {
  return value && /^\/(?![/\\])[\w\-./?=&%~+:@,;]*$/.test(value) ? value : '/console';
}

const currentPath = (event: APIGatewayProxyEventV2) =>
  event.rawPath + (event.rawQueryString ? `?${event.rawQueryString}` : '');

/** Console routes always have an identity (the page stack redirects to sign-in without one). */
function signedIn(request: PageRequest): StaffIdentity {
  if (!request.identity) throw new Error('console route without identity');
  return request.identity;
}

const languageForm = z.object({ language: languageSchema });

/** What a respondent reads when the tenant has not written its own notice, per language. */
function standardNotice(tenant: Tenant) {
  return Object.fromEntries(
    languages.map((l) => [
      l,
      feedbackTexts(l).privacy.attributed[jurisdictionOf(tenant.language)](tenant.name),
    ]),
  ) as Record<(typeof languages)[number], string>;
}

/** The colour field's message in the reader's language: not a colour, or too light (with its ratio). */
function colourMessage(value: string, language: Language): string {
  const m = settingsTexts(language);
  const hex = value.trim().toLowerCase();
  if (!/^#[0-9a-f]{6}$/.test(hex)) return m.colourInvalid;
  const ratio = contrastRatio(hex, '#ffffff');
  if (ratio >= BRAND_MIN_CONTRAST) return m.colourInvalid;
  // Rounded down, so a 4.46 never reads as the 4.5 that was asked for.
  const shown = (Math.floor(ratio * 10) / 10).toFixed(1);
  return m.colourTooLight(language === 'en' ? shown : shown.replace('.', ','));
}

function settingsPage(
  request: PageRequest,
  who: Awaited<ReturnType<typeof signedInWithTenant>>,
  values: Record<string, string>,
  errors: Record<string, string>,
  saved: boolean,
) {
  return inConsole(
    request,
    who,
    settingsTexts(who.language).title,
    h(SettingsPage, {
      language: who.language,
      values,
      errors,
      standardNotice: standardNotice(who.tenant),
      tenantName: who.tenant.name,
      logoUrl: pageBrand(who.tenant).logoUrl,
      canEdit: who.identity.role === 'admin',
      saved,
      csrfToken: request.csrfToken,
    }),
    Object.keys(errors).length ? 422 : 200,
  );
}

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
      // Only admins handle personal-data requests, so only they are reminded of them.
      const dueSoon =
        identity.role === 'admin' ? await requestsDueSoon(identity.tenantId, todayIn(tenant.timeZone)) : [];
      // The staffer's choice (cookie), then the browser's, then the tenant's language.
      const language = pickLanguage(request.event, tenant.language);
      const { sections, programmeFigures } = await dashboardSections({
        tenantId: identity.tenantId,
        language,
        timeZone: isKnownTimeZone(tenant.timeZone) ? tenant.timeZone : 'UTC',
        programmes,
        canEdit: identity.role !== 'viewer',
      });
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
          h(DashboardPage, {
            language,
            tenant,
            counters,
            activity,
            programmes,
            sections,
            programmeFigures,
            csrfToken: request.csrfToken,
            reminders: h(PrivacyDueSoon, { language, dueSoon }),
          }),
        ),
      };
    }),

    'GET /console/programmes/{programmeId}': consolePage(async (request) => {
      const identity = signedIn(request);
      const id = idParam.safeParse(request.event.pathParameters?.programmeId);
      if (!id.success) throw notFound();
      // Read with the signed-in tenant: another tenant's programme id is simply not found.
      const [tenant, programme, outcomes] = await Promise.all([
        getTenant(identity.tenantId),
        getProgramme(identity.tenantId, id.data),
        listOutcomes(identity.tenantId, id.data),
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
          h(ProgrammePage, {
            language,
            programme,
            timeZone: tenant.timeZone,
            outcomes: {
              items: outcomes,
              canEdit: identity.role !== 'viewer',
              csrfToken: request.csrfToken,
              publicHref: programmePath(tenant.tenantId, programme.programmeId),
            },
            related: [
              { href: overviewHref(programme.programmeId), label: insightTexts(language).linkFromProgramme },
            ],
          }),
        ),
      };
    }),

    'GET /console/live.js': consolePage(async () => ({
      kind: 'file',
      contentType: 'text/javascript; charset=utf-8',
      fileName: 'live.js',
      body: Buffer.from(liveRefreshScript),
    })),

    'GET /console/settings': consolePage(async (request) => {
      const who = await signedInWithTenant(request);
      const saved = request.event.queryStringParameters?.saved === '1';
      return settingsPage(request, who, settingsValues(who.tenant.settings), {}, saved);
    }),

    'POST /console/settings': consolePage(async (request) => {
      const who = await signedInWithTenant(request);
      if (who.identity.role !== 'admin') throw new HttpError(403, 'Only administrators change settings');
      const input = {
        publicRecordsNotice: Object.fromEntries(
          languages.map((l) => [l, request.form[noticeField(l)] ?? '']),
        ),
        // A checkbox: absent from the post when unticked.
        mailTracking: request.form.mailTracking === 'on',
        ...(request.form.brandColour?.trim() ? { brandColour: request.form.brandColour } : {}),
      };
      const parsed = tenantSettingsSchema.safeParse(input);
      if (!parsed.success) {
        const errors: Record<string, string> = {};
        for (const zodIssue of parsed.error.issues) {
          const field = zodIssue.path.map(String).join('.');
          errors[field] ??=
            field === 'brandColour'
              ? colourMessage(input.brandColour ?? '', who.language)
              : issueText(issueOf(zodIssue, input), who.language);
        }
        return settingsPage(request, who, request.form, errors, false);
      }
      // Only this form's sections: archive and retention (the privacy page) and the logo stay as
      // they are in the table, whatever this admin's page showed.
      await updateTenantSettings(
        who.tenant,
        {
          publicRecordsNotice: parsed.data.publicRecordsNotice,
          mailTracking: parsed.data.mailTracking,
          brandColour: parsed.data.brandColour,
        },
        who.identity.staffId,
      );
      return { kind: 'redirect', location: '/console/settings?saved=1' };
    }),

    /** The logo (multipart): checked by its bytes, stored with its reference in one transaction. */
    'POST /console/settings/logo': consolePage(async (request) => {
      const who = await signedInWithTenant(request);
      if (who.identity.role !== 'admin') throw new HttpError(403, 'Only administrators change settings');
      const file = request.files?.logo;
      const checked = checkLogo(file?.bytes);
      if ('problem' in checked || !file) {
        const problem = 'problem' in checked ? checked.problem : 'missing';
        const errors = { logo: settingsTexts(who.language).logoErrors[problem] };
        return settingsPage(request, who, settingsValues(who.tenant.settings), errors, false);
      }
      await setLogo(who.tenant, checked, file.bytes, who.identity.staffId);
      return { kind: 'redirect', location: '/console/settings?saved=1' };
    }),

    'POST /console/settings/logo/delete': consolePage(async (request) => {
      const who = await signedInWithTenant(request);
      if (who.identity.role !== 'admin') throw new HttpError(403, 'Only administrators change settings');
      await removeLogo(who.tenant, who.identity.staffId);
      return { kind: 'redirect', location: '/console/settings?saved=1' };
    }),

    /**
     * The municipality's logo, for its public pages (same origin). Each version has its own URL
     * (`?v=`), so that URL may be cached for good; without it, briefly. An unknown tenant, one
     * without a logo and a tenant id that is not one all answer the same 404.
     */
    'GET /brand/{tenantId}/logo': publicPage(async ({ event }) => {
      const id = idParam.safeParse(event.pathParameters?.tenantId);
      const logo = id.success ? await getLogo(id.data) : undefined;
      if (!logo) throw notFound();
      const etag = `"${logo.version}"`;
      const cacheControl =
        event.queryStringParameters?.v === logo.version
          ? 'public, max-age=31536000, immutable'
          : 'public, max-age=300';
      if (header(event, 'if-none-match') === etag)
        return { kind: 'raw', status: 304, body: '', headers: { etag, 'cache-control': cacheControl } };
      return {
        kind: 'file',
        inline: true,
        contentType: logo.contentType,
        fileName: logo.contentType === 'image/png' ? 'logo.png' : 'logo.jpg',
        body: logo.data,
        headers: { etag, 'cache-control': cacheControl },
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
