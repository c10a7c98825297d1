import { formatDateTime, formatNumber } from '../../platform/texts/format.js';
import type { Language } from '../../platform/texts/language.js';
import {
  type Campaign,
  type CampaignCounter,
  lastProgressOf,
  type MailingState,
  pendingOf,
} from '../campaign.js';
import { mailConsoleTexts } from '../texts/console.js';
import { segmentTexts } from '../texts/segments.js';
import { suppressionTexts } from '../texts/suppressions.js';

/** A campaign with where it stands (the state needs the pause switches, read by the handler). */
export interface MailingRow {
  campaign: Campaign;
  state: MailingState;
}

export const mailingHref = (campaignId: string) => `/console/mailings/${encodeURIComponent(campaignId)}`;

function StateTag({ state, language }: { state: MailingState; language: Language }) {
  return <span class={`status-tag mailing-${state}`}>{mailConsoleTexts(language).states[state]}</span>;
}

/** Handled of queued, as a native progress bar (announced by screen readers) with its words. */
function Progress({ campaign, language }: { campaign: Campaign; language: Language }) {
  const m = mailConsoleTexts(language);
  const n = (v: number) => formatNumber(v, language);
  const { queued, settled } = campaign.counters;
  const label = m.progressLabel(n(settled), n(queued));
  return (
    <span class="nowrap">
      <progress max={Math.max(queued, 1)} value={queued === 0 ? 1 : settled} aria-label={label} />{' '}
      <span class="meta">{label}</span>
    </span>
  );
}

/** Every mailing of the tenant, newest first, with where each stands and its main figures. */
export function MailingsPage(props: { language: Language; timeZone: string; rows: MailingRow[] }) {
  const { language, timeZone, rows } = props;
  const m = mailConsoleTexts(language);
  const c = m.columns;
  const n = (v: number) => formatNumber(v, language);
  return (
    <>
      <h1>{m.title}</h1>
      <p class="lead">{m.lead}</p>
      <p>
        <a href="/console/mailings/suppressions">{suppressionTexts(language).link}</a>
        {' · '}
        <a href="/console/mailings/segments">{segmentTexts(language).link}</a>
      </p>
      {rows.length === 0 ? (
        <p class="empty">{m.empty}</p>
      ) : (
        <div class="table-wrap">
          <table class="data-table">
            <caption>{m.title}</caption>
            <thead>
              <tr>
                <th scope="col">{c.name}</th>
                <th scope="col">{c.state}</th>
                <th scope="col">{c.progress}</th>
                <th scope="col" class="num">
                  {c.sent}
                </th>
                <th scope="col" class="num">
                  {c.delivered}
                </th>
                <th scope="col" class="num">
                  {c.failed}
                </th>
                <th scope="col">{c.created}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ campaign, state }) => (
                <tr key={campaign.campaignId}>
                  <th scope="row">
                    <a href={mailingHref(campaign.campaignId)}>{campaign.name}</a>
                  </th>
                  <td>
                    <StateTag state={state} language={language} />
                  </td>
                  <td>
                    {campaign.status === 'draft' ? '' : <Progress campaign={campaign} language={language} />}
                  </td>
                  <td class="num">{n(campaign.counters.sent)}</td>
                  <td class="num">{n(campaign.counters.delivered)}</td>
                  <td class="num">{n(campaign.counters.failed)}</td>
                  <td class="nowrap">{formatDateTime(campaign.createdAt, language, timeZone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

const figureOrder: (CampaignCounter | 'pending')[] = [
  'queued',
  'pending',
  'sent',
  'delivered',
  'bounced',
  'complained',
  'failed',
  'skipped',
  'opened',
  'clicked',
];

/**
 * One mailing: where it stands and why (paused, stalled…), its figures, and — when it is stalled
 * and the user may write — the button that puts its remaining mails back in the queue.
 */
export function MailingPage(props: {
  language: Language;
  timeZone: string;
  row: MailingRow;
  canResume: boolean;
  csrfToken: string;
  notice?: 'resumed' | 'cannot-resume';
}) {
  const { language, timeZone, row, canResume, csrfToken, notice } = props;
  const { campaign, state } = row;
  const m = mailConsoleTexts(language);
  const n = (v: number) => formatNumber(v, language);
  const when = (iso: string) => formatDateTime(iso, language, timeZone);
  const figures = { ...campaign.counters, pending: pendingOf(campaign.counters) };
  const explanation = m.explain[state];
  const live = campaign.status === 'sending' || state === 'scheduled';
  return (
    <>
      <p class="eyebrow">
        <a href="/console/mailings">{m.back}</a>
      </p>
      <h1>{campaign.name}</h1>
      {campaign.segment ? <p class="detail">{segmentTexts(language).sentTo(campaign.segment.name)}</p> : null}
      {notice === 'resumed' ? (
        <div class="notice" role="status">
          <p>{m.resumed}</p>
        </div>
      ) : notice === 'cannot-resume' ? (
        <div class="notice notice-error" role="alert">
          <p>{m.cannotResume}</p>
        </div>
      ) : null}
      {/* Refreshed in place every 3 s while it can still change (/console/live.js). */}
      <div id="mailing-progress" data-live={live ? 'sending' : undefined}>
        <p>
          <StateTag state={state} language={language} />{' '}
          {campaign.status !== 'draft' ? <Progress campaign={campaign} language={language} /> : null}
        </p>
        {explanation ? <p class="detail">{explanation}</p> : null}
        <ul class="notes">
          {campaign.scheduledFor && state === 'scheduled' ? (
            <li>{m.scheduledFor(when(campaign.scheduledFor))}</li>
          ) : null}
          {campaign.finishedAt ? <li>{m.finished(when(campaign.finishedAt))}</li> : null}
          {campaign.status === 'sending' ? <li>{m.lastProgress(when(lastProgressOf(campaign)))}</li> : null}
        </ul>
        {state === 'stalled' && canResume ? (
          <form method="post" action={`${mailingHref(campaign.campaignId)}/resume`} class="inline-form">
            <input type="hidden" name="_csrf" value={csrfToken} />
            <button type="submit" class="button">
              {m.resume}
            </button>
          </form>
        ) : null}
        <h2>{m.figures}</h2>
        <dl class="counters import-counters">
          {figureOrder.map((key) => (
            <div class="counter" key={key}>
              <dt>{m.counters[key]}</dt>
              <dd>{n(figures[key])}</dd>
            </div>
          ))}
        </dl>
        {live ? (
          <p>
            <a href={mailingHref(campaign.campaignId)}>{m.refresh}</a>
          </p>
        ) : null}
      </div>
      {live ? <script src="/console/live.js" defer /> : null}
    </>
  );
}
