import { Fragment } from 'preact';
import type { Language } from '../../platform/texts/language.js';
import type { FormSummary, QuestionSummary } from '../analysis.js';
import { EMPTY_ROWS, NEW_FORM_ROWS } from '../console-form.js';
import { type Form, textIn } from '../form.js';
import { feedbackTexts } from '../texts.js';

/*
 * The console's feedback pages: the list of forms, the editor, and the analysis (charts as
 * server-rendered SVG with a table beside each, free-text answers paged and filtered, with
 * codes, quotes and moderation). Every value is text to Preact: escaped.
 */

export const formHref = (formId: string, rest = '') => `/console/forms/${encodeURIComponent(formId)}${rest}`;

export interface FormRow {
  form: Form;
  eventTitle?: string;
}

export function FormsListPage(props: { language: Language; rows: FormRow[]; canEdit: boolean }) {
  const m = feedbackTexts(props.language).console;
  return (
    <>
      <style dangerouslySetInnerHTML={{ __html: feedbackStyles }} />
      <h1>{m.title}</h1>
      {props.canEdit ? (
        <p class="actions">
          <a class="button" href="/console/forms/new">
            {m.newForm}
          </a>
        </p>
      ) : null}
      {props.rows.length === 0 ? (
        <p>{m.none}</p>
      ) : (
        <section class="table-wrap" aria-label={m.title} tabindex={0}>
          <table class="data">
            <thead>
              <tr>
                <th scope="col">{m.columns.title}</th>
                <th scope="col">{m.columns.event}</th>
                <th scope="col">{m.columns.status}</th>
                <th scope="col" class="num">
                  {m.columns.answers}
                </th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map(({ form, eventTitle }) => (
                <tr key={form.formId}>
                  <td>
                    <a href={formHref(form.formId)}>{textIn(form.title, props.language, form.language)}</a>
                  </td>
                  <td>{eventTitle ?? '–'}</td>
                  <td>{m.statuses[form.status]}</td>
                  <td class="num">{form.answerCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}

export interface FormEditorProps {
  language: Language;
  /** Absent when creating. */
  form?: Form;
  themes: { id: string; title: string }[];
  events: { eventId: string; title: string }[];
  values: Record<string, string>;
  /** Editor field → message. */
  errors: Record<string, string>;
  csrfToken: string;
  action: string;
}

const questionTypes = ['rating', 'single', 'multiple', 'ranking', 'short-text', 'long-text'] as const;

export function FormEditorPage(props: FormEditorProps) {
  const { language, values, errors } = props;
  const m = feedbackTexts(language).console;
  const f = m.fields;
  const rows = props.form ? props.form.questions.length + EMPTY_ROWS : NEW_FORM_ROWS;
  const v = (name: string) => values[name] ?? '';
  const invalid = (name: string) =>
    errors[name] ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${cssId(name)}-error` } : {};
  const error = (name: string) =>
    errors[name] ? (
      <p class="field-error" id={`${cssId(name)}-error`}>
        {errors[name]}
      </p>
    ) : null;
  const text = (name: string, label: string, multiline = false) => (
    <p class={`field${errors[name] ? ' has-error' : ''}`}>
      <label for={cssId(name)}>{label}</label>
      {multiline ? (
        <textarea id={cssId(name)} name={name} rows={3} {...invalid(name)}>
          {v(name)}
        </textarea>
      ) : (
        <input id={cssId(name)} name={name} type="text" value={v(name)} {...invalid(name)} />
      )}
      {error(name)}
    </p>
  );
  // The form's own language first; the others in a disclosure, opened when they hold anything.
  const primary = (['sv', 'da', 'en'] as const).find((l) => l === v('language')) ?? 'sv';
  const others = (['sv', 'da', 'en'] as const).filter((l) => l !== primary);
  const localized = (name: string, label: string, multiline = false) => {
    const open = others.some((l) => v(`${name}.${l}`) !== '' || errors[`${name}.${l}`]);
    return (
      <div class="localized">
        {text(`${name}.${primary}`, label, multiline)}
        <details open={open}>
          <summary>{`${f.translations}: ${label}`}</summary>
          {others.map((l) => (
            <Fragment key={l}>
              {text(`${name}.${l}`, f.inLanguage(label, f.languageNames[l]), multiline)}
            </Fragment>
          ))}
        </details>
      </div>
    );
  };
  const hidden = (name: string) => (v(name) ? <input type="hidden" name={name} value={v(name)} /> : null);
  const numberField = (name: string, label: string, min: number, max: number, fallback = '') => (
    <p class={`field${errors[name] ? ' has-error' : ''}`}>
      <label for={cssId(name)}>{label}</label>
      <input
        id={cssId(name)}
        name={name}
        type="number"
        inputmode="numeric"
        min={min}
        max={max}
        value={v(name) || fallback}
        {...invalid(name)}
      />
      {error(name)}
    </p>
  );
  const check = (name: string, label: string) => (
    <p class="check">
      <input id={cssId(name)} name={name} type="checkbox" checked={v(name) === 'on'} />
      <label for={cssId(name)}>{label}</label>
    </p>
  );
  const title = props.form ? m.editTitle : m.createTitle;
  return (
    <>
      <style dangerouslySetInnerHTML={{ __html: feedbackStyles }} />
      <h1>{title}</h1>
      {Object.keys(errors).length > 0 ? (
        <div class="error-summary" role="alert">
          <h2>{m.fixErrors}</h2>
          <ul>
            {Object.entries(errors).map(([name, message]) => (
              <li key={name}>
                <a href={`#${cssId(name)}`}>{message}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {props.form && props.form.answerCount > 0 ? (
        <p class="notice">{m.lockedNote(props.form.questionsVersion)}</p>
      ) : null}
      <form method="post" action={props.action} class="event-form" novalidate>
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        {props.form ? (
          <input type="hidden" name="expectedVersion" value={String(props.form.version)} />
        ) : null}
        <fieldset>
          <legend>{title}</legend>
          {text('title.sv', f.titleIn('svenska'))}
          {text('title.da', f.titleIn('dansk'))}
          {text('title.en', f.titleIn('English'))}
          <p class="field">
            <label for="language">{f.language}</label>
            <select id="language" name="language">
              {(['sv', 'da', 'en'] as const).map((l) => (
                <option key={l} value={l} selected={v('language') === l}>
                  {l === 'sv' ? 'svenska' : l === 'da' ? 'dansk' : 'English'}
                </option>
              ))}
            </select>
          </p>
          <p class={`field${errors.eventId ? ' has-error' : ''}`}>
            <label for="eventId">{f.event}</label>
            <select id="eventId" name="eventId" {...invalid('eventId')}>
              <option value="">{f.noEvent}</option>
              {props.events.map((e) => (
                <option key={e.eventId} value={e.eventId} selected={v('eventId') === e.eventId}>
                  {e.title}
                </option>
              ))}
            </select>
            {error('eventId')}
          </p>
          {localized('intro', f.intro, true)}
          {check('anonymousLink', f.anonymousLink)}
          <p class={`field${errors.closesAt ? ' has-error' : ''}`}>
            <label for="f-closesAt">{f.closesAt}</label>
            <span class="hint" id="f-closesAt-hint">
              {f.closesAtHint}
            </span>
            <input
              id="f-closesAt"
              name="closesAt"
              type="datetime-local"
              value={v('closesAt')}
              aria-describedby={errors.closesAt ? 'f-closesAt-hint f-closesAt-error' : 'f-closesAt-hint'}
              aria-invalid={errors.closesAt ? 'true' : undefined}
            />
            {error('closesAt')}
          </p>
        </fieldset>
        <fieldset>
          <legend>{f.followUp}</legend>
          {check('followUp.enabled', f.followUpEnabled)}
          <p class={`field${errors['followUp.delayMinutes'] ? ' has-error' : ''}`}>
            <label for={cssId('followUp.delayMinutes')}>{f.delayMinutes}</label>
            <input
              id={cssId('followUp.delayMinutes')}
              name="followUp.delayMinutes"
              type="number"
              inputmode="numeric"
              min={0}
              value={v('followUp.delayMinutes') || '60'}
              {...invalid('followUp.delayMinutes')}
            />
            {error('followUp.delayMinutes')}
          </p>
          {localized('followUp.thankYouText', f.thankYouText, true)}
          {localized('followUp.missedYouText', f.missedYouText, true)}
        </fieldset>
        <h2>{f.questions}</h2>
        <p class="hint">{f.emptyRowHint}</p>
        {Array.from({ length: rows }, (_, i) => {
          const at = (field: string) => `q${i}.${field}`;
          return (
            <fieldset key={i}>
              <legend>{f.question(i + 1)}</legend>
              {hidden(at('id'))}
              {hidden(at('optionIds'))}
              {hidden(at('themeIds'))}
              <p class={`field${errors[at('type')] ? ' has-error' : ''}`}>
                <label for={cssId(at('type'))}>{f.type}</label>
                <select id={cssId(at('type'))} name={at('type')} {...invalid(at('type'))}>
                  <option value="none">{m.types.none}</option>
                  {questionTypes.map((t) => (
                    <option key={t} value={t} selected={v(at('type')) === t}>
                      {m.types[t]}
                    </option>
                  ))}
                </select>
                {error(at('type'))}
              </p>
              {localized(at('label'), f.label)}
              {localized(at('help'), f.help)}
              <p class={`field${errors[at('theme')] ? ' has-error' : ''}`}>
                <label for={cssId(at('theme'))}>{f.theme}</label>
                <select id={cssId(at('theme'))} name={at('theme')} {...invalid(at('theme'))}>
                  <option value="">{f.noTheme}</option>
                  {props.themes.map((t) => (
                    <option key={t.id} value={t.id} selected={v(at('theme')) === t.id}>
                      {t.title}
                    </option>
                  ))}
                </select>
                {error(at('theme'))}
              </p>
              {check(at('required'), f.required)}
              {numberField(at('scale'), f.scale, 2, 10, '5')}
              {localized(at('lowLabel'), f.lowLabel)}
              {localized(at('highLabel'), f.highLabel)}
              <p class="hint">{f.optionsHint}</p>
              {localized(at('options'), f.options, true)}
              {numberField(at('maxChoices'), f.maxChoices, 1, 20)}
              {numberField(at('places'), f.places, 1, 30)}
            </fieldset>
          );
        })}
        <p>
          <button type="submit" class="button">
            {props.form ? m.save : m.create}
          </button>
        </p>
      </form>
    </>
  );
}

/** An id for a field name (dots are valid in ids, but not in CSS selectors). */
const cssId = (name: string) => `f-${name.replace(/\./g, '-')}`;

// ---------------------------------------------------------------- analysis

export interface AnswerRow {
  answerRef: string;
  attributed: boolean;
  who?: string;
  organisationType?: string;
  industry?: string;
  /** The free-text answers shown: question label and text. */
  texts: { questionId: string; label: string; text: string; quoted: boolean }[];
  tags: string[];
  hidden?: { reason: string };
}

export interface AnalysisPageProps {
  language: Language;
  form: Form;
  summary: FormSummary;
  themes: { id: string; title: string }[];
  answers: AnswerRow[];
  nextCursor?: string;
  filter: { themeId?: string; organisationType?: string; industry?: string };
  organisationTypes: string[];
  canEdit: boolean;
  csrfToken: string;
  publicUrl?: string;
  summaryUrl?: string;
}

export function AnalysisPage(props: AnalysisPageProps) {
  const { language, form, summary, canEdit } = props;
  const m = feedbackTexts(language).console;
  const title = textIn(form.title, language, form.language);
  const query = (extra: Record<string, string | undefined>) => {
    const params = new URLSearchParams();
    for (const [k, val] of Object.entries({ ...props.filter, ...extra })) if (val) params.set(k, val);
    const s = params.toString();
    return s ? `?${s}` : '';
  };
  const themeQuery = (rest: string) => {
    const parts = [
      rest,
      props.filter.themeId ? `themeId=${encodeURIComponent(props.filter.themeId)}` : '',
    ].filter(Boolean);
    return parts.length ? `?${parts.join('&')}` : '';
  };
  return (
    <>
      <style dangerouslySetInnerHTML={{ __html: feedbackStyles }} />
      <p class="eyebrow">
        {m.title} · {m.statuses[form.status]}
      </p>
      <h1>{title}</h1>
      <p>{m.answersCount(summary.answers, summary.attributed, summary.anonymous)}</p>
      <div class="actions">
        {canEdit ? (
          <a class="button" href={formHref(form.formId, '/edit')}>
            {m.edit}
          </a>
        ) : null}
        {/* The export follows the theme chosen below (per form or per theme). */}
        <a href={formHref(form.formId, `/export.csv${themeQuery('')}`)}>{m.export}</a>
        <a href={formHref(form.formId, `/export.csv${themeQuery('redact=1')}`)}>{m.exportRedacted}</a>
        {canEdit && form.status === 'open' ? (
          <form method="post" action={formHref(form.formId, '/close')}>
            <input type="hidden" name="_csrf" value={props.csrfToken} />
            <button type="submit" class="danger">
              {m.close}
            </button>
          </form>
        ) : null}
      </div>
      {props.publicUrl ? (
        <p>
          {m.publicLink}: <a href={props.publicUrl}>{props.publicUrl}</a> ·{' '}
          <a href={formHref(form.formId, '/live')}>{m.live}</a>
        </p>
      ) : null}
      {form.publication && props.summaryUrl ? (
        <p>
          {m.summary}: <a href={props.summaryUrl}>{props.summaryUrl}</a>
        </p>
      ) : null}
      {canEdit ? (
        <details class="panel">
          <summary>{m.publish}</summary>
          <form method="post" action={formHref(form.formId, '/publication')}>
            <input type="hidden" name="_csrf" value={props.csrfToken} />
            <fieldset class="choices">
              <legend>{m.publishChoose}</legend>
              {form.questions
                .filter((q) => q.type !== 'short-text' && q.type !== 'long-text')
                .map((q) => (
                  <p class="check" key={q.id}>
                    <input
                      id={`pub-${q.id}`}
                      type="checkbox"
                      name="questionIds"
                      value={q.id}
                      checked={form.publication?.questionIds.includes(q.id) ?? false}
                    />
                    <label for={`pub-${q.id}`}>{textIn(q.label, language, form.language)}</label>
                  </p>
                ))}
            </fieldset>
            <p class="hint">{m.publishNote}</p>
            <p class="actions">
              <button type="submit" name="publish" value="1">
                {m.publish}
              </button>
              {form.publication ? (
                <button type="submit" name="unpublish" value="1">
                  {m.unpublish}
                </button>
              ) : null}
            </p>
          </form>
        </details>
      ) : null}
      {summary.themes.map((theme) => (
        <section key={theme.themeId ?? 'none'} aria-labelledby={`theme-${theme.themeId ?? 'none'}`}>
          <h2 id={`theme-${theme.themeId ?? 'none'}`}>{theme.title}</h2>
          {theme.questions.map((q) => (
            <QuestionResult key={q.questionId} question={q} language={language} />
          ))}
        </section>
      ))}
      <section aria-labelledby="free-text">
        <h2 id="free-text">{m.freeText}</h2>
        <form method="get" action={formHref(form.formId)} class="filters">
          <p class="field">
            <label for="filter-theme">{feedbackTexts(language).console.fields.theme}</label>
            <select id="filter-theme" name="themeId">
              <option value="">{m.allThemes}</option>
              {props.themes.map((t) => (
                <option key={t.id} value={t.id} selected={props.filter.themeId === t.id}>
                  {t.title}
                </option>
              ))}
            </select>
          </p>
          <p class="field">
            <label for="filter-type">{m.organisationType}</label>
            <select id="filter-type" name="organisationType">
              <option value="">{m.allTypes}</option>
              {props.organisationTypes.map((t) => (
                <option key={t} value={t} selected={props.filter.organisationType === t}>
                  {t}
                </option>
              ))}
            </select>
          </p>
          <p class="field">
            <label for="filter-industry">{m.industry}</label>
            <input id="filter-industry" name="industry" type="text" value={props.filter.industry ?? ''} />
          </p>
          <p>
            <button type="submit">{m.filter}</button>
          </p>
        </form>
        {props.answers.length === 0 ? <p>{m.noAnswers}</p> : null}
        <ul class="answers">
          {props.answers.map((a) => (
            <li key={a.answerRef} class={a.hidden ? 'answer hidden-answer' : 'answer'}>
              <p class="eyebrow">
                {a.attributed ? (a.who ?? '') : m.anonymous}
                {a.organisationType ? ` · ${a.organisationType}` : ''}
                {a.industry ? ` · ${a.industry}` : ''}
              </p>
              {a.texts.map((t) => (
                <blockquote key={t.questionId}>
                  <p class="hint">
                    {t.label}
                    {t.quoted ? ` · ${m.quoted}` : ''}
                  </p>
                  <p class="answer-text">{t.text}</p>
                  {canEdit ? (
                    <form method="post" action={formHref(form.formId, `/answers/${a.answerRef}`)}>
                      <input type="hidden" name="_csrf" value={props.csrfToken} />
                      <input type="hidden" name="toggleQuote" value={t.questionId} />
                      <button type="submit">{t.quoted ? m.unquote : m.quote}</button>
                    </form>
                  ) : null}
                </blockquote>
              ))}
              {a.hidden ? <p class="field-error">{m.hidden(a.hidden.reason)}</p> : null}
              {canEdit ? (
                <div class="answer-actions">
                  <form method="post" action={formHref(form.formId, `/answers/${a.answerRef}`)}>
                    <input type="hidden" name="_csrf" value={props.csrfToken} />
                    <label for={`tags-${a.answerRef}`}>{m.tags}</label>
                    <input id={`tags-${a.answerRef}`} name="tags" type="text" value={a.tags.join(', ')} />
                    <button type="submit">{m.saveTags}</button>
                  </form>
                  <form method="post" action={formHref(form.formId, `/answers/${a.answerRef}`)}>
                    <input type="hidden" name="_csrf" value={props.csrfToken} />
                    {a.hidden ? (
                      <>
                        <input type="hidden" name="show" value="1" />
                        <button type="submit">{m.show}</button>
                      </>
                    ) : (
                      <>
                        <label for={`reason-${a.answerRef}`}>{m.hideReason}</label>
                        <input id={`reason-${a.answerRef}`} name="hideReason" type="text" required />
                        <button type="submit" class="danger">
                          {m.hide}
                        </button>
                      </>
                    )}
                  </form>
                </div>
              ) : a.tags.length ? (
                <p class="hint">
                  {m.tags}: {a.tags.join(', ')}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
        {props.nextCursor ? (
          <p class="pager">
            <a href={`${formHref(form.formId)}${query({ cursor: props.nextCursor })}`}>{m.next}</a>
          </p>
        ) : null}
      </section>
    </>
  );
}

const formatNumber = (value: number, language: Language) =>
  new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value);

/** One question's result: an SVG bar chart and the same figures as a table beside it. */
export function QuestionResult({ question: q, language }: { question: QuestionSummary; language: Language }) {
  const m = feedbackTexts(language).console;
  const rows =
    q.type === 'ranking'
      ? (q.ranking ?? []).map((r) => ({ key: r.themeId, label: r.label, count: r.points, extra: r.first }))
      : q.bars.map((b) => ({
          key: b.key,
          label: b.label,
          count: b.count,
          extra: undefined as number | undefined,
        }));
  const heading = (
    <h3>
      {q.label}{' '}
      <span class="hint">
        ({m.answered(q.answered)}
        {q.mean !== undefined ? `, ${m.mean(formatNumber(q.mean, language))}` : ''})
      </span>
    </h3>
  );
  if (rows.length === 0) return <div class="result">{heading}</div>;
  const valueLabel = q.type === 'ranking' ? m.points : m.count;
  return (
    <div class="result">
      {heading}
      <div class="chart-and-table">
        <BarChart title={m.chartOf(q.label)} rows={rows} />
        <section class="table-wrap" aria-label={q.label} tabindex={0}>
          <table class="data">
            <thead>
              <tr>
                <th scope="col">{q.type === 'ranking' ? m.place : m.value}</th>
                <th scope="col" class="num">
                  {valueLabel}
                </th>
                {q.type === 'ranking' ? (
                  <th scope="col" class="num">
                    {m.firsts}
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{r.label}</th>
                  <td class="num">{r.count}</td>
                  {q.type === 'ranking' ? <td class="num">{r.extra}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </div>
  );
}

/** Horizontal bars, server-rendered; the table beside it carries the same figures for screen readers. */
export function BarChart({
  title,
  rows,
}: {
  title: string;
  rows: { key: string; label: string; count: number }[];
}) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  const barHeight = 22;
  const gap = 8;
  const labelWidth = 160;
  const width = 420;
  const height = rows.length * (barHeight + gap);
  return (
    <svg
      class="chart"
      role="img"
      aria-label={title}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      preserveAspectRatio="xMinYMin meet"
    >
      <title>{title}</title>
      {rows.map((r, i) => {
        const y = i * (barHeight + gap);
        const w = Math.round(((width - labelWidth - 40) * r.count) / max);
        return (
          <g key={r.key}>
            <text x={0} y={y + barHeight * 0.7} class="chart-label">
              {r.label.length > 22 ? `${r.label.slice(0, 21)}…` : r.label}
            </text>
            <rect x={labelWidth} y={y} width={Math.max(w, 1)} height={barHeight} class="chart-bar" />
            <text x={labelWidth + Math.max(w, 1) + 6} y={y + barHeight * 0.7} class="chart-value">
              {String(r.count)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** The feedback pages' own styles (tables, notices; the form fields are the console's); colours are the console's. */
export const feedbackStyles = `
.answer-actions input { font: inherit; padding: 0.45rem 0.6rem; border: 1px solid var(--control); border-radius: var(--radius); background: var(--surface); color: var(--text); max-width: 100%; }
.field-error { margin: 0; color: #a4262c; font-weight: 600; }
.notice { margin: 0 0 1.5rem; padding: 0.75rem 1.25rem; background: var(--accent-tint); border-left: 4px solid var(--accent); border-radius: var(--radius); max-width: 42rem; }
.table-wrap { overflow-x: auto; background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius); }
table.data { width: 100%; border-collapse: collapse; font-size: 0.95rem; }
table.data th, table.data td { padding: 0.55rem 0.9rem; border-top: 1px solid var(--line); text-align: left; vertical-align: top; }
table.data thead th { border-top: 0; color: var(--muted); font-weight: 600; }
table.data td.num, table.data th.num { text-align: right; font-variant-numeric: tabular-nums; }
.actions { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; margin: 0 0 1.5rem; }
.actions form { margin: 0; }
.pager { display: flex; gap: 1rem; margin: 0.75rem 0 0; }
button.danger { border-color: #a4262c; color: #a4262c; }
.chart-and-table { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1rem; align-items: start; margin: 0 0 1.5rem; }
@media (min-width: 48rem) { .chart-and-table { grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); } }
.chart { max-width: 100%; height: auto; background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius); padding: 0.5rem; }
.chart-bar { fill: var(--accent); }
.chart-label, .chart-value { font-size: 13px; fill: var(--text); }
.answers { list-style: none; padding: 0; margin: 0; }
.answer { margin: 0 0 1rem; padding: 0.75rem 1rem; background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius); }
.hidden-answer { border-style: dashed; }
.answer blockquote { margin: 0 0 0.5rem; }
.answer-text { white-space: pre-wrap; margin: 0.25rem 0; }
.answer-actions { display: flex; flex-wrap: wrap; gap: 1rem; align-items: end; }
.answer-actions form, .answer blockquote form { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin: 0; }
.filters { display: flex; flex-wrap: wrap; gap: 1rem; align-items: end; margin: 0 0 1rem; }
.filters .field { margin: 0; }
`;
