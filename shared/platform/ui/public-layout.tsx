import type { ComponentChildren } from 'preact';
import type { Language } from '../texts/language.js';
import { shellTexts } from '../texts/shell.js';
import type { PageBrand } from './brand.js';
import { Document } from './document.js';

export interface PublicLayoutProps {
  language: Language;
  title: string;
  /** The municipality whose page this is: its logo and colour in the header and on buttons. */
  brand?: PageBrand;
  children?: ComponentChildren;
}

/**
 * The `<body>` attributes of a branded page: the colour as the `--brand` custom property, which
 * the stylesheet's `.branded` rules use for the header and buttons (always with white text, which
 * the colour was checked against).
 */
export const brandedBody = (brand: PageBrand | undefined) =>
  brand?.colour ? { class: 'branded', style: `--brand:${brand.colour}` } : {};

/** The municipality's logo (its name as the alternative text) or, without one, its name. */
export function BrandMark({ brand }: { brand: PageBrand }) {
  return brand.logoUrl ? (
    <img class="logo" src={brand.logoUrl} alt={brand.name} height={48} />
  ) : (
    <span class="product">{brand.name}</span>
  );
}

/**
 * The layout of every page a visitor without a session sees (start page, errors, and the
 * public pages the capabilities add): skip link, product header, main, footer.
 */
export function PublicLayout({ language, title, brand, children }: PublicLayoutProps) {
  const m = shellTexts(language);
  return (
    <Document language={language} title={title} body={brandedBody(brand)}>
      <a class="skip-link" href="#main">
        {m.skipToContent}
      </a>
      <header class="site-header">
        <div class="wrap">
          <div class="brand">
            {brand ? (
              <BrandMark brand={brand} />
            ) : (
              <a class="product" href="/">
                Samverkan
              </a>
            )}
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
