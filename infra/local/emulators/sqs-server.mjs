// Child process: the SQS emulator (local-aws-sqs, real SQS JSON/query API).
// Usage: node sqs-server.mjs <port>
import { createSqsServer } from 'local-aws-sqs';

const port = Number(process.argv[2]);
await createSqsServer({ port, hostname: '127.0.0.1', emulateQueueCreationLifecycle: false });
// Never outlive the parent, even when it was killed.
process.on('disconnect', () => process.exit(0));
process.send?.('ready');
