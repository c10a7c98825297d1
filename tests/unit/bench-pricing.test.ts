import { describe, expect, it } from 'vitest';
import { asAwsCapacity, estimateCapacity, reportedCapacity } from '../../bench/aws-meter.js';
import {
  costPer,
  lambdaGbSeconds,
  maxPerCalendarSecond,
  PRICES,
  percentile,
  sesAttachmentCost,
  sqsChunks,
} from '../../bench/pricing.js';

describe('campaign benchmark arithmetic', () => {
  it('prices a campaign per 10,000 recipients and compares everything else with SES', () => {
    const cost = costPer(
      {
        recipients: 2000,
        sesMails: 2000,
        wru: 8000,
        rru: 1000,
        sqsRequests: 3000,
        customEvents: 1,
        lambdaInvocations: 400,
        lambdaGbSeconds: 20,
      },
      10_000,
    );
    expect(cost.ses).toBeCloseTo(1.0, 10);
    expect(cost.dynamodb).toBeCloseTo(5 * (8000 * 0.625e-6 + 1000 * 0.125e-6), 10);
    expect(cost.sqs).toBeCloseTo(5 * 3000 * 0.4e-6, 10);
    expect(cost.eventBridge).toBeCloseTo(5 * 1e-6, 12);
    expect(cost.lambda).toBeCloseTo(5 * (20 * PRICES.lambdaArmPerGbSecond + 400 * 0.2e-6), 10);
    expect(cost.rest).toBeCloseTo(cost.dynamodb + cost.sqs + cost.eventBridge + cost.lambda, 12);
    expect(cost.restShareOfSes).toBeCloseTo(cost.rest / cost.ses, 12);
  });

  it("bills SES's attachments by the GB: a 20 KB logo in each of 10,000 mails adds 2.3 % to the mails' price", () => {
    const base = {
      recipients: 10_000,
      sesMails: 10_000,
      wru: 0,
      rru: 0,
      sqsRequests: 0,
      customEvents: 0,
      lambdaInvocations: 0,
      lambdaGbSeconds: 0,
    };
    const withLogo = costPer({ ...base, sesAttachmentBytes: 10_000 * 20 * 1024 }, 10_000);
    expect(sesAttachmentCost(2 ** 30)).toBeCloseTo(0.12, 12);
    expect(withLogo.ses).toBeCloseTo(1.0 + (10_000 * 20 * 1024 * 0.12) / 2 ** 30, 10);
    expect(withLogo.ses / costPer(base, 10_000).ses - 1).toBeCloseTo(0.0229, 4);
  });

  it('bills Lambda per started millisecond times memory', () => {
    expect(lambdaGbSeconds([0.2, 999.1, 1000], 512)).toBeCloseTo(((1 + 1000 + 1000) / 1000) * 0.5, 10);
  });

  it('bills SQS per started 64 KB chunk', () => {
    expect(sqsChunks(0)).toBe(1);
    expect(sqsChunks(65_536)).toBe(1);
    expect(sqsChunks(65_537)).toBe(2);
  });

  it('finds the busiest calendar second', () => {
    expect(maxPerCalendarSecond([999, 1000, 1001, 1999, 2000])).toEqual({ max: 3, second: 1 });
    expect(maxPerCalendarSecond([])).toEqual({ max: 0, second: undefined });
  });

  it('takes nearest-rank percentiles', () => {
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(percentile([5, 1, 4, 2, 3], 100)).toBe(5);
    expect(percentile([], 90)).toBe(0);
  });

  it('adds up reported DynamoDB capacity, and estimates it from the request type otherwise', () => {
    expect(reportedCapacity('GetItem', { CapacityUnits: 0.5 })).toEqual({ rru: 0.5, wru: 0 });
    expect(reportedCapacity('UpdateItem', { CapacityUnits: 1 })).toEqual({ rru: 0, wru: 1 });
    expect(reportedCapacity('TransactWriteItems', [{ CapacityUnits: 2, WriteCapacityUnits: 2 }])).toEqual({
      rru: 0,
      wru: 2,
    });
    expect(reportedCapacity('PutItem', undefined)).toBeUndefined();
    // DynamoDB Local reports a one-item transaction on a small item as 4 WRU; DynamoDB charges 2.
    expect(asAwsCapacity('TransactWriteItems', { rru: 0, wru: 4 })).toEqual({ rru: 0, wru: 2 });
    expect(asAwsCapacity('UpdateItem', { rru: 0, wru: 1 })).toEqual({ rru: 0, wru: 1 });
    expect(estimateCapacity('UpdateItem', {})).toEqual({ rru: 0, wru: 1 });
    expect(estimateCapacity('GetItem', { ConsistentRead: true })).toEqual({ rru: 1, wru: 0 });
    expect(estimateCapacity('BatchGetItem', { RequestItems: { t: { Keys: [{}, {}, {}] } } })).toEqual({
      rru: 1.5,
      wru: 0,
    });
    expect(estimateCapacity('TransactWriteItems', { TransactItems: [{}, {}] })).toEqual({ rru: 0, wru: 4 });
    expect(estimateCapacity('BatchWriteItem', { RequestItems: { t: [{}, {}] } })).toEqual({ rru: 0, wru: 2 });
  });
});
