import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.js';
import { getCampaign } from '../../shared/mail/store/campaigns.js';
import { getCounters, getInvitation } from '../../shared/meetings/store.js';
import { unpublishedSince } from '../../shared/platform/bus/outbox.js';
import { eventInput, invitedContacts, postRsvp, publishedEvent, rsvpToken } from '../event-helpers.js';
import { staffClient, waitFor } from '../helpers.js';
import { addContacts, announcement, mailbox, recipientOf } from '../mail-helpers.js';

/**
 * The transactional outbox: a state change and its events are one DynamoDB transaction, and the
 * table's stream carries the events to the bus. These tests break the path between the two.
 */

const programme = (name: string) => ({ name, language: 'sv', themes: [{ title: 'Kompetensförsörjning' }] });

// First: whether DynamoDB goes through the runtime's fault injector is decided once per process.
// These hold because each command is one TransactWriteItems: the SDK retries it with the same
// ClientRequestToken, and DynamoDB answers a repeated token with the first outcome.
describe('a command repeated after an ambiguous failure', () => {
  let runtime: LocalRuntime;
  beforeAll(async () => {
    runtime = await startLocalRuntime({
      seed: true,
      log: () => {},
      faultInjection: true,
    });
  });
  afterAll(async () => {
    await runtime?.stop();
  });

  it('answers 202 to "send campaign" when its own write was applied but answered with an error, and mails once', async () => {
    const tag = `ambiguous-${Date.now()}`;
    await addContacts(
      runtime,
      'hassleholm',
      [1, 2, 3].map((i) => ({
        contactId: `${tag}-${i}`,
        email: `k${i}.${tag}@foretag.example`,
        tags: [tag],
      })),
    );
    const staff = await staffClient(runtime, 'staff-hlm-anna');
    const created = await staff.call('POST', '/api/campaigns', {
      name: 'Tvetydigt svar',
      content: announcement('Inbjudan till dialoglunch'),
      audience: { kind: 'tags', tags: [tag] },
    });
    expect(created.status).toBe(201);
    const campaignId = created.json.campaignId as string;

    // Act: the send's first write reaches DynamoDB, but its answer is a 500 (the SDK retries).
    runtime.faults.dynamoFailAfterApplying.push(campaignId);
    const sent = await staff.call('POST', `/api/campaigns/${campaignId}/send`);

    // Assess: the same answer as an undisturbed send, and every contact mailed exactly once.
    expect(runtime.faults.dynamoFailAfterApplying).toEqual([]);
    expect(sent.status).toBe(202);
    await waitFor(
      async () => {
        const ours = (await mailbox(runtime)).filter((m) => recipientOf(m).includes(tag));
        return ours.length >= 3 ? true : undefined;
      },
      30_000,
      'the three mails',
    );
    await new Promise((r) => setTimeout(r, 2000));
    const ours = (await mailbox(runtime)).filter((m) => recipientOf(m).includes(tag));
    expect(ours.map(recipientOf).sort()).toEqual([1, 2, 3].map((i) => `k${i}.${tag}@foretag.example`));
    // Sent once, and finished (every delivery reached a final state).
    expect((await getCampaign('hassleholm', campaignId))?.status).toBe('sent');
    // A second, separate request is refused: the campaign has already gone out.
    expect((await staff.call('POST', `/api/campaigns/${campaignId}/send`)).status).toBe(409);
  }, 90_000);

  it('expands every page of a campaign when a page’s record was applied but answered with an error', async () => {
    // Prepare: three pages of recipients (a page is 100).
    const tag = `pages-${Date.now()}`;
    await addContacts(
      runtime,
      'hassleholm',
      Array.from({ length: 250 }, (_, i) => ({
        contactId: `${tag}-${i}`,
        email: `k${i}.${tag}@foretag.example`,
        tags: [tag],
      })),
    );
    const staff = await staffClient(runtime, 'staff-hlm-anna');
    const created = await staff.call('POST', '/api/campaigns', {
      name: 'Tre sidor',
      content: announcement('Tre sidor'),
      audience: { kind: 'tags', tags: [tag] },
    });
    const campaignId = created.json.campaignId as string;

    // Act: the first page's record reaches DynamoDB, but its answer is a 500 (the SDK retries it).
    runtime.faults.dynamoFailAfterApplying.push(':following');
    expect((await staff.call('POST', `/api/campaigns/${campaignId}/send`)).status).toBe(202);

    // Assess: the retry knows its own record, so the next pages follow; everyone mailed once.
    await waitFor(
      async () => ((await getCampaign('hassleholm', campaignId))?.status === 'sent' ? true : undefined),
      60_000,
      'the campaign to finish',
    );
    expect(runtime.faults.dynamoFailAfterApplying).toEqual([]);
    const ours = (await mailbox(runtime)).filter((m) => recipientOf(m).includes(tag));
    expect(new Set(ours.map(recipientOf)).size).toBe(250);
    expect(ours).toHaveLength(250);
  }, 90_000);

  it('publishes a meeting once when the publish write was applied but answered with an error', async () => {
    const staff = await staffClient(runtime, 'staff-hlm-anna');
    const created = await staff.call(
      'POST',
      '/api/events',
      eventInput({ title: 'Frukostmöte om kompetens' }),
    );
    expect(created.status, created.text).toBe(201);
    const eventId = created.json.eventId as string;

    runtime.faults.dynamoFailAfterApplying.push('EventPublished');
    const published = await staff.call('POST', `/api/events/${eventId}/publish`);

    expect(runtime.faults.dynamoFailAfterApplying).toEqual([]);
    expect(published.status, published.text).toBe(200);
    expect(published.json).toMatchObject({ status: 'published', version: 2 });
    await waitFor(() => busEvents(runtime, 'EventPublished', eventId).length > 0, 15_000, 'EventPublished');
    await new Promise((r) => setTimeout(r, 1500));
    expect(busEvents(runtime, 'EventPublished', eventId)).toHaveLength(1);
  }, 60_000);

  it('records an RSVP once when the answer was applied but answered with an error, and confirms it once', async () => {
    const event = await publishedEvent('hassleholm', { capacity: 10 });
    const [contactId] = await invitedContacts(runtime, event, 1, { prefix: `ambiguous${Date.now()}` });
    if (!contactId) throw new Error('no contact');
    const before = await getInvitation(event.tenantId, event.eventId, contactId);

    runtime.faults.dynamoFailAfterApplying.push(`answered-${event.eventId}-${contactId}-v`);
    const answered = await postRsvp(runtime, await rsvpToken(event, contactId), {
      answer: 'attend',
      seats: '1',
    });

    expect(runtime.faults.dynamoFailAfterApplying).toEqual([]);
    expect(answered.status).toBe(200);
    const after = await getInvitation(event.tenantId, event.eventId, contactId);
    expect(after).toMatchObject({ status: 'attending', version: (before?.version ?? 0) + 1 });
    expect((await getCounters(event.tenantId, event.eventId)).attendingSeats).toBe(1);
    const confirmations = async () =>
      (await mailbox(runtime)).filter((m) => recipientOf(m).startsWith(contactId));
    await waitFor(
      async () => ((await confirmations()).length > 0 ? true : undefined),
      30_000,
      'the confirmation',
    );
    await new Promise((r) => setTimeout(r, 2000));
    expect(busEvents(runtime, 'InvitationAnswered', event.eventId)).toHaveLength(1);
    expect(await confirmations()).toHaveLength(1);
  }, 60_000);
});

describe('an event written with its state change', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'samverkan-outbox-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('reaches the bus after a restart when the process died before relaying it', async () => {
    // Prepare: a runtime whose relay has stopped, as if the process died right after the write.
    const first = await startLocalRuntime({ dataDir, log: () => {} });
    let programmeId = '';
    try {
      await first.streamPollers.get('outbox-relay')?.stop();
      const staff = await staffClient(first, 'staff-hlm-anna');
      const created = await staff.call('POST', '/api/programmes', programme('Näringslivsprogram 2030'));
      expect(created.status).toBe(201);
      programmeId = created.json.programmeId as string;
      // The programme is saved; its event is in the table only.
      await new Promise((r) => setTimeout(r, 1000));
      expect(published(first, programmeId)).toHaveLength(0);
    } finally {
      await first.stop();
    }

    // Act: start again on the same data.
    const second = await startLocalRuntime({ dataDir, log: () => {} });
    try {
      // Assess: the event is relayed, once, and its consumer records it.
      await waitFor(() => published(second, programmeId).length > 0, 20_000, 'ProgrammeCreated on the bus');
      const staff = await staffClient(second, 'staff-hlm-anna');
      const entry = await waitFor(
        async () => {
          const items = (await staff.call('GET', '/api/activity')).json.items as {
            kind: string;
            subjectId: string;
          }[];
          return items.find((i) => i.kind === 'programme.created' && i.subjectId === programmeId);
        },
        20_000,
        'the programme in the activity feed',
      );
      expect(entry).toBeDefined();
      await new Promise((r) => setTimeout(r, 1000));
      expect(published(second, programmeId)).toHaveLength(1);
    } finally {
      await second.stop();
    }
  }, 120_000);
});

function busEvents(runtime: LocalRuntime, detailType: string, eventId: string) {
  return runtime.bus.published.filter(
    (e) => e['detail-type'] === detailType && (e.detail as { eventId?: string }).eventId === eventId,
  );
}

function published(runtime: LocalRuntime, programmeId: string) {
  return runtime.bus.published.filter(
    (e) =>
      e['detail-type'] === 'ProgrammeCreated' &&
      (e.detail as { programmeId?: string }).programmeId === programmeId,
  );
}

describe('an event the relay never published', () => {
  let runtime: LocalRuntime;
  beforeAll(async () => {
    runtime = await startLocalRuntime({ seed: true, log: () => {} });
  });
  afterAll(async () => {
    await runtime?.stop();
  });

  it('is written again by the outbox sweeper once it waited too long, and reaches the bus and its consumer once', async () => {
    // Prepare: a relay that takes its records and publishes nothing — a record given up on.
    const relay = runtime.functions.get('outbox-relay');
    if (!relay) throw new Error('no outbox relay');
    const relayForReal = relay.invoke;
    relay.invoke = async () => ({ batchItemFailures: [] });
    const staff = await staffClient(runtime, 'staff-hlm-anna');
    const created = await staff.call('POST', '/api/programmes', programme('Tappad händelse'));
    expect(created.status).toBe(201);
    const programmeId = created.json.programmeId as string;
    await new Promise((r) => setTimeout(r, 1500));
    relay.invoke = relayForReal;
    expect(published(runtime, programmeId)).toHaveLength(0);
    const sweeper = runtime.functions.get('outbox-sweeper');
    const sweepAt = (ms: number) =>
      sweeper?.invoke({
        'detail-type': 'Scheduled Event',
        source: 'aws.events',
        time: new Date(Date.now() + ms).toISOString(),
      });

    // Act 1: the sweeper's schedule now — the event has not waited two minutes: left alone.
    await sweepAt(0);
    await new Promise((r) => setTimeout(r, 1500));
    expect(published(runtime, programmeId)).toHaveLength(0);

    // Act 2: three minutes on — written again, relayed, consumed.
    await sweepAt(3 * 60_000);
    await waitFor(() => published(runtime, programmeId).length > 0, 20_000, 'ProgrammeCreated on the bus');
    const activity = async () =>
      ((await staff.call('GET', '/api/activity')).json.items as { kind: string; subjectId: string }[]).filter(
        (i) => i.kind === 'programme.created' && i.subjectId === programmeId,
      );
    await waitFor(
      async () => ((await activity()).length > 0 ? true : undefined),
      20_000,
      'the activity entry',
    );

    // Assess: once, and nothing left pending — a later sweep does nothing more.
    await sweepAt(6 * 60_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(published(runtime, programmeId)).toHaveLength(1);
    expect(await activity()).toHaveLength(1);
    expect(await unpublishedSince(new Date(Date.now() + 3_600_000).toISOString())).toEqual([]);
  }, 90_000);
});
