import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../platform/aws/clients.js';
import { pendingEvent, writeWithEvents } from '../platform/bus/outbox.js';
import { HttpError } from '../platform/http/errors.js';
import {
  compact,
  isConditionalCheckFailed,
  queryAll,
  tableName,
  tenantPk,
  withoutKeys,
} from '../platform/table/table.js';
import { ProgrammeCreated, ProgrammeUpdated } from './events.js';
import type { Programme, ProgrammeInput, ProgrammeUpdate, Theme } from './programme.js';

const sk = (programmeId: string) => `PROGRAMME#${programmeId}`;

function fromItem(item: Record<string, unknown>): Programme {
  const { type: _type, ...rest } = withoutKeys(item);
  return { description: '', ...rest } as unknown as Programme;
}

/** Creates a programme; ProgrammeCreated is written in the same transaction. */
export async function createProgramme(
  tenantId: string,
  input: ProgrammeInput,
  actor: string,
  client = documentClient,
): Promise<Programme> {
  const now = new Date().toISOString();
  const programme: Programme = {
    programmeId: randomUUID(),
    tenantId,
    name: input.name,
    description: input.description,
    language: input.language,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    themes: input.themes.map((t) => ({ id: randomUUID(), title: t.title, description: t.description })),
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await writeWithEvents(
    tenantId,
    [
      {
        Put: {
          TableName: tableName(),
          Item: compact({
            pk: tenantPk(tenantId),
            sk: sk(programme.programmeId),
            type: 'programme',
            ...programme,
            themes: programme.themes.map(compact),
          }),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ],
    [
      pendingEvent(ProgrammeCreated, {
        tenantId,
        programmeId: programme.programmeId,
        name: programme.name,
        themeCount: programme.themes.length,
        actor,
      }),
    ],
    client,
  );
  return programme;
}

export async function getProgramme(
  tenantId: string,
  programmeId: string,
  client = documentClient,
): Promise<Programme | undefined> {
  const { Item } = await client.send(
    new GetCommand({ TableName: tableName(), Key: { pk: tenantPk(tenantId), sk: sk(programmeId) } }),
  );
  return Item ? fromItem(Item) : undefined;
}

export async function listProgrammes(tenantId: string, client = documentClient): Promise<Programme[]> {
  const items = (await queryAll(tenantPk(tenantId), 'PROGRAMME#', client)).map(fromItem);
  return items.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/**
 * Replaces the editable fields if the stored version is the one the editor saw (optimistic
 * locking): two staff editing at once cannot silently overwrite each other.
 */
export async function replaceProgramme(
  before: Programme,
  update: ProgrammeUpdate,
  change: { changedFields: string[]; actor: string },
  client = documentClient,
): Promise<Programme> {
  const existingThemes = new Map(before.themes.map((t) => [t.id, t]));
  const themes: Theme[] = update.themes.map((t) => ({
    id: t.id && existingThemes.has(t.id) ? t.id : randomUUID(),
    title: t.title,
    description: t.description,
  }));
  const after: Programme = {
    ...before,
    name: update.name,
    description: update.description,
    language: update.language,
    startsOn: update.startsOn,
    endsOn: update.endsOn,
    themes,
    version: before.version + 1,
    updatedAt: new Date().toISOString(),
  };
  try {
    await writeWithEvents(
      before.tenantId,
      [
        {
          Put: {
            TableName: tableName(),
            Item: compact({
              pk: tenantPk(before.tenantId),
              sk: sk(before.programmeId),
              type: 'programme',
              ...after,
              themes: after.themes.map(compact),
            }),
            ConditionExpression: 'attribute_exists(pk) AND version = :expected',
            ExpressionAttributeValues: { ':expected': update.expectedVersion },
          },
        },
      ],
      [
        pendingEvent(ProgrammeUpdated, {
          tenantId: before.tenantId,
          programmeId: after.programmeId,
          name: after.name,
          changedFields: change.changedFields,
          actor: change.actor,
        }),
      ],
      client,
    );
  } catch (error) {
    if (isConditionalCheckFailed(error)) {
      throw new HttpError(409, 'The programme was changed by someone else; reload and try again', [
        { field: 'body.expectedVersion', message: 'Stale version' },
      ]);
    }
    throw error;
  }
  return after;
}
