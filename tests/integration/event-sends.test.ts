import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.js';
import { CampaignSendRequested } from '../../shared/mail/events.js';
import { fireSchedule, type Schedule } from '../../shared/platform/schedules/store.js';
import { invitedContacts, postRsvp, publishedEvent, rsvpToken } from '../event-helpers.js';
import { consoleRequest, staffClient, waitFor } from '../helpers.js';
import { addContacts, announcement, mailbox, recipientOf } from '../mail-helpers.js';

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

describe('saved segments (issue 12)', () => {
  it("saves, lists, renames and deletes a segment; refuses a bad name naming the field and writes nothing; another tenant's segment is missing everywhere", async () => {
    // Prepare
    const anna = await staffClient(runtime, 'staff-hlm-anna');
    const eva = await staffClient(runtime, 'staff-per-eva');
    const tag = `segapi${Date.now()}`;
    // Act
    const refused = await anna.call('POST', '/api/segments', {
      name: 'Rad ett\r\nBcc: x@example.org',
      audience: { kind: 'tags', tags: [tag] },
    });
    const created = await anna.call('POST', '/api/segments', {
      name: 'Livsmedelsföretag',
      audience: { kind: 'tags', tags: [tag] },
    });
    const segmentId = created.json.segmentId as string;
    const renamed = await anna.call('PUT', `/api/segments/${segmentId}`, { name: 'Mat och dryck' });
    const listed = (await anna.call('GET', '/api/segments?limit=100')).json.items as {
      segmentId: string;
      name: string;
    }[];
    const theirs = (await eva.call('GET', '/api/segments?limit=100')).json.items as { segmentId: string }[];
    const foreignEvent = await publishedEvent('perstorp');
    const foreign = {
      get: (await eva.call('GET', `/api/segments/${segmentId}`)).status,
      rename: (await eva.call('PUT', `/api/segments/${segmentId}`, { name: 'Mitt nu' })).status,
      remove: (await eva.call('DELETE', `/api/segments/${segmentId}`)).status,
      invite: await eva.call('POST', `/api/events/${foreignEvent.eventId}/invitations`, { segmentId }),
    };
    const campaign = await anna.call('POST', '/api/campaigns', {
      name: 'Nyhetsbrev',
      content: announcement('Nytt om mat'),
      segmentId,
    });
    const foreignCampaign = await eva.call('POST', '/api/campaigns', {
      name: 'Nyhetsbrev',
      content: announcement('Nytt om mat'),
      segmentId,
    });
    const both = await anna.call('POST', `/api/events/${foreignEvent.eventId}/invitations`, {
      segmentId,
      audience: { kind: 'all' },
    });
    const deleted = await anna.call('DELETE', `/api/segments/${segmentId}`);
    const deletedAgain = await anna.call('DELETE', `/api/segments/${segmentId}`);
    const badCursor = await anna.call(
      'GET',
      '/api/segments?cursor=eyJwayI6IlQjcGVyc3RvcnAiLCJzayI6IlNFR01FTlQjeCJ9',
    );
    // Assess
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('body.name');
    expect(listed.filter((s) => s.name === 'Rad ett\r\nBcc: x@example.org')).toHaveLength(0);
    expect(created.status, created.text).toBe(201);
    expect(renamed.status).toBe(200);
    expect(listed.find((s) => s.segmentId === segmentId)?.name).toBe('Mat och dryck');
    expect(theirs.some((s) => s.segmentId === segmentId)).toBe(false);
    expect(foreign).toMatchObject({ get: 404, rename: 404, remove: 404 });
    expect(foreign.invite.status).toBe(422);
    expect(foreign.invite.text).toContain('body.segmentId');
    expect(both.status).toBe(422);
    // A campaign takes the segment's definition, and notes the segment by its name then.
    expect(campaign.status, campaign.text).toBe(201);
    expect(campaign.json.audience).toEqual({ kind: 'tags', tags: [tag] });
    expect(campaign.json.segment).toEqual({ segmentId, name: 'Mat och dryck' });
    expect(foreignCampaign.status).toBe(422);
    expect(foreignCampaign.text).toContain('body.segmentId');
    expect((await anna.call('GET', `/api/segments/${segmentId}`)).status).toBe(404);
    expect(deleted.status).toBe(204);
    expect(deletedAgain.status).toBe(404);
    // Another tenant's key in a cursor is refused, not read.
    expect(badCursor.status).toBe(422);
  });

  it('is evaluated when the send is made, and a scheduled send keeps the definition it was made with after the segment is deleted', async () => {
    // Prepare: two tagged contacts, a segment of the tag, then a third contact tagged after saving.
    const staff = await staffClient(runtime, 'staff-hlm-anna');
    const tag = `segsend${Date.now()}`;
    const email = (i: number) => `${tag}-${i}@foretag.example`;
    await addContacts(
      runtime,
      'hassleholm',
      [0, 1].map((i) => ({ contactId: `${tag}-${i}`, email: email(i), tags: [tag] })),
    );
    const segment = (
      await staff.call('POST', '/api/segments', {
        name: `Urval ${tag}`,
        audience: { kind: 'tags', tags: [tag] },
      })
    ).json as { segmentId: string; name: string };
    await addContacts(runtime, 'hassleholm', [{ contactId: `${tag}-2`, email: email(2), tags: [tag] }]);
    const event = await publishedEvent('hassleholm', { title: `Urval ${Date.now()}` });
    const sendAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const scheduled = await staff.call('POST', `/api/events/${event.eventId}/invitations`, {
      segmentId: segment.segmentId,
      sendAt,
    });
    const campaignId = scheduled.json.campaignId as string;
    // Act: the segment is deleted before the send's time comes.
    const deleted = await staff.call('DELETE', `/api/segments/${segment.segmentId}`);
    const fired = await fireSchedule(
      {
        scheduleId: `campaign-${campaignId}`,
        tenantId: event.tenantId,
        dueAt: sendAt,
        eventName: CampaignSendRequested.name,
        detail: { tenantId: event.tenantId, campaignId, actor: 'test' },
        status: 'pending',
        createdAt: sendAt,
      },
      CampaignSendRequested,
      new Date(),
    );
    const recipients = await waitFor(
      async () => {
        const to = (await mailbox(runtime)).map(recipientOf).filter((r) => r.startsWith(`${tag}-`));
        return to.length >= 3 ? to : undefined;
      },
      30_000,
      'the scheduled invitations',
    );
    // Assess
    expect(scheduled.status, scheduled.text).toBe(202);
    expect(deleted.status).toBe(204);
    expect(fired).toBe(true);
    expect(recipients.sort()).toEqual([email(0), email(1), email(2)]);
    const campaign = (await staff.call('GET', `/api/campaigns/${campaignId}`)).json;
    expect(campaign.audience).toEqual({ kind: 'tags', tags: [tag] });
    expect(campaign.segment).toEqual({ segmentId: segment.segmentId, name: segment.name });
    const mailing = await (
      await consoleRequest(runtime, 'staff-hlm-anna', 'GET', `/console/mailings/${campaignId}`)
    ).text();
    expect(mailing).toContain(`Till det sparade urvalet ”${segment.name}”`);
  });

  it('the invite form saves a built audience as a segment, picks it, and the confirmation names the segment and the number of recipients', async () => {
    // Prepare
    const event = await publishedEvent('hassleholm', { title: `Urvalsform ${Date.now()}` });
    const ids = await invitedContacts(runtime, event, 2, { prefix: `segform${Date.now()}` });
    const path = `/console/events/${event.eventId}`;
    const picked = Object.fromEntries(ids.map((id) => [`contact_${id}`, 'on']));
    const name = `Handplockat ${Date.now()}`;
    // Act
    const refused = await consoleRequest(runtime, 'staff-hlm-anna', 'POST', `${path}/invitations`, {
      ...picked,
      audience: 'contacts',
      segmentName: '',
      action: 'save-segment',
    });
    const saved = await consoleRequest(runtime, 'staff-hlm-anna', 'POST', `${path}/invitations`, {
      ...picked,
      audience: 'contacts',
      segmentName: name,
      action: 'save-segment',
    });
    const savedHtml = await saved.text();
    const segmentId = new RegExp(`<option[^>]*value="([^"]+)"[^>]*>${name}</option>`).exec(
      savedHtml,
    )?.[1] as string;
    const asked = await consoleRequest(runtime, 'staff-hlm-anna', 'POST', `${path}/invitations`, {
      audience: 'segment',
      segmentId,
      when: 'now',
      action: 'send',
    });
    const askedHtml = await asked.text();
    const missing = await consoleRequest(runtime, 'staff-hlm-anna', 'POST', `${path}/invitations`, {
      audience: 'segment',
      segmentId: 'no-such-segment',
      when: 'now',
      action: 'send',
    });
    const segmentsPage = await (
      await consoleRequest(runtime, 'staff-hlm-anna', 'GET', '/console/mailings/segments')
    ).text();
    // Assess
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('Ge urvalet ett namn.');
    expect(saved.status).toBe(200);
    expect(savedHtml).toContain(`Urvalet är sparat som ”${name}”.`);
    expect(segmentId).toBeTruthy();
    expect(asked.status).toBe(200);
    expect(askedHtml).toContain(`Skicka inbjudan till 2 kontakter i det sparade urvalet ”${name}”?`);
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain('Det sparade urvalet finns inte längre.');
    expect(segmentsPage).toContain(name);
    expect(segmentsPage).toContain('2 utvalda kontakter');
    expect(segmentsPage).toContain('inte en lista över personer');
  });
});
