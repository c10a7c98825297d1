import type { QueueSpec } from '../../infra/wiring/types.js';

/**
 * The mail queue's settings, shared by the wiring (which deploys them) and the sender (which
 * paces itself by the concurrency): one place, so the two cannot drift apart.
 */
export const MAIL_QUEUE = {
  name: 'mail',
  batchSize: 10,
  maxConcurrency: 2,
  maxReceives: 5,
  visibilityTimeoutSeconds: 120,
  maxBatchingWindowSeconds: 1,
} as const satisfies QueueSpec;

/** Claims on a delivery outlive a sender invocation by this much (≤ the visibility timeout). */
export const CLAIM_SECONDS = 90;
