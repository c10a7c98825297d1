import { untrackedConfigurationSet } from '../../shared/platform/mail-kit/configuration-set.js';
import { allows, denies, type GrantResource } from '../wiring/grants.js';
import { currentSandbox, type FunctionSandbox, type LocalResources } from './sandbox.js';

/**
 * IAM, locally: an SDK middleware on the handlers' clients (shared/platform/aws/clients.ts) that
 * refuses a call the function's execution role would not allow in AWS (infra/wiring/grants.ts,
 * the same statements the CDK app grants), with the error AWS answers: AccessDeniedException,
 * HTTP 400, "User: … is not authorized to perform: <action> on resource: <arn>".
 *
 * Only calls made inside a function's sandbox are checked (infra/local/sandbox.ts); the runtime's
 * own clients (queue and stream pollers, the bus) and calls outside any invocation (tests' setup)
 * are not. The check runs once per call, before the SDK's retries.
 */

/** One permission a call needs: the IAM action, the resource as grants name it (if it is one of ours), its ARN. */
interface Needed {
  action: string;
  resource: GrantResource | undefined;
  arn: string;
  /** The partition keys of the items it writes (IAM's `dynamodb:LeadingKeys`), for denials. */
  leadingKeys?: string[];
}

type Input = Record<string, unknown>;
type Resolve = (operation: string, input: Input, local: LocalResources) => Needed[];

const arn = (local: LocalResources, service: string, resource: string) =>
  `arn:aws:${service}:${local.region}:${local.account}:${resource}`;

/** `Name` or `arn:…:table/Name` (…/index/…, …/stream/…) → the table name. */
const tableNameOf = (nameOrArn: unknown) => {
  const text = String(nameOrArn ?? '');
  return text.startsWith('arn:') ? (/:table\/([^/]+)/.exec(text)?.[1] ?? text) : text;
};

/** An item's partition key, as the document client gives it or marshalled (`{ S: … }`). */
const partitionKeyOf = (item: unknown): string[] => {
  const pk = (item as { pk?: unknown } | undefined)?.pk;
  if (typeof pk === 'string') return [pk];
  if (pk && typeof pk === 'object' && typeof (pk as { S?: unknown }).S === 'string')
    return [(pk as { S: string }).S];
  return [];
};

/** The partition key a single-item write names (its item or its key). */
const writtenKeys = (write: { Item?: unknown; Key?: unknown } | undefined) =>
  partitionKeyOf(write?.Item ?? write?.Key);

const withKeys = (needed: Needed, leadingKeys: string[]): Needed => ({ ...needed, leadingKeys });

function table(local: LocalResources, action: string, tableName: unknown, index?: unknown): Needed {
  const name = tableNameOf(tableName);
  const ours = name === local.tableName;
  if (index !== undefined) {
    return {
      action,
      resource:
        ours && local.tableIndexes.includes(String(index))
          ? { kind: 'tableIndex', index: String(index) }
          : undefined,
      arn: arn(local, 'dynamodb', `table/${name}/index/${String(index)}`),
    };
  }
  return {
    action,
    resource: ours ? { kind: 'table' } : undefined,
    arn: arn(local, 'dynamodb', `table/${name}`),
  };
}

/** Which of our queues a URL (or a queue name) is: an owned queue, or its redrive DLQ. */
function queue(local: LocalResources, action: string, urlOrName: unknown): Needed {
  const nameOf = (url: string) => url.split('/').filter(Boolean).at(-1) ?? '';
  const name = nameOf(String(urlOrName ?? ''));
  let resource: GrantResource | undefined;
  for (const [queueName, q] of local.queues) {
    if (name === nameOf(q.url)) resource = { kind: 'queue', queue: queueName };
    if (name === nameOf(q.dlqUrl)) resource = { kind: 'queueDeadLetterQueue', queue: queueName };
  }
  return { action, resource, arn: arn(local, 'sqs', name) };
}

const everywhere = (local: LocalResources, service: string, action: string): Needed => ({
  action,
  resource: { kind: 'any' },
  arn: arn(local, service, '*'),
});

/** DynamoDB's operations that IAM authorizes as another action, per item. */
const TRANSACT_WRITE_ACTIONS: Record<string, string> = {
  Put: 'dynamodb:PutItem',
  Update: 'dynamodb:UpdateItem',
  Delete: 'dynamodb:DeleteItem',
  ConditionCheck: 'dynamodb:ConditionCheckItem',
};

/**
 * What each client's calls need, by the client's name (the SDK's `context.clientName`). A call
 * needs every permission listed; one missing is AccessDenied. An operation without its own rule
 * needs `<service>:<Operation>` on the resource it names (and is refused unless granted).
 */
const SERVICES: Record<string, Resolve> = {
  DynamoDBClient: (operation, input, local) => {
    switch (operation) {
      case 'TransactWriteItems':
        return (
          (input.TransactItems ?? []) as Record<
            string,
            { TableName?: string; Item?: unknown; Key?: unknown }
          >[]
        ).flatMap((item) =>
          Object.entries(item).map(([kind, write]) =>
            withKeys(
              table(local, TRANSACT_WRITE_ACTIONS[kind] ?? `dynamodb:${kind}`, write?.TableName),
              writtenKeys(write),
            ),
          ),
        );
      case 'PutItem':
      case 'UpdateItem':
      case 'DeleteItem':
        return [withKeys(table(local, `dynamodb:${operation}`, input.TableName), writtenKeys(input))];
      case 'BatchWriteItem':
        return Object.entries((input.RequestItems ?? {}) as Record<string, unknown[]>).map(
          ([name, requests]) =>
            withKeys(
              table(local, 'dynamodb:BatchWriteItem', name),
              (requests as { PutRequest?: { Item?: unknown }; DeleteRequest?: { Key?: unknown } }[]).flatMap(
                (request) => partitionKeyOf(request.PutRequest?.Item ?? request.DeleteRequest?.Key),
              ),
            ),
        );
      case 'TransactGetItems':
        return ((input.TransactItems ?? []) as { Get?: { TableName?: string } }[]).map((item) =>
          table(local, 'dynamodb:GetItem', item.Get?.TableName),
        );
      case 'BatchGetItem':
        return Object.keys((input.RequestItems ?? {}) as Input).map((name) =>
          table(local, `dynamodb:${operation}`, name),
        );
      case 'Query':
      case 'Scan':
        return [table(local, `dynamodb:${operation}`, input.TableName, input.IndexName)];
      default:
        return input.TableName === undefined
          ? [everywhere(local, 'dynamodb', `dynamodb:${operation}`)]
          : [table(local, `dynamodb:${operation}`, input.TableName)];
    }
  },
  DynamoDBStreamsClient: (operation, input, local) => {
    const streamArn = input.StreamArn === undefined ? undefined : String(input.StreamArn);
    if (!streamArn) return [everywhere(local, 'dynamodb', `dynamodb:${operation}`)];
    return [
      {
        action: `dynamodb:${operation}`,
        resource: tableNameOf(streamArn) === local.tableName ? { kind: 'tableStream' } : undefined,
        arn: streamArn,
      },
    ];
  },
  EventBridgeClient: (operation, input, local) => {
    if (operation !== 'PutEvents') return [everywhere(local, 'events', `events:${operation}`)];
    // Each entry is authorized against its own bus; no EventBusName is the default bus.
    const buses = new Set(
      ((input.Entries ?? []) as { EventBusName?: string }[]).map((entry) => {
        const bus = entry.EventBusName ?? 'default';
        return bus.startsWith('arn:') ? (bus.split('/').at(-1) ?? bus) : bus;
      }),
    );
    return [...buses].map((bus) => ({
      action: 'events:PutEvents',
      resource: bus === local.busName ? { kind: 'bus' } : undefined,
      arn: arn(local, 'events', `event-bus/${bus}`),
    }));
  },
  SESv2Client: (operation, input, local) => {
    if (operation !== 'SendEmail') return [everywhere(local, 'ses', `ses:${operation}`)];
    // SES authorizes a send against the sender's identity (the mail domain, or the from address
    // and its domain) and, if the call names one, the configuration set.
    const from = bareAddress(String(input.FromEmailAddress ?? ''));
    const needed: Needed[] = [
      {
        action: 'ses:SendEmail',
        resource: domainOf(from) === domainOf(local.fromAddress) ? { kind: 'mailIdentity' } : undefined,
        arn: arn(local, 'ses', `identity/${domainOf(from)}`),
      },
    ];
    if (input.ConfigurationSetName !== undefined) {
      const set = String(input.ConfigurationSetName);
      needed.push({
        action: 'ses:SendEmail',
        resource:
          set === local.configurationSet || set === untrackedConfigurationSet(local.configurationSet)
            ? { kind: 'configurationSet' }
            : undefined,
        arn: arn(local, 'ses', `configuration-set/${set}`),
      });
    }
    return needed;
  },
  S3Client: (operation, input, local) => {
    // Object operations are authorized on `<bucket>/<key>`; HEAD is GetObject; listing is on the bucket.
    const bucket = String(input.Bucket ?? '');
    const ours = bucket === local.bucketName;
    const OBJECT_ACTIONS: Record<string, string> = {
      GetObject: 's3:GetObject',
      HeadObject: 's3:GetObject',
      PutObject: 's3:PutObject',
      DeleteObject: 's3:DeleteObject',
      AbortMultipartUpload: 's3:AbortMultipartUpload',
    };
    const objectAction = OBJECT_ACTIONS[operation];
    if (objectAction) {
      return [
        {
          action: objectAction,
          resource: ours ? { kind: 'bucketObjects' } : undefined,
          arn: `arn:aws:s3:::${bucket}/${String(input.Key ?? '')}`,
        },
      ];
    }
    const action =
      operation === 'ListObjectsV2' || operation === 'ListObjects' ? 's3:ListBucket' : `s3:${operation}`;
    return [{ action, resource: ours ? { kind: 'bucket' } : undefined, arn: `arn:aws:s3:::${bucket}` }];
  },
  SQSClient: (operation, input, local) => {
    // The batch operations are authorized as their single forms.
    const action = `sqs:${operation.replace(/Batch$/, '')}`;
    if (operation === 'GetQueueUrl') return [queue(local, action, input.QueueName)];
    if (input.QueueUrl === undefined) return [everywhere(local, 'sqs', action)];
    return [queue(local, action, input.QueueUrl)];
  },
};

const domainOf = (address: string) => address.split('@').at(-1)?.toLowerCase() ?? '';
/** `"Name" <a@b>` → `a@b`. */
const bareAddress = (mailbox: string) => (/<([^>]+)>\s*$/.exec(mailbox)?.[1] ?? mailbox).trim();

/** The error AWS answers a call its role does not allow, as the SDK throws it. */
export class AccessDeniedException extends Error {
  override readonly name = 'AccessDeniedException';
  readonly $fault = 'client';
  readonly $metadata = { httpStatusCode: 400, attempts: 1, totalRetryDelay: 0 };
  readonly Code = 'AccessDeniedException';
}

/** The permissions a call needs that the sandbox's grants do not give. */
export function deniedPermissions(
  sandbox: FunctionSandbox,
  clientName: string,
  operation: string,
  input: Input,
): Needed[] {
  const resolve = SERVICES[clientName];
  if (!resolve) throw new Error(`infra/local/access.ts does not know the SDK client ${clientName}`);
  return resolve(operation, input, sandbox.resources).filter(
    (needed) =>
      !needed.resource ||
      !allows(sandbox.grants, needed.action, needed.resource) ||
      isExplicitlyDenied(sandbox, needed),
  );
}

const isExplicitlyDenied = (sandbox: FunctionSandbox, needed: Needed) =>
  needed.resource !== undefined &&
  denies(sandbox.denials ?? [], needed.action, needed.resource, needed.leadingKeys ?? []);

function accessDenied(sandbox: FunctionSandbox, denied: Needed): AccessDeniedException {
  const role = `samverkan-local-${sandbox.spec.name}`;
  if (isExplicitlyDenied(sandbox, denied)) {
    return new AccessDeniedException(
      `User: arn:aws:sts::${sandbox.resources.account}:assumed-role/${role}/${role} is not authorized to ` +
        `perform: ${denied.action} on resource: ${denied.arn} with an explicit deny in an identity-based ` +
        `policy (local runtime: function '${sandbox.spec.name}' is not an audit writer; its items ` +
        `${JSON.stringify(denied.leadingKeys)})`,
    );
  }
  return new AccessDeniedException(
    `User: arn:aws:sts::${sandbox.resources.account}:assumed-role/${role}/${role} is not authorized to ` +
      `perform: ${denied.action} on resource: ${denied.arn} because no identity-based policy allows the ` +
      `${denied.action} action (local runtime: function '${sandbox.spec.name}' has access ` +
      `${JSON.stringify(sandbox.spec.access)} in the wiring)`,
  );
}

/** The part of an SDK v3 client this needs. */
interface MiddlewareClient {
  middlewareStack: {
    add(
      middleware: (
        next: (args: { input: Input }) => Promise<unknown>,
        context: { clientName?: string; commandName?: string },
      ) => (args: { input: Input }) => Promise<unknown>,
      options: { step: 'initialize'; priority: 'high'; name: string },
    ): void;
  };
}

const enforced = new WeakSet<object>();

/**
 * Adds the check to each client, once (a client that shares another's middleware stack, like the
 * DynamoDB document client, is covered by that one).
 */
export function enforceGrants(clients: readonly unknown[]): void {
  for (const client of clients as MiddlewareClient[]) {
    if (enforced.has(client.middlewareStack)) continue;
    enforced.add(client.middlewareStack);
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const sandbox = currentSandbox();
        if (sandbox) {
          const operation = (context.commandName ?? '').replace(/Command$/, '');
          const [denied] = deniedPermissions(sandbox, context.clientName ?? '', operation, args.input);
          if (denied) {
            const error = accessDenied(sandbox, denied);
            sandbox.onAccessDenied?.(error);
            throw error;
          }
        }
        return next(args);
      },
      { step: 'initialize', priority: 'high', name: 'samverkanLocalAccessCheck' },
    );
  }
}
