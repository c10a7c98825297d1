import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.js';
import { getCounters, getInvitation, listInvitations, waitlist } from '../../shared/meetings/store.js';
import { invitedContacts, postRsvp, publishedEvent, rsvpToken } from '../event-helpers.js';
import { waitFor } from '../helpers.js';
import { mailbox, recipientOf } from '../mail-helpers.js';

let runtime: LocalRuntime;

beforeAll(async () => {
  runtime = await startLocalRuntime({ seed: true, log: () => {}, sesSendRate: 300, queueIdleDelayMs: 50 });
});
afterAll(async () => {
  await runtime?.stop();
});

describe('capacity and waitlist under concurrency', () => {
  it('gives 50 seats to 50 of 200 concurrent answers and waitlists the other 150; 10 cancellations promote the first 10 in order, each mailed', async () => {
    const event = await publishedEvent('hassleholm', { capacity: 50, seatLimitPerOrganisation: 1 });
    const contacts = await invitedContacts(runtime, event, 200, { prefix: `c${Date.now()}` });
    const tokens = new Map(
      await Promise.all(contacts.map(async (id) => [id, await rsvpToken(event, id)] as const)),
    );

    // Act: 200 answers at once, through the HTTP server as browsers would send them.
    const results = await Promise.all(
      contacts.map((id) =>
        postRsvp(runtime, tokens.get(id) as string, {
          answer: 'attend',
          seats: '1',
          dietary: ['vegetarian'],
        }),
      ),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);

    const counters = await getCounters(event.tenantId, event.eventId);
    expect(counters).toMatchObject({ attending: 50, attendingSeats: 50, waitlisted: 150, invited: 200 });
    expect(counters.dietary.vegetarian).toBe(50);
    const all = (await listInvitations(event.tenantId, event.eventId, { limit: 500 })).items;
    expect(all.filter((i) => i.status === 'attending')).toHaveLength(50);
    expect(all.filter((i) => i.status === 'waitlisted')).toHaveLength(150);

    // Ten attendees cancel at once.
    const order = await waitlist(event.tenantId, event.eventId, 150);
    expect(order).toHaveLength(150);
    const firstTen = order.slice(0, 10).map((w) => w.contactId);
    const leaving = all
      .filter((i) => i.status === 'attending')
      .slice(0, 10)
      .map((i) => i.contactId);
    const cancels = await Promise.all(
      leaving.map((id) => postRsvp(runtime, tokens.get(id) as string, { answer: 'decline' })),
    );
    expect(cancels.every((r) => r.status === 200)).toBe(true);

    // The freed seats go to the waitlist as a reaction to SeatsReleased (outbox → bus → meeting-reactions).
    const after = await waitFor(
      async () => {
        const counters = await getCounters(event.tenantId, event.eventId);
        return counters.attending === 50 ? counters : undefined;
      },
      30_000,
      'the waitlist to fill the ten freed seats',
    );
    expect(after).toMatchObject({ attending: 50, attendingSeats: 50, waitlisted: 140, declined: 10 });
    for (const id of firstTen)
      expect((await getInvitation(event.tenantId, event.eventId, id))?.status).toBe('attending');
    // Each promoted contact is told, with the calendar entry.
    await waitFor(
      async () => {
        const promotedMails = (await mailbox(runtime)).filter(
          (m) => firstTen.includes(recipientOf(m).split('@')[0] ?? '') && /plats|seat/i.test(m.subject),
        );
        return new Set(promotedMails.map(recipientOf)).size === 10 ? true : undefined;
      },
      30_000,
      'the ten promotion mails',
    );
  }, 120_000);

  it('holds the per-organisation limit under concurrency', async () => {
    const event = await publishedEvent('hassleholm', { capacity: 40, seatLimitPerOrganisation: 2 });
    const contacts = await invitedContacts(runtime, event, 6, {
      prefix: `org${Date.now()}`,
      organisationId: `shared-org-${Date.now()}`,
    });
    const results = await Promise.all(
      contacts.map(async (id) =>
        postRsvp(runtime, await rsvpToken(event, id), { answer: 'attend', seats: '1' }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(2);
    expect(results.filter((r) => r.status === 409)).toHaveLength(4);
    const counters = await getCounters(event.tenantId, event.eventId);
    expect(counters.attendingSeats).toBe(2);
  });
});

describe('answers that must be refused', () => {
  it('refuses an answer after the deadline, stating the deadline, and saves nothing', async () => {
    const start = Date.now() + 2 * 86_400_000;
    const event = await publishedEvent('hassleholm', {
      start: new Date(start).toISOString(),
      end: new Date(start + 3_600_000).toISOString(),
      rsvpDeadline: new Date(Date.now() - 3_600_000).toISOString(),
    });
    const [id] = await invitedContacts(runtime, event, 1, { prefix: `late${Date.now()}` });
    const response = await postRsvp(runtime, await rsvpToken(event, id as string), {
      answer: 'attend',
      seats: '1',
    });
    expect(response.status).toBe(409);
    expect(response.html).toMatch(/Sista dag att svara var/);
    expect((await getInvitation(event.tenantId, event.eventId, id as string))?.status).toBe('invited');
  });

  it('answers altered, unknown and other-purpose tokens with the same page', async () => {
    const event = await publishedEvent('hassleholm');
    const [id] = await invitedContacts(runtime, event, 1, { prefix: `tok${Date.now()}` });
    const good = await rsvpToken(event, id as string);
    const altered = `${good.slice(0, -3)}${good.endsWith('A') ? 'B' : 'A'}xy`;
    const pages = await Promise.all(
      [altered, 'unknown-token', `${good}x`].map((t) => fetch(`${runtime.url}/rsvp/${t}`)),
    );
    const bodies = await Promise.all(pages.map((p) => p.text()));
    expect(pages.map((p) => p.status)).toEqual([404, 404, 404]);
    const strip = (html: string) => html.replace(/<input[^>]*>/g, '');
    expect(new Set(bodies.map(strip)).size).toBe(1);
    expect((await fetch(`${runtime.url}/rsvp/${good}`)).status).toBe(200);
  });

  it('comes back with the fields marked and nothing saved when the form is invalid', async () => {
    const event = await publishedEvent('hassleholm', { seatLimitPerOrganisation: 2 });
    const [id] = await invitedContacts(runtime, event, 1, { prefix: `bad${Date.now()}` });
    const token = await rsvpToken(event, id as string);
    const missing = await postRsvp(runtime, token, { seats: '1' });
    expect(missing.status).toBe(422);
    expect(missing.html).toMatch(/aria-invalid="true"/);
    const tooMany = await postRsvp(runtime, token, { answer: 'attend', seats: '5' });
    expect(tooMany.status).toBe(422);
    expect(tooMany.html).toContain('Högst 2');
    expect((await getInvitation(event.tenantId, event.eventId, id as string))?.status).toBe('invited');
    const counters = await getCounters(event.tenantId, event.eventId);
    expect(counters.attending + counters.declined + counters.waitlisted).toBe(0);
  });
});

describe('the answer flow', () => {
  it('confirms an answer with a calendar invitation, counts the opening once, and lets the answer change until the deadline', async () => {
    const event = await publishedEvent('hassleholm');
    const [id] = await invitedContacts(runtime, event, 1, { prefix: `flow${Date.now()}` });
    const token = await rsvpToken(event, id as string);
    await fetch(`${runtime.url}/rsvp/${token}`);
    await fetch(`${runtime.url}/rsvp/${token}`);
    expect((await getCounters(event.tenantId, event.eventId)).opened).toBe(1);
    const yes = await postRsvp(runtime, token, {
      answer: 'attend',
      seats: '2',
      names: 'Anna Ek\nBo Lind',
      dietary: ['gluten-free'],
    });
    expect(yes.status).toBe(200);
    expect(yes.html).toContain('Du är anmäld');
    expect(yes.html).toContain('calendar.google.com');
    const mail = await waitFor(
      async () => (await mailbox(runtime)).find((m) => recipientOf(m) === `${id}@foretag.example`),
      15_000,
      'the confirmation',
    );
    expect(JSON.stringify(mail.attachments)).toContain('text/calendar');
    const ics = await fetch(`${runtime.url}/rsvp/${token}/calendar.ics`);
    expect(ics.status).toBe(200);
    const text = await ics.text();
    expect(text).toContain(`UID:${event.eventId}@samverkan`);
    expect(text).toContain('METHOD:REQUEST');
    const no = await postRsvp(runtime, token, { answer: 'decline' });
    expect(no.status).toBe(200);
    const counters = await getCounters(event.tenantId, event.eventId);
    expect(counters).toMatchObject({ attending: 0, attendingSeats: 0, declined: 1 });
    expect(counters.dietary['gluten-free'] ?? 0).toBe(0);
  });
});

describe('calendar updates', () => {
  it('sends a moved event as an .ics with the same UID and a higher SEQUENCE, and a cancellation as METHOD:CANCEL', async () => {
    const { staffClient } = await import('../helpers.js');
    const event = await publishedEvent('hassleholm');
    const [id] = await invitedContacts(runtime, event, 1, { prefix: `cal${Date.now()}` });
    const address = `${id}@foretag.example`;
    expect(
      (await postRsvp(runtime, await rsvpToken(event, id as string), { answer: 'attend', seats: '1' }))
        .status,
    ).toBe(200);
    const icsOf = (mail: { attachments?: unknown[] }) =>
      Buffer.from(
        String((mail.attachments?.[0] as { content?: string } | undefined)?.content ?? ''),
        'base64',
      ).toString('utf8');
    const mailsTo = async () => (await mailbox(runtime)).filter((m) => recipientOf(m) === address);
    const confirmation = await waitFor(async () => (await mailsTo())[0], 15_000, 'the confirmation');
    const first = icsOf(confirmation);
    expect(first).toContain(`UID:${event.eventId}@samverkan`);
    expect(first).toMatch(/SEQUENCE:0/);

    // Staff move the event an hour later through the API.
    const staff = await staffClient(runtime, 'staff-hlm-anna');
    const hour = 3_600_000;
    const { eventId, tenantId, status, sequence, version, createdAt, updatedAt, ...input } = event;
    void [eventId, tenantId, status, sequence, createdAt, updatedAt];
    const moved = await staff.call('PUT', `/api/events/${event.eventId}`, {
      ...input,
      start: new Date(Date.parse(event.start) + hour).toISOString(),
      end: new Date(Date.parse(event.end) + hour).toISOString(),
      expectedVersion: version,
    });
    expect(moved.status, moved.text).toBe(200);
    const update = await waitFor(
      async () => (await mailsTo()).find((m) => icsOf(m).includes('SEQUENCE:1')),
      20_000,
      'the update',
    );
    const updated = icsOf(update);
    expect(updated).toContain(`UID:${event.eventId}@samverkan`);
    expect(updated).toContain('METHOD:REQUEST');

    const cancelled = await staff.call('POST', `/api/events/${event.eventId}/cancel`, {
      message: 'Vi återkommer med nytt datum.',
    });
    expect(cancelled.status, cancelled.text).toBe(200);
    const cancellation = await waitFor(
      async () => (await mailsTo()).find((m) => icsOf(m).includes('METHOD:CANCEL')),
      20_000,
      'the cancellation',
    );
    expect(icsOf(cancellation)).toContain(`UID:${event.eventId}@samverkan`);
  });
});

describe('before sending invitations', () => {
  it('previews the invitation in each language and sends a test to the staff member only', async () => {
    const { staffClient } = await import('../helpers.js');
    const staff = await staffClient(runtime, 'staff-hlm-anna');
    const event = await publishedEvent('hassleholm', { title: `Förhandsvisning ${Date.now()}` });
    const preview = await staff.call('POST', `/api/events/${event.eventId}/invitations/preview`, {
      markdownIntro: 'Hej **alla**!',
    });
    expect(preview.status, preview.text).toBe(200);
    const previews = preview.json.previews as {
      language: string;
      subject: string;
      html: string;
      text: string;
    }[];
    expect(previews.map((p) => p.language)).toEqual(['sv', 'da', 'en']);
    for (const p of previews) {
      expect(p.html).toContain(`lang="${p.language}"`);
      expect(p.text).toContain(event.title);
    }
    const before = (await mailbox(runtime)).length;
    const test = await staff.call('POST', `/api/events/${event.eventId}/invitations/test`, {});
    expect(test.status, test.text).toBe(202);
    expect(test.json.sentTo).toBe('anna.lindqvist@hassleholm.example');
    const mails = await waitFor(
      async () => {
        const all = await mailbox(runtime);
        return all.length > before ? all.slice(before) : undefined;
      },
      10_000,
      'the test mail',
    );
    expect(mails).toHaveLength(1);
    expect(recipientOf(mails[0] as never)).toBe('anna.lindqvist@hassleholm.example');
    expect(mails[0]?.subject).toMatch(/^\[TEST\] /);
    // Nobody was invited by it.
    expect((await getCounters(event.tenantId, event.eventId)).invited).toBe(0);
  });
});
