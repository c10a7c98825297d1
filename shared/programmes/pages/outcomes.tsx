import { formatDate, formatPeriod } from '../../platform/texts/format.js';
import type { Language } from '../../platform/texts/language.js';
import { type Outcome, type OutcomeLink, outcomeStatuses } from '../outcome.js';
import type { Programme, Theme } from '../programme.js';
import { programmeTexts } from '../texts.js';

/*
 * The console's outcomes ("you said, we did"): on the programme page, each theme's outcomes with
 * add, edit and publish (editors); and the editor itself. Every value is text to Preact (escaped);
 * the body is Markdown, shown sanitised on the public page only.
 */

const outcomeStyles = `
.outcome-list { list-style: none; padding: 0; margin: 0 0 1rem; display: grid; gap: 0.75rem; }
.outcome-list li { border: 1px solid var(--line); border-radius: var(--radius); padding: 0.75rem 1rem; background: var(--surface); overflow-wrap: anywhere; }
.outcome-list h4 { margin: 0 0 0.25rem; font-size: 1.05rem; }
.outcome-actions { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; margin: 0.5rem 0 0; }
.outcome-actions a { display: inline-block; min-height: 2.75rem; line-height: 2.75rem; }
.outcome-form input[type="text"], .outcome-form input[type="date"], .outcome-form select { font: inherit; width: 100%; max-width: 28rem; min-height: 2.75rem; padding: 0.35rem 0.6rem; border: 1px solid var(--control); border-radius: var(--radius); }
.outcome-form textarea { font-family: inherit; min-height: 8rem; }
.outcome-form fieldset { border: 1px solid var(--line); border-radius: var(--radius); padding: 0.5rem 1rem; margin: 0 0 1.25rem; }
`;

export const OutcomeStyles = () => <style dangerouslySetInnerHTML={{ __html: outcomeStyles }} />;

export const outcomesHref = (programmeId: string) =>
  `/console/programmes/${encodeURIComponent(programmeId)}/outcomes`;
export const outcomeHref = (programmeId: string, outcomeId: string) =>
  `${outcomesHref(programmeId)}/${encodeURIComponent(outcomeId)}`;

/** A theme's outcomes on the programme page, with what an editor may do to each. */
export function ThemeOutcomes(props: {
  language: Language;
  programme: Programme;
  theme: Theme;
  outcomes: Outcome[];
  canEdit: boolean;
  csrfToken: string;
}) {
  const { language, programme, theme, outcomes, canEdit } = props;
  const m = programmeTexts(language).outcomes;
  return (
    <section aria-labelledby={`outcomes-${theme.id}`}>
      <h4 id={`outcomes-${theme.id}`}>{m.heading}</h4>
      {outcomes.length === 0 ? <p class="empty">{m.none}</p> : null}
      {outcomes.length ? (
        <ul class="outcome-list">
          {outcomes.map((o) => (
            <li key={o.outcomeId}>
              <p class="outcome-title" lang={programme.language}>
                <strong>{o.title}</strong>
              </p>
              <p class="hint">
                {m.statuses[o.status]} · <time dateTime={o.date}>{formatDate(o.date, language)}</time> ·{' '}
                <span class="status">{o.published ? m.published : m.draft}</span>
              </p>
              {canEdit ? (
                <div class="outcome-actions">
                  <a
                    href={outcomeHref(programme.programmeId, o.outcomeId)}
                    aria-label={`${m.edit}: ${o.title}`}
                  >
                    {m.edit}
                  </a>
                  {o.published ? null : (
                    <form method="post" action={`${outcomeHref(programme.programmeId, o.outcomeId)}/publish`}>
                      <input type="hidden" name="_csrf" value={props.csrfToken} />
                      <input type="hidden" name="expectedVersion" value={String(o.version)} />
                      <button type="submit" class="button" aria-label={`${m.publish}: ${o.title}`}>
                        {m.publish}
                      </button>
                    </form>
                  )}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {canEdit ? (
        <p>
          <a
            class="button button-secondary"
            href={`${outcomesHref(programme.programmeId)}/new?themeId=${theme.id}`}
            aria-label={`${m.add}: ${theme.title}`}
          >
            {m.add}
          </a>
        </p>
      ) : null}
    </section>
  );
}

export interface OutcomeEditorProps {
  language: Language;
  programme: Programme;
  csrfToken: string;
  /** The posted or stored values, as the form names them. */
  values: Record<string, string>;
  /** Release and event ids ticked. */
  releaseIds: string[];
  eventIds: string[];
  /** What may be linked (recent releases, the tenant's events, and whatever is linked already). */
  releases: OutcomeLink[];
  events: OutcomeLink[];
  /** Field name → message in the reader's language. */
  errors: Record<string, string>;
  /** Absent for a new outcome. */
  outcome?: Outcome;
}

function Field(props: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  children: (described: Record<string, string | boolean>) => preact.ComponentChildren;
}) {
  const described = [props.hint ? `${props.name}-hint` : '', props.error ? `${props.name}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class="form-field">
      <label for={props.name}>{props.label}</label>
      {props.hint ? (
        <p class="hint" id={`${props.name}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.children({
        id: props.name,
        name: props.name,
        ...(described ? { 'aria-describedby': described } : {}),
        ...(props.error ? { 'aria-invalid': 'true' } : {}),
      })}
      {props.error ? (
        <p class="field-error" id={`${props.name}-error`}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

function Links(props: {
  name: 'releaseIds' | 'eventIds';
  legend: string;
  none: string;
  options: OutcomeLink[];
  chosen: string[];
  error?: string;
}) {
  return (
    <fieldset aria-describedby={props.error ? `${props.name}-error` : undefined}>
      <legend>{props.legend}</legend>
      {props.options.length === 0 ? <p class="hint">{props.none}</p> : null}
      {props.options.map((o) => (
        <label class="choice" key={o.id}>
          <input type="checkbox" name={props.name} value={o.id} checked={props.chosen.includes(o.id)} />{' '}
          {o.title}
        </label>
      ))}
      {props.error ? (
        <p class="field-error" id={`${props.name}-error`}>
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Records or edits an outcome: theme, what, Markdown body, status (with a reason), date, links. */
export function OutcomeEditor(props: OutcomeEditorProps) {
  const { language, programme, values, errors, outcome } = props;
  const m = programmeTexts(language).outcomes;
  const theme = programme.themes.find((t) => t.id === values.themeId);
  const action = outcome
    ? outcomeHref(programme.programmeId, outcome.outcomeId)
    : outcomesHref(programme.programmeId);
  const errorCount = Object.keys(errors).length;
  const period = formatPeriod(language, programme.startsOn, programme.endsOn);
  return (
    <>
      <OutcomeStyles />
      <p>
        <a href={`/console/programmes/${encodeURIComponent(programme.programmeId)}`}>
          <span aria-hidden="true">← </span>
          <span lang={programme.language}>{programme.name}</span>
        </a>
      </p>
      <h1>{outcome ? m.editTitle : m.newTitle(theme?.title ?? '')}</h1>
      {errorCount ? (
        <div class="notice notice-error" role="alert">
          <p>{m.errorSummary}</p>
          <ul>
            {Object.entries(errors).map(([field, message]) => (
              <li key={field}>
                <a href={`#${field}`}>{m.fields[field as keyof typeof m.fields] as string}</a>: {message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form method="post" action={action} class="stacked-form outcome-form" novalidate>
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        {outcome ? <input type="hidden" name="expectedVersion" value={String(outcome.version)} /> : null}
        <Field name="themeId" label={m.fields.themeId} error={errors.themeId}>
          {(a) => (
            <select {...a}>
              {programme.themes.map((t) => (
                <option key={t.id} value={t.id} selected={t.id === values.themeId}>
                  {t.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="title" label={m.fields.title} error={errors.title}>
          {(a) => <input type="text" {...a} maxLength={200} value={values.title ?? ''} />}
        </Field>
        <Field name="body" label={m.fields.body} hint={m.fields.bodyHint} error={errors.body}>
          {(a) => (
            <textarea {...a} maxLength={8000}>
              {values.body ?? ''}
            </textarea>
          )}
        </Field>
        <Field name="status" label={m.fields.status} error={errors.status}>
          {(a) => (
            <select {...a}>
              {outcomeStatuses.map((s) => (
                <option key={s} value={s} selected={s === values.status}>
                  {m.statuses[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="reason" label={m.fields.reason} hint={m.fields.reasonHint} error={errors.reason}>
          {(a) => (
            <textarea {...a} maxLength={1000}>
              {values.reason ?? ''}
            </textarea>
          )}
        </Field>
        <Field name="date" label={m.fields.date} hint={m.fields.dateHint(period)} error={errors.date}>
          {(a) => (
            <input
              type="date"
              {...a}
              value={values.date ?? ''}
              min={programme.startsOn}
              max={programme.endsOn}
            />
          )}
        </Field>
        <Links
          name="releaseIds"
          legend={m.fields.releaseIds}
          none={m.noReleases}
          options={props.releases}
          chosen={props.releaseIds}
          error={errors.releaseIds}
        />
        <Links
          name="eventIds"
          legend={m.fields.eventIds}
          none={m.noEvents}
          options={props.events}
          chosen={props.eventIds}
          error={errors.eventIds}
        />
        <p class="outcome-actions">
          <button type="submit" class="button">
            {m.save}
          </button>
          <a href={`/console/programmes/${encodeURIComponent(programme.programmeId)}`}>{m.cancel}</a>
        </p>
      </form>
    </>
  );
}
