import { formatNumber } from '../../platform/texts/format.js';
import type { Language } from '../../platform/texts/language.js';
import type { Meeting } from '../meeting.js';
import { dayTexts } from '../texts/day.js';
import { eventHref } from './list.js';

/** A waitlist place as the page shows it. */
export interface WaitlistRow {
  contactId: string;
  contactName: string;
  organisationName: string;
  seats: number;
}

export const waitlistResults = ['promoted', 'moved', 'removed', 'unchanged'] as const;
export type WaitlistNotice = (typeof waitlistResults)[number];

/**
 * The waitlist by hand on the event page: its places in promotion order, and for editors one
 * form per action (promote, up, down, remove), so it works without script.
 */
export function WaitlistSection(props: {
  language: Language;
  event: Meeting;
  rows: WaitlistRow[];
  /** Whether the event has no seat free. */
  full: boolean;
  /** More places than shown. */
  more: boolean;
  canEdit: boolean;
  csrfToken: string;
  notice?: WaitlistNotice;
}) {
  const { language, event, rows, canEdit, csrfToken } = props;
  const t = dayTexts(language).waitlist;
  const n = (value: number) => formatNumber(value, language);
  const action = eventHref(event.eventId, '/waitlist');
  // The visible word, and for screen readers whom it is about (the list has many of each).
  const button = (contactId: string, name: string, value: string, label: string) => (
    <form method="post" action={action}>
      <input type="hidden" name="_csrf" value={csrfToken} />
      <input type="hidden" name="contactId" value={contactId} />
      <button type="submit" name="action" value={value}>
        {label}
        <span class="visually-hidden">: {name}</span>
      </button>
    </form>
  );
  return (
    <section aria-labelledby="waitlist-heading" id="waitlist">
      <h2 id="waitlist-heading">{t.heading}</h2>
      {props.notice ? (
        <p class="notice" role="status">
          {t.notices[props.notice]}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p class="empty">{t.empty}</p>
      ) : (
        <>
          <p class="hint">{t.intro}</p>
          {canEdit && props.full ? <p class="hint">{t.fullHint}</p> : null}
          <ol class="waitlist">
            {rows.map((row, i) => {
              const name = row.contactName || row.contactId;
              return (
                <li key={row.contactId}>
                  <span class="place">{n(i + 1)}</span>
                  <span class="who">
                    <strong>{name}</strong>
                    {row.organisationName ? ` (${row.organisationName})` : ''} · {t.seats}: {n(row.seats)}
                  </span>
                  {canEdit ? (
                    <span class="waitlist-actions">
                      {button(row.contactId, name, 'promote', t.promote)}
                      {i > 0 ? button(row.contactId, name, 'up', t.up) : null}
                      {i < rows.length - 1 || props.more ? button(row.contactId, name, 'down', t.down) : null}
                      {button(row.contactId, name, 'remove', t.remove)}
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ol>
          {props.more ? <p class="hint">{t.more(rows.length)}</p> : null}
        </>
      )}
    </section>
  );
}

export const waitlistStyles = `
ol.waitlist { list-style: none; padding: 0; margin: 0; }
ol.waitlist li { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; border-top: 1px solid var(--line); padding: 0.5rem 0; }
ol.waitlist .place { font-weight: 700; min-width: 2ch; }
ol.waitlist .who { flex: 1 1 14rem; }
ol.waitlist .waitlist-actions { display: flex; flex-wrap: wrap; gap: 0.4rem; }
ol.waitlist form { margin: 0; }
ol.waitlist button { min-height: 44px; }
`;
