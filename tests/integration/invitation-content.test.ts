import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.js';
import { invitedContacts, publishedEvent, rsvpToken } from '../event-helpers.js';
import { staffClient, waitFor } from '../helpers.js';
import { mailbox, recipientOf } from '../mail-helpers.js';

/** Issue 12: what the invitation and the RSVP page say about the event. */

let runtime: LocalRuntime;

beforeAll(async () => {
  runtime = await startLocalRuntime({ seed: true, log: () => {}, sesSendRate: 300 });
});
afterAll(async () => {
  await runtime?.stop();
});

const description =
  'Välkomna, **ni** som driver företag.\n\nLäs [mer](https://hassleholm.se/). <script>alert(1)</script>';

describe('the event description', () => {
  it('reaches the invitation mail (HTML and text) and its preview as rendered, sanitised Markdown, and the RSVP page rendered, not raw', async () => {
    // Prepare
    const event = await publishedEvent('hassleholm', { title: `Beskrivning ${Date.now()}`, description });
    const [id] = await invitedContacts(runtime, event, 1, { prefix: `desc${Date.now()}` });
    const staff = await staffClient(runtime, 'staff-hlm-anna');

    // Act: the preview, the invitation to one contact, the RSVP page
    const preview = await staff.call('POST', `/api/events/${event.eventId}/invitations/preview`, {});
    const sent = await staff.call('POST', `/api/events/${event.eventId}/invitations`, {
      audience: { kind: 'contacts', contactIds: [id] },
    });
    expect(sent.status, sent.text).toBe(202);
    const mail = await waitFor(
      async () => (await mailbox(runtime)).find((m) => recipientOf(m) === `${id}@foretag.example`),
      15_000,
      'the invitation',
    );
    const page = await (await fetch(`${runtime.url}/rsvp/${await rsvpToken(event, id as string)}`)).text();

    // Assess
    expect(preview.status, preview.text).toBe(200);
    const sv = (preview.json.previews as { language: string; html: string; text: string }[])[0];
    for (const html of [sv?.html ?? '', mail.body.html ?? '', page]) {
      expect(html).toContain('<strong>ni</strong>');
      expect(html).toContain('href="https://hassleholm.se/"');
      expect(html).not.toContain('**ni**');
      expect(html).not.toContain('<script>alert(1)');
    }
    for (const text of [sv?.text ?? '', mail.body.text ?? '']) {
      expect(text).toContain('Välkomna, ni som driver företag.');
      expect(text).toContain('mer (https://hassleholm.se/)');
    }
  });
});

/** The calendar attachment of a mail from the SES emulator's store, as text ('' when none). */
const icsOf = (mail: { attachments?: unknown[] } | undefined) =>
  Buffer.from(
    String((mail?.attachments?.[0] as { content?: string } | undefined)?.content ?? ''),
    'base64',
  ).toString('utf8');

/** The ATTENDEE line of an .ics, unfolded. */
const attendeeLine = (ics: string) => /^ATTENDEE[^\r\n]*/m.exec(ics.replace(/\r?\n[ \t]/g, ''))?.[0] ?? '';

describe('calendar entries for every kind of recipient of a move, a cancel and a decline', () => {
  it('gives seat holders REQUEST/CONFIRMED with a higher SEQUENCE, waitlisted contacts the news but no entry, a waitlisted decline after a move a CANCEL, and everyone a CANCEL when the event is cancelled', async () => {
    // Prepare: one seat; A attends, B and E wait, C declines, D does not answer.
    const event = await publishedEvent('hassleholm', {
      title: `Kalender ${Date.now()}`,
      capacity: 1,
      seatLimitPerOrganisation: 1,
    });
    const ids = await invitedContacts(runtime, event, 5, { prefix: `ics${Date.now()}` });
    const [a, b, c, d, e] = ids as [string, string, string, string, string];
    const address = (id: string) => `${id}@foretag.example`;
    const mailsTo = async (id: string) =>
      (await mailbox(runtime)).filter((m) => recipientOf(m) === address(id));
    const { postRsvp } = await import('../event-helpers.js');
    const answer = async (id: string, form: Record<string, string>) =>
      expect((await postRsvp(runtime, await rsvpToken(event, id), form)).status).toBe(200);
    await answer(a, { answer: 'attend', seats: '1' });
    await answer(b, { answer: 'attend', seats: '1' });
    await answer(e, { answer: 'attend', seats: '1' });
    await answer(c, { answer: 'decline' });
    for (const id of [a, b, c, e])
      await waitFor(async () => (await mailsTo(id))[0], 15_000, 'a confirmation');

    // The confirmations: A's entry says accepted and asks for no reply; waiting and declining get none.
    const confirmation = icsOf((await mailsTo(a))[0]);
    expect(confirmation).toContain('METHOD:REQUEST');
    expect(confirmation).toContain('STATUS:CONFIRMED');
    expect(confirmation).toMatch(/SEQUENCE:0/);
    expect(attendeeLine(confirmation)).toMatch(/PARTSTAT="?ACCEPTED/);
    expect(attendeeLine(confirmation)).not.toContain('RSVP=TRUE');
    expect(attendeeLine(confirmation)).not.toContain('NEEDS-ACTION');
    for (const id of [b, c, e]) expect(icsOf((await mailsTo(id))[0])).toBe('');

    // Act 1: staff move the event an hour later.
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
    const updateTo = (id: string) =>
      waitFor(
        async () => (await mailsTo(id)).find((m) => /^Ändrat/.test(m.subject)),
        20_000,
        `the update to ${id}`,
      );

    // Assess 1: A's entry moves (SEQUENCE 1); B and E are told, with no entry; C and D hear nothing.
    const [updateA, updateB, updateE] = await Promise.all([updateTo(a), updateTo(b), updateTo(e)]);
    const movedA = icsOf(updateA);
    expect(movedA).toContain('METHOD:REQUEST');
    expect(movedA).toContain('STATUS:CONFIRMED');
    expect(movedA).toMatch(/SEQUENCE:1/);
    expect(movedA).toContain(`UID:${event.eventId}@samverkan`);
    expect(attendeeLine(movedA)).not.toContain('RSVP=TRUE');
    for (const mail of [updateB, updateE]) {
      expect(icsOf(mail)).toBe('');
      expect(mail.body.text).toContain('väntelistan');
    }
    for (const id of [c, d]) expect((await mailsTo(id)).some((m) => /^Ändrat/.test(m.subject))).toBe(false);

    // Act 2: B leaves the waitlist (B may hold an entry from before this fix: the move mail had one).
    const beforeB = (await mailsTo(b)).length;
    await answer(b, { answer: 'decline' });
    const declinedB = await waitFor(
      async () => (await mailsTo(b)).slice(beforeB)[0],
      15_000,
      "B's confirmation of the decline",
    );
    // Assess 2
    expect(icsOf(declinedB)).toContain('METHOD:CANCEL');
    expect(icsOf(declinedB)).toContain(`UID:${event.eventId}@samverkan`);

    // Act 3: staff cancel the event.
    const cancelled = await staff.call('POST', `/api/events/${event.eventId}/cancel`, {});
    expect(cancelled.status, cancelled.text).toBe(200);
    const cancelTo = (id: string) =>
      waitFor(
        async () => (await mailsTo(id)).find((m) => /^Inställt/.test(m.subject)),
        20_000,
        `the cancellation to ${id}`,
      );
    // Assess 3: the seat holder and the one still waiting get a CANCEL newer than the move.
    for (const mail of await Promise.all([cancelTo(a), cancelTo(e)])) {
      const ics = icsOf(mail);
      expect(ics).toContain('METHOD:CANCEL');
      expect(ics).toContain('STATUS:CANCELLED');
      expect(ics).toMatch(/SEQUENCE:2/);
      expect(attendeeLine(ics)).not.toContain('RSVP=TRUE');
    }
    for (const id of [b, c, d])
      expect((await mailsTo(id)).some((m) => /^Inställt/.test(m.subject))).toBe(false);
  });

  it('sends no CANCEL to a waitlisted contact who declines before any move (they never had an entry), and a CANCEL to an attendee who declines', async () => {
    const event = await publishedEvent('hassleholm', {
      title: `Avböj ${Date.now()}`,
      capacity: 1,
      seatLimitPerOrganisation: 1,
    });
    const [a, b] = (await invitedContacts(runtime, event, 2, { prefix: `dec${Date.now()}` })) as [
      string,
      string,
    ];
    const { postRsvp } = await import('../event-helpers.js');
    const mailsTo = async (id: string) =>
      (await mailbox(runtime)).filter((m) => recipientOf(m) === `${id}@foretag.example`);
    for (const id of [a, b]) {
      await postRsvp(runtime, await rsvpToken(event, id), { answer: 'attend', seats: '1' });
      await waitFor(async () => (await mailsTo(id))[0], 15_000, 'a confirmation');
    }
    // Act: B leaves the waitlist, then A gives up the seat.
    await postRsvp(runtime, await rsvpToken(event, b), { answer: 'decline' });
    const declineB = await waitFor(async () => (await mailsTo(b))[1], 15_000, "B's decline");
    await postRsvp(runtime, await rsvpToken(event, a), { answer: 'decline' });
    const declineA = await waitFor(async () => (await mailsTo(a))[1], 15_000, "A's decline");
    // Assess
    expect(icsOf(declineB)).toBe('');
    expect(icsOf(declineA)).toContain('METHOD:CANCEL');
    expect(attendeeLine(icsOf(declineA))).not.toContain('RSVP=TRUE');
  });
});

describe('the RSVP page and the colleague', () => {
  it('puts the result first, says who is answering, and shows a returning visitor their answer', async () => {
    const event = await publishedEvent('hassleholm', { title: `Svarssida ${Date.now()}` });
    const [id] = (await invitedContacts(runtime, event, 1, { prefix: `page${Date.now()}` })) as [string];
    const token = await rsvpToken(event, id);
    const { postRsvp } = await import('../event-helpers.js');
    // Act
    const first = await (await fetch(`${runtime.url}/rsvp/${token}`)).text();
    const answered = await postRsvp(runtime, token, { answer: 'attend', seats: '2' });
    const returning = await (await fetch(`${runtime.url}/rsvp/${token}`)).text();
    // Assess: who answers, before the form
    expect(first).toContain(`Du svarar som Deltagare ${id}`);
    // The result banner comes before the event's own text (on a phone it is the first thing seen).
    expect(answered.html.indexOf('Du är anmäld')).toBeGreaterThan(-1);
    expect(answered.html.indexOf('Du är anmäld')).toBeLessThan(answered.html.indexOf('<h1'));
    // A returning visitor sees where they stand, without having posted anything.
    expect(first).not.toContain('class="notice status-line"');
    expect(returning).toMatch(/class="notice status-line"[^>]*>[\s\S]*?Du är anmäld \(2 platser\)/);
  });

  it('tells the colleague who sent the invitation, and records the original contact as having sent a colleague', async () => {
    const event = await publishedEvent('hassleholm', { title: `Kollega ${Date.now()}` });
    const [id] = (await invitedContacts(runtime, event, 1, { prefix: `fwd${Date.now()}` })) as [string];
    const token = await rsvpToken(event, id);
    const { postRsvp } = await import('../event-helpers.js');
    const colleague = `kollega.${Date.now()}@foretag.example`;
    // Act
    const sent = await postRsvp(runtime, token, { name: 'Bo Kollega', email: colleague }, '/colleague');
    const mail = await waitFor(
      async () => (await mailbox(runtime)).find((m) => recipientOf(m) === colleague),
      15_000,
      "the colleague's invitation",
    );
    // Assess
    expect(sent.status).toBe(200);
    expect(mail.body.text).toContain(`Deltagare ${id} har skickat den här inbjudan vidare till dig`);
    expect(mail.body.html).toContain(`Deltagare ${id} har skickat den här inbjudan vidare till dig`);
    const { getInvitation } = await import('../../shared/meetings/store.js');
    const original = await getInvitation(event.tenantId, event.eventId, id);
    expect(original?.status).toBe('declined');
    expect(original?.note).toContain('Bo Kollega');
  });
});
