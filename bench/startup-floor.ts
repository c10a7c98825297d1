import { startLocalRuntime } from '../infra/local/runtime.js';

// The start-up bench's floor (bench/startup.ts): the local runtime without any demo seed.
const runtime = await startLocalRuntime({ log: () => {} });
console.log('ready');
process.on('SIGINT', async () => {
  await runtime.stop();
  process.exit(0);
});
