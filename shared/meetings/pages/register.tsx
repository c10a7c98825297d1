import { formatDateTime } from '../../platform/texts/format.js';
import { type Language, languages } from '../../platform/texts/language.js';
import type { PageBrand } from '../../platform/ui/brand.js';
import { pageTitle } from '../../platform/ui/document.js';
import { PublicLayout } from '../../platform/ui/public-layout.js';
import type { Meeting } from '../meeting.js';
import { registrationTexts } from '../texts/registration.js';
import { rsvpTexts } from '../texts/rsvp.js';
import { AnswerFields, EventArticle, fieldErrors } from './rsvp.js';

/** Each language in its own name: the switch reads the same whatever the page's language. */
const nativeNames: Record<Language, string> = { sv: 'Svenska', da: 'Dansk', en: 'English' };

export interface RegisterPageProps {
  language: Language;
  event: Meeting;
  timeZone: string;
  tenantName: string;
  brand?: PageBrand;
  /** The page's own path (the form posts to it; the language switch adds `?lang=`). */
  action: string;
  csrfToken: string;
  /** Seats not yet taken: 0 means a registration goes to the waitlist. */
  seatsLeft: number;
  errors?: Record<string, string>;
  values?: Record<string, string | string[]>;
  /** After a registration was posted: the same page for every address ("check your inbox"). */
  sent?: boolean;
}

/**
 * An event's public page (open registration): the event as the RSVP page shows it (never its
 * meeting link), the seats left or that a registration waits, and the registration form with the
 * RSVP form's own fields and the consent line that names the lawful basis and what is kept.
 */
export function RegisterPage(props: RegisterPageProps) {
  const { language, event, errors = {} } = props;
  const t = registrationTexts[language];
  const m = rsvpTexts[language];
  const value = (name: string) => {
    const v = props.values?.[name];
    return typeof v === 'string' ? v : '';
  };
  const { field, errorText } = fieldErrors(errors);
  return (
    <PublicLayout language={language} title={pageTitle(event.title, props.tenantName)} brand={props.brand}>
      <nav aria-label={t.page.heading} class="inline-links">
        <ul class="inline-links">
          {languages.map((l) => (
            <li key={l}>
              {l === language ? (
                <span lang={l} aria-current="true">
                  {nativeNames[l]}
                </span>
              ) : (
                <a href={`${props.action}?lang=${l}`} lang={l} hreflang={l}>
                  {nativeNames[l]}
                </a>
              )}
            </li>
          ))}
        </ul>
      </nav>
      {props.sent ? (
        <div class="notice" role="status">
          <p>
            <strong>{t.page.sent}</strong>
          </p>
          <p>{t.page.sentDetail}</p>
        </div>
      ) : null}
      <EventArticle
        event={event}
        language={language}
        tenantName={props.tenantName}
        timeZone={props.timeZone}
      />
      <p class="notice status-line" id="seats-left">
        {props.seatsLeft > 0 ? t.page.seatsLeft(props.seatsLeft) : t.page.full}
      </p>
      {props.sent ? null : (
        <form method="post" action={props.action} class="panel rsvp-form" novalidate>
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <input type="hidden" name="lang" value={language} />
          <h2>{t.page.heading}</h2>
          <p>{t.page.lead}</p>
          {Object.keys(errors).length > 0 ? (
            <div class="notice notice-error" role="alert">
              <p>{t.page.fixErrors}</p>
              <ul>
                {Object.entries(errors).map(([name, message]) => (
                  <li key={name}>
                    <a href={`#${name}`}>{message}</a>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <p>
            <label for="name">{t.page.name}</label>
            <input
              id="name"
              name="name"
              type="text"
              autocomplete="name"
              required
              value={value('name')}
              {...field('name')}
            />
            {errorText('name')}
          </p>
          <p>
            <label for="email">{t.page.email}</label>
            <span class="hint" id="email-hint">
              {t.page.emailHint}
            </span>
            <input
              id="email"
              name="email"
              type="email"
              autocomplete="email"
              required
              value={value('email')}
              aria-describedby={errors.email ? 'email-hint email-error' : 'email-hint'}
              {...(errors.email ? { 'aria-invalid': 'true' as const } : {})}
            />
            {errorText('email')}
          </p>
          <p>
            <label for="organisation">
              {t.page.organisation} <span class="hint">{t.page.optional}</span>
            </label>
            <input
              id="organisation"
              name="organisation"
              type="text"
              autocomplete="organization"
              value={value('organisation')}
              {...field('organisation')}
            />
            {errorText('organisation')}
          </p>
          <AnswerFields event={event} language={language} values={props.values} errors={errors} />
          {/* A field people never see or fill in: only form-filling robots do. */}
          <div class="visually-hidden" aria-hidden="true">
            <label for="website">{t.page.website}</label>
            <input id="website" name="website" type="text" tabindex={-1} autocomplete="off" />
          </div>
          <p class="hint" id="consent">
            {t.page.consent(props.tenantName)}
          </p>
          <p>
            <button type="submit" class="button">
              {t.page.submit}
            </button>
          </p>
          <p class="hint">{m.deadline(formatDateTime(event.rsvpDeadline, language, props.timeZone))}</p>
        </form>
      )}
    </PublicLayout>
  );
}

/** The page a confirmation link opens: one button (a POST), because mail scanners follow GET links. */
export function RegistrationConfirmPage(props: {
  language: Language;
  event: Meeting;
  tenantName: string;
  brand?: PageBrand;
  action: string;
  csrfToken: string;
  /** The event closed for registration since (cancelled, past its deadline, toggled off). */
  closed?: boolean;
}) {
  const t = registrationTexts[props.language].confirm;
  return (
    <PublicLayout
      language={props.language}
      title={pageTitle(t.heading, props.tenantName)}
      brand={props.brand}
    >
      <div class="panel">
        <h1>{t.heading}</h1>
        {props.closed ? (
          <p>{t.closed}</p>
        ) : (
          <form method="post" action={props.action}>
            <input type="hidden" name="_csrf" value={props.csrfToken} />
            <p>{t.lead(props.event.title)}</p>
            <p>
              <button type="submit" class="button">
                {t.button}
              </button>
            </p>
          </form>
        )}
      </div>
    </PublicLayout>
  );
}

/** Every case without a public page (unknown, another tenant's, toggled off, a draft): one 404. */
export function RegisterNotFoundPage({ language }: { language: Language }) {
  const t = registrationTexts[language].page;
  return (
    <PublicLayout language={language} title={pageTitle(t.notFound)}>
      <div class="panel">
        <h1>{t.notFound}</h1>
        <p>{t.notFoundDetail}</p>
      </div>
    </PublicLayout>
  );
}
