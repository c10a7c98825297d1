import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { logger } from '../observability/logger.js';
import type { DetailOf, EventContract } from './contract.js';
import { eventBridgeEnvelope, jsonString } from './envelopes.js';
import { parseDetail } from './publisher.js';

/** What a consumer does with one catalogue event, its detail parsed by the event's own schema. */
export interface Reaction {
  contract: EventContract;
  react: (detail: never) => Promise<void>;
}

export const reaction = <C extends EventContract>(
  contract: C,
  react: (detail: DetailOf<C>) => Promise<void>,
): Reaction => ({ contract, react: react as Reaction['react'] });

const messageBody = jsonString(eventBridgeEnvelope);

/**
 * The handler of a queue fed by bus rules: each record is the EventBridge event, parsed by its
 * contract and given to its reaction, one record at a time and in order (an answer and the
 * promotion it frees a seat for arrive close together); each failure is reported alone
 * (`batchItemFailures`), retried, then dead-lettered. An event without a reaction fails too:
 * a rule routes what the function declared, so that is a wiring mistake worth seeing.
 */
export function eventQueueConsumer(reactions: Reaction[]) {
  const byType = new Map(reactions.map((r) => [`${r.contract.source}|${r.contract.detailType}`, r]));
  const reactToOne = async (record: SQSRecord): Promise<void> => {
    const event = messageBody.parse(record.body);
    const found = byType.get(`${event.source}|${event['detail-type']}`);
    if (!found) throw new Error(`No reaction to ${event.source}/${event['detail-type']}`);
    await found.react(parseDetail(found.contract, event) as never);
  };
  return middy<SQSEvent, SQSBatchResponse>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (event, context) =>
      processPartialResponse(event, reactToOne, new BatchProcessor(EventType.SQS), {
        context,
        processInParallel: false,
        throwOnFullBatchFailure: false,
      }),
    );
}
