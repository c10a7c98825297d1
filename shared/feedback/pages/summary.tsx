import type { Language } from '../../platform/texts/language.js';
import type { PageBrand } from '../../platform/ui/brand.js';
import { pageTitle } from '../../platform/ui/document.js';
import { PublicLayout } from '../../platform/ui/public-layout.js';
import type { QuestionSummary } from '../analysis.js';
import { type Form, textIn } from '../form.js';
import { feedbackTexts } from '../texts.js';
import { feedbackStyles, QuestionResult } from './console.js';

export interface SummaryPageProps {
  /** The municipality's logo and colour on the page. */
  brand?: PageBrand;
  language: Language;
  form: Form;
  tenantName: string;
  answers: number;
  /** The questions staff chose, as charts with their tables. */
  questions: QuestionSummary[];
  /** The quotes staff marked, personal data already masked. */
  quotes: { label: string; text: string }[];
}

/** The public summary of a form that staff published: chosen questions as charts, chosen quotes, masked. */
export function SummaryPage(props: SummaryPageProps) {
  const { language, form } = props;
  const m = feedbackTexts(language);
  const title = textIn(form.title, language, form.language);
  return (
    <PublicLayout
      language={language}
      title={pageTitle(`${m.console.summary}: ${title}`, props.tenantName)}
      brand={props.brand}
    >
      <style dangerouslySetInnerHTML={{ __html: feedbackStyles }} />
      <p class="eyebrow">
        {m.console.summary} · {props.tenantName}
      </p>
      <h1>{title}</h1>
      <p>{m.console.answered(props.answers)}</p>
      {props.questions.map((q) => (
        <QuestionResult key={q.questionId} question={q} language={language} />
      ))}
      {props.quotes.length ? (
        <section aria-labelledby="quotes">
          <h2 id="quotes">{m.console.quoted}</h2>
          {props.quotes.map((q) => (
            <blockquote key={`${q.label}:${q.text}`} class="answer">
              <p class="hint">{q.label}</p>
              <p class="answer-text">{q.text}</p>
            </blockquote>
          ))}
        </section>
      ) : null}
    </PublicLayout>
  );
}
