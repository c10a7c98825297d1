import { createHash } from 'node:crypto';
import type { TransactItem } from '../../platform/bus/outbox.js';
import { tableName, tenantPk } from '../../platform/table/table.js';
import { type CampaignCounter, type CounterDeltas, campaignCounters } from '../campaign.js';

/**
 * A campaign's counters live in a few shard items beside the campaign (`CAMPAIGN#<id>#COUNT#<n>`),
 * each written in the same transaction as the delivery move it counts. One item would be
 * simpler, but concurrent transactions on one item conflict (TransactionConflict): with shards
 * picked by recipient, senders and SES events rarely touch the same one. A campaign and its
 * shards share a sort-key prefix, so one Query reads them together, for one campaign or a list.
 */
const SHARDS = 8;
export const COUNTER_ITEM_TYPE = 'campaign-counts';

export const counterShardSk = (campaignId: string, shard: number) => `CAMPAIGN#${campaignId}#COUNT#${shard}`;

/** The shard a recipient's moves are counted in: stable, so one delivery always uses the same. */
export function shardOf(contactId: string): number {
  return createHash('sha256').update(contactId).digest().readUInt8(0) % SHARDS;
}

/** The counter write of one delivery move, as a transaction item (none when nothing changes). */
export function counterUpdate(
  tenantId: string,
  campaignId: string,
  contactId: string,
  deltas: CounterDeltas,
  at = new Date().toISOString(),
): TransactItem | undefined {
  return shardUpdate(tenantId, campaignId, shardOf(contactId), deltas, at);
}

/** Adds one delta set to another (the summed counter write of a batch of moves). */
export function addDeltas(into: CounterDeltas, deltas: CounterDeltas): CounterDeltas {
  for (const [counter, n] of Object.entries(deltas) as [CampaignCounter, number][])
    into[counter] = (into[counter] ?? 0) + n;
  return into;
}

/**
 * The counter write of a batch of moves in one campaign, summed into one shard item. Any shard
 * may hold any delta (the campaign's figures are the sum of all); a batch's moves are counted in
 * the shard of its first recipient, so batches still spread over the shards.
 */
export function batchCounterUpdate(
  tenantId: string,
  campaignId: string,
  firstContactId: string,
  deltas: CounterDeltas,
  at = new Date().toISOString(),
): TransactItem | undefined {
  return shardUpdate(tenantId, campaignId, shardOf(firstContactId), deltas, at);
}

function shardUpdate(
  tenantId: string,
  campaignId: string,
  shard: number,
  deltas: CounterDeltas,
  at: string,
): TransactItem | undefined {
  const entries = Object.entries(deltas).filter(([, n]) => n !== 0 && n !== undefined);
  if (entries.length === 0) return undefined;
  const names: Record<string, string> = { '#type': 'type' };
  const values: Record<string, unknown> = { ':type': COUNTER_ITEM_TYPE, ':at': at };
  const adds = entries.map(([counter, n], i) => {
    names[`#c${i}`] = `count_${counter}`;
    values[`:n${i}`] = n;
    return `#c${i} :n${i}`;
  });
  return {
    Update: {
      TableName: tableName(),
      Key: { pk: tenantPk(tenantId), sk: counterShardSk(campaignId, shard) },
      UpdateExpression: `SET #type = :type, updatedAt = :at ADD ${adds.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

/** The sum of a campaign's shard items, and when the newest of them was written. */
export function sumShards(items: Record<string, unknown>[]): {
  counters: Record<CampaignCounter, number>;
  lastProgressAt?: string;
} {
  const counters = Object.fromEntries(campaignCounters.map((c) => [c, 0])) as Record<CampaignCounter, number>;
  let lastProgressAt: string | undefined;
  for (const item of items) {
    for (const c of campaignCounters) counters[c] += Number(item[`count_${c}`] ?? 0);
    const at = typeof item.updatedAt === 'string' ? item.updatedAt : undefined;
    if (at && (!lastProgressAt || at > lastProgressAt)) lastProgressAt = at;
  }
  return { counters, ...(lastProgressAt ? { lastProgressAt } : {}) };
}
