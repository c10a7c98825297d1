import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import DataLoader from 'dataloader';
import { documentClient } from '../aws/clients.js';
import { tableName } from './table.js';

export interface TableKey {
  pk: string;
  sk: string;
}
type Item = Record<string, unknown>;

/** BatchGetItem's limit per request. */
const MAX_KEYS = 100;
const keyString = (key: TableKey) => `${key.pk}\u0000${key.sk}`;

/**
 * One item by its key. Reads issued in the same tick (a page resolving its event, invitation,
 * contact and tenant side by side) reach DynamoDB as one BatchGetItem: one round trip and one
 * request's worth of SDK work instead of four, for the same read units. DataLoader does the
 * coalescing; it caches nothing here (`cache: false`), so every call reads the table afresh.
 */
export function getItem(
  key: TableKey,
  options: { consistent?: boolean; client?: DynamoDBDocumentClient } = {},
): Promise<Item | undefined> {
  return loaderFor(options.client ?? documentClient).load({ key, consistent: options.consistent ?? false });
}

/**
 * What keeps batches apart. In Lambda a process runs one function, so nothing needs to. The local
 * runtime runs every function in one process and sets this to the function's sandbox, so that
 * one function's read never rides on another's request (nor on its local IAM check).
 */
let batchScope: () => object | undefined = () => undefined;
export function separateBatchesBy(scope: () => object | undefined): void {
  batchScope = scope;
}
const NO_SCOPE = {};

interface Load {
  key: TableKey;
  consistent: boolean;
}
type Loader = DataLoader<Load, Item | undefined, string>;
const loaders = new WeakMap<object, WeakMap<DynamoDBDocumentClient, Map<string, Loader>>>();

function loaderFor(client: DynamoDBDocumentClient): Loader {
  const scope = batchScope() ?? NO_SCOPE;
  let byClient = loaders.get(scope);
  if (!byClient) {
    byClient = new WeakMap();
    loaders.set(scope, byClient);
  }
  let byTable = byClient.get(client);
  if (!byTable) {
    byTable = new Map();
    byClient.set(client, byTable);
  }
  const table = tableName();
  let loader = byTable.get(table);
  if (!loader) {
    loader = new DataLoader((loads) => batchGet(client, table, loads), {
      cache: false,
      maxBatchSize: MAX_KEYS,
      cacheKeyFn: (load) => keyString(load.key),
    });
    byTable.set(table, loader);
  }
  return loader;
}

async function batchGet(
  client: DynamoDBDocumentClient,
  table: string,
  loads: readonly Load[],
): Promise<(Item | undefined)[]> {
  // One request for the lot: strongly consistent when any read asks for it (never less than
  // asked; an eventually consistent read costs half the units, a difference of 0.5 per item).
  const consistent = loads.some((l) => l.consistent);
  const found = new Map(
    (
      await getItems(
        loads.map((l) => l.key),
        { consistent, client, table },
      )
    ).map((item) => [keyString(item as unknown as TableKey), item]),
  );
  return loads.map((l) => found.get(keyString(l.key)));
}

/**
 * The items found of `keys` (in no particular order; a key named twice is asked once), 100 keys
 * per BatchGetItem, keys DynamoDB left unprocessed (throttling) asked again after a growing pause.
 */
export async function getItems(
  keys: readonly TableKey[],
  options: { consistent?: boolean; client?: DynamoDBDocumentClient; table?: string } = {},
): Promise<Item[]> {
  const client = options.client ?? documentClient;
  const table = options.table ?? tableName();
  const unique = [...new Map(keys.map((k) => [keyString(k), { pk: k.pk, sk: k.sk }])).values()];
  const items: Item[] = [];
  for (let i = 0; i < unique.length; i += MAX_KEYS) {
    let pending = unique.slice(i, i + MAX_KEYS);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 8) throw new Error(`${pending.length} keys left unprocessed by BatchGetItem`);
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
      const { Responses, UnprocessedKeys } = await client.send(
        new BatchGetCommand({
          RequestItems: {
            [table]: { Keys: pending, ...(options.consistent ? { ConsistentRead: true } : {}) },
          },
        }),
      );
      items.push(...(Responses?.[table] ?? []));
      pending = (UnprocessedKeys?.[table]?.Keys ?? []) as TableKey[];
    }
  }
  return items;
}
