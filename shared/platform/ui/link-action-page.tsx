import type { Language } from '../texts/language.js';
import type { PageBrand } from './brand.js';
import { pageTitle } from './document.js';
import { PublicLayout } from './public-layout.js';

export type LinkActionState = 'confirm' | 'done' | 'invalid';

/** The words of a page behind a signed link in a mail (unsubscribe, keep my details). */
export interface LinkActionTexts {
  title: string;
  invalid: string;
  invalidDetail: string;
  question: string;
  button: string;
  done: string;
  doneDetail?: string;
}

/**
 * A page behind a signed link that does one thing: GET asks (mail scanners follow links and must
 * not act), its button POSTs to the same URL, and the page says it is done; a bad link says so.
 */
export function LinkActionPage(props: {
  language: Language;
  brand?: PageBrand;
  state: LinkActionState;
  texts: LinkActionTexts;
  /** Where the button posts (the same signed URL). */
  action?: string;
}) {
  const { language, brand, state, texts: m, action } = props;
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
            <p role="status">{m.done}</p>
            {m.doneDetail ? <p>{m.doneDetail}</p> : null}
          </>
        ) : (
          <>
            <h1>{m.title}</h1>
            <p>{m.question}</p>
            <form method="post" action={action}>
              <button type="submit" class="button">
                {m.button}
              </button>
            </form>
          </>
        )}
      </div>
    </PublicLayout>
  );
}
