import { formatDateTime, formatNumber } from '../../platform/texts/format.js';
import type { Language } from '../../platform/texts/language.js';
import type { SubscriptionOverview, subscriberView } from '../subscribers-view.js';
import { subscriberConsoleTexts } from '../subscription-texts.js';

/*
 * Staff's view of the newsroom's subscribers: counts per topic and region (from counters), a
 * paged list of confirmed subscribers, the export. No form adds anyone: only the person's own
 * confirmation does.
 */

type Row = ReturnType<typeof subscriberView>;

function Counts(props: { caption: string; rows: SubscriptionOverview['topics']; language: Language }) {
  const m = subscriberConsoleTexts[props.language];
  if (props.rows.length === 0) return null;
  return (
    <div class="table-wrap">
      <table class="data-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{m.term}</th>
            <th scope="col">{m.subscribers}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.name}</th>
              <td class="num">{formatNumber(r.subscribers, props.language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function SubscribersPage(props: {
  language: Language;
  timeZone: string;
  overview: SubscriptionOverview;
  items: Row[];
  cursor?: string;
  canExport: boolean;
}) {
  const { language, timeZone, overview, items, cursor, canExport } = props;
  const m = subscriberConsoleTexts[language];
  const names = new Map([...overview.topics, ...overview.regions].map((t) => [t.id, t.name]));
  return (
    <>
      <h1>{m.title}</h1>
      <p class="hint">{m.onlyThemselves}</p>
      <dl class="facts">
        <dt>{m.total}</dt>
        <dd id="subscriber-total">{formatNumber(overview.total, language)}</dd>
      </dl>
      <Counts caption={m.perTopic} rows={overview.topics} language={language} />
      <Counts caption={m.perRegion} rows={overview.regions} language={language} />
      <h2>{m.list}</h2>
      {canExport ? (
        <p>
          <a class="button button-secondary" href="/console/press-subscribers/export">
            {m.export}
          </a>
        </p>
      ) : null}
      {items.length === 0 ? (
        <p>{m.none}</p>
      ) : (
        <div class="table-wrap">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{m.name}</th>
                <th scope="col">{m.email}</th>
                <th scope="col">{m.outlet}</th>
                <th scope="col">{m.following}</th>
                <th scope="col">{m.confirmedAt}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr key={s.subscriberId}>
                  <td>
                    {s.name}
                    {s.paused ? ` (${m.paused})` : ''}
                  </td>
                  <td class="email">{s.email}</td>
                  <td>{s.outlet ?? ''}</td>
                  <td>{[...s.topics, ...s.regions].map((id) => names.get(id) ?? id).join(', ')}</td>
                  <td>{s.confirmedAt ? formatDateTime(s.confirmedAt, language, timeZone) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cursor ? (
        <p>
          <a href={`/console/press-subscribers?cursor=${encodeURIComponent(cursor)}`}>{m.more}</a>
        </p>
      ) : null}
    </>
  );
}
