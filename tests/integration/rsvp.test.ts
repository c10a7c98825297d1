import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.js';
import { currentSandbox } from '../../infra/local/sandbox.js';
import { directoryPersonalData } from '../../shared/directory/index.js';
import { getContact } from '../../shared/directory/store/contacts.js';
import { createContact, emailGuardKey } from '../../shared/directory/store/organisations.js';
import { getCampaign, idFromKey } from '../../shared/mail/index.js';
import { erasedKey, suppress } from '../../shared/mail/store/suppressions.js';
import { getRegistration } from '../../shared/meetings/actions/registration-items.js';
import { eraseMeetingsPerson, meetingsPersonalData } from '../../shared/meetings/index.js';
import type { Meeting } from '../../shared/meetings/meeting.js';
import {
  CONFIRMATION_RESEND_SECONDS,
  registrationIdOf,
  registrationPath,
} from '../../shared/meetings/registration.js';
import {
  createEvent,
  ensureInvitation,
  getCounters,
  getInvitation,
  listInvitations,
  waitlist,
  waitlistPosition,
} from '../../shared/meetings/store.js';
import { rsvpTexts } from '../../shared/meetings/texts/rsvp.js';
import { documentClient } from '../../shared/platform/aws/clients.js';
import {
  eventInput,
  invitedContacts,
  postRsvp,
  publishedEvent,
  rsvpFormToken,
  rsvpToken,
} from '../event-helpers.js';
import { staffClient, waitFor } from '../helpers.js';
import { mailbox, recipientOf, type StoredMail } from '../mail-helpers.js';

let runtime: LocalRuntime;

beforeAll(async () => {
  runtime = await startLocalRuntime({ seed: true, log: () => {}, sesSendRate: 300 });
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

  it('tells each waitlisted contact of 60 answers at once (20 seats) their true place: the place in the promotion order, no number twice', async () => {
    const event = await publishedEvent('hassleholm', { capacity: 20, seatLimitPerOrganisation: 1 });
    const everyone = await invitedContacts(runtime, event, 63, { prefix: `w${Date.now()}` });
    const contacts = everyone.slice(0, 60);
    const tokens = await Promise.all(everyone.map((id) => rsvpToken(event, id)));
    const place = (html: string) => Number(/väntelistan som nummer (\d+)/.exec(html)?.[1]);

    const results = await Promise.all(
      tokens.slice(0, 60).map((token) => postRsvp(runtime, token, { answer: 'attend', seats: '1' })),
    );

    expect(results.every((r) => r.status === 200)).toBe(true);
    const told = new Map<string, number>();
    results.forEach((r, i) => {
      if (/väntelistan/.test(r.html)) told.set(contacts[i] as string, place(r.html));
    });
    expect(told.size).toBe(40);
    const order = (await waitlist(event.tenantId, event.eventId, 60)).map((w) => w.contactId);
    expect(order).toHaveLength(40);
    const wrong = [...told].filter(([id, place]) => order.indexOf(id) + 1 !== place);
    expect(wrong).toEqual([]);
    expect(new Set(told.values()).size).toBe(40);

    // Three on the waitlist leave, then three more answer at once: they queue behind the 37 left.
    const leaving = [order[1], order[4], order[6]].map(
      (id) => tokens[contacts.indexOf(id as string)] as string,
    );
    for (const token of leaving)
      expect((await postRsvp(runtime, token, { answer: 'decline' })).status).toBe(200);
    const late = await Promise.all(
      tokens.slice(60).map((token) => postRsvp(runtime, token, { answer: 'attend', seats: '1' })),
    );
    const after = (await waitlist(event.tenantId, event.eventId, 60)).map((w) => w.contactId);
    expect(after).toHaveLength(40);
    expect(late.map((r) => place(r.html)).sort((a, b) => a - b)).toEqual([38, 39, 40]);
    late.forEach((r, i) => {
      expect(after.indexOf(everyone[60 + i] as string) + 1).toBe(place(r.html));
    });
  }, 60_000);

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

describe('the requests an answer makes', () => {
  it('takes a seat with one read and one transaction, and a waitlist place with six requests', async () => {
    // Each request of the answer path waits in line behind a burst's others: their number is what
    // a burst of answers costs (bench: `npm run bench -- --only rsvp`).
    const event = await publishedEvent('hassleholm', { capacity: 1, seatLimitPerOrganisation: 1 });
    const [first, second] = await invitedContacts(runtime, event, 2, { prefix: `req${Date.now()}` });
    await rsvpFormToken(runtime, await rsvpToken(event, first as string)); // the form's token, not counted
    const requests: string[] = [];
    documentClient.middlewareStack.add(
      (next, context) => async (args) => {
        if (currentSandbox()?.spec.name === 'rsvp') requests.push(String(context.commandName));
        return next(args);
      },
      { step: 'initialize', name: 'countRsvpRequests' },
    );
    try {
      const answer = async (id: string | undefined) =>
        (await postRsvp(runtime, await rsvpToken(event, id as string), { answer: 'attend', seats: '1' }))
          .status;
      expect(await answer(first)).toBe(200);
      expect(requests).toEqual(['BatchGetItemCommand', 'TransactWriteItemsCommand']);
      requests.length = 0;
      expect(await answer(second)).toBe(200);
      // The read, the organisation's seats (full: its limit decides org-limit or waitlist), the
      // ticket, the waitlist transaction, and the place's two reads side by side.
      expect(requests.sort()).toEqual(
        [
          'BatchGetItemCommand',
          'BatchGetItemCommand',
          'UpdateItemCommand',
          'TransactWriteItemsCommand',
          'QueryCommand',
          'BatchGetItemCommand',
        ].sort(),
      );
    } finally {
      documentClient.middlewareStack.remove('countRsvpRequests');
    }
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

describe("the event's own questions (issue 12, Build 3)", () => {
  const questions = [
    {
      id: 'track',
      kind: 'single-choice' as const,
      label: 'Vilket spår?',
      required: true,
      options: [
        { id: 'food', label: 'Livsmedel' },
        { id: 'tech', label: 'Teknik' },
      ],
    },
    {
      id: 'topics',
      kind: 'multiple-choice' as const,
      label: 'Ämnen',
      required: false,
      options: [
        { id: 'skills', label: 'Kompetens' },
        { id: 'land', label: 'Mark' },
        { id: 'roads', label: 'Vägar' },
      ],
    },
    { id: 'wish', kind: 'short-text' as const, label: 'Önskemål', required: true, options: [] },
  ];

  it('refuses a missing required answer and an option not in the list, naming the question, and writes nothing', async () => {
    // Prepare
    const event = await publishedEvent('hassleholm', { customQuestions: questions });
    const [id] = (await invitedContacts(runtime, event, 1, { prefix: `cq${Date.now()}` })) as [string];
    const token = await rsvpToken(event, id);
    // Act
    const missing = await postRsvp(runtime, token, { answer: 'attend', seats: '1', a_track: 'food' });
    const unknown = await postRsvp(runtime, token, {
      answer: 'attend',
      seats: '1',
      a_track: 'food',
      a_topics: ['skills', 'sea'],
      a_wish: 'Vegetarisk meny',
    });
    const two = await postRsvp(runtime, token, { answer: 'attend', a_track: ['food', 'tech'], a_wish: 'x' });
    // Assess
    expect(missing.status).toBe(422);
    expect(missing.html).toContain('Svara på frågan ”Önskemål”.');
    expect(missing.html).toMatch(/id="a_wish"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="a_wish"/);
    expect(unknown.status).toBe(422);
    expect(unknown.html).toContain('Välj bland alternativen till ”Ämnen”.');
    expect(two.status).toBe(422);
    expect(two.html).toContain('Välj ett alternativ till ”Vilket spår?”.');
    const invitation = await getInvitation(event.tenantId, event.eventId, id);
    expect(invitation?.status).toBe('invited');
    expect(invitation?.answers).toBeUndefined();
    expect((await getCounters(event.tenantId, event.eventId)).attending).toBe(0);
  });

  it('keeps the answers of one attending, counts the options chosen, and a decline asks none and takes them back', async () => {
    // Prepare
    const event = await publishedEvent('hassleholm', { customQuestions: questions });
    const [id] = (await invitedContacts(runtime, event, 1, { prefix: `cqok${Date.now()}` })) as [string];
    const token = await rsvpToken(event, id);
    // Act
    const attend = await postRsvp(runtime, token, {
      answer: 'attend',
      seats: '2',
      a_track: 'tech',
      a_topics: ['skills', 'roads'],
      a_wish: 'Gärna <b>fika</b>',
    });
    const counted = await getCounters(event.tenantId, event.eventId);
    const decline = await postRsvp(runtime, token, { answer: 'decline' });
    // Assess
    expect(attend.status).toBe(200);
    expect(attend.html).toContain('Gärna &lt;b>fika&lt;/b>');
    expect(counted.choices).toEqual({ 'track.tech': 1, 'topics.skills': 1, 'topics.roads': 1 });
    expect(decline.status).toBe(200);
    const after = await getCounters(event.tenantId, event.eventId);
    expect(Object.values(after.choices).every((n) => n === 0)).toBe(true);
    expect((await getInvitation(event.tenantId, event.eventId, id))?.answers).toEqual({});
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

describe("the event's own questions through the waitlist", () => {
  it('keeps a waitlisted answer uncounted, and counts it when the contact is promoted, answers kept', async () => {
    // Prepare: one seat; A holds it (food), B waits (tech)
    const event = await publishedEvent('hassleholm', {
      capacity: 1,
      seatLimitPerOrganisation: 1,
      customQuestions: [
        {
          id: 'track',
          kind: 'single-choice',
          label: 'Spår',
          required: true,
          options: [
            { id: 'food', label: 'Livsmedel' },
            { id: 'tech', label: 'Teknik' },
          ],
        },
      ],
    });
    const [a, b] = (await invitedContacts(runtime, event, 2, { prefix: `cqw${Date.now()}` })) as [
      string,
      string,
    ];
    await postRsvp(runtime, await rsvpToken(event, a), { answer: 'attend', a_track: 'food' });
    const waiting = await postRsvp(runtime, await rsvpToken(event, b), { answer: 'attend', a_track: 'tech' });
    const whileWaiting = await getCounters(event.tenantId, event.eventId);
    // Act: A declines; B is promoted by the reaction to the released seat
    await postRsvp(runtime, await rsvpToken(event, a), { answer: 'decline' });
    const promoted = await waitFor(
      async () => {
        const i = await getInvitation(event.tenantId, event.eventId, b);
        return i?.status === 'attending' ? i : undefined;
      },
      15_000,
      "B's promotion",
    );
    // Assess
    expect(waiting.html).toContain('väntelistan');
    expect(whileWaiting.choices).toEqual({ 'track.food': 1 });
    expect(promoted.answers).toEqual({ track: ['tech'] });
    expect((await getCounters(event.tenantId, event.eventId)).choices).toEqual({
      'track.food': 0,
      'track.tech': 1,
    });
  });
});

describe('an online or hybrid meeting (issue 12, Build 3)', () => {
  it("shows the meeting link only to one with a seat — page, confirmation, .ics, the promotion and the link's change — never to the waitlist", async () => {
    // Prepare: a hybrid event with one seat; A takes it, B goes on the waitlist
    const link = `https://meet.example.org/lunch-${Date.now()}`;
    const event = await publishedEvent('hassleholm', {
      capacity: 1,
      seatLimitPerOrganisation: 1,
      format: 'hybrid',
      meetingUrl: link,
    });
    const [a, b] = (await invitedContacts(runtime, event, 2, { prefix: `online${Date.now()}` })) as [
      string,
      string,
    ];
    const [tokenA, tokenB] = await Promise.all([rsvpToken(event, a), rsvpToken(event, b)]);
    const icsOf = (mail: StoredMail) =>
      Buffer.from(
        String((mail.attachments?.[0] as { content?: string } | undefined)?.content ?? ''),
        'base64',
      )
        .toString('utf8')
        .replace(/\r\n[ \t]/g, '');
    const everything = (mail: StoredMail) =>
      `${mail.subject}${mail.body.html}${mail.body.text}${icsOf(mail)}`;
    const mailsTo = async (id: string) =>
      (await mailbox(runtime)).filter((m) => recipientOf(m) === `${id}@foretag.example`);

    // Act: both answer
    const seated = await postRsvp(runtime, tokenA, { answer: 'attend', seats: '1' });
    const waiting = await postRsvp(runtime, tokenB, { answer: 'attend', seats: '1' });
    const waitingIcs = await fetch(`${runtime.url}/rsvp/${tokenB}/calendar.ics`);
    const seatedIcs = await (await fetch(`${runtime.url}/rsvp/${tokenA}/calendar.ics`)).text();
    const confirmedA = await waitFor(async () => (await mailsTo(a))[0], 15_000, "A's confirmation");
    const confirmedB = await waitFor(async () => (await mailsTo(b))[0], 15_000, "B's confirmation");

    // Assess: the seat holder has it everywhere, with the map link; the waitlist nowhere
    expect(seated.html).toContain(`href="${link}"`);
    expect(seated.html).toContain(
      'https://www.openstreetmap.org/search?query=Storgatan%201%2C%20H%C3%A4ssleholm',
    );
    expect(waiting.html).toContain('väntelistan');
    expect(waiting.html).not.toContain(link);
    expect(waitingIcs.status).toBe(404);
    expect(seatedIcs.replace(/\r\n[ \t]/g, '')).toMatch(new RegExp(`LOCATION:[^\r]*${link}`));
    expect(confirmedA.body.html).toContain(link);
    expect(confirmedA.body.text).toContain(link);
    expect(icsOf(confirmedA)).toMatch(new RegExp(`LOCATION:[^\r]*${link}`));
    expect(icsOf(confirmedA)).toMatch(new RegExp(`DESCRIPTION:${link}`));
    expect(everything(confirmedB)).not.toContain('meet.example.org');

    // Act: staff change the link (attendees are told, with the new entry); then A declines and B is promoted
    const staff = await staffClient(runtime, 'staff-hlm-anna');
    const { eventId, tenantId, status, sequence, version, createdAt, updatedAt, ...input } = event;
    void [eventId, tenantId, status, sequence, createdAt, updatedAt];
    const newLink = `${link}-nytt`;
    const changed = await staff.call('PUT', `/api/events/${event.eventId}`, {
      ...input,
      meetingUrl: newLink,
      expectedVersion: version,
    });
    expect(changed.status, changed.text).toBe(200);
    const update = await waitFor(
      async () => (await mailsTo(a)).find((m) => icsOf(m).includes('SEQUENCE:1')),
      20_000,
      "A's update",
    );
    await postRsvp(runtime, tokenA, { answer: 'decline' });
    const promoted = await waitFor(
      async () => (await mailsTo(b)).find((m) => m.messageId !== confirmedB.messageId),
      20_000,
      "B's promotion",
    );

    // Assess: the change told to A with the new link in mail and entry; B, once promoted, gets
    // the new link; before that B was told nothing of it
    expect(update.body.text).toContain(newLink);
    expect(icsOf(update)).toContain(newLink);
    expect(everything(promoted)).toContain(newLink);
    expect(icsOf(promoted)).toMatch(new RegExp(`LOCATION:[^\r]*${newLink}`));
    const toB = await mailsTo(b);
    expect(toB).toHaveLength(2);
    expect(everything(toB.find((m) => m.messageId === confirmedB.messageId) as StoredMail)).not.toContain(
      'meet.example.org',
    );
  });
});

describe('before sending invitations', () => {
  it('previews the invitation in each language and sends a test to the staff member only', async () => {
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

describe('send a colleague instead', () => {
  const sent = /Inbjudan är skickad till/;
  const limit = /Inbjudan har redan skickats vidare till så många kollegor som går/;
  const colleague = (runtime: LocalRuntime, token: string, form: Record<string, string>) =>
    postRsvp(runtime, token, form, '/colleague');
  const mailsTo = async (addresses: string[]) =>
    (await mailbox(runtime)).filter((m) => addresses.includes(recipientOf(m)));

  it('forwards one invitation to at most 3 colleagues, also when 10 posts arrive at once', async () => {
    const event = await publishedEvent('hassleholm');
    const tag = `fwd${Date.now()}`;
    const [id] = await invitedContacts(runtime, event, 1, { prefix: tag });
    const token = await rsvpToken(event, id as string);
    const addresses = Array.from({ length: 10 }, (_, i) => `kollega-${i}-${tag}@foretag.example`);

    const results = await Promise.all(
      addresses.map((email, i) => colleague(runtime, token, { name: `Kollega ${i}`, email })),
    );

    expect(results.filter((r) => r.status === 200 && sent.test(r.html))).toHaveLength(3);
    expect(results.filter((r) => r.status === 429 && limit.test(r.html))).toHaveLength(7);
    const again = await colleague(runtime, token, {
      name: 'En till',
      email: `en-till-${tag}@foretag.example`,
    });
    expect(again.status).toBe(429);
    const forwarded = (await listInvitations(event.tenantId, event.eventId)).items.filter(
      (i) => i.forwardedFrom === id,
    );
    expect(forwarded).toHaveLength(3);
    expect((await getCounters(event.tenantId, event.eventId)).invited).toBe(4);
    await waitFor(
      async () => ((await mailsTo(addresses)).length >= 3 ? true : undefined),
      20_000,
      'three invitations',
    );
    await new Promise((r) => setTimeout(r, 2000));
    expect(await mailsTo([...addresses, `en-till-${tag}@foretag.example`])).toHaveLength(3);
  }, 60_000);

  it("holds the organisation's bound of 10 across its invitations, chains included", async () => {
    const event = await publishedEvent('hassleholm');
    const tag = `fwdorg${Date.now()}`;
    const ids = await invitedContacts(runtime, event, 4, { prefix: tag, organisationId: `org-${tag}` });
    const tokens = await Promise.all(ids.map((id) => rsvpToken(event, id)));
    const results = await Promise.all(
      tokens.flatMap((token, t) =>
        [0, 1, 2].map((i) =>
          colleague(runtime, token, {
            name: `Kollega ${t}-${i}`,
            email: `k-${t}-${i}-${tag}@foretag.example`,
          }),
        ),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(10);
    expect(results.filter((r) => r.status === 429)).toHaveLength(2);
    const forwarded = (await listInvitations(event.tenantId, event.eventId)).items.filter(
      (i) => i.forwardedFrom,
    );
    expect(forwarded).toHaveLength(10);
    // A colleague's own link forwards against the same total.
    const [first] = forwarded;
    const chained = await colleague(runtime, await rsvpToken(event, first?.contactId as string), {
      name: 'Kedja',
      email: `kedja-${tag}@foretag.example`,
    });
    expect(chained.status).toBe(429);
  }, 60_000);

  it('answers the same whether the address is new, a colleague already in the directory, or of another organisation, and mails no one of another organisation', async () => {
    const event = await publishedEvent('hassleholm');
    const other = await publishedEvent('hassleholm');
    const tag = `oracle${Date.now()}`;
    const organisationId = `org-${tag}`;
    const [id] = await invitedContacts(runtime, event, 1, { prefix: tag, organisationId });
    // Contacts already in the directory (with their address guards, as the directory writes them).
    const existing = async (email: string, organisation: string) =>
      (
        await createContact(
          'hassleholm',
          {
            name: 'Befintlig',
            email,
            organisationId: organisation,
            language: 'sv',
            tags: [],
            lawfulBasis: {
              basis: 'legitimate-interest',
              source: 'test',
              recordedAt: new Date().toISOString(),
            },
          },
          { actor: 'test', source: 'test' },
          { checkOrganisation: false },
        )
      ).contact;
    const [foreignOrg] = await invitedContacts(runtime, other, 1, { prefix: `${tag}-other` });
    const sameOrganisation = await existing(`samma-${tag}@foretag.example`, organisationId);
    const foreign = await existing(`annan-${tag}@foretag.example`, `org-${foreignOrg}`);
    const token = await rsvpToken(event, id as string);
    const fresh = `ny-${tag}@foretag.example`;

    const answers = [];
    for (const email of [fresh, sameOrganisation.email, foreign.email])
      answers.push(await colleague(runtime, token, { name: 'Kim Kollega', email }));

    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers[0]?.html).toContain('Inbjudan är skickad till Kim Kollega.');
    expect(new Set(answers.map((a) => a.html)).size).toBe(1);
    expect(answers[0]?.html).not.toMatch(/annan organisation/);
    // What happened behind the same answer: the colleagues of the organisation are invited and
    // mailed; the other organisation's contact is neither, and stays where it was.
    const forwarded = (await listInvitations(event.tenantId, event.eventId)).items.filter(
      (i) => i.forwardedFrom === id,
    );
    expect(forwarded).toHaveLength(2);
    expect(forwarded.map((i) => i.contactId)).toContain(sameOrganisation.contactId);
    expect(await getInvitation(event.tenantId, event.eventId, foreign.contactId)).toBeUndefined();
    expect((await getContact('hassleholm', foreign.contactId))?.organisationId).toBe(`org-${foreignOrg}`);
    await waitFor(
      async () => ((await mailsTo([fresh, sameOrganisation.email])).length >= 2 ? true : undefined),
      20_000,
      'the two invitations',
    );
    await new Promise((r) => setTimeout(r, 2000));
    expect(await mailsTo([foreign.email])).toHaveLength(0);
  }, 60_000);

  it.each([
    ['CR LF', 'Kim\r\nBcc: alla@foretag.example'],
    ['LF', 'Kim\nKollega'],
    ['NUL', 'Kim\u0000Kollega'],
    ['BEL', 'Kim\u0007Kollega'],
    ['NEL', 'Kim\u0085Kollega'],
    ['a line separator', 'Kim\u2028Kollega'],
  ])("refuses %s in the colleague's name, naming the field, and writes nothing", async (_what, name) => {
    const event = await publishedEvent('hassleholm');
    const tag = `ctl${Date.now()}${Math.random().toString(36).slice(2, 6)}`;
    const [id] = await invitedContacts(runtime, event, 1, { prefix: tag });
    const email = `kollega-${tag}@foretag.example`;
    const response = await colleague(runtime, await rsvpToken(event, id as string), { name, email });
    expect(response.status).toBe(422);
    expect(response.html).toContain(
      'Kollegans namn: Får inte innehålla radbrytningar eller andra kontrolltecken.',
    );
    expect(response.html).toMatch(/id="colleague-name"[^>]*aria-invalid="true"/);
    const guard = await documentClient.send(
      new GetCommand({ TableName: runtime.tableName, Key: emailGuardKey('hassleholm', email) }),
    );
    expect(guard.Item).toBeUndefined();
    expect((await getCounters(event.tenantId, event.eventId)).invited).toBe(1);
    expect((await listInvitations(event.tenantId, event.eventId)).items).toHaveLength(1);
  });
});

describe('the CSRF token of the public forms', () => {
  it('takes only a token this server issued: not a caller-chosen pair, nor a forged signature', async () => {
    const event = await publishedEvent('hassleholm');
    const [id] = await invitedContacts(runtime, event, 1, { prefix: `csrf${Date.now()}` });
    const token = await rsvpToken(event, id as string);
    const post = (csrf: string, field = csrf) =>
      fetch(`${runtime.url}/rsvp/${token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `samverkan_csrf=${csrf}` },
        body: new URLSearchParams({ _csrf: field, answer: 'decline' }),
      });
    // The page issues a signed token, in its cookie and in its forms.
    const page = await fetch(`${runtime.url}/rsvp/${token}`);
    const issued = /samverkan_csrf=([^;]+)/.exec(page.headers.get('set-cookie') ?? '')?.[1] ?? '';
    expect(await page.text()).toContain(`name="_csrf" value="${issued}"`);
    const [expiry, nonce] = issued.split('.');

    expect((await post('c'.repeat(40))).status).toBe(403);
    expect((await post(`${expiry}.${nonce}.${'A'.repeat(43)}`)).status).toBe(403);
    expect((await post(`${Number(expiry) + 3600}.${nonce}.${issued.split('.')[2]}`)).status).toBe(403);
    expect((await post(issued, 'c'.repeat(40))).status).toBe(403);
    expect((await getInvitation(event.tenantId, event.eventId, id as string))?.status).toBe('invited');
    expect((await post(issued)).status).toBe(200);
    expect((await getInvitation(event.tenantId, event.eventId, id as string))?.status).toBe('declined');
  });
});

describe('the waitlist by hand (issue 12, item 5)', () => {
  const attendAll = async (event: Meeting, ids: string[]) => {
    for (const id of ids)
      expect(
        (await postRsvp(runtime, await rsvpToken(event, id), { answer: 'attend', seats: '1' })).status,
      ).toBe(200);
  };
  const order = async (event: Meeting) =>
    (await waitlist(event.tenantId, event.eventId, 50)).map((w) => w.contactId);
  const placeOf = async (event: Meeting, id: string) => {
    const invitation = await getInvitation(event.tenantId, event.eventId, id);
    return waitlistPosition(event.tenantId, event.eventId, invitation?.waitlistedAt ?? '');
  };

  it('moves a place up keeping every place told true, refuses a promote when full, removes one (told by mail), and raising the capacity promotes in the new order', async () => {
    // Prepare: 2 seats taken, three on the waitlist (w2, w3, w4 in that order).
    const event = await publishedEvent('hassleholm', { capacity: 2, seatLimitPerOrganisation: 1 });
    const ids = await invitedContacts(runtime, event, 5, { prefix: `hand${Date.now()}` });
    const [a0, a1, w2, w3, w4] = ids as [string, string, string, string, string];
    await attendAll(event, [a0, a1, w2, w3, w4]);
    expect(await order(event)).toEqual([w2, w3, w4]);
    const staff = await staffClient(runtime, 'staff-hlm-anna');
    const act = (contactId: string, action: string) =>
      staff.call('POST', `/api/events/${event.eventId}/waitlist`, { contactId, action });

    // Act: w4 up one place; then a promote of w3 while full; then w2 removed.
    const up = await act(w4, 'up');
    const upAgainAtTop = await act(w2, 'up');
    const full = await act(w3, 'promote');
    const countersWhenFull = await getCounters(event.tenantId, event.eventId);
    const removed = await act(w2, 'remove');
    const removedAgain = await act(w2, 'remove');

    // Assess: the order and every place number agree.
    expect(up.status, up.text).toBe(200);
    expect(up.json.result).toBe('moved');
    expect(upAgainAtTop.json.result).toBe('unchanged');
    expect(full.status).toBe(409);
    expect(full.json.error).toMatch(/full: 0 seats free, 1 needed/);
    expect(countersWhenFull).toMatchObject({ attendingSeats: 2, waitlisted: 3 });
    expect(removed.json.result).toBe('removed');
    expect(removedAgain.json.result).toBe('unchanged');
    expect(await order(event)).toEqual([w4, w3]);
    expect([await placeOf(event, w4), await placeOf(event, w3)]).toEqual([1, 2]);
    const gone = await getInvitation(event.tenantId, event.eventId, w2);
    expect(gone).toMatchObject({ status: 'declined', removedBy: 'staff-hlm-anna' });
    expect(await getCounters(event.tenantId, event.eventId)).toMatchObject({
      attendingSeats: 2,
      waitlisted: 2,
      waitlistedSeats: 2,
      declined: 1,
    });
    // The removed contact is told, in their language, that staff took them off (no calendar entry).
    const removal = await waitFor(
      async () =>
        (await mailbox(runtime)).find(
          (m) => recipientOf(m) === `${w2}@foretag.example` && m.subject.startsWith('Väntelistan'),
        ),
      15_000,
      'the removal mail',
    );
    expect(removal.body.text).toContain('tagit bort dig från väntelistan');
    expect(removal.attachments ?? []).toEqual([]);

    // Raising the capacity by one gives the seat to the first in the (moved) order: w4, not w3.
    const { eventId, tenantId, status, sequence, version, createdAt, updatedAt, ...input } = event;
    void [eventId, tenantId, status, sequence, createdAt, updatedAt];
    const grown = await staff.call('PUT', `/api/events/${event.eventId}`, {
      ...input,
      capacity: 3,
      expectedVersion: version,
    });
    expect(grown.status, grown.text).toBe(200);
    expect(grown.json.promoted).toEqual([w4]);
    expect((await getInvitation(event.tenantId, event.eventId, w3))?.status).toBe('waitlisted');
    expect(await placeOf(event, w3)).toBe(1);
    // Promoted mail with the calendar entry, as automatic promotion sends it.
    const promotedMail = await waitFor(
      async () =>
        (await mailbox(runtime)).find(
          (m) => recipientOf(m) === `${w4}@foretag.example` && /plats/i.test(m.subject),
        ),
      15_000,
      'the promotion mail',
    );
    expect(JSON.stringify(promotedMail.attachments)).toContain('text/calendar');
    // Another tenant's staff: the same answer as a missing event.
    const other = await staffClient(runtime, 'staff-hel-mette');
    const foreign = await other.call('POST', `/api/events/${event.eventId}/waitlist`, {
      contactId: w3,
      action: 'promote',
    });
    expect(foreign.status).toBe(404);
    const bad = await act(w3, 'jump');
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('body.action');
  }, 60_000);

  it('gives a freed seat to exactly one of four concurrent promotes (and the waitlist reaction racing them)', async () => {
    // Prepare: one seat, taken; four waiting.
    const event = await publishedEvent('hassleholm', { capacity: 1, seatLimitPerOrganisation: 1 });
    const ids = await invitedContacts(runtime, event, 5, { prefix: `race${Date.now()}` });
    await attendAll(event, ids);
    const staff = await staffClient(runtime, 'staff-hlm-anna');
    const waiting = ids.slice(1);

    // Act: the attendee declines, and staff press "promote" on all four at once.
    await postRsvp(runtime, await rsvpToken(event, ids[0] as string), { answer: 'decline' });
    const results = await Promise.all(
      waiting.map((contactId) =>
        staff.call('POST', `/api/events/${event.eventId}/waitlist`, { contactId, action: 'promote' }),
      ),
    );

    // Assess: never over capacity; one seat, one person; the rest refused as full, still waiting.
    expect(results.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    expect(results.filter((r) => r.status === 200).length).toBeLessThanOrEqual(1);
    const seated = await waitFor(
      async () => {
        const statuses = await Promise.all(
          waiting.map(async (id) => (await getInvitation(event.tenantId, event.eventId, id))?.status),
        );
        return statuses.includes('attending') ? statuses : undefined;
      },
      15_000,
      'the seat to be given',
    );
    expect(seated.filter((s) => s === 'attending')).toHaveLength(1);
    expect(seated.filter((s) => s === 'waitlisted')).toHaveLength(3);
    expect(await getCounters(event.tenantId, event.eventId)).toMatchObject({
      attending: 1,
      attendingSeats: 1,
      waitlisted: 3,
    });
    expect(await order(event)).toHaveLength(3);
  }, 60_000);
});

describe('open registration (issue 12, Build 4)', () => {
  /** A visitor's browser: the CSRF cookie the public page issues, sent back with its forms. */
  const visitor = () => {
    let csrf = '';
    const cookie = () => (csrf ? `samverkan_csrf=${encodeURIComponent(csrf)}` : '');
    return {
      async get(path: string) {
        const response = await fetch(`${runtime.url}${path}`, {
          headers: { cookie: cookie() },
          redirect: 'manual',
        });
        const set = /samverkan_csrf=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
        if (set) csrf = decodeURIComponent(set);
        return { status: response.status, html: await response.text() };
      },
      async post(path: string, form: Record<string, string | string[]>) {
        const body = new URLSearchParams({ _csrf: csrf });
        for (const [key, value] of Object.entries(form))
          for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
        const response = await fetch(`${runtime.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() },
          body,
          redirect: 'manual',
        });
        return {
          status: response.status,
          location: response.headers.get('location') ?? '',
          html: await response.text(),
        };
      },
    };
  };
  const pagePath = (event: Meeting) => registrationPath(event.tenantId, event.eventId);
  /** The directory's contact with this address (through its email guard), if any. */
  const findContact = async (email: string) => {
    const guard = await documentClient.send(
      new GetCommand({ TableName: runtime.tableName, Key: emailGuardKey('hassleholm', email) }),
    );
    return guard.Item?.contactId ? getContact('hassleholm', String(guard.Item.contactId)) : undefined;
  };
  const form = (email: string, extra: Record<string, string | string[]> = {}) => ({
    name: 'Vera Besökare',
    email,
    organisation: 'Besöksbolaget AB',
    seats: '2',
    names: 'Vera Besökare\nOlle Besökare',
    dietary: ['vegetarian'],
    ...extra,
  });
  const mailsTo = async (email: string, subject: string) =>
    (await mailbox(runtime)).filter((m) => recipientOf(m) === email && m.subject.includes(subject));
  const confirmPathIn = (mail: StoredMail) =>
    /\/registration\/confirm\/[A-Za-z0-9._-]+/.exec(mail.body.text ?? '')?.[0] ?? '';
  /** Registers on the public page and returns the confirmation link's path from the mail. */
  const register = async (event: Meeting, email: string, extra: Record<string, string | string[]> = {}) => {
    const browser = visitor();
    expect((await browser.get(pagePath(event))).status).toBe(200);
    const posted = await browser.post(pagePath(event), form(email, extra));
    expect(posted.status, posted.html).toBe(200);
    // The confirmation, not another mail about the event (a known contact's own answer has one).
    const [mail] = await waitFor(
      async () => {
        const mails = (await mailsTo(email, event.title)).filter((m) => confirmPathIn(m) !== '');
        return mails.length > 0 ? mails : undefined;
      },
      30_000,
      'the confirmation mail',
    );
    return confirmPathIn(mail as StoredMail);
  };

  it('has a public page only for a published event with the toggle on: off, draft, unknown and another tenant’s are the same 404', async () => {
    const open = await publishedEvent('hassleholm', { openRegistration: true, meetingUrl: undefined });
    const off = await publishedEvent('hassleholm');
    const draft = await createEvent('hassleholm', eventInput({ openRegistration: true }));
    const page = await visitor().get(pagePath(open));
    expect(page.status).toBe(200);
    expect(page.html).toContain(open.title);
    expect(page.html).toContain('name="email"');
    expect(page.html).toContain('Rättslig grund: ditt samtycke');
    expect(page.html).toContain('50 platser kvar');
    expect(page.html).toContain('https://www.openstreetmap.org/search?query=');

    const missing = await Promise.all(
      [
        pagePath(off),
        pagePath(draft),
        registrationPath('hassleholm', 'no-such-event'),
        registrationPath('perstorp', open.eventId),
        registrationPath('no-such-tenant', open.eventId),
      ].map((path) => visitor().get(path)),
    );
    for (const answer of missing) {
      expect(answer.status).toBe(404);
      expect(answer.html).toBe(missing[0]?.html);
    }
  });

  it('names each bad field in Swedish and English, refuses CR/LF, and writes and mails nothing; the honeypot does nothing either', async () => {
    const event = await publishedEvent('hassleholm', { openRegistration: true });
    const browser = visitor();
    await browser.get(pagePath(event));
    const email = `bad${Date.now()}@besok.example`;
    const sv = await browser.post(
      pagePath(event),
      form('inte-en-adress', { name: 'Vera\r\nBcc: x@y.example', seats: '9' }),
    );
    expect(sv.status).toBe(422);
    expect(sv.html).toContain('Namn: en rad, utan radbrytningar.');
    expect(sv.html).toContain('E-post: skriv en giltig e-postadress.');
    expect(sv.html).toContain(rsvpTexts.sv.errors.tooMany(2));
    const en = await browser.post(
      pagePath(event),
      form(`${email}\r\nBcc: x@y.example`, { lang: 'en', name: '' }),
    );
    expect(en.status).toBe(422);
    expect(en.html).toContain('Name: please fill in this field.');
    expect(en.html).toContain('Email: one line, without line breaks.');
    // The robot's hidden field: the same page as anyone's, and nothing happens.
    const robot = await browser.post(pagePath(event), form(email, { website: 'https://spam.example' }));
    expect(robot.status).toBe(200);
    expect(robot.html).toContain('Titta i din inkorg');

    for (const address of [email, 'inte-en-adress'])
      expect(
        await getRegistration(
          'hassleholm',
          event.eventId,
          registrationIdOf('hassleholm', event.eventId, address),
        ),
      ).toBeUndefined();
    expect(await mailsTo(email, event.title)).toHaveLength(0);
    expect((await getCounters(event.tenantId, event.eventId)).invited).toBe(0);
  });

  it('takes no seat on GET of the link; a confirm makes the contact with its lawful basis and one seat, and two confirms at once still one', async () => {
    const event = await publishedEvent('hassleholm', { openRegistration: true });
    const email = `vera${Date.now()}@besok.example`;
    const confirmPath = await register(event, email);
    expect(confirmPath).not.toBe('');
    // A repeat within minutes: the same pending registration, no second mail.
    const again = visitor();
    await again.get(pagePath(event));
    expect((await again.post(pagePath(event), form(email))).status).toBe(200);

    // Opening the link (a mail scanner does) shows a button and takes nothing.
    const browser = visitor();
    const opened = await browser.get(confirmPath);
    expect(opened.status).toBe(200);
    expect(opened.html).toContain('Bekräfta anmälan');
    expect(await findContact(email)).toBeUndefined();
    expect((await getCounters(event.tenantId, event.eventId)).invited).toBe(0);

    // Two clicks at once.
    const [first, second] = await Promise.all([browser.post(confirmPath, {}), browser.post(confirmPath, {})]);
    for (const click of [first, second]) {
      expect(click.status).toBe(303);
      expect(click.location).toMatch(/^\/rsvp\//);
    }
    const contact = await findContact(email);
    expect(contact).toMatchObject({
      name: 'Vera Besökare',
      lawfulBasis: {
        basis: 'consent',
        source: `open-registration:${event.eventId}`,
        text: expect.stringContaining('Rättslig grund: ditt samtycke'),
      },
    });
    const invitations = (await listInvitations(event.tenantId, event.eventId)).items;
    expect(invitations).toHaveLength(1);
    expect(invitations[0]).toMatchObject({
      contactId: contact?.contactId,
      status: 'attending',
      seats: 2,
      dietary: ['vegetarian'],
      registered: { organisation: 'Besöksbolaget AB' },
    });
    expect(await getCounters(event.tenantId, event.eventId)).toMatchObject({
      invited: 1,
      attending: 1,
      attendingSeats: 2,
    });
    // The RSVP page of the new invitation, and the confirmation mail as for anyone invited.
    const rsvp = await browser.get(first?.location ?? '');
    expect(rsvp.status).toBe(200);
    expect(rsvp.html).toContain('Vera Besökare');
    const seatMail = await waitFor(
      async () =>
        (await mailsTo(email, event.title)).find((m) => !m.subject.startsWith('Bekräfta din anmälan')),
      30_000,
      'the confirmation of the seat',
    );
    expect(JSON.stringify(seatMail.attachments ?? [])).toContain('text/calendar');
    // One confirmation link mailed, whatever the repeat; one confirmation of the seat, whatever the second click.
    expect(await mailsTo(email, 'Bekräfta din anmälan')).toHaveLength(1);
    expect(
      (await mailsTo(email, event.title)).filter(
        (m) => m.messageId !== seatMail.messageId && !m.subject.startsWith('Bekräfta din anmälan'),
      ),
    ).toHaveLength(0);
  });

  it('puts a registration for a full event on the waitlist', async () => {
    const event = await publishedEvent('hassleholm', {
      openRegistration: true,
      capacity: 1,
      seatLimitPerOrganisation: 1,
    });
    const [holder] = await invitedContacts(runtime, event, 1, { prefix: `full${Date.now()}` });
    await postRsvp(runtime, await rsvpToken(event, holder as string), { answer: 'attend', seats: '1' });
    const page = await visitor().get(pagePath(event));
    expect(page.html).toContain('Fullbokat');
    const email = `wait${Date.now()}@besok.example`;
    const confirmPath = await register(event, email, { seats: '1' });
    const browser = visitor();
    await browser.get(confirmPath);
    expect((await browser.post(confirmPath, {})).status).toBe(303);
    const contact = await findContact(email);
    expect((await getInvitation(event.tenantId, event.eventId, contact?.contactId ?? ''))?.status).toBe(
      'waitlisted',
    );
  });

  it('answers an expired registration, a tampered link and another purpose’s link as a missing one', async () => {
    const event = await publishedEvent('hassleholm', { openRegistration: true });
    const email = `late${Date.now()}@besok.example`;
    const confirmPath = await register(event, email);
    const missing = await visitor().get('/registration/confirm/eyJhbGciOiJIUzI1NiJ9.e30.AAAA');
    expect(missing.status).toBe(404);
    const tampered = await visitor().get(`${confirmPath.slice(0, -2)}xx`);
    const rsvpLink = await rsvpToken(event, 'someone');
    const otherPurpose = await visitor().get(`/registration/confirm/${rsvpLink}`);
    // Past its 48 hours (DynamoDB's TTL deletes late: the read treats it as gone).
    const registrationId = registrationIdOf('hassleholm', event.eventId, email);
    await documentClient.send(
      new UpdateCommand({
        TableName: runtime.tableName,
        Key: { pk: `T#hassleholm#EVENT#${event.eventId}`, sk: `REGISTRATION#${registrationId}` },
        UpdateExpression: 'SET expiresAt = :past',
        ExpressionAttributeValues: { ':past': Math.floor(Date.now() / 1000) - 1 },
      }),
    );
    const browser = visitor();
    await browser.get(pagePath(event));
    const expired = await browser.get(confirmPath);
    const expiredPost = await browser.post(confirmPath, {});
    for (const answer of [tampered, otherPurpose, expired, expiredPost]) {
      expect(answer.status).toBe(404);
      expect(answer.html).toBe(missing.html);
    }
    expect(await findContact(email)).toBeUndefined();
  });

  it('speaks the visitor’s chosen language, and holds one client to five registrations a minute', async () => {
    const event = await publishedEvent('hassleholm', { openRegistration: true });
    const browser = visitor();
    const danish = await browser.get(`${pagePath(event)}?lang=da`);
    expect(danish.html).toContain('<html lang="da"');
    expect(danish.html).toContain('Tilmeld mig');
    const stamp = Date.now();
    const posts = [];
    for (let i = 0; i < 6; i++)
      posts.push(await browser.post(pagePath(event), form(`rate${stamp}-${i}@besok.example`)));
    expect(posts.map((p) => p.status)).toEqual([200, 200, 200, 200, 200, 429]);
    // The sixth page reads as the others; nothing of it was kept.
    expect(posts[5]?.html).toContain('Titta i din inkorg');
    expect(
      await getRegistration(
        'hassleholm',
        event.eventId,
        registrationIdOf('hassleholm', event.eventId, `rate${stamp}-5@besok.example`),
      ),
    ).toBeUndefined();
    expect(
      await getRegistration(
        'hassleholm',
        event.eventId,
        registrationIdOf('hassleholm', event.eventId, `rate${stamp}-4@besok.example`),
      ),
    ).toMatchObject({ name: 'Vera Besökare', answer: { answer: 'attend', seats: 2 } });
  });

  it('leaves an address book contact as it is: their own answer stands, their name and lawful basis too', async () => {
    const event = await publishedEvent('hassleholm', { openRegistration: true });
    const email = `known${Date.now()}@foretag.example`;
    const { contact: made } = await createContact(
      'hassleholm',
      {
        name: 'Känd Kontakt',
        email,
        language: 'sv',
        tags: [],
        lawfulBasis: { basis: 'legitimate-interest', source: 'test', recordedAt: new Date().toISOString() },
      },
      { actor: 'test', source: 'test' },
    );
    const known = made.contactId;
    await ensureInvitation({
      tenantId: 'hassleholm',
      eventId: event.eventId,
      contactId: known,
      organisationId: `contact-${known}`,
      organisationType: 'other',
    });
    await postRsvp(runtime, await rsvpToken(event, known), { answer: 'decline' });
    // Their answer's own mail is in the mailbox before they register (it names the event too).
    await waitFor(async () => ((await mailsTo(email, event.title)).length > 0 ? true : undefined));
    const confirmPath = await register(event, email, { name: 'Någon Annan' });
    const browser = visitor();
    await browser.get(confirmPath);
    const confirmed = await browser.post(confirmPath, {});
    expect(confirmed.status).toBe(303);
    expect((await getInvitation(event.tenantId, event.eventId, known))?.status).toBe('declined');
    const contact = await getContact('hassleholm', known);
    expect(contact?.name).toBe('Känd Kontakt');
    expect(contact?.lawfulBasis).toMatchObject({ basis: 'legitimate-interest', source: 'test' });
    expect(await getCounters(event.tenantId, event.eventId)).toMatchObject({
      invited: 1,
      declined: 1,
      attending: 0,
    });
  });

  it('shows a registration in the person’s data export with its consent, and erasure takes what they typed', async () => {
    const event = await publishedEvent('hassleholm', { openRegistration: true });
    const email = `export${Date.now()}@besok.example`;
    const confirmPath = await register(event, email, { seats: '1' });
    const browser = visitor();
    await browser.get(confirmPath);
    expect((await browser.post(confirmPath, {})).status).toBe(303);
    const { contact, items } = await directoryPersonalData('hassleholm', email);
    expect(items[0]).toMatchObject({
      category: 'contact',
      lawfulBasis: 'consent',
      source: `open-registration:${event.eventId}`,
      data: { lawfulBasis: { text: expect.stringContaining('ditt samtycke') } },
    });
    const contactId = contact?.contactId ?? '';
    const meetings = await meetingsPersonalData('hassleholm', contactId);
    expect(meetings).toEqual([
      expect.objectContaining({
        lawfulBasis: 'consent',
        source: 'open registration',
        data: expect.objectContaining({
          registered: expect.objectContaining({ organisation: 'Besöksbolaget AB' }),
        }),
      }),
    ]);
    await eraseMeetingsPerson({ tenantId: 'hassleholm', contactId, email, personRef: 'test-ref' });
    const erased = await getInvitation('hassleholm', event.eventId, contactId);
    expect(erased?.registered?.organisation).toBeUndefined();
    expect(erased?.registered?.at).toBeDefined();
    expect(erased?.status).toBe('attending');
  });

  it.each(['suppressed', 'erased'] as const)(
    'does not mail the confirmation to an address %s',
    async (state) => {
      const event = await publishedEvent('hassleholm', { openRegistration: true });
      const email = `${state}${Date.now()}@besok.example`;
      if (state === 'suppressed')
        await suppress('hassleholm', email, 'bounce', { at: new Date().toISOString(), source: 'test' });
      // Erased (Art. 17): only the keyed hash of the address is left, which the sender checks.
      else
        await documentClient.send(
          new PutCommand({
            TableName: runtime.tableName,
            Item: { ...erasedKey('hassleholm', email), type: 'erased', at: new Date().toISOString() },
          }),
        );
      const browser = visitor();
      await browser.get(pagePath(event));
      const before = Date.now();
      expect((await browser.post(pagePath(event), form(email))).status).toBe(200);
      const registrationId = registrationIdOf('hassleholm', event.eventId, email);
      const windows = new Set(
        [before, Date.now()].map((t) => Math.floor(t / (CONFIRMATION_RESEND_SECONDS * 1000))),
      );
      const skipped = await waitFor(
        async () => {
          for (const window of windows) {
            const campaign = await getCampaign(
              'hassleholm',
              idFromKey(`hassleholm:registration-confirm:${event.eventId}:${registrationId}:${window}`),
            );
            if (campaign?.counters.skipped === 1) return campaign;
          }
          return undefined;
        },
        30_000,
        'the confirmation skipped',
      );
      expect(skipped.counters.sent).toBe(0);
      expect(await mailsTo(email, event.title)).toHaveLength(0);
    },
  );
});
