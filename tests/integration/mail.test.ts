import { SendMessageBatchCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.js';
import { wiring } from '../../infra/wiring.js';
import { REDRIVE_LIMIT } from '../../shared/platform/aws/queue.js';
import { staffClient, waitFor } from '../helpers.js';
import { addContacts, announcement, mailbox, recipientOf } from '../mail-helpers.js';

let runtime: LocalRuntime;
const ADMIN = 'staff-hlm-anna';
const tag = (name: string) => `t-${name}-${Date.now()}`;

beforeAll(async () => {
  runtime = await startLocalRuntime({
    seed: true,
    log: () => {},
    sesSendRate: 200,
    visibilityTimeoutOverrideSeconds: 2,
  });
});
afterAll(async () => {
  await runtime?.stop();
});

async function runCampaign(audienceTag: string, subject: string) {
  const staff = await staffClient(runtime, ADMIN);
  const created = await staff.call('POST', '/api/campaigns', {
    name: subject,
    content: announcement(subject),
    audience: { kind: 'tags', tags: [audienceTag] },
  });
  expect(created.status).toBe(201);
  const id = created.json.campaignId as string;
  expect((await staff.call('POST', `/api/campaigns/${id}/send`)).status).toBe(202);
  return { id, staff };
}

async function settled(staff: Awaited<ReturnType<typeof staffClient>>, id: string, expected: number) {
  return waitFor(
    async () => {
      const campaign = (await staff.call('GET', `/api/campaigns/${id}`)).json as {
        counters: Record<string, number>;
        expansion: { done: boolean };
      };
      const c = campaign.counters;
      const finished = (c.sent ?? 0) + (c.skipped ?? 0) + (c.failed ?? 0);
      return campaign.expansion.done && finished >= expected ? campaign : undefined;
    },
    30_000,
    `campaign ${id} to settle`,
  );
}

describe('a campaign reaches its audience', () => {
  it('mails each recipient once, in their language, with RFC 8058 headers, and counts it', async () => {
    const audience = tag('basic');
    await addContacts(runtime, 'hassleholm', [
      { contactId: `${audience}-a`, email: `a.${audience}@foretag.example`, tags: [audience] },
      {
        contactId: `${audience}-b`,
        email: `b.${audience}@foretag.example`,
        tags: [audience],
        language: 'da',
      },
      {
        contactId: `${audience}-c`,
        email: `c.${audience}@foretag.example`,
        tags: [audience],
        language: 'en',
      },
      { contactId: `${audience}-x`, email: 'not-an-address', tags: [audience] },
    ]);
    const { id, staff } = await runCampaign(audience, 'Inbjudan till dialoglunch');
    const campaign = await settled(staff, id, 4);
    expect(campaign.counters).toMatchObject({ queued: 3, sent: 3, skipped: 1 });

    const mails = (await mailbox(runtime)).filter((m) => recipientOf(m).includes(audience));
    expect(mails.map(recipientOf).sort()).toEqual([
      `a.${audience}@foretag.example`,
      `b.${audience}@foretag.example`,
      `c.${audience}@foretag.example`,
    ]);
    const danish = mails.find((m) => recipientOf(m).startsWith('b.'));
    expect(danish?.body.html).toContain('lang="da"');
    for (const mail of mails) {
      const headers = Object.fromEntries((mail.headers ?? []).map((h) => [h.name, h.value]));
      expect(headers['List-Unsubscribe']).toMatch(
        /^<http:\/\/localhost:\d+\/unsubscribe\/[\w.-]+>, <mailto:unsubscribe@samverkan\.example\?subject=unsubscribe%20[\w.-]+>$/,
      );
      expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
      expect(mail.from).toContain('no-reply@samverkan.example');
      expect(mail.body.text).toContain('dialoglunch');
    }
    // SES's delivery events arrive and are counted.
    await waitFor(
      async () => {
        const c = (
          (await staff.call('GET', `/api/campaigns/${id}`)).json as { counters: Record<string, number> }
        ).counters;
        return c.delivered === 3 ? true : undefined;
      },
      15_000,
      'the delivered counter',
    );
    const deliveries = (await staff.call('GET', `/api/campaigns/${id}/deliveries?status=skipped`)).json
      .items as { reason: string }[];
    expect(deliveries).toEqual([expect.objectContaining({ reason: 'invalid address' })]);
  });

  it('attaches a calendar invitation when the mail invites to an event', async () => {
    const audience = tag('ics');
    await addContacts(runtime, 'hassleholm', [
      { contactId: `${audience}-a`, email: `a.${audience}@foretag.example`, tags: [audience] },
    ]);
    const staff = await staffClient(runtime, ADMIN);
    const created = await staff.call('POST', '/api/campaigns', {
      name: 'Frukostmöte',
      content: {
        kind: 'announcement',
        data: {
          subject: 'Frukostmöte om etableringar',
          markdownBody: 'Välkommen!',
          calendar: {
            title: 'Frukostmöte',
            location: 'Rådhuset, Hässleholm',
            start: '2026-12-03T07:30:00+01:00',
            end: '2026-12-03T09:00:00+01:00',
          },
        },
      },
      audience: { kind: 'tags', tags: [audience] },
    });
    expect(created.status).toBe(201);
    const id = created.json.campaignId as string;
    await staff.call('POST', `/api/campaigns/${id}/send`);
    await settled(staff, id, 1);
    const mail = (await mailbox(runtime)).find((m) => recipientOf(m) === `a.${audience}@foretag.example`);
    const attachment = (mail?.attachments ?? [])[0] as
      | { filename?: string; contentType?: string; content?: string }
      | undefined;
    expect(attachment).toBeDefined();
    const ics = JSON.stringify(attachment);
    expect(ics).toContain('invite.ics');
    expect(ics).toMatch(/text\/calendar/);
  });

  it('never exceeds the configured send rate in any second', async () => {
    const perSecond = new Map<number, number>();
    for (const send of runtime.sesSends)
      perSecond.set(Math.floor(send.at / 1000), (perSecond.get(Math.floor(send.at / 1000)) ?? 0) + 1);
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(200);
  });
});

describe('suppression, bounces and unsubscribes', () => {
  it('suppresses a hard-bounced address for later campaigns', async () => {
    const audience = tag('bounce');
    await addContacts(runtime, 'hassleholm', [
      { contactId: `${audience}-bounce`, email: 'bounce@simulator.amazonses.com', tags: [audience] },
      { contactId: `${audience}-ok`, email: `ok.${audience}@foretag.example`, tags: [audience] },
    ]);
    const first = await runCampaign(audience, 'Första utskicket');
    await settled(first.staff, first.id, 2);
    await waitFor(
      async () => {
        const c = (
          (await first.staff.call('GET', `/api/campaigns/${first.id}`)).json as {
            counters: Record<string, number>;
          }
        ).counters;
        return c.bounced === 1 ? true : undefined;
      },
      15_000,
      'the bounce',
    );
    const suppressions = (await first.staff.call('GET', '/api/mail/suppressions')).json.items as {
      reason: string;
    }[];
    expect(suppressions.some((s) => s.reason === 'bounce')).toBe(true);

    const bouncesBefore = (await mailbox(runtime)).filter(
      (m) => recipientOf(m) === 'bounce@simulator.amazonses.com',
    ).length;
    const second = await runCampaign(audience, 'Andra utskicket');
    const settledSecond = await settled(second.staff, second.id, 2);
    expect(settledSecond.counters).toMatchObject({ sent: 1, skipped: 1 });
    expect(
      (await mailbox(runtime)).filter((m) => recipientOf(m) === 'bounce@simulator.amazonses.com'),
    ).toHaveLength(bouncesBefore);
  });

  it('applies two SES events of one contact that arrive in one batch, both and in order', async () => {
    const audience = tag('pair');
    const contactId = `${audience}-c`;
    const email = `c.${audience}@foretag.example`;
    await addContacts(runtime, 'hassleholm', [{ contactId, email, tags: [audience] }]);
    // Two campaigns to the one contact, each mailed and delivered.
    const campaigns = [await runCampaign(audience, 'Utskick A'), await runCampaign(audience, 'Utskick B')];
    const deliveries: { sesMessageId: string }[] = [];
    for (const { id, staff } of campaigns) {
      await settled(staff, id, 1);
      deliveries.push(
        await waitFor(
          async () => {
            const [delivery] = (await staff.call('GET', `/api/campaigns/${id}/deliveries?status=delivered`))
              .json.items as { sesMessageId: string }[];
            return delivery;
          },
          15_000,
          `campaign ${id} delivered`,
        ),
      );
    }
    const [a, b] = campaigns as [(typeof campaigns)[0], (typeof campaigns)[0]];
    // One batch from the mail-events queue: a complaint about A's mail, then a hard bounce of B's.
    // Both need the contact (for its address), which once made BatchGetItem refuse the batch.
    const sesEvent = (campaignId: string, messageId: string, detailType: string, extra: object) => ({
      version: '0',
      id: crypto.randomUUID(),
      'detail-type': detailType,
      source: 'aws.ses',
      account: '000000000000',
      time: new Date().toISOString(),
      region: 'eu-north-1',
      resources: [],
      detail: {
        eventType: detailType.split(' ')[1],
        mail: {
          messageId,
          timestamp: new Date().toISOString(),
          tags: { tenant: ['hassleholm'], delivery: [`${campaignId}_${contactId}`] },
        },
        ...extra,
      },
    });
    const bodies = [
      sesEvent(a.id, deliveries[0]?.sesMessageId ?? '', 'Email Complaint Received', {
        complaint: { complaintFeedbackType: 'abuse' },
      }),
      sesEvent(b.id, deliveries[1]?.sesMessageId ?? '', 'Email Bounced', {
        bounce: { bounceType: 'Permanent', bounceSubType: 'General' },
      }),
    ];
    const records = bodies.map((body) => ({
      messageId: crypto.randomUUID(),
      receiptHandle: crypto.randomUUID(),
      body: JSON.stringify(body),
      attributes: {},
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:eu-north-1:000000000000:samverkan-local-mail-events',
      awsRegion: 'eu-north-1',
    }));
    const mailEvents = runtime.functions.get('mail-events');
    await expect(mailEvents?.invoke({ Records: records })).resolves.toEqual({ batchItemFailures: [] });

    const counters = async (id: string) =>
      ((await a.staff.call('GET', `/api/campaigns/${id}`)).json as { counters: Record<string, number> })
        .counters;
    expect(await counters(a.id)).toMatchObject({ delivered: 1, complained: 1 });
    expect((await counters(a.id)).bounced ?? 0).toBe(0);
    expect(await counters(b.id)).toMatchObject({ delivered: 1, bounced: 1 });
    expect((await counters(b.id)).complained ?? 0).toBe(0);
    const status = async (id: string, wanted: string) =>
      (await a.staff.call('GET', `/api/campaigns/${id}/deliveries?status=${wanted}`)).json.items;
    expect(await status(a.id, 'complained')).toHaveLength(1);
    expect(await status(b.id, 'bounced')).toHaveLength(1);
    // The address is suppressed once; the later event (B's bounce) has the last word.
    const suppressions = (await a.staff.call('GET', '/api/mail/suppressions')).json.items as {
      reason: string;
      source: string;
    }[];
    expect(suppressions.filter((s) => s.source === `ses:${deliveries[1]?.sesMessageId}`)).toEqual([
      expect.objectContaining({ reason: 'bounce' }),
    ]);
    expect(suppressions.filter((s) => s.source === `ses:${deliveries[0]?.sesMessageId}`)).toEqual([]);
  });

  it('unsubscribes with the one-click POST from the List-Unsubscribe header, and mails that contact no more', async () => {
    const audience = tag('unsub');
    const email = `leaver.${audience}@foretag.example`;
    await addContacts(runtime, 'hassleholm', [{ contactId: `${audience}-leaver`, email, tags: [audience] }]);
    const first = await runCampaign(audience, 'Nyhetsbrev');
    await settled(first.staff, first.id, 1);
    const mail = (await mailbox(runtime)).find((m) => recipientOf(m) === email);
    const header = mail?.headers?.find((h) => h.name === 'List-Unsubscribe')?.value ?? '';
    const oneClickUrl = /<(http[^>]+)>/.exec(header)?.[1] ?? '';
    expect(oneClickUrl).toContain('/unsubscribe/');

    // A link scanner's GET must not unsubscribe; the RFC 8058 POST (no cookies, no CSRF token) does.
    expect((await fetch(oneClickUrl)).status).toBe(200);
    const post = await fetch(oneClickUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(post.status).toBe(200);

    const second = await runCampaign(audience, 'Nyhetsbrev 2');
    const after = await settled(second.staff, second.id, 1);
    expect(after.counters).toMatchObject({ sent: 0, skipped: 1 });
    expect((await mailbox(runtime)).filter((m) => recipientOf(m) === email)).toHaveLength(1);
  });

  it('answers an altered or unknown unsubscribe token with the same page', async () => {
    const bad = await fetch(`${runtime.url}/unsubscribe/not-a-token`);
    const altered = await fetch(
      `${runtime.url}/unsubscribe/eyJhbGciOiJIUzI1NiJ9.eyJwIjoidSJ9.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`,
    );
    expect(bad.status).toBe(404);
    expect(altered.status).toBe(404);
    const strip = (html: string) => html.replace(/<input[^>]*>/g, '');
    expect(strip(await bad.text())).toBe(strip(await altered.text()));
  });
});

describe('bad input and dead letters', () => {
  it('refuses bad campaigns with the field named, 404s unknown ones and refuses a second send', async () => {
    const staff = await staffClient(runtime, ADMIN);
    const bad = await staff.call('POST', '/api/campaigns', {
      name: 'x',
      content: {
        kind: 'announcement',
        data: { subject: 'Rad ett\r\nBcc: evil@example.com', markdownBody: 'Hej' },
      },
      audience: { kind: 'tags', tags: [] },
    });
    expect(bad.status).toBe(422);
    const fields = (bad.json.details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['body.content.data.subject', 'body.audience.tags']));
    expect((await staff.call('GET', `/api/campaigns/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await staff.call('POST', `/api/campaigns/${crypto.randomUUID()}/send`)).status).toBe(404);

    const audience = tag('twice');
    const { id } = await runCampaign(audience, 'En gång');
    expect((await staff.call('POST', `/api/campaigns/${id}/send`)).status).toBe(409);
    // Another tenant cannot see it.
    const other = await staffClient(runtime, 'staff-hel-mette');
    expect((await other.call('GET', `/api/campaigns/${id}`)).status).toBe(404);
  });

  it('re-drives a thousand dead letters a bounded amount per request, each inside the function’s time', async () => {
    const sqs = new SQSClient({
      region: 'eu-north-1',
      endpoint: runtime.endpoints.sqs,
      credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
    });
    const queue = runtime.queues.get('mail');
    // Messages for a campaign that does not exist: the sender reads them and lets them go.
    const campaignId = crypto.randomUUID();
    for (let i = 0; i < 1000; i += 10) {
      await sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: queue?.dlqUrl,
          Entries: Array.from({ length: 10 }, (_, j) => ({
            Id: String(j),
            MessageBody: JSON.stringify({ tenantId: 'hassleholm', campaignId, contactId: `gone-${i + j}` }),
          })),
        }),
      );
    }
    // The DLQ is shared by every tenant: a platform operator redrives it.
    const staff = await staffClient(runtime, 'operator-olle');
    const timeoutMs = (wiring.find((spec) => spec.name === 'mail-api')?.timeoutSeconds ?? 10) * 1000;
    const answers: { moved: number; more: boolean }[] = [];
    for (let more = true; more; ) {
      const started = Date.now();
      const response = await staff.call('POST', '/api/mail/dead-letters/redrive');
      expect(response.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(timeoutMs);
      const answer = response.json as { moved: number; more: boolean };
      answers.push(answer);
      more = answer.more;
      // A busy machine moves fewer per call (the time budget), never more than the limit.
      expect(answers.length).toBeLessThanOrEqual(200);
    }
    expect(answers.length).toBeGreaterThan(1);
    expect(answers[0]?.more).toBe(true);
    expect(answers[0]?.moved).toBeGreaterThan(0);
    for (const answer of answers) expect(answer.moved).toBeLessThanOrEqual(REDRIVE_LIMIT);
    expect(answers.reduce((sum, a) => sum + a.moved, 0)).toBeGreaterThanOrEqual(1000);
    expect(answers.at(-1)?.more).toBe(false);
  });

  it('sends a poison message to the DLQ and re-drives it from the staff API', async () => {
    const sqs = new SQSClient({
      region: 'eu-north-1',
      endpoint: runtime.endpoints.sqs,
      credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
    });
    const queue = runtime.queues.get('mail');
    // A message no sender can read: after maxReceives (5) receives it is in the DLQ.
    await sqs.send(new SendMessageCommand({ QueueUrl: queue?.url, MessageBody: '{"not":"a delivery"}' }));
    // The visibility timeout is 120 s in AWS; this runtime uses 2 s so the five receives are quick.
    const staff = await staffClient(runtime, ADMIN);
    const inDlq = async () => {
      const { GetQueueAttributesCommand } = await import('@aws-sdk/client-sqs');
      const attrs = await sqs.send(
        new GetQueueAttributesCommand({
          QueueUrl: queue?.dlqUrl,
          AttributeNames: ['ApproximateNumberOfMessages'],
        }),
      );
      return Number(attrs.Attributes?.ApproximateNumberOfMessages ?? 0);
    };
    await waitFor(
      async () => ((await inDlq()) >= 1 ? true : undefined),
      60_000,
      'the poison message in the DLQ',
    );
    const viewer = await staffClient(runtime, 'staff-hlm-maria');
    expect((await viewer.call('POST', '/api/mail/dead-letters/redrive')).status).toBe(403);
    // Not a tenant's admin either: the DLQ holds every tenant's messages.
    expect((await staff.call('POST', '/api/mail/dead-letters/redrive')).status).toBe(403);
    const operator = await staffClient(runtime, 'operator-olle');
    const redriven = await operator.call('POST', '/api/mail/dead-letters/redrive');
    expect(redriven.status).toBe(200);
    expect(redriven.json.moved).toBeGreaterThanOrEqual(1);
    expect(redriven.json.more).toBe(false);
    expect(await inDlq()).toBe(0);
  });
});
