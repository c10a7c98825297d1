import { formatDateTime, formatNumber } from '../../platform/texts/format.js';
import type { Language } from '../../platform/texts/language.js';
import { liveRefreshScript } from '../../platform/ui/live-refresh.js';
import type { EventSendRow, SendState } from '../actions/sends.js';
import type { EventSendPurpose } from '../store.js';

/**
 * The event page's "Sends": each invitation, reminder and message with its progress (from the
 * campaign's counters). While one is being sent, `/console/events.js` fetches the page again
 * every few seconds and swaps this section, so it reaches its final figures without a reload;
 * without script, the "Update" link does the same by hand.
 */
interface SendTexts {
  heading: string;
  none: string;
  purposes: Record<EventSendPurpose, string>;
  states: Record<SendState, string>;
  figures: {
    queued: string;
    sent: string;
    delivered: string;
    bounced: string;
    failed: string;
    skipped: string;
  };
  progress: (settled: string, queued: string) => string;
  scheduledFor: (when: string) => string;
  cancel: string;
  refresh: string;
  nonResponders: {
    summary: (n: string) => string;
    lead: string;
    confirm: (n: string) => string;
    none: string;
  };
  message: {
    summary: string;
    lead: (people: string) => string;
    subject: string;
    body: string;
    bodyHint: string;
    confirm: (answers: string) => string;
    none: string;
  };
}

const sv: SendTexts = {
  heading: 'Utskick',
  none: 'Inget utskick ännu.',
  purposes: {
    invitation: 'Inbjudan',
    'non-responders': 'Påminnelse till dem som inte har svarat',
    'attendees-message': 'Meddelande till deltagarna',
  },
  states: { scheduled: 'Schemalagt', sending: 'Skickas', sent: 'Skickat', cancelled: 'Avbrutet' },
  figures: {
    queued: 'Köade',
    sent: 'Skickade',
    delivered: 'Levererade',
    bounced: 'Studsade',
    failed: 'Misslyckade',
    skipped: 'Hoppades över',
  },
  progress: (settled, queued) => `${settled} av ${queued} hanterade`,
  scheduledFor: (when) => `Går iväg ${when}`,
  cancel: 'Avbryt utskicket',
  refresh: 'Uppdatera siffrorna',
  nonResponders: {
    summary: (n) => `Påminn dem som inte har svarat (${n})`,
    lead: 'Inbjudan skickas igen, som påminnelse, till de inbjudna som inte har svarat än.',
    confirm: (n) => `Skicka påminnelsen till ${n} kontakter`,
    none: 'Alla inbjudna har svarat.',
  },
  message: {
    summary: 'Skriv till deltagarna',
    lead: (people) => `Till alla med plats (${people}), till exempel praktisk information inför dagen.`,
    subject: 'Ämnesrad',
    body: 'Meddelande',
    bodyHint: 'Du kan använda Markdown: **fet**, listor och länkar.',
    confirm: (answers) => `Skicka till ${answers} anmälda`,
    none: 'Ingen har anmält sig än.',
  },
};

const da: SendTexts = {
  heading: 'Udsendelser',
  none: 'Ingen udsendelser endnu.',
  purposes: {
    invitation: 'Invitation',
    'non-responders': 'Påmindelse til dem, der ikke har svaret',
    'attendees-message': 'Besked til deltagerne',
  },
  states: { scheduled: 'Planlagt', sending: 'Sendes', sent: 'Sendt', cancelled: 'Annulleret' },
  figures: {
    queued: 'I kø',
    sent: 'Sendt',
    delivered: 'Leveret',
    bounced: 'Afvist',
    failed: 'Fejlet',
    skipped: 'Sprunget over',
  },
  progress: (settled, queued) => `${settled} af ${queued} behandlet`,
  scheduledFor: (when) => `Sendes ${when}`,
  cancel: 'Annuller udsendelsen',
  refresh: 'Opdater tallene',
  nonResponders: {
    summary: (n) => `Påmind dem, der ikke har svaret (${n})`,
    lead: 'Invitationen sendes igen, som påmindelse, til de inviterede, der ikke har svaret endnu.',
    confirm: (n) => `Send påmindelsen til ${n} kontakter`,
    none: 'Alle inviterede har svaret.',
  },
  message: {
    summary: 'Skriv til deltagerne',
    lead: (people) => `Til alle med plads (${people}), for eksempel praktisk information før dagen.`,
    subject: 'Emne',
    body: 'Besked',
    bodyHint: 'Du kan bruge Markdown: **fed**, lister og links.',
    confirm: (answers) => `Send til ${answers} tilmeldte`,
    none: 'Ingen har tilmeldt sig endnu.',
  },
};

const en: SendTexts = {
  heading: 'Sends',
  none: 'Nothing sent yet.',
  purposes: {
    invitation: 'Invitation',
    'non-responders': 'Reminder to those who have not answered',
    'attendees-message': 'Message to attendees',
  },
  states: { scheduled: 'Scheduled', sending: 'Sending', sent: 'Sent', cancelled: 'Cancelled' },
  figures: {
    queued: 'Queued',
    sent: 'Sent',
    delivered: 'Delivered',
    bounced: 'Bounced',
    failed: 'Failed',
    skipped: 'Skipped',
  },
  progress: (settled, queued) => `${settled} of ${queued} handled`,
  scheduledFor: (when) => `Goes out ${when}`,
  cancel: 'Cancel this send',
  refresh: 'Update the figures',
  nonResponders: {
    summary: (n) => `Remind those who have not answered (${n})`,
    lead: 'The invitation goes again, as a reminder, to those invited who have not answered yet.',
    confirm: (n) => `Send the reminder to ${n} contacts`,
    none: 'Everyone invited has answered.',
  },
  message: {
    summary: 'Write to attendees',
    lead: (people) => `To everyone with a seat (${people}), for instance practical information for the day.`,
    subject: 'Subject',
    body: 'Message',
    bodyHint: 'You can use Markdown: **bold**, lists and links.',
    confirm: (answers) => `Send to ${answers} registered`,
    none: 'No one has registered yet.',
  },
};

export const sendTexts: Record<Language, SendTexts> = { sv, da, en };

const figureNames = ['queued', 'sent', 'delivered', 'bounced', 'failed', 'skipped'] as const;

export function EventSends(props: {
  language: Language;
  timeZone: string;
  sends: EventSendRow[];
  href: (rest: string) => string;
  csrfToken: string;
  canEdit: boolean;
  published: boolean;
  /** Invited who have not answered; answers and people with a seat. */
  noAnswer: number;
  attending: number;
  attendingPeople: number;
}) {
  const { language, sends, href, csrfToken, canEdit } = props;
  const t = sendTexts[language];
  const n = (value: number) => formatNumber(value, language);
  const live = sends.some((s) => s.state === 'sending');
  return (
    <section aria-labelledby="sends-heading">
      <h2 id="sends-heading">{t.heading}</h2>
      {/* The live part: no form in it, so a refresh never takes what someone is typing. */}
      <div id="sends" data-live={live ? 'sending' : undefined}>
        {sends.length === 0 ? (
          <p class="empty">{t.none}</p>
        ) : (
          <ul class="sends">
            {sends.map((send) => {
              const queued = send.figures.queued;
              const label = t.progress(n(send.settled), n(queued));
              return (
                <li key={send.campaignId} class={`send send-${send.state}`}>
                  <p>
                    <strong>{t.purposes[send.purpose]}</strong> ·{' '}
                    <span class="status-tag">{t.states[send.state]}</span>
                    {send.state === 'scheduled' && send.scheduledFor ? (
                      <>
                        {' '}
                        ·{' '}
                        <time dateTime={send.scheduledFor}>
                          {t.scheduledFor(formatDateTime(send.scheduledFor, language, props.timeZone))}
                        </time>
                      </>
                    ) : null}
                  </p>
                  {send.state === 'sending' || send.state === 'sent' ? (
                    <>
                      <p>
                        <progress max={Math.max(queued, 1)} value={send.settled} aria-label={label} /> {label}
                      </p>
                      <dl class="figures">
                        {figureNames.map((name) => (
                          <div key={name}>
                            <dt>{t.figures[name]}</dt>
                            <dd>{n(send.figures[name])}</dd>
                          </div>
                        ))}
                      </dl>
                    </>
                  ) : null}
                  {canEdit && send.state === 'scheduled' ? (
                    <form method="post" action={href(`/sends/${encodeURIComponent(send.campaignId)}/cancel`)}>
                      <input type="hidden" name="_csrf" value={csrfToken} />
                      <button type="submit" class="danger">
                        {t.cancel}
                      </button>
                    </form>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
        {live ? (
          <p>
            <a href={`${href('')}#sends`}>{t.refresh}</a>
          </p>
        ) : null}
      </div>
      {canEdit && props.published ? (
        <>
          <details class="send-action">
            <summary>{t.nonResponders.summary(n(props.noAnswer))}</summary>
            {props.noAnswer === 0 ? (
              <p>{t.nonResponders.none}</p>
            ) : (
              <form method="post" action={href('/non-responders')}>
                <input type="hidden" name="_csrf" value={csrfToken} />
                <p>{t.nonResponders.lead}</p>
                <p>
                  <button type="submit">{t.nonResponders.confirm(n(props.noAnswer))}</button>
                </p>
              </form>
            )}
          </details>
          <details class="send-action">
            <summary>{t.message.summary}</summary>
            {props.attending === 0 ? (
              <p>{t.message.none}</p>
            ) : (
              <form method="post" action={href('/attendee-message')} class="stacked">
                <input type="hidden" name="_csrf" value={csrfToken} />
                <p>{t.message.lead(n(props.attendingPeople))}</p>
                <label for="message-subject">{t.message.subject}</label>
                <input id="message-subject" name="subject" type="text" maxLength={200} required />
                <label for="message-body">{t.message.body}</label>
                <span class="hint" id="message-body-hint">
                  {t.message.bodyHint}
                </span>
                <textarea
                  id="message-body"
                  name="markdownBody"
                  rows={5}
                  maxLength={20_000}
                  required
                  aria-describedby="message-body-hint"
                />
                <p>
                  <button type="submit">{t.message.confirm(n(props.attending))}</button>
                </p>
              </form>
            )}
          </details>
        </>
      ) : null}
    </section>
  );
}

/**
 * What `/console/events.js` does: print buttons print; while a send is under way (`#sends`
 * marked live) the section is refreshed every three seconds (the console's live refresh).
 */
export const eventsScript = `(() => {
  for (const button of document.querySelectorAll('[data-print]')) {
    button.hidden = false;
    button.addEventListener('click', () => window.print());
  }
  // The check-in's search narrows the list as one types (the form searches the server without script).
  const search = document.querySelector('[data-checkin-search]');
  if (search)
    search.addEventListener('input', () => {
      const words = search.value.normalize('NFD').replace(/\\p{Diacritic}/gu, '').toLowerCase().split(/\\s+/).filter(Boolean);
      for (const item of document.querySelectorAll('li[data-search]'))
        item.hidden = !words.every((word) => item.dataset.search.includes(word));
    });
})();
${liveRefreshScript}`;
