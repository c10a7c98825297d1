import {
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.js';
import { reconcileOpenCampaigns } from '../../shared/mail/actions/reconcile.js';
import { idFromKey } from '../../shared/mail/campaign.js';
import { createAndSend, getCampaign } from '../../shared/mail/store/campaigns.js';
import { setSendingState } from '../../shared/mail/store/sending-state.js';
import { documentClient } from '../../shared/platform/aws/clients.js';
import { consoleRequest, staffClient, waitFor } from '../helpers.js';
import { addContacts, announcement, mailbox, recipientOf } from '../mail-helpers.js';

/**
 * The reconciler in AWS's conditions: queues are durable and nothing restarts, but a send
 * message can still be lost (here: deleted from the queue by the test, as a message that reached
 * its DLQ and was never redriven). The table knows the work; the reconciler puts it back.
 */

let runtime: LocalRuntime;
let sqs: SQSClient;
const TENANT = 'hassleholm';

beforeAll(async () => {
  runtime = await startLocalRuntime({ seed: true, log: () => {}, sesSendRate: 200 });
  sqs = new SQSClient({ endpoint: runtime.endpoints.sqs });
});
afterAll(async () => {
  await runtime?.stop();
});

const mailPoller = () => {
  const poller = runtime.pollers.get('mail');
  if (!poller) throw new Error('no mail poller');
  return poller;
};

/** Receives and deletes everything on the mail queue: the send messages are lost. */
async function loseSendMessages(): Promise<number> {
  const url = runtime.queues.get('mail')?.url as string;
  let lost = 0;
  for (let empty = 0; empty < 3; ) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }),
    );
    if (Messages.length === 0) {
      empty += 1;
      continue;
    }
    await sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: url,
        Entries: Messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle as string })),
      }),
    );
    lost += Messages.length;
  }
  return lost;
}

async function expansionQueueDepth(): Promise<number> {
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: runtime.queues.get('campaign-expansion')?.url as string,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return (
    Number(Attributes?.ApproximateNumberOfMessages ?? 0) +
    Number(Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0)
  );
}

/** A campaign to `n` new contacts, asked to send, expanded into queued deliveries. */
async function expandedCampaign(n: number, subject: string) {
  const tag = `rec-${Date.now()}`;
  await addContacts(
    runtime,
    TENANT,
    Array.from({ length: n }, (_, i) => ({
      contactId: `${tag}-${i}`,
      email: `${tag}.${i}@foretag.example`,
      tags: [tag],
    })),
  );
  const staff = await staffClient(runtime, 'staff-hlm-anna');
  const created = await staff.call('POST', '/api/campaigns', {
    name: subject,
    content: announcement(subject),
    audience: { kind: 'tags', tags: [tag] },
  });
  const campaignId = created.json.campaignId as string;
  expect((await staff.call('POST', `/api/campaigns/${campaignId}/send`)).status).toBe(202);
  await waitFor(
    async () => {
      const campaign = await getCampaign(TENANT, campaignId);
      return campaign?.expansion.done && campaign.counters.queued === n ? true : undefined;
    },
    20_000,
    'the expansion',
  );
  return { campaignId, tag };
}

const oursIn = async (tag: string) => (await mailbox(runtime)).filter((m) => recipientOf(m).includes(tag));

describe('the mail reconciler', () => {
  it('re-queues deliveries whose send messages were lost, once they stalled, and the campaign finishes', async () => {
    await mailPoller().stop();
    const { campaignId, tag } = await expandedCampaign(3, 'Förlorade meddelanden');
    expect(await loseSendMessages()).toBeGreaterThanOrEqual(3);
    mailPoller().start();
    await new Promise((r) => setTimeout(r, 1500));
    expect(await oursIn(tag)).toHaveLength(0);
    expect((await getCampaign(TENANT, campaignId))?.status).toBe('sending');

    // Its schedule, now: the campaign moved a moment ago, so it is not stalled yet, and is left alone.
    const reconciler = runtime.functions.get('mail-reconciler');
    await reconciler?.invoke({
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      time: new Date().toISOString(),
    });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await oursIn(tag)).toHaveLength(0);

    // Its schedule, six minutes on: no progress for longer than a delivery can wait, so its work goes back.
    const later = new Date(Date.now() + 6 * 60_000).toISOString();
    await reconciler?.invoke({ 'detail-type': 'Scheduled Event', source: 'aws.events', time: later });
    const campaign = await waitFor(
      async () => {
        const got = await getCampaign(TENANT, campaignId);
        return got?.status === 'sent' ? got : undefined;
      },
      20_000,
      'the campaign to finish',
    );
    const mails = await oursIn(tag);
    expect(mails.map(recipientOf).sort()).toEqual([0, 1, 2].map((i) => `${tag}.${i}@foretag.example`));
    expect(campaign.counters).toMatchObject({ queued: 3, settled: 3, sent: 3 });
    expect(campaign.finishedAt).toBeDefined();
  }, 60_000);

  it('does nothing when there is nothing to do: no open campaign, no message', async () => {
    await waitFor(
      async () => ((await expansionQueueDepth()) === 0 ? true : undefined),
      10_000,
      'an idle expansion queue',
    );
    const tally = await reconcileOpenCampaigns({
      now: new Date(Date.now() + 3_600_000),
      stalledAfterSeconds: 300,
    });
    expect(tally).toEqual({});
    expect(await expansionQueueDepth()).toBe(0);
  });

  it('leaves a paused tenant’s campaign held, and a scheduled one until its time', async () => {
    const staff = await staffClient(runtime, 'staff-hlm-anna');
    await mailPoller().stop();
    const { campaignId } = await expandedCampaign(2, 'Pausad');
    // A send asked for in an hour (as a capability asks: createAndSend with `sendAt`).
    await createAndSend({
      campaignId: idFromKey(`${TENANT}:reconciler-test-later`),
      tenantId: TENANT,
      name: 'Senare',
      kind: 'announcement',
      content: announcement('Senare').data,
      audience: { kind: 'all' },
      bulk: true,
      createdBy: 'test',
      actor: 'test',
      sendAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    await setSendingState(
      { paused: true, reason: 'test', at: new Date().toISOString(), by: 'test' },
      { tenantId: TENANT },
    );
    const stalledLongAgo = { now: new Date(Date.now() + 10 * 60_000), stalledAfterSeconds: 300 };
    const tally = await reconcileOpenCampaigns(stalledLongAgo);
    expect(tally).toMatchObject({ held: 1, scheduled: 1 });
    expect(await expansionQueueDepth()).toBe(0);
    expect((await staff.call('POST', '/api/mail/sending/resume')).status).toBeLessThan(300);
    mailPoller().start();
    await waitFor(
      async () => ((await getCampaign(TENANT, campaignId))?.status === 'sent' ? true : undefined),
      20_000,
      'the held campaign, resumed, to finish',
    );
  }, 60_000);

  it('shows staff a stalled mailing and why, lets an editor continue it (console and API), and refuses to continue anything else', async () => {
    await mailPoller().stop();
    const { campaignId, tag } = await expandedCampaign(2, 'Står still');
    expect(await loseSendMessages()).toBeGreaterThanOrEqual(2);
    await makeQuietFor(campaignId, 10 * 60_000);
    mailPoller().start();
    const staff = await staffClient(runtime, 'staff-hlm-anna');

    const api = await staff.call('GET', `/api/campaigns/${campaignId}`);
    expect(api.json).toMatchObject({ status: 'sending', state: 'stalled', pending: 2 });
    const pageHtml = await (
      await consoleRequest(runtime, 'staff-hlm-anna', 'GET', `/console/mailings/${campaignId}`)
    ).text();
    expect(pageHtml).toContain('Står still');
    expect(pageHtml).toContain('Fortsätt utskicket');
    const list = await (await consoleRequest(runtime, 'staff-hlm-anna', 'GET', '/console/mailings')).text();
    expect(list).toContain(`/console/mailings/${campaignId}`);
    // A viewer sees where it stands, not the button; and may not post it.
    const viewerPage = await (
      await consoleRequest(runtime, 'staff-hlm-maria', 'GET', `/console/mailings/${campaignId}`)
    ).text();
    expect(viewerPage).toContain('Står still');
    expect(viewerPage).not.toContain('Fortsätt utskicket');
    expect(
      (await consoleRequest(runtime, 'staff-hlm-maria', 'POST', `/console/mailings/${campaignId}/resume`, {}))
        .status,
    ).toBe(403);
    // Another tenant's staff: not found, as for an id that does not exist.
    expect(
      (await consoleRequest(runtime, 'staff-hel-mette', 'GET', `/console/mailings/${campaignId}`)).status,
    ).toBe(404);
    const other = await staffClient(runtime, 'staff-hel-mette');
    expect((await other.call('GET', `/api/campaigns/${campaignId}`)).status).toBe(404);

    const resumed = await consoleRequest(
      runtime,
      'staff-hlm-anna',
      'POST',
      `/console/mailings/${campaignId}/resume`,
      {},
    );
    expect(resumed.status).toBe(303);
    expect(resumed.headers.get('location')).toContain('notice=resumed');
    await waitFor(
      async () => ((await getCampaign(TENANT, campaignId))?.status === 'sent' ? true : undefined),
      20_000,
      'the continued mailing to finish',
    );
    expect((await oursIn(tag)).map(recipientOf).sort()).toEqual(
      [0, 1].map((i) => `${tag}.${i}@foretag.example`),
    );
    const after = await staff.call('GET', `/api/campaigns/${campaignId}`);
    expect(after.json).toMatchObject({ status: 'sent', state: 'sent', pending: 0 });
    const again = await staff.call('POST', `/api/campaigns/${campaignId}/resume`);
    expect(again.status).toBe(409);
    expect(JSON.stringify(again.json)).toContain('path.campaignId');
  }, 60_000);
});

/** Moves a campaign's every sign of progress back in time, as if nothing had happened for `ms`. */
async function makeQuietFor(campaignId: string, ms: number): Promise<void> {
  const past = new Date(Date.now() - ms).toISOString();
  const pk = `T#${TENANT}`;
  await documentClient.send(
    new UpdateCommand({
      TableName: runtime.tableName,
      Key: { pk, sk: `CAMPAIGN#${campaignId}` },
      UpdateExpression: 'SET createdAt = :past, sendRequestedAt = :past, expansion.updatedAt = :past',
      ExpressionAttributeValues: { ':past': past },
    }),
  );
  const { Items = [] } = await documentClient.send(
    new QueryCommand({
      TableName: runtime.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :shards)',
      ExpressionAttributeValues: { ':pk': pk, ':shards': `CAMPAIGN#${campaignId}#COUNT#` },
    }),
  );
  for (const item of Items)
    await documentClient.send(
      new UpdateCommand({
        TableName: runtime.tableName,
        Key: { pk: item.pk, sk: item.sk },
        UpdateExpression: 'SET updatedAt = :past',
        ExpressionAttributeValues: { ':past': past },
      }),
    );
}
