import type { ComponentChildren } from 'preact';
import type { Language } from '../texts/language.js';
import { shellTexts } from '../texts/shell.js';
import { Document } from './document.js';

export interface PublicLayoutProps {
  language: Language;
  title: string;
  children?: ComponentChildren;
}

/**
 * The layout of every page a visitor without a session sees (start page, errors, and the
 * public pages the capabilities add): skip link, product header, main, footer.
 */
export function PublicLayout({ language, title, children }: PublicLayoutProps) {
  const m = shellTexts(language);
  return (
    <Document language={language} title={title}>
      <a class="skip-link" href="#main">
        {m.skipToContent}
      </a>
      <header class="site-header">
        <div class="wrap">
          <div class="brand">
            <a class="product" href="/">
              Samverkan
            </a>
          </div>
        </div>
      </header>
      <MainAndFooter language={language}>{children}</MainAndFooter>
    </Document>
  );
}

/** The main landmark (the skip link's target) and the footer: every page, signed in or not. */
export function MainAndFooter({ language, children }: { language: Language; children?: ComponentChildren }) {
  return (
    <>
      <main id="main" tabindex={-1}>
        <div class="wrap">{children}</div>
      </main>
      <footer class="site-footer">
        <div class="wrap">
          <p>{shellTexts(language).footer}</p>
        </div>
      </footer>
    </>
  );
}
