/**
 * AWS list prices the campaign benchmark turns its request counts into money with.
 *
 * Region: US East (N. Virginia), `us-east-1`, on-demand list prices in USD, without free tiers,
 * savings plans or taxes. As published on the AWS pricing pages in 2025–2026 (DynamoDB's on-demand
 * prices are those after the 1 November 2024 cut); written down here on 2026-11-21 and not re-checked
 * against the live pages since. Stockholm (`eu-north-1`, where Samverkan runs) lists the same or
 * slightly higher prices for these services: recheck before quoting the absolute figures.
 */
export const PRICES = {
  region: 'us-east-1',
  asOf: '2026-11-21',
  /** SES outbound mail: $0.10 per 1,000 messages… */
  sesPerMail: 0.1 / 1000,
  /** …and $0.12 per GB of attachments (inline images: the logo, the check-in QR code; .ics files). */
  sesPerAttachmentGb: 0.12,
  /** DynamoDB on-demand: $0.625 per million write request units (1 WRU = one write of ≤ 1 KB). */
  dynamoPerWru: 0.625 / 1e6,
  /** DynamoDB on-demand: $0.125 per million read request units (1 RRU = one strongly consistent read of ≤ 4 KB). */
  dynamoPerRru: 0.125 / 1e6,
  /** SQS standard queue: $0.40 per million requests; each 64 KB chunk of a payload is one request. */
  sqsPerRequest: 0.4 / 1e6,
  /** EventBridge: $1.00 per million custom events (64 KB chunks); AWS service events to the default bus are free. */
  eventBridgePerCustomEvent: 1.0 / 1e6,
  /** Lambda on arm64 (Graviton): $0.0000133334 per GB-second (first 7.5 billion GB-s a month)… */
  lambdaArmPerGbSecond: 0.0000133334,
  /** …and $0.20 per million invocations. */
  lambdaPerInvocation: 0.2 / 1e6,
} as const;

/** What a campaign used, in billable units. */
export interface Usage {
  recipients: number;
  sesMails: number;
  /** Bytes of the mails' attachments (SES bills them by the GB). */
  sesAttachmentBytes?: number;
  /** DynamoDB request units: write (WRU) and read (RRU). */
  wru: number;
  rru: number;
  /** Billed SQS requests (64 KB chunks). */
  sqsRequests: number;
  /** Custom events put on an application bus (64 KB chunks). */
  customEvents: number;
  lambdaInvocations: number;
  lambdaGbSeconds: number;
}

export interface Cost {
  ses: number;
  dynamodb: number;
  sqs: number;
  eventBridge: number;
  lambda: number;
  /** Everything but SES. */
  rest: number;
  total: number;
  /** `rest` as a share of `ses` (0.05 = 5 %). */
  restShareOfSes: number;
}

/** The cost of `usage`, scaled linearly to `per` recipients. */
export function costPer(usage: Usage, per: number): Cost {
  const scale = usage.recipients > 0 ? per / usage.recipients : 0;
  const ses = (usage.sesMails * PRICES.sesPerMail + sesAttachmentCost(usage.sesAttachmentBytes ?? 0)) * scale;
  const dynamodb = (usage.wru * PRICES.dynamoPerWru + usage.rru * PRICES.dynamoPerRru) * scale;
  const sqs = usage.sqsRequests * PRICES.sqsPerRequest * scale;
  const eventBridge = usage.customEvents * PRICES.eventBridgePerCustomEvent * scale;
  const lambda =
    (usage.lambdaGbSeconds * PRICES.lambdaArmPerGbSecond +
      usage.lambdaInvocations * PRICES.lambdaPerInvocation) *
    scale;
  const rest = dynamodb + sqs + eventBridge + lambda;
  return {
    ses,
    dynamodb,
    sqs,
    eventBridge,
    lambda,
    rest,
    total: ses + rest,
    restShareOfSes: ses > 0 ? rest / ses : Number.POSITIVE_INFINITY,
  };
}

/** What SES bills for `bytes` of attachments (GB as 2^30 bytes). */
export const sesAttachmentCost = (bytes: number) => (bytes / 2 ** 30) * PRICES.sesPerAttachmentGb;

/** Lambda bills each invocation's duration rounded up to the millisecond, times its memory. */
export function lambdaGbSeconds(durationsMs: readonly number[], memoryMb: number): number {
  let billedMs = 0;
  for (const duration of durationsMs) billedMs += Math.max(1, Math.ceil(duration));
  return (billedMs / 1000) * (memoryMb / 1024);
}

/** Billed SQS requests for a payload: one per started 64 KB chunk, at least one. */
export const sqsChunks = (payloadBytes: number) => Math.max(1, Math.ceil(payloadBytes / 65_536));

/** The busiest calendar second of a list of epoch-millisecond times: its count and the second. */
export function maxPerCalendarSecond(times: readonly number[]): { max: number; second: number | undefined } {
  const perSecond = new Map<number, number>();
  for (const at of times) {
    const second = Math.floor(at / 1000);
    perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
  }
  let max = 0;
  let busiest: number | undefined;
  for (const [second, count] of perSecond) {
    if (count > max || (count === max && busiest !== undefined && second < busiest)) {
      max = count;
      busiest = second;
    }
  }
  return { max, second: busiest };
}

/** Nearest-rank percentile of unsorted values (0 for none). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? 0;
}
