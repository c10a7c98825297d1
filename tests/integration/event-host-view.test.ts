import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.js';
import { getCounters, getInvitation } from '../../shared/meetings/store.js';
import { invitedContacts, postRsvp, publishedEvent, rsvpToken } from '../event-helpers.js';
import { consoleRequest, staffClient } from '../helpers.js';

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
});
