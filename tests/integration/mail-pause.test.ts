import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.js';
import { getDelivery } from '../../shared/mail/store/deliveries.js';
import { countMailOutcomes, setSendingState } from '../../shared/mail/store/sending-state.js';
import { staffClient, waitFor } from '../helpers.js';
import { addContacts, announcement, mailbox, recipientOf } from '../mail-helpers.js';

/**
 * Pauses (issue 13, items 4 and 10): a pause holds deliveries without walking the mail queue into
 * its DLQ, a resume sends them; one tenant's bounces and complaints pause that tenant only, and
 * only a platform operator sees and resumes the account-wide pause and redrives the shared DLQ.
 */
let runtime: LocalRuntime;
let sqs: SQSClient;
const A_ADMIN = 'staff-hlm-anna';
const A_EDITOR = 'staff-hlm-erik';
const B_ADMIN = 'staff-hel-mette';
const B_EDITOR = 'staff-hel-lars';
const OPERATOR = 'operator-olle';
const tag = (name: string) => `t-${name}-${Date.now()}`;
/** Five receives at the 2 s visibility timeout of this runtime, and some: a failing message is in the DLQ by then. */
const LONGER_THAN_FIVE_RECEIVES_MS = 14_000;

beforeAll(async () => {
  runtime = await startLocalRuntime({
    seed: true,
    log: () => {},
    sesSendRate: 200,
    visibilityTimeoutOverrideSeconds: 2,
  });
  sqs = new SQSClient({
    region: 'eu-north-1',
    endpoint: runtime.endpoints.sqs,
    credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
  });
});
afterAll(async () => {
  await runtime?.stop();
});

async function dlqDepth(): Promise<number> {
  const attrs = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: runtime.queues.get('mail')?.dlqUrl,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return (
    Number(attrs.Attributes?.ApproximateNumberOfMessages ?? 0) +
    Number(attrs.Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0)
  );
}

async function send(staffId: string, tenantId: string, audience: string, emails: string[]) {
  await addContacts(
    runtime,
    tenantId,
    emails.map((email, i) => ({ contactId: `${audience}-${i}`, email, tags: [audience] })),
  );
  const staff = await staffClient(runtime, staffId);
  const created = await staff.call('POST', '/api/campaigns', {
    name: audience,
    content: announcement(`Nyhetsbrev ${audience}`),
    audience: { kind: 'tags', tags: [audience] },
  });
  expect(created.status).toBe(201);
  const id = created.json.campaignId as string;
  expect((await staff.call('POST', `/api/campaigns/${id}/send`)).status).toBe(202);
  return { id, contactIds: emails.map((_, i) => `${audience}-${i}`) };
}

const mailed = async (audience: string) =>
  (await mailbox(runtime)).map(recipientOf).filter((address) => address.includes(audience));

async function statuses(tenantId: string, campaignId: string, contactIds: string[]) {
  return Promise.all(
    contactIds.map(async (c) => (await getDelivery(tenantId, campaignId, c))?.status ?? 'missing'),
  );
}

describe('a tenant pause', () => {
  it('pauses the tenant whose complaints cross the rule, not the others; each tenant sees and resumes only its own', async () => {
    // Hässleholm has sent 200 mails this week with one complaint: the rule (0.5 %) is checked at
    // the next complaint, which the SES simulator sends.
    await countMailOutcomes(new Date(), [
      { scope: { tenantId: 'hassleholm' }, deltas: { sent: 200, complained: 1 } },
    ]);
    const a = await send(A_ADMIN, 'hassleholm', tag('complaint'), ['complaint@simulator.amazonses.com']);
    const aEditor = await staffClient(runtime, A_EDITOR);
    const paused = await waitFor(
      async () => {
        const health = (await aEditor.call('GET', '/api/mail/sending')).json;
        return health.paused ? health : undefined;
      },
      30_000,
      "Hässleholm's pause",
    );
    expect(paused).toMatchObject({ scope: 'tenant', tenantId: 'hassleholm', account: { paused: false } });
    expect(paused.rates).toMatchObject({ complained: 2 });
    expect(String(paused.reason)).toMatch(/complaint rate/);
    void a;

    // Helsingør still sends; Hässleholm's next campaign is held: queued, not mailed, not dead-lettered.
    const audienceB = tag('b-sends');
    const b = await send(B_ADMIN, 'helsingor', audienceB, [`x.${audienceB}@firma.example`]);
    await waitFor(
      async () => ((await mailed(audienceB)).length === 1 ? true : undefined),
      30_000,
      'B mailed',
    );
    const audienceA = tag('a-held');
    const held = await send(A_ADMIN, 'hassleholm', audienceA, [
      `x.${audienceA}@foretag.example`,
      `y.${audienceA}@foretag.example`,
    ]);
    await waitFor(
      async () => {
        const health = (await aEditor.call('GET', '/api/mail/sending')).json as {
          heldCampaigns: { campaignId: string }[];
        };
        return health.heldCampaigns.some((c) => c.campaignId === held.id) ? true : undefined;
      },
      30_000,
      'the held campaign',
    );
    await new Promise((r) => setTimeout(r, LONGER_THAN_FIVE_RECEIVES_MS));
    expect(await dlqDepth()).toBe(0);
    expect(await mailed(audienceA)).toEqual([]);
    expect(await statuses('hassleholm', held.id, held.contactIds)).toEqual(['queued', 'queued']);

    // Helsingør's staff see Helsingør's figures only, and cannot lift Hässleholm's pause.
    const bEditor = await staffClient(runtime, B_EDITOR);
    const bHealth = (await bEditor.call('GET', '/api/mail/sending')).json;
    expect(bHealth).toMatchObject({ scope: 'tenant', tenantId: 'helsingor', paused: false });
    expect(bHealth.rates).toMatchObject({ complained: 0 });
    expect((bHealth.rates as { sent: number }).sent).toBeLessThan(200);
    expect(bHealth.heldCampaigns).toEqual([]);
    const bAdmin = await staffClient(runtime, B_ADMIN);
    expect((await bAdmin.call('POST', '/api/mail/sending/resume')).status).toBe(200);
    expect((await aEditor.call('GET', '/api/mail/sending')).json.paused).toBe(true);
    expect((await aEditor.call('POST', '/api/mail/sending/resume')).status).toBe(403);

    // Hässleholm's admin resumes: the held deliveries are sent, once each.
    const aAdmin = await staffClient(runtime, A_ADMIN);
    const resumed = await aAdmin.call('POST', '/api/mail/sending/resume');
    expect(resumed.status).toBe(200);
    expect(resumed.json).toMatchObject({ scope: 'tenant', tenantId: 'hassleholm', paused: false });
    await waitFor(
      async () => ((await mailed(audienceA)).length === 2 ? true : undefined),
      30_000,
      'A mailed',
    );
    await new Promise((r) => setTimeout(r, 1000));
    expect((await mailed(audienceA)).sort()).toEqual([
      `x.${audienceA}@foretag.example`,
      `y.${audienceA}@foretag.example`,
    ]);
    expect(await statuses('helsingor', b.id, b.contactIds)).not.toContain('queued');
  });
});

describe('the account pause', () => {
  it('holds every tenant without dead letters; only an operator sees it, resumes it and redrives the DLQ', async () => {
    // What mail-events does when the account's rates cross the rule.
    await setSendingState({
      paused: true,
      reason: 'complaint rate 0.60 % over 7 days',
      by: 'system:ses-events',
    });
    const audience = tag('account-held');
    const held = await send(B_ADMIN, 'helsingor', audience, [
      `x.${audience}@firma.example`,
      `y.${audience}@firma.example`,
      `z.${audience}@firma.example`,
    ]);
    const operator = await staffClient(runtime, OPERATOR);
    await waitFor(
      async () => {
        const health = (await operator.call('GET', '/api/mail/sending')).json as {
          heldCampaigns?: { campaignId: string }[];
        };
        return health.heldCampaigns?.some((c) => c.campaignId === held.id) ? true : undefined;
      },
      30_000,
      'the held campaign',
    );
    await new Promise((r) => setTimeout(r, LONGER_THAN_FIVE_RECEIVES_MS));
    expect(await dlqDepth()).toBe(0);
    expect(await mailed(audience)).toEqual([]);
    expect(await statuses('helsingor', held.id, held.contactIds)).toEqual(['queued', 'queued', 'queued']);

    // A tenant's staff see that the account is paused, not its figures; their resume is their own.
    const bAdmin = await staffClient(runtime, B_ADMIN);
    const bHealth = (await bAdmin.call('GET', '/api/mail/sending')).json;
    expect(bHealth).toMatchObject({ scope: 'tenant', paused: false, account: { paused: true } });
    // Nothing of the account's reason or rates (a timestamp may well contain "0.60").
    expect(bHealth.account).toEqual({ paused: true });
    expect(JSON.stringify(bHealth)).not.toContain('complaint rate');
    expect((await bAdmin.call('POST', '/api/mail/sending/resume')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 3000));
    expect(await mailed(audience)).toEqual([]);
    // …and the shared DLQ is not theirs to redrive.
    expect((await bAdmin.call('POST', '/api/mail/dead-letters/redrive')).status).toBe(403);
    expect(
      (await (await staffClient(runtime, A_ADMIN)).call('POST', '/api/mail/dead-letters/redrive')).status,
    ).toBe(403);

    // The operator sees the account's health and resumes it: every held delivery is sent.
    const health = (await operator.call('GET', '/api/mail/sending')).json;
    expect(health).toMatchObject({
      scope: 'account',
      paused: true,
      reason: 'complaint rate 0.60 % over 7 days',
    });
    expect(health.rates).toBeDefined();
    const resumed = await operator.call('POST', '/api/mail/sending/resume');
    expect(resumed.status).toBe(200);
    expect(resumed.json).toMatchObject({ scope: 'account', paused: false });
    await waitFor(
      async () => ((await mailed(audience)).length === 3 ? true : undefined),
      30_000,
      'all mailed',
    );
    expect((await operator.call('POST', '/api/mail/dead-letters/redrive')).json).toEqual({
      moved: 0,
      more: false,
    });
    // An operator holds no tenant role: no tenant's data.
    expect((await operator.call('GET', '/api/campaigns')).status).toBe(403);
  });
});
