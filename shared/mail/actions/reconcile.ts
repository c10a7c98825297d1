import { queueUrl, sendAll } from '../../platform/aws/queue.js';
import { type Campaign, pendingOf, whyUnfinished } from '../campaign.js';
import type { PageMessage, RequeuePage } from '../expansion-messages.js';
import { finishIfDone, getCampaign, openCampaigns } from '../store/campaigns.js';
import { getSendingState, isMailPaused } from '../store/sending-state.js';

/**
 * The table is the truth about mail work; queues only carry it. The reconciler finds campaigns
 * whose work should be moving and is not — an expansion whose continuation was lost, queued
 * deliveries whose send messages were lost (an emulator restart, a message dead-lettered and
 * never redriven), a campaign whose last settle never finished it — and puts the work back on
 * its queue. Everything it sends is harmless twice: a page is recorded once, a delivery is
 * claimed once.
 *
 * Its cost is bounded by the campaigns being sent (a sparse index), never by the history: a
 * tenant with 10,000 finished deliveries costs what one with 100 does.
 */

export type ReconcileOutcome =
  | 'moving'
  | 'scheduled'
  | 'held'
  | 'finished'
  | 'expansion-resumed'
  | 'deliveries-requeued'
  | 'expansion-resumed+deliveries-requeued'
  | 'gone';

/**
 * Puts a stalled campaign's work back on its queues: the expansion from the page it reached
 * (where the next page starts is kept on the campaign), and its unsent deliveries (page by page,
 * by the expander: `requeue-page`).
 */
export async function requeueCampaign(campaign: Campaign, now: Date): Promise<ReconcileOutcome> {
  const sent: string[] = [];
  if (!campaign.expansion.done) {
    const next = campaign.expansion.next ? (JSON.parse(campaign.expansion.next) as object) : {};
    await sendAll(queueUrl('campaign-expansion'), [
      {
        kind: 'expansion-page',
        tenantId: campaign.tenantId,
        campaignId: campaign.campaignId,
        page: campaign.expansion.pages,
        ...next,
      } satisfies PageMessage,
    ]);
    sent.push('expansion-resumed');
  }
  if (pendingOf(campaign.counters) > 0) {
    await sendAll(queueUrl('campaign-expansion'), [
      {
        kind: 'requeue-page',
        tenantId: campaign.tenantId,
        campaignId: campaign.campaignId,
        since: now.toISOString(),
      } satisfies RequeuePage,
    ]);
    sent.push('deliveries-requeued');
  }
  return (sent.join('+') || 'moving') as ReconcileOutcome;
}

/** One campaign: finish it, leave it, or put its work back on the queues. */
export async function reconcileCampaign(
  tenantId: string,
  campaignId: string,
  options: { now: Date; stalledAfterSeconds: number; isPaused?: (tenantId: string) => Promise<boolean> },
): Promise<ReconcileOutcome> {
  const campaign = await getCampaign(tenantId, campaignId, undefined, { consistent: true });
  if (campaign?.status !== 'sending') return 'gone';
  const paused = await (options.isPaused ?? isMailPaused)(tenantId);
  const why = whyUnfinished(campaign, options.now, options.stalledAfterSeconds, paused);
  if (why === 'scheduled' || why === 'held') return why;
  if (why === 'finishing') return (await finishIfDone(tenantId, campaignId)) ? 'finished' : 'moving';
  if (why !== 'stalled') return 'moving';
  return requeueCampaign(campaign, options.now);
}

/** Every campaign being sent, page by page through the sparse index; what was done with each. */
export async function reconcileOpenCampaigns(options: {
  now: Date;
  stalledAfterSeconds: number;
}): Promise<Partial<Record<ReconcileOutcome, number>>> {
  const accountPaused = (await getSendingState()).paused;
  // One read of each tenant's pause switch per run, however many of its campaigns are open.
  const tenantsPaused = new Map<string, Promise<boolean>>();
  const isPaused = (tenantId: string) => {
    let paused = tenantsPaused.get(tenantId);
    if (!paused) {
      paused = accountPaused ? Promise.resolve(true) : getSendingState({ tenantId }).then((s) => s.paused);
      tenantsPaused.set(tenantId, paused);
    }
    return paused;
  };
  const tally: Partial<Record<ReconcileOutcome, number>> = {};
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await openCampaigns({ cursor });
    const outcomes = await Promise.all(
      page.items.map(({ tenantId, campaignId }) =>
        reconcileCampaign(tenantId, campaignId, { ...options, isPaused }),
      ),
    );
    for (const outcome of outcomes) tally[outcome] = (tally[outcome] ?? 0) + 1;
    cursor = page.cursor;
  } while (cursor);
  return tally;
}
