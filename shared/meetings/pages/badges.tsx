import { formatDateTime } from '../../platform/texts/format.js';
import type { Language } from '../../platform/texts/language.js';
import { pageTitle } from '../../platform/ui/document.js';
import type { Meeting } from '../meeting.js';
import { meetingsTexts } from '../texts/console.js';
import { eventHref } from './list.js';

export interface Badge {
  name: string;
  organisation: string;
}

export interface BadgesPageProps {
  language: Language;
  timeZone: string;
  tenantName: string;
  event: Pick<Meeting, 'eventId' | 'title' | 'language' | 'start'>;
  badges: Badge[];
}

/** A4 portrait, 2 × 4 badges (about 95 × 68 mm each) a sheet, cut along the dashed lines. */
const badgeStyles = `
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif; color: #1b2631; background: #f4f5f2; }
.screen-only { max-width: 210mm; margin: 0 auto; padding: 1.5rem 1rem 0.5rem; line-height: 1.5; }
.screen-only a { color: #0a5866; }
.sheet {
  width: 210mm; height: 297mm; margin: 1rem auto; padding: 12mm 10mm; background: #ffffff;
  display: grid; grid-template-columns: repeat(2, 1fr); grid-template-rows: repeat(4, 1fr); gap: 0;
  break-after: page; page-break-after: always;
}
.sheet:last-child { break-after: auto; page-break-after: auto; }
.badge {
  display: flex; flex-direction: column; justify-content: center; align-items: center; text-align: center;
  padding: 6mm; border: 1px dashed #6b7885; overflow: hidden;
}
.badge .name { margin: 0; font-size: 22pt; font-weight: 700; line-height: 1.15; overflow-wrap: anywhere; }
.badge .organisation { margin: 3mm 0 0; font-size: 14pt; color: #1b2631; overflow-wrap: anywhere; }
.badge .event { margin: 5mm 0 0; font-size: 9pt; color: #4a5663; }
@page { size: A4 portrait; margin: 0; }
@media print {
  body { background: #ffffff; }
  .screen-only { display: none; }
  .sheet { margin: 0; box-shadow: none; }
}
`;

const PER_SHEET = 8;

/** Name badges to print: one per attendee name, with the organisation. */
export function BadgesPage({ language, timeZone, tenantName, event, badges }: BadgesPageProps) {
  const m = meetingsTexts(language).badges;
  const sheets: Badge[][] = [];
  for (let i = 0; i < badges.length; i += PER_SHEET) sheets.push(badges.slice(i, i + PER_SHEET));
  const when = formatDateTime(event.start, language, timeZone);
  return (
    <html lang={language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{pageTitle(m.title, event.title, tenantName)}</title>
        <link rel="icon" href="data:," />
        <style dangerouslySetInnerHTML={{ __html: badgeStyles }} />
      </head>
      <body>
        <main>
          <div class="screen-only">
            <p>
              <a href={eventHref(event.eventId)}>
                <span aria-hidden="true">← </span>
                {meetingsTexts(language).backToEvent}
              </a>
            </p>
            <h1>
              {m.title}: <span lang={event.language}>{event.title}</span>
            </h1>
            <p>{badges.length === 0 ? m.none : m.printHint(badges.length)}</p>
            {badges.length > 0 ? (
              // Shown by /console/events.js; without script the browser's own Print does it.
              <p>
                <button type="button" data-print="" hidden>
                  {m.print}
                </button>
              </p>
            ) : null}
          </div>
          {sheets.map((sheet, index) => (
            <section class="sheet" key={index} aria-label={m.sheet(index + 1, sheets.length)}>
              {sheet.map((badge, j) => (
                <div class="badge" key={j}>
                  <p class="name">{badge.name}</p>
                  {badge.organisation ? <p class="organisation">{badge.organisation}</p> : null}
                  <p class="event" lang={event.language}>
                    {event.title} · {when}
                  </p>
                </div>
              ))}
            </section>
          ))}
        </main>
        <script src="/console/events.js" defer />
      </body>
    </html>
  );
}
