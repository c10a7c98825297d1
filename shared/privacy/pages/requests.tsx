import type { ComponentChildren } from 'preact';
import type { KeptItem } from '../../platform/privacy/personal-data.js';
import { formatDate, formatDateTime, formatNumber } from '../../platform/texts/format.js';
import type { Language } from '../../platform/texts/language.js';
import type { AuditEntry } from '../audit.js';
import { exportTexts } from '../export-texts.js';
import { identityChecks, isOpen, requestKinds, requestStatuses } from '../request.js';
import type { DueSoon, PrivacyRequest } from '../store.js';
import { privacyTexts } from '../texts.js';

export const requestHref = (requestId: string) =>
  `/console/privacy/requests/${encodeURIComponent(requestId)}`;
const cssId = (field: string) => `f-${field}`;

function ErrorSummary(props: { language: Language; errors: Record<string, string> }) {
  const entries = Object.entries(props.errors);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert">
      <h2>{privacyTexts(props.language).fixErrors}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>
            <a href={`#${cssId(field)}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Field(props: {
  field: string;
  label: string;
  error?: string;
  hint?: string;
  children: (attrs: Record<string, string | undefined>) => ComponentChildren;
}) {
  const describedBy = [
    props.hint ? `${cssId(props.field)}-hint` : '',
    props.error ? `${cssId(props.field)}-error` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <p class={`field${props.error ? ' has-error' : ''}`}>
      <label for={cssId(props.field)}>{props.label}</label>
      {props.children({
        id: cssId(props.field),
        name: props.field,
        'aria-describedby': describedBy || undefined,
        'aria-invalid': props.error ? 'true' : undefined,
      })}
      {props.hint ? (
        <span class="hint" id={`${cssId(props.field)}-hint`}>
          {props.hint}
        </span>
      ) : null}
      {props.error ? (
        <span class="field-error" id={`${cssId(props.field)}-error`}>
          {props.error}
        </span>
      ) : null}
    </p>
  );
}

export interface RequestsPageProps {
  language: Language;
  /** The tenant's archive rule for feedback answers, and whether it was just saved. */
  archive: { feedbackAnswersAreOfficial: boolean; saved: boolean };
  /** The retention form's values (as stored, or as posted after a refusal). */
  retention: { deliveryMonths: string; feedbackAttributionMonths: string; inactiveContactMonths: string };
  today: string;
  requests: PrivacyRequest[];
  nextCursor?: string;
  values: Record<string, string>;
  errors: Record<string, string>;
  csrfToken: string;
}

/** The requests register: the list, and the form to record one. Admins only (the handler checks). */
export function RequestsPage(props: RequestsPageProps) {
  const { language, values, errors } = props;
  const m = privacyTexts(language);
  return (
    <>
      <h1>{m.title}</h1>
      <p class="lead">{m.intro}</p>
      <p>
        <a href="/console/privacy/audit">{m.auditLink}</a>
      </p>
      <section aria-labelledby="requests-heading">
        <h2 id="requests-heading">{m.requestsHeading}</h2>
        {props.requests.length === 0 ? (
          <p class="empty">{m.noRequests}</p>
        ) : (
          <section class="table-wrap" aria-labelledby="requests-heading" tabindex={0}>
            <table class="data">
              <thead>
                <tr>
                  <th scope="col">{m.fields.kind}</th>
                  <th scope="col">{m.fields.receivedOn}</th>
                  <th scope="col">{m.fields.dueOn}</th>
                  <th scope="col">{m.fields.status}</th>
                </tr>
              </thead>
              <tbody>
                {props.requests.map((r) => (
                  <tr key={r.requestId}>
                    <td>
                      <a href={requestHref(r.requestId)}>{`${m.kinds[r.kind]}: ${r.requesterName}`}</a>
                    </td>
                    <td>{formatDate(r.receivedOn, language)}</td>
                    <td>
                      {formatDate(r.dueOn, language)}
                      {isOpen(r.status) && r.dueOn < props.today ? (
                        <strong class="tag">{` ${m.overdue}`}</strong>
                      ) : null}
                    </td>
                    <td>{m.statuses[r.status]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
        {props.nextCursor ? (
          <p>
            <a href={`/console/privacy?cursor=${encodeURIComponent(props.nextCursor)}`}>{m.more}</a>
          </p>
        ) : null}
      </section>
      <section aria-labelledby="archive-heading">
        <h2 id="archive-heading">{m.archive.heading}</h2>
        {props.archive.saved ? (
          <div class="notice" role="status">
            <p>{m.archive.saved}</p>
          </div>
        ) : null}
        <form method="post" action="/console/privacy/archive" class="inline-form">
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <p class="check">
            <input
              id="f-feedbackAnswersAreOfficial"
              name="feedbackAnswersAreOfficial"
              type="checkbox"
              checked={props.archive.feedbackAnswersAreOfficial}
              aria-describedby="f-feedbackAnswersAreOfficial-help"
            />
            <label for="f-feedbackAnswersAreOfficial">{m.archive.feedbackLabel}</label>
          </p>
          <p class="hint" id="f-feedbackAnswersAreOfficial-help">
            {m.archive.help}
          </p>
          <button type="submit" class="button button-secondary">
            {m.archive.save}
          </button>
        </form>
      </section>
      <section aria-labelledby="retention-heading">
        <h2 id="retention-heading">{m.retention.heading}</h2>
        <p class="hint">{m.retention.help}</p>
        <form method="post" action="/console/privacy/retention" class="event-form" novalidate>
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          {(['deliveryMonths', 'feedbackAttributionMonths', 'inactiveContactMonths'] as const).map(
            (field) => (
              <Field
                key={field}
                field={field}
                label={`${m.retention[field]} (${m.retention.months})`}
                error={errors[field]}
              >
                {(attrs) => (
                  <input
                    type="number"
                    inputmode="numeric"
                    min={field === 'inactiveContactMonths' ? '6' : '1'}
                    max="120"
                    value={props.retention[field]}
                    {...attrs}
                  />
                )}
              </Field>
            ),
          )}
          <p>
            <button type="submit" class="button button-secondary">
              {m.retention.save}
            </button>
          </p>
        </form>
      </section>
      <section aria-labelledby="new-heading">
        <h2 id="new-heading">{m.newHeading}</h2>
        <ErrorSummary language={language} errors={errors} />
        <form method="post" action="/console/privacy/requests" class="event-form" novalidate>
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <Field field="kind" label={m.fields.kind} error={errors.kind}>
            {(attrs) => (
              <select {...attrs}>
                {requestKinds.map((k) => (
                  <option key={k} value={k} selected={values.kind === k}>
                    {m.kinds[k]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field field="email" label={m.fields.email} error={errors.email}>
            {(attrs) => <input type="email" autocomplete="off" value={values.email ?? ''} {...attrs} />}
          </Field>
          <Field field="requesterName" label={m.fields.requesterName} error={errors.requesterName}>
            {(attrs) => (
              <input type="text" autocomplete="off" value={values.requesterName ?? ''} {...attrs} />
            )}
          </Field>
          <Field field="identityCheck" label={m.fields.identityCheck} error={errors.identityCheck}>
            {(attrs) => (
              <select {...attrs}>
                {identityChecks.map((c) => (
                  <option key={c} value={c} selected={values.identityCheck === c}>
                    {m.checks[c]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field field="identityNote" label={m.fields.identityNote} error={errors.identityNote}>
            {(attrs) => <input type="text" value={values.identityNote ?? ''} {...attrs} />}
          </Field>
          <Field field="receivedOn" label={m.fields.receivedOn} error={errors.receivedOn} hint={m.dueHint}>
            {(attrs) => <input type="date" value={values.receivedOn ?? props.today} {...attrs} />}
          </Field>
          <p>
            <button type="submit" class="button">
              {m.record}
            </button>
          </p>
        </form>
      </section>
    </>
  );
}

export interface RequestPageProps {
  language: Language;
  timeZone: string;
  today: string;
  request: PrivacyRequest;
  recorded: boolean;
  conflict: boolean;
  csrfToken: string;
  /** A link just made for the person, with how many items it holds now. */
  exportLink?: { url: string; count: number };
  /** What the request's own work adds (erasure progress). */
  children?: ComponentChildren;
  /** A rectification: the contact's details now (or as typed, with errors), and the organisations to pick. */
  rectification?: {
    found: boolean;
    values: { name?: string; email?: string; organisationId?: string };
    errors: Record<string, string>;
    organisations: { organisationId: string; name: string }[];
  };
}

/** One request: who asked, how identity was checked, when it is due, its status. */
export function RequestPage(props: RequestPageProps) {
  const { language, request: r } = props;
  const m = privacyTexts(language);
  return (
    <>
      <p>
        <a href="/console/privacy">{m.back}</a>
      </p>
      <h1>{`${m.kinds[r.kind]}: ${r.requesterName}`}</h1>
      {props.recorded ? (
        <div class="notice" role="status">
          <p>{m.recorded}</p>
        </div>
      ) : null}
      {props.conflict ? (
        <div class="notice notice-error" role="alert">
          <p>{m.conflict}</p>
        </div>
      ) : null}
      <dl class="facts">
        <dt>{m.fields.email}</dt>
        <dd class="email">{r.email ?? '–'}</dd>
        <dt>{m.fields.identityCheck}</dt>
        <dd>
          {r.identityNote ? `${m.checks[r.identityCheck]} (${r.identityNote})` : m.checks[r.identityCheck]}
        </dd>
        <dt>{m.fields.receivedOn}</dt>
        <dd>{formatDate(r.receivedOn, language)}</dd>
        <dt>{m.fields.dueOn}</dt>
        <dd>
          {formatDate(r.dueOn, language)}
          {isOpen(r.status) && r.dueOn < props.today ? <strong class="tag">{` ${m.overdue}`}</strong> : null}
        </dd>
        <dt>{m.fields.status}</dt>
        <dd data-status={r.status}>{m.statuses[r.status]}</dd>
        <dt>{m.auditColumns.at}</dt>
        <dd>{formatDateTime(r.recordedAt, language, props.timeZone)}</dd>
      </dl>
      <ExportPanel {...props} />
      {r.kind === 'erasure' ? <ErasurePanel {...props} /> : null}
      {r.kind === 'objection' ? <ObjectionPanel {...props} /> : null}
      {r.kind === 'rectification' ? <RectificationPanel {...props} /> : null}
      {props.children}
      <form method="post" action={`${requestHref(r.requestId)}/status`} class="inline-form">
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <input type="hidden" name="from" value={r.status} />
        <label for="f-status">{m.changeStatus}</label>
        <select id="f-status" name="status">
          {requestStatuses.map((s) => (
            <option key={s} value={s} selected={r.status === s}>
              {m.statuses[s]}
            </option>
          ))}
        </select>
        <button type="submit" class="button button-secondary">
          {m.save}
        </button>
      </form>
    </>
  );
}

/** What an erasure kept, and why: the same list the person's answer shows. */
export function KeptList(props: { language: Language; kept: KeptItem[] }) {
  const m = privacyTexts(props.language);
  const x = exportTexts(props.language);
  if (props.kept.length === 0) return <p>{m.erasure.noneKept}</p>;
  return (
    <ul class="list" id="kept-items">
      {props.kept.map((k) => (
        <li key={k.ref} data-ref={k.ref}>
          <strong>{x.categories[k.category].heading}</strong>
          {k.pseudonymised ? ` (${m.erasure.pseudonymised})` : ''}: {m.erasure.reasons[k.reason]}
        </li>
      ))}
    </ul>
  );
}

/** Erasure requests: run it, follow it, see what it kept. */
function ErasurePanel(props: RequestPageProps) {
  const m = privacyTexts(props.language);
  const { request: r } = props;
  return (
    <section aria-labelledby="erasure-heading" class="panel">
      <h2 id="erasure-heading">{m.erasure.heading}</h2>
      {r.erasure ? (
        <>
          <p role="status" id="erasure-done">
            {m.erasure.done(r.erasure.erased)}
          </p>
          <h3>{m.erasure.keptHeading}</h3>
          <KeptList language={props.language} kept={r.erasure.kept} />
        </>
      ) : r.status === 'in-progress' ? (
        <p role="status">{m.erasure.running}</p>
      ) : null}
      {!r.erasure && (r.status === 'received' || r.status === 'in-progress') ? (
        <form method="post" action={`${requestHref(r.requestId)}/erase`} class="inline-form">
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <button type="submit" class="button">
            {m.erasure.run}
          </button>
        </form>
      ) : null}
    </section>
  );
}

/** Rectifications (Art. 16): correct the contact's name, address and organisation. */
function RectificationPanel(props: RequestPageProps) {
  const m = privacyTexts(props.language).rectification;
  const { request: r, rectification: x } = props;
  return (
    <section aria-labelledby="rectification-heading" class="panel">
      <h2 id="rectification-heading">{m.heading}</h2>
      {r.status === 'done' ? (
        <p role="status" id="rectification-done">
          {m.done}
        </p>
      ) : !isOpen(r.status) ? null : !x?.found ? (
        <p>{m.noContact}</p>
      ) : (
        <form method="post" action={`${requestHref(r.requestId)}/carry-out`} novalidate>
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <p class="hint">{m.help}</p>
          <Field field="name" label={m.name} error={x.errors.name}>
            {(attrs) => <input {...attrs} type="text" value={x.values.name ?? ''} autocomplete="off" />}
          </Field>
          <Field field="email" label={m.email} error={x.errors.email}>
            {(attrs) => <input {...attrs} type="email" value={x.values.email ?? ''} autocomplete="off" />}
          </Field>
          <Field field="organisationId" label={m.organisation} error={x.errors.organisationId}>
            {(attrs) => (
              <select {...attrs}>
                <option value="">{m.noOrganisation}</option>
                {x.organisations.map((o) => (
                  <option
                    key={o.organisationId}
                    value={o.organisationId}
                    selected={x.values.organisationId === o.organisationId}
                  >
                    {o.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit" class="button">
            {m.save}
          </button>
        </form>
      )}
    </section>
  );
}

/** Objections (Art. 21): stop all mail to the address, without erasing the person. */
function ObjectionPanel(props: RequestPageProps) {
  const m = privacyTexts(props.language).objection;
  const { request: r } = props;
  return (
    <section aria-labelledby="objection-heading" class="panel">
      <h2 id="objection-heading">{m.heading}</h2>
      {r.status === 'done' ? (
        <p role="status" id="objection-done">
          {m.done}
        </p>
      ) : isOpen(r.status) ? (
        <form method="post" action={`${requestHref(r.requestId)}/carry-out`} class="inline-form">
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <p class="hint">{m.help}</p>
          <button type="submit" class="button">
            {m.act}
          </button>
        </form>
      ) : null}
    </section>
  );
}

/** Access requests: the button that makes the person's export link, and the link once made. */
function ExportPanel(props: RequestPageProps) {
  const x = exportTexts(props.language);
  return (
    <section aria-labelledby="export-heading" class="panel">
      <h2 id="export-heading">{x.linkLabel}</h2>
      {props.exportLink ? (
        <div class="notice" role="status">
          <p>{x.prepared(props.exportLink.count)}</p>
          <p>
            <a href={props.exportLink.url} id="export-link">
              {props.exportLink.url}
            </a>
          </p>
          <p class="hint">{x.expires}</p>
        </div>
      ) : null}
      <form method="post" action={`${requestHref(props.request.requestId)}/export`} class="inline-form">
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <button type="submit" class="button button-secondary">
          {x.prepare}
        </button>
      </form>
    </section>
  );
}

export interface AuditPageProps {
  language: Language;
  timeZone: string;
  entries: AuditEntry[];
  nextCursor?: string;
}

/** The audit log, newest first; read-only. */
export function AuditPage(props: AuditPageProps) {
  const { language } = props;
  const m = privacyTexts(language);
  return (
    <>
      <p>
        <a href="/console/privacy">{m.back}</a>
      </p>
      <h1 id="audit-heading">{m.auditHeading}</h1>
      <p class="lead">{m.auditIntro}</p>
      {props.entries.length === 0 ? (
        <p class="empty">{m.noAudit}</p>
      ) : (
        <section class="table-wrap" aria-labelledby="audit-heading" tabindex={0}>
          <table class="data">
            <thead>
              <tr>
                <th scope="col">{m.auditColumns.at}</th>
                <th scope="col">{m.auditColumns.actor}</th>
                <th scope="col">{m.auditColumns.action}</th>
                <th scope="col">{m.auditColumns.what}</th>
                <th scope="col" class="num">
                  {m.auditColumns.count}
                </th>
              </tr>
            </thead>
            <tbody>
              {props.entries.map((e) => (
                <tr key={e.entryId}>
                  <td class="nowrap">{formatDateTime(e.at, language, props.timeZone)}</td>
                  <td>{e.actor}</td>
                  <td>{m.actions[e.action]}</td>
                  <td>{e.personRef ? `${e.what} (${e.personRef.slice(0, 8)})` : e.what}</td>
                  <td class="num">{formatNumber(e.count, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {props.nextCursor ? (
        <p>
          <a href={`/console/privacy/audit?cursor=${encodeURIComponent(props.nextCursor)}`}>{m.more}</a>
        </p>
      ) : null}
    </>
  );
}

/** The dashboard's reminder: open requests due within a week, or overdue. Nothing when none. */
export function PrivacyDueSoon(props: { language: Language; dueSoon: DueSoon[] }) {
  if (props.dueSoon.length === 0) return null;
  const m = privacyTexts(props.language);
  return (
    <section aria-labelledby="privacy-due-heading" class="panel">
      <h2 id="privacy-due-heading">{m.dueSoonHeading}</h2>
      <ul class="list">
        {props.dueSoon.map((d) => {
          const due = formatDate(d.dueOn, props.language);
          return (
            <li key={d.requestId}>
              <a href={requestHref(d.requestId)}>
                {d.overdue ? m.overdueItem(m.kinds[d.kind], due) : m.dueSoonItem(m.kinds[d.kind], due)}
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
