import { type Language, languages } from '../../platform/texts/language.js';
import { languageEndonyms } from '../../platform/texts/shell.js';
import type { PageBrand } from '../../platform/ui/brand.js';
import { newsroomPath } from '../feeds.js';
import type { PressSettings, Term } from '../release.js';
import { subscriptionTexts } from '../subscription-texts.js';
import { NewsroomDocument } from './newsroom.js';

/*
 * The journalist's pages: subscribe (public), confirm, the preference centre and leaving (behind
 * signed links). Escaped by construction; one column, large targets; every field labelled and its
 * error tied to it (aria-describedby).
 */

type Field = 'email' | 'name' | 'outlet' | 'topics' | 'regions' | 'language';

interface Common {
  language: Language;
  tenantId: string;
  tenantName: string;
  /** The municipality's logo and colour on the page. */
  brand?: PageBrand;
}

function TermChoices(props: {
  name: 'topics' | 'regions';
  legend: string;
  terms: Term[];
  chosen: string[];
  error?: string;
}) {
  const { name, legend, terms, chosen, error } = props;
  if (terms.length === 0) return null;
  return (
    <fieldset aria-describedby={error ? `${name}-error` : undefined}>
      <legend>{legend}</legend>
      {terms.map((t) => (
        <label class="choice" key={t.id}>
          <input type="checkbox" name={name} value={t.id} checked={chosen.includes(t.id)} />
          {t.name}
        </label>
      ))}
      {error ? (
        <p class="field-error" id={`${name}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

function LanguageChoice(props: { language: Language; chosen: Language; label: string }) {
  return (
    <div class="form-field">
      <label for="language">{props.label}</label>
      <select id="language" name="language">
        {languages.map((code) => (
          <option key={code} value={code} selected={code === props.chosen}>
            {languageEndonyms[code]}
          </option>
        ))}
      </select>
    </div>
  );
}

function TextField(props: {
  name: Field;
  label: string;
  type?: string;
  value?: string;
  error?: string;
  required?: boolean;
  autocomplete?: string;
}) {
  const { name, label, type = 'text', value, error, required, autocomplete } = props;
  return (
    <div class="form-field">
      <label for={name}>{label}</label>
      <input
        id={name}
        name={name}
        type={type}
        value={value ?? ''}
        required={required}
        autocomplete={autocomplete}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${name}-error` : undefined}
      />
      {error ? (
        <p class="field-error" id={`${name}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export interface SubscribePageProps extends Common {
  settings: PressSettings;
  csrfToken: string;
  /** `sent`: the one answer after a post, whatever the address; `too-fast`: rate-limited. */
  state?: 'sent' | 'too-fast';
  errors?: Partial<Record<Field, true>>;
  values?: Partial<Record<'email' | 'name' | 'outlet', string>> & { topics?: string[]; regions?: string[] };
}

export function SubscribePage(props: SubscribePageProps) {
  const { language, tenantId, tenantName, settings, csrfToken, state, errors = {}, values = {} } = props;
  const m = subscriptionTexts[language];
  const err = (f: Field) => (errors[f] ? m.fields[f] : undefined);
  return (
    <NewsroomDocument
      brand={props.brand}
      language={language}
      title={`${m.title} – ${tenantName}`}
      tenantName={tenantName}
      tenantId={tenantId}
      head={{ noindex: true }}
    >
      <p>
        <a href={newsroomPath(tenantId)}>
          <span aria-hidden="true">← </span>
          {tenantName}
        </a>
      </p>
      <h1>{m.title}</h1>
      {state === 'sent' ? (
        <div class="notice" role="status">
          <p>{m.sent}</p>
        </div>
      ) : (
        <>
          {state === 'too-fast' ? (
            <div class="notice notice-error" role="alert">
              <p>{m.tooFast}</p>
            </div>
          ) : null}
          {Object.keys(errors).length > 0 ? (
            <div class="notice notice-error" role="alert">
              <p>{m.refused}</p>
            </div>
          ) : null}
          <p class="lead">{m.lead(tenantName)}</p>
          <form class="rsvp-form stacked-form" method="post" action={`${newsroomPath(tenantId)}/subscribe`}>
            <input type="hidden" name="_csrf" value={csrfToken} />
            <TextField
              name="email"
              label={m.email}
              type="email"
              value={values.email}
              error={err('email')}
              required
              autocomplete="email"
            />
            <TextField
              name="name"
              label={m.name}
              value={values.name}
              error={err('name')}
              required
              autocomplete="name"
            />
            <TextField
              name="outlet"
              label={`${m.outlet} ${m.optional}`}
              value={values.outlet}
              error={err('outlet')}
              autocomplete="organization"
            />
            <TermChoices
              name="topics"
              legend={m.topics}
              terms={settings.topics}
              chosen={values.topics ?? []}
              error={err('topics')}
            />
            <TermChoices
              name="regions"
              legend={m.regions}
              terms={settings.regions}
              chosen={values.regions ?? []}
              error={err('regions')}
            />
            <LanguageChoice language={language} chosen={language} label={m.language} />
            {/* A field people never see or fill in: only form-filling robots do. */}
            <div class="visually-hidden" aria-hidden="true">
              <label for="website">Website</label>
              <input id="website" name="website" type="text" tabindex={-1} autocomplete="off" />
            </div>
            <p class="hint">{m.consent(tenantName)}</p>
            <button class="button" type="submit">
              {m.submit}
            </button>
          </form>
        </>
      )}
    </NewsroomDocument>
  );
}

/** Confirm (a button, so link scanners confirm nothing), done, or the one answer to a bad link. */
export function ConfirmPage(
  props: Common & { state: 'confirm' | 'done'; action?: string; preferencesHref?: string },
) {
  const { language, tenantId, tenantName, state, action, preferencesHref } = props;
  const m = subscriptionTexts[language];
  return (
    <NewsroomDocument
      brand={props.brand}
      language={language}
      title={`${m.confirmTitle} – ${tenantName}`}
      tenantName={tenantName}
      tenantId={tenantId}
      head={{ noindex: true }}
    >
      <h1>{m.confirmTitle}</h1>
      {state === 'done' ? (
        <div class="notice" role="status">
          <p>{m.confirmed(tenantName)}</p>
          {preferencesHref ? (
            <p>
              <a href={preferencesHref}>{m.preferencesTitle}</a>
            </p>
          ) : null}
        </div>
      ) : (
        <form method="post" action={action}>
          <p>{m.confirmLead}</p>
          <button class="button" type="submit">
            {m.confirmButton}
          </button>
        </form>
      )}
    </NewsroomDocument>
  );
}

export interface PreferencesPageProps extends Common {
  settings: PressSettings;
  action: string;
  state?: 'saved' | 'left';
  invalidTopics?: boolean;
  preferences: { topics: string[]; regions: string[]; language: Language; paused: boolean };
}

export function PreferencesPage(props: PreferencesPageProps) {
  const { language, tenantId, tenantName, settings, action, state, invalidTopics, preferences } = props;
  const m = subscriptionTexts[language];
  if (state === 'left') {
    return (
      <NewsroomDocument
        brand={props.brand}
        language={language}
        title={`${m.unsubscribeTitle} – ${tenantName}`}
        tenantName={tenantName}
        tenantId={tenantId}
        head={{ noindex: true }}
      >
        <h1>{m.unsubscribeTitle}</h1>
        <div class="notice" role="status">
          <p>{m.left(tenantName)}</p>
        </div>
      </NewsroomDocument>
    );
  }
  return (
    <NewsroomDocument
      brand={props.brand}
      language={language}
      title={`${m.preferencesTitle} – ${tenantName}`}
      tenantName={tenantName}
      tenantId={tenantId}
      head={{ noindex: true }}
    >
      <h1>{m.preferencesTitle}</h1>
      {state === 'saved' ? (
        <div class="notice" role="status">
          <p>{m.saved}</p>
        </div>
      ) : null}
      {invalidTopics ? (
        <div class="notice notice-error" role="alert">
          <p>{m.refused}</p>
        </div>
      ) : null}
      <p class="lead">{m.preferencesLead(tenantName)}</p>
      <form class="rsvp-form stacked-form" method="post" action={action}>
        <input type="hidden" name="action" value="save" />
        <TermChoices
          name="topics"
          legend={m.topics}
          terms={settings.topics}
          chosen={preferences.topics}
          error={invalidTopics ? m.fields.topics : undefined}
        />
        <TermChoices
          name="regions"
          legend={m.regions}
          terms={settings.regions}
          chosen={preferences.regions}
        />
        <LanguageChoice language={language} chosen={preferences.language} label={m.language} />
        <label class="choice">
          <input type="checkbox" name="paused" value="yes" checked={preferences.paused} />
          {m.pause}
        </label>
        <button class="button" type="submit">
          {m.save}
        </button>
      </form>
      <h2>{m.leave}</h2>
      <form method="post" action={action}>
        <input type="hidden" name="action" value="leave" />
        <p>{m.leaveLead}</p>
        <button class="button button-secondary" type="submit">
          {m.leave}
        </button>
      </form>
    </NewsroomDocument>
  );
}

/** One-click unsubscribe's page: a button (scanners must not unsubscribe), done, or invalid. */
export function UnsubscribePage(props: Common & { state: 'confirm' | 'done'; action?: string }) {
  const { language, tenantId, tenantName, state, action } = props;
  const m = subscriptionTexts[language];
  return (
    <NewsroomDocument
      brand={props.brand}
      language={language}
      title={`${m.unsubscribeTitle} – ${tenantName}`}
      tenantName={tenantName}
      tenantId={tenantId}
      head={{ noindex: true }}
    >
      <h1>{m.unsubscribeTitle}</h1>
      {state === 'done' ? (
        <div class="notice" role="status">
          <p>{m.left(tenantName)}</p>
        </div>
      ) : (
        <form method="post" action={action}>
          <p>{m.leaveLead}</p>
          <button class="button" type="submit">
            {m.unsubscribeButton}
          </button>
        </form>
      )}
    </NewsroomDocument>
  );
}
