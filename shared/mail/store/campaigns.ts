import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
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
  type CampaignCounter,
  type CampaignStatus,
  campaignCounters,
} from '../campaign.js';
import { CampaignSendRequested } from '../events.js';

const sk = (campaignId: string) => `CAMPAIGN#${campaignId}`;
export const campaignKey = (tenantId: string, campaignId: string) => ({
  pk: tenantPk(tenantId),
  sk: sk(campaignId),
});

function fromItem(item: Record<string, unknown>): Campaign {
  const { type: _t, ...rest } = withoutKeys(item);
  const counters = Object.fromEntries(campaignCounters.map((c) => [c, Number(item[`count_${c}`] ?? 0)]));
  for (const c of campaignCounters) delete (rest as Record<string, unknown>)[`count_${c}`];
  return { ...rest, counters } as unknown as Campaign;
}

type CampaignInput = {
  tenantId: string;
  name: string;
  kind: string;
  content: Record<string, unknown>;
  audience: Audience;
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
    Item: compact({ ...campaignKey(tenantId, campaign.campaignId), type: 'campaign', ...campaign }),
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
  return fromItem(campaign);
}

export async function getCampaign(
  tenantId: string,
  campaignId: string,
  client = documentClient,
): Promise<Campaign | undefined> {
  const { Item } = await client.send(
    new GetCommand({ TableName: tableName(), Key: campaignKey(tenantId, campaignId) }),
  );
  return Item ? fromItem(Item) : undefined;
}

export async function listCampaigns(tenantId: string, client = documentClient): Promise<Campaign[]> {
  const out = (await queryAll(tenantPk(tenantId), 'CAMPAIGN#', client)).map(fromItem);
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
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
            UpdateExpression: 'SET #status = :sending, sendRequestedAt = :now, sendRequestId = :request',
            ConditionExpression: '#status = :draft',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':sending': 'sending',
              ':draft': 'draft',
              ':now': new Date().toISOString(),
              ':request': requestId,
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
        campaignPut(input.tenantId, { ...campaign, sendRequestedAt: campaign.createdAt }),
        ...(later
          ? [
              scheduleItem({
                tenantId: input.tenantId,
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
  return fromItem(campaign);
}

/** Adds to the campaign's counters in one write; counters live on the item as `count_<name>`. */
export async function addToCounters(
  tenantId: string,
  campaignId: string,
  deltas: Partial<Record<CampaignCounter, number>>,
  client = documentClient,
): Promise<void> {
  const entries = Object.entries(deltas).filter(([, n]) => n !== 0);
  if (entries.length === 0) return;
  const names: Record<string, string> = {};
  const values: Record<string, number> = {};
  const parts = entries.map(([counter, n], i) => {
    names[`#c${i}`] = `count_${counter}`;
    values[`:n${i}`] = n as number;
    return `#c${i} :n${i}`;
  });
  // A transaction, though it is one item: its ClientRequestToken makes the SDK's retries
  // idempotent, so an ADD whose answer was lost is not applied twice.
  await client.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: tableName(),
            Key: campaignKey(tenantId, campaignId),
            UpdateExpression: `ADD ${parts.join(', ')}`,
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          },
        },
      ],
    }),
  );
}

/**
 * Records a finished expansion page and its new deliveries. Where the next page starts travels
 * in the next page's queue message, so the campaign only says whether the last page is done.
 */
export async function recordExpansionPage(
  tenantId: string,
  campaignId: string,
  page: { queued: number; skipped: number; done: boolean },
  client = documentClient,
): Promise<void> {
  await client.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: tableName(),
            Key: campaignKey(tenantId, campaignId),
            UpdateExpression:
              'SET expansion.pages = expansion.pages + :one, expansion.done = :done ADD count_queued :queued, count_skipped :skipped',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: {
              ':one': 1,
              ':done': page.done,
              ':queued': page.queued,
              ':skipped': page.skipped,
            },
          },
        },
      ],
    }),
  );
}
