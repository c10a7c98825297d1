import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { waitFor } from '../helpers.js';

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
    const health = await fetch(`${firstLine}/health`);
    expect(health.status).toBe(200);
    const body = (await health.json()) as { parts: Record<string, { ok: boolean }> };
    expect(Object.values(body.parts).every((p) => p.ok)).toBe(true);
    expect(output).toContain('seeded demo tenant Hässleholms kommun');
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
