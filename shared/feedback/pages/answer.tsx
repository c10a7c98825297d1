import type { Language } from '../../platform/texts/language.js';
import type { PageBrand } from '../../platform/ui/brand.js';
import { pageTitle } from '../../platform/ui/document.js';
import { PublicLayout } from '../../platform/ui/public-layout.js';
import { type Answers, type Form, type Question, type ThemeRef, textIn, textLimits } from '../form.js';
import { feedbackTexts, type Jurisdiction } from '../texts.js';

export type AnswerBanner = 'thanks' | 'updated' | 'closed' | 'answered-already' | 'too-fast';

export interface AnswerPageProps {
  /** The municipality's logo and colour on the page. */
  brand?: PageBrand;
  language: Language;
  form: Form;
  /** The questions of the version answered (an attributed answer keeps its own). */
  questions: Question[];
  themes: ThemeRef[];
  tenantName: string;
  jurisdiction: Jurisdiction;
  /** The municipality's own public-records notice in the reader's language, if it wrote one. */
  publicRecordsNotice?: string;
  /** Attributed (the signed link of one contact) or anonymous (the public link). */
  mode: 'attributed' | 'anonymous';
  action: string;
  csrfToken: string;
  /** The answer as stored (attributed, to edit it) or as posted (after a refusal). */
  values?: Answers | Record<string, unknown>;
  /** Question id → message after a refused submission. */
  errors?: Record<string, string>;
  banner?: AnswerBanner;
  open: boolean;
  /** Whether the contact's answer exists (the button then saves a change). */
  editing?: boolean;
  /** The revision of the answer shown (0: none yet): a post that names another is not an edit of it. */
  revision?: number;
  /** Whether the box "tell me what comes of this" is ticked (attributed answers only). */
  hearBack?: boolean;
}

/** The form behind a feedback link, in the respondent's language, with what happens with the answer. */
export function AnswerPage(props: AnswerPageProps) {
  const { language, form, errors = {} } = props;
  const m = feedbackTexts(language);
  const t = (text: Partial<Record<Language, string>>) => textIn(text, language, form.language);
  const themeTitle = new Map(props.themes.map((th) => [th.id, th.title]));
  const banners: Record<AnswerBanner, { text: string; kind: 'ok' | 'error' }> = {
    thanks: { text: m.page.thanks, kind: 'ok' },
    updated: { text: m.page.updated, kind: 'ok' },
    closed: { text: m.page.closed, kind: 'error' },
    'answered-already': { text: m.page.answeredAlready, kind: 'error' },
    'too-fast': { text: m.page.tooFast, kind: 'error' },
  };
  const banner = props.banner ? banners[props.banner] : undefined;
  const errorCount = Object.keys(errors).length;
  return (
    <PublicLayout language={language} title={pageTitle(t(form.title), props.tenantName)} brand={props.brand}>
      <article class="feedback">
        <p class="eyebrow">{props.tenantName}</p>
        <h1>{t(form.title)}</h1>
        {form.intro ? <p class="prose">{t(form.intro)}</p> : null}
        {banner ? (
          <div class={banner.kind === 'ok' ? 'notice' : 'notice notice-error'} role="status">
            <p>{banner.text}</p>
          </div>
        ) : null}
        <section class="panel" aria-labelledby="privacy-heading">
          <h2 id="privacy-heading">{m.privacy.heading}</h2>
          {props.mode === 'attributed' ? (
            <>
              {(props.publicRecordsNotice ?? m.privacy.attributed[props.jurisdiction](props.tenantName))
                .split(/\r?\n\s*\r?\n/)
                .map((paragraph) => (
                  <p key={paragraph}>{paragraph}</p>
                ))}
              {form.anonymousLink ? <p>{m.privacy.anonymousPossible}</p> : null}
            </>
          ) : (
            <p>{m.privacy.anonymous}</p>
          )}
        </section>
        {props.open ? (
          <form method="post" action={props.action} class="panel" novalidate>
            <input type="hidden" name="_csrf" value={props.csrfToken} />
            {props.mode === 'attributed' ? (
              <input type="hidden" name="_revision" value={String(props.revision ?? 0)} />
            ) : null}
            {errorCount > 0 ? (
              <div class="notice notice-error" role="alert">
                <p>{m.page.errorSummary}</p>
                <ul>
                  {props.questions
                    .filter((q) => errors[q.id])
                    .map((q) => (
                      <li key={q.id}>
                        <a href={`#q-${q.id}`}>{t(q.label)}</a>: {errors[q.id]}
                      </li>
                    ))}
                </ul>
              </div>
            ) : null}
            {props.questions.map((q) => (
              <QuestionField
                key={q.id}
                question={q}
                language={language}
                formLanguage={form.language}
                themeTitle={themeTitle}
                value={props.values?.[q.id]}
                error={errors[q.id]}
              />
            ))}
            {props.mode === 'attributed' ? (
              <div class="question">
                <label class="choice">
                  <input
                    type="checkbox"
                    name="_hearBack"
                    value="yes"
                    checked={props.hearBack}
                    aria-describedby="hear-back-hint"
                  />{' '}
                  {m.page.hearBack}
                </label>
                <span class="hint" id="hear-back-hint">
                  {m.page.hearBackHint}
                </span>
              </div>
            ) : null}
            <p>
              <button type="submit" class="button">
                {props.editing ? m.page.update : m.page.submit}
              </button>
            </p>
          </form>
        ) : (
          <div class="panel">
            <p>
              <strong>{m.page.closed}</strong>
            </p>
          </div>
        )}
      </article>
    </PublicLayout>
  );
}

function QuestionField(props: {
  question: Question;
  language: Language;
  formLanguage: Language;
  themeTitle: Map<string, string>;
  value: unknown;
  error?: string;
}) {
  const { question: q, language, error } = props;
  const m = feedbackTexts(language);
  const t = (text: Partial<Record<Language, string>>) => textIn(text, language, props.formLanguage);
  const id = `q-${q.id}`;
  const describedBy =
    [q.help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const invalid = error ? ({ 'aria-invalid': 'true' } as const) : {};
  const theme = q.themeId ? props.themeTitle.get(q.themeId) : undefined;
  const legend = (
    <>
      {t(q.label)} <span class="hint">({q.required ? m.page.required : m.page.optional})</span>
    </>
  );
  const help = q.help ? (
    <span class="hint" id={`${id}-help`}>
      {t(q.help)}
    </span>
  ) : null;
  const errorText = error ? (
    <p class="field-error" id={`${id}-error`}>
      {error}
    </p>
  ) : null;
  const eyebrow = theme ? <span class="eyebrow">{theme}</span> : null;
  const asList = Array.isArray(props.value) ? (props.value as unknown[]).map(String) : [];
  const asString =
    typeof props.value === 'string' || typeof props.value === 'number' ? String(props.value) : '';

  if (q.type === 'short-text' || q.type === 'long-text') {
    const max = textLimits[q.type];
    return (
      <p id={id} class="question">
        {eyebrow}
        <label for={`${id}-input`}>{legend}</label>
        {help}
        {q.type === 'short-text' ? (
          <input
            id={`${id}-input`}
            name={q.id}
            type="text"
            maxlength={max}
            value={asString}
            aria-describedby={describedBy}
            {...invalid}
          />
        ) : (
          <textarea
            id={`${id}-input`}
            name={q.id}
            rows={5}
            maxlength={max}
            aria-describedby={describedBy}
            {...invalid}
          >
            {asString}
          </textarea>
        )}
        {errorText}
      </p>
    );
  }

  const options: { value: string; label: string }[] =
    q.type === 'rating'
      ? Array.from({ length: q.scale }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }))
      : q.type === 'single' || q.type === 'multiple'
        ? q.options.map((o) => ({ value: o.id, label: t(o.label) }))
        : [];

  if (q.type === 'ranking') {
    const themes = q.themeIds ?? [];
    const places = q.places ?? themes.length;
    const placeOf = (theme: string) => {
      const index = asList.indexOf(theme);
      return index >= 0 ? String(index + 1) : '';
    };
    return (
      <fieldset id={id} class="question" aria-describedby={describedBy}>
        <legend>
          {eyebrow}
          {legend}
        </legend>
        <span class="hint">{m.page.rankingHint(places)}</span>
        {help}
        {themes.map((theme) => (
          <p key={theme}>
            <label for={`${id}-${theme}`}>{props.themeTitle.get(theme) ?? theme}</label>
            <select id={`${id}-${theme}`} name={`${q.id}.${theme}`} {...invalid}>
              <option value="">{m.page.notRanked}</option>
              {Array.from({ length: places }, (_, i) => (
                <option key={i} value={String(i + 1)} selected={placeOf(theme) === String(i + 1)}>
                  {m.page.place(i + 1)}
                </option>
              ))}
            </select>
          </p>
        ))}
        {errorText}
      </fieldset>
    );
  }

  const multiple = q.type === 'multiple';
  return (
    <fieldset
      id={id}
      class={`question${q.type === 'rating' ? ' rating' : ''}`}
      aria-describedby={describedBy}
    >
      <legend>
        {eyebrow}
        {legend}
      </legend>
      {q.type === 'rating' && (q.lowLabel || q.highLabel) ? (
        <span class="hint">
          {m.page.ratingHint(
            q.lowLabel ? t(q.lowLabel) : '1',
            q.highLabel ? t(q.highLabel) : String(q.scale),
          )}
        </span>
      ) : null}
      {multiple && q.maxChoices ? <span class="hint">{m.page.chooseAtMost(q.maxChoices)}</span> : null}
      {help}
      {options.map((o) => (
        <label class="choice" key={o.value}>
          <input
            type={multiple ? 'checkbox' : 'radio'}
            name={q.id}
            value={o.value}
            checked={multiple ? asList.includes(o.value) : asString === o.value}
            {...invalid}
          />{' '}
          {o.label}
        </label>
      ))}
      {errorText}
    </fieldset>
  );
}

/** The page for a link that leads nowhere (unknown, altered, expired, another tenant's). */
export function AnswerInvalidPage({ language }: { language: Language }) {
  const m = feedbackTexts(language);
  return (
    <PublicLayout language={language} title={pageTitle(m.page.invalidTitle)}>
      <h1>{m.page.invalidTitle}</h1>
      <p>{m.page.invalidBody}</p>
    </PublicLayout>
  );
}
