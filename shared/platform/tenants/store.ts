import { documentClient } from '../aws/clients.js';
import { pendingEvent, type TransactItem, writeWithEvents } from '../bus/outbox.js';
import { getItem } from '../table/get-item.js';
import { isConditionalCheckFailed, tableName, tenantPk, withoutKeys } from '../table/table.js';
import type { Language } from '../texts/language.js';
import { TenantSettingsChanged } from './events.js';
import type { CheckedLogo } from './logo.js';
import type { TenantSettings, TenantSettingsPatch } from './settings.js';

export interface Tenant {
  tenantId: string;
  name: string;
  language: Language;
  /** IANA zone; event times are entered and shown in it. */
  timeZone: string;
  /** What the municipality's admins set (absent until they do). */
  settings?: TenantSettings;
}

const tenantKey = (tenantId: string) => ({ pk: tenantPk(tenantId), sk: 'TENANT' });

export async function getTenant(tenantId: string, client = documentClient): Promise<Tenant | undefined> {
  const Item = await getItem(tenantKey(tenantId), { client });
  return Item ? (withoutKeys(Item) as unknown as Tenant) : undefined;
}

/**
 * Sets the sections of the tenant's settings that `changes` names (a section given as `undefined`
 * is removed) and leaves every other section as it is in the table, with TenantSettingsChanged in
 * the same transaction when any changed (naming which). Per section, not the whole object: two
 * admins who read the settings at the same time and change different sections both keep their
 * change (the last writer of one section wins, as on any form). `tenant` is only what the change
 * is compared with. A tenant without a profile is not created here: false.
 */
export async function updateTenantSettings(
  tenant: Tenant,
  changes: TenantSettingsPatch,
  actor: string,
  client = documentClient,
  /** Written in the same transaction when something changed (the privacy page's audit entry, the logo's bytes). */
  also: TransactItem[] = [],
): Promise<boolean> {
  const before = (tenant.settings ?? {}) as Record<string, unknown>;
  const entries = Object.entries(changes) as [string, unknown][];
  const changedFields = entries
    .filter(([field, value]) => JSON.stringify(before[field] ?? null) !== JSON.stringify(value ?? null))
    .map(([field]) => field);
  if (changedFields.length === 0) return true;
  const changed = entries.filter(([field]) => changedFields.includes(field));
  const set = changed.filter(([, value]) => value !== undefined);
  const remove = changed.filter(([, value]) => value === undefined);
  const names = Object.fromEntries(changed.map(([field], i) => [`#f${i}`, field]));
  const nameOf = (field: string) => `#f${changed.findIndex(([f]) => f === field)}`;
  // A nested SET needs the map to exist: the first settings a tenant gets are written whole.
  const perSection = {
    UpdateExpression: [
      set.length
        ? `SET ${set.map(([f]) => `settings.${nameOf(f)} = :${nameOf(f).slice(1)}`).join(', ')}`
        : '',
      remove.length ? `REMOVE ${remove.map(([f]) => `settings.${nameOf(f)}`).join(', ')}` : '',
    ]
      .filter(Boolean)
      .join(' '),
    ConditionExpression: 'attribute_exists(pk) AND attribute_exists(settings)',
    ExpressionAttributeNames: names,
    ...(set.length
      ? { ExpressionAttributeValues: Object.fromEntries(set.map(([f, v]) => [`:${nameOf(f).slice(1)}`, v])) }
      : {}),
  };
  const first = {
    UpdateExpression: 'SET settings = :settings',
    ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(settings)',
    ExpressionAttributeValues: { ':settings': Object.fromEntries(set) },
  };
  const write = (update: typeof perSection | typeof first) =>
    writeWithEvents(
      tenant.tenantId,
      [{ Update: { TableName: tableName(), Key: tenantKey(tenant.tenantId), ...update } }, ...also],
      [pendingEvent(TenantSettingsChanged, { tenantId: tenant.tenantId, changedFields, actor })],
      client,
    );
  // Whichever of the two fits the item; the other's condition fails. Twice: another admin may
  // have written the first settings between the two.
  for (const update of [perSection, first, perSection]) {
    try {
      await write(update);
      return true;
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
    }
  }
  return false;
}

/**
 * The logo's bytes: an item of their own beside the tenant (≤ 200 KB fits DynamoDB's 400 KB),
 * not in S3: every function that renders a public page or a mail already reads the table, so no
 * new bucket grant, and the page serves it from its own origin. Not on the tenant item either:
 * every `getTenant` would then read 200 KB.
 */
const logoKey = (tenantId: string) => ({ pk: tenantPk(tenantId), sk: 'LOGO' });

export interface StoredLogo {
  version: string;
  contentType: 'image/png' | 'image/jpeg';
  data: Buffer;
}

export async function getLogo(tenantId: string, client = documentClient): Promise<StoredLogo | undefined> {
  const Item = await getItem(logoKey(tenantId), { client });
  if (!Item) return undefined;
  return {
    version: String(Item.version),
    contentType: Item.contentType === 'image/jpeg' ? 'image/jpeg' : 'image/png',
    data: Buffer.from(Item.data as Uint8Array),
  };
}

/** Sets (or replaces) the logo: its bytes and the settings' reference in one transaction, with its event. */
export function setLogo(
  tenant: Tenant,
  logo: CheckedLogo,
  data: Buffer,
  actor: string,
  client = documentClient,
) {
  const { contentType, version, width, height, bytes } = logo;
  return updateTenantSettings(
    tenant,
    { logo: { version, contentType, width, height, bytes } },
    actor,
    client,
    [
      {
        Put: {
          TableName: tableName(),
          Item: { ...logoKey(tenant.tenantId), tenantId: tenant.tenantId, version, contentType, data },
        },
      },
    ],
  );
}

/** Removes the logo: the bytes and the reference together. */
export function removeLogo(tenant: Tenant, actor: string, client = documentClient) {
  return updateTenantSettings(tenant, { logo: undefined }, actor, client, [
    { Delete: { TableName: tableName(), Key: logoKey(tenant.tenantId) } },
  ]);
}
