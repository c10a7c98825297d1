import type { Audience, CampaignSegment } from '../../mail/index.js';
import { formatDateTime, formatNumber } from '../../platform/texts/format.js';
import type { Language } from '../../platform/texts/language.js';
import { localInputToInstant } from '../../platform/texts/wall-clock.js';
import type { Meeting } from '../meeting.js';
import { meetingsTexts } from '../texts/console.js';
import { eventStyles } from './form.js';
import { eventHref } from './list.js';

/*
 * Inviting to an event: who (everyone, by tag, by organisation type, hand-picked contacts, a
 * saved segment — a definition evaluated when the invitation is sent),
 * an optional intro, now or at a set time; "Preview" counts the audience without sending.
 * Checkboxes have one name each (`type_<type>`, `contact_<id>`): the form parser keeps one
 * value per name.
 */

export const audienceChoices = ['all', 'tags', 'organisation-types', 'contacts', 'segment'] as const;
export type AudienceChoice = (typeof audienceChoices)[number];

export interface InviteFormValues {
  audience: AudienceChoice;
  /** Comma-separated, as typed. */
  tags: string;
  types: string[];
  contactIds: string[];
  /** The saved segment chosen (audience `segment`). */
  segmentId: string;
  /** The name to save the built audience under ("Save as segment"). */
  segmentName: string;
  intro: string;
  when: 'now' | 'later';
  /** `datetime-local` on the tenant's clock. */
  sendAt: string;
}

export type InviteField =
  | 'audience'
  | 'tags'
  | 'types'
  | 'contacts'
  | 'segment'
  | 'segmentName'
  | 'intro'
  | 'sendAt';
export type InviteError =
  | 'tagsRequired'
  | 'tooManyTags'
  | 'typesRequired'
  | 'contactsRequired'
  | 'tooManyContacts'
  | 'introTooLong'
  | 'sendAtRequired'
  | 'sendAtInvalid'
  | 'sendAtPast'
  | 'sendAtAfterDeadline'
  | 'segmentRequired'
  | 'segmentMissing'
  | 'segmentNameRequired'
  | 'segmentNameInvalid'
  | 'segmentNotSavable';
export type InviteErrors = Partial<Record<InviteField, InviteError>>;

export interface ParsedInviteForm {
  values: InviteFormValues;
  errors: InviteErrors;
  /** Present when the audience part is valid (enough for a preview). */
  audience?: Audience;
  /** The saved segment the audience comes from (audience `segment`). */
  segment?: CampaignSegment;
  /** Present when the whole form is valid and the time is later (ISO instant). */
  sendAt?: string;
  intro?: string;
  ok: boolean;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const normaliseTag = (tag: string) => tag.trim().replace(/\s+/g, ' ').toLowerCase();

// Hand-picked, none picked: one click never mails everyone.
export const emptyInviteValues = (): InviteFormValues => ({
  audience: 'contacts',
  tags: '',
  types: [],
  contactIds: [],
  segmentId: '',
  segmentName: '',
  intro: '',
  when: 'now',
  sendAt: '',
});

/** A saved segment as the invite form offers it. */
export interface SegmentChoice {
  segmentId: string;
  name: string;
  audience: Audience;
}

/** A posted invite form → an audience (and time), or what is wrong with it. */
export function parseInviteForm(
  form: Record<string, string | undefined>,
  timeZone: string,
  options: { now?: number; rsvpDeadline?: string; segments?: SegmentChoice[] } = {},
): ParsedInviteForm {
  const choice = (audienceChoices as readonly string[]).includes(form.audience ?? '')
    ? (form.audience as AudienceChoice)
    : 'all';
  const picked = (prefix: string) =>
    Object.keys(form)
      .filter((key) => key.startsWith(prefix) && form[key])
      .map((key) => key.slice(prefix.length))
      .filter((id) => ID.test(id) || prefix === 'type_');
  const values: InviteFormValues = {
    audience: choice,
    tags: form.tags ?? '',
    types: picked('type_').filter((type) => type.length > 0 && type.length <= 60),
    contactIds: picked('contact_'),
    segmentId: ID.test(form.segmentId ?? '') ? (form.segmentId as string) : '',
    segmentName: (form.segmentName ?? '').slice(0, 200),
    intro: (form.intro ?? '').replace(/\r\n?/g, '\n'),
    when: form.when === 'later' ? 'later' : 'now',
    sendAt: (form.sendAt ?? '').trim(),
  };
  const errors: InviteErrors = {};
  let audience: Audience | undefined;
  if (choice === 'all') audience = { kind: 'all' };
  if (choice === 'tags') {
    const tags = [...new Set(values.tags.split(',').map(normaliseTag).filter(Boolean))].map((tag) =>
      tag.slice(0, 60),
    );
    if (tags.length === 0) errors.tags = 'tagsRequired';
    else if (tags.length > 20) errors.tags = 'tooManyTags';
    else audience = { kind: 'tags', tags };
  }
  if (choice === 'organisation-types') {
    if (values.types.length === 0) errors.types = 'typesRequired';
    else audience = { kind: 'organisation-types', types: values.types.slice(0, 20) };
  }
  if (choice === 'contacts') {
    if (values.contactIds.length === 0) errors.contacts = 'contactsRequired';
    else if (values.contactIds.length > 5000) errors.contacts = 'tooManyContacts';
    else audience = { kind: 'contacts', contactIds: values.contactIds };
  }
  let segment: CampaignSegment | undefined;
  if (choice === 'segment') {
    // Resolved now, from the tenant's own segments: the send copies this definition.
    const found = options.segments?.find((s) => s.segmentId === values.segmentId);
    if (values.segmentId === '') errors.segment = 'segmentRequired';
    else if (!found) errors.segment = 'segmentMissing';
    else {
      audience = found.audience;
      segment = { segmentId: found.segmentId, name: found.name };
    }
  }
  if (values.intro.length > 5000) errors.intro = 'introTooLong';
  let sendAt: string | undefined;
  if (values.when === 'later') {
    if (values.sendAt === '') errors.sendAt = 'sendAtRequired';
    else {
      sendAt = localInputToInstant(values.sendAt, timeZone);
      if (!sendAt) errors.sendAt = 'sendAtInvalid';
      else if (Date.parse(sendAt) <= (options.now ?? Date.now())) errors.sendAt = 'sendAtPast';
      else if (options.rsvpDeadline && Date.parse(sendAt) > Date.parse(options.rsvpDeadline))
        errors.sendAt = 'sendAtAfterDeadline';
    }
  }
  const ok = Object.keys(errors).length === 0 && audience !== undefined;
  return {
    values,
    errors,
    audience,
    segment,
    sendAt: ok ? sendAt : undefined,
    intro: values.intro.trim() || undefined,
    ok,
  };
}

export interface InviteContact {
  contactId: string;
  name: string;
  organisationName: string;
}

export interface EventInvitePageProps {
  language: Language;
  timeZone: string;
  event: Pick<Meeting, 'eventId' | 'title' | 'language' | 'rsvpDeadline' | 'status'>;
  csrfToken: string;
  values: InviteFormValues;
  errors: InviteErrors;
  /** The audience count and its first names, after "Preview" (and before confirming). */
  preview?: { count: number; unsubscribed: number; first: string[] };
  /** The mail as each language's recipients will read it, after "Preview". */
  mailPreviews?: { language: Language; subject: string; html: string; text: string }[];
  /** "Send" asks first: the number it goes to, and when (the form's own values stay below). */
  confirm?: { count: number; sendAt?: string; segmentName?: string };
  /** The tenant's saved segments, to pick from. */
  segments?: SegmentChoice[];
  /** After "Save as segment": the name it was saved under. */
  savedSegment?: string;
  /** After "Send a test to me": where it went. */
  testSentTo?: string;
  organisationTypes: string[];
  contacts: InviteContact[];
}

const errorId = (field: InviteField) => `invite-${field}-error`;

export function EventInvitePage(props: EventInvitePageProps) {
  const { language, timeZone, event, csrfToken, values, errors, preview, organisationTypes, contacts } =
    props;
  const x = extraTexts[language];
  const m = meetingsTexts(language);
  const v = m.invite;
  const n = (value: number) => formatNumber(value, language);
  const invalid = (field: InviteField) => (errors[field] ? { 'aria-invalid': 'true' as const } : {});
  const describedBy = (field: InviteField, ...more: string[]) =>
    [...more, errors[field] ? errorId(field) : ''].filter(Boolean).join(' ') || undefined;
  const ErrorText = ({ field }: { field: InviteField }) => {
    const error = errors[field];
    return error ? (
      <p class="field-error" id={errorId(field)}>
        <span class="visually-hidden">{m.form.errorPrefix} </span>
        {v.errors[error]}
      </p>
    ) : null;
  };
  const errorFields = (Object.keys(errors) as InviteField[]).filter((f) => errors[f]);
  const byOrg = new Map<string, InviteContact[]>();
  for (const contact of contacts) {
    const list = byOrg.get(contact.organisationName) ?? [];
    list.push(contact);
    byOrg.set(contact.organisationName, list);
  }
  const selected = new Set(values.contactIds);
  const segments = props.segments ?? [];
  return (
    <>
      <style dangerouslySetInnerHTML={{ __html: eventStyles }} />
      <p>
        <a href={eventHref(event.eventId)}>
          <span aria-hidden="true">← </span>
          {m.backToEvent}
        </a>
      </p>
      <p class="eyebrow" lang={event.language}>
        {event.title}
      </p>
      <h1>{v.title}</h1>
      <p class="lead">{v.intro(formatDateTime(event.rsvpDeadline, language, timeZone))}</p>

      {errorFields.length > 0 ? (
        <div class="error-summary" role="alert" aria-labelledby="invite-errors-heading">
          <h2 id="invite-errors-heading">{m.form.errorSummary(errorFields.length)}</h2>
          <ul>
            {errorFields.map((field) => (
              <li key={field}>
                <a href={`#invite-${field}`}>{v.errors[errors[field] as InviteError]}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {props.confirm ? (
        <section class="notice confirm" aria-labelledby="confirm-heading">
          <h2 id="confirm-heading">
            {props.confirm.segmentName
              ? x.confirmSegmentQuestion(n(props.confirm.count), props.confirm.segmentName)
              : x.confirmQuestion(n(props.confirm.count))}
          </h2>
          <p>
            {x.confirmLead(
              props.confirm.sendAt ? formatDateTime(props.confirm.sendAt, language, timeZone) : x.now,
            )}
          </p>
          <p>
            {/* Submits the form below, with what was chosen, and the number confirmed. */}
            <button type="submit" form="invite-form" name="action" value="confirm" class="primary">
              {x.confirm}
            </button>
          </p>
        </section>
      ) : null}

      {preview ? (
        <div class="notice" role="status">
          <p>
            {v.previewResult(n(preview.count))}
            {preview.unsubscribed > 0 ? ` ${v.previewUnsubscribed(n(preview.unsubscribed))}` : ''}
          </p>
          {preview.first.length > 0 ? (
            <p>
              {x.firstRecipients(
                preview.first.join(', '),
                n(Math.max(0, preview.count - preview.unsubscribed - preview.first.length)),
              )}
            </p>
          ) : null}
        </div>
      ) : null}

      {props.savedSegment ? (
        <p class="notice" role="status">
          {x.segmentSaved(props.savedSegment)}
        </p>
      ) : null}

      {props.testSentTo ? (
        <p class="notice" role="status">
          {x.testSent(props.testSentTo)}
        </p>
      ) : null}

      {props.mailPreviews?.length ? (
        <section aria-labelledby="mail-preview-heading">
          <h2 id="mail-preview-heading">{x.previewHeading}</h2>
          {props.mailPreviews.map((p) => (
            <details key={p.language} open={p.language === language}>
              <summary>
                {x.languageNames[p.language]}: <span lang={p.language}>{p.subject}</span>
              </summary>
              {/* The mail as its recipients see it: the body our own mail renderer made (Preact,
                  escaped; staff markdown sanitised), in a region of its own. */}
              <section
                class="mail-preview-html"
                aria-label={x.htmlPreview(x.languageNames[p.language])}
                lang={p.language}
                dangerouslySetInnerHTML={{ __html: mailBodyOf(p.html) }}
              />
              <details>
                <summary>{x.textVersion}</summary>
                <pre class="mail-preview" lang={p.language}>
                  {p.text}
                </pre>
              </details>
            </details>
          ))}
        </section>
      ) : null}

      <form
        method="post"
        action={eventHref(event.eventId, '/invitations')}
        class="event-form"
        id="invite-form"
        novalidate
      >
        <input type="hidden" name="_csrf" value={csrfToken} />
        {props.confirm ? <input type="hidden" name="expected" value={String(props.confirm.count)} /> : null}
        <fieldset>
          <legend>{v.audienceLegend}</legend>
          {audienceChoices.map((choice) => (
            <div class="check" key={choice}>
              <input
                type="radio"
                id={`invite-audience-${choice}`}
                name="audience"
                value={choice}
                checked={values.audience === choice}
              />
              <label for={`invite-audience-${choice}`}>{v.audiences[choice]}</label>
            </div>
          ))}

          <div class={errors.tags ? 'field has-error' : 'field'}>
            <label for="invite-tags">{v.tags}</label>
            <p class="hint" id="invite-tags-hint">
              {v.tagsHint}
            </p>
            <ErrorText field="tags" />
            <input
              type="text"
              id="invite-tags"
              name="tags"
              value={values.tags}
              {...invalid('tags')}
              aria-describedby={describedBy('tags', 'invite-tags-hint')}
            />
          </div>

          <fieldset class="choices" id="invite-types" aria-describedby={describedBy('types')}>
            <legend>{v.types}</legend>
            <ErrorText field="types" />
            {organisationTypes.map((type) => (
              <div class="check" key={type}>
                <input
                  type="checkbox"
                  id={`invite-type-${type}`}
                  name={`type_${type}`}
                  value="on"
                  checked={values.types.includes(type)}
                />
                <label for={`invite-type-${type}`}>{m.organisationTypes[type] ?? type}</label>
              </div>
            ))}
          </fieldset>

          <div class={errors.segment ? 'field has-error' : 'field'}>
            <label for="invite-segment">{x.segmentLabel}</label>
            <p class="hint" id="invite-segment-hint">
              {x.segmentHint} <a href="/console/mailings/segments">{x.manageSegments}</a>
            </p>
            <ErrorText field="segment" />
            <select
              id="invite-segment"
              name="segmentId"
              {...invalid('segment')}
              aria-describedby={describedBy('segment', 'invite-segment-hint')}
            >
              <option value="">{segments.length === 0 ? x.noSegments : x.chooseSegment}</option>
              {segments.map((segment) => (
                <option
                  key={segment.segmentId}
                  value={segment.segmentId}
                  selected={values.segmentId === segment.segmentId}
                >
                  {segment.name}
                </option>
              ))}
            </select>
          </div>

          <fieldset class="choices" id="invite-contacts" aria-describedby={describedBy('contacts')}>
            <legend>{v.contacts}</legend>
            <ErrorText field="contacts" />
            {contacts.length === 0 ? (
              <p class="empty">{v.noContacts}</p>
            ) : (
              <div class="contact-list">
                {[...byOrg.entries()].map(([org, list]) => (
                  <div key={org || '-'}>
                    <p class="org">{org || v.noOrganisation}</p>
                    {list.map((contact) => (
                      <div class="check" key={contact.contactId}>
                        <input
                          type="checkbox"
                          id={`invite-contact-${contact.contactId}`}
                          name={`contact_${contact.contactId}`}
                          value="on"
                          checked={selected.has(contact.contactId)}
                        />
                        <label for={`invite-contact-${contact.contactId}`}>
                          {contact.name}
                          {org ? <span class="visually-hidden">, {org}</span> : null}
                        </label>
                      </div>
                    ))}
                  </div>
                ))}
              </div>
            )}
          </fieldset>
          <div class={errors.segmentName ? 'field has-error' : 'field'}>
            <label for="invite-segmentName">{x.saveSegmentLabel}</label>
            <p class="hint" id="invite-segmentName-hint">
              {x.saveSegmentHint}
            </p>
            <ErrorText field="segmentName" />
            <input
              type="text"
              id="invite-segmentName"
              name="segmentName"
              maxLength={80}
              value={values.segmentName}
              {...invalid('segmentName')}
              aria-describedby={describedBy('segmentName', 'invite-segmentName-hint')}
            />
            <button type="submit" name="action" value="save-segment">
              {x.saveSegment}
            </button>
          </div>
        </fieldset>

        <fieldset>
          <legend>{v.message}</legend>
          <div class={errors.intro ? 'field has-error' : 'field'}>
            <label for="invite-intro">{v.introLabel}</label>
            <p class="hint" id="invite-intro-hint">
              {v.introHint}
            </p>
            <ErrorText field="intro" />
            <textarea
              id="invite-intro"
              name="intro"
              rows={5}
              maxLength={5000}
              {...invalid('intro')}
              aria-describedby={describedBy('intro', 'invite-intro-hint')}
            >
              {values.intro}
            </textarea>
          </div>
        </fieldset>

        <fieldset>
          <legend>{v.whenLegend}</legend>
          <div class="check">
            <input
              type="radio"
              id="invite-when-now"
              name="when"
              value="now"
              checked={values.when === 'now'}
            />
            <label for="invite-when-now">{v.sendNow}</label>
          </div>
          <div class="check">
            <input
              type="radio"
              id="invite-when-later"
              name="when"
              value="later"
              checked={values.when === 'later'}
            />
            <label for="invite-when-later">{v.sendLater}</label>
          </div>
          <div class={errors.sendAt ? 'field has-error' : 'field'}>
            <label for="invite-sendAt">{v.sendAt}</label>
            <p class="hint" id="invite-sendAt-hint">
              {m.form.timesHint(timeZone)}
            </p>
            <ErrorText field="sendAt" />
            <input
              type="datetime-local"
              id="invite-sendAt"
              name="sendAt"
              value={values.sendAt}
              {...invalid('sendAt')}
              aria-describedby={describedBy('sendAt', 'invite-sendAt-hint')}
            />
          </div>
        </fieldset>

        <div class="actions">
          <button type="submit" name="action" value="preview">
            {v.preview}
          </button>
          <button type="submit" name="action" value="test">
            {x.sendTest}
          </button>
          <button type="submit" name="action" value="send" class="primary">
            {v.send}
          </button>
        </div>
      </form>
    </>
  );
}

/** What is inside a rendered mail's <body>: the preview shows it in the page. */
const mailBodyOf = (html: string) => /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? '';

/** The invite page's texts for the mail preview and the test send. */
const extraTexts: Record<
  Language,
  {
    previewHeading: string;
    sendTest: string;
    testSent: (to: string) => string;
    languageNames: Record<Language, string>;
    firstRecipients: (names: string, more: string) => string;
    confirmQuestion: (count: string) => string;
    confirmLead: (when: string) => string;
    confirmSegmentQuestion: (count: string, segment: string) => string;
    segmentLabel: string;
    segmentHint: string;
    manageSegments: string;
    chooseSegment: string;
    noSegments: string;
    saveSegmentLabel: string;
    saveSegmentHint: string;
    saveSegment: string;
    segmentSaved: (name: string) => string;
    now: string;
    confirm: string;
    htmlPreview: (language: string) => string;
    textVersion: string;
  }
> = {
  sv: {
    firstRecipients: (names, more) => `Bland mottagarna: ${names}${more === '0' ? '' : ` och ${more} till`}.`,
    confirmQuestion: (count) => `Skicka inbjudan till ${count} kontakter?`,
    confirmSegmentQuestion: (count, segment) =>
      `Skicka inbjudan till ${count} kontakter i det sparade urvalet ”${segment}”?`,
    segmentLabel: 'Sparat urval',
    segmentHint:
      'Ett sparat urval är ett villkor, inte en lista: det räknas om när inbjudan skickas, så nya kontakter som passar kommer med.',
    manageSegments: 'Hantera sparade urval',
    chooseSegment: 'Välj ett urval',
    noSegments: 'Inga sparade urval än',
    saveSegmentLabel: 'Spara urvalet ovan som',
    saveSegmentHint: 'Taggarna, typerna eller kontakterna du valt sparas under ett namn, för nästa utskick.',
    saveSegment: 'Spara urvalet',
    segmentSaved: (name) => `Urvalet är sparat som ”${name}”.`,
    confirmLead: (when) => `Inbjudan går iväg ${when}. Kontrollera urvalet nedan innan du bekräftar.`,
    now: 'nu',
    confirm: 'Ja, skicka',
    htmlPreview: (language) => `Inbjudan på ${language.toLowerCase()}`,
    textVersion: 'Textversionen',
    previewHeading: 'Så här ser inbjudan ut',
    sendTest: 'Skicka ett test till mig',
    testSent: (to) => `Ett testmejl är skickat till ${to}.`,
    languageNames: { sv: 'Svenska', da: 'Danska', en: 'Engelska' },
  },
  da: {
    firstRecipients: (names, more) => `Blandt modtagerne: ${names}${more === '0' ? '' : ` og ${more} mere`}.`,
    confirmQuestion: (count) => `Send invitationen til ${count} kontakter?`,
    confirmSegmentQuestion: (count, segment) =>
      `Send invitationen til ${count} kontakter i det gemte udvalg “${segment}”?`,
    segmentLabel: 'Gemt udvalg',
    segmentHint:
      'Et gemt udvalg er en betingelse, ikke en liste: det beregnes igen, når invitationen sendes, så nye kontakter, der passer, kommer med.',
    manageSegments: 'Administrer gemte udvalg',
    chooseSegment: 'Vælg et udvalg',
    noSegments: 'Ingen gemte udvalg endnu',
    saveSegmentLabel: 'Gem udvalget ovenfor som',
    saveSegmentHint: 'De valgte tags, typer eller kontakter gemmes under et navn til næste udsendelse.',
    saveSegment: 'Gem udvalget',
    segmentSaved: (name) => `Udvalget er gemt som “${name}”.`,
    confirmLead: (when) => `Invitationen sendes ${when}. Tjek udvalget nedenfor, før du bekræfter.`,
    now: 'nu',
    confirm: 'Ja, send',
    htmlPreview: (language) => `Invitationen på ${language.toLowerCase()}`,
    textVersion: 'Tekstversionen',
    previewHeading: 'Sådan ser invitationen ud',
    sendTest: 'Send en test til mig',
    testSent: (to) => `En testmail er sendt til ${to}.`,
    languageNames: { sv: 'Svensk', da: 'Dansk', en: 'Engelsk' },
  },
  en: {
    firstRecipients: (names, more) =>
      `Among the recipients: ${names}${more === '0' ? '' : ` and ${more} more`}.`,
    confirmQuestion: (count) => `Send the invitation to ${count} contacts?`,
    confirmSegmentQuestion: (count, segment) =>
      `Send the invitation to ${count} contacts in the saved segment “${segment}”?`,
    segmentLabel: 'Saved segment',
    segmentHint:
      'A saved segment is a rule, not a list: it is worked out again when the invitation is sent, so new contacts that fit are included.',
    manageSegments: 'Manage saved segments',
    chooseSegment: 'Choose a segment',
    noSegments: 'No saved segments yet',
    saveSegmentLabel: 'Save the selection above as',
    saveSegmentHint: 'The tags, types or contacts you chose are saved under a name, for the next send.',
    saveSegment: 'Save the selection',
    segmentSaved: (name) => `The selection is saved as “${name}”.`,
    confirmLead: (when) => `The invitation goes out ${when}. Check the selection below before you confirm.`,
    now: 'now',
    confirm: 'Yes, send',
    htmlPreview: (language) => `The invitation in ${language}`,
    textVersion: 'The text version',
    previewHeading: 'What the invitation looks like',
    sendTest: 'Send a test to me',
    testSent: (to) => `A test mail has been sent to ${to}.`,
    languageNames: { sv: 'Swedish', da: 'Danish', en: 'English' },
  },
};
