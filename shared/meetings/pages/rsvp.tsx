import { renderUserMarkdown } from '../../platform/mail-kit/markdown.js';
import { formatDateTime } from '../../platform/texts/format.js';
import type { Language } from '../../platform/texts/language.js';
import type { PageBrand } from '../../platform/ui/brand.js';
import { pageTitle } from '../../platform/ui/document.js';
import { PublicLayout } from '../../platform/ui/public-layout.js';
import { dietaryCategories, type Invitation, type Meeting, mapUrl, meetingUrlOf } from '../meeting.js';
import { type AnswerProblem, answerMaxLength, type CustomQuestion } from '../questions.js';
import { dayTexts } from '../texts/day.js';
import { rsvpTexts } from '../texts/rsvp.js';
import { CheckInQr } from './check-in-qr.js';

export type RsvpBanner =
  | { kind: 'attending'; seats: number }
  | { kind: 'waitlisted'; position: number }
  | { kind: 'declined' }
  | { kind: 'org-limit'; available: number }
  | { kind: 'colleague-sent'; name: string }
  | { kind: 'colleague-limit' };

/** The form field of a custom question's answer. */
export const answerFieldName = (questionId: string) => `a_${questionId}`;

/** What is wrong with an answer to a custom question, naming it, in the reader's language. */
/**
 * A form's fields and their errors: the attributes that tie a control to its error (invalid,
 * described by it), and the error's paragraph, for a field named `name`.
 */
export function fieldErrors(errors: Record<string, string | undefined>) {
  return {
    field: (name: string) =>
      errors[name] ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${name}-error` } : {},
    errorText: (name: string) =>
      errors[name] ? (
        <p class="field-error" id={`${name}-error`}>
          {errors[name]}
        </p>
      ) : null,
  };
}

export function questionErrorText(problem: AnswerProblem, label: string, language: Language): string {
  const e = rsvpTexts[language].questions.errors;
  switch (problem.code) {
    case 'required':
      return e.required(label);
    case 'unknownOption':
      return e.unknownOption(label);
    case 'oneOnly':
      return e.oneOnly(label);
    case 'tooLong':
      return e.tooLong(label, problem.max);
  }
}

export interface RsvpPageProps {
  /** The municipality's logo and colour on the page. */
  brand?: PageBrand;
  language: Language;
  /** Who answers: the invitation's contact. */
  contactName: string;
  event: Meeting;
  timeZone: string;
  tenantName: string;
  invitation: Invitation;
  /** The form's action (the signed URL itself). */
  action: string;
  csrfToken: string;
  /** Field name → message, after a refused submission (the form keeps what was typed). */
  errors?: Record<string, string>;
  values?: Record<string, string | string[]>;
  banner?: RsvpBanner;
  calendarLinks?: { google: string; outlook: string; ics: string };
  /** The staff console's check-in of this contact, shown as a QR code to those with a seat. */
  checkInUrl?: string;
}

/** The page behind the RSVP link: the event in the contact's language, and the answer form. */
export function RsvpPage(props: RsvpPageProps) {
  const { language, event, timeZone, invitation, errors = {}, banner } = props;
  const m = rsvpTexts[language];
  const when = (iso: string) => formatDateTime(iso, language, timeZone);
  const closed = event.status === 'cancelled' || Date.now() > Date.parse(event.rsvpDeadline);
  const value = (name: string, fallback: string) => {
    const v = props.values?.[name];
    return typeof v === 'string' ? v : fallback;
  };
  const checked = (name: string, option: string, fallback: boolean) => {
    const v = props.values?.[name];
    return v === undefined ? fallback : Array.isArray(v) ? v.includes(option) : v === option;
  };
  const answered =
    invitation.status === 'attending' ||
    invitation.status === 'waitlisted' ||
    invitation.status === 'declined';
  const currentAnswer = invitation.status === 'declined' ? 'decline' : answered ? 'attend' : '';
  const { field, errorText } = fieldErrors(errors);

  return (
    <PublicLayout language={language} title={pageTitle(event.title, props.tenantName)} brand={props.brand}>
      {/* The result first: on a phone it is what the reader came back to see. */}
      {banner ? (
        <div
          class={`notice ${banner.kind === 'org-limit' || banner.kind === 'colleague-limit' ? 'notice-error' : ''}`}
          role="status"
        >
          <p>
            {banner.kind === 'attending'
              ? m.results.attending(banner.seats)
              : banner.kind === 'waitlisted'
                ? m.results.waitlisted(banner.position)
                : banner.kind === 'declined'
                  ? m.results.declined
                  : banner.kind === 'org-limit'
                    ? m.results.orgLimit(banner.available)
                    : banner.kind === 'colleague-limit'
                      ? m.colleague.limitReached
                      : m.colleague.sent(banner.name)}
          </p>
          {banner.kind === 'attending' || banner.kind === 'waitlisted' || banner.kind === 'declined' ? (
            <p>{m.confirmationSent}</p>
          ) : null}
        </div>
      ) : null}
      {!banner && answered ? (
        // A returning visitor: where they stand, before anything else.
        <p class="notice status-line" role="status">
          {invitation.status === 'attending'
            ? m.standing.attending(invitation.seats)
            : invitation.status === 'waitlisted'
              ? m.standing.waitlisted
              : m.standing.declined}
        </p>
      ) : null}
      <EventArticle event={event} language={language} tenantName={props.tenantName} timeZone={timeZone} />

      {invitation.status === 'attending' && meetingUrlOf(event) && event.status !== 'cancelled' ? (
        // The link only to one with a seat (never the invitation, the waitlist or a decline).
        <section aria-labelledby="online-heading" class="panel">
          <h2 id="online-heading">{m.online.heading}</h2>
          <p>{m.online.lead}</p>
          <p>
            <a class="button" href={meetingUrlOf(event)} rel="noopener noreferrer">
              {m.online.join}
            </a>
          </p>
          <p class="meeting-url">{meetingUrlOf(event)}</p>
        </section>
      ) : null}
      {invitation.status === 'attending' && props.checkInUrl && event.status !== 'cancelled' ? (
        <section aria-labelledby="check-in-heading" class="panel">
          <h2 id="check-in-heading">{dayTexts(language).checkIn.title}</h2>
          <p>{dayTexts(language).checkIn.qrLead}</p>
          <CheckInQr url={props.checkInUrl} label={dayTexts(language).checkIn.qrAlt} />
        </section>
      ) : null}
      {invitation.status === 'attending' && props.calendarLinks && event.status !== 'cancelled' ? (
        <section aria-labelledby="calendar-heading" class="panel">
          <h2 id="calendar-heading">{m.addToCalendar}</h2>
          <ul class="inline-links">
            <li>
              <a href={props.calendarLinks.google} rel="noopener">
                Google
              </a>
            </li>
            <li>
              <a href={props.calendarLinks.outlook} rel="noopener">
                Outlook
              </a>
            </li>
            <li>
              <a href={props.calendarLinks.ics}>{m.downloadIcs}</a>
            </li>
          </ul>
        </section>
      ) : null}

      {closed ? (
        <div class="panel">
          <p>
            <strong>
              {event.status === 'cancelled' ? m.cancelled : m.deadlinePassed(when(event.rsvpDeadline))}
            </strong>
          </p>
          <p>
            {m.yourAnswer}:{' '}
            {invitation.status === 'attending'
              ? m.results.attending(invitation.seats)
              : invitation.status === 'declined'
                ? m.results.declined
                : invitation.status === 'waitlisted'
                  ? m.attend
                  : m.results.invited}
          </p>
        </div>
      ) : (
        <form method="post" action={props.action} class="panel rsvp-form" novalidate>
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <h2>{answered ? m.change : m.yourAnswer}</h2>
          <p>{m.answeringAs(props.contactName)}</p>
          <p>{m.deadline(when(event.rsvpDeadline))}</p>
          {Object.keys(errors).length > 0 ? (
            <div class="notice notice-error" role="alert">
              <p>{m.fixErrors}</p>
            </div>
          ) : null}
          <fieldset {...field('answer')}>
            <legend>{m.yourAnswer}</legend>
            <label class="choice">
              <input
                type="radio"
                name="answer"
                value="attend"
                checked={checked('answer', 'attend', currentAnswer === 'attend')}
                required
              />{' '}
              {m.attend}
            </label>
            <label class="choice">
              <input
                type="radio"
                name="answer"
                value="decline"
                checked={checked('answer', 'decline', currentAnswer === 'decline')}
              />{' '}
              {m.decline}
            </label>
            {errorText('answer')}
          </fieldset>
          <AnswerFields
            event={event}
            language={language}
            answered={invitation}
            values={props.values}
            errors={errors}
          />
          <p>
            <button type="submit" class="button">
              {m.submit}
            </button>
          </p>
        </form>
      )}

      {!closed && invitation.status !== 'attending' ? (
        <form method="post" action={`${props.action}/colleague`} class="panel" novalidate>
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <h2>{m.colleague.heading}</h2>
          <p>{m.colleague.lead}</p>
          <p>
            <label for="colleague-name">{m.colleague.name}</label>
            <input
              id="colleague-name"
              name="name"
              type="text"
              autocomplete="off"
              value={value('name', '')}
              {...field('name')}
            />
            {errorText('name')}
          </p>
          <p>
            <label for="colleague-email">{m.colleague.email}</label>
            <input
              id="colleague-email"
              name="email"
              type="email"
              autocomplete="off"
              value={value('email', '')}
              {...field('email')}
            />
            {errorText('email')}
          </p>
          <p>
            <button type="submit" class="button button-secondary">
              {m.colleague.submit}
            </button>
          </p>
        </form>
      ) : null}
    </PublicLayout>
  );
}

/** The event as the public reads it: what, when, where (with a map link), the description and programme. */
export function EventArticle(props: {
  event: Meeting;
  language: Language;
  tenantName: string;
  timeZone: string;
}) {
  const { event, language } = props;
  const m = rsvpTexts[language];
  const when = (iso: string) => formatDateTime(iso, language, props.timeZone);
  return (
    <article class="rsvp" lang={event.language === language ? undefined : event.language}>
      <p class="eyebrow">
        {m.kinds[event.kind]} · {props.tenantName}
      </p>
      <h1>{event.title}</h1>
      <dl class="facts">
        <dt>{m.when}</dt>
        <dd>
          {when(event.start)} – {when(event.end)}
        </dd>
        <dt>{m.where}</dt>
        <dd>
          {event.place.name}
          {event.place.address ? `, ${event.place.address}` : ''}
          {mapUrl(event) ? (
            <>
              {' '}
              <a
                href={mapUrl(event)}
                rel="noopener"
                lang={event.language === language ? undefined : language}
              >
                {m.map}
              </a>
            </>
          ) : null}
        </dd>
      </dl>
      {event.description ? (
        // Staff markdown, rendered and sanitised to the same allow-list as mail bodies.
        <div class="prose" dangerouslySetInnerHTML={{ __html: renderUserMarkdown(event.description).html }} />
      ) : null}
      {event.agenda.length > 0 ? (
        <section aria-labelledby="agenda-heading">
          <h2 id="agenda-heading">{m.agenda}</h2>
          <ul class="agenda">
            {event.agenda.map((item) => (
              <li key={item.time + item.title}>
                <strong>{item.time}</strong> {item.title}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

/**
 * The answer's fields (how many, names, diet, accessibility, a note and the event's own
 * questions), as the event asks them: the RSVP form's and the open registration form's.
 */
export function AnswerFields(props: {
  event: Meeting;
  language: Language;
  /** What was answered before (the form shows it); none on a registration. */
  answered?: Pick<
    Invitation,
    'seats' | 'names' | 'dietary' | 'dietaryOther' | 'accessibility' | 'note' | 'answers'
  >;
  values?: Record<string, string | string[]>;
  errors: Record<string, string>;
}) {
  const { event, language, errors } = props;
  const m = rsvpTexts[language];
  const invitation = props.answered ?? { seats: 1, names: [], dietary: [], answers: {} };
  const value = (name: string, fallback: string) => {
    const v = props.values?.[name];
    return typeof v === 'string' ? v : fallback;
  };
  const checked = (name: string, option: string, fallback: boolean) => {
    const v = props.values?.[name];
    return v === undefined ? fallback : Array.isArray(v) ? v.includes(option) : v === option;
  };
  const { field, errorText } = fieldErrors(errors);
  return (
    <>
      {event.questions.headcount ? (
        <p>
          <label for="seats">{m.seats(event.seatLimitPerOrganisation)}</label>
          <input
            id="seats"
            name="seats"
            type="number"
            inputmode="numeric"
            min={1}
            max={event.seatLimitPerOrganisation}
            value={value('seats', String(Math.max(1, invitation.seats)))}
            {...field('seats')}
          />
          {errorText('seats')}
        </p>
      ) : null}
      {event.questions.names ? (
        <p>
          <label for="names">{m.names}</label>
          <span class="hint" id="names-hint">
            {m.namesHint}
          </span>
          <textarea id="names" name="names" rows={3} aria-describedby="names-hint" {...field('names')}>
            {value('names', invitation.names.join('\n'))}
          </textarea>
          {errorText('names')}
        </p>
      ) : null}
      {event.questions.dietary ? (
        <fieldset>
          <legend>{m.dietary}</legend>
          {dietaryCategories.map((category) => (
            <label class="choice" key={category}>
              <input
                type="checkbox"
                name="dietary"
                value={category}
                checked={checked('dietary', category, invitation.dietary.includes(category))}
              />{' '}
              {m.dietaryLabels[category]}
            </label>
          ))}
          <label for="dietaryOther">{m.dietaryOther}</label>
          <input
            id="dietaryOther"
            name="dietaryOther"
            type="text"
            value={value('dietaryOther', invitation.dietaryOther ?? '')}
            {...field('dietaryOther')}
          />
          {errorText('dietaryOther')}
        </fieldset>
      ) : null}
      {event.questions.accessibility ? (
        <p>
          <label for="accessibility">{m.accessibility}</label>
          <textarea id="accessibility" name="accessibility" rows={2} {...field('accessibility')}>
            {value('accessibility', invitation.accessibility ?? '')}
          </textarea>
          {errorText('accessibility')}
        </p>
      ) : null}
      {event.questions.note ? (
        <p>
          <label for="note">{m.note}</label>
          <textarea id="note" name="note" rows={3} {...field('note')}>
            {value('note', invitation.note ?? '')}
          </textarea>
          {errorText('note')}
        </p>
      ) : null}
      <CustomQuestions
        questions={event.customQuestions ?? []}
        language={language}
        eventLanguage={event.language}
        answers={invitation.answers ?? {}}
        values={props.values}
        errors={errors}
      />
    </>
  );
}

export function RsvpInvalidPage({ language }: { language: Language }) {
  const m = rsvpTexts[language];
  return (
    <PublicLayout language={language} title={pageTitle(m.invalidLink)}>
      <div class="panel">
        <h1>{m.invalidLink}</h1>
        <p>{m.invalidLinkDetail}</p>
      </div>
    </PublicLayout>
  );
}

/**
 * The event's own questions on the answer form. Their labels are in the event's language (marked
 * with `lang` when the page speaks another); the form keeps what was posted after an error.
 */
function CustomQuestions(props: {
  questions: CustomQuestion[];
  language: Language;
  eventLanguage: Language;
  answers: Record<string, string | string[]>;
  values?: Record<string, string | string[]>;
  errors: Record<string, string>;
}) {
  const { questions, language, errors } = props;
  if (questions.length === 0) return null;
  const m = rsvpTexts[language].questions;
  const lang = props.eventLanguage === language ? undefined : props.eventLanguage;
  const posted = (name: string): string[] | undefined => {
    const v = props.values?.[name];
    return v === undefined ? undefined : Array.isArray(v) ? v : [v];
  };
  return (
    <section aria-labelledby="questions-heading">
      <h3 id="questions-heading">{m.heading}</h3>
      {questions.map((q) => {
        const name = answerFieldName(q.id);
        const saved = props.answers[q.id];
        const current = posted(name) ?? (saved === undefined ? [] : Array.isArray(saved) ? saved : [saved]);
        const error = errors[name] ? (
          <p class="field-error" id={`${name}-error`}>
            {errors[name]}
          </p>
        ) : null;
        const invalid = errors[name]
          ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${name}-error` }
          : {};
        const mark = q.required ? <span class="hint"> {m.required}</span> : null;
        if (q.kind === 'single-choice' || q.kind === 'multiple-choice') {
          const type = q.kind === 'single-choice' ? 'radio' : 'checkbox';
          return (
            <fieldset key={q.id} id={name} {...invalid}>
              <legend>
                <span lang={lang}>{q.label}</span>
                {mark}
              </legend>
              {q.options.map((o) => (
                <label class="choice" key={o.id}>
                  <input type={type} name={name} value={o.id} checked={current.includes(o.id)} />{' '}
                  <span lang={lang}>{o.label}</span>
                </label>
              ))}
              {error}
            </fieldset>
          );
        }
        const max = answerMaxLength[q.kind];
        return (
          <p key={q.id}>
            <label for={name}>
              <span lang={lang}>{q.label}</span>
              {mark}
            </label>
            {q.kind === 'long-text' ? (
              <textarea id={name} name={name} rows={3} maxLength={max} required={q.required} {...invalid}>
                {current[0] ?? ''}
              </textarea>
            ) : (
              <input
                id={name}
                name={name}
                type="text"
                maxLength={max}
                required={q.required}
                value={current[0] ?? ''}
                {...invalid}
              />
            )}
            {error}
          </p>
        );
      })}
    </section>
  );
}
