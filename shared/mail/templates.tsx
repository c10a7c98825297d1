import type { ComponentChildren } from 'preact';
import {
  formatAgendaTime,
  formatEventDate,
  formatEventDateTime,
  formatEventWhen,
  formatPlace,
} from '../meetings/mails/format.js';
import {
  Button,
  type Fact,
  Facts,
  LabelledList,
  LinkFallback,
  List,
  Paragraph,
  SanitizedHtml,
  SubHeading,
} from '../platform/mail-kit/layout.js';
import { renderUserMarkdown } from '../platform/mail-kit/markdown.js';
import type { Language } from '../platform/texts/language.js';
import type { EventMessageKind, MessageData, MessageKind } from './content.js';
import type { EventTexts, MailTexts } from './texts.js';

/** What a template gets besides its data. */
export interface TemplateContext {
  language: Language;
  texts: MailTexts;
  tenantName: string;
}

/** One kind's mail, before the layout: the parts that differ between kinds. */
export interface TemplateOutput {
  subject: string;
  preheader: string;
  banner?: string;
  /** The heading at the top of the card, before the greeting. */
  heading: string;
  /** The content of the card, after the greeting (HTML). */
  body: ComponentChildren;
  /** The same content as plain text, after the greeting. */
  bodyText: string;
  /** Why the recipient gets the mail (the footer). */
  reason: string;
}

export interface MessageTemplate<K extends MessageKind> {
  /**
   * Bulk mail (campaigns): needs an unsubscribe link, shown in the footer and in
   * List-Unsubscribe. Transactional mail (the recipient's own request) has none.
   */
  render(data: MessageData<K>, context: TemplateContext): TemplateOutput;
}

/** The preview text: the start of the body, on one line, without heading rules and link URLs. */
function previewOf(text: string, max = 140): string {
  const line = text
    .split('\n')
    .filter((l) => !/^\s*[=-]+\s*$/.test(l))
    .map((l) => l.replace(/^\s*(?:[-*]|\d+\.|>)\s+/, ''))
    .join(' ')
    .replace(/ \((?:https?:|mailto:)[^\s)]*\)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const characters = [...line];
  return characters.length <= max
    ? line
    : `${characters
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

/** An announcement's parts (also the test send's). */
function announcement(
  data: MessageData<'announcement'>,
  { texts, tenantName }: TemplateContext,
): TemplateOutput {
  const { html, text } = renderUserMarkdown(data.markdownBody);
  const cta =
    data.ctaLabel !== undefined && data.ctaUrl !== undefined
      ? { label: data.ctaLabel, url: data.ctaUrl }
      : undefined;
  return {
    subject: data.subject,
    preheader: previewOf(text),
    heading: data.subject,
    body: (
      <>
        <SanitizedHtml html={html} />
        {cta ? <Button url={cta.url} label={cta.label} /> : null}
      </>
    ),
    bodyText: [text, cta ? `${cta.label}: ${cta.url}` : ''].filter(Boolean).join('\n\n'),
    reason: texts.bulk.reason(tenantName),
  };
}

/*
 * Event mails. Every value from the event, the tenant or the recipient is text to Preact (so
 * escaped); staff markdown goes through renderUserMarkdown. The plain text says the same and
 * carries the same links.
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
}

function eventViewOf(data: MessageData<EventMessageKind>, { language, texts }: TemplateContext): EventView {
  const { event, timeZone } = data;
  const t = texts.events;
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
  return names.map((name) => ({ label: view.t.labels[name], value: values[name] }));
}

/** "Label: value", continuation lines indented. */
const labelledText = (label: string, value: string) => `${label}: ${value.replace(/\n/g, '\n  ')}`;

const factsText = (facts: Fact[]) => facts.map((fact) => labelledText(fact.label, fact.value)).join('\n');

const listText = (items: { label: string; text: string }[]) =>
  items.map((item) => `- ${item.label} ${item.text.replace(/\n/g, '\n  ')}`).join('\n');

const subHeadingText = (text: string) => `${text}\n${'-'.repeat([...text].length)}`;

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

/** A button with its URL written out below it; in text "Label: URL". */
function buttonParts(
  url: string,
  label: string,
  texts: MailTexts,
  large = false,
): { html: ComponentChildren; text: string } {
  return {
    html: (
      <>
        <Button url={url} label={label} large={large} />
        <LinkFallback lead={texts.linkFallback} url={url} />
      </>
    ),
    text: `${label}: ${url}`,
  };
}

const joinText = (...parts: string[]) => parts.filter(Boolean).join('\n\n');

function invitation(data: MessageData<'invitation'>, context: TemplateContext): TemplateOutput {
  const view = eventViewOf(data, context);
  const { t } = view;
  const intro = t.invitation.intro(view.organiser, view.kindInSentence);
  const answerBy = t.invitation.answerBy(view.deadline);
  const markdown = data.markdownIntro === undefined ? undefined : renderUserMarkdown(data.markdownIntro);
  const facts = eventFacts(view, ['when', 'where', 'organiser', 'deadline']);
  const button = buttonParts(data.rsvpUrl, t.answerButton, context.texts, true);
  return {
    subject: t.invitation.subject(view.title),
    preheader: `${view.kindLabel}: ${view.when}. ${answerBy}`,
    heading: view.title,
    body: (
      <>
        <Paragraph>{intro}</Paragraph>
        {markdown ? <SanitizedHtml html={markdown.html} /> : null}
        {facts.html}
        <Paragraph>
          <strong>{answerBy}</strong>
        </Paragraph>
        {button.html}
      </>
    ),
    bodyText: joinText(intro, markdown?.text ?? '', facts.text, answerBy, button.text),
    reason: context.texts.bulk.reason(context.tenantName),
  };
}

function invitationReminder(
  data: MessageData<'invitation-reminder'>,
  context: TemplateContext,
): TemplateOutput {
  const view = eventViewOf(data, context);
  const { t } = view;
  const intro = t.invitationReminder.intro(view.kindInSentence, view.deadline);
  const facts = eventFacts(view, ['when', 'where', 'organiser']);
  const button = buttonParts(data.rsvpUrl, t.answerButton, context.texts, true);
  return {
    subject: t.invitationReminder.subject(view.title),
    preheader: intro,
    heading: view.title,
    body: (
      <>
        <Paragraph>{intro}</Paragraph>
        {button.html}
        {facts.html}
      </>
    ),
    bodyText: joinText(intro, button.text, facts.text),
    reason: context.texts.bulk.reason(context.tenantName),
  };
}

function attendeeReminder(data: MessageData<'attendee-reminder'>, context: TemplateContext): TemplateOutput {
  const view = eventViewOf(data, context);
  const { t } = view;
  const intro = t.attendeeReminder.intro(view.quoted);
  const seats = data.seats === undefined ? '' : t.attendeeReminder.seats(t.seats(data.seats));
  const facts = eventFacts(view, ['when', 'where', 'organiser']);
  const button = buttonParts(data.rsvpUrl, t.changeButton, context.texts);
  return {
    subject: t.attendeeReminder.subject(view.title),
    preheader: `${view.when}. ${view.where.replace(/\n/g, ', ')}`,
    heading: t.attendeeReminder.heading,
    body: (
      <>
        <Paragraph>{intro}</Paragraph>
        {facts.html}
        {seats ? <Paragraph>{seats}</Paragraph> : null}
        <Paragraph>{t.cannotCome}</Paragraph>
        {button.html}
      </>
    ),
    bodyText: joinText(intro, facts.text, seats, t.cannotCome, button.text),
    reason: t.reason(view.title, context.tenantName),
  };
}

function rsvpConfirmation(data: MessageData<'rsvp-confirmation'>, context: TemplateContext): TemplateOutput {
  const view = eventViewOf(data, context);
  const { t } = view;
  const c = t.rsvpConfirmation;
  const { answer } = data;
  const status =
    answer.status === 'attending'
      ? c.attending(view.quoted, t.seats(answer.seats))
      : answer.status === 'waitlisted'
        ? c.waitlisted(view.quoted, answer.position, t.seats(answer.seats))
        : c.declined(view.quoted);
  const calendar = answer.status === 'attending' ? c.calendarAttached : '';

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
  const button = buttonParts(data.rsvpUrl, t.changeButton, context.texts);
  return {
    subject: c.subject[answer.status](view.title),
    preheader: status,
    heading: c.heading[answer.status],
    body: (
      <>
        <Paragraph>{status}</Paragraph>
        {calendar ? <Paragraph>{calendar}</Paragraph> : null}
        {facts.html}
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
  };
}

function waitlistPromoted(data: MessageData<'waitlist-promoted'>, context: TemplateContext): TemplateOutput {
  const view = eventViewOf(data, context);
  const { t } = view;
  const intro = t.waitlistPromoted.intro(view.quoted, t.seats(data.seats));
  const facts = eventFacts(view, ['when', 'where', 'organiser']);
  const button = buttonParts(data.rsvpUrl, t.changeButton, context.texts);
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

function eventUpdated(data: MessageData<'event-updated'>, context: TemplateContext): TemplateOutput {
  const view = eventViewOf(data, context);
  const { t } = view;
  const u = t.eventUpdated;
  const intro = u.intro(view.quoted);
  const changes = data.changes.map((change) => ({
    label: `${t.changeFields[change.field]}:`,
    text: `${change.before} → ${change.after}`,
  }));
  const facts = eventFacts(view, ['when', 'where', 'organiser']);
  const button = buttonParts(data.rsvpUrl, t.changeButton, context.texts);
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
        <Paragraph>{u.changeLead}</Paragraph>
        {button.html}
      </>
    ),
    bodyText: joinText(intro, listText(changes), u.newFacts, facts.text, u.changeLead, button.text),
    reason: t.reason(view.title, context.tenantName),
  };
}

function eventCancelled(data: MessageData<'event-cancelled'>, context: TemplateContext): TemplateOutput {
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

export const templates: { [K in MessageKind]: MessageTemplate<K> } = {
  announcement: {
    render: announcement,
  },
  'test-send': {
    render(data, context) {
      // Exactly what recipients will get, with a banner and a marked subject.
      const parts = announcement(data, context);
      return {
        ...parts,
        subject: `${context.texts.testSubjectPrefix} ${parts.subject}`,
        banner: context.texts.testBanner,
      };
    },
  },
  'subscription-confirmation': {
    render(data, { texts, tenantName }) {
      const t = texts.subscriptionConfirmation;
      const topics = data.topics;
      return {
        subject: t.subject(tenantName),
        preheader: t.preheader,
        heading: t.heading,
        body: (
          <>
            <Paragraph>{t.intro(tenantName)}</Paragraph>
            {topics.length > 0 ? (
              <>
                <Paragraph>{t.topicsLead}</Paragraph>
                <List items={topics} />
              </>
            ) : null}
            <Button url={data.confirmUrl} label={t.button} />
            <LinkFallback lead={texts.linkFallback} url={data.confirmUrl} />
          </>
        ),
        bodyText: [
          t.intro(tenantName),
          topics.length > 0 ? [t.topicsLead, ...topics.map((topic) => `- ${topic}`)].join('\n') : '',
          `${t.button}: ${data.confirmUrl}`,
        ]
          .filter(Boolean)
          .join('\n\n'),
        reason: t.reason(tenantName),
      };
    },
  },
  invitation: { render: invitation },
  'invitation-reminder': { render: invitationReminder },
  'attendee-reminder': { render: attendeeReminder },
  'rsvp-confirmation': { render: rsvpConfirmation },
  'waitlist-promoted': { render: waitlistPromoted },
  'event-updated': { render: eventUpdated },
  'event-cancelled': { render: eventCancelled },
};
