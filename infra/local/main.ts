import { join, resolve } from 'node:path';
import { demoStaff } from './demo-data.js';
import { ensureDemoOpenEvent } from './demo-events.js';
import { repoRoot, startLocalRuntime } from './runtime.js';

/**
 * `npm start`: the whole system on this machine. Flags: `--reset` (start from empty data),
 * `--port N` (default 3000, or $PORT; 0 for any free port), `--data-dir DIR` (default .local),
 * `--verbose` (handler logs at INFO).
 */
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const optionValue = (name: string) => (flag(name) ? args[args.indexOf(name) + 1] : undefined);
const chosenPort = optionValue('--port') ?? process.env.PORT;
const port = Number(chosenPort ?? 3000);
const dataDir = resolve(optionValue('--data-dir') ?? join(repoRoot, '.local'));

const started = Date.now();
// Messages from start-up wait until the URLs are printed: the first line out is the entry point.
const startupMessages: string[] = [];
let ready = false;
const log = (message: string) => (ready ? console.log(message) : startupMessages.push(message));
const runtime = await startLocalRuntime({
  log,
  port,
  // 3000 unless told otherwise; when it is taken (another `npm start`), any free port.
  portFallback: chosenPort === undefined,
  dataDir,
  reset: flag('--reset'),
  emulatorPorts: { dynamodb: 8000, ses: 8005, sqs: 9324 },
  seed: true,
  logLevel: flag('--verbose') ? 'INFO' : 'WARN',
  // Only for the restart tests (tests/integration/restart-recovery.test.ts).
  crashAfterSends: process.env.SAMVERKAN_CRASH_AFTER_SENDS
    ? Number(process.env.SAMVERKAN_CRASH_AFTER_SENDS)
    : undefined,
  crashBeforeRelaying: process.env.SAMVERKAN_CRASH_BEFORE_RELAYING || undefined,
});

// A published event with open registration (issue 12, Build 4), made once per data folder.
const openEventPath = await ensureDemoOpenEvent(runtime);

/** One line per place to open, the URLs padded to one column so the notes line up. */
const places: [string, string, string][] = [
  ['HTTP entry point', runtime.url, 'GET /health shows every local part'],
  ['Staff console', `${runtime.url}/console`, 'sign in as a demo staff member'],
  ['Staff JSON API', `${runtime.url}/api/…`, 'Authorization: Bearer <id token>'],
  ['Public newsroom', `${runtime.url}/press/hassleholm`, 'also /press/helsingor, /press/perstorp'],
  ['Open registration', `${runtime.url}${openEventPath}`, 'a public event page and its form'],
  ['Local mailbox', runtime.mailboxUrl, 'every mail the system sends'],
];
const urlWidth = Math.max(...places.map(([, url]) => url.length));
const lines = [
  `${runtime.url}`,
  '',
  `Samverkan is running locally (started in ${((Date.now() - started) / 1000).toFixed(1)} s).`,
  '',
  ...places.map(([what, url, note]) => `  ${what.padEnd(18)} ${url.padEnd(urlWidth)}  (${note})`),
  '',
  `  Demo staff: ${demoStaff.map((s) => `${s.name} (${s.tenantId ?? 'platform'}, ${s.role})`).join('; ')}`,
  `  Data is kept in ${dataDir} — run "npm start -- --reset" to start clean. Ctrl-C stops everything.`,
];
console.log(lines.join('\n'));
ready = true;
for (const message of startupMessages) console.log(`  ${message}`);

// Ctrl-C (or SIGTERM): stop in order, letting the work in flight finish (runtime.stop()). The
// emulators run in their own process groups, so the terminal's signal does not stop them under
// that work. A second Ctrl-C stops at once (the emulators follow: their IPC channel closes).
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) {
      console.log('Stopping now.');
      process.exit(130);
    }
    stopping = true;
    console.log('\nStopping… (Ctrl-C again to stop at once)');
    try {
      await runtime.stop();
      process.exit(0);
    } catch (error) {
      console.error(`Stopping failed: ${(error as Error).stack ?? error}`);
      process.exit(1);
    }
  });
}
