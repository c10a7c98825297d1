import type { Language } from '../../platform/texts/language.js';
import type { PageBrand } from '../../platform/ui/brand.js';
import { LinkActionPage, type LinkActionState } from '../../platform/ui/link-action-page.js';
import { mailPageTexts } from '../texts/pages.js';

export type UnsubscribeState = LinkActionState;

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
    <LinkActionPage
      language={language}
      brand={brand}
      state={state}
      action={action}
      texts={{
        title: m.title,
        invalid: m.invalid,
        invalidDetail: m.invalidDetail,
        question: m.question(tenantName),
        button: m.confirm,
        done: m.done(tenantName),
        doneDetail: m.doneDetail,
      }}
    />
  );
}
