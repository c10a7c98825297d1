import { afterAll, beforeAll, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.js';
import { staffClient } from '../helpers.js';
let runtime: LocalRuntime;
beforeAll(async () => { process.env.POWERTOOLS_LOG_LEVEL = 'ERROR'; runtime = await startLocalRuntime({ seed: true, log: (m) => console.log(m) }); });
afterAll(async () => { await runtime?.stop(); });
it('5000 rows', async () => {
  const editor = await staffClient(runtime, 'staff-hlm-erik');
  const lines = ['Företag;Org.nr;Namn;E-post;Roll;Taggar'];
  for (let i = 0; i < 60; i++) lines.push(`Företag ${i % 15} AB;;Person ${i};person.${i}@example.se;Roll;a, b`);
  const preview = await editor.call('POST', '/api/imports/preview', { csv: lines.join('\n') });
  const commit = await editor.call('POST', `/api/imports/${preview.json.importId}/commit`, { lawfulBasis: 'consent' });
  expect(commit.status).toBe(200);
}, 120_000);
