import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { waitFor } from '../helpers.js';
import { announcement } from '../mail-helpers.js';
import { type Connected, connect, startedLeaders, startMain } from '../npm-start.js';

/**
 * Nothing lost on a restart: `npm start` is stopped in the middle of a campaign — killed with
 * SIGKILL of its process group at the worst moment (SES has accepted a mail, the sender has not
 * heard back), or stopped with Ctrl-C — and started again on the same data folder. Every
 * recipient must be mailed exactly once, the counters must equal the mailbox, and the campaign
 * must finish.
 */

const dataDirs: string[] = [];
afterAll(() => {
  for (const pid of startedLeaders) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

/** `n` contacts with a tag of their own, and a campaign to them, asked to send. */
async function campaignTo(n: number, { call }: Connected, subject: string) {
  const tag = `restart-${Date.now()}`;
  for (let i = 0; i < n; i += 10) {
    const made = await Promise.all(
      Array.from({ length: Math.min(10, n - i) }, (_, j) =>
        call('POST', '/api/contacts', {
          name: `Kontakt ${i + j}`,
          email: `${tag}.${i + j}@foretag.example`,
          tags: [tag],
          lawfulBasis: { basis: 'consent' },
        }),
      ),
    );
    expect(made.map((m) => m.status)).toEqual(made.map(() => 201));
  }
  const created = await call('POST', '/api/campaigns', {
    name: subject,
    content: announcement(subject),
    audience: { kind: 'tags', tags: [tag] },
  });
  expect(created.status).toBe(201);
  const campaignId = created.json.campaignId as string;
  expect((await call('POST', `/api/campaigns/${campaignId}/send`)).status).toBe(202);
  return campaignId;
}

/** After the restart: the campaign finished, each recipient mailed once, counters = mailbox. */
async function expectFinishedExactlyOnce(
  connected: Connected,
  campaignId: string,
  subject: string,
  n: number,
) {
  const campaign = await waitFor(
    async () => {
      const got = (await connected.call('GET', `/api/campaigns/${campaignId}`)).json as {
        status: string;
        counters: Record<string, number>;
      };
      return got.status === 'sent' ? got : undefined;
    },
    240_000,
    `campaign ${campaignId} to finish`,
  );
  const mails = await connected.mailed(subject);
  expect(mails.length).toBe(n);
  expect(new Set(mails).size).toBe(n);
  expect(campaign.counters).toMatchObject({ queued: n, settled: n, sent: n, failed: 0, skipped: 0 });
  // SES's delivery events lost with the queues are delivered again from the bus journal.
  await waitFor(
    async () => {
      const got = (await connected.call('GET', `/api/campaigns/${campaignId}`)).json as {
        counters: Record<string, number>;
      };
      return got.counters.delivered === n ? true : undefined;
    },
    60_000,
    'every delivery event',
  );
}

describe('a campaign survives a restart of npm start', () => {
  it('killed with SIGKILL of its process group between a send and its settle, then restarted: every recipient mailed once, counters equal to the mailbox, the campaign sent', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'samverkan-kill-'));
    dataDirs.push(dataDir);
    const n = 100;
    const subject = `Avbrott ${Date.now()}`;
    // The runtime kills its own process group the moment SES accepted its 40th mail.
    const first = startMain(dataDir, { SAMVERKAN_CRASH_AFTER_SENDS: '40' });
    const before = await connect(first);
    const campaignId = await campaignTo(n, before, subject);
    await first.exited;
    const sentBefore = (await fetchMailboxFile(dataDir, subject)).length;
    expect(sentBefore).toBeGreaterThanOrEqual(30);
    expect(sentBefore).toBeLessThan(n);

    const second = startMain(dataDir);
    const after = await connect(second);
    await expectFinishedExactlyOnce(after, campaignId, subject, n);
    process.kill(-(second.child.pid as number), 'SIGINT');
    expect(await second.exited).toBe(0);
  }, 420_000);

  it('killed between the send request written and its event on the bus, then restarted: the campaign goes out once and finishes', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'samverkan-outbox-kill-'));
    dataDirs.push(dataDir);
    const n = 40;
    const subject = `Utkorg ${Date.now()}`;
    // The runtime kills its process group when the stream brings the relay CampaignSendRequested.
    const first = startMain(dataDir, { SAMVERKAN_CRASH_BEFORE_RELAYING: 'CampaignSendRequested' });
    const before = await connect(first);
    // The answer to "send" may or may not get out before the process dies: either is fine.
    const campaignId = await campaignTo(n, before, subject).catch(() => undefined);
    await first.exited;
    expect(await fetchMailboxFile(dataDir, subject)).toHaveLength(0);

    const second = startMain(dataDir);
    const after = await connect(second);
    const id =
      campaignId ??
      ((await after.call('GET', '/api/campaigns')).json.items as { campaignId: string; name: string }[]).find(
        (c) => c.name === subject,
      )?.campaignId;
    expect(id).toBeDefined();
    await expectFinishedExactlyOnce(after, id as string, subject, n);
    process.kill(-(second.child.pid as number), 'SIGINT');
    expect(await second.exited).toBe(0);
  }, 420_000);

  it('stopped with Ctrl-C in the middle, then restarted: every recipient mailed once, counters equal to the mailbox, the campaign sent', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'samverkan-stop-'));
    dataDirs.push(dataDir);
    const n = 90;
    const subject = `Paus ${Date.now()}`;
    const first = startMain(dataDir);
    const before = await connect(first);
    const campaignId = await campaignTo(n, before, subject);
    await waitFor(
      async () => ((await before.mailed(subject)).length >= 30 ? true : undefined),
      60_000,
      '30 mails',
    );
    process.kill(-(first.child.pid as number), 'SIGINT');
    expect(await first.exited).toBe(0);
    expect((await fetchMailboxFile(dataDir, subject)).length).toBeLessThan(n);

    const second = startMain(dataDir);
    const after = await connect(second);
    await expectFinishedExactlyOnce(after, campaignId, subject, n);
    process.kill(-(second.child.pid as number), 'SIGINT');
    expect(await second.exited).toBe(0);
  }, 420_000);
});

/** The mailbox as the SES emulator keeps it on disk (read while the system is down). */
async function fetchMailboxFile(dataDir: string, subject: string): Promise<string[]> {
  const { readFileSync, existsSync } = await import('node:fs');
  const file = join(dataDir, 'ses', 'mailbox.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as { subject: string; destination: { to: string[] } })
    .filter((m) => m.subject === subject)
    .map((m) => m.destination.to.join(','));
}
