import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../platform/aws/clients.js';
import { pendingEvent, writeWithEvents } from '../../platform/bus/outbox.js';
import { compact, tableName, tenantPk, withoutKeys } from '../../platform/table/table.js';
import { PressSettingsChanged } from '../events.js';
import { emptySettings, type PressSettings } from '../release.js';

/** The tenant's press room: topics, tags, regions, press contacts and boilerplate, in one item. */
const key = (tenantId: string) => ({ pk: tenantPk(tenantId), sk: 'PRESS#SETTINGS' });

export async function getPressSettings(tenantId: string, client = documentClient): Promise<PressSettings> {
  const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: key(tenantId) }));
  if (!Item) return emptySettings;
  const { type: _type, tenantId: _tenant, updatedAt: _at, ...rest } = withoutKeys(Item);
  return { ...emptySettings, ...(rest as Partial<PressSettings>) };
}

/** Replaces the press room's lists; releases keep the ids they name (the newsroom skips unknown ones). */
export async function putPressSettings(
  tenantId: string,
  settings: PressSettings,
  actor: string,
): Promise<PressSettings> {
  await writeWithEvents(
    tenantId,
    [
      {
        Put: {
          TableName: tableName(),
          Item: compact({
            ...key(tenantId),
            type: 'press-settings',
            tenantId,
            ...settings,
            updatedAt: new Date().toISOString(),
          }),
        },
      },
    ],
    [
      pendingEvent(PressSettingsChanged, {
        tenantId,
        topics: settings.topics.length,
        contacts: settings.contacts.length,
        actor,
      }),
    ],
  );
  return settings;
}
