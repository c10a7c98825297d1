import type { ComponentChildren } from 'preact';
import type { StaffIdentity } from '../identity/staff.js';
import { type Language, languages } from '../texts/language.js';
import { languageEndonyms, shellTexts } from '../texts/shell.js';
import { Document, pageTitle } from './document.js';
import { MainAndFooter } from './public-layout.js';

export interface NavItem {
  href: string;
  label: string;
  /** The page being shown: marked `aria-current="page"`. */
  active?: boolean;
}

export interface ConsoleShellProps {
  language: Language;
  /** The page's own title; the product name is appended. */
  title: string;
  tenantName: string;
  staff: Pick<StaffIdentity, 'name' | 'role'>;
  /** Goes into both forms (language switch and sign-out). */
  csrfToken: string;
  /** Path (and query) of this page: where the language switch comes back to. */
  currentPath: string;
  nav: NavItem[];
  children?: ComponentChildren;
}

/** The signed-in layout: skip link, header (tenant, staff, language, sign-out), menu, main, footer. */
export function ConsoleShell(props: ConsoleShellProps) {
  const { language, title, tenantName, staff, csrfToken, currentPath, nav, children } = props;
  const m = shellTexts(language);
  return (
    <Document language={language} title={pageTitle(title, tenantName)}>
      <a class="skip-link" href="#main">
        {m.skipToContent}
      </a>
      <header class="site-header">
        <div class="wrap">
          <div class="brand">
            <a class="product" href="/console">
              Samverkan
            </a>
            <span class="tenant">{tenantName}</span>
          </div>
          <div class="account">
            <p class="who">
              {m.account.signedInAs} <strong>{staff.name}</strong>
              <span aria-hidden="true"> · </span>
              <span class="visually-hidden">, {m.account.role}: </span>
              {m.account.roles[staff.role]}
            </p>
            <form class="inline-form" method="post" action="/console/language">
              <input type="hidden" name="_csrf" value={csrfToken} />
              <input type="hidden" name="returnTo" value={currentPath} />
              <label for="language-select">{m.languageSwitch.label}</label>
              <select id="language-select" name="language">
                {languages.map((code) => (
                  <option key={code} value={code} lang={code} selected={code === language}>
                    {languageEndonyms[code]}
                  </option>
                ))}
              </select>
              <button type="submit">{m.languageSwitch.submit}</button>
            </form>
            <form class="inline-form" method="post" action="/auth/sign-out">
              <input type="hidden" name="_csrf" value={csrfToken} />
              <button type="submit">{m.account.signOut}</button>
            </form>
          </div>
        </div>
      </header>
      <nav class="site-nav" aria-label={m.nav.label}>
        <div class="wrap">
          <ul>
            {nav.map((item) => (
              <li key={item.href}>
                <a href={item.href} aria-current={item.active ? 'page' : undefined}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </nav>
      <MainAndFooter language={language}>{children}</MainAndFooter>
    </Document>
  );
}
