import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startLocalRuntime } from '../../infra/local/runtime.js';
import { waitFor } from '../helpers.js';
import { announcement } from '../mail-helpers.js';
import { connect, startMain } from '../npm-start.js';

const dataDir = mkdtempSync(join(tmpdir(), 'samverkan-start-'));
let groupLeader: number | undefined;
afterAll(() => {
  // A failed assertion must not leave `npm start` (and its emulators) running.
  if (groupLeader) {
    try {
      process.kill(-groupLeader, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

/** Process ids of the emulators started for this data folder (their command lines name it). */
async function emulatorPids(): Promise<number[]> {
  const { execFileSync } = await import('node:child_process');
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((line) => line.includes(dataDir) && /dynamodb-server|ses-server|DynamoDBLocal/.test(line))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

describe('npm start', () => {
  it('prints the entry point first, answers /health, and Ctrl-C stops every child process', async () => {
    // What `npm start` runs, without npm's own chatter in front of it.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'infra/local/main.ts', '--port', '0', '--data-dir', dataDir],
      {
        env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      },
    );
    groupLeader = child.pid;
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk) => {
      output += String(chunk);
    });
    child.stderr.on('data', (chunk) => {
      errors += String(chunk);
    });
    const firstLine = await waitFor(
      () => (output.includes('\n') ? output.split('\n')[0] : undefined),
      60_000,
      `the first line (stderr: ${errors})`,
    );
    expect(firstLine).toMatch(/^http:\/\/localhost:\d+$/);
    await waitFor(() => output.includes('Local mailbox'), 10_000, 'the URL block');
    // The places to open, their URLs and notes each in one column (the mailbox line was not).
    const places = output.split('\n').filter((line) => /^ {2}\S.* {2}\(/.test(line));
    expect(places.map((line) => line.trim().split(/ {2,}/)[0])).toEqual([
      'HTTP entry point',
      'Staff console',
      'Staff JSON API',
      'Public newsroom',
      'Open registration',
      'Local mailbox',
    ]);
    expect(new Set(places.map((line) => line.indexOf('http'))).size).toBe(1);
    expect(new Set(places.map((line) => line.indexOf('('))).size).toBe(1);
    const health = await fetch(`${firstLine}/health`);
    expect(health.status).toBe(200);
    const body = (await health.json()) as { parts: Record<string, { ok: boolean }> };
    expect(Object.values(body.parts).every((p) => p.ok)).toBe(true);
    // The demo's event with open registration: its public page (issue 12, Build 4).
    const openLine = places.find((line) => line.trim().startsWith('Open registration')) ?? '';
    const openUrl = /http\S+/.exec(openLine)?.[0] ?? '';
    expect(openUrl).toMatch(/\/events\/hassleholm\/[\w-]+$/);
    expect((await fetch(openUrl)).status).toBe(200);
    expect(output).toContain('seeded demo tenant Hässleholms kommun');
    // A first start has nothing from before to deliver again (its own seed events are not that).
    expect(output).not.toContain('delivered again');
    expect((await emulatorPids()).length).toBeGreaterThanOrEqual(2);

    // Signal the whole process group, as a terminal's Ctrl-C does.
    process.kill(-(child.pid as number), 'SIGINT');
    await new Promise((r) => child.once('exit', r));
    await waitFor(
      async () => ((await emulatorPids()).length === 0 ? true : undefined),
      15_000,
      'the emulators to stop',
    );
  });
});

describe('npm start, stopped with work in flight', () => {
  it('Ctrl-C during a campaign lets the work in flight finish: exit 0, no failed calls, no dead letters, no child left', async () => {
    const started = startMain(dataDir);
    groupLeader = started.child.pid;
    const { child, output } = started;
    const { call, mailed } = await connect(started);
    const run = Date.now();
    for (let i = 0; i < 40; i++) {
      const made = await call('POST', '/api/contacts', {
        name: `Kontakt ${i}`,
        email: `stop.${run}.${i}@example.se`,
        lawfulBasis: { basis: 'consent' },
      });
      expect(made.status).toBe(201);
    }
    const created = await call('POST', '/api/campaigns', {
      name: 'Stopp mitt i',
      content: announcement('Stopp mitt i'),
      audience: { kind: 'all' },
    });
    expect(created.status).toBe(201);
    const sent = async () => (await mailed('Stopp mitt i')).length;
    expect((await call('POST', `/api/campaigns/${created.json.campaignId as string}/send`)).status).toBe(202);
    // Mail is going out (paced to 14 a second): stop now, in the middle of it.
    await waitFor(async () => ((await sent()) > 0 ? true : undefined), 30_000, 'the first mail');
    process.kill(-(child.pid as number), 'SIGINT');
    const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    await waitFor(
      async () => ((await emulatorPids()).length === 0 ? true : undefined),
      15_000,
      'the emulators to stop',
    );
    expect(output()).not.toMatch(/ECONNREFUSED|fetch failed|dead-letter|socket hang up|gave up waiting/i);
    expect(code).toBe(0);
  });

  it('two runtimes started at once with the same preferred emulator ports both start', async () => {
    // Another process's runtime cannot be in this one (its AWS clients keep their endpoints), so
    // `npm start` in a second process, against a runtime here, both asking for the same ports.
    const ports = {
      dynamodb: 18_000 + (process.pid % 1000),
      ses: 19_005 + (process.pid % 1000),
      sqs: 20_324 + (process.pid % 1000),
    };
    const other = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `import { startLocalRuntime } from './infra/local/runtime.ts';
         const runtime = await startLocalRuntime({ log: () => {}, emulatorPorts: ${JSON.stringify(ports)} });
         console.log(JSON.stringify(runtime.endpoints));
         process.on('SIGTERM', async () => { await runtime.stop(); process.exit(0); });`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let otherOutput = '';
    other.stdout.on('data', (chunk) => {
      otherOutput += String(chunk);
    });
    const here = startLocalRuntime({ log: () => {}, emulatorPorts: ports });
    try {
      const runtime = await here;
      const endpoints = JSON.parse(
        await waitFor(
          () => (otherOutput.includes('\n') ? otherOutput.split('\n')[0] : undefined),
          60_000,
          'the other runtime',
        ),
      ) as Record<string, string>;
      for (const name of ['dynamodb', 'ses', 'sqs'] as const) {
        expect(endpoints[name]).not.toBe(runtime.endpoints[name]);
        expect((await fetch(runtime.endpoints[name] as string).catch(() => undefined)) !== undefined).toBe(
          true,
        );
      }
      const health = await fetch(`${runtime.url}/health`);
      expect(health.status).toBe(200);
      await runtime.stop();
    } finally {
      other.kill('SIGTERM');
      await new Promise((r) => (other.exitCode === null ? other.once('exit', r) : r(undefined)));
    }
  });
});
