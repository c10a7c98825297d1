import { fork } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Emulator } from './processes.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * s3rver as a child process: the bucket of release images and attachments, reached with the
 * same SDK calls (and presigned URLs) as S3. Objects are kept in `directory` when given.
 */
export async function startS3(
  port: number,
  directory: string | undefined,
  bucket: string,
  credentials = { accessKeyId: 'local', secretAccessKey: 'local' },
): Promise<Emulator> {
  const args = [String(port), directory ?? '-', bucket, credentials.accessKeyId, credentials.secretAccessKey];
  const child = fork(join(here, 's3-server.cjs'), args, {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    // Plain Node: the emulator is CommonJS and needs no loader of the parent's.
    execArgv: [],
  });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('s3-server.cjs did not start within 30 s')), 30_000);
    child.once('message', () => {
      clearTimeout(timer);
      resolve();
    });
    child.once('exit', (code) => reject(new Error(`s3-server.cjs exited with code ${code}`)));
  });
  // A parent that exits without stop() takes the emulator with it (it also watches its IPC channel).
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  return {
    name: 's3',
    endpoint: `http://127.0.0.1:${port}`,
    process: child,
    alive: () => !exited,
    stop: () =>
      new Promise<void>((resolve) => {
        process.off('exit', kill);
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
