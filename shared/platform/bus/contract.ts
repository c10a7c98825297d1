import * as z from 'zod';

/**
 * One event's contract (the Swarmion pattern): its source, detail-type, version and detail
 * schema live in one object that the publisher, the consumers and the CDK rules all import.
 */
export interface EventContract<S extends z.ZodType = z.ZodType> {
  /** Catalogue key, stable and unique; used in logs and in the wiring. */
  readonly name: string;
  readonly source: string;
  readonly detailType: string;
  readonly version: number;
  readonly schema: S;
  /**
   * Which bus carries it: `app` is Samverkan's own bus; `default` is the account's default bus,
   * where AWS services (SES) put their events.
   */
  readonly bus: 'app' | 'default';
  /** The EventBridge pattern that selects exactly this event (and version). */
  readonly pattern: EventPatternObject;
}

/** Fields every catalogue event of Samverkan's own carries. */
export const tenantIdField = z.string().regex(/^[a-z0-9-]{2,40}$/);
/** Who caused it: a staff member's id, or a system part (`system:scheduler`). Never an email. */
export const actorField = z.string().min(1).max(200);

export type EventPatternObject = Record<string, unknown>;

export type DetailOf<C extends EventContract> = z.infer<C['schema']>;

interface ContractInput<S extends z.ZodType> {
  name: string;
  source: string;
  detailType: string;
  version: number;
  schema: S;
  bus?: 'app' | 'default';
  /** AWS-emitted events carry no version of ours; their pattern must not ask for one. */
  versioned?: boolean;
}

export function defineEvent<S extends z.ZodType>(input: ContractInput<S>): EventContract<S> {
  const bus = input.bus ?? 'app';
  const versioned = input.versioned ?? bus === 'app';
  const pattern: EventPatternObject = {
    source: [input.source],
    'detail-type': [input.detailType],
    ...(versioned ? { detail: { version: [input.version] } } : {}),
  };
  return Object.freeze({
    name: input.name,
    source: input.source,
    detailType: input.detailType,
    version: input.version,
    schema: input.schema,
    bus,
    pattern,
  });
}

/**
 * A subscription's pattern: the contract's pattern, narrowed by an optional extra filter on
 * `detail` (e.g. only one message kind). Used verbatim by the CDK rule and the local bus.
 */
export function subscriptionPattern(contract: EventContract, detailFilter?: EventPatternObject) {
  if (!detailFilter) return contract.pattern;
  const base = (contract.pattern.detail as EventPatternObject | undefined) ?? {};
  return { ...contract.pattern, detail: { ...base, ...detailFilter } };
}
