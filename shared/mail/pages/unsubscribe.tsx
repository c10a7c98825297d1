import type { Language } from '../../platform/texts/language.js';
import type { PageBrand } from '../../platform/ui/brand.js';
import { pageTitle } from '../../platform/ui/document.js';
import { PublicLayout } from '../../platform/ui/public-layout.js';
import { mailPageTexts } from '../texts/pages.js';

export type UnsubscribeState = 'confirm' | 'done' | 'invalid';

export interface UnsubscribePageProps {
  /** The municipality's logo and colour on the page. */
  brand?: PageBrand;
  language: Language;
  state: UnsubscribeState;
  tenantName?: string;
  /** Where the confirm form posts (the same signed URL). */
  action?: string;
}

/** The page behind the unsubscribe link in every bulk mail: ask, then confirm it is done. */
export function UnsubscribePage({ language, state, tenantName = '', action, brand }: UnsubscribePageProps) {
  const m = mailPageTexts(language).unsubscribe;
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
            <p>{m.doneDetail}</p>
          </>
        ) : (
          <>
            <h1>{m.title}</h1>
            <p>{m.question(tenantName)}</p>
            <form method="post" action={action}>
              <button type="submit" class="button">
                {m.confirm}
              </button>
            </form>
          </>
        )}
      </div>
    </PublicLayout>
  );
}
