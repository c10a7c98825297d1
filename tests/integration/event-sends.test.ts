import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.js';
import { CampaignSendRequested } from '../../shared/mail/events.js';
import { fireSchedule, type Schedule } from '../../shared/platform/schedules/store.js';
import { invitedContacts, postRsvp, publishedEvent, rsvpToken } from '../event-helpers.js';
import { consoleRequest, staffClient, waitFor } from '../helpers.js';
import { mailbox, recipientOf } from '../mail-helpers.js';

/** Issue 12, "sending you can see": an event's sends, their progress, cancelling, resending. */

let runtime: LocalRuntime;

beforeAll(async () => {
  runtime = await startLocalRuntime({ seed: true, log: () => {}, sesSendRate: 300 });
});
afterAll(async () => {
  await runtime?.stop();
});

interface SendRow {
  campaignId: string;
  purpose: string;
  state: string;
  scheduledFor?: string;
  settled: number;
  figures: Record<string, number>;
}

describe("an event's sends", () => {
  it('lists a send with its progress from the campaign counters until every mail is handled, on the API and the event page', async () => {
    // Prepare
    const event = await publishedEvent('hassleholm', { title: `Utskick ${Date.now()}` });
    const ids = await invitedContacts(runtime, event, 3, { prefix: `send${Date.now()}` });
    const staff = await staffClient(runtime, 'staff-hlm-anna');
    // Act
    const sent = await staff.call('POST', `/api/events/${event.eventId}/invitations`, {
      audience: { kind: 'contacts', contactIds: ids },
    });
    expect(sent.status, sent.text).toBe(202);
    const done = await waitFor(
      async () => {
        const rows = (await staff.call('GET', `/api/events/${event.eventId}/sends`)).json.items as SendRow[];
        const row = rows[0];
        return row && row.state === 'sent' ? row : undefined;
      },
      30_000,
      'the send to finish',
    );
    // Assess
    expect(done).toMatchObject({ purpose: 'invitation', settled: 3 });
    expect(done.figures).toMatchObject({ queued: 3, sent: 3, failed: 0, bounced: 0 });
    const page = await (
      await consoleRequest(runtime, 'staff-hlm-anna', 'GET', `/console/events/${event.eventId}`)
    ).text();
    expect(page).toMatch(/<progress[^>]*max="3"[^>]*value="3"/);
    expect(page).toContain('id="sends"');
  });

  it('lists a scheduled send with its time and cancels it; the schedule can then never fire, and a send that has begun cannot be cancelled', async () => {
    // Prepare
    const event = await publishedEvent('hassleholm', { title: `Schemalagt ${Date.now()}` });
    const ids = await invitedContacts(runtime, event, 2, { prefix: `sched${Date.now()}` });
    const staff = await staffClient(runtime, 'staff-hlm-anna');
    const sendAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const scheduled = await staff.call('POST', `/api/events/${event.eventId}/invitations`, {
      audience: { kind: 'contacts', contactIds: ids },
      sendAt,
    });
    expect(scheduled.status, scheduled.text).toBe(202);
    const [row] = (await staff.call('GET', `/api/events/${event.eventId}/sends`)).json.items as SendRow[];
    expect(row).toMatchObject({ state: 'scheduled', scheduledFor: sendAt });
    const campaignId = row?.campaignId as string;

    // Act: cancel, then the dispatcher tries to fire it.
    const cancelled = await staff.call('POST', `/api/events/${event.eventId}/sends/${campaignId}/cancel`, {});
    const schedule = {
      scheduleId: `campaign-${campaignId}`,
      tenantId: event.tenantId,
      dueAt: sendAt,
      eventName: CampaignSendRequested.name,
      detail: { tenantId: event.tenantId, campaignId, actor: 'test' },
      status: 'pending',
      createdAt: sendAt,
    } satisfies Schedule;
    const fired = await fireSchedule(schedule, CampaignSendRequested, new Date());

    // Assess
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(fired).toBe(false);
    const [after] = (await staff.call('GET', `/api/events/${event.eventId}/sends`)).json.items as SendRow[];
    expect(after?.state).toBe('cancelled');
    // Another event's id, or an unknown campaign: not found.
    const other = await publishedEvent('hassleholm');
    expect(
      (await staff.call('POST', `/api/events/${other.eventId}/sends/${campaignId}/cancel`, {})).status,
    ).toBe(404);

    // The other order: the schedule fires first, then the cancel comes too late.
    const second = await staff.call('POST', `/api/events/${event.eventId}/invitations`, {
      audience: { kind: 'contacts', contactIds: ids },
      sendAt,
    });
    const secondId = (
      (await staff.call('GET', `/api/events/${event.eventId}/sends`)).json.items as SendRow[]
    ).find((r) => r.state === 'scheduled')?.campaignId as string;
    expect(second.status).toBe(202);
    expect(
      await fireSchedule(
        {
          ...schedule,
          scheduleId: `campaign-${secondId}`,
          detail: { ...schedule.detail, campaignId: secondId },
        },
        CampaignSendRequested,
        new Date(),
      ),
    ).toBe(true);
    const late = await staff.call('POST', `/api/events/${event.eventId}/sends/${secondId}/cancel`, {});
    expect(late.status).toBe(409);
  });

  it('resends to those who have not answered, and messages those with a seat', async () => {
    const event = await publishedEvent('hassleholm', { title: `Påminn ${Date.now()}` });
    const [yes, quiet] = (await invitedContacts(runtime, event, 2, { prefix: `rem${Date.now()}` })) as [
      string,
      string,
    ];
    await postRsvp(runtime, await rsvpToken(event, yes), { answer: 'attend', seats: '1' });
    const staff = await staffClient(runtime, 'staff-hlm-anna');
    // Act
    const resend = await staff.call('POST', `/api/events/${event.eventId}/non-responders`, {});
    const message = await staff.call('POST', `/api/events/${event.eventId}/attendee-message`, {
      subject: 'Parkering',
      markdownBody: 'Parkera **bakom** rådhuset.',
    });
    const bad = await staff.call('POST', `/api/events/${event.eventId}/attendee-message`, {
      subject: 'Rad\r\nBcc: x@example.com',
      markdownBody: 'x',
    });
    // Assess
    expect(resend.status, resend.text).toBe(202);
    expect(message.status, message.text).toBe(202);
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('body.subject');
    const mails = await waitFor(
      async () => {
        const all = await mailbox(runtime);
        const reminder = all.find(
          (m) => recipientOf(m) === `${quiet}@foretag.example` && /Påminnelse/.test(m.subject),
        );
        const parking = all.find(
          (m) => recipientOf(m) === `${yes}@foretag.example` && m.subject === 'Parkering',
        );
        return reminder && parking ? { reminder, parking } : undefined;
      },
      30_000,
      'the reminder and the message',
    );
    expect(mails.parking.body.html).toContain('<strong>bakom</strong>');
    const all = await mailbox(runtime);
    expect(all.some((m) => recipientOf(m) === `${yes}@foretag.example` && /Påminnelse/.test(m.subject))).toBe(
      false,
    );
    expect(all.some((m) => recipientOf(m) === `${quiet}@foretag.example` && m.subject === 'Parkering')).toBe(
      false,
    );
    const purposes = (
      (await staff.call('GET', `/api/events/${event.eventId}/sends`)).json.items as SendRow[]
    ).map((r) => r.purpose);
    expect(purposes.sort()).toEqual(['attendees-message', 'non-responders']);
  });
});

describe('the invite form', () => {
  it('does not default to everyone, asks for confirmation naming the number of recipients before anything is sent, and previews the mail as HTML with the first recipients named', async () => {
    // Prepare
    const event = await publishedEvent('hassleholm', { title: `Bekräfta ${Date.now()}` });
    const ids = await invitedContacts(runtime, event, 2, { prefix: `conf${Date.now()}` });
    const staff = await staffClient(runtime, 'staff-hlm-anna');
    const path = `/console/events/${event.eventId}`;
    const form = Object.fromEntries(ids.map((id) => [`contact_${id}`, 'on']));
    // Act
    const blank = await (await consoleRequest(runtime, 'staff-hlm-anna', 'GET', `${path}/invite`)).text();
    const preview = await consoleRequest(runtime, 'staff-hlm-anna', 'POST', `${path}/invitations`, {
      ...form,
      audience: 'contacts',
      when: 'now',
      action: 'preview',
    });
    const previewHtml = await preview.text();
    const asked = await consoleRequest(runtime, 'staff-hlm-anna', 'POST', `${path}/invitations`, {
      ...form,
      audience: 'contacts',
      when: 'now',
      action: 'send',
    });
    const askedHtml = await asked.text();
    const sendsBefore = (await staff.call('GET', `/api/events/${event.eventId}/sends`)).json
      .items as unknown[];
    const confirmed = await consoleRequest(runtime, 'staff-hlm-anna', 'POST', `${path}/invitations`, {
      ...form,
      audience: 'contacts',
      when: 'now',
      action: 'confirm',
      expected: '2',
    });
    const sendsAfter = (await staff.call('GET', `/api/events/${event.eventId}/sends`)).json
      .items as unknown[];
    // Assess
    expect(/<input[^>]*id="invite-audience-all"[^>]*>/.exec(blank)?.[0]).not.toContain('checked');
    expect(previewHtml).toContain(`Deltagare ${ids[0]}`);
    // The mail as HTML (its RSVP button), not only as text.
    expect(previewHtml).toMatch(/class="mail-preview-html"[^>]*>[\s\S]*?<table role="presentation"/);
    expect(asked.status).toBe(200);
    expect(askedHtml).toContain('Skicka inbjudan till 2 kontakter?');
    expect(askedHtml).toMatch(/<button[^>]*form="invite-form"[^>]*value="confirm"/);
    expect(sendsBefore).toHaveLength(0);
    expect(confirmed.status).toBe(303);
    expect(sendsAfter).toHaveLength(1);
  });
});
