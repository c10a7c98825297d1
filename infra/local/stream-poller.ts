import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  type DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type Shard,
  type _Record as StreamRecord,
  TrimmedDataAccessException,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { TableStreamSpec } from '../wiring/types.js';
import { matchesPattern } from './event-pattern.js';
import type { LocalFunction } from './invoke.js';

export interface StreamPollerStats {
  batches: number;
  records: number;
  filteredOut: number;
  failedBatches: number;
  deadLettered: number;
}

/** A batch given up on after `retryAttempts` (Lambda's on-failure destination gets its metadata). */
export interface StreamDeadLetter {
  shardId: string;
  firstSequenceNumber: string;
  lastSequenceNumber: string;
  records: number;
  error: string;
}

const QUIET_POLL_MS = 250;
const SHARDS_MAX_AGE_MS = 1000;

/**
 * Lambda's DynamoDB event source mapping, locally, over DynamoDB Local's Streams API: reads each
 * shard in order (parents before children), applies the filter as Lambda's event filtering does
 * (records that do not match are skipped, never delivered), invokes the function with batches of
 * `batchSize`, and on a failure retries from the first failed record (`batchItemFailures`) up to
 * `retryAttempts` times before the batch is dead-lettered.
 *
 * Where each shard was read up to is kept in a checkpoint file beside the data, written only
 * after the function succeeded: a crash before that re-reads the batch on the next start, so an
 * outbox item written just before a crash still reaches the bus (at least once).
 */
export class StreamPoller {
  readonly stats: StreamPollerStats = {
    batches: 0,
    records: 0,
    filteredOut: 0,
    failedBatches: 0,
    deadLettered: 0,
  };
  readonly deadLetters: StreamDeadLetter[] = [];
  private running = false;
  private loop: Promise<void> | undefined;
  private streamArn: string | undefined;
  /** Last sequence number handled per shard. */
  private readonly checkpoints: Record<string, string>;
  private readonly finishedShards = new Set<string>();
  private readonly iterators = new Map<string, string>();
  private wake: (() => void) | undefined;
  private shards: { list: Shard[]; at: number } | undefined;

  constructor(
    private readonly dynamodb: DynamoDBClient,
    private readonly streams: DynamoDBStreamsClient,
    private readonly tableName: string,
    private readonly spec: TableStreamSpec,
    private readonly fn: LocalFunction,
    private readonly options: {
      checkpointFile?: string;
      idleDelayMs?: number;
      retryDelayMs?: number;
      log?: (message: string) => void;
    } = {},
  ) {
    this.checkpoints = readCheckpoints(options.checkpointFile);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Finishes the batch in flight (its checkpoint included), then stops. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    // 50 ms after records, backing off to 250 ms (Lambda's four polls a second) while the table
    // is quiet: an idle runtime polling at 20 Hz cost DynamoDB Local a tenth of a core.
    const busy = this.options.idleDelayMs ?? 50;
    let idle = busy;
    while (this.running) {
      let delivered = 0;
      try {
        delivered = await this.pollOnce();
      } catch (error) {
        this.options.log?.(`table stream → ${this.fn.spec.name}: ${(error as Error).message}`);
        this.iterators.clear();
        this.shards = undefined;
      }
      idle = delivered > 0 ? busy : Math.min(QUIET_POLL_MS, idle * 2);
      if (delivered === 0 && this.running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, idle);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  }

  /** One pass over the open shards; returns how many records it handled. */
  private async pollOnce(): Promise<number> {
    this.streamArn ??= await this.latestStreamArn();
    // The shard list changes only when a shard closes (then it is read again) or, rarely, on
    // its own: read it at most once a second, not on every pass.
    if (!this.shards || Date.now() - this.shards.at > SHARDS_MAX_AGE_MS)
      this.shards = { list: await this.shardsInOrder(), at: Date.now() };
    let handled = 0;
    for (const shard of this.shards.list) {
      const shardId = shard.ShardId as string;
      if (this.finishedShards.has(shardId)) continue;
      if (
        shard.ParentShardId &&
        !this.finishedShards.has(shard.ParentShardId) &&
        this.isKnown(shard.ParentShardId)
      )
        continue;
      const iterator = this.iterators.get(shardId) ?? (await this.iteratorFor(shardId));
      let page: { Records?: StreamRecord[]; NextShardIterator?: string };
      try {
        page = await this.streams.send(
          new GetRecordsCommand({ ShardIterator: iterator, Limit: Math.min(1000, this.spec.batchSize * 10) }),
        );
      } catch (error) {
        if (error instanceof ExpiredIteratorException || error instanceof TrimmedDataAccessException) {
          this.iterators.delete(shardId);
          continue;
        }
        throw error;
      }
      const records = page.Records ?? [];
      const done = await this.deliver(shardId, records);
      handled += records.length;
      if (!done) {
        // Stopped mid-way (shutdown): read again from the checkpoint next time.
        this.iterators.delete(shardId);
        return handled;
      }
      if (page.NextShardIterator) this.iterators.set(shardId, page.NextShardIterator);
      else {
        this.iterators.delete(shardId);
        this.finishedShards.add(shardId);
        this.shards = undefined; // its child shard is to be found
      }
    }
    return handled;
  }

  private knownShards = new Set<string>();
  private isKnown(shardId: string) {
    return this.knownShards.has(shardId);
  }

  private async latestStreamArn(): Promise<string> {
    const { Table } = await this.dynamodb.send(new DescribeTableCommand({ TableName: this.tableName }));
    if (!Table?.LatestStreamArn) throw new Error(`Table ${this.tableName} has no stream`);
    return Table.LatestStreamArn;
  }

  private async shardsInOrder(): Promise<Shard[]> {
    const shards: Shard[] = [];
    let start: string | undefined;
    do {
      const { StreamDescription } = await this.streams.send(
        new DescribeStreamCommand({ StreamArn: this.streamArn, ExclusiveStartShardId: start }),
      );
      shards.push(...(StreamDescription?.Shards ?? []));
      start = StreamDescription?.LastEvaluatedShardId;
    } while (start);
    this.knownShards = new Set(shards.map((s) => s.ShardId as string));
    // Parents first: a child shard holds later changes of the same keys.
    const byId = new Map(shards.map((s) => [s.ShardId as string, s]));
    const depth = (s: Shard): number => {
      const parent = s.ParentShardId ? byId.get(s.ParentShardId) : undefined;
      return parent ? 1 + depth(parent) : 0;
    };
    return shards.sort((a, b) => depth(a) - depth(b));
  }

  private async iteratorFor(shardId: string): Promise<string> {
    const after = this.checkpoints[shardId];
    const { ShardIterator } = await this.streams.send(
      new GetShardIteratorCommand({
        StreamArn: this.streamArn,
        ShardId: shardId,
        ...(after
          ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after }
          : { ShardIteratorType: 'TRIM_HORIZON' }),
      }),
    );
    if (!ShardIterator) throw new Error(`No iterator for shard ${shardId}`);
    return ShardIterator;
  }

  /** Delivers the matching records in batches; false if stopped before all were handled. */
  private async deliver(shardId: string, records: StreamRecord[]): Promise<boolean> {
    let pending: DynamoDBRecord[] = [];
    const flush = async (lastSequenceNumber: string) => {
      if (pending.length > 0) {
        await this.invokeWithRetries(shardId, pending);
        pending = [];
      }
      this.checkpoint(shardId, lastSequenceNumber);
    };
    for (const record of records) {
      const lambdaRecord = this.toLambdaRecord(record);
      if (matchesPattern(this.spec.filter, lambdaRecord as unknown as Record<string, unknown>)) {
        pending.push(lambdaRecord);
      } else {
        this.stats.filteredOut += 1;
      }
      if (pending.length >= this.spec.batchSize) {
        await flush(record.dynamodb?.SequenceNumber as string);
        if (!this.running) return false;
      }
    }
    const last = records.at(-1)?.dynamodb?.SequenceNumber;
    if (last) await flush(last);
    return true;
  }

  private async invokeWithRetries(shardId: string, batch: DynamoDBRecord[]): Promise<void> {
    let remaining = batch;
    for (let attempt = 0; ; attempt++) {
      this.stats.batches += 1;
      this.stats.records += remaining.length;
      let error = '';
      try {
        const response = (await this.fn.invoke({ Records: remaining } satisfies DynamoDBStreamEvent)) as
          | DynamoDBBatchResponse
          | undefined;
        const failures = response?.batchItemFailures ?? [];
        if (failures.length === 0) return;
        // Lambda resumes from the lowest failed sequence number; the ones before it are done.
        const sequenceNumbers = remaining.map((r) => r.dynamodb?.SequenceNumber);
        const firstFailed = Math.min(
          ...failures.map((f) => {
            const index = sequenceNumbers.indexOf(f.itemIdentifier);
            return index === -1 ? 0 : index;
          }),
        );
        remaining = remaining.slice(firstFailed);
        error = `${failures.length} record(s) reported failed`;
      } catch (thrown) {
        error = (thrown as Error).message;
      }
      this.stats.failedBatches += 1;
      if (attempt >= this.spec.retryAttempts) {
        this.stats.deadLettered += remaining.length;
        const deadLetter: StreamDeadLetter = {
          shardId,
          firstSequenceNumber: remaining[0]?.dynamodb?.SequenceNumber ?? '',
          lastSequenceNumber: remaining.at(-1)?.dynamodb?.SequenceNumber ?? '',
          records: remaining.length,
          error,
        };
        this.deadLetters.push(deadLetter);
        this.options.log?.(
          `table stream → ${this.fn.spec.name}: gave up on ${remaining.length} record(s) after ${attempt + 1} attempts: ${error}`,
        );
        return;
      }
      await new Promise((r) => setTimeout(r, (this.options.retryDelayMs ?? 200) * 2 ** attempt));
    }
  }

  private checkpoint(shardId: string, sequenceNumber: string): void {
    this.checkpoints[shardId] = sequenceNumber;
    const file = this.options.checkpointFile;
    if (!file) return;
    // Write-then-rename: a crash mid-write leaves the previous checkpoint, never half of one.
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(`${file}.tmp`, JSON.stringify(this.checkpoints));
    renameSync(`${file}.tmp`, file);
  }

  private toLambdaRecord(record: StreamRecord): DynamoDBRecord {
    return {
      eventID: record.eventID,
      eventName: record.eventName as DynamoDBRecord['eventName'],
      eventVersion: record.eventVersion ?? '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'eu-north-1',
      eventSourceARN: this.streamArn,
      dynamodb: {
        ApproximateCreationDateTime:
          record.dynamodb?.ApproximateCreationDateTime instanceof Date
            ? Math.floor(record.dynamodb.ApproximateCreationDateTime.getTime() / 1000)
            : undefined,
        Keys: record.dynamodb?.Keys as never,
        NewImage: record.dynamodb?.NewImage as never,
        OldImage: record.dynamodb?.OldImage as never,
        SequenceNumber: record.dynamodb?.SequenceNumber,
        SizeBytes: record.dynamodb?.SizeBytes,
        StreamViewType: record.dynamodb?.StreamViewType as never,
      },
    };
  }
}

function readCheckpoints(file: string | undefined): Record<string, string> {
  if (!file || !existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  } catch {
    return {};
  }
}
