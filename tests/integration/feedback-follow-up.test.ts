import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.js';
import type { Form } from '../../shared/feedback/form.js';
import { MeetingEnded, MeetingReminderDue } from '../../shared/meetings/events.js';
import type { Meeting } from '../../shared/meetings/meeting.js';
import { countersKey, eventKey, invitationKey } from '../../shared/meetings/store.js';
import { documentClient } from '../../shared/platform/aws/clients.js';
import { emit, pendingEvent } from '../../shared/platform/bus/outbox.js';
import { invitedContacts, publishedEvent } from '../event-helpers.js';
import { staffClient, waitFor } from '../helpers.js';
import { mailbox, recipientOf, type StoredMail } from '../mail-helpers.js';

/**
 * The follow-up after an event against the local runtime: MeetingEnded (delivered twice) mails
 * attendees the thank-you and the absent the "we missed you", each once, with a link that opens
 * their own form; a form with follow-up off, or another event's form, sends nothing.
 */

let runtime: LocalRuntime;
let admin: Awaited<ReturnType<typeof staffClient>>;
let programmeId: string;

beforeAll(async () => {
  // The schedule dispatcher ticks every half second, so a follow-up due in seconds fires in seconds.
  runtime = await startLocalRuntime({ seed: true, log: () => {}, scheduleIntervalMs: 500 });
  admin = await staffClient(runtime, 'staff-hlm-anna');
  programmeId = ((await admin.call('GET', '/api/programmes')).json.items as { programmeId: string }[])[0]
    ?.programmeId as string;
});
afterAll(async () => {
  await runtime?.stop();
});

async function setInvitation(event: Meeting, contactId: string, status: string, attended?: boolean) {
  await documentClient.send(
    new UpdateCommand({
      TableName: runtime.tableName,
      Key: invitationKey(event.tenantId, event.eventId, contactId),
      UpdateExpression: attended === undefined ? 'SET #s = :s' : 'SET #s = :s, attended = :a',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':s': status, ...(attended === undefined ? {} : { ':a': attended }) },
    }),
  );
  if (attended) {
    await documentClient.send(
      new UpdateCommand({
        TableName: runtime.tableName,
        Key: countersKey(event.tenantId, event.eventId),
        UpdateExpression: 'ADD attended :one',
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
  }
}

async function attachForm(event: Meeting, followUp: Record<string, unknown>): Promise<Form> {
  const response = await admin.call('POST', '/api/forms', {
    programmeId,
    eventId: event.eventId,
    title: { sv: 'Vad tyckte du om dialoglunchen?' },
    language: 'sv',
    questions: [{ id: 'betyg', type: 'rating', label: { sv: 'Betyg' }, required: true }],
    followUp,
  });
  expect(response.status, response.text).toBe(201);
  return response.json as unknown as Form;
}

/** An event that ended an hour ago (its end is what MeetingEnded is scheduled for). */
const past = (title: string) => {
  const hour = 3_600_000;
  return publishedEvent('hassleholm', {
    title,
    start: new Date(Date.now() - 3 * hour).toISOString(),
    end: new Date(Date.now() - hour).toISOString(),
    rsvpDeadline: new Date(Date.now() - 48 * hour).toISOString(),
  });
};

const ended = (event: Meeting) =>
  pendingEvent(MeetingEnded, { tenantId: event.tenantId, eventId: event.eventId, end: event.end });

async function mailsTo(prefix: string) {
  return (await mailbox(runtime)).filter((m) => recipientOf(m).startsWith(prefix));
}

describe('follow-up after an event', () => {
  it('mails attendees thanks and the absent "we missed you", once each, even when the end is delivered twice', async () => {
    const event = await past('Dialoglunch om infrastruktur');
    const [present, absentYes, silent, declined, waitlisted] = await invitedContacts(runtime, event, 5, {
      prefix: 'fu-a',
    });
    await setInvitation(event, present as string, 'attending', true);
    await setInvitation(event, absentYes as string, 'attending');
    await setInvitation(event, declined as string, 'declined');
    await setInvitation(event, waitlisted as string, 'waitlisted');
    const form = await attachForm(event, {
      enabled: true,
      delayMinutes: 0,
      thankYouText: { sv: 'Tack för i dag! <b>Hälsningar</b>' },
    });

    // The end, delivered twice (two outbox items: the bus sees it twice).
    await emit('hassleholm', [ended(event)]);
    await emit('hassleholm', [ended(event)]);

    await waitFor(async () => (await mailsTo('fu-a-')).length >= 3, 30_000, 'three follow-up mails');
    // Room for a duplicate to arrive, if one were coming.
    await new Promise((r) => setTimeout(r, 3000));
    const mails = await mailsTo('fu-a-');
    const byRecipient = new Map(mails.map((m) => [recipientOf(m), m]));
    expect(mails).toHaveLength(3);
    expect([...byRecipient.keys()].sort()).toEqual(
      [`${present}@foretag.example`, `${absentYes}@foretag.example`, `${silent}@foretag.example`].sort(),
    );
    const thanks = byRecipient.get(`${present}@foretag.example`);
    expect(thanks?.subject).toBe('Tack för att du kom: Dialoglunch om infrastruktur');
    expect(thanks?.body.html).toContain('Tack för i dag! &lt;b>Hälsningar&lt;/b>');
    expect(byRecipient.get(`${absentYes}@foretag.example`)?.subject).toBe(
      'Vi saknade dig: Dialoglunch om infrastruktur',
    );
    expect(byRecipient.get(`${silent}@foretag.example`)?.subject).toBe(
      'Vi saknade dig: Dialoglunch om infrastruktur',
    );

    // The link opens the recipient's own form.
    const link = /(http:\/\/[^\s"<]+\/feedback\/[A-Za-z0-9_.-]+)/.exec(thanks?.body.text ?? '')?.[1];
    expect(link).toBeDefined();
    const page = await fetch(link as string);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Vad tyckte du om dialoglunchen?');

    // FollowUpQueued once, with the counts.
    await waitFor(
      () =>
        runtime.bus.published.some(
          (e) =>
            e['detail-type'] === 'FollowUpQueued' && (e.detail as { formId?: string }).formId === form.formId,
        ),
      20_000,
      'FollowUpQueued',
    );
    const queued = runtime.bus.published.filter(
      (e) =>
        e['detail-type'] === 'FollowUpQueued' && (e.detail as { formId?: string }).formId === form.formId,
    );
    expect(queued).toHaveLength(1);
    expect(queued[0]?.detail).toMatchObject({ thanked: 1, missed: 2 });
  });

  it('thanks everyone attending when attendance was not taken; nothing when follow-up is off', async () => {
    const event = await past('Workshop utan närvaro');
    const [a, b] = await invitedContacts(runtime, event, 2, { prefix: 'fu-b' });
    await setInvitation(event, a as string, 'attending');
    await setInvitation(event, b as string, 'attending');
    await attachForm(event, { enabled: true, delayMinutes: 0 });
    const quiet = await past('Tyst seminarium');
    const [c] = await invitedContacts(runtime, quiet, 1, { prefix: 'fu-c' });
    await setInvitation(quiet, c as string, 'attending');
    await attachForm(quiet, { enabled: false });

    await emit('hassleholm', [ended(event), ended(quiet)]);
    await waitFor(async () => (await mailsTo('fu-b-')).length >= 2, 30_000, 'two thank-you mails');
    await new Promise((r) => setTimeout(r, 2000));
    const mails = await mailsTo('fu-b-');
    expect(mails.map((m) => m.subject)).toEqual([
      'Tack för att du kom: Workshop utan närvaro',
      'Tack för att du kom: Workshop utan närvaro',
    ]);
    expect(await mailsTo('fu-c-')).toHaveLength(0);
  });

  it('schedules a delayed follow-up once (a fixed schedule id), and ignores an end the event has moved from', async () => {
    const event = await past('Senare uppföljning');
    const [a] = await invitedContacts(runtime, event, 1, { prefix: 'fu-d' });
    await setInvitation(event, a as string, 'attending');
    const form = await attachForm(event, { enabled: true, delayMinutes: 24 * 60 });
    await emit('hassleholm', [ended(event), ended(event)]);
    const moved = pendingEvent(MeetingEnded, {
      tenantId: event.tenantId,
      eventId: event.eventId,
      end: new Date(Date.parse(event.end) - 3_600_000).toISOString(),
    });
    await emit('hassleholm', [moved]);
    const scheduleId = `feedback-follow-up-${form.formId}-${event.eventId}`;
    const schedule = await waitFor(
      async () => {
        const { Items } = await documentClient.send(
          new QueryCommand({
            TableName: runtime.tableName,
            KeyConditionExpression: 'pk = :pk AND sk = :sk',
            ExpressionAttributeValues: { ':pk': 'T#hassleholm', ':sk': `SCHEDULE#${scheduleId}` },
          }),
        );
        return Items?.[0];
      },
      20_000,
      'the follow-up schedule',
    );
    expect(schedule).toMatchObject({
      eventName: 'feedback.follow-up-due',
      dueAt: new Date(Date.parse(event.end) + 24 * 3_600_000).toISOString(),
    });
    await new Promise((r) => setTimeout(r, 2000));
    expect(await mailsTo('fu-d-')).toHaveLength(0);
  });

  it('sends a delayed follow-up when its schedule comes due, once, though the end came twice', async () => {
    const hour = 3_600_000;
    const event = await publishedEvent('hassleholm', {
      title: 'Uppföljning efter en minut',
      start: new Date(Date.now() - hour).toISOString(),
      end: new Date(Date.now() - 45_000).toISOString(),
      rsvpDeadline: new Date(Date.now() - 48 * hour).toISOString(),
    });
    const [a] = await invitedContacts(runtime, event, 1, { prefix: 'fu-e' });
    await setInvitation(event, a as string, 'attending');
    await attachForm(event, { enabled: true, delayMinutes: 1 });
    await emit('hassleholm', [ended(event)]);
    await emit('hassleholm', [ended(event)]);
    // Not before it is due (15 s from now)…
    await new Promise((r) => setTimeout(r, 5000));
    expect(await mailsTo('fu-e-')).toHaveLength(0);
    // …then once.
    await waitFor(async () => (await mailsTo('fu-e-')).length >= 1, 40_000, 'the delayed thank-you');
    await new Promise((r) => setTimeout(r, 3000));
    expect((await mailsTo('fu-e-')).map((m) => m.subject)).toEqual([
      'Tack för att du kom: Uppföljning efter en minut',
    ]);
  });
});

describe('feedback links in the invitation and its reminder', () => {
  const future = (title: string) => {
    const day = 86_400_000;
    return publishedEvent('hassleholm', {
      title,
      start: new Date(Date.now() + 10 * day).toISOString(),
      end: new Date(Date.now() + 10 * day + 7_200_000).toISOString(),
      rsvpDeadline: new Date(Date.now() + 7 * day).toISOString(),
    });
  };
  const feedbackLinkIn = (text: string | undefined) =>
    /(http:\/\/[^\s"<]+\/feedback\/[A-Za-z0-9_.-]+)/.exec(text ?? '')?.[1];

  it("gives each invitee their own link to the event's open form, and none when the event has no form", async () => {
    const withForm = await future('Workshop om kompetensförsörjning');
    const withoutForm = await future('Frukostmöte utan enkät');
    await attachForm(withForm, { enabled: false });
    const [first, second] = await invitedContacts(runtime, withForm, 2, { prefix: 'fl-a' });
    const [other] = await invitedContacts(runtime, withoutForm, 1, { prefix: 'fl-b' });

    for (const [event, contactIds] of [
      [withForm, [first, second]],
      [withoutForm, [other]],
    ] as const) {
      const sent = await admin.call('POST', `/api/events/${event.eventId}/invitations`, {
        audience: { kind: 'contacts', contactIds },
      });
      expect(sent.status, sent.text).toBe(202);
    }
    await waitFor(async () => (await mailsTo('fl-')).length >= 3, 30_000, 'three invitations');

    const mails = await mailsTo('fl-');
    const to = (id: string | undefined) => mails.find((m) => recipientOf(m) === `${id}@foretag.example`);
    const links = [first, second].map((id) => feedbackLinkIn(to(id)?.body.text));
    expect(links[0]).toBeDefined();
    expect(links[1]).toBeDefined();
    // Each invitee's own link (signed for their contact id), in the HTML part too.
    expect(links[0]).not.toBe(links[1]);
    expect(to(first)?.body.html).toContain(links[0]);
    expect(to(first)?.body.text).toContain('Lämna dina synpunkter');
    expect(feedbackLinkIn(to(other)?.body.text)).toBeUndefined();
    expect(to(other)?.body.text).not.toContain('Lämna dina synpunkter');

    // The link opens the form as the invitee's own, attributed answer.
    const page = await fetch(links[0] as string);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('Vad tyckte du om dialoglunchen?');
    expect(html).toContain('Ditt svar sparas med ditt namn');
  });

  it('puts the link in the reminder to those who have not answered, and not after the form closed', async () => {
    const event = await future('Dialogmöte om infrastruktur');
    const form = await attachForm(event, { enabled: false });
    const [silent] = await invitedContacts(runtime, event, 1, { prefix: 'fl-c' });
    const reminder = (sequence: number) =>
      pendingEvent(MeetingReminderDue, {
        tenantId: event.tenantId,
        eventId: event.eventId,
        reminder: 'non-responders',
        sequence,
      });

    await emit('hassleholm', [reminder(event.sequence)]);
    await waitFor(async () => (await mailsTo('fl-c-')).length >= 1, 30_000, 'the reminder');
    expect(feedbackLinkIn((await mailsTo('fl-c-'))[0]?.body.text)).toBeDefined();

    // Closed: the next reminder (after a move: a new sequence) carries no link.
    const closed = await admin.call('POST', `/api/forms/${form.formId}/close`);
    expect(closed.status, closed.text).toBeLessThan(300);
    await documentClient.send(
      new UpdateCommand({
        TableName: runtime.tableName,
        Key: eventKey(event.tenantId, event.eventId),
        UpdateExpression: 'SET #seq = #seq + :one',
        ExpressionAttributeNames: { '#seq': 'sequence' },
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
    await emit('hassleholm', [reminder(event.sequence + 1)]);
    await waitFor(async () => (await mailsTo('fl-c-')).length >= 2, 30_000, 'the second reminder');
    const second = (await mailsTo('fl-c-')).find((m) => !feedbackLinkIn(m.body.text));
    expect(second, 'a reminder without a feedback link').toBeDefined();
    expect(recipientOf(second as StoredMail)).toBe(`${silent}@foretag.example`);
  });
});
