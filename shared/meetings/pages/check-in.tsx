import { formatNumber } from '../../platform/texts/format.js';
import type { Language } from '../../platform/texts/language.js';
import { presentOf } from '../attendance.js';
import type { Meeting } from '../meeting.js';
import { meetingsTexts } from '../texts/console.js';
import { dayTexts } from '../texts/day.js';
import { eventHref } from './list.js';
import { type AttendeeRow, peopleOf } from './live.js';

/** Lower case without accents, so "ostlund" finds "Östlund" and "Ö" finds "ö". */
const searchable = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** What a search matches in an answer: the contact, the organisation and every name given. */
const haystack = (row: AttendeeRow) =>
  searchable([row.contactName, row.organisationName, ...row.names].filter(Boolean).join(' '));

/** The answers a search finds (all when the search is empty): every word must match. */
export function matchAttendees(rows: AttendeeRow[], query: string): AttendeeRow[] {
  const words = searchable(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return rows;
  return rows.filter((row) => {
    const text = haystack(row);
    return words.every((word) => text.includes(word));
  });
}

export interface CheckInPageProps {
  language: Language;
  event: Meeting;
  /** People present and seats held (the counters item). */
  present: number;
  expected: number;
  /** The answers to show (already searched, or the one the QR code names). */
  rows: AttendeeRow[];
  /** How many answers the search found (more than shown when long). */
  found: number;
  query: string;
  /** The one contact the QR code opened: their answer alone. */
  contactId?: string;
  canEdit: boolean;
  csrfToken: string;
}

/**
 * The door on the day, phone first: present of expected at the top, a search (a GET form, which
 * the console script narrows as one types), and per person of each answer one big button that
 * checks them in or undoes it.
 */
export function CheckInPage(props: CheckInPageProps) {
  const { language, event, rows, canEdit, csrfToken, query } = props;
  const t = dayTexts(language).checkIn;
  const m = meetingsTexts(language);
  const n = (value: number) => formatNumber(value, language);
  const href = (rest: string) => eventHref(event.eventId, rest);
  return (
    <>
      <style dangerouslySetInnerHTML={{ __html: checkInStyles }} />
      <p>
        <a href={href('')}>
          <span aria-hidden="true">← </span>
          {m.backToEvent}
        </a>
      </p>
      <h1>
        {props.contactId ? t.personHeading : t.title}
        <span class="sub" lang={event.language}>
          {event.title}
        </span>
      </h1>
      <p class="checkin-counts" id="checkin-counts">
        {t.counts(n(props.present), n(props.expected))}
      </p>
      {props.contactId ? (
        <p>
          <a href={href('/check-in')}>{t.allAttendees}</a>
        </p>
      ) : (
        <form method="get" action={href('/check-in')} class="checkin-search">
          <label for="checkin-q">{t.searchLabel}</label>
          <p class="hint" id="checkin-q-hint">
            {t.searchHint}
          </p>
          <div class="row">
            <input
              id="checkin-q"
              type="search"
              name="q"
              value={query}
              maxLength={100}
              autocomplete="off"
              aria-describedby="checkin-q-hint"
              data-checkin-search
            />
            <button type="submit">{t.search}</button>
          </div>
          {query ? <a href={href('/check-in')}>{t.clear}</a> : null}
        </form>
      )}
      <h2 id="checkin-heading" class="visually-hidden">
        {t.presentHeading}
      </h2>
      {rows.length === 0 ? (
        <p class="empty">{query ? t.noMatch(query) : props.contactId ? t.notAttending : t.none}</p>
      ) : (
        <ul class="checkin-list" aria-labelledby="checkin-heading">
          {rows.map((row) => (
            <li key={row.contactId} id={`p-${row.contactId}`} data-search={haystack(row)}>
              <p class="org">{row.organisationName || row.contactName || row.contactId}</p>
              <ul class="people">
                {peopleOf(row).map((name, person) => {
                  const present = presentOf(row).includes(person);
                  return (
                    <li key={`${row.contactId}-${person}`}>
                      {canEdit ? (
                        <form method="post" action={href('/attendance')}>
                          <input type="hidden" name="_csrf" value={csrfToken} />
                          <input type="hidden" name="contactId" value={row.contactId} />
                          <input type="hidden" name="person" value={String(person)} />
                          <input type="hidden" name="attended" value={present ? 'false' : 'true'} />
                          <input type="hidden" name="from" value="check-in" />
                          {query ? <input type="hidden" name="q" value={query} /> : null}
                          {props.contactId ? (
                            <input type="hidden" name="contact" value={props.contactId} />
                          ) : null}
                          <button type="submit" class="tap" aria-pressed={present ? 'true' : 'false'}>
                            <span class="name">{name}</span>
                            <span class="state">
                              {present ? (
                                <>
                                  <span aria-hidden="true">✓ </span>
                                  {t.present} · {t.undo}
                                </>
                              ) : (
                                t.markPresent
                              )}
                            </span>
                          </button>
                        </form>
                      ) : (
                        <p class="tap">
                          <span class="name">{name}</span>
                          <span class="state">{present ? t.present : t.notPresent}</span>
                        </p>
                      )}
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {props.found > rows.length ? <p class="hint">{t.more(rows.length, props.found)}</p> : null}
      <script src="/console/events.js" defer />
    </>
  );
}

const checkInStyles = `
h1 .sub { display: block; font-size: 1rem; font-weight: 400; color: var(--muted); }
.checkin-counts { font-size: 1.4rem; font-weight: 700; margin: 0.5rem 0 1rem; }
.checkin-search .row { display: flex; gap: 0.5rem; }
.checkin-search input { flex: 1 1 auto; min-height: 48px; font-size: 1.1rem; min-width: 0; }
.checkin-search button { min-height: 48px; }
ul.checkin-list, ul.checkin-list ul.people { list-style: none; padding: 0; margin: 0; }
ul.checkin-list > li { border-top: 1px solid var(--line); padding: 0.6rem 0; }
ul.checkin-list .org { margin: 0 0 0.4rem; color: var(--muted); }
ul.checkin-list ul.people { display: grid; gap: 0.5rem; }
ul.checkin-list form { margin: 0; }
ul.checkin-list .tap { display: flex; justify-content: space-between; align-items: center; gap: 0.75rem; width: 100%; min-height: 56px; padding: 0.6rem 1rem; font-size: 1.1rem; text-align: left; margin: 0; box-sizing: border-box; }
ul.checkin-list button.tap[aria-pressed="true"] { background: var(--accent-tint, #e0ecff); font-weight: 600; }
ul.checkin-list .state { font-size: 0.95rem; white-space: nowrap; }
`;
