import type { TenantSettings } from '../tenants/settings.js';
import { type Language, languages } from '../texts/language.js';
import { settingsTexts } from '../texts/settings.js';

export interface SettingsPageProps {
  language: Language;
  /** Field → value, as stored or as posted after a refusal. */
  values: Record<string, string>;
  /** Field → message. */
  errors: Record<string, string>;
  /** What respondents read when a notice is left empty, per language. */
  standardNotice: Record<Language, string>;
  canEdit: boolean;
  saved: boolean;
  csrfToken: string;
  /** The municipality's name (the logo's alternative text) and its logo's URL, if it has one. */
  tenantName: string;
  logoUrl?: string;
}

/** The settings form's field of a setting's text in one language. */
export const noticeField = (language: Language) => `publicRecordsNotice.${language}`;

/** The form's fields for stored settings. */
export function settingsValues(settings: TenantSettings | undefined): Record<string, string> {
  return {
    ...Object.fromEntries(languages.map((l) => [noticeField(l), settings?.publicRecordsNotice[l] ?? ''])),
    mailTracking: settings?.mailTracking === false ? '' : 'on',
    brandColour: settings?.brandColour ?? '',
  };
}

/** The tenant's settings: read by every staff member, changed by admins. */
export function SettingsPage(props: SettingsPageProps) {
  const { language, values, errors } = props;
  const m = settingsTexts(language);
  const id = (field: string) => `f-${field.replace(/\./g, '-')}`;
  return (
    <>
      <h1>{m.title}</h1>
      <p>{m.intro}</p>
      {props.saved ? (
        <div class="notice" role="status">
          <p>{m.saved}</p>
        </div>
      ) : null}
      {Object.keys(errors).length > 0 ? (
        <div class="error-summary" role="alert">
          <h2>{m.fixErrors}</h2>
          <ul>
            {Object.entries(errors).map(([field, message]) => (
              <li key={field}>
                <a href={`#${id(field)}`}>{message}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {props.canEdit ? null : <p class="notice">{m.adminsOnly}</p>}
      <form method="post" action="/console/settings" class="event-form" novalidate>
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <fieldset disabled={!props.canEdit}>
          <legend>{m.noticeHeading}</legend>
          <p class="hint">{m.noticeHelp}</p>
          {languages.map((l) => {
            const field = noticeField(l);
            const describedBy = [`${id(field)}-standard`, errors[field] ? `${id(field)}-error` : '']
              .filter(Boolean)
              .join(' ');
            return (
              <p key={l} class={`field${errors[field] ? ' has-error' : ''}`}>
                <label for={id(field)}>{m.noticeIn(m.languageNames[l])}</label>
                <textarea
                  id={id(field)}
                  name={field}
                  rows={4}
                  lang={l}
                  aria-describedby={describedBy}
                  aria-invalid={errors[field] ? 'true' : undefined}
                >
                  {values[field] ?? ''}
                </textarea>
                <span class="hint" id={`${id(field)}-standard`}>
                  {`${m.standardText} ${props.standardNotice[l]}`}
                </span>
                {errors[field] ? (
                  <span class="field-error" id={`${id(field)}-error`}>
                    {errors[field]}
                  </span>
                ) : null}
              </p>
            );
          })}
        </fieldset>
        <fieldset disabled={!props.canEdit}>
          <legend>{m.trackingHeading}</legend>
          <p class="check">
            <input
              id="f-mailTracking"
              name="mailTracking"
              type="checkbox"
              checked={values.mailTracking === 'on'}
              aria-describedby="f-mailTracking-help"
            />
            <label for="f-mailTracking">{m.trackingLabel}</label>
          </p>
          <p class="hint" id="f-mailTracking-help">
            {m.trackingHelp}
          </p>
        </fieldset>
        <fieldset disabled={!props.canEdit}>
          <legend>{m.brandHeading}</legend>
          <p class="hint">{m.brandHelp}</p>
          <p class={`field${errors.brandColour ? ' has-error' : ''}`}>
            <label for="f-brandColour">{m.colourLabel}</label>
            <input
              id="f-brandColour"
              name="brandColour"
              type="text"
              inputMode="text"
              autocomplete="off"
              spellcheck={false}
              size={9}
              maxLength={20}
              value={values.brandColour ?? ''}
              aria-describedby={`f-brandColour-help${errors.brandColour ? ' f-brandColour-error' : ''}`}
              aria-invalid={errors.brandColour ? 'true' : undefined}
            />
            <span class="hint" id="f-brandColour-help">
              {m.colourHelp}
            </span>
            {errors.brandColour ? (
              <span class="field-error" id="f-brandColour-error">
                {errors.brandColour}
              </span>
            ) : null}
          </p>
        </fieldset>
        {props.canEdit ? (
          <p>
            <button type="submit" class="button">
              {m.save}
            </button>
          </p>
        ) : null}
      </form>
      <section aria-labelledby="logo-heading">
        <h2 id="logo-heading">{m.logoLabel}</h2>
        {props.logoUrl ? (
          <p>
            {m.logoCurrent}{' '}
            <img class="logo-preview" src={props.logoUrl} alt={props.tenantName} height={48} />
          </p>
        ) : (
          <p>{m.logoNone}</p>
        )}
        {props.canEdit ? (
          <>
            <form
              method="post"
              action="/console/settings/logo"
              enctype="multipart/form-data"
              class="event-form"
              novalidate
            >
              <input type="hidden" name="_csrf" value={props.csrfToken} />
              <p class={`field${errors.logo ? ' has-error' : ''}`}>
                <label for="f-logo">{m.logoLabel}</label>
                <input
                  id="f-logo"
                  name="logo"
                  type="file"
                  accept="image/png,image/jpeg"
                  aria-describedby={`f-logo-help${errors.logo ? ' f-logo-error' : ''}`}
                  aria-invalid={errors.logo ? 'true' : undefined}
                />
                <span class="hint" id="f-logo-help">
                  {m.logoHelp}
                </span>
                {errors.logo ? (
                  <span class="field-error" id="f-logo-error">
                    {errors.logo}
                  </span>
                ) : null}
              </p>
              <p>
                <button type="submit" class="button">
                  {m.uploadLogo}
                </button>
              </p>
            </form>
            {props.logoUrl ? (
              <form method="post" action="/console/settings/logo/delete">
                <input type="hidden" name="_csrf" value={props.csrfToken} />
                <button type="submit">{m.removeLogo}</button>
              </form>
            ) : null}
          </>
        ) : null}
      </section>
    </>
  );
}
