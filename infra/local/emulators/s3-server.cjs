// Child process: the S3 emulator (s3rver 3.7.1, pure JS, the S3 REST API with SigV4 presigned
// URLs), with one bucket. Usage: node s3-server.cjs <port> <directory|-> <bucket> <access key> <secret>
// Without a directory the objects live in a temporary one, removed on exit.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const S3rver = require('s3rver');
const { DUMMY_ACCOUNT } = require('s3rver/lib/models/account');

const port = Number(process.argv[2]);
const given = process.argv[3] && process.argv[3] !== '-' ? process.argv[3] : undefined;
const bucket = process.argv[4];
// The runtime's credentials: s3rver checks every signature (presigned URLs included) against them.
DUMMY_ACCOUNT.createKeyPair(process.argv[5], process.argv[6]);
const directory = given ?? fs.mkdtempSync(path.join(os.tmpdir(), 'samverkan-s3-'));
fs.mkdirSync(directory, { recursive: true });

const server = new S3rver({
  port,
  address: '127.0.0.1',
  silent: true,
  directory,
  configureBuckets: [{ name: bucket }],
});

const cleanUp = () => {
  if (!given) fs.rmSync(directory, { recursive: true, force: true });
};
const stop = () => {
  server.close().finally(() => {
    cleanUp();
    process.exit(0);
  });
};
// Never outlive the parent, even when it was killed.
process.on('disconnect', stop);
process.on('SIGTERM', stop);
server.run().then(
  () => process.send?.('ready'),
  // Exit code 98 tells the parent the port was taken (it retries with another one).
  (error) => process.exit(error && error.code === 'EADDRINUSE' ? 98 : 1),
);
