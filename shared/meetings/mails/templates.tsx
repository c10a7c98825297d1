import type { ComponentChildren } from 'preact';
import { type DataOf, type TemplateContext, type TemplateOutput, templateSet } from '../../mail/index.js';
import { cidUrl, type InlineImage } from '../../platform/mail-kit/inline-images.js';
import {
  type Fact,
  Facts,
  LabelledList,
  Paragraph,
  SanitizedHtml,
  SubHeading,
} from '../../platform/mail-kit/layout.js';
import { renderUserMarkdown } from '../../platform/mail-kit/markdown.js';
import { buttonPart, factsText, joinText, listText, subHeadingText } from '../../platform/mail-kit/parts.js';
import { checkInQrGif } from '../pages/check-in-qr.js';
import { dayTexts } from '../texts/day.js';
import { registrationTexts } from '../texts/registration.js';
import { type EventMessageKind, meetingMessages } from './content.js';
import {
  formatAgendaTime,
  formatEventDate,
  formatEventDateTime,
  formatEventWhen,
  formatPlace,
} from './format.js';
import { type EventTexts, eventMailTexts } from './texts.js';

/** The validated `data` of a meeting mail. */
type Data<K extends EventMessageKind> = DataOf<typeof meetingMessages, K>;

/*
 * The meeting mails' templates. Every value from the event, the tenant or the recipient is text
 * to Preact (so escaped); staff markdown goes through renderUserMarkdown. The plain text says
 * the same and carries the same links. Their texts are in `texts.ts`.
 */

/** The facts of an event as the recipient reads them: in their language, in the tenant's zone. */
interface EventView {
  t: EventTexts;
  /** The title as written (headings, subjects). */
  title: string;
  /** The title in the language's quotation marks (sentences). */
  quoted: string;
  kindLabel: string;
  kindInSentence: string;
  when: string;
  where: string;
  deadline: string;
  organiser: string;
  agenda: { label: string; text: string }[];
  /** The online meeting's link: only mails to those with a seat have one in their data. */
  meetingUrl?: string;
  /** The place on OpenStreetMap. */
  mapUrl?: string;
}

function eventViewOf(data: Data<EventMessageKind>, { language }: TemplateContext): EventView {
  const { event, timeZone } = data;
  const t = eventMailTexts[language];
  return {
    t,
    title: event.title,
    quoted: t.quote(event.title),
    kindLabel: t.kinds[event.kind],
    kindInSentence: t.kindsInSentence[event.kind],
    when: formatEventWhen(event.start, event.end, language, timeZone),
    where: formatPlace(event.place),
    deadline: formatEventDateTime(event.rsvpDeadline, language, timeZone),
    organiser: data.organiserName,
    agenda: event.agenda.map((item) => ({ label: formatAgendaTime(item.time, language), text: item.title })),
    meetingUrl: 'meetingUrl' in data ? data.meetingUrl : undefined,
    mapUrl: 'mapUrl' in data ? data.mapUrl : undefined,
  };
}

type FactName = 'when' | 'where' | 'organiser' | 'deadline';

function factsOf(view: EventView, names: FactName[]): Fact[] {
  const values: Record<FactName, string> = {
    when: view.when,
    where: view.where,
    organiser: view.organiser,
    deadline: view.deadline,
  };
  return names.flatMap((name) => [
    { label: view.t.labels[name], value: values[name] },
    // The meeting link and the map beside the place, when the mail has them.
    ...(name === 'where' && view.meetingUrl
      ? [{ label: view.t.labels.meeting, value: view.t.labels.joinMeeting, url: view.meetingUrl }]
      : []),
    ...(name === 'where' && view.mapUrl
      ? [{ label: view.t.labels.map, value: view.t.labels.showMap, url: view.mapUrl }]
      : []),
  ]);
}

/** The facts box and the agenda (when there is one), as HTML and as text. */
function eventFacts(view: EventView, names: FactName[]): { html: ComponentChildren; text: string } {
  const facts = factsOf(view, names);
  return {
    html: (
      <>
        <Facts facts={facts} />
        {view.agenda.length > 0 ? (
          <>
            <SubHeading>{view.t.labels.agenda}</SubHeading>
            <LabelledList items={view.agenda} />
          </>
        ) : null}
      </>
    ),
    text: [
      factsText(facts),
      view.agenda.length > 0 ? `${subHeadingText(view.t.labels.agenda)}\n${listText(view.agenda)}` : '',
    ]
      .filter(Boolean)
      .join('\n\n'),
  };
}

/** The feedback paragraph and its button, when the mail carries the recipient's feedback link. */
function feedbackPart(url: string | undefined, t: EventTexts, context: TemplateContext) {
  if (!url) return { html: null, text: '' };
  const button = buttonPart(url, t.feedback.button, context.texts.linkFallback);
  return {
    html: (
      <>
        <Paragraph>{t.feedback.text}</Paragraph>
        {button.html}
      </>
    ),
    text: joinText(t.feedback.text, button.text),
  };
}

function invitation(data: Data<'invitation'>, context: TemplateContext): TemplateOutput {
  const view = eventViewOf(data, context);
  const { t } = view;
  const forwarded = data.forwardedBy === undefined ? '' : t.invitation.forwardedBy(data.forwardedBy);
  const intro = t.invitation.intro(view.organiser, view.kindInSentence);
  const answerBy = t.invitation.answerBy(view.deadline);
  const markdown = data.markdownIntro === undefined ? undefined : renderUserMarkdown(data.markdownIntro);
  const description = data.description === undefined ? undefined : renderUserMarkdown(data.description);
  const facts = eventFacts(view, ['when', 'where', 'organiser', 'deadline']);
  const button = buttonPart(data.rsvpUrl, t.answerButton, context.texts.linkFallback, true);
  const feedback = feedbackPart(data.feedbackUrl, t, context);
  return {
    subject: t.invitation.subject(view.title),
    preheader: `${view.kindLabel}: ${view.when}. ${answerBy}`,
    heading: view.title,
    body: (
      <>
        {forwarded ? <Paragraph>{forwarded}</Paragraph> : null}
        <Paragraph>{intro}</Paragraph>
        {markdown ? <SanitizedHtml html={markdown.html} /> : null}
        {description ? <SanitizedHtml html={description.html} /> : null}
        {facts.html}
        <Paragraph>
          <strong>{answerBy}</strong>
        </Paragraph>
        {button.html}
        {feedback.html}
      </>
    ),
    bodyText: joinText(
      forwarded,
      intro,
      markdown?.text ?? '',
      description?.text ?? '',
      facts.text,
      answerBy,
      button.text,
      feedback.text,
    ),
    reason: context.texts.bulk.reason(context.tenantName),
  };
}

function invitationReminder(data: Data<'invitation-reminder'>, context: TemplateContext): TemplateOutput {
  const view = eventViewOf(data, context);
  const { t } = view;
  const intro = t.invitationReminder.intro(view.kindInSentence, view.deadline);
  const facts = eventFacts(view, ['when', 'where', 'organiser']);
  const button = buttonPart(data.rsvpUrl, t.answerButton, context.texts.linkFallback, true);
  const feedback = feedbackPart(data.feedbackUrl, t, context);
  return {
    subject: t.invitationReminder.subject(view.title),
    preheader: intro,
    heading: view.title,
    body: (
      <>
        <Paragraph>{intro}</Paragraph>
        {button.html}
        {facts.html}
        {feedback.html}
      </>
    ),
    bodyText: joinText(intro, button.text, facts.text, feedback.text),
    reason: context.texts.bulk.reason(context.tenantName),
  };
}

function attendeeReminder(data: Data<'attendee-reminder'>, context: TemplateContext): TemplateOutput {
  const view = eventViewOf(data, context);
  const { t } = view;
  const intro = t.attendeeReminder.intro(view.quoted);
  const seats = data.seats === undefined ? '' : t.attendeeReminder.seats(t.seats(data.seats));
  const facts = eventFacts(view, ['when', 'where', 'organiser']);
  const button = buttonPart(data.rsvpUrl, t.changeButton, context.texts.linkFallback);
  const feedback = feedbackPart(data.feedbackUrl, t, context);
  // The day before, the way in is what an online attendee needs first.
  const join = view.meetingUrl
    ? buttonPart(view.meetingUrl, t.labels.joinMeeting, context.texts.linkFallback, true)
    : undefined;
  return {
    subject: t.attendeeReminder.subject(view.title),
    preheader: `${view.when}. ${view.where.replace(/\n/g, ', ')}`,
    heading: t.attendeeReminder.heading,
    body: (
      <>
        <Paragraph>{intro}</Paragraph>
        {join?.html}
        {facts.html}
        {seats ? <Paragraph>{seats}</Paragraph> : null}
        <Paragraph>{t.cannotCome}</Paragraph>
        {button.html}
        {feedback.html}
      </>
    ),
    bodyText: joinText(intro, join?.text ?? '', facts.text, seats, t.cannotCome, button.text, feedback.text),
    reason: t.reason(view.title, context.tenantName),
  };
}

/** The Content-ID of the check-in QR code's part in the confirmation. */
const CHECK_IN_CONTENT_ID = 'check-in@samverkan';

/**
 * The check-in QR code as a part of the mail itself (`cid:`), not an image fetched from our
 * server: it shows without "load remote images?", and opening the mail tells nobody anything.
 * It holds the console's check-in of this contact on the site the RSVP link is on.
 */
function checkInImage(rsvpUrl: string, checkInPath: string): InlineImage {
  return {
    contentId: CHECK_IN_CONTENT_ID,
    fileName: 'check-in.gif',
    contentType: 'image/gif',
    content: checkInQrGif(new URL(checkInPath, new URL(rsvpUrl).origin).toString()),
  };
}

function rsvpConfirmation(data: Data<'rsvp-confirmation'>, context: TemplateContext): TemplateOutput {
  const view = eventViewOf(data, context);
  const { t } = view;
  const c = t.rsvpConfirmation;
  const { answer } = data;
  const removed = answer.status === 'declined' && answer.removedFromWaitlist === true;
  const status =
    answer.status === 'attending'
      ? c.attending(view.quoted, t.seats(answer.seats))
      : answer.status === 'waitlisted'
        ? c.waitlisted(view.quoted, answer.position, t.seats(answer.seats))
        : removed
          ? c.removed.text(view.quoted)
          : c.declined(view.quoted);
  const calendar = answer.status === 'attending' ? c.calendarAttached : '';
  // The check-in QR code, inline (only to someone with a seat).
  const qr =
    answer.status === 'attending' && data.checkInPath
      ? { image: checkInImage(data.rsvpUrl, data.checkInPath), texts: dayTexts(context.language).checkIn }
      : undefined;

  const dietary = [
    ...data.dietary
      .filter((d) => !(d === 'other' && data.dietaryOther !== undefined))
      .map((d) => t.dietary[d]),
    ...(data.dietaryOther === undefined ? [] : [`${t.dietary.other}: ${data.dietaryOther}`]),
  ];
  const answers: Fact[] = [
    ...(data.names.length > 0 ? [{ label: c.answerLabels.names, value: data.names.join(', ') }] : []),
    ...(dietary.length > 0 ? [{ label: c.answerLabels.dietary, value: dietary.join(', ') }] : []),
    ...(data.accessibility === undefined
      ? []
      : [{ label: c.answerLabels.accessibility, value: data.accessibility }]),
    ...(data.note === undefined ? [] : [{ label: c.answerLabels.note, value: data.note }]),
  ];
  const answerItems = answers.map((a) => ({ label: `${a.label}:`, text: a.value }));
  const facts = eventFacts(view, ['when', 'where', 'organiser']);
  const changeUntil = c.changeUntil(view.deadline);
  const button = buttonPart(data.rsvpUrl, t.changeButton, context.texts.linkFallback);
  return {
    subject: removed ? c.removed.subject(view.title) : c.subject[answer.status](view.title),
    preheader: status,
    heading: removed ? c.removed.heading : c.heading[answer.status],
    body: (
      <>
        <Paragraph>{status}</Paragraph>
        {calendar ? <Paragraph>{calendar}</Paragraph> : null}
        {facts.html}
        {qr ? (
          <>
            <Paragraph>{qr.texts.qrLead}</Paragraph>
            <Paragraph>
              <img
                src={cidUrl(qr.image)}
                alt={qr.texts.qrAlt}
                width={180}
                height={180}
                style="display:block"
              />
            </Paragraph>
          </>
        ) : null}
        {answers.length > 0 ? (
          <>
            <SubHeading>{c.answersLead}</SubHeading>
            <LabelledList items={answerItems} />
          </>
        ) : null}
        <Paragraph>{changeUntil}</Paragraph>
        {button.html}
      </>
    ),
    bodyText: joinText(
      status,
      calendar,
      facts.text,
      answers.length > 0 ? `${subHeadingText(c.answersLead)}\n${listText(answerItems)}` : '',
      changeUntil,
      button.text,
    ),
    reason: t.reason(view.title, context.tenantName),
    ...(qr ? { inlineImages: [qr.image] } : {}),
  };
}

function waitlistPromoted(data: Data<'waitlist-promoted'>, context: TemplateContext): TemplateOutput {
  const view = eventViewOf(data, context);
  const { t } = view;
  const intro = t.waitlistPromoted.intro(view.quoted, t.seats(data.seats));
  const facts = eventFacts(view, ['when', 'where', 'organiser']);
  const button = buttonPart(data.rsvpUrl, t.changeButton, context.texts.linkFallback);
  return {
    subject: t.waitlistPromoted.subject(view.title),
    preheader: intro,
    heading: t.waitlistPromoted.heading,
    body: (
      <>
        <Paragraph>{intro}</Paragraph>
        {facts.html}
        <Paragraph>{t.cannotCome}</Paragraph>
        {button.html}
      </>
    ),
    bodyText: joinText(intro, facts.text, t.cannotCome, button.text),
    reason: t.reason(view.title, context.tenantName),
  };
}

function eventUpdated(data: Data<'event-updated'>, context: TemplateContext): TemplateOutput {
  const view = eventViewOf(data, context);
  const { t } = view;
  const u = t.eventUpdated;
  const intro = u.intro(view.quoted);
  const changes = data.changes.map((change) => ({
    label: `${t.changeFields[change.field]}:`,
    text: `${change.before} → ${change.after}`,
  }));
  const facts = eventFacts(view, ['when', 'where', 'organiser']);
  const button = buttonPart(data.rsvpUrl, t.changeButton, context.texts.linkFallback);
  return {
    subject: u.subject(view.title),
    preheader: `${intro} ${changes.map((c) => `${c.label} ${c.text}`.replace(/\n/g, ' ')).join('; ')}`,
    heading: u.heading,
    body: (
      <>
        <Paragraph>{intro}</Paragraph>
        <LabelledList items={changes} />
        <Paragraph>{u.newFacts}</Paragraph>
        {facts.html}
        {data.waitlisted ? <Paragraph>{u.stillWaiting}</Paragraph> : null}
        <Paragraph>{u.changeLead}</Paragraph>
        {button.html}
      </>
    ),
    bodyText: joinText(
      intro,
      listText(changes),
      u.newFacts,
      facts.text,
      data.waitlisted ? u.stillWaiting : '',
      u.changeLead,
      button.text,
    ),
    reason: t.reason(view.title, context.tenantName),
  };
}

function eventCancelled(data: Data<'event-cancelled'>, context: TemplateContext): TemplateOutput {
  const view = eventViewOf(data, context);
  const { t } = view;
  const x = t.eventCancelled;
  const intro = x.intro(view.quoted, formatEventDate(data.event.start, context.language, data.timeZone));
  const markdown = data.markdownMessage === undefined ? undefined : renderUserMarkdown(data.markdownMessage);
  const facts = factsOf(view, ['when', 'where', 'organiser']);
  return {
    subject: x.subject(view.title),
    preheader: intro,
    heading: x.subject(view.title),
    body: (
      <>
        <Paragraph>{intro}</Paragraph>
        {markdown ? <SanitizedHtml html={markdown.html} /> : null}
        <Facts facts={facts} />
        <Paragraph>{x.calendar}</Paragraph>
        <Paragraph>{x.closing}</Paragraph>
      </>
    ),
    bodyText: joinText(intro, markdown?.text ?? '', factsText(facts), x.calendar, x.closing),
    reason: t.reason(view.title, context.tenantName),
  };
}

function registrationConfirmation(
  data: Data<'registration-confirmation'>,
  context: TemplateContext,
): TemplateOutput {
  const view = eventViewOf(data, context);
  const r = registrationTexts[context.language].mail;
  const intro = r.intro(view.quoted);
  const facts = eventFacts(view, ['when', 'where', 'organiser']);
  const button = buttonPart(data.confirmUrl, r.button, context.texts.linkFallback);
  return {
    subject: r.subject(view.title),
    preheader: intro,
    heading: r.subject(view.title),
    body: (
      <>
        <Paragraph>{intro}</Paragraph>
        {button.html}
        {facts.html}
        <Paragraph>{r.expiry}</Paragraph>
      </>
    ),
    bodyText: joinText(intro, button.text, facts.text, r.expiry),
    reason: view.t.reason(view.title, context.tenantName),
  };
}

/** The meeting mails' templates (the mail engine renders them). */
export const meetingTemplates = templateSet(meetingMessages, {
  invitation,
  'invitation-reminder': invitationReminder,
  'attendee-reminder': attendeeReminder,
  'rsvp-confirmation': rsvpConfirmation,
  'waitlist-promoted': waitlistPromoted,
  'event-updated': eventUpdated,
  'event-cancelled': eventCancelled,
  'registration-confirmation': registrationConfirmation,
});
