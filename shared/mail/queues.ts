import type { QueueSpec } from '../../infra/wiring/types.js';

/**
 * The mail queue's settings, shared by the wiring (which deploys them) and the sender (which
 * paces itself by the concurrency): one place, so the two cannot drift apart.
 */
export const MAIL_QUEUE = {
  name: 'mail',
  /**
   * Twenty deliveries per invocation: what a batch reads and counts (two BatchGetItem, the
   * finish check, the send counts) is shared by twice as many mails as with ten. Above ten
   * Lambda needs a batching window (below); at SES's smallest rate (1/s, two invocations) a
   * batch takes 40 s, inside the 60 s timeout and the 90 s claim.
   */
  batchSize: 20,
  maxConcurrency: 2,
  maxReceives: 5,
  visibilityTimeoutSeconds: 120,
  maxBatchingWindowSeconds: 1,
} as const satisfies QueueSpec;

/** Claims on a delivery outlive a sender invocation by this much (≤ the visibility timeout). */
export const CLAIM_SECONDS = 90;
