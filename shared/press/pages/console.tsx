import { formatDateTime, formatNumber } from '../../platform/texts/format.js';
import { type Language, languages } from '../../platform/texts/language.js';
import { languageEndonyms } from '../../platform/texts/shell.js';
import { instantToLocalInput } from '../../platform/texts/wall-clock.js';
import type { Programme } from '../../programmes/index.js';
import { maxFileBytes } from '../files.js';
import { allowedActions, effectiveStatus, type PressSettings, type Release } from '../release.js';
import { subscriberConsoleTexts } from '../subscription-texts.js';
import { pressTexts } from '../texts.js';

export const releaseHref = (releaseId: string, rest = '') =>
  `/console/press/${encodeURIComponent(releaseId)}${rest}`;

const pressStyles = `
.press-form fieldset { border: 1px solid var(--line); border-radius: var(--radius); padding: 1rem; margin: 0 0 1.25rem; }
.press-form legend { font-weight: 600; padding: 0 0.25rem; }
.press-form textarea { width: 100%; min-height: 6rem; }
.press-form textarea.body { min-height: 14rem; }
.press-form input[type=text], .press-form input[type=datetime-local] { width: 100%; max-width: 42rem; }
.checks { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; }
.quote-row { display: grid; gap: 0.5rem; margin-bottom: 1rem; }
.preview-link { overflow-wrap: anywhere; }
`;

export function ReleasesListPage(props: {
  language: Language;
  timeZone: string;
  releases: Release[];
  now: Date;
  cursor?: string;
  canWrite: boolean;
}) {
  const { language, timeZone, releases, now, cursor, canWrite } = props;
  const m = pressTexts(language).console;
  return (
    <>
      <h1>{m.title}</h1>
      <p>
        <a href="/console/press-subscribers">{subscriberConsoleTexts[language].title}</a>
      </p>
      {canWrite ? (
        <p>
          <a class="button" href="/console/press/new">
            {m.newRelease}
          </a>
        </p>
      ) : (
        <p class="hint">{m.readOnly}</p>
      )}
      {releases.length === 0 ? (
        <p class="empty">{m.noReleases}</p>
      ) : (
        <div class="table-wrap">
          <table class="data-table">
            <caption class="visually-hidden">{m.title}</caption>
            <thead>
              <tr>
                <th scope="col">{m.headline}</th>
                <th scope="col">{m.status}</th>
                <th scope="col">{m.publishAt}</th>
                <th scope="col">{m.language}</th>
              </tr>
            </thead>
            <tbody>
              {releases.map((r) => {
                const status = effectiveStatus(r, now);
                return (
                  <tr key={r.releaseId}>
                    <td lang={r.language}>
                      <a href={releaseHref(r.releaseId)}>{r.headline}</a>
                    </td>
                    <td class="status">
                      {m.statuses[status]}
                      {status === 'scheduled' && r.embargo ? ` (${m.embargoed})` : ''}
                    </td>
                    <td class="nowrap">
                      {r.publishAt ? (
                        <time dateTime={r.publishAt}>{formatDateTime(r.publishAt, language, timeZone)}</time>
                      ) : (
                        '–'
                      )}
                    </td>
                    <td>{languageEndonyms[r.language]}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {cursor ? (
        <p>
          <a href={`/console/press?cursor=${encodeURIComponent(cursor)}`}>{m.more}</a>
        </p>
      ) : null}
    </>
  );
}

function TermChecks(props: {
  name: string;
  legend: string;
  terms: { id: string; name: string }[];
  chosen: string[];
  empty: string;
}) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.terms.length === 0 ? (
        <p class="hint">{props.empty}</p>
      ) : (
        <div class="checks">
          {props.terms.map((t) => (
            <label class="choice" key={t.id}>
              <input type="checkbox" name={props.name} value={t.id} checked={props.chosen.includes(t.id)} />{' '}
              {t.name}
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}

export interface ReleaseFormProps {
  language: Language;
  csrfToken: string;
  settings: PressSettings;
  programmes: Programme[];
  /** Absent for a new release. */
  release?: Release;
  /** A published release: the form corrects it. */
  correcting?: boolean;
}

/** The editor: every field of a release; a published one also asks what the correction is. */
export function ReleaseForm(props: ReleaseFormProps) {
  const { language, csrfToken, settings, programmes, release, correcting } = props;
  const m = pressTexts(language).console;
  const quotes = [
    ...(release?.quotes ?? []),
    { text: '', name: '', role: '' },
    { text: '', name: '', role: '' },
  ].slice(0, Math.max(2, (release?.quotes.length ?? 0) + 1));
  const action = release ? releaseHref(release.releaseId) : '/console/press';
  return (
    <form class="stacked-form press-form" method="post" action={action}>
      <input type="hidden" name="_csrf" value={csrfToken} />
      {release ? <input type="hidden" name="expectedVersion" value={String(release.version)} /> : null}
      <div class="form-field">
        <label for="headline">{m.headline}</label>
        <input
          type="text"
          id="headline"
          name="headline"
          required
          maxLength={200}
          value={release?.headline ?? ''}
        />
      </div>
      <div class="form-field">
        <label for="lead">{m.lead}</label>
        <textarea id="lead" name="lead" maxLength={600}>
          {release?.lead ?? ''}
        </textarea>
      </div>
      <div class="form-field">
        <label for="body">{m.body}</label>
        <p class="hint" id="body-hint">
          {m.bodyHint}
        </p>
        <textarea id="body" class="body" name="body" aria-describedby="body-hint" maxLength={20000}>
          {release?.body ?? ''}
        </textarea>
      </div>
      <fieldset>
        <legend>{m.quotes}</legend>
        {quotes.map((q, i) => (
          <div class="quote-row" key={String(i)}>
            <label for={`quote-${i}-text`}>
              {m.quoteText} {i + 1}
            </label>
            <textarea id={`quote-${i}-text`} name={`quote${i}Text`}>
              {q.text}
            </textarea>
            <label for={`quote-${i}-name`}>{m.quoteName}</label>
            <input type="text" id={`quote-${i}-name`} name={`quote${i}Name`} value={q.name} />
            <label for={`quote-${i}-role`}>{m.quoteRole}</label>
            <input type="text" id={`quote-${i}-role`} name={`quote${i}Role`} value={q.role ?? ''} />
          </div>
        ))}
      </fieldset>
      <div class="form-field">
        <label for="language">{m.language}</label>
        <select id="language" name="language">
          {languages.map((code) => (
            <option key={code} value={code} selected={code === (release?.language ?? language)}>
              {languageEndonyms[code]}
            </option>
          ))}
        </select>
      </div>
      <TermChecks
        name="topics"
        legend={m.topics}
        terms={settings.topics}
        chosen={release?.topics ?? []}
        empty={m.noTerms}
      />
      <TermChecks
        name="tags"
        legend={m.tags}
        terms={settings.tags}
        chosen={release?.tags ?? []}
        empty={m.noTerms}
      />
      <TermChecks
        name="regions"
        legend={m.regions}
        terms={settings.regions}
        chosen={release?.regions ?? []}
        empty={m.noTerms}
      />
      <TermChecks
        name="contactIds"
        legend={m.contacts}
        terms={settings.contacts.map((c) => ({ id: c.id, name: `${c.name}, ${c.role}` }))}
        chosen={release?.contactIds ?? []}
        empty={m.noTerms}
      />
      {programmes.length > 0 ? (
        <fieldset>
          <legend>{m.programme}</legend>
          <label for="programmeId" class="visually-hidden">
            {m.programme}
          </label>
          <select id="programmeId" name="programmeId">
            <option value="">–</option>
            {programmes.map((p) => (
              <option
                key={p.programmeId}
                value={p.programmeId}
                selected={p.programmeId === release?.programmeId}
              >
                {p.name}
              </option>
            ))}
          </select>
          <div class="checks">
            {programmes.flatMap((p) =>
              p.themes.map((t) => (
                <label class="choice" key={t.id}>
                  <input
                    type="checkbox"
                    name="themeIds"
                    value={t.id}
                    checked={release?.themeIds.includes(t.id)}
                  />{' '}
                  {t.title}
                </label>
              )),
            )}
          </div>
        </fieldset>
      ) : null}
      <fieldset>
        <legend>{pressTexts(language).newsroom.otherLanguages}</legend>
        {languages.map((code) => (
          <div class="form-field" key={code}>
            <label for={`translation-${code}`}>{languageEndonyms[code]} (id)</label>
            <input
              type="text"
              id={`translation-${code}`}
              name={`translation_${code}`}
              value={release?.translations[code] ?? ''}
              pattern="[A-Za-z0-9_-]{1,64}"
            />
          </div>
        ))}
      </fieldset>
      {correcting ? (
        <div class="form-field">
          <label for="correction">{m.correction}</label>
          <p class="hint" id="correction-hint">
            {m.correctionHint}
          </p>
          <textarea id="correction" name="correction" required aria-describedby="correction-hint" />
        </div>
      ) : null}
      <button type="submit" class="primary">
        {correcting ? m.saveCorrection : release ? m.save : m.create}
      </button>
      <style dangerouslySetInnerHTML={{ __html: pressStyles }} />
    </form>
  );
}

export interface ReleaseConsolePageProps extends ReleaseFormProps {
  release: Release;
  timeZone: string;
  now: Date;
  canWrite: boolean;
  views: number;
  /** Just made: shown once. */
  previewUrl?: string;
  publicUrl: string;
}

/** One release in the console: its state, the actions it allows, files, preview, and the editor. */
export function ReleaseConsolePage(props: ReleaseConsolePageProps) {
  const { language, csrfToken, release, timeZone, now, canWrite, views, previewUrl, publicUrl } = props;
  const m = pressTexts(language).console;
  const status = effectiveStatus(release, now);
  const actions = canWrite ? allowedActions(release, now) : [];
  const hidden = (
    <>
      <input type="hidden" name="_csrf" value={csrfToken} />
      <input type="hidden" name="expectedVersion" value={String(release.version)} />
    </>
  );
  return (
    <>
      <p>
        <a href="/console/press">
          <span aria-hidden="true">← </span>
          {m.back}
        </a>
      </p>
      <h1 lang={release.language}>{release.headline}</h1>
      <dl class="facts">
        <dt>{m.status}</dt>
        <dd class="status" id="release-status">
          {m.statuses[status]}
          {status === 'scheduled' && release.embargo ? ` (${m.embargoed})` : ''}
        </dd>
        <dt>{m.publishAt}</dt>
        <dd>
          {release.publishAt ? (
            <time dateTime={release.publishAt}>{formatDateTime(release.publishAt, language, timeZone)}</time>
          ) : (
            '–'
          )}
        </dd>
        <dt>{m.views}</dt>
        <dd>{formatNumber(views, language)}</dd>
        {status === 'published' ? (
          <>
            <dt>{m.publicPage}</dt>
            <dd>
              <a href={publicUrl}>{publicUrl}</a>
            </dd>
          </>
        ) : null}
      </dl>
      {release.corrections.length > 0 ? (
        <section aria-labelledby="corrections-heading">
          <h2 id="corrections-heading">{m.corrections}</h2>
          <ul>
            {release.corrections.map((c) => (
              <li key={c.at}>
                <time dateTime={c.at}>{formatDateTime(c.at, language, timeZone)}</time>: {c.note}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="preview-heading" class="panel">
        <h2 id="preview-heading">{m.preview}</h2>
        <p class="hint">{m.previewHint}</p>
        {previewUrl ? (
          <p class="preview-link">
            {m.previewLink(7)}{' '}
            <a id="preview-url" href={previewUrl}>
              {previewUrl}
            </a>
          </p>
        ) : null}
        <form method="post" action={releaseHref(release.releaseId, '/preview-link')}>
          <input type="hidden" name="_csrf" value={csrfToken} />
          <button type="submit">{m.makePreviewLink}</button>
        </form>
      </section>

      {actions.includes('schedule') ? (
        <section aria-labelledby="schedule-heading" class="panel">
          <h2 id="schedule-heading">{m.schedule}</h2>
          <form class="stacked-form" method="post" action={releaseHref(release.releaseId, '/schedule')}>
            {hidden}
            <div class="form-field">
              <label for="publishAt">{m.publishAt}</label>
              <p class="hint" id="publishAt-hint">
                {m.scheduleHint(timeZone)}
              </p>
              <input
                type="datetime-local"
                id="publishAt"
                name="publishAt"
                step={1}
                required
                aria-describedby="publishAt-hint"
                value={release.publishAt ? instantToLocalInput(release.publishAt, timeZone) : ''}
              />
            </div>
            <label class="choice">
              <input type="checkbox" name="embargo" value="on" checked={release.embargo} /> {m.embargo}
            </label>
            <p class="hint">{m.embargoHint}</p>
            <button type="submit" class="primary">
              {m.scheduleSubmit}
            </button>
          </form>
        </section>
      ) : null}
      {actions.includes('publish') || actions.includes('cancel') ? (
        <div class="inline-links">
          {actions.includes('publish') ? (
            <form method="post" action={releaseHref(release.releaseId, '/publish')}>
              {hidden}
              <button type="submit">{m.publishNow}</button>
            </form>
          ) : null}
          {actions.includes('cancel') ? (
            <form method="post" action={releaseHref(release.releaseId, '/cancel')}>
              {hidden}
              <button type="submit" aria-describedby="cancel-hint">
                {m.cancel}
              </button>
              <p class="hint" id="cancel-hint">
                {m.cancelHint}
              </p>
            </form>
          ) : null}
        </div>
      ) : null}

      <section aria-labelledby="files-heading">
        <h2 id="files-heading">{m.files}</h2>
        {release.files.length === 0 ? (
          <p class="empty">{m.noFiles}</p>
        ) : (
          <ul class="list">
            {release.files.map((f) => (
              <li key={f.fileId}>
                <span class="title">{f.name}</span>
                <p class="meta">
                  {m.kinds[f.kind]} · {f.contentType} · {formatNumber(Math.ceil(f.size / 1024), language)} kB
                  {f.alt ? ` · ${f.alt}` : ''}
                </p>
                {actions.includes('edit') ? (
                  <form method="post" action={releaseHref(release.releaseId, `/files/${f.fileId}/delete`)}>
                    <input type="hidden" name="_csrf" value={csrfToken} />
                    <button type="submit">
                      {m.removeFile}
                      <span class="visually-hidden"> {f.name}</span>
                    </button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {actions.includes('edit') ? (
          <form
            class="stacked-form"
            method="post"
            action={releaseHref(release.releaseId, '/files')}
            enctype="multipart/form-data"
          >
            <input type="hidden" name="_csrf" value={csrfToken} />
            <p class="hint" id="file-hint">
              {m.fileHint}
            </p>
            <div class="form-field">
              <label for="file-kind">{m.fileKind}</label>
              <select id="file-kind" name="kind">
                <option value="image">{m.kinds.image}</option>
                <option value="attachment">{m.kinds.attachment}</option>
              </select>
            </div>
            <div class="form-field">
              <label for="file">{m.file}</label>
              <input
                type="file"
                id="file"
                name="file"
                required
                aria-describedby="file-hint"
                accept="image/png,image/jpeg,image/webp,application/pdf"
                data-max-bytes={String(maxFileBytes.attachment)}
              />
            </div>
            <div class="form-field">
              <label for="file-alt">{m.alt}</label>
              <input type="text" id="file-alt" name="alt" maxLength={300} />
            </div>
            <button type="submit">{m.upload}</button>
          </form>
        ) : null}
      </section>

      {actions.includes('edit') || actions.includes('correct') ? (
        <section aria-labelledby="edit-heading">
          <h2 id="edit-heading">{actions.includes('correct') ? m.correction : m.edit}</h2>
          <ReleaseForm {...props} correcting={actions.includes('correct')} />
        </section>
      ) : null}
    </>
  );
}
