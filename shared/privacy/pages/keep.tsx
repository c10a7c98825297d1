import type { Language } from '../../platform/texts/language.js';
import type { PageBrand } from '../../platform/ui/brand.js';
import { pageTitle } from '../../platform/ui/document.js';
import { PublicLayout } from '../../platform/ui/public-layout.js';
import { keepTexts } from '../keep-texts.js';

export type KeepState = 'confirm' | 'done' | 'invalid';

export interface KeepPageProps {
  brand?: PageBrand;
  language: Language;
  state: KeepState;
  tenantName?: string;
  /** Where the button posts (the same signed URL). */
  action?: string;
}

/**
 * The page behind the keep link of a retention notice. GET asks (mail scanners follow links and
 * must not keep anyone), the button POSTs and it is done.
 */
export function KeepPage({ language, state, tenantName = '', action, brand }: KeepPageProps) {
  const m = keepTexts(language).page;
  return (
    <PublicLayout
      language={language}
      title={pageTitle(state === 'invalid' ? m.invalid : m.title)}
      brand={brand}
    >
      <div class="panel">
        {state === 'invalid' ? (
          <>
            <h1>{m.invalid}</h1>
            <p>{m.invalidDetail}</p>
          </>
        ) : state === 'done' ? (
          <>
            <h1>{m.title}</h1>
            <p role="status">{m.done(tenantName)}</p>
          </>
        ) : (
          <>
            <h1>{m.title}</h1>
            <p>{m.question(tenantName)}</p>
            <form method="post" action={action}>
              <button type="submit" class="button">
                {m.keep}
              </button>
            </form>
          </>
        )}
      </div>
    </PublicLayout>
  );
}
