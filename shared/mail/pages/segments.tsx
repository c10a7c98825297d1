import { formatDateTime, formatNumber } from '../../platform/texts/format.js';
import type { Language } from '../../platform/texts/language.js';
import type { Segment, SegmentFormError, SegmentFormErrors, SegmentFormValues } from '../segment.js';
import { segmentTexts } from '../texts/segments.js';

/*
 * Saved segments: the list (a page at a time), renaming and deleting each, and a form for a new
 * one by tags or organisation types (hand-picked contacts are saved from an event's invite page,
 * where they are picked). The lead says what a segment is: a rule, evaluated at each send.
 */

export const segmentNotices = ['created', 'renamed', 'deleted'] as const;
export type SegmentNotice = (typeof segmentNotices)[number];

export interface SegmentsPageProps {
  language: Language;
  timeZone: string;
  csrfToken: string;
  segments: Segment[];
  /** The next page's link, when there is one. */
  nextHref?: string;
  canEdit: boolean;
  values: SegmentFormValues;
  errors: SegmentFormErrors;
  /** A refused rename: which segment, and why. */
  renameError?: { segmentId: string; error: SegmentFormError };
  organisationTypes: { value: string; label: string }[];
  notice?: SegmentNotice;
}

const segmentHref = (segmentId: string, action: string) =>
  `/console/mailings/segments/${encodeURIComponent(segmentId)}/${action}`;

export function SegmentsPage(props: SegmentsPageProps) {
  const { language, timeZone, values, errors } = props;
  const t = segmentTexts(language);
  const typeLabel = new Map(props.organisationTypes.map((o) => [o.value, o.label]));
  const describe = (segment: Segment) => {
    const a = segment.audience;
    if (a.kind === 'tags') return t.definition.tags(a.tags.join(', '));
    if (a.kind === 'organisation-types')
      return t.definition.types(a.types.map((type) => typeLabel.get(type) ?? type).join(', '));
    return t.definition.contacts(formatNumber(a.contactIds.length, language));
  };
  const errorFields = (Object.keys(errors) as (keyof SegmentFormErrors)[]).filter((f) => errors[f]);
  const ErrorText = ({ field }: { field: keyof SegmentFormErrors }) => {
    const error = errors[field];
    return error ? (
      <p class="field-error" id={`segment-${field}-error`}>
        {t.errors[error]}
      </p>
    ) : null;
  };
  const aria = (field: keyof SegmentFormErrors, hint?: string) => ({
    ...(errors[field] ? { 'aria-invalid': 'true' as const } : {}),
    'aria-describedby':
      [hint, errors[field] ? `segment-${field}-error` : ''].filter(Boolean).join(' ') || undefined,
  });
  return (
    <>
      <p>
        <a href="/console/mailings">
          <span aria-hidden="true">← </span>
          {t.back}
        </a>
      </p>
      <h1>{t.title}</h1>
      <p class="lead">{t.lead}</p>
      {props.notice ? (
        <div class="notice" role="status">
          <p>{t.notices[props.notice]}</p>
        </div>
      ) : null}
      {errorFields.length > 0 ? (
        <div class="error-summary" role="alert" aria-labelledby="segment-errors-heading">
          <h2 id="segment-errors-heading">{t.errorSummary}</h2>
          <ul>
            {errorFields.map((field) => (
              <li key={field}>
                <a href={`#segment-${field}`}>{t.errors[errors[field] as SegmentFormError]}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {props.segments.length === 0 ? (
        <p class="empty">{t.empty}</p>
      ) : (
        <section class="table-wrap" aria-label={t.title} tabindex={0}>
          <table class="data-table">
            <caption class="visually-hidden">{t.title}</caption>
            <thead>
              <tr>
                <th scope="col">{t.columns.name}</th>
                <th scope="col">{t.columns.definition}</th>
                <th scope="col">{t.columns.created}</th>
                {props.canEdit ? <th scope="col">{t.columns.actions}</th> : null}
              </tr>
            </thead>
            <tbody>
              {props.segments.map((segment) => {
                const renameError =
                  props.renameError?.segmentId === segment.segmentId ? props.renameError.error : undefined;
                const inputId = `rename-${segment.segmentId}`;
                return (
                  <tr key={segment.segmentId}>
                    <th scope="row">{segment.name}</th>
                    <td>{describe(segment)}</td>
                    <td>{formatDateTime(segment.createdAt, language, timeZone)}</td>
                    {props.canEdit ? (
                      <td>
                        <form
                          method="post"
                          action={segmentHref(segment.segmentId, 'rename')}
                          class="inline-form"
                        >
                          <input type="hidden" name="_csrf" value={props.csrfToken} />
                          <label for={inputId} class="visually-hidden">
                            {t.renameLabel(segment.name)}
                          </label>
                          {renameError ? (
                            <p class="field-error" id={`${inputId}-error`}>
                              {t.errors[renameError]}
                            </p>
                          ) : null}
                          <input
                            type="text"
                            id={inputId}
                            name="name"
                            maxLength={80}
                            value={segment.name}
                            {...(renameError
                              ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${inputId}-error` }
                              : {})}
                          />
                          <button type="submit">{t.rename}</button>
                        </form>
                        <form
                          method="post"
                          action={segmentHref(segment.segmentId, 'delete')}
                          class="inline-form"
                        >
                          <input type="hidden" name="_csrf" value={props.csrfToken} />
                          <button type="submit" aria-label={t.removeLabel(segment.name)}>
                            {t.remove}
                          </button>
                        </form>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
      {props.nextHref ? (
        <p>
          <a href={props.nextHref}>{t.next}</a>
        </p>
      ) : null}

      {props.canEdit ? (
        <section aria-labelledby="new-segment-heading">
          <h2 id="new-segment-heading">{t.newHeading}</h2>
          <form method="post" action="/console/mailings/segments" novalidate>
            <input type="hidden" name="_csrf" value={props.csrfToken} />
            <div class={errors.name ? 'field has-error' : 'field'}>
              <label for="segment-name">{t.name}</label>
              <ErrorText field="name" />
              <input
                type="text"
                id="segment-name"
                name="name"
                maxLength={80}
                value={values.name}
                {...aria('name')}
              />
            </div>
            <fieldset>
              <legend>{t.kindLegend}</legend>
              {(['tags', 'organisation-types'] as const).map((kind) => (
                <div class="check" key={kind}>
                  <input
                    type="radio"
                    id={`segment-kind-${kind}`}
                    name="kind"
                    value={kind}
                    checked={values.kind === kind}
                  />
                  <label for={`segment-kind-${kind}`}>{t.kinds[kind]}</label>
                </div>
              ))}
              <div class={errors.tags ? 'field has-error' : 'field'}>
                <label for="segment-tags">{t.tags}</label>
                <p class="hint" id="segment-tags-hint">
                  {t.tagsHint}
                </p>
                <ErrorText field="tags" />
                <input
                  type="text"
                  id="segment-tags"
                  name="tags"
                  value={values.tags}
                  {...aria('tags', 'segment-tags-hint')}
                />
              </div>
              <fieldset
                class="choices"
                id="segment-types"
                aria-describedby={errors.types ? 'segment-types-error' : undefined}
              >
                <legend>{t.types}</legend>
                <ErrorText field="types" />
                {props.organisationTypes.map((type) => (
                  <div class="check" key={type.value}>
                    <input
                      type="checkbox"
                      id={`segment-type-${type.value}`}
                      name={`type_${type.value}`}
                      value="on"
                      checked={values.types.includes(type.value)}
                    />
                    <label for={`segment-type-${type.value}`}>{type.label}</label>
                  </div>
                ))}
              </fieldset>
            </fieldset>
            <div class="actions">
              <button type="submit" class="primary">
                {t.save}
              </button>
            </div>
          </form>
        </section>
      ) : null}
    </>
  );
}
