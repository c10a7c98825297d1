import { h } from 'preact';
import { render } from 'preact-render-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.js';
import { eraseMeetingsPerson } from '../../shared/meetings/actions/erase.js';
import { meetingsPersonalData } from '../../shared/meetings/actions/personal-data.js';
import { CheckInQr, checkInPath, checkInQrGif } from '../../shared/meetings/pages/check-in-qr.js';
import { getCounters, getInvitation } from '../../shared/meetings/store.js';
import { invitedContacts, postRsvp, publishedEvent, rsvpToken } from '../event-helpers.js';
import { consoleRequest, staffClient, waitFor } from '../helpers.js';
import { mailbox, recipientOf } from '../mail-helpers.js';

/** Issue 12: the caterer's and the host's view of an event. */

let runtime: LocalRuntime;

beforeAll(async () => {
  runtime = await startLocalRuntime({ seed: true, log: () => {}, sesSendRate: 300 });
});
afterAll(async () => {
  await runtime?.stop();
});

const page = async (path: string) => (await consoleRequest(runtime, 'staff-hlm-anna', 'GET', path)).text();
/** The figure of a counter on the event page (`<div class="counter" id="counter-…">`). */
const counterOf = (html: string, name: string) =>
  new RegExp(`id="counter-${name}"[^>]*><dt>([^<]*)</dt><dd>([0-9 ]+)`).exec(html)?.slice(1, 3);

describe("the caterer's and the host's view", () => {
  it('counts special diets per person, shows accessibility needs and notes on the event page, and the list and the page agree on who comes, labelled as people', async () => {
    // Prepare: a two-person answer (vegetarian, a wheelchair, a note) and a one-person answer.
    const event = await publishedEvent('hassleholm', { title: `Värd ${Date.now()}` });
    const [two, one] = (await invitedContacts(runtime, event, 2, { prefix: `host${Date.now()}` })) as [
      string,
      string,
    ];
    // Act
    await postRsvp(runtime, await rsvpToken(event, two), {
      answer: 'attend',
      seats: '2',
      names: 'Anna Ek\nBo Lind',
      dietary: ['vegetarian'],
      accessibility: 'Rullstol, behöver ramp',
      note: 'Vi kommer tio minuter sent',
    });
    await postRsvp(runtime, await rsvpToken(event, one), { answer: 'attend', seats: '1' });
    const live = await page(`/console/events/${event.eventId}`);
    const list = await page('/console/events');

    // Assess: diets per person
    expect((await getCounters(event.tenantId, event.eventId)).dietary.vegetarian).toBe(2);
    expect(live).toMatch(/Vegetarisk<\/th><td class="num"[^>]*>2</);
    // Needs and notes where the host reads them
    expect(live).toContain('Rullstol, behöver ramp');
    expect(live).toContain('Vi kommer tio minuter sent');
    // The same figure, labelled as people, on the list and the page
    expect(counterOf(live, 'attending')).toEqual(['Kommer (personer)', '3']);
    const row = new RegExp(`${event.title}[\\s\\S]*?</tr>`).exec(list)?.[0] ?? '';
    expect(row).toContain('3 av 50 platser');
    expect(list).toContain('Kommer (personer)');
    expect(live).toContain('3 av 50 platser');
    // The two CSV downloads have names of their own.
    const names = await Promise.all(
      ['', '?sep=semicolon'].map(async (query) =>
        (
          await consoleRequest(
            runtime,
            'staff-hlm-anna',
            'GET',
            `/console/events/${event.eventId}/export.csv${query}`,
          )
        ).headers.get('content-disposition'),
      ),
    );
    expect(names[0]).toMatch(/filename="vard-\d+\.csv"/);
    expect(names[1]).toMatch(/filename="vard-\d+-semikolon\.csv"/);
  });

  it('checks in one person of a two-person answer, and counts people present', async () => {
    // Prepare
    const event = await publishedEvent('hassleholm', { title: `Incheckning ${Date.now()}` });
    const [id] = (await invitedContacts(runtime, event, 1, { prefix: `in${Date.now()}` })) as [string];
    await postRsvp(runtime, await rsvpToken(event, id), {
      answer: 'attend',
      seats: '2',
      names: 'Anna Ek\nBo Lind',
    });
    const staff = await staffClient(runtime, 'staff-hlm-anna');

    // Act: Bo (the second person) arrives, twice (a double tap); then through the console form, Anna.
    const first = await staff.call('POST', `/api/events/${event.eventId}/attendance`, {
      contactId: id,
      person: 1,
      attended: true,
    });
    const again = await staff.call('POST', `/api/events/${event.eventId}/attendance`, {
      contactId: id,
      person: 1,
      attended: true,
    });
    const afterBo = await getCounters(event.tenantId, event.eventId);
    const livePage = await page(`/console/events/${event.eventId}`);

    // Assess
    expect(first.status, first.text).toBe(200);
    expect(first.json).toMatchObject({ changed: true });
    expect(again.json).toMatchObject({ changed: false });
    expect(afterBo.present).toBe(1);
    expect(afterBo.attended).toBe(1);
    expect((await getInvitation(event.tenantId, event.eventId, id))?.present).toEqual([1]);
    expect(counterOf(livePage, 'present')).toEqual(['Närvarande (personer)', '1']);
    expect(livePage).toMatch(/aria-pressed="true"[^>]*>[\s\S]*?Bo Lind/);

    const form = await consoleRequest(
      runtime,
      'staff-hlm-anna',
      'POST',
      `/console/events/${event.eventId}/attendance`,
      {
        contactId: id,
        person: '0',
        attended: 'true',
      },
    );
    expect(form.status).toBe(303);
    const both = await getCounters(event.tenantId, event.eventId);
    expect(both.present).toBe(2);
    expect(both.attended).toBe(1);
    // A person index beyond the answer's seats is refused, and changes nothing.
    const beyond = await staff.call('POST', `/api/events/${event.eventId}/attendance`, {
      contactId: id,
      person: 2,
      attended: true,
    });
    expect(beyond.status).toBe(422);
    expect((await getCounters(event.tenantId, event.eventId)).present).toBe(2);
  });

  it("puts a QR code of the contact's own check-in in the confirmation mail and page; it opens that answer for staff only", async () => {
    // Prepare: a two-person answer and another attendee.
    const event = await publishedEvent('hassleholm', { title: `QR ${Date.now()}` });
    const [id, other] = (await invitedContacts(runtime, event, 2, { prefix: `qr${Date.now()}` })) as [
      string,
      string,
    ];
    const token = await rsvpToken(event, id);
    const answered = await postRsvp(runtime, token, {
      answer: 'attend',
      seats: '2',
      names: 'Ada Berg\nBo Lind',
    });
    await postRsvp(runtime, await rsvpToken(event, other), { answer: 'attend', seats: '1' });
    const expected = `${runtime.url}${checkInPath(event.eventId, id)}`;

    // Act: the confirmation mail's image, and the console link the code holds.
    const mail = await waitFor(
      async () => (await mailbox(runtime)).find((m) => recipientOf(m) === `${id}@foretag.example`),
      15_000,
      'the confirmation',
    );
    const src = /<img src="([^"]+)" alt="[^"]*QR[^"]*"/i.exec(mail.body.html ?? '')?.[1] ?? '';
    const part = (
      (mail.attachments ?? []) as { contentId?: string; contentType: string; content: string }[]
    ).find((a) => `cid:${a.contentId}` === src);
    const staffView = await page(checkInPath(event.eventId, id));
    const anonymous = await fetch(`${runtime.url}${checkInPath(event.eventId, id)}`, { redirect: 'manual' });
    const otherTenant = await consoleRequest(
      runtime,
      'staff-hel-mette',
      'GET',
      checkInPath(event.eventId, id),
    );
    const unknown = await consoleRequest(
      runtime,
      'staff-hlm-anna',
      'GET',
      checkInPath(event.eventId, 'nobody-here'),
    );

    // Assess: the mail's image and the page's code are the console's check-in of this contact.
    // The code is a part of the mail itself (cid:), not an image fetched from the site.
    expect(src).toBe('cid:check-in@samverkan');
    expect(mail.body.html).not.toContain('check-in.gif');
    expect(part?.contentType).toBe('image/gif');
    expect(Buffer.from(part?.content ?? '', 'base64').equals(checkInQrGif(expected))).toBe(true);
    const drawn = /<path d="([^"]+)"/.exec(render(h(CheckInQr, { url: expected, label: 'x' })))?.[1];
    expect(answered.html).toContain(`<path d="${drawn}"`);
    // Staff see this answer alone, one button per person; nobody else, no one without a sign-in.
    expect(staffView).toContain('Ada Berg');
    expect(staffView).toContain('Bo Lind');
    expect(staffView).not.toContain(`Deltagare ${other}`);
    expect(anonymous.status).toBeGreaterThanOrEqual(300);
    expect(anonymous.status).toBeLessThan(400);
    expect(otherTenant.status).toBe(404);
    expect(unknown.status).toBe(404);
    // A declined contact's image is gone (no seat, no code).
    await postRsvp(runtime, await rsvpToken(event, other), { answer: 'decline' });
    const otherImage = await fetch(`${runtime.url}/rsvp/${await rsvpToken(event, other)}/check-in.gif`);
    expect(otherImage.status).toBe(404);
  });

  it('searches the check-in by name or organisation, accents and case aside, without script', async () => {
    const event = await publishedEvent('hassleholm', { title: `Dörr ${Date.now()}` });
    const [a, b] = (await invitedContacts(runtime, event, 2, { prefix: `door${Date.now()}` })) as [
      string,
      string,
    ];
    await postRsvp(runtime, await rsvpToken(event, a), {
      answer: 'attend',
      seats: '2',
      names: 'Åsa Öst\nPer Berg',
    });
    await postRsvp(runtime, await rsvpToken(event, b), { answer: 'attend', seats: '1' });

    const all = await page(`/console/events/${event.eventId}/check-in`);
    const byName = await page(`/console/events/${event.eventId}/check-in?q=asa%20OST`);
    const byOrganisation = await page(
      `/console/events/${event.eventId}/check-in?q=${encodeURIComponent(`org-${b}`)}`,
    );
    const none = await page(`/console/events/${event.eventId}/check-in?q=zzz`);
    const tooLong = await consoleRequest(
      runtime,
      'staff-hlm-anna',
      'GET',
      `/console/events/${event.eventId}/check-in?q=${'x'.repeat(101)}`,
    );

    expect(all).toContain('0 av 3 på plats');
    expect(all.match(/data-search=/g)).toHaveLength(2);
    expect(byName.match(/data-search=/g)).toHaveLength(1);
    expect(byName).toContain('Åsa Öst');
    expect(byOrganisation.match(/data-search=/g)).toHaveLength(1);
    expect(byOrganisation).toContain(`Deltagare ${b}`);
    expect(none).toContain('Ingen anmäld matchar ”zzz”');
    expect(tooLong.status).toBe(422);
  });

  it("shows staff the answers to the event's own questions: counts per option, each answer, a CSV column each; the person's export has them and erasure takes the words", async () => {
    // Prepare: a choice and a text question; three answers, one of them a two-person answer
    const event = await publishedEvent('hassleholm', {
      title: `Frågor ${Date.now()}`,
      customQuestions: [
        {
          id: 'track',
          kind: 'single-choice',
          label: 'Vilket spår?',
          required: true,
          options: [
            { id: 'food', label: 'Livsmedel' },
            { id: 'tech', label: 'Teknik' },
          ],
        },
        { id: 'wish', kind: 'long-text', label: 'Önskemål', required: false, options: [] },
      ],
    });
    const [a, b, c] = (await invitedContacts(runtime, event, 3, { prefix: `qa${Date.now()}` })) as [
      string,
      string,
      string,
    ];
    // Act
    await postRsvp(runtime, await rsvpToken(event, a), {
      answer: 'attend',
      seats: '2',
      a_track: 'tech',
      a_wish: '=HYPERLINK("x") vid fönstret',
    });
    await postRsvp(runtime, await rsvpToken(event, b), { answer: 'attend', seats: '1', a_track: 'tech' });
    await postRsvp(runtime, await rsvpToken(event, c), { answer: 'attend', seats: '1', a_track: 'food' });
    const live = await page(`/console/events/${event.eventId}`);
    const csv = await (
      await consoleRequest(runtime, 'staff-hlm-anna', 'GET', `/console/events/${event.eventId}/export.csv`)
    ).text();

    // Assess: counted in answers (2 for Teknik though 3 people), with a chart and a table
    expect(live).toContain('Svar på egna frågor');
    expect(live).toMatch(/<svg[^>]*aria-label="Svar per alternativ: Vilket spår\?"/);
    expect(live).toMatch(/id="choice-track-tech"><th scope="row">Teknik<\/th><td class="num">2</);
    expect(live).toMatch(/id="choice-track-food"><th scope="row">Livsmedel<\/th><td class="num">1</);
    expect(live).toContain('=HYPERLINK(&quot;x&quot;) vid fönstret');
    const [header, ...rows] = csv.slice(1).trim().split('\r\n');
    expect(header?.split(',').slice(-2)).toEqual(['Vilket spår?', 'Önskemål']);
    expect(rows.find((r) => r.includes(`${a}@`))).toMatch(/,Teknik,"'=HYPERLINK\(""x""\) vid fönstret"$/);

    // The person's export holds the answers; erasure removes the words and keeps the option
    const exported = await meetingsPersonalData(event.tenantId, a);
    expect(exported.find((item) => item.data.event === event.title)?.data.answers).toEqual({
      track: ['tech'],
      wish: '=HYPERLINK("x") vid fönstret',
    });
    await eraseMeetingsPerson({
      tenantId: event.tenantId,
      contactId: a,
      email: `${a}@foretag.example`,
      personRef: 'x',
    });
    expect((await getInvitation(event.tenantId, event.eventId, a))?.answers).toEqual({ track: ['tech'] });
  });
});
