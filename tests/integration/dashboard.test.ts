import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.js';
import { dashboardMessages } from '../../shared/activity/texts.js';
import { invitedContacts, publishedEvent } from '../event-helpers.js';
import { consoleRequest, staffClient } from '../helpers.js';

/**
 * The console's start page (issue 10, part 5) on the demo data: the next events with their answer
 * counts, a scheduled send with its cancel (the event page's own route), the open feedback forms
 * and each programme's headline figures from its insight counters, in the programme list.
 */

let runtime: LocalRuntime;

beforeAll(async () => {
  runtime = await startLocalRuntime({ seed: true, log: () => {} });
});
afterAll(async () => {
  await runtime?.stop();
});

const section = (html: string, id: string) => {
  const start = html.indexOf(`<section aria-labelledby="${id}-heading" id="${id}">`);
  expect(start, `section ${id}`).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</section>', start));
};

describe('the dashboard', () => {
  it('shows upcoming events with answers, pending sends with a cancel, open forms and programme figures', async () => {
    // Prepare: an upcoming event with two invitations and a send scheduled in three days
    const event = await publishedEvent('hassleholm', { title: `Frukostmöte ${Date.now()}` });
    const ids = await invitedContacts(runtime, event, 2, { prefix: `dash${Date.now()}` });
    const staff = await staffClient(runtime, 'staff-hlm-anna');
    const scheduled = await staff.call('POST', `/api/events/${event.eventId}/invitations`, {
      audience: { kind: 'contacts', contactIds: ids },
      sendAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    });
    expect(scheduled.status, scheduled.text).toBe(202);

    // Act
    const response = await consoleRequest(runtime, 'staff-hlm-anna', 'GET', '/console');
    const html = await response.text();

    // Assess
    const m = dashboardMessages.sv.sections;
    expect(response.status).toBe(200);
    expect(section(html, 'upcoming-events')).toContain(event.title);
    expect(section(html, 'upcoming-events')).toContain(`${m.invited}: 2`);
    const sends = section(html, 'pending-sends');
    expect(sends).toMatch(new RegExp(`action="/console/events/${event.eventId}/sends/[^"]+/cancel"`));
    expect(section(html, 'open-forms')).toContain('Dialoglunch');
    // The programme list carries each programme's headline figures from its insight counters.
    expect(html).toMatch(/Organisationer inbjudna: (9\d|1\d\d)/);

    // The cancel posts to the existing route and the send is gone from the list
    const action = /action="(\/console\/events\/[^"]+\/cancel)"/.exec(sends)?.[1] as string;
    const cancelled = await consoleRequest(runtime, 'staff-hlm-anna', 'POST', action, {});
    expect(cancelled.status).toBe(303);
    const after = await (await consoleRequest(runtime, 'staff-hlm-anna', 'GET', '/console')).text();
    expect(section(after, 'pending-sends')).not.toContain(event.eventId);
  });

  it('shows a viewer the pending sends without the cancel', async () => {
    // Prepare: another scheduled send
    const event = await publishedEvent('hassleholm', { title: `Seminarium ${Date.now()}` });
    const ids = await invitedContacts(runtime, event, 1, { prefix: `view${Date.now()}` });
    const staff = await staffClient(runtime, 'staff-hlm-anna');
    const scheduled = await staff.call('POST', `/api/events/${event.eventId}/invitations`, {
      audience: { kind: 'contacts', contactIds: ids },
      sendAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
    });
    expect(scheduled.status, scheduled.text).toBe(202);
    // Act
    const html = await (await consoleRequest(runtime, 'staff-hlm-maria', 'GET', '/console')).text();
    // Assess
    const sends = section(html, 'pending-sends');
    expect(sends).toContain(event.title);
    expect(sends).not.toContain('/cancel');
  });
});
