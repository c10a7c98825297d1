import type { ComponentChildren } from 'preact';
import { formatNumber } from '../../platform/texts/format.js';
import type { Language } from '../../platform/texts/language.js';
import { shellTexts } from '../../platform/texts/shell.js';
import { addressBookTexts } from '../address-book-texts.js';
import type { ImportRow, ImportSummary } from '../csv-import.js';
import {
  type LawfulBasis,
  lawfulBases,
  type OrganisationSize,
  type OrganisationType,
  organisationSizes,
  organisationTypes,
} from '../schemas.js';
import type { Contact, Organisation } from '../store/contacts.js';
import type { ImportResult } from '../store/imports.js';
import { type DirectoryMessages, directoryTexts, rowErrorText } from '../texts.js';
import { type ListPosition, Paging, SearchForm } from './address-book.js';

export const organisationHref = (organisationId: string) =>
  `/console/organisations/${encodeURIComponent(organisationId)}`;
const contactHref = (contactId: string) => `/console/contacts/${encodeURIComponent(contactId)}`;

const isType = (value: string): value is OrganisationType =>
  (organisationTypes as readonly string[]).includes(value);
const isSize = (value: string | undefined): value is OrganisationSize =>
  value !== undefined && (organisationSizes as readonly string[]).includes(value);
const isBasis = (value: string | undefined): value is LawfulBasis =>
  value !== undefined && (lawfulBases as readonly string[]).includes(value);

const typeLabel = (d: DirectoryMessages, type: string) => (isType(type) ? d.organisationTypes[type] : type);

function Tags({ tags, none }: { tags?: string[]; none: string }) {
  if (!tags?.length) return <span>{none}</span>;
  return (
    <ul class="tags">
      {tags.map((tag) => (
        <li key={tag} class="tag">
          {tag}
        </li>
      ))}
    </ul>
  );
}

/**
 * A table that may scroll sideways on a small screen: a named region that takes keyboard focus,
 * so it can be scrolled without a mouse (WCAG 2.1.1; axe `scrollable-region-focusable`).
 */
function TableRegion({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <section class="table-wrap" aria-label={label} tabindex={0}>
      {children}
    </section>
  );
}

/* ---------- organisations ---------- */

export interface OrganisationsPageProps {
  language: Language;
  organisations: (Organisation & { contactCount: number })[];
  canImport: boolean;
  position: ListPosition;
}

export function OrganisationsPage({ language, organisations, canImport, position }: OrganisationsPageProps) {
  const d = directoryTexts(language);
  const o = d.organisations;
  const b = addressBookTexts(language);
  return (
    <>
      <h1>{o.title}</h1>
      <p class="lead">{o.intro}</p>
      {canImport ? (
        <p class="actions">
          <a class="button" href="/console/organisations/new">
            {b.newOrganisation}
          </a>{' '}
          <a class="button" href="/console/imports">
            {o.importLink}
          </a>
        </p>
      ) : null}
      <SearchForm language={language} action="/console/organisations" position={position} />
      {organisations.length === 0 ? (
        <p class="empty">{position.q ? d.contacts.emptyFiltered : o.empty}</p>
      ) : (
        <TableRegion label={o.caption(position.total)}>
          <table class="data-table">
            <caption>{o.caption(position.total)}</caption>
            <thead>
              <tr>
                <th scope="col">{o.columns.name}</th>
                <th scope="col">{o.columns.type}</th>
                <th scope="col">{o.columns.organisationNumber}</th>
                <th scope="col" class="num">
                  {o.columns.contacts}
                </th>
                <th scope="col">{o.columns.tags}</th>
              </tr>
            </thead>
            <tbody>
              {organisations.map((org) => (
                <tr key={org.organisationId}>
                  <th scope="row">
                    <a href={organisationHref(org.organisationId)}>{org.name}</a>
                  </th>
                  <td>{typeLabel(d, org.organisationType)}</td>
                  <td class="nowrap">{org.organisationNumber ?? d.none}</td>
                  <td class="num">{formatNumber(org.contactCount, language)}</td>
                  <td>
                    <Tags tags={org.tags} none={d.none} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <Paging language={language} action="/console/organisations" position={position} />
    </>
  );
}

export interface OrganisationPageProps {
  language: Language;
  organisation: Organisation;
  contacts: Contact[];
  canEdit: boolean;
  saved?: boolean;
}

export function OrganisationPage({
  language,
  organisation,
  contacts,
  canEdit,
  saved,
}: OrganisationPageProps) {
  const d = directoryTexts(language);
  const p = d.organisation;
  const b = addressBookTexts(language);
  return (
    <>
      <p>
        <a href="/console/organisations">
          <span aria-hidden="true">← </span>
          {p.back}
        </a>
      </p>
      <h1>{organisation.name}</h1>
      {saved ? (
        <div class="notice" role="status">
          <p>{b.saved}</p>
        </div>
      ) : null}
      {canEdit ? (
        <p class="actions">
          <a class="button" href={`${organisationHref(organisation.organisationId)}/edit`}>
            {b.edit}
          </a>{' '}
          <a
            class="button"
            href={`/console/contacts/new?organisationId=${encodeURIComponent(organisation.organisationId)}`}
          >
            {b.newContact}
          </a>
        </p>
      ) : null}
      <dl class="facts">
        <dt>{p.organisationNumber}</dt>
        <dd>{organisation.organisationNumber ?? d.none}</dd>
        <dt>{p.country}</dt>
        <dd>{organisation.country ? d.countries[organisation.country] : d.none}</dd>
        <dt>{p.type}</dt>
        <dd>{typeLabel(d, organisation.organisationType)}</dd>
        <dt>{p.size}</dt>
        <dd>{isSize(organisation.size) ? d.sizes(organisation.size) : d.none}</dd>
        <dt>{p.industry}</dt>
        <dd>{organisation.industry ?? d.none}</dd>
        <dt>{p.area}</dt>
        <dd>{organisation.area ?? d.none}</dd>
        <dt>{p.tags}</dt>
        <dd>
          <Tags tags={organisation.tags} none={d.none} />
        </dd>
      </dl>
      <section aria-labelledby="contacts-heading">
        <h2 id="contacts-heading">{p.contactsHeading}</h2>
        {contacts.length === 0 ? (
          <p class="empty">{p.noContacts}</p>
        ) : (
          <ContactsTable language={language} contacts={contacts} />
        )}
      </section>
    </>
  );
}

/* ---------- contacts ---------- */

function ContactsTable({
  language,
  contacts,
  organisationNames,
  total,
}: {
  language: Language;
  contacts: Contact[];
  /** Shown as a column when given (the contacts page; not an organisation's own page). */
  organisationNames?: Map<string, string>;
  /** All the rows of the list when this is one page of it. */
  total?: number;
}) {
  const m = shellTexts(language);
  const d = directoryTexts(language);
  const c = d.contacts;
  return (
    <TableRegion label={c.caption(total ?? contacts.length)}>
      <table class="data-table">
        <caption>{c.caption(total ?? contacts.length)}</caption>
        <thead>
          <tr>
            <th scope="col">{c.columns.name}</th>
            {organisationNames ? <th scope="col">{c.columns.organisation}</th> : null}
            <th scope="col">{c.columns.role}</th>
            <th scope="col">{c.columns.email}</th>
            <th scope="col">{c.columns.language}</th>
            <th scope="col">{c.columns.tags}</th>
            <th scope="col">{c.columns.lawfulBasis}</th>
          </tr>
        </thead>
        <tbody>
          {contacts.map((contact) => {
            const basis = contact.lawfulBasis?.basis;
            return (
              <tr key={contact.contactId}>
                <th scope="row">
                  <a href={contactHref(contact.contactId)}>{contact.name}</a>
                </th>
                {organisationNames ? (
                  <td>
                    {contact.organisationId && organisationNames.has(contact.organisationId) ? (
                      <a href={organisationHref(contact.organisationId)}>
                        {organisationNames.get(contact.organisationId)}
                      </a>
                    ) : (
                      d.none
                    )}
                  </td>
                ) : null}
                <td>{contact.role ?? d.none}</td>
                <td class="email">{contact.email}</td>
                <td>{m.languageNames[contact.language] ?? contact.language}</td>
                <td>
                  <Tags tags={contact.tags} none={d.none} />
                </td>
                <td>{isBasis(basis) ? d.lawfulBases[basis].label : d.none}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableRegion>
  );
}

export interface ContactsPageProps {
  language: Language;
  contacts: Contact[];
  organisationNames: Map<string, string>;
  position: ListPosition;
  canEdit: boolean;
  /** Set after a contact was deleted (the page it lands on). */
  deleted?: boolean;
}

export function ContactsPage({
  language,
  contacts,
  organisationNames,
  position,
  canEdit,
  deleted,
}: ContactsPageProps) {
  const d = directoryTexts(language);
  const c = d.contacts;
  const b = addressBookTexts(language);
  return (
    <>
      <h1>{c.title}</h1>
      <p class="lead">{c.intro}</p>
      {deleted ? (
        <div class="notice" role="status">
          <p>{b.deleted}</p>
        </div>
      ) : null}
      {canEdit ? (
        <p class="actions">
          <a class="button" href="/console/contacts/new">
            {b.newContact}
          </a>
        </p>
      ) : null}
      <SearchForm language={language} action="/console/contacts" position={position} withTag />
      {contacts.length === 0 ? (
        <p class="empty">{position.q || position.tag ? c.emptyFiltered : c.empty}</p>
      ) : (
        <ContactsTable
          language={language}
          contacts={contacts}
          organisationNames={organisationNames}
          total={position.total}
        />
      )}
      <Paging language={language} action="/console/contacts" position={position} />
    </>
  );
}

/* ---------- import ---------- */

export interface ImportPageProps {
  language: Language;
  csrfToken: string;
  canImport: boolean;
  /** The pasted text, kept in the box when the file could not be read. */
  csvText?: string;
  /** Why the file could not be read (413 / 422), in the page's language. */
  error?: string;
  preview?: { importId: string; summary: ImportSummary; rows: ImportRow[] };
  result?: ImportResult;
}

const statusSymbol = { ok: '✓', error: '✗', duplicate: '⧉' } as const;

function ImportForm({
  language,
  csrfToken,
  csvText,
}: {
  language: Language;
  csrfToken: string;
  csvText?: string;
}) {
  const i = directoryTexts(language).import;
  return (
    <form method="post" action="/console/imports/preview" enctype="multipart/form-data" class="stacked-form">
      <input type="hidden" name="_csrf" value={csrfToken} />
      <div class="form-field">
        <label for="csv-file">{i.fileLabel}</label>
        <p class="hint" id="csv-file-hint">
          {i.fileHint}
        </p>
        <input
          id="csv-file"
          name="file"
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          aria-describedby="csv-file-hint"
        />
      </div>
      <div class="form-field">
        <label for="csv-text">{i.textLabel}</label>
        <p class="hint" id="csv-text-hint">
          {i.textHint}
        </p>
        <textarea id="csv-text" name="csv" rows={10} spellcheck={false} aria-describedby="csv-text-hint">
          {csvText ?? ''}
        </textarea>
      </div>
      <button type="submit" class="primary">
        {i.preview}
      </button>
    </form>
  );
}

function ImportPreviewSection({
  language,
  csrfToken,
  preview,
}: {
  language: Language;
  csrfToken: string;
  preview: NonNullable<ImportPageProps['preview']>;
}) {
  const d = directoryTexts(language);
  const i = d.import;
  const { summary, rows, importId } = preview;
  const counters: [string, number][] = [
    [i.summary.rows, summary.rows],
    [i.summary.ok, summary.ok],
    [i.summary.errors, summary.errors],
    [i.summary.duplicates, summary.duplicates],
    [i.summary.warnings, summary.warnings],
    [i.summary.contactsToCreate, summary.contactsToCreate],
    [i.summary.organisationsToCreate, summary.organisationsToCreate],
    [i.summary.organisationsExisting, summary.organisationsExisting],
  ];
  const delimiterName = summary.delimiter === '\t' ? 'TAB' : summary.delimiter;
  return (
    <section aria-labelledby="preview-heading">
      <h2 id="preview-heading">{i.previewHeading}</h2>
      <h3 class="visually-hidden">{i.summaryHeading}</h3>
      <dl class="counters import-counters">
        {counters.map(([label, value]) => (
          <div key={label} class="counter">
            <dt>{label}</dt>
            <dd>{formatNumber(value, language)}</dd>
          </div>
        ))}
      </dl>
      <p class="hint">
        {i.columnsFound(summary.columns.map((c) => c.header).join(', '))}{' '}
        {summary.ignoredColumns.length ? i.ignoredColumns(summary.ignoredColumns.join(', ')) : null}{' '}
        {i.encoding(summary.encoding, delimiterName)}
      </p>
      {summary.errors + summary.duplicates > 0 ? (
        <RejectedRowsLink language={language} importId={importId} />
      ) : null}

      <section aria-labelledby="commit-heading" class="panel commit-panel">
        <h3 id="commit-heading">{i.commitHeading}</h3>
        {summary.contactsToCreate + summary.organisationsToCreate === 0 ? (
          <p>{i.nothingToCommit}</p>
        ) : (
          <form method="post" action={`/console/imports/${encodeURIComponent(importId)}/commit`}>
            <input type="hidden" name="_csrf" value={csrfToken} />
            <div class="form-field">
              <label for="lawful-basis">{i.basisLegend}</label>
              <p class="hint" id="lawful-basis-hint">
                {i.basisHint}
              </p>
              <select id="lawful-basis" name="lawfulBasis" required aria-describedby="lawful-basis-hint">
                <option value="">{i.chooseBasis}</option>
                {lawfulBases.map((basis) => (
                  <option key={basis} value={basis}>
                    {d.lawfulBases[basis].label}
                  </option>
                ))}
              </select>
              <ul class="hint basis-hints">
                {lawfulBases.map((basis) => (
                  <li key={basis}>
                    <strong>{d.lawfulBases[basis].label}</strong>: {d.lawfulBases[basis].hint}
                  </li>
                ))}
              </ul>
            </div>
            <button type="submit" class="primary">
              {i.commit(summary.contactsToCreate, summary.organisationsToCreate)}
            </button>
            <p class="hint">{i.expires}</p>
          </form>
        )}
      </section>

      <TableRegion label={i.tableCaption}>
        <table class="data-table import-table">
          <caption>{i.tableCaption}</caption>
          <thead>
            <tr>
              <th scope="col" class="num">
                {i.columns.row}
              </th>
              <th scope="col">{i.columns.status}</th>
              <th scope="col">{i.columns.organisation}</th>
              <th scope="col">{i.columns.contact}</th>
              <th scope="col">{i.columns.notes}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.row} id={`row-${row.row}`} class={`row-${row.status}`}>
                <th scope="row" class="num">
                  {row.row}
                </th>
                <td>
                  <span class={`status status-${row.status}`}>
                    <span aria-hidden="true">{statusSymbol[row.status]} </span>
                    {i.status[row.status]}
                  </span>
                </td>
                <td>
                  {row.organisation ? (
                    <>
                      {row.organisation.name}
                      {row.organisation.organisationNumber ? (
                        <span class="meta"> {row.organisation.organisationNumber}</span>
                      ) : null}
                    </>
                  ) : (
                    d.none
                  )}
                </td>
                <td>
                  {row.contact ? (
                    <>
                      {row.contact.name}
                      {row.contact.email ? <span class="meta email"> {row.contact.email}</span> : null}
                    </>
                  ) : (
                    d.none
                  )}
                </td>
                <td>
                  {row.errors.length + row.duplicates.length + row.warnings.length === 0 ? (
                    d.none
                  ) : (
                    <ul class="notes">
                      {row.errors.map((error) => (
                        <li key={`${error.field}-${error.message}`} class="note-error">
                          <strong>{error.column}</strong>: {rowErrorText(error, language)}
                        </li>
                      ))}
                      {row.warnings.map((warning) => (
                        <li key={`${warning.field}-warning`} class="note-warning">
                          <strong>{warning.column}</strong>:{' '}
                          {i.warning(
                            warning.field === 'organisationNumber'
                              ? `${rowErrorText(warning, language)} ${i.numberDropped}`
                              : rowErrorText(warning, language),
                          )}
                        </li>
                      ))}
                      {row.duplicates.map((duplicate) => (
                        <li key={`${duplicate.field}-${duplicate.against}`} class="note-duplicate">
                          {i.duplicate(duplicate)}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}

/** The rows left out, as a file to fix and import again (kept a day after the preview). */
function RejectedRowsLink({ language, importId }: { language: Language; importId: string }) {
  const i = directoryTexts(language).import;
  return (
    <p class="rejected-rows">
      <a href={`/console/imports/${encodeURIComponent(importId)}/rejected.csv`} download>
        {i.downloadRejected}
      </a>
      <br />
      <span class="hint">{i.downloadRejectedHint}</span>
    </p>
  );
}

function ImportResultSection({ language, result }: { language: Language; result: ImportResult }) {
  const d = directoryTexts(language);
  const i = d.import;
  const rowsWithErrors = result.rowsWithErrors ?? 0;
  const duplicateRows = result.duplicateRows ?? 0;
  const leftOut = rowsWithErrors + duplicateRows + result.skipped.length;
  const n = (value: number) => formatNumber(value, language);
  return (
    <section aria-labelledby="result-heading" class="panel" role="status">
      <h2 id="result-heading">{i.resultHeading}</h2>
      <dl class="facts">
        <dt>{i.result.contactsCreated}</dt>
        <dd>{formatNumber(result.contactsCreated, language)}</dd>
        <dt>{i.result.organisationsCreated}</dt>
        <dd>{formatNumber(result.organisationsCreated, language)}</dd>
        <dt>{i.result.organisationsLinked}</dt>
        <dd>{formatNumber(result.organisationsLinked, language)}</dd>
        <dt>{i.result.basis}</dt>
        <dd>{d.lawfulBases[result.lawfulBasis].label}</dd>
        <dt>{i.result.skipped}</dt>
        <dd>
          {leftOut === 0 ? (
            d.none
          ) : (
            <>
              <strong>{n(leftOut)}</strong>
              {rowsWithErrors + duplicateRows > 0 ? (
                <> ({i.leftOut(n(rowsWithErrors), n(duplicateRows))})</>
              ) : null}
              {result.skipped.length > 0 ? (
                <ul class="notes">
                  {result.skipped.map((s) => (
                    <li key={s.row}>
                      {i.skippedRow(s.row)}:{' '}
                      {i.duplicate({ field: s.field, against: 'existing', skipsRow: true, message: '' })}
                    </li>
                  ))}
                </ul>
              ) : null}
            </>
          )}
        </dd>
      </dl>
      {rowsWithErrors + duplicateRows > 0 ? (
        <RejectedRowsLink language={language} importId={result.importId} />
      ) : null}
      <p>
        <a href="/console/contacts">{d.contacts.title}</a>
        <span aria-hidden="true"> · </span>
        <a href="/console/organisations">{d.organisations.title}</a>
        <span aria-hidden="true"> · </span>
        <a href="/console/imports">{i.another}</a>
      </p>
    </section>
  );
}

export function ImportPage(props: ImportPageProps) {
  const { language, csrfToken, canImport, csvText, error, preview, result } = props;
  const i = directoryTexts(language).import;
  return (
    <>
      <h1>{i.title}</h1>
      <p class="lead">{i.intro}</p>
      {result ? <ImportResultSection language={language} result={result} /> : null}
      {!canImport ? (
        <p class="notice">{i.editorOnly}</p>
      ) : (
        <>
          {error ? (
            <div class="notice notice-error" role="alert">
              <p>
                <strong>{i.fileError}</strong>
              </p>
              <p>{error}</p>
            </div>
          ) : null}
          {preview ? (
            <ImportPreviewSection language={language} csrfToken={csrfToken} preview={preview} />
          ) : null}
          {result ? null : (
            <section aria-labelledby="upload-heading">
              <h2 id="upload-heading" class={preview ? undefined : 'visually-hidden'}>
                {preview ? i.another : i.title}
              </h2>
              <p class="hint">{i.formats}</p>
              <ImportForm language={language} csrfToken={csrfToken} csvText={preview ? undefined : csvText} />
            </section>
          )}
        </>
      )}
    </>
  );
}
