import { formatDate, formatNumber } from '../../platform/texts/format.js';
import type { Language } from '../../platform/texts/language.js';
import { ColumnChart } from '../../platform/ui/charts.js';
import { analyticsTexts } from '../analytics-texts.js';

/*
 * A release's figures on its console page: the mailing's counters (kept by the mail pipeline,
 * read in one Query whatever the number of recipients) and page views per day (one counter item
 * per day), as a server-rendered SVG chart with a table beside it carrying the same figures.
 */

export interface MailFigures {
  recipients: number;
  delivered: number;
  bounced: number;
  complained: number;
  opened: number;
  clicked: number;
}

export const analyticsStyles = `
.analytics { display: grid; gap: 1.5rem; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); align-items: start; }
.analytics svg { max-width: 100%; height: auto; }
.analytics .bar { fill: var(--accent); }
.analytics .axis { stroke: var(--line); }
.analytics text { font-size: 11px; fill: var(--muted); }
`;

export function ReleaseAnalytics(props: {
  language: Language;
  mail?: MailFigures;
  days: { day: string; views: number }[];
}) {
  const { language, mail, days } = props;
  const m = analyticsTexts[language];
  const total = days.reduce((sum, d) => sum + d.views, 0);
  const n = (value: number) => formatNumber(value, language);
  return (
    <section aria-labelledby="analytics-heading">
      <style dangerouslySetInnerHTML={{ __html: analyticsStyles }} />
      <h2 id="analytics-heading">{m.heading}</h2>
      <div class="analytics">
        <div>
          <h3>{m.mailHeading}</h3>
          {mail ? (
            <table class="data-table" id="release-mail-figures">
              <tbody>
                {(Object.keys(m.figures) as (keyof MailFigures)[]).map((key) => (
                  <tr key={key}>
                    <th scope="row">{m.figures[key]}</th>
                    <td class="num">{n(mail[key])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>{m.notMailed}</p>
          )}
        </div>
        <div>
          <h3>{m.viewsHeading(days.length)}</h3>
          <ColumnChart
            columns={days.map((d) => ({ key: d.day, value: d.views }))}
            first={days[0]?.day.slice(5) ?? ''}
            last={days[days.length - 1]?.day.slice(5) ?? ''}
            height={140}
            label={m.chartTitle(days.length, n(total))}
          />
          <details>
            <summary>{m.views}</summary>
            <table class="data-table">
              <thead>
                <tr>
                  <th scope="col">{m.day}</th>
                  <th scope="col">{m.views}</th>
                </tr>
              </thead>
              <tbody>
                {days.map((d) => (
                  <tr key={d.day}>
                    <td>{formatDate(d.day, language)}</td>
                    <td class="num">{n(d.views)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </div>
      </div>
      <p class="hint">{m.note}</p>
    </section>
  );
}
