import type { ComponentChildren } from 'preact';
import { formatNumber } from '../../platform/texts/format.js';
import { type Language, languages } from '../../platform/texts/language.js';
import { shellTexts } from '../../platform/texts/shell.js';
import { addressBookTexts } from '../address-book-texts.js';
import { countries } from '../org-number.js';
import { type LawfulBasis, lawfulBases, organisationSizes, organisationTypes } from '../schemas.js';
import { directoryTexts } from '../texts.js';

/** Where a list stands: what was searched, and which rows of how many this page shows. */
export interface ListPosition {
  q?: string;
  tag?: string;
  offset: number;
  shown: number;
  total: number;
  /** The next page's cursor; absent on the last page. */
  cursor?: string;
}

/** The search form above a list, and the paging below it (a cursor link, and back to the start). */
export function SearchForm({
  language,
  action,
  position,
  withTag,
}: {
  language: Language;
  action: string;
  position: ListPosition;
  withTag?: boolean;
}) {
  const b = addressBookTexts(language);
  const filtered = !!position.q || !!position.tag;
  return (
    <form class="inline-form filter search-form" method="get" action={action}>
      <p class="field">
        <label for="search-q">{b.searchLabel}</label>
        <input
          id="search-q"
          name="q"
          type="search"
          value={position.q ?? ''}
          maxLength={100}
          aria-describedby="search-q-hint"
        />
        <span class="hint" id="search-q-hint">
          {b.searchHint}
        </span>
      </p>
      {withTag ? (
        <p class="field">
          <label for="tag-filter">{b.tagLabel}</label>
          <input id="tag-filter" name="tag" type="search" value={position.tag ?? ''} maxLength={40} />
        </p>
      ) : null}
      <p>
        <button type="submit">{b.search}</button> {filtered ? <a href={action}>{b.clear}</a> : null}
      </p>
    </form>
  );
}

export function Paging({
  language,
  action,
  position,
}: {
  language: Language;
  action: string;
  position: ListPosition;
}) {
  const b = addressBookTexts(language);
  const n = (value: number) => formatNumber(value, language);
  if (position.total === 0) return null;
  const query = (cursor?: string) => {
    const params = new URLSearchParams();
    if (position.q) params.set('q', position.q);
    if (position.tag) params.set('tag', position.tag);
    if (cursor) params.set('cursor', cursor);
    const text = params.toString();
    return text ? `${action}?${text}` : action;
  };
  return (
    <nav class="paging" aria-label={b.pagination}>
      <p role="status">
        {b.showing(n(position.offset + 1), n(position.offset + position.shown), n(position.total))}
      </p>
      <p>
        {position.offset > 0 ? <a href={query()}>{b.firstPage}</a> : null}
        {position.offset > 0 && position.cursor ? <span aria-hidden="true"> · </span> : null}
        {position.cursor ? (
          <a href={query(position.cursor)} rel="next">
            {b.nextPage} <span aria-hidden="true">→</span>
          </a>
        ) : null}
      </p>
    </nav>
  );
}

/* ---------- forms ---------- */

const fieldId = (field: string) => `f-${field.replace(/\./g, '-')}`;

function ErrorSummary({ language, errors }: { language: Language; errors: Record<string, string> }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert">
      <h2>{addressBookTexts(language).fixErrors}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>
            <a href={`#${fieldId(field)}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Field({
  field,
  label,
  hint,
  errors,
  children,
}: {
  field: string;
  label: string;
  hint?: string;
  errors: Record<string, string>;
  children: (attrs: Record<string, string | undefined>) => ComponentChildren;
}) {
  const id = fieldId(field);
  const error = errors[field];
  const describedBy =
    [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <p class={`field${error ? ' has-error' : ''}`}>
      <label for={id}>{label}</label>
      {children({
        id,
        name: field,
        'aria-describedby': describedBy,
        'aria-invalid': error ? 'true' : undefined,
      })}
      {hint ? (
        <span class="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span class="field-error" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
    </p>
  );
}

function DeleteSection({
  language,
  action,
  csrfToken,
  help,
  label,
  canDelete,
}: {
  language: Language;
  action: string;
  csrfToken: string;
  help: string;
  label: string;
  canDelete: boolean;
}) {
  const b = addressBookTexts(language);
  return (
    <section aria-labelledby="delete-heading" class="panel danger-zone">
      <h2 id="delete-heading">{b.deleteHeading}</h2>
      <p>{help}</p>
      {canDelete ? (
        <form method="post" action={action}>
          <input type="hidden" name="_csrf" value={csrfToken} />
          <button type="submit" class="danger">
            {label}
          </button>
        </form>
      ) : (
        <p class="hint">{b.adminsDelete}</p>
      )}
    </section>
  );
}

export interface ContactFormPageProps {
  language: Language;
  csrfToken: string;
  /** Absent for a new contact. */
  contactId?: string;
  values: Record<string, string>;
  errors: Record<string, string>;
  organisations: { organisationId: string; name: string }[];
  /** The recorded basis of an existing contact (kept unless another is chosen). */
  currentBasis?: LawfulBasis;
  canEdit: boolean;
  canDelete: boolean;
  saved?: boolean;
}

export function ContactFormPage(props: ContactFormPageProps) {
  const { language, values, errors, contactId } = props;
  const b = addressBookTexts(language);
  const d = directoryTexts(language);
  const f = b.fields;
  const names = shellTexts(language).languageNames;
  const action = contactId ? `/console/contacts/${encodeURIComponent(contactId)}` : '/console/contacts';
  return (
    <>
      <p>
        <a href="/console/contacts">
          <span aria-hidden="true">← </span>
          {d.contacts.title}
        </a>
      </p>
      <h1>{contactId ? values.name || b.contactTitle.edit : b.contactTitle.create}</h1>
      {props.saved ? (
        <div class="notice" role="status">
          <p>{b.saved}</p>
        </div>
      ) : null}
      <ErrorSummary language={language} errors={errors} />
      {props.canEdit ? null : <p class="notice">{b.readOnly}</p>}
      <form method="post" action={action} class="event-form stacked-form" novalidate>
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        {values.expectedVersion ? (
          <input type="hidden" name="expectedVersion" value={values.expectedVersion} />
        ) : null}
        <fieldset disabled={!props.canEdit}>
          <legend class="visually-hidden">{b.contactTitle.edit}</legend>
          <Field field="name" label={f.name} errors={errors}>
            {(a) => (
              <input
                {...a}
                type="text"
                value={values.name ?? ''}
                maxLength={200}
                autocomplete="off"
                required
              />
            )}
          </Field>
          <Field field="email" label={f.email} errors={errors}>
            {(a) => (
              <input
                {...a}
                type="email"
                value={values.email ?? ''}
                maxLength={254}
                autocomplete="off"
                required
              />
            )}
          </Field>
          <Field field="organisationId" label={f.organisation} errors={errors}>
            {(a) => (
              <select {...a}>
                <option value="">{f.noOrganisation}</option>
                {props.organisations.map((o) => (
                  <option
                    key={o.organisationId}
                    value={o.organisationId}
                    selected={values.organisationId === o.organisationId}
                  >
                    {o.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field field="role" label={f.role} errors={errors}>
            {(a) => <input {...a} type="text" value={values.role ?? ''} maxLength={120} />}
          </Field>
          <Field field="language" label={f.language} errors={errors}>
            {(a) => (
              <select {...a}>
                {languages.map((l) => (
                  <option key={l} value={l} selected={values.language === l}>
                    {names[l]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field field="tags" label={f.tags} hint={f.tagsHint} errors={errors}>
            {(a) => <input {...a} type="text" value={values.tags ?? ''} />}
          </Field>
          <Field field="lawfulBasis" label={f.lawfulBasis} errors={errors}>
            {(a) => (
              <select {...a} required={!props.currentBasis}>
                <option value="">
                  {props.currentBasis
                    ? f.keepBasis(d.lawfulBases[props.currentBasis].label)
                    : d.import.chooseBasis}
                </option>
                {lawfulBases.map((basis) => (
                  <option key={basis} value={basis} selected={values.lawfulBasis === basis}>
                    {d.lawfulBases[basis].label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {props.canEdit ? (
            <p>
              <button type="submit" class="primary">
                {b.save}
              </button>{' '}
              <a href="/console/contacts">{b.cancel}</a>
            </p>
          ) : null}
        </fieldset>
      </form>
      {contactId && props.canEdit ? (
        <DeleteSection
          language={language}
          action={`${action}/delete`}
          csrfToken={props.csrfToken}
          help={b.deleteContactHelp}
          label={b.deleteContact}
          canDelete={props.canDelete}
        />
      ) : null}
    </>
  );
}

export interface OrganisationFormPageProps {
  language: Language;
  csrfToken: string;
  organisationId?: string;
  values: Record<string, string>;
  errors: Record<string, string>;
  canDelete: boolean;
}

export function OrganisationFormPage(props: OrganisationFormPageProps) {
  const { language, values, errors, organisationId } = props;
  const b = addressBookTexts(language);
  const d = directoryTexts(language);
  const f = b.fields;
  const action = organisationId
    ? `/console/organisations/${encodeURIComponent(organisationId)}`
    : '/console/organisations';
  const back = organisationId ? action : '/console/organisations';
  return (
    <>
      <p>
        <a href={back}>
          <span aria-hidden="true">← </span>
          {organisationId ? values.name || d.organisations.title : d.organisations.title}
        </a>
      </p>
      <h1>{organisationId ? b.organisationTitle.edit : b.organisationTitle.create}</h1>
      <ErrorSummary language={language} errors={errors} />
      <form method="post" action={action} class="event-form stacked-form" novalidate>
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        {values.expectedVersion ? (
          <input type="hidden" name="expectedVersion" value={values.expectedVersion} />
        ) : null}
        <Field field="name" label={f.name} errors={errors}>
          {(a) => <input {...a} type="text" value={values.name ?? ''} maxLength={200} required />}
        </Field>
        <Field
          field="organisationNumber"
          label={f.organisationNumber}
          hint={f.organisationNumberHint}
          errors={errors}
        >
          {(a) => (
            <input
              {...a}
              type="text"
              value={values.organisationNumber ?? ''}
              maxLength={40}
              inputMode="numeric"
            />
          )}
        </Field>
        <Field field="country" label={f.country} errors={errors}>
          {(a) => (
            <select {...a}>
              {countries.map((c) => (
                <option key={c} value={c} selected={values.country === c}>
                  {d.countries[c]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field field="organisationType" label={f.type} errors={errors}>
          {(a) => (
            <select {...a}>
              {organisationTypes.map((t) => (
                <option key={t} value={t} selected={values.organisationType === t}>
                  {d.organisationTypes[t]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field field="size" label={f.size} errors={errors}>
          {(a) => (
            <select {...a}>
              <option value="">{f.noSize}</option>
              {organisationSizes.map((s) => (
                <option key={s} value={s} selected={values.size === s}>
                  {d.sizes(s)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field field="industry" label={f.industry} errors={errors}>
          {(a) => <input {...a} type="text" value={values.industry ?? ''} maxLength={120} />}
        </Field>
        <Field field="area" label={f.area} hint={f.areaHint} errors={errors}>
          {(a) => <input {...a} type="text" value={values.area ?? ''} maxLength={80} />}
        </Field>
        <Field field="tags" label={f.tags} hint={f.tagsHint} errors={errors}>
          {(a) => <input {...a} type="text" value={values.tags ?? ''} />}
        </Field>
        <p>
          <button type="submit" class="primary">
            {b.save}
          </button>{' '}
          <a href={back}>{b.cancel}</a>
        </p>
      </form>
      {organisationId ? (
        <DeleteSection
          language={language}
          action={`${action}/delete`}
          csrfToken={props.csrfToken}
          help={b.deleteOrganisationHelp}
          label={b.deleteOrganisation}
          canDelete={props.canDelete}
        />
      ) : null}
    </>
  );
}
