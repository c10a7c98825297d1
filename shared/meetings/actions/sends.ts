import { type Campaign, type CampaignCounter, cancelScheduledSend, getCampaign } from '../../mail/index.js';
import type { Meeting } from '../meeting.js';
import { type EventSend, listEventSends } from '../store.js';

/**
 * What staff see of an event's sends: each campaign's state and figures, read from the campaign's
 * own counters (kept by the mail pipeline with every delivery move), so a page costs the same for
 * 10 or 10,000 recipients.
 */
export type SendState = 'scheduled' | 'sending' | 'sent' | 'cancelled';

export const sendFigures = ['queued', 'sent', 'delivered', 'bounced', 'failed', 'skipped'] as const;

export interface EventSendRow extends EventSend {
  state: SendState;
  scheduledFor?: string;
  /** Handled (final state) of queued: the progress bar. */
  settled: number;
  figures: Record<(typeof sendFigures)[number], number>;
}

const stateOf = (campaign: Campaign): SendState =>
  campaign.status === 'cancelled'
    ? 'cancelled'
    : campaign.status === 'sent'
      ? 'sent'
      : campaign.scheduledFor && Date.parse(campaign.scheduledFor) > Date.now()
        ? 'scheduled'
        : 'sending';

export async function eventSendRows(event: Pick<Meeting, 'tenantId' | 'eventId'>): Promise<EventSendRow[]> {
  const sends = await listEventSends(event.tenantId, event.eventId);
  const campaigns = await Promise.all(sends.map((s) => getCampaign(event.tenantId, s.campaignId)));
  return sends.flatMap((send, i) => {
    const campaign = campaigns[i];
    // A note whose campaign was never made (its creation failed) is not a send.
    if (!campaign) return [];
    const counters = campaign.counters as Record<CampaignCounter, number>;
    return [
      {
        ...send,
        state: stateOf(campaign),
        ...(campaign.scheduledFor ? { scheduledFor: campaign.scheduledFor } : {}),
        settled: counters.settled,
        figures: Object.fromEntries(sendFigures.map((f) => [f, counters[f]])) as EventSendRow['figures'],
      },
    ];
  });
}

/** Calls off one of the event's scheduled sends (only a send of this event: else not found). */
export async function cancelEventSend(
  event: Pick<Meeting, 'tenantId' | 'eventId'>,
  campaignId: string,
  actor: string,
): Promise<'cancelled' | 'started' | 'not-found'> {
  const sends = await listEventSends(event.tenantId, event.eventId);
  if (!sends.some((s) => s.campaignId === campaignId)) return 'not-found';
  return cancelScheduledSend(event.tenantId, campaignId, actor);
}
