import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../platform/aws/clients.js';
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

export async function createCampaign(
  input: {
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
  },
  client = documentClient,
): Promise<Campaign> {
  const campaign = {
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
  try {
    await client.send(
      new PutCommand({
        TableName: tableName(),
        Item: compact({ ...campaignKey(input.tenantId, campaign.campaignId), type: 'campaign', ...campaign }),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
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

/** draft → sending, once: a second request for the same campaign changes nothing. */
export async function markSendRequested(
  tenantId: string,
  campaignId: string,
  client = documentClient,
): Promise<boolean> {
  try {
    await client.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: campaignKey(tenantId, campaignId),
        UpdateExpression: 'SET #status = :sending, sendRequestedAt = :now',
        ConditionExpression: '#status = :draft',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':sending': 'sending',
          ':draft': 'draft',
          ':now': new Date().toISOString(),
        },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
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
