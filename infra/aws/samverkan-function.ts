import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, SecretValue, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { Effect, type IRole, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IConfigurationSet } from 'aws-cdk-lib/aws-ses';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { untrackedConfigurationSet } from '../../shared/platform/mail-kit/configuration-set.js';
import {
  BUCKET_LIST_ACTIONS,
  BUCKET_READ_ACTIONS,
  BUCKET_WRITE_ACTIONS,
  type Denial,
  REDRIVE_DLQ_ACTIONS,
  REDRIVE_QUEUE_ACTIONS,
  SEND_EMAIL_ACTIONS,
  TABLE_BATCH_WRITE_ACTIONS,
  TABLE_INDEX_ACTIONS,
  TABLE_READ_ACTIONS,
  TABLE_WRITE_ACTIONS,
} from '../wiring/grants.js';
import { nagResourceName } from './nag.js';
import { sesConfigurationSetArn } from './stateful-stack.js';

/** The repository root: entries in the wiring are relative to it. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface SamverkanFunctionProps {
  /** kebab-case name from the wiring; becomes the Powertools service name and part of the Lambda name. */
  readonly name: string;
  /** Handler module relative to the repository root; it exports `handler`. */
  readonly entry: string;
  readonly description: string;
  /** Prefix of the physical function name, e.g. `samverkan-dev`. */
  readonly namePrefix: string;
  /** @default 10 */
  readonly timeoutSeconds?: number;
  /** @default 512 */
  readonly memoryMb?: number;
  /** The function's environment (the stack derives it from the wiring: infra/wiring/environment.ts). */
  readonly environment?: Record<string, string>;
  /**
   * For functions invoked asynchronously (EventBridge, schedules): Lambda's own retries, then the
   * original event goes to this dead-letter queue (sqs:SendMessage is granted).
   */
  readonly asyncInvoke?: { deadLetterQueue: IQueue; retryAttempts: number; maxEventAge: Duration };
}

/**
 * A Lambda function with the house defaults: Node.js on arm64, ESM bundle with the AWS SDK inside
 * (pinned versions, not the runtime's), source maps, X-Ray, JSON logs into an explicit log group
 * with a retention, and a role of its own that holds only what the `grant…()` helpers grant.
 *
 * The `grant…()` helpers are the only way a function reaches a resource: each grants the
 * least-privilege permissions of one kind of access (the action lists are infra/wiring/grants.ts,
 * which the local runtime enforces too). The environment naming the resources is derived in
 * infra/wiring/environment.ts and set by the stack.
 */
export class SamverkanFunction extends NodejsFunction {
  readonly serviceName: string;
  declare readonly role: IRole;

  constructor(scope: Construct, id: string, props: SamverkanFunctionProps) {
    const functionName = `${props.namePrefix}-${props.name}`;
    // Created next to the function (before super(), which needs them): its own log group, and a role
    // without AWSLambdaBasicExecutionRole, whose logs:* on every log group is more than we need.
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      logGroupName: `/aws/lambda/${functionName}`,
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${functionName}`,
    });
    logGroup.grantWrite(role);

    super(scope, id, {
      functionName,
      description: props.description,
      entry: path.join(PROJECT_ROOT, props.entry),
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: path.join(PROJECT_ROOT, 'package-lock.json'),
      // NODEJS_LATEST (nodejs24.x with aws-cdk-lib 2.276) passes AwsSolutions-L1 and follows the CDK
      // version, which package.json pins: the runtime only moves when we upgrade CDK on purpose.
      // The bundle targets node22, so it also runs unchanged if we ever pin NODEJS_22_X.
      runtime: Runtime.NODEJS_LATEST,
      architecture: Architecture.ARM_64,
      timeout: Duration.seconds(props.timeoutSeconds ?? 10),
      memorySize: props.memoryMb ?? 512,
      tracing: Tracing.ACTIVE,
      role,
      logGroup,
      deadLetterQueueEnabled: props.asyncInvoke !== undefined,
      deadLetterQueue: props.asyncInvoke?.deadLetterQueue,
      retryAttempts: props.asyncInvoke?.retryAttempts,
      maxEventAge: props.asyncInvoke?.maxEventAge,
      loggingFormat: LoggingFormat.JSON,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
      bundling: {
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        format: OutputFormat.ESM,
        target: 'node22',
        mainFields: ['module', 'main'],
        banner: "import { createRequire } from 'module';const require = createRequire(import.meta.url);",
        // Bundle everything, the AWS SDK included: the versions in package-lock.json are what runs.
        externalModules: [],
        // `charset: Charset.UTF8` is not passed on to esbuild by this aws-cdk-lib version; the raw
        // flag is. UTF-8 output keeps å/ä/ø as they are instead of \u escapes (~68 KiB per bundle).
        esbuildArgs: { '--charset': 'utf8' },
      },
    });
    this.serviceName = props.name;

    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Only xray:PutTraceSegments and xray:PutTelemetryRecords (added by tracing: ACTIVE) use Resource *: ' +
        'X-Ray does not support resource-level permissions for them. All other grants name their resource.',
    });
  }

  /**
   * read = Get/BatchGet/Query/ConditionCheck on the table, readwrite adds Put/Update/Delete;
   * `batchWrite` adds BatchWriteItem; Query on each of `indexes` (and on no other). Never Scan.
   */
  grantTable(
    table: ITable,
    mode: 'read' | 'readwrite',
    options: { indexes?: readonly string[]; batchWrite?: boolean } = {},
  ): this {
    this.addToRolePolicy(
      new PolicyStatement({
        actions: [
          ...TABLE_READ_ACTIONS,
          ...(mode === 'readwrite' ? TABLE_WRITE_ACTIONS : []),
          ...(options.batchWrite ? TABLE_BATCH_WRITE_ACTIONS : []),
        ],
        resources: [table.tableArn],
      }),
    );
    const indexes = options.indexes ?? [];
    if (indexes.length > 0) {
      this.addToRolePolicy(
        new PolicyStatement({
          actions: [...TABLE_INDEX_ACTIONS],
          resources: indexes.map((index) => `${table.tableArn}/index/${index}`),
        }),
      );
    }
    return this;
  }

  /**
   * An explicit Deny of `denial.actions` on the table's items whose partition key matches
   * `denial.leadingKeys` (infra/wiring/grants.ts `denialsOf`: the audit log for all but its writers).
   */
  denyTableItems(table: ITable, denial: Denial): this {
    this.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.DENY,
        actions: [...denial.actions],
        resources: [table.tableArn],
        conditions: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': [...denial.leadingKeys] } },
      }),
    );
    return this;
  }

  /** events:PutEvents on this bus only. */
  grantBus(bus: IEventBus): this {
    bus.grantPutEventsTo(this);
    return this;
  }

  /**
   * Object read (and write/delete) plus ListBucket. Object keys are dynamic (tenant prefixed), so
   * the object grant is `<bucket arn>/*`, acknowledged by its exact cdk-nag name.
   * Pass a bucket whose ARN resolves in this stack (e.g. `Bucket.fromBucketName`), see nag.ts.
   */
  grantBucket(bucket: IBucket, mode: 'read' | 'readwrite'): this {
    const objects = bucket.arnForObjects('*');
    this.addToRolePolicy(
      new PolicyStatement({
        actions: mode === 'read' ? [...BUCKET_READ_ACTIONS] : [...BUCKET_WRITE_ACTIONS],
        resources: [objects],
      }),
    );
    this.addToRolePolicy(
      new PolicyStatement({ actions: [...BUCKET_LIST_ACTIONS], resources: [bucket.bucketArn] }),
    );
    Validations.of(this.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${nagResourceName(this, objects)}]`,
      reason:
        'Attachment object keys are created at run time under per-tenant prefixes; the grant is limited to the ' +
        'objects of the single attachments bucket and to the listed object actions.',
    });
    return this;
  }

  /** sqs:SendMessage (+ GetQueueAttributes/GetQueueUrl) on this queue only. */
  grantQueueSend(queue: IQueue): this {
    queue.grantSendMessages(this);
    return this;
  }

  /**
   * Moves messages from the queue's dead-letter queue back into the queue, and nothing more.
   * sqs:ReceiveMessage, sqs:DeleteMessage (covers DeleteMessageBatch) and sqs:GetQueueAttributes on
   * the DLQ; sqs:SendMessage (covers SendMessageBatch) on the queue. Not
   * `grantConsumeMessages`/`grantSendMessages`: they add ChangeMessageVisibility and GetQueueUrl,
   * which a redrive does not use. Both queues use SQS-managed encryption, so no KMS grant is needed.
   */
  grantQueueRedrive(queue: IQueue, deadLetterQueue: IQueue): this {
    this.addToRolePolicy(
      new PolicyStatement({
        actions: [...REDRIVE_DLQ_ACTIONS],
        resources: [deadLetterQueue.queueArn],
      }),
    );
    this.addToRolePolicy(
      new PolicyStatement({ actions: [...REDRIVE_QUEUE_ACTIONS], resources: [queue.queueArn] }),
    );
    return this;
  }

  /**
   * ses:SendEmail/SendRawEmail limited to the given identities and the configuration set (SES
   * authorizes a send against both).
   */
  grantSendEmail(mailer: { configurationSet: IConfigurationSet; identityArns: readonly string[] }): this {
    const { configurationSetName } = mailer.configurationSet;
    this.addToRolePolicy(
      new PolicyStatement({
        actions: [...SEND_EMAIL_ACTIONS],
        // Both sets: the tracked one, and its untracked twin for tenants that switched tracking off.
        resources: [
          ...mailer.identityArns,
          sesConfigurationSetArn(Stack.of(this), configurationSetName),
          sesConfigurationSetArn(Stack.of(this), untrackedConfigurationSet(configurationSetName)),
        ],
      }),
    );
    return this;
  }
}

/**
 * The value of `LINK_SIGNING_SECRET`: the HMAC key of links in mail, as a CloudFormation dynamic
 * reference (`{{resolve:secretsmanager:<name>:SecretString:::}}`) that CloudFormation resolves at
 * deploy time. The template and cdk.out never contain the value, and the function needs no
 * secretsmanager:GetSecretValue nor a fetch on cold start.
 *
 * Trade-off: the resolved value is stored in the Lambda configuration (encrypted at rest, but shown
 * in plain text), so anyone allowed lambda:GetFunction / GetFunctionConfiguration on this function,
 * console users included, can read the key and forge signed links (unsubscribe, RSVP, …) for any
 * tenant. Accepted for now, on the assumption that whoever may read function configurations may
 * also deploy (change code or environment), which is at least as powerful; keep read-only roles
 * off lambda:GetFunction*. Reading the secret at run time (GetSecretValue plus a cache) would
 * narrow it to the execution role. Also: a new secret value reaches the function
 * only when CloudFormation next updates its configuration, not when the secret changes.
 */
export function linkSecretReference(secretName: string): string {
  return SecretValue.secretsManager(secretName).unsafeUnwrap();
}
