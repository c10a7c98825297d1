import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { waitFor } from './helpers.js';
import { signIn } from './sign-in.js';

/** Process group leaders started by {@link startMain}: a test's afterAll kills what is left. */
export const startedLeaders = new Set<number>();

/**
 * What `npm start` runs, without npm's own chatter in front of it, in a process group of its own
 * (so a test can signal the group, as a terminal does). `env` adds to the environment.
 */
export function startMain(dataDir: string, env: Record<string, string> = {}) {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    ['--import', 'tsx', 'infra/local/main.ts', '--port', '0', '--data-dir', dataDir],
    {
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    },
  );
  startedLeaders.add(child.pid as number);
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr.on('data', (chunk) => {
    output += String(chunk);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

export async function connect(started: ReturnType<typeof startMain>) {
  const url = await waitFor(
    () => (started.output().includes('Local mailbox') ? started.output().split('\n')[0] : undefined),
    90_000,
    'the URL block',
  );
  const token = await signIn(url, 'staff-hlm-anna');
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return {
      status: response.status,
      json: (await response.json().catch(() => ({}))) as Record<string, unknown>,
    };
  };
  const health = (await (await fetch(`${url}/health`)).json()) as { parts: { ses: { endpoint: string } } };
  /** The mailbox's mails with this subject, by recipient (the mailbox is kept in the data folder). */
  const mailed = async (subject: string) => {
    const store = (await (await fetch(`${health.parts.ses.endpoint}/store`)).json()) as {
      emails: { subject: string; destination: { to: string[] } }[];
    };
    return store.emails.filter((m) => m.subject === subject).map((m) => m.destination.to.join(','));
  };
  return { url, call, mailed };
}

export type Connected = Awaited<ReturnType<typeof connect>>;
