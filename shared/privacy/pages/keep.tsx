import type { Language } from '../../platform/texts/language.js';
import type { PageBrand } from '../../platform/ui/brand.js';
import { LinkActionPage, type LinkActionState } from '../../platform/ui/link-action-page.js';
import { keepTexts } from '../keep-texts.js';

export type KeepState = LinkActionState;

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
        button: m.keep,
        done: m.done(tenantName),
      }}
    />
  );
}
