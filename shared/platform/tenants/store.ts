import { documentClient } from '../aws/clients.js';
import { pendingEvent, type TransactItem, writeWithEvents } from '../bus/outbox.js';
import { getItem } from '../table/get-item.js';
import { isConditionalCheckFailed, tableName, tenantPk, withoutKeys } from '../table/table.js';
import type { Language } from '../texts/language.js';
import { TenantSettingsChanged } from './events.js';
import type { TenantSettings } from './settings.js';

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
 * Replaces the tenant's settings, with TenantSettingsChanged in the same transaction when any
 * changed (naming which). A tenant without a profile is not created here: false.
 */
export async function updateTenantSettings(
  tenant: Tenant,
  settings: TenantSettings,
  actor: string,
  client = documentClient,
  /** Written in the same transaction when something changed (the privacy page's audit entry). */
  also: TransactItem[] = [],
): Promise<boolean> {
  const before = (tenant.settings ?? {}) as Record<string, unknown>;
  const changedFields = Object.keys(settings).filter(
    (field) =>
      JSON.stringify(before[field] ?? {}) !==
      JSON.stringify((settings as Record<string, unknown>)[field] ?? {}),
  );
  if (changedFields.length === 0) return true;
  try {
    await writeWithEvents(
      tenant.tenantId,
      [
        {
          Update: {
            TableName: tableName(),
            Key: tenantKey(tenant.tenantId),
            UpdateExpression: 'SET settings = :settings',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':settings': settings },
          },
        },
        ...also,
      ],
      [pendingEvent(TenantSettingsChanged, { tenantId: tenant.tenantId, changedFields, actor })],
      client,
    );
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
  return true;
}
