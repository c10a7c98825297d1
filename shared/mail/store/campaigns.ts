import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../platform/aws/clients.js';
import { pendingEvent, writeWithEvents } from '../../platform/bus/outbox.js';
import { scheduleItem } from '../../platform/schedules/store.js';
import {
  compact,
  isConditionalCheckFailed,
  queryAll,
  tableName,
  tenantPk,
  withoutKeys,
} from '../../platform/table/table.js';
import {
  type Audience,
  type Campaign,
  type CampaignSegment,
  type CampaignStatus,
  pendingOf,
} from '../campaign.js';
import { CampaignCancelled, CampaignFinished, CampaignSendRequested } from '../events.js';
import { COUNTER_ITEM_TYPE, sumShards } from './counters.js';

const sk = (campaignId: string) => `CAMPAIGN#${campaignId}`;
export const campaignKey = (tenantId: string, campaignId: string) => ({
  pk: tenantPk(tenantId),
  sk: sk(campaignId),
});

/** A campaign from its item and its counter shards (one Query reads them together). */
function fromItems(item: Record<string, unknown>, shards: Record<string, unknown>[] = []): Campaign {
  const { type: _t, deliveriesIndexed: _i, ...rest } = withoutKeys(item);
  const { counters, lastProgressAt } = sumShards(shards);
  return { ...rest, counters, ...(lastProgressAt ? { lastProgressAt } : {}) } as unknown as Campaign;
}

/** Groups a query's campaign items and counter shards by campaign. */
function campaignsOf(items: Record<string, unknown>[]): Campaign[] {
  const campaigns = new Map<string, { item?: Record<string, unknown>; shards: Record<string, unknown>[] }>();
  for (const item of items) {
    const campaignId = String(item.sk).split('#')[1] ?? '';
    const entry = campaigns.get(campaignId) ?? { shards: [] };
    if (item.type === COUNTER_ITEM_TYPE) entry.shards.push(item);
    else entry.item = item;
    campaigns.set(campaignId, entry);
  }
  return [...campaigns.values()].flatMap((c) => (c.item ? [fromItems(c.item, c.shards)] : []));
}

/**
 * Campaigns being sent carry a sparse index key, so the reconciler finds the open ones of every
 * tenant without reading any finished campaign (its cost does not grow with the history).
 */
export const OPEN_CAMPAIGNS = 'CAMPAIGN#OPEN';
const openMarker = (tenantId: string, campaignId: string) => ({
  gsi1pk: OPEN_CAMPAIGNS,
  gsi1sk: `${tenantId}#${campaignId}`,
});

type CampaignInput = {
  tenantId: string;
  name: string;
  kind: string;
  content: Record<string, unknown>;
  audience: Audience;
  /** The saved segment `audience` was taken from (its definition as it was now). */
  segment?: CampaignSegment;
  bulk: boolean;
  createdBy: string;
  /** A fixed id makes creation idempotent: the same id again returns the existing campaign. */
  campaignId?: string;
  /** `sending` for mails queued at once (transactional), so no second write marks them. */
  status?: CampaignStatus;
};

function newCampaign(input: CampaignInput) {
  return {
    campaignId: input.campaignId ?? randomUUID(),
    tenantId: input.tenantId,
    name: input.name,
    kind: input.kind,
    content: input.content,
    audience: input.audience,
    ...(input.segment ? { segment: input.segment } : {}),
    bulk: input.bulk,
    status: input.status ?? ('draft' as CampaignStatus),
    expansion: { pages: 0, done: false },
    createdAt: new Date().toISOString(),
    createdBy: input.createdBy,
  };
}

const campaignPut = (
  tenantId: string,
  campaign: ReturnType<typeof newCampaign> & Record<string, unknown>,
) => ({
  Put: {
    TableName: tableName(),
    Item: compact({
      ...campaignKey(tenantId, campaign.campaignId),
      ...(campaign.status === 'sending' ? openMarker(tenantId, campaign.campaignId) : {}),
      type: 'campaign',
      // Its deliveries are in the recipients' index (gsi2); campaigns made before it are not.
      deliveriesIndexed: true,
      ...campaign,
    }),
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

/** Creates a campaign (a draft unless `status` says otherwise); nothing is asked to send it. */
export async function createCampaign(input: CampaignInput, client = documentClient): Promise<Campaign> {
  const campaign = newCampaign(input);
  try {
    await client.send(new PutCommand(campaignPut(input.tenantId, campaign).Put));
  } catch (error) {
    if (!input.campaignId || !isConditionalCheckFailed(error)) throw error;
    const existing = await getCampaign(input.tenantId, input.campaignId, client);
    if (existing) return existing;
    throw error;
  }
  return fromItems(campaign);
}

/** A campaign with its counters: one Query over the campaign's item and its counter shards. */
export async function getCampaign(
  tenantId: string,
  campaignId: string,
  client = documentClient,
  options: { consistent?: boolean } = {},
): Promise<Campaign | undefined> {
  const { Items } = await client.send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :campaign)',
      ExpressionAttributeValues: { ':pk': tenantPk(tenantId), ':campaign': sk(campaignId) },
      ConsistentRead: options.consistent ?? false,
    }),
  );
  return campaignsOf(Items ?? [])[0];
}

export async function listCampaigns(tenantId: string, client = documentClient): Promise<Campaign[]> {
  const out = campaignsOf(await queryAll(tenantPk(tenantId), 'CAMPAIGN#', client));
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/**
 * The ids of the tenant's campaigns made before the recipients' index (gsi2), whose deliveries it
 * does not hold: a person's deliveries there are read by key instead. One Query of the tenant's
 * campaigns, asked only for a person's data (a privacy request), never per mail.
 */
export async function campaignsBeforeRecipientIndex(
  tenantId: string,
  client = documentClient,
): Promise<string[]> {
  const ids: string[] = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :campaign)',
        FilterExpression: '#type = :type AND attribute_not_exists(deliveriesIndexed)',
        ProjectionExpression: 'campaignId',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: {
          ':pk': tenantPk(tenantId),
          ':campaign': 'CAMPAIGN#',
          ':type': 'campaign',
        },
        ExclusiveStartKey: cursor,
      }),
    );
    ids.push(...(page.Items ?? []).map((item) => String(item.campaignId)));
    cursor = page.LastEvaluatedKey;
  } while (cursor);
  return ids;
}

/** The id of the event that asks for a campaign: one per campaign, so asking twice publishes once. */
const sendRequestedEventId = (campaignId: string) => `campaign-send-requested-${campaignId}`;

/**
 * draft → sending, with CampaignSendRequested in the same transaction. `requestId` identifies this
 * request: when DynamoDB applied the write but the answer was lost (a timeout, a 500) and the
 * retry finds the campaign no longer a draft, the stored request id tells whether it was this
 * request (`requested`: the same result as the first time, nothing acts twice) or another one
 * (`already-requested`).
 */
export async function requestSend(
  tenantId: string,
  campaignId: string,
  actor: string,
  requestId: string,
  client = documentClient,
): Promise<'requested' | 'already-requested'> {
  try {
    await writeWithEvents(
      tenantId,
      [
        {
          Update: {
            TableName: tableName(),
            Key: campaignKey(tenantId, campaignId),
            UpdateExpression:
              'SET #status = :sending, sendRequestedAt = :now, sendRequestId = :request, gsi1pk = :open, gsi1sk = :openKey',
            ConditionExpression: '#status = :draft',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':sending': 'sending',
              ':draft': 'draft',
              ':now': new Date().toISOString(),
              ':request': requestId,
              ':open': OPEN_CAMPAIGNS,
              ':openKey': openMarker(tenantId, campaignId).gsi1sk,
            },
          },
        },
      ],
      [
        pendingEvent(
          CampaignSendRequested,
          { tenantId, campaignId, actor },
          sendRequestedEventId(campaignId),
        ),
      ],
      client,
    );
    return 'requested';
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
    const { Item } = await client.send(
      new GetCommand({
        TableName: tableName(),
        Key: campaignKey(tenantId, campaignId),
        ProjectionExpression: 'sendRequestId',
        ConsistentRead: true,
      }),
    );
    return Item?.sendRequestId === requestId ? 'requested' : 'already-requested';
  }
}

/**
 * Creates a campaign that is to be sent, and asks for it in the same transaction: now
 * (CampaignSendRequested through the outbox) or at `sendAt` (a one-time schedule of the same
 * event). With a fixed `campaignId` it is idempotent: asking again returns the campaign that was
 * created the first time, and nothing is asked twice.
 */
export async function createAndSend(
  input: Parameters<typeof createCampaign>[0] & { campaignId: string; actor: string; sendAt?: string },
  client = documentClient,
): Promise<Campaign> {
  const campaign = newCampaign({ ...input, status: 'sending' });
  const detail = { tenantId: input.tenantId, campaignId: campaign.campaignId, actor: input.actor };
  const later = input.sendAt !== undefined && Date.parse(input.sendAt) > Date.now();
  try {
    await writeWithEvents(
      input.tenantId,
      [
        campaignPut(input.tenantId, {
          ...campaign,
          sendRequestedAt: campaign.createdAt,
          // The reconciler leaves a campaign alone until its time has come.
          ...(later ? { scheduledFor: new Date(input.sendAt as string).toISOString() } : {}),
        }),
        ...(later
          ? [
              scheduleItem({
                tenantId: input.tenantId,
                scheduleId: scheduledSendId(campaign.campaignId),
                dueAt: new Date(input.sendAt as string).toISOString(),
                event: CampaignSendRequested,
                detail,
              }),
            ]
          : []),
      ],
      later ? [] : [pendingEvent(CampaignSendRequested, detail, sendRequestedEventId(campaign.campaignId))],
      client,
    );
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
    const existing = await getCampaign(input.tenantId, campaign.campaignId, client);
    if (existing) return existing;
    throw error;
  }
  return fromItems(campaign);
}

/** The schedule of a campaign sent later: a fixed id, so cancelling finds it. */
const scheduledSendId = (campaignId: string) => `campaign-${campaignId}`;

/**
 * Calls off a scheduled send before its time. One transaction marks the schedule cancelled on
 * the condition that it is still pending, and the campaign cancelled: the schedule dispatcher
 * fires a schedule on the same condition (`fireSchedule`), so exactly one of the two wins —
 * either nothing is sent, or the send has begun and it is too late (`started`).
 */
export async function cancelScheduledSend(
  tenantId: string,
  campaignId: string,
  actor: string,
  client = documentClient,
): Promise<'cancelled' | 'started' | 'not-found'> {
  const campaign = await getCampaign(tenantId, campaignId, client, { consistent: true });
  if (!campaign) return 'not-found';
  if (campaign.status === 'cancelled') return 'cancelled';
  if (campaign.status !== 'sending' || !campaign.scheduledFor) return 'started';
  const now = new Date().toISOString();
  try {
    await writeWithEvents(
      tenantId,
      [
        {
          Update: {
            TableName: tableName(),
            Key: { pk: tenantPk(tenantId), sk: `SCHEDULE#${scheduledSendId(campaignId)}` },
            UpdateExpression: 'SET #status = :cancelled, cancelledAt = :now REMOVE gsi1pk, gsi1sk',
            ConditionExpression: '#status = :pending',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':cancelled': 'cancelled', ':pending': 'pending', ':now': now },
          },
        },
        {
          Update: {
            TableName: tableName(),
            Key: campaignKey(tenantId, campaignId),
            UpdateExpression:
              'SET #status = :cancelled, cancelledAt = :now, cancelledBy = :actor REMOVE gsi1pk, gsi1sk',
            ConditionExpression: '#status = :sending',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':cancelled': 'cancelled',
              ':sending': 'sending',
              ':now': now,
              ':actor': actor,
            },
          },
        },
      ],
      [pendingEvent(CampaignCancelled, { tenantId, campaignId, actor }, `campaign-cancelled-${campaignId}`)],
      client,
    );
    return 'cancelled';
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
    return 'started';
  }
}

/**
 * Records an expanded page and where the next one starts, once: the write is conditional on the
 * page's number, so when a page was expanded twice (a duplicate message, or one the reconciler
 * sent again) only the first records it and queues what follows. `by` names the message that
 * expanded it (SQS keeps a message's id across redeliveries): when this very message's earlier
 * write was applied but its answer lost, the retry recognises its own record and the chain goes
 * on. Counting is not done here: each delivery counted itself when it was created.
 */
export async function recordExpansionPage(
  tenantId: string,
  campaignId: string,
  page: { page: number; done: boolean; next?: string; by: string },
  client = documentClient,
): Promise<'recorded' | 'already-recorded'> {
  try {
    await client.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: campaignKey(tenantId, campaignId),
        UpdateExpression: `SET expansion.pages = :following, expansion.done = :done, expansion.updatedAt = :now, expansion.recordedBy = :by${page.next ? ', expansion.#next = :next' : ' REMOVE expansion.#next'}`,
        ConditionExpression: 'attribute_exists(pk) AND expansion.pages = :page',
        ExpressionAttributeNames: { '#next': 'next' },
        ExpressionAttributeValues: {
          ':page': page.page,
          ':following': page.page + 1,
          ':done': page.done,
          ':now': new Date().toISOString(),
          ':by': page.by,
          ...(page.next ? { ':next': page.next } : {}),
        },
      }),
    );
    return 'recorded';
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
    const { Item } = await client.send(
      new GetCommand({
        TableName: tableName(),
        Key: campaignKey(tenantId, campaignId),
        ProjectionExpression: 'expansion',
        ConsistentRead: true,
      }),
    );
    const expansion = Item?.expansion as { pages?: number; recordedBy?: string } | undefined;
    return expansion?.pages === page.page + 1 && expansion.recordedBy === page.by
      ? 'recorded'
      : 'already-recorded';
  }
}

/**
 * sending → sent once the audience is expanded and every queued delivery reached a final state,
 * with CampaignFinished in the same transaction. Called after deliveries settle and by the
 * reconciler; asking for a campaign that is not done (or already finished) changes nothing.
 */
export async function finishIfDone(
  tenantId: string,
  campaignId: string,
  client = documentClient,
): Promise<boolean> {
  const campaign = await getCampaign(tenantId, campaignId, client, { consistent: true });
  if (campaign?.status !== 'sending' || !campaign.expansion.done) return false;
  if (pendingOf(campaign.counters) > 0) return false;
  try {
    await writeWithEvents(
      tenantId,
      [
        {
          Update: {
            TableName: tableName(),
            Key: campaignKey(tenantId, campaignId),
            UpdateExpression: 'SET #status = :sent, finishedAt = :now REMOVE gsi1pk, gsi1sk',
            ConditionExpression: '#status = :sending AND expansion.done = :true',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':sent': 'sent',
              ':sending': 'sending',
              ':true': true,
              ':now': new Date().toISOString(),
            },
          },
        },
      ],
      [
        pendingEvent(
          CampaignFinished,
          {
            tenantId,
            campaignId,
            kind: campaign.kind,
            sent: campaign.counters.sent,
            failed: campaign.counters.failed,
            skipped: campaign.counters.skipped,
          },
          `campaign-finished-${campaignId}`,
        ),
      ],
      client,
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}

/** A page of the campaigns being sent, across tenants (the sparse index; the reconciler's read). */
export async function openCampaigns(
  options: { cursor?: Record<string, unknown>; limit?: number } = {},
  client = documentClient,
): Promise<{ items: { tenantId: string; campaignId: string }[]; cursor?: Record<string, unknown> }> {
  const page = await client.send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :open',
      ExpressionAttributeValues: { ':open': OPEN_CAMPAIGNS },
      ProjectionExpression: 'tenantId, campaignId',
      ExclusiveStartKey: options.cursor,
      Limit: options.limit ?? 100,
    }),
  );
  return {
    items: (page.Items ?? []).map((i) => ({
      tenantId: String(i.tenantId),
      campaignId: String(i.campaignId),
    })),
    ...(page.LastEvaluatedKey ? { cursor: page.LastEvaluatedKey } : {}),
  };
}
