import { formatDateTime, formatNumber } from '../../platform/texts/format.js';
import type { Language } from '../../platform/texts/language.js';
import type { EventSendRow } from '../actions/sends.js';
import { presentOf } from '../attendance.js';
import { type AnswerDay, eventFunnel } from '../figures.js';
import type { EventCounters, Invitation, Meeting } from '../meeting.js';
import { dietaryCategories, meetingUrlOf } from '../meeting.js';
import { meetingsTexts } from '../texts/console.js';
import { dayTexts } from '../texts/day.js';
import { registrationTexts } from '../texts/registration.js';
import { EventFigures } from './figures.js';
import { eventStyles } from './form.js';
import { eventHref, noAnswerOf, StatusTag } from './list.js';
import { answeredQuestions, QuestionSummary } from './question-answers.js';
import { EventSends } from './sends.js';
import { type WaitlistNotice, type WaitlistRow, WaitlistSection, waitlistStyles } from './waitlist.js';

/** The people of an answer as the host reads them: its names, else the contact, then "Person n". */
export function peopleOf(row: Pick<AttendeeRow, 'names' | 'seats' | 'contactName' | 'contactId'>) {
  const names = row.names.filter((name) => name.trim() !== '');
  return Array.from(
    { length: Math.max(1, row.seats) },
    (_, i) => names[i] ?? (i === 0 ? row.contactName || row.contactId : `${i + 1}`),
  );
}

/** An invitation with who it is (contact and organisation names joined in). */
export interface AttendeeRow extends Invitation {
  contactName: string;
  email: string;
  organisationName: string;
}

export const eventNotices = [
  'created',
  'saved',
  'published',
  'cancelled',
  'invited',
  'scheduled',
  'attendance',
  'sendCancelled',
  'reminded',
  'messaged',
] as const;
export type EventNotice = (typeof eventNotices)[number];

export interface EventLivePageProps {
  language: Language;
  timeZone: string;
  event: Meeting;
  counters: EventCounters;
  /** One page of invitations (the only read besides the event and its counters item). */
  invitations: AttendeeRow[];
  /** The cursor of this page (empty on the first) and of the next one (none on the last). */
  cursor?: string;
  nextCursor?: string;
  canEdit: boolean;
  csrfToken: string;
  notice?: EventNotice;
  /** The event's sends with their progress. */
  sends: EventSendRow[];
  /** First answers per day (from the capability's hourly items); none before any answer. */
  answersPerDay?: AnswerDay[];
  /** The first places of the waitlist, in order (read only when anyone waits). */
  waitlist?: { rows: WaitlistRow[]; more: boolean; notice?: WaitlistNotice };
  /** The public registration page's address (open registration on), to copy and share. */
  registrationUrl?: string;
}

const counterTypes = ['invited', 'attending', 'declined', 'waitlisted'] as const;

/** `byType` (`attending#company` → n) as one row per organisation type. */
export function typeBreakdown(byType: Record<string, number>) {
  const rows = new Map<string, Record<(typeof counterTypes)[number], number>>();
  for (const [key, value] of Object.entries(byType)) {
    const at = key.indexOf('#');
    if (at < 0) continue;
    const counter = key.slice(0, at) as (typeof counterTypes)[number];
    if (!counterTypes.includes(counter)) continue;
    const type = key.slice(at + 1);
    const row = rows.get(type) ?? { invited: 0, attending: 0, declined: 0, waitlisted: 0 };
    row[counter] += value;
    rows.set(type, row);
  }
  return [...rows.entries()]
    .map(([type, row]) => ({ type, ...row, noAnswer: noAnswerOf(row) }))
    .sort((a, b) => b.invited - a.invited || a.type.localeCompare(b.type));
}

/** The event's staff view: counters, breakdowns, the caterer's numbers, the invitations. */
export function EventLivePage(props: EventLivePageProps) {
  const { language, timeZone, event, counters, invitations, canEdit, csrfToken, notice } = props;
  const m = meetingsTexts(language);
  const live = m.live;
  const c = m.columns;
  const n = (value: number) => formatNumber(value, language);
  const types = typeBreakdown(counters.byType);
  const href = (rest: string) => eventHref(event.eventId, rest);
  const diets = dietaryCategories.filter((d) => (counters.dietary[d] ?? 0) > 0);
  // What the host must know before the day: on this page of invitations, with their answer.
  const questions = event.customQuestions ?? [];
  const needs = invitations.filter(
    (row) =>
      (row.accessibility ||
        row.note ||
        row.dietaryOther ||
        answeredQuestions(questions, row.answers).length > 0) &&
      row.status !== 'invited' &&
      row.status !== 'declined',
  );
  return (
    <>
      <style dangerouslySetInnerHTML={{ __html: eventStyles + waitlistStyles }} />
      <p>
        <a href="/console/events">
          <span aria-hidden="true">← </span>
          {m.backToList}
        </a>
      </p>
      <p class="eyebrow">
        {m.kinds[event.kind]} <StatusTag status={event.status} language={language} />
      </p>
      <h1 lang={event.language}>{event.title}</h1>
      {notice ? (
        <p class="notice" role="status">
          {m.notices[notice]}
        </p>
      ) : null}
      <dl class="facts">
        <dt>{m.facts.when}</dt>
        <dd>
          <time dateTime={event.start}>{formatDateTime(event.start, language, timeZone)}</time> –{' '}
          <time dateTime={event.end}>{formatDateTime(event.end, language, timeZone)}</time>
        </dd>
        <dt>{m.facts.where}</dt>
        <dd lang={event.language}>
          {event.place.name}
          {event.place.address ? `, ${event.place.address}` : ''}
        </dd>
        {meetingUrlOf(event) ? (
          <>
            <dt>{m.form.labels.meetingUrl}</dt>
            <dd>
              {m.form.formats[event.format ?? 'in-person']}:{' '}
              <a href={meetingUrlOf(event)}>{meetingUrlOf(event)}</a>
            </dd>
          </>
        ) : null}
        <dt>{m.facts.rsvpDeadline}</dt>
        <dd>
          <time dateTime={event.rsvpDeadline}>{formatDateTime(event.rsvpDeadline, language, timeZone)}</time>
        </dd>
        <dt>{m.facts.capacity}</dt>
        <dd>{m.facts.capacityText(n(event.capacity), n(event.seatLimitPerOrganisation))}</dd>
        {props.registrationUrl ? (
          <>
            <dt>{registrationTexts[language].console.publicLink}</dt>
            <dd>
              <a href={props.registrationUrl} id="registration-url">
                {props.registrationUrl}
              </a>{' '}
              <span class="hint">{registrationTexts[language].console.publicLinkHint}</span>
            </dd>
          </>
        ) : null}
      </dl>

      <div class="actions">
        {canEdit && event.status !== 'cancelled' ? (
          <a class="button" href={href('/edit')}>
            {m.actions.edit}
          </a>
        ) : null}
        {canEdit ? (
          <a class="button" href={`/console/events/new?from=${encodeURIComponent(event.eventId)}`}>
            {m.actions.duplicate}
          </a>
        ) : null}
        {canEdit && event.status === 'draft' ? (
          <form method="post" action={href('/publish')}>
            <input type="hidden" name="_csrf" value={csrfToken} />
            <button type="submit" class="primary">
              {m.actions.publish}
            </button>
          </form>
        ) : null}
        {canEdit && event.status === 'published' ? (
          <a class="button" href={href('/invite')}>
            {m.actions.invite}
          </a>
        ) : null}
        <a href={href('/export.csv')}>{m.actions.exportCsv}</a>
        <a href={href('/export.csv?sep=semicolon')}>{m.actions.exportCsvSemicolon}</a>
        <a href={href('/badges')}>{m.actions.badges}</a>
        {event.status === 'published' ? (
          <a href={href('/check-in')}>{dayTexts(language).checkIn.link}</a>
        ) : null}
      </div>
      {canEdit && event.status === 'draft' ? <p class="hint">{m.actions.publishHint}</p> : null}

      <section aria-labelledby="counters-heading">
        <h2 id="counters-heading">{live.countersHeading}</h2>
        <dl class="counters events">
          <div class="counter">
            <dt>{c.invited}</dt>
            <dd>{n(counters.invited)}</dd>
          </div>
          <div class="counter">
            <dt>{c.opened}</dt>
            <dd>{n(counters.opened)}</dd>
          </div>
          <div class="counter" id="counter-attending">
            <dt>{c.attendingPeople}</dt>
            <dd>
              {n(counters.attendingSeats)}
              <span class="sub">
                {m.seatsOfCapacity(n(counters.attendingSeats), n(event.capacity))} ·{' '}
                {live.answers(n(counters.attending))}
              </span>
            </dd>
          </div>
          <div class="counter">
            <dt>{c.declined}</dt>
            <dd>{n(counters.declined)}</dd>
          </div>
          <div class="counter" id="counter-waitlisted">
            <dt>{c.waitlistedPeople}</dt>
            <dd>
              {n(counters.waitlistedSeats)}
              <span class="sub">{live.answers(n(counters.waitlisted))}</span>
            </dd>
          </div>
          <div class="counter">
            <dt>{c.noAnswer}</dt>
            <dd>{n(noAnswerOf(counters))}</dd>
          </div>
          <div class="counter" id="counter-present">
            <dt>{c.presentPeople}</dt>
            <dd>
              {n(counters.present)}
              <span class="sub">{m.seatsOfCapacity(n(counters.present), n(counters.attendingSeats))}</span>
            </dd>
          </div>
        </dl>
      </section>

      <EventFigures
        language={language}
        funnel={eventFunnel(counters)}
        answersPerDay={props.answersPerDay ?? []}
      />

      <EventSends
        language={language}
        timeZone={timeZone}
        sends={props.sends}
        href={href}
        csrfToken={csrfToken}
        canEdit={canEdit}
        published={event.status === 'published'}
        noAnswer={noAnswerOf(counters)}
        attending={counters.attending}
        attendingPeople={counters.attendingSeats}
      />

      <section aria-labelledby="types-heading">
        <h2 id="types-heading">{live.byTypeHeading}</h2>
        {types.length === 0 ? (
          <p class="empty">{live.byTypeEmpty}</p>
        ) : (
          <section class="table-wrap" aria-label={live.byTypeHeading} tabindex={0}>
            <table class="data">
              <caption class="visually-hidden">{live.byTypeHeading}</caption>
              <thead>
                <tr>
                  <th scope="col">{c.organisationType}</th>
                  <th scope="col" class="num">
                    {c.invited}
                  </th>
                  <th scope="col" class="num">
                    {c.attending}
                  </th>
                  <th scope="col" class="num">
                    {c.declined}
                  </th>
                  <th scope="col" class="num">
                    {c.waitlisted}
                  </th>
                  <th scope="col" class="num">
                    {c.noAnswer}
                  </th>
                </tr>
              </thead>
              <tbody>
                {types.map((row) => (
                  <tr key={row.type}>
                    <th scope="row">{m.organisationTypes[row.type] ?? row.type}</th>
                    <td class="num">{n(row.invited)}</td>
                    <td class="num">{n(row.attending)}</td>
                    <td class="num">{n(row.declined)}</td>
                    <td class="num">{n(row.waitlisted)}</td>
                    <td class="num">{n(row.noAnswer)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
      </section>

      <section aria-labelledby="dietary-heading">
        <h2 id="dietary-heading">{live.dietaryHeading}</h2>
        <p>{live.dietaryLead(n(counters.attendingSeats))}</p>
        {diets.length === 0 ? (
          <p class="empty">{live.dietaryNone}</p>
        ) : (
          <section class="table-wrap" aria-label={live.dietaryHeading} tabindex={0}>
            <table class="data">
              <caption class="visually-hidden">{live.dietaryHeading}</caption>
              <thead>
                <tr>
                  <th scope="col">{c.dietary}</th>
                  <th scope="col" class="num">
                    {live.dietaryCount}
                  </th>
                </tr>
              </thead>
              <tbody>
                {diets.map((d) => (
                  <tr key={d}>
                    <th scope="row">{m.dietary[d]}</th>
                    <td class="num">{n(counters.dietary[d] ?? 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
        <p class="hint">{live.dietaryHint}</p>
      </section>

      <QuestionSummary
        questions={questions}
        choices={counters.choices}
        language={language}
        eventLanguage={event.language}
      />

      <section aria-labelledby="needs-heading">
        <h2 id="needs-heading">{live.needsHeading}</h2>
        {needs.length === 0 ? (
          <p class="empty">{props.cursor ? live.needsNoneOnPage : live.needsNone}</p>
        ) : (
          <ul class="needs">
            {needs.map((row) => (
              <li key={row.contactId}>
                <strong>{row.contactName || row.contactId}</strong>
                {row.organisationName ? ` (${row.organisationName})` : ''} ·{' '}
                {m.invitationStatuses[row.status]}
                {row.accessibility ? (
                  <p>
                    <span class="label">{c.accessibility}:</span> {row.accessibility}
                  </p>
                ) : null}
                {row.dietaryOther ? (
                  <p>
                    <span class="label">{live.dietaryOther}:</span> {row.dietaryOther}
                  </p>
                ) : null}
                {row.note ? (
                  <p>
                    <span class="label">{c.note}:</span> {row.note}
                  </p>
                ) : null}
                {answeredQuestions(questions, row.answers).map(({ question, text }) => (
                  <p key={question.id} class="question-answer">
                    <span class="label" lang={event.language === language ? undefined : event.language}>
                      {question.label}:
                    </span>{' '}
                    {text}
                  </p>
                ))}
              </li>
            ))}
          </ul>
        )}
      </section>

      {event.status !== 'draft' ? (
        <WaitlistSection
          language={language}
          event={event}
          rows={props.waitlist?.rows ?? []}
          full={counters.attendingSeats >= event.capacity}
          more={props.waitlist?.more ?? false}
          canEdit={canEdit && event.status === 'published'}
          csrfToken={csrfToken}
          notice={props.waitlist?.notice}
        />
      ) : null}

      <section aria-labelledby="invitations-heading">
        <h2 id="invitations-heading">{live.invitationsHeading}</h2>
        {invitations.length === 0 ? (
          <p class="empty">{props.cursor ? live.noMore : live.noInvitations}</p>
        ) : (
          <section class="table-wrap" aria-label={live.invitationsHeading} tabindex={0}>
            <table class="data cards">
              <caption class="visually-hidden">{live.invitationsHeading}</caption>
              <thead>
                <tr>
                  <th scope="col">{c.organisation}</th>
                  <th scope="col">{c.contact}</th>
                  <th scope="col">{c.status}</th>
                  <th scope="col" class="num">
                    {c.seats}
                  </th>
                  <th scope="col">{c.names}</th>
                  <th scope="col">{c.dietary}</th>
                  <th scope="col">{c.presentPeople}</th>
                </tr>
              </thead>
              <tbody>
                {invitations.map((row) => (
                  <tr key={row.contactId}>
                    <td data-label={c.organisation}>{row.organisationName || '–'}</td>
                    <th scope="row" data-label={c.contact}>
                      {row.contactName || row.contactId}
                      {row.registered ? (
                        <span class="hint"> ({registrationTexts[language].console.registeredTag})</span>
                      ) : null}
                    </th>
                    <td data-label={c.status}>{m.invitationStatuses[row.status]}</td>
                    <td class="num" data-label={c.seats}>
                      {row.status === 'invited' || row.status === 'declined' ? '–' : n(row.seats)}
                    </td>
                    <td data-label={c.names}>{row.names.filter(Boolean).join(', ')}</td>
                    <td data-label={c.dietary}>
                      {[
                        ...row.dietary.map((d) => m.dietary[d]),
                        ...(row.dietaryOther ? [row.dietaryOther] : []),
                      ].join(', ')}
                    </td>
                    <td data-label={c.presentPeople}>
                      {row.status !== 'attending' ? (
                        '–'
                      ) : (
                        <CheckIn
                          row={row}
                          action={href('/attendance')}
                          csrfToken={csrfToken}
                          cursor={props.cursor}
                          canEdit={canEdit}
                          language={language}
                        />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
        <nav class="pager" aria-label={live.pagerLabel}>
          {props.cursor ? <a href={`${href('')}#invitations-heading`}>{live.firstPage}</a> : null}
          {props.nextCursor ? (
            <a href={`${href('')}?cursor=${encodeURIComponent(props.nextCursor)}#invitations-heading`}>
              {live.nextPage}
            </a>
          ) : null}
        </nav>
      </section>

      {canEdit && event.status !== 'cancelled' ? (
        <section aria-labelledby="cancel-heading">
          <h2 id="cancel-heading">{m.actions.cancelHeading}</h2>
          <details class="cancel">
            <summary>{m.actions.cancel}</summary>
            <form method="post" action={href('/cancel')} class="stacked">
              <input type="hidden" name="_csrf" value={csrfToken} />
              <p class="hint" id="cancel-hint">
                {event.status === 'published' ? m.actions.cancelHintPublished : m.actions.cancelHintDraft}
              </p>
              {event.status === 'published' ? (
                <>
                  <label for="cancel-message">{m.actions.cancelMessage}</label>
                  <textarea
                    id="cancel-message"
                    name="message"
                    rows={4}
                    maxLength={5000}
                    aria-describedby="cancel-hint"
                  />
                </>
              ) : null}
              <p>
                <button type="submit" class="danger">
                  {m.actions.cancelConfirm}
                </button>
              </p>
            </form>
          </details>
        </section>
      ) : null}
      <script src="/console/events.js" defer />
    </>
  );
}

/** One check-in button per person of an answer (pressed when present), or who is present. */
export function CheckIn(props: {
  row: AttendeeRow;
  action: string;
  csrfToken: string;
  cursor?: string;
  canEdit: boolean;
  language: Language;
}) {
  const { row, action, csrfToken, canEdit } = props;
  const m = meetingsTexts(props.language);
  const present = new Set(presentOf(row));
  const people = peopleOf(row);
  if (!canEdit) return <>{people.filter((_, i) => present.has(i)).join(', ') || m.no}</>;
  return (
    <ul class="checkin">
      {people.map((name, person) => (
        <li key={`${row.contactId}-${person}`}>
          <form method="post" action={action}>
            <input type="hidden" name="_csrf" value={csrfToken} />
            <input type="hidden" name="contactId" value={row.contactId} />
            <input type="hidden" name="person" value={String(person)} />
            <input type="hidden" name="attended" value={present.has(person) ? 'false' : 'true'} />
            {props.cursor ? <input type="hidden" name="cursor" value={props.cursor} /> : null}
            <button type="submit" aria-pressed={present.has(person) ? 'true' : 'false'}>
              {present.has(person) ? <span aria-hidden="true">✓ </span> : null}
              {name}
              <span class="visually-hidden">: {m.live.attendedToggle}</span>
            </button>
          </form>
        </li>
      ))}
    </ul>
  );
}
