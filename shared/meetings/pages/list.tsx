import { formatDateTime, formatNumber } from '../../platform/texts/format.js';
import type { Language } from '../../platform/texts/language.js';
import type { EventCounters, Meeting } from '../meeting.js';
import { meetingsTexts } from '../texts/console.js';
import { eventStyles } from './form.js';

/** What the list shows of each event: the event, and the counters item's headline numbers. */
export interface EventSummary {
  event: Meeting;
  counters: Pick<EventCounters, 'invited' | 'attending' | 'attendingSeats' | 'declined' | 'waitlisted'>;
}

export interface EventsListPageProps {
  language: Language;
  timeZone: string;
  /** Soonest first. */
  upcoming: EventSummary[];
  /** Latest first. */
  past: EventSummary[];
  canEdit: boolean;
}

export const eventHref = (eventId: string, rest = '') =>
  `/console/events/${encodeURIComponent(eventId)}${rest}`;

export const noAnswerOf = (c: Pick<EventCounters, 'invited' | 'attending' | 'declined' | 'waitlisted'>) =>
  Math.max(0, c.invited - c.attending - c.declined - c.waitlisted);

export function StatusTag({ status, language }: { status: Meeting['status']; language: Language }) {
  return <span class={`status-tag ${status}`}>{meetingsTexts(language).statuses[status]}</span>;
}

function EventsTable(props: {
  caption: string;
  items: EventSummary[];
  language: Language;
  timeZone: string;
}) {
  const { caption, items, language, timeZone } = props;
  const m = meetingsTexts(language);
  const c = m.columns;
  const n = (value: number) => formatNumber(value, language);
  return (
    <section class="table-wrap" aria-label={caption} tabindex={0}>
      <table class="data">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{c.event}</th>
            <th scope="col">{c.when}</th>
            <th scope="col">{c.status}</th>
            <th scope="col" class="num">
              {c.invited}
            </th>
            <th scope="col" class="num">
              {c.attendingPeople}
            </th>
            <th scope="col" class="num">
              {c.declined}
            </th>
            <th scope="col" class="num">
              {c.noAnswer}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map(({ event, counters }) => (
            <tr key={event.eventId}>
              <th scope="row">
                <a href={eventHref(event.eventId)} lang={event.language}>
                  {event.title}
                </a>
                <span class="sub meta"> {m.kinds[event.kind]}</span>
              </th>
              <td>
                <time dateTime={event.start}>{formatDateTime(event.start, language, timeZone)}</time>
              </td>
              <td>
                <StatusTag status={event.status} language={language} />
              </td>
              <td class="num">{n(counters.invited)}</td>
              <td class="num">{m.seatsOfCapacity(n(counters.attendingSeats), n(event.capacity))}</td>
              <td class="num">{n(counters.declined)}</td>
              <td class="num">{n(noAnswerOf(counters))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The events of the tenant, upcoming and past, with how many answered. */
export function EventsListPage({ language, timeZone, upcoming, past, canEdit }: EventsListPageProps) {
  const m = meetingsTexts(language);
  return (
    <>
      <style dangerouslySetInnerHTML={{ __html: eventStyles }} />
      <h1>{m.title}</h1>
      <p class="lead">{m.intro}</p>
      {canEdit ? (
        <p>
          <a class="button" href="/console/events/new">
            {m.newEvent}
          </a>
        </p>
      ) : null}
      <section aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">{m.upcoming}</h2>
        {upcoming.length === 0 ? (
          <p class="empty">{m.noUpcoming}</p>
        ) : (
          <EventsTable caption={m.upcoming} items={upcoming} language={language} timeZone={timeZone} />
        )}
      </section>
      <section aria-labelledby="past-heading">
        <h2 id="past-heading">{m.past}</h2>
        {past.length === 0 ? (
          <p class="empty">{m.noPast}</p>
        ) : (
          <EventsTable caption={m.past} items={past} language={language} timeZone={timeZone} />
        )}
      </section>
    </>
  );
}
