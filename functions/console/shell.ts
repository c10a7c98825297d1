import { h } from 'preact';
import { insightTexts } from '../../shared/insight/texts.js';
import { notFound } from '../../shared/platform/http/errors.js';
import {
  type Markup,
  type PageRequest,
  type PageResult,
  pickLanguage,
} from '../../shared/platform/http/html-pages.js';
import type { StaffIdentity } from '../../shared/platform/identity/staff.js';
import { getTenant, type Tenant } from '../../shared/platform/tenants/store.js';
import type { Language } from '../../shared/platform/texts/language.js';
import { shellTexts } from '../../shared/platform/texts/shell.js';
import { isKnownTimeZone } from '../../shared/platform/texts/wall-clock.js';
import { ConsoleShell, type NavItem } from '../../shared/platform/ui/console-shell.js';
import { pressTexts } from '../../shared/press/texts.js';
import { privacyTexts } from '../../shared/privacy/texts.js';

/*
 * What every console page of every capability stands on: the menu, who is signed in (with their
 * tenant, language and clock), and the shell around a page's body.
 */

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
    { href: '/console/insight', label: insightTexts(language).nav },
    { href: '/console/mailings', label: m.nav.mailings },
    { href: '/console/press', label: pressTexts(language).nav },
    { href: '/console/privacy', label: privacyTexts(language).nav },
    { href: '/console/settings', label: m.nav.settings },
  ].map((item) => ({
    ...item,
    active:
      item.href === currentPath || (item.href !== '/console' && currentPath.startsWith(`${item.href}/`)),
  }));
}

/** The signed-in staff member, their tenant, the page's language and the tenant's clock. */
export interface SignedIn {
  identity: StaffIdentity;
  tenant: Tenant;
  language: Language;
  timeZone: string;
  /** Viewers read; editors and admins write. */
  canEdit: boolean;
}

/** Console routes always have an identity (the page stack redirects to sign-in without one). */
export async function signedIn(request: PageRequest): Promise<SignedIn> {
  const identity = request.identity;
  if (!identity) throw new Error('console route without identity');
  const tenant = await getTenant(identity.tenantId);
  if (!tenant) throw notFound();
  return {
    identity,
    tenant,
    // The staffer's choice (cookie), then the browser's, then the tenant's language.
    language: pickLanguage(request.event, tenant.language),
    timeZone: isKnownTimeZone(tenant.timeZone) ? tenant.timeZone : 'UTC',
    canEdit: identity.role !== 'viewer',
  };
}

/** A page's body in the console's shell (menu, account, language switch). */
export function inConsole(
  request: PageRequest,
  who: Pick<SignedIn, 'identity' | 'tenant' | 'language'>,
  title: string,
  body: Markup,
  status = 200,
): PageResult {
  const { event } = request;
  return {
    kind: 'page',
    status,
    body: h(
      ConsoleShell,
      {
        language: who.language,
        title,
        tenantName: who.tenant.name,
        staff: who.identity,
        csrfToken: request.csrfToken,
        currentPath: event.rawPath + (event.rawQueryString ? `?${event.rawQueryString}` : ''),
        nav: consoleNav(who.language, event.rawPath),
      },
      body,
    ),
  };
}
