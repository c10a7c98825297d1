import { randomUUID } from 'node:crypto';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Context, SQSEvent } from 'aws-lambda';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler } from '../../functions/insight/record.js';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.js';
import { contactKey } from '../../shared/directory/store/contacts.js';
import { FeedbackAnswered } from '../../shared/feedback/events.js';
import type { Counters } from '../../shared/insight/engagement.js';
import { readCounters } from '../../shared/insight/store.js';
import { AttendanceMarked, InvitationAnswered, InvitationCreated } from '../../shared/meetings/events.js';
import type { Meeting } from '../../shared/meetings/meeting.js';
import { answer, createEvent, ensureInvitation, markAttended } from '../../shared/meetings/store.js';
import { documentClient } from '../../shared/platform/aws/clients.js';
import type { EventContract } from '../../shared/platform/bus/contract.js';
import { emit, pendingEvent } from '../../shared/platform/bus/outbox.js';
import { createProgramme } from '../../shared/programmes/store.js';
import { eventInput, invitedContacts } from '../event-helpers.js';
import { waitFor } from '../helpers.js';

/**
 * Programme insight's counts against DynamoDB Local: distinct organisations and people per stage,
 * whatever the number of engagements, a contact's move to another organisation, and deliveries
 * repeated or reordered (the recorder's handler called directly with SQS batches, as Lambda does).
 */

let runtime: LocalRuntime;
const tenantId = 'insight-counts';

beforeAll(async () => {
  runtime = await startLocalRuntime({ log: () => {} });
});
afterAll(async () => {
  await runtime?.stop();
});

const attend = { answer: 'attend' as const, seats: 1, names: ['Eva'], dietary: [] };

async function programmeWithEvents(count: number) {
  const programme = await createProgramme(
    tenantId,
    {
      name: `Näringslivsprogram ${randomUUID().slice(0, 6)}`,
      description: '',
      language: 'sv',
      themes: [{ title: 'Kompetensförsörjning' }, { title: 'Infrastruktur' }],
    },
    'staff-test',
  );
  const events: Meeting[] = [];
  for (let i = 0; i < count; i++) {
    events.push(await createEvent(tenantId, eventInput({ programmeId: programme.programmeId })));
  }
  return { programme, events };
}

/** Directory contacts for made-up ids (a person is counted only while their contact exists). */
async function contactsExist(contactIds: string[]) {
  for (const contactId of new Set(contactIds)) {
    await documentClient.send(
      new PutCommand({
        TableName: runtime.tableName,
        Item: { ...contactKey(tenantId, contactId), type: 'contact', contactId, name: 'Testperson' },
      }),
    );
  }
}

const counters = async (programmeId: string) => (await readCounters(tenantId, programmeId)).counters;

/** Waits until the counters hold `expected`, then a moment more: nothing later may change them. */
async function settledCounters(programmeId: string, expected: Counters): Promise<Counters> {
  const holds = (c: Counters) => Object.entries(expected).every(([k, v]) => c[k] === v);
  await waitFor(async () => holds(await counters(programmeId)) || undefined, 15_000, 'insight counters');
  await new Promise((r) => setTimeout(r, 1500));
  return counters(programmeId);
}

const context = { functionName: 'insight-recorder', awsRequestId: 'req-1' } as unknown as Context;

/** SQS messages as the rule delivers them: each EventBridge event in a message body. */
function batch(events: { contract: EventContract; detail: Record<string, unknown> }[]): SQSEvent {
  return {
    Records: events.map(({ contract, detail }, i) => ({
      messageId: `m-${i}-${randomUUID()}`,
      receiptHandle: 'r',
      body: JSON.stringify({
        version: '0',
        id: randomUUID(),
        source: contract.source,
        account: '000000000000',
        time: new Date().toISOString(),
        region: 'eu-north-1',
        resources: [],
        'detail-type': contract.detailType,
        detail: { ...detail, version: contract.version },
      }),
      attributes: {} as SQSEvent['Records'][number]['attributes'],
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:eu-north-1:000000000000:insight',
      awsRegion: 'eu-north-1',
    })),
  };
}

async function deliver(events: Parameters<typeof batch>[0]) {
  const result = (await handler(batch(events), context)) as { batchItemFailures: unknown[] };
  expect(result.batchItemFailures).toEqual([]);
}

describe('distinct organisations and people', () => {
  it('counts an organisation that answered three events and gave feedback twice once per stage', async () => {
    // Prepare: one contact of one organisation, three events of the programme
    const { programme, events } = await programmeWithEvents(3);
    const [themeA, themeB] = programme.themes.map((t) => t.id) as [string, string];
    const organisationId = `org-${randomUUID()}`;
    const [contactId] = await invitedContacts(runtime, events[0] as Meeting, 1, {
      prefix: `c-${randomUUID().slice(0, 8)}`,
      organisationId,
    });

    // Act: invited to and attending all three, present at two, two feedback answers
    for (const event of events) {
      await ensureInvitation({
        tenantId,
        eventId: event.eventId,
        contactId: contactId as string,
        organisationId,
        organisationType: 'company',
      });
      await answer(event, contactId as string, attend, { actor: `contact:${contactId}` });
    }
    await markAttended(tenantId, (events[0] as Meeting).eventId, contactId as string, true);
    await markAttended(tenantId, (events[1] as Meeting).eventId, contactId as string, true);
    for (const themeIds of [[themeA], [themeA, themeB]]) {
      await emit(tenantId, [
        pendingEvent(FeedbackAnswered, {
          tenantId,
          formId: `form-${randomUUID()}`,
          answerId: randomUUID(),
          attributed: true,
          questionsVersion: 1,
          edit: false,
          programmeId: programme.programmeId,
          themeIds,
          at: new Date().toISOString(),
          contactId,
          organisationId,
        }),
      ]);
    }

    // Assess: each stage counts the organisation and the person once; answers and themes per answer
    const c = await settledCounters(programme.programmeId, {
      'org.invited': 1,
      'org.answered': 1,
      'org.attended': 1,
      'org.feedback': 1,
      answers: 2,
    });
    expect(c['org.invited']).toBe(1);
    expect(c['person.invited']).toBe(1);
    expect(c['org.answered']).toBe(1);
    expect(c['person.answered']).toBe(1);
    expect(c['org.attended']).toBe(1);
    expect(c['org.feedback']).toBe(1);
    expect(c['person.feedback']).toBe(1);
    expect(c['org.answered.type.company']).toBe(1);
    expect(c[`theme.${themeA}`]).toBe(2);
    expect(c[`theme.${themeB}`]).toBe(1);
    expect(c.answers).toBe(2);
  });

  it('keeps an engagement with the organisation the contact engaged for when the contact moves', async () => {
    // Prepare: a contact of organisation A, invited and answering the first event
    const { programme, events } = await programmeWithEvents(2);
    const before = `org-a-${randomUUID()}`;
    const after = `org-b-${randomUUID()}`;
    const [contactId] = (await invitedContacts(runtime, events[0] as Meeting, 1, {
      prefix: `mover-${randomUUID().slice(0, 8)}`,
      organisationId: before,
    })) as [string];
    await answer(events[0] as Meeting, contactId, attend, { actor: `contact:${contactId}` });
    await settledCounters(programme.programmeId, { 'org.answered': 1 });

    // Act: the contact moves to organisation B, is invited to the second event for B and answers
    await documentClient.send(
      new UpdateCommand({
        TableName: runtime.tableName,
        Key: contactKey(tenantId, contactId),
        UpdateExpression: 'SET organisationId = :o',
        ExpressionAttributeValues: { ':o': after },
      }),
    );
    await ensureInvitation({
      tenantId,
      eventId: (events[1] as Meeting).eventId,
      contactId,
      organisationId: after,
      organisationType: 'other',
    });
    await answer(events[1] as Meeting, contactId, attend, { actor: `contact:${contactId}` });

    // Assess: both organisations engaged (A's answer stays A's), the person once
    const c = await settledCounters(programme.programmeId, { 'org.answered': 2, 'org.invited': 2 });
    expect(c['org.invited']).toBe(2);
    expect(c['org.answered']).toBe(2);
    expect(c['person.invited']).toBe(1);
    expect(c['person.answered']).toBe(1);
  });

  it('counts a catalogue event delivered twice once', async () => {
    // Prepare: an event of the programme and the details of one organisation's engagements
    const { programme, events } = await programmeWithEvents(1);
    const eventId = (events[0] as Meeting).eventId;
    const organisationId = `org-${randomUUID()}`;
    const contactId = `c-${randomUUID()}`;
    const at = new Date().toISOString();
    await contactsExist([contactId]);
    const engagements = [
      { contract: InvitationCreated, detail: { tenantId, eventId, contactId, organisationId, at } },
      {
        contract: InvitationAnswered,
        detail: {
          tenantId,
          eventId,
          contactId,
          invitationVersion: 2,
          status: 'declined',
          seats: 0,
          releasedSeats: 0,
          organisationId,
          at,
          actor: 'contact:x',
        },
      },
      {
        contract: FeedbackAnswered,
        detail: {
          tenantId,
          formId: 'f',
          answerId: 'a-1',
          attributed: true,
          questionsVersion: 1,
          edit: false,
          programmeId: programme.programmeId,
          themeIds: [],
          at,
          contactId,
          organisationId,
        },
      },
    ];

    // Act: each delivered twice in one batch, then the whole batch again
    await deliver([...engagements, ...engagements]);
    await deliver(engagements);

    // Assess
    const c = await counters(programme.programmeId);
    expect(c['org.invited']).toBe(1);
    expect(c['org.answered']).toBe(1);
    expect(c['org.feedback']).toBe(1);
    expect(c['person.answered']).toBe(1);
    expect(c.answers).toBe(1);
    expect(c[`month.${at.slice(0, 7)}.invited`]).toBe(1);
  });

  it('gives the same counts for any order and duplication of deliveries', async () => {
    const { programme, events } = await programmeWithEvents(2);
    const eventIds = events.map((e) => e.eventId);
    const at = new Date().toISOString();
    const engagement = fc.record({
      stage: fc.constantFrom('invited', 'answered', 'attended'),
      organisation: fc.integer({ min: 0, max: 2 }),
      contact: fc.integer({ min: 0, max: 3 }),
      event: fc.integer({ min: 0, max: 1 }),
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(engagement, { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        async (facts, repeats) => {
          // Each run counts into its own organisations and people (the programme is shared).
          run += 1;
          const org = (n: number) => `prop-${run}-org-${n}`;
          const person = (n: number) => `prop-${run}-c-${n}`;
          const detailOf = (f: (typeof facts)[number]) => {
            const base = {
              tenantId,
              eventId: eventIds[f.event] as string,
              contactId: person(f.contact),
              organisationId: org(f.organisation),
              at,
            };
            if (f.stage === 'invited') return { contract: InvitationCreated, detail: base };
            if (f.stage === 'attended')
              return { contract: AttendanceMarked, detail: { ...base, attended: true } };
            return {
              contract: InvitationAnswered,
              detail: {
                ...base,
                invitationVersion: 2,
                status: 'attending',
                seats: 1,
                releasedSeats: 0,
                actor: 'contact:x',
              },
            };
          };
          const deliveries = [
            ...facts.map(detailOf),
            ...repeats.map((r) => detailOf(facts[r % facts.length] as (typeof facts)[number])),
          ].reverse();
          await contactsExist(facts.map((f) => person(f.contact)));
          const before = await counters(programme.programmeId);
          await deliver(deliveries);
          const c = await counters(programme.programmeId);
          for (const stage of ['invited', 'answered', 'attended'] as const) {
            const of = facts.filter((f) => f.stage === stage);
            expect((c[`org.${stage}`] ?? 0) - (before[`org.${stage}`] ?? 0)).toBe(
              new Set(of.map((f) => f.organisation)).size,
            );
            expect((c[`person.${stage}`] ?? 0) - (before[`person.${stage}`] ?? 0)).toBe(
              new Set(of.map((f) => f.contact)).size,
            );
          }
        },
      ),
      { numRuns: 15 },
    );
  });
});
