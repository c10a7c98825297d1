// Child process: the SQS emulator (local-aws-sqs, real SQS JSON/query API).
// Usage: node sqs-server.mjs <port>
import { createSqsServer } from 'local-aws-sqs';

const port = Number(process.argv[2]);
// Never outlive the parent, even when it was killed (its own process group: see ses-server.cjs).
process.on('disconnect', () => process.exit(0));
// Exit code 98 tells the parent the port was taken (it retries with another one).
process.on('uncaughtException', (error) => {
  if (error && error.code === 'EADDRINUSE') process.exit(98);
  console.error(error);
  process.exit(1);
});
await createSqsServer({ port, hostname: '127.0.0.1', emulateQueueCreationLifecycle: false });
process.send?.('ready');
