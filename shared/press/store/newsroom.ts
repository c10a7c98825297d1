import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../platform/aws/clients.js';
import { decodeCursor, encodeCursor } from '../../platform/table/cursor.js';
import { tableName } from '../../platform/table/table.js';
import { searchWords } from '../release.js';
import { newsPk, type ReleaseSummary } from './releases.js';

/** What a newsroom list asks for: at most one filter dimension, a year, a search, a page. */
export interface NewsQuery {
  topic?: string;
  tag?: string;
  region?: string;
  year?: number;
  /** Words; a release must contain every one in its headline or lead. */
  q?: string;
  cursor?: string;
  limit?: number;
}

/** The partition a query reads: a search's longest word, else the filter, else everything. */
function dimensionOf(query: NewsQuery): { dimension: string; rest: string[] } {
  const words = query.q ? searchWords(query.q, 5) : [];
  if (words.length > 0) {
    const [first, ...rest] = [...words].sort((a, b) => b.length - a.length);
    return { dimension: `WORD#${first}`, rest };
  }
  if (query.topic) return { dimension: `TOPIC#${query.topic}`, rest: [] };
  if (query.tag) return { dimension: `TAG#${query.tag}`, rest: [] };
  if (query.region) return { dimension: `REGION#${query.region}`, rest: [] };
  return { dimension: 'ALL', rest: [] };
}

/**
 * One page of public releases, newest first: a single Query of one partition of the newsroom
 * index, bounded by `now` (nothing before its time) and the year. Its cost depends on the page
 * size, never on how many releases the tenant has.
 */
export async function listNews(
  tenantId: string,
  query: NewsQuery,
  now = new Date(),
  client = documentClient,
): Promise<{ items: ReleaseSummary[]; cursor?: string; consumedCapacity: number }> {
  const { dimension, rest } = dimensionOf(query);
  const pk = newsPk(tenantId, dimension);
  const start = decodeCursor(query.cursor, { pk, skPrefix: '' });
  const upper = now.toISOString();
  const from = query.year ? `${query.year}-01-01T00:00:00.000Z` : '0';
  const to =
    query.year && `${query.year + 1}-01-01T00:00:00.000Z` < upper
      ? `${query.year + 1}-01-01T00:00:00.000Z`
      : upper;
  // A search with several words, or a filter besides the search, narrows what the partition gives.
  const narrow = (s: ReleaseSummary & { tags?: string[] }) => {
    const text = searchWords(`${s.headline} ${s.lead}`).join(' ');
    return (
      rest.every((w) => text.includes(w)) && (!query.q || !query.topic || s.topics.includes(query.topic))
    );
  };
  const page = await client.send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': pk, ':from': from, ':to': `${to}` },
      ScanIndexForward: false,
      Limit: query.limit ?? 20,
      ExclusiveStartKey: start,
      ReturnConsumedCapacity: 'TOTAL',
    }),
  );
  const items = (page.Items ?? []).map(
    ({ pk: _pk, sk: _sk, type: _t, ...summary }) => summary as unknown as ReleaseSummary,
  );
  // `sk BETWEEN` is inclusive and a key ends with `#<id>` after the time: a release at exactly
  // `now` is found from the next millisecond on, never early.
  return {
    items: items.filter(narrow),
    cursor: encodeCursor(page.LastEvaluatedKey),
    consumedCapacity: page.ConsumedCapacity?.CapacityUnits ?? 0,
  };
}
