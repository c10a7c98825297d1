import { CfnOutput, Duration, Fn, NestedStack, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  ApiMapping,
  DomainName,
  HttpApi,
  HttpAuthorizer,
  HttpAuthorizerType,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import {
  ClientAttributes,
  OAuthScope,
  UserPoolClient,
  UserPoolClientIdentityProvider,
} from 'aws-cdk-lib/aws-cognito';
import { type EventPattern, type IEventBus, Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction, SqsQueue } from 'aws-cdk-lib/aws-events-targets';
import { FilterCriteria, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { subscriptionPattern } from '../../shared/platform/bus/contract.js';
import { type EnvironmentValues, functionEnvironment } from '../wiring/environment.js';
import { denialsOf, TABLE_INDEXES } from '../wiring/grants.js';
import type { FunctionSpec, SubscriptionSpec, Wiring } from '../wiring/types.js';
import { wiring as defaultWiring } from '../wiring.js';
import type { SamverkanConfig } from './config.js';
import { linkSecretReference, SamverkanFunction } from './samverkan-function.js';
import { ATTACHMENTS_BUCKET_OUTPUT, defaultBus, type StatefulStack } from './stateful-stack.js';

export interface StatelessStackProps extends StackProps {
  readonly config: SamverkanConfig;
  readonly stateful: StatefulStack;
  /** The declaration to build; defaults to `infra/wiring.ts`. Tests pass their own. */
  readonly wiring?: Wiring;
}

/** How long EventBridge and Lambda keep retrying an event before it lands in a dead-letter queue. */
const MAX_EVENT_AGE = Duration.hours(2);
const RETRY_ATTEMPTS = 2;

/**
 * SES's reputation thresholds: it puts the account under review at `review`, and may pause sending
 * at `pause`. Samverkan pauses itself at the `pause` rates (PAUSE_AT in shared/mail/store/sending-state.ts;
 * not imported, because that module creates SDK clients at load; tests assert both agree).
 */
export const SES_REPUTATION_THRESHOLDS = {
  review: { bounceRate: 0.05, complaintRate: 0.001 },
  pause: { bounceRate: 0.1, complaintRate: 0.005 },
} as const;

/** Keys of `StatelessStack.rules` (exported so scripts can look a rule up by what it is for). */
export const ruleKey = {
  subscription: (fn: string, index: number) => `${fn}/subscription/${index}`,
  queueSubscription: (fn: string, index: number) => `${fn}/queue-subscription/${index}`,
  schedule: (fn: string, scheduleName: string) => `${fn}/schedule/${scheduleName}`,
};

/** Keys of `StatelessStack.deadLetterQueues`. */
export const dlqKey = {
  /** Async invocations of the function (its rule targets and Lambda's own async retries). */
  events: (fn: string) => `${fn}/events`,
  /** Messages the owned queue's consumer failed `maxReceives` times. */
  queue: (fn: string) => `${fn}/queue`,
  /** Events EventBridge could not deliver into the owned queue. */
  queueDelivery: (fn: string) => `${fn}/queue-delivery`,
  /** Table-stream batches the function failed `retryAttempts` times (their stream positions, not the items). */
  tableStream: (fn: string) => `${fn}/table-stream`,
};

/**
 * The code side of Samverkan, derived entirely from the wiring: one SamverkanFunction per
 * FunctionSpec, and for each its HTTP routes, event rules, owned queue and schedules, plus the
 * alarms that watch them. Nothing here names a particular function or event.
 */
export class StatelessStack extends Stack {
  readonly api: HttpApi;
  readonly apiStage: HttpStage;
  /**
   * The URL the app is reached at and builds its links and OAuth redirects from (PUBLIC_BASE_URL):
   * `domainName`, or the HTTP API's own URL.
   */
  readonly publicBaseUrl: string;
  /** The staff web client of the user pool: configuration, so here, next to the URL it redirects to. */
  readonly userPoolClient: UserPoolClient;
  /** With `domainName` and `certificateArn`: the API Gateway custom domain. */
  readonly customDomain?: DomainName;
  readonly alarmTopic: Topic;
  /** By FunctionSpec name. */
  readonly functions: ReadonlyMap<string, SamverkanFunction>;
  /** Owned queues, by QueueSpec name. */
  readonly queues: ReadonlyMap<string, Queue>;
  /** The redrive DLQ of each owned queue, by QueueSpec name (the same queues as `dlqKey.queue`). */
  readonly queueDeadLetterQueues: ReadonlyMap<string, Queue>;
  /** Every dead-letter queue, by `dlqKey`. */
  readonly deadLetterQueues: ReadonlyMap<string, Queue>;
  /** Every EventBridge rule, by `ruleKey`. */
  readonly rules: ReadonlyMap<string, Rule>;
  /** Every HTTP route, by `"<METHOD> <path>"`. */
  readonly routes: ReadonlyMap<string, HttpRoute>;
  /** The nested stacks holding the HTTP routes and integrations, by capability. */
  readonly routeStacks: ReadonlyMap<string, NestedStack>;
  readonly alarms: ReadonlyMap<string, Alarm>;

  private readonly functionMap = new Map<string, SamverkanFunction>();
  private readonly queueMap = new Map<string, Queue>();
  private readonly queueDlqMap = new Map<string, Queue>();
  private readonly dlqMap = new Map<string, Queue>();
  private readonly ruleMap = new Map<string, Rule>();
  private readonly routeMap = new Map<string, HttpRoute>();
  private readonly alarmMap = new Map<string, Alarm>();
  private readonly prefix: string;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { config, stateful } = props;
    const wiring: Wiring = props.wiring ?? defaultWiring;
    validateWiring(wiring);
    this.prefix = `samverkan-${config.stage}`;
    this.functions = this.functionMap;
    this.queues = this.queueMap;
    this.queueDeadLetterQueues = this.queueDlqMap;
    this.deadLetterQueues = this.dlqMap;
    this.rules = this.ruleMap;
    this.routes = this.routeMap;
    this.alarms = this.alarmMap;

    this.alarmTopic = new Topic(this, 'AlarmTopic', {
      topicName: `${this.prefix}-alarms`,
      displayName: `Samverkan ${config.stage} alarms`,
      // No KMS: alarm notifications carry alarm names and metric values, no personal data, and
      // CloudWatch cannot publish to a topic under the AWS-managed SNS key (a CMK costs per month).
      enforceSSL: true,
    });
    if (config.alarmEmail) this.alarmTopic.addSubscription(new EmailSubscription(config.alarmEmail));

    // --- HTTP API ------------------------------------------------------------------------------
    this.api = new HttpApi(this, 'HttpApi', {
      apiName: `${this.prefix}-api`,
      description: 'Samverkan: public pages, staff console and staff JSON API',
      createDefaultStage: false,
    });
    // Named by CloudFormation: the group is retained (access logs outlive the stack), so a fixed name
    // would make the stack impossible to create again after a delete. Output `ApiAccessLogGroupName`.
    const accessLogs = new LogGroup(this, 'ApiAccessLogs', { retention: RetentionDays.ONE_MONTH });
    this.apiStage = new HttpStage(this, 'HttpApiDefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 200, burstLimit: 400 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        // routeKey, not path: paths of signed links carry capabilities that must not reach the logs.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            routeKey: '$context.routeKey',
            status: '$context.status',
            protocol: '$context.protocol',
            responseLength: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
          }),
        ),
      },
    });

    // --- public URL, custom domain, the staff sign-in client -------------------------------------
    this.publicBaseUrl = config.domainName ?? this.api.apiEndpoint;
    if (config.domainName && config.certificateArn) {
      const host = new URL(config.domainName).host;
      this.customDomain = new DomainName(this, 'CustomDomain', {
        domainName: host,
        certificate: Certificate.fromCertificateArn(this, 'CustomDomainCertificate', config.certificateArn),
      });
      new ApiMapping(this, 'CustomDomainMapping', {
        api: this.api,
        domainName: this.customDomain,
        stage: this.apiStage,
      });
      new CfnOutput(this, 'CustomDomainTarget', {
        description: `DNS: point ${host} at the API's regional domain (CNAME, or a Route 53 alias in the zone below)`,
        value: `${host} CNAME ${this.customDomain.regionalDomainName}`,
      });
      new CfnOutput(this, 'CustomDomainHostedZoneId', {
        description: `Route 53 alias target hosted zone of ${host}`,
        value: this.customDomain.regionalHostedZoneId,
      });
    }
    this.userPoolClient = new UserPoolClient(this, 'StaffWebClient', {
      userPool: stateful.userPool,
      userPoolClientName: `${this.prefix}-web`,
      // A public client: the auth function runs the code flow with PKCE, no secret to distribute.
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        // Exactly what functions/auth/session.ts sends as redirect_uri and logout_uri, built from
        // the same PUBLIC_BASE_URL.
        callbackUrls: [`${this.publicBaseUrl}/auth/callback`],
        logoutUrls: [`${this.publicBaseUrl}/`],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      // The id token is the bearer token (its `aud` is this client); keep it short-lived.
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      // Staff must never be able to change their own tenant or role with their access token.
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true, locale: true }),
    });
    // Created here, not by the first route that uses it (HttpJwtAuthorizer's way): the routes live in
    // per-capability nested stacks, and the authorizer belongs to the API they share.
    const staffJwt = new HttpAuthorizer(this, 'StaffJwtAuthorizer', {
      httpApi: this.api,
      type: HttpAuthorizerType.JWT,
      authorizerName: 'staff-id-token',
      identitySource: ['$request.header.Authorization'],
      jwtAudience: [this.userPoolClient.userPoolClientId],
      jwtIssuer: stateful.authIssuer,
    });
    const staffAuthorizer: IHttpRouteAuthorizer = {
      bind: () => ({ authorizerId: staffJwt.authorizerId, authorizationType: 'JWT' }),
    };

    // Through the stateful stack's named output rather than an automatic cross-stack reference, so the
    // object grant `<arn>/*` has a name known at construction, and its cdk-nag acknowledgement can
    // name it exactly (see SamverkanFunction.grantBucket and nag.ts).
    const bucket = Bucket.fromBucketName(
      this,
      'AttachmentsBucket',
      Fn.getStackOutput(stateful.stackName, ATTACHMENTS_BUCKET_OUTPUT, this.region),
    );
    // The values of the environment infra/wiring/environment.ts derives from each function's access.
    const environmentValues: EnvironmentValues = {
      publicBaseUrl: () => this.publicBaseUrl,
      authIssuer: () => stateful.authIssuer,
      authClientId: () => this.userPoolClient.userPoolClientId,
      authDomain: () => stateful.authDomainUrl,
      table: () => stateful.table.tableName,
      bus: () => stateful.bus.eventBusName,
      bucket: () => bucket.bucketName,
      configurationSet: () => stateful.configurationSet.configurationSetName,
      fromAddress: () => stateful.mailFromAddress,
      sendRate: () => String(config.sesSendRatePerSecond),
      unsubscribeMailbox: () => config.unsubscribeAddress,
      // By ARN (the secret is named by CloudFormation), read from the stateful stack's output.
      linkSecret: () => linkSecretReference(stateful.linkSigningSecret.secretArn),
      queueUrl: (name) => this.mustGet(this.queueMap, name).queueUrl,
      deadLetterQueueUrl: (name) => this.mustGet(this.queueDlqMap, name).queueUrl,
    };
    const busFor = (sub: SubscriptionSpec): IEventBus =>
      sub.event.bus === 'default' ? defaultBus(this) : stateful.bus;

    // --- 1. functions, their owned queues and async dead-letter queues --------------------------
    const groups = new Map<string, Construct>();
    for (const spec of wiring) {
      const group = new Construct(this, pascal(spec.name));
      groups.set(spec.name, group);
      // Lambda retries failed async invocations, then parks the original event in this queue; the
      // EventBridge targets use the same queue for events they could not deliver. Same message shape.
      const eventsDlq = hasAsyncTriggers(spec)
        ? this.deadLetterQueue(group, 'EventsDlq', dlqKey.events(spec.name))
        : undefined;
      const fn = new SamverkanFunction(group, 'Function', {
        name: spec.name,
        entry: spec.entry,
        description: spec.description,
        namePrefix: this.prefix,
        timeoutSeconds: spec.timeoutSeconds,
        memoryMb: spec.memoryMb,
        asyncInvoke: eventsDlq
          ? { deadLetterQueue: eventsDlq, retryAttempts: RETRY_ATTEMPTS, maxEventAge: MAX_EVENT_AGE }
          : undefined,
      });
      this.functionMap.set(spec.name, fn);

      if (spec.queue) {
        const q = spec.queue;
        const redriveDlq = this.deadLetterQueue(group, 'QueueDlq', dlqKey.queue(spec.name));
        const queue = new Queue(group, 'Queue', {
          encryption: QueueEncryption.SQS_MANAGED,
          enforceSSL: true,
          visibilityTimeout: Duration.seconds(q.visibilityTimeoutSeconds),
          deadLetterQueue: { queue: redriveDlq, maxReceiveCount: q.maxReceives },
        });
        this.queueMap.set(q.name, queue);
        this.queueDlqMap.set(q.name, redriveDlq);
      }
    }

    // --- 2. access: the environment derived from it, and the grants that go with it --------------
    // After step 1, so queue names resolve across every function's owned queue, its own included
    // (a function may send to the queue it consumes, e.g. the next page of a campaign expansion).
    for (const spec of wiring) {
      const fn = this.mustGet(this.functionMap, spec.name);
      for (const [name, value] of Object.entries(functionEnvironment(spec, environmentValues))) {
        fn.addEnvironment(name, value);
      }
      const { access } = spec;
      if (access.table) {
        fn.grantTable(stateful.table, access.table, {
          indexes: access.tableIndexes,
          batchWrite: access.tableBatchWrite === true,
        });
      }
      for (const denial of denialsOf(spec)) fn.denyTableItems(stateful.table, denial);
      if (access.publish) fn.grantBus(stateful.bus);
      if (access.bucket) fn.grantBucket(bucket, access.bucket);
      if (access.sendEmail) {
        fn.grantSendEmail({
          configurationSet: stateful.configurationSet,
          identityArns: stateful.mailIdentityArns,
        });
      }
      for (const queueName of access.sendToQueues ?? []) {
        fn.grantQueueSend(this.mustGet(this.queueMap, queueName));
      }
      for (const queueName of access.redriveQueues ?? []) {
        fn.grantQueueRedrive(
          this.mustGet(this.queueMap, queueName),
          this.mustGet(this.queueDlqMap, queueName),
        );
      }
    }

    // --- 3. triggers ---------------------------------------------------------------------------
    // HTTP routes (with their integrations) go into one nested stack per capability: CloudFormation
    // allows 500 resources per stack, and the routes alone are a third of them. Each nested stack is
    // one resource here and is deployed with this stack (parameters, no cross-stack exports).
    const routeStacks = new Map<string, NestedStack>();
    const routesStackOf = (spec: FunctionSpec): NestedStack => {
      const capability = capabilityOf(spec);
      let nested = routeStacks.get(capability);
      if (!nested) {
        nested = new NestedStack(this, `${pascal(capability)}Routes`, {
          description: `Samverkan ${config.stage}: HTTP routes of the ${capability} capability`,
        });
        routeStacks.set(capability, nested);
      }
      return nested;
    };
    this.routeStacks = routeStacks;
    for (const spec of wiring) {
      const fn = this.mustGet(this.functionMap, spec.name);
      const group = this.mustGet(groups, spec.name);

      if (spec.routes?.length) {
        // One invoke permission per function for this API, not one per route: a permission per
        // route (138 routes) alone would take a third of CloudFormation's 500 resources a stack may hold.
        const integration = new HttpLambdaIntegration(`${pascal(spec.name)}Integration`, fn, {
          scopePermissionToRoute: false,
        });
        const routesScope = new Construct(routesStackOf(spec), pascal(spec.name));
        for (const route of spec.routes) {
          const httpRoute = new HttpRoute(routesScope, `${route.method}${route.path}`, {
            httpApi: this.api,
            routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
            integration,
            authorizer: route.auth === 'staff' ? staffAuthorizer : undefined,
          });
          this.routeMap.set(`${route.method} ${route.path}`, httpRoute);
          if (route.auth === 'public') {
            Validations.of(httpRoute).acknowledge({
              id: 'AwsSolutions-APIG4',
              reason:
                `${route.method} ${route.path} is declared 'public' in the wiring (sign-in, RSVP pages, press ` +
                'room, signed links): it must be reachable without a staff token; the handler validates any ' +
                'signature it relies on.',
            });
          } else if (route.auth === 'console') {
            Validations.of(httpRoute).acknowledge({
              id: 'AwsSolutions-APIG4',
              reason:
                `${route.method} ${route.path} is a staff console page: browsers send the session cookie, which ` +
                'an API Gateway JWT authorizer cannot read, so the page handler verifies the signed session ' +
                'cookie itself and redirects unsigned requests to sign-in.',
            });
          }
        }
      }

      spec.subscriptions?.forEach((sub, index) => {
        const rule = new Rule(group, `Subscription${index}${pascal(sub.event.name)}`, {
          description: `${sub.event.name} → ${spec.name}`,
          eventBus: busFor(sub),
          eventPattern: exactEventPattern(subscriptionPattern(sub.event, sub.detail)),
        });
        rule.addTarget(
          new LambdaFunction(fn, {
            retryAttempts: RETRY_ATTEMPTS,
            maxEventAge: MAX_EVENT_AGE,
            deadLetterQueue: this.mustGet(this.dlqMap, dlqKey.events(spec.name)),
          }),
        );
        this.ruleMap.set(ruleKey.subscription(spec.name, index), rule);
      });

      if (spec.queue) {
        const q = spec.queue;
        const queue = this.mustGet(this.queueMap, q.name);
        fn.addEventSource(
          new SqsEventSource(queue, {
            batchSize: q.batchSize,
            maxConcurrency: q.maxConcurrency,
            maxBatchingWindow:
              q.maxBatchingWindowSeconds === undefined
                ? undefined
                : Duration.seconds(q.maxBatchingWindowSeconds),
            reportBatchItemFailures: true,
          }),
        );
        if (q.subscriptions?.length) {
          const deliveryDlq = this.deadLetterQueue(
            group,
            'QueueDeliveryDlq',
            dlqKey.queueDelivery(spec.name),
          );
          Validations.of(deliveryDlq).acknowledge({
            id: 'AwsSolutions-SQS3',
            reason:
              `This queue is itself a dead-letter queue: the DeadLetterConfig of the EventBridge rule targets that ` +
              `feed queue '${q.name}'. cdk-nag only recognises redrive policies and Lambda DLQs as DLQ usage.`,
          });
          q.subscriptions.forEach((sub, index) => {
            const rule = new Rule(group, `QueueSubscription${index}${pascal(sub.event.name)}`, {
              description: `${sub.event.name} → queue ${q.name} → ${spec.name}`,
              eventBus: busFor(sub),
              eventPattern: exactEventPattern(subscriptionPattern(sub.event, sub.detail)),
            });
            rule.addTarget(
              new SqsQueue(queue, {
                retryAttempts: RETRY_ATTEMPTS,
                maxEventAge: MAX_EVENT_AGE,
                deadLetterQueue: deliveryDlq,
              }),
            );
            this.ruleMap.set(ruleKey.queueSubscription(spec.name, index), rule);
          });
        }
      }

      if (spec.tableStream) {
        const stream = spec.tableStream;
        const streamDlq = this.deadLetterQueue(group, 'TableStreamDlq', dlqKey.tableStream(spec.name));
        Validations.of(streamDlq).acknowledge({
          id: 'AwsSolutions-SQS3',
          reason:
            `This queue is itself a dead-letter queue: the on-failure destination of ${spec.name}'s table-stream ` +
            'event source mapping. cdk-nag only recognises redrive policies and Lambda DLQs as DLQ usage.',
        });
        // Lambda's own mapping: filtered server-side, retried from the first failed record, split in
        // halves on errors to isolate a bad record, and only then sent to the DLQ.
        fn.addEventSource(
          new DynamoEventSource(stateful.table, {
            startingPosition: StartingPosition.TRIM_HORIZON,
            batchSize: stream.batchSize,
            maxBatchingWindow:
              stream.maxBatchingWindowSeconds === undefined
                ? undefined
                : Duration.seconds(stream.maxBatchingWindowSeconds),
            retryAttempts: stream.retryAttempts,
            bisectBatchOnError: true,
            reportBatchItemFailures: true,
            onFailure: new SqsDlq(streamDlq),
            filters: [FilterCriteria.filter(stream.filter)],
          }),
        );
        this.alarm(`IteratorAge${pascal(spec.name)}`, `${spec.name}/iterator-age`, {
          metric: fn.metric('IteratorAge', { period: Duration.minutes(1), statistic: 'Maximum' }),
          threshold: 60_000,
          description: `${spec.name} is more than a minute behind the table's stream: events reach the bus late.`,
        });
      }

      for (const schedule of spec.schedules ?? []) {
        const rule = new Rule(group, `Schedule${pascal(schedule.name)}`, {
          description: `${schedule.name} (${schedule.expression}) → ${spec.name}`,
          schedule: Schedule.expression(schedule.expression),
        });
        rule.addTarget(
          new LambdaFunction(fn, {
            retryAttempts: RETRY_ATTEMPTS,
            maxEventAge: MAX_EVENT_AGE,
            deadLetterQueue: this.mustGet(this.dlqMap, dlqKey.events(spec.name)),
          }),
        );
        this.ruleMap.set(ruleKey.schedule(spec.name, schedule.name), rule);
      }
    }

    // --- 4. alarms -----------------------------------------------------------------------------
    for (const [key, dlq] of this.dlqMap) {
      this.alarm(`Dlq${pascal(key)}`, key, {
        metric: dlq.metricApproximateNumberOfMessagesVisible({
          period: Duration.minutes(1),
          statistic: 'Maximum',
        }),
        threshold: 0,
        description: `Messages in dead-letter queue ${key}: inspect, fix the cause, then redrive.`,
      });
    }
    for (const [name, fn] of this.functionMap) {
      this.alarm(`Errors${pascal(name)}`, `${name}/errors`, {
        metric: fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
        threshold: 0,
        description: `${name} threw at least once in 5 minutes (see its log group ${fn.logGroup.logGroupName}).`,
      });
    }
    this.alarm('Api5xx', 'api/5xx', {
      metric: this.api.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }),
      threshold: 5,
      description: 'More than 5 HTTP 5xx responses in 5 minutes.',
    });
    // Account-level reputation: these are the rates SES reviews and pauses sending on. The review
    // alarms ask for a look; the pause alarms tell operators that Samverkan has paused (or is about
    // to pause) its own sending (shared/mail/store/sending-state.ts, on its own 7-day counts) and that SES
    // may pause the account. Account-level metrics, not the configuration set's (reputationMetrics
    // in the stateful stack publishes those too): SES acts on the account, and all of Samverkan's
    // mail goes through the one configuration set anyway.
    const { review, pause } = SES_REPUTATION_THRESHOLDS;
    this.alarm('SesBounceRate', 'ses/bounce-rate', {
      metric: sesMetric('Reputation.BounceRate', 'Maximum', Duration.hours(1)),
      threshold: review.bounceRate,
      description:
        `SES bounce rate above ${percent(review.bounceRate)} (SES reviews the account at ` +
        `${percent(review.bounceRate)}, pauses at ${percent(pause.bounceRate)}).`,
    });
    this.alarm('SesComplaintRate', 'ses/complaint-rate', {
      metric: sesMetric('Reputation.ComplaintRate', 'Maximum', Duration.hours(1)),
      threshold: review.complaintRate,
      description:
        `SES complaint rate above ${percent(review.complaintRate)} (SES reviews the account at ` +
        `${percent(review.complaintRate)}, pauses at ${percent(pause.complaintRate)}).`,
    });
    this.alarm('SesBounceRatePause', 'ses/bounce-rate-pause', {
      metric: sesMetric('Reputation.BounceRate', 'Maximum', Duration.hours(1)),
      threshold: pause.bounceRate,
      description:
        `SES bounce rate above ${percent(pause.bounceRate)}: Samverkan pauses its own sending at this rate ` +
        '(7-day counts) and SES may pause the account. Fix the list, then POST /api/mail/sending/resume.',
    });
    this.alarm('SesComplaintRatePause', 'ses/complaint-rate-pause', {
      metric: sesMetric('Reputation.ComplaintRate', 'Maximum', Duration.hours(1)),
      threshold: pause.complaintRate,
      description:
        `SES complaint rate above ${percent(pause.complaintRate)}: Samverkan pauses its own sending at ` +
        'this rate (7-day counts) and SES may pause the account. Fix the cause, then POST ' +
        '/api/mail/sending/resume.',
    });
    this.alarm('SesSendRate', 'ses/send-rate', {
      metric: sesMetric('Send', 'Sum', Duration.minutes(1)),
      threshold: Math.floor(config.sesSendRatePerSecond * 60 * 0.8),
      evaluationPeriods: 5,
      datapointsToAlarm: 3,
      description: `SES sends above 80% of the ${config.sesSendRatePerSecond}/s quota: sends will be throttled.`,
    });

    // --- outputs -------------------------------------------------------------------------------
    new CfnOutput(this, 'ApiUrl', { value: this.api.apiEndpoint, description: 'HTTP API base URL' });
    new CfnOutput(this, 'PublicBaseUrl', {
      value: this.publicBaseUrl,
      description: 'Where staff sign in (<url>/auth/sign-in) and the base of every link in mail',
    });
    new CfnOutput(this, 'ApiAccessLogGroupName', { value: accessLogs.logGroupName });
    new CfnOutput(this, 'UserPoolId', { value: stateful.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.userPoolClient.userPoolClientId });
    new CfnOutput(this, 'HostedUiDomain', { value: stateful.authDomainUrl });
  }

  private deadLetterQueue(scope: Construct, id: string, key: string): Queue {
    const queue = new Queue(scope, id, {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.dlqMap.set(key, queue);
    return queue;
  }

  private alarm(
    id: string,
    key: string,
    props: {
      metric: IMetric;
      threshold: number;
      description: string;
      evaluationPeriods?: number;
      datapointsToAlarm?: number;
    },
  ): Alarm {
    const alarm = new Alarm(this, `Alarm${id}`, {
      alarmName: `${this.prefix}-${key.replace(/\//g, '-')}`,
      alarmDescription: props.description,
      metric: props.metric,
      threshold: props.threshold,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: props.evaluationPeriods ?? 1,
      datapointsToAlarm: props.datapointsToAlarm,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    const action = new SnsAction(this.alarmTopic);
    alarm.addAlarmAction(action);
    alarm.addOkAction(action);
    this.alarmMap.set(key, alarm);
    return alarm;
  }

  private mustGet<V>(map: ReadonlyMap<string, V>, key: string): V {
    const value = map.get(key);
    if (value === undefined) throw new Error(`Wiring refers to unknown '${key}'`);
    return value;
  }
}

/** 0.005 → `0.5%`, 0.1 → `10%`. */
function percent(rate: number): string {
  return `${Number((rate * 100).toPrecision(3))}%`;
}

function sesMetric(metricName: string, statistic: string, period: Duration): Metric {
  return new Metric({ namespace: 'AWS/SES', metricName, statistic, period });
}

/**
 * The subscription's pattern, unchanged. The L2 `EventPattern` type spells `detail-type` as
 * `detailType`, but `Rule` renders keys verbatim (it only renames `detailType`), so the synthesized
 * `EventPattern` is exactly the object `subscriptionPattern()` returned (tests assert deep equality).
 * Cloned so nothing downstream can mutate the contract's shared pattern.
 */
function exactEventPattern(pattern: Record<string, unknown>): EventPattern {
  return structuredClone(pattern) as EventPattern;
}

function hasAsyncTriggers(spec: FunctionSpec): boolean {
  return (spec.subscriptions?.length ?? 0) > 0 || (spec.schedules?.length ?? 0) > 0;
}

/** The capability a function belongs to: its folder under `functions/`. */
function capabilityOf(spec: FunctionSpec): string {
  const folder = /^functions\/([^/]+)\//.exec(spec.entry)?.[1];
  if (!folder) throw new Error(`${spec.name}: entry ${spec.entry} is not under functions/<capability>/`);
  return folder;
}

/** `activity-recorder` → `ActivityRecorder`, `programme.created` → `ProgrammeCreated`. */
function pascal(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]?.toUpperCase() + part.slice(1))
    .join('');
}

/** Fails the synth on declarations AWS would only reject at deploy time (or silently misroute). */
export function validateWiring(wiring: Wiring): void {
  const errors: string[] = [];
  const names = new Set<string>();
  const routes = new Set<string>();
  const queues = new Set<string>();
  for (const spec of wiring) {
    if (!/^[a-z][a-z0-9-]*$/.test(spec.name)) errors.push(`${spec.name}: name must be kebab-case`);
    if (names.has(spec.name)) errors.push(`${spec.name}: duplicate function name`);
    names.add(spec.name);
    for (const route of spec.routes ?? []) {
      const key = `${route.method} ${route.path}`;
      if (routes.has(key)) errors.push(`${spec.name}: route ${key} is declared twice`);
      routes.add(key);
    }
    const timeout = spec.timeoutSeconds ?? 10;
    if (spec.routes?.length && timeout > 30) {
      errors.push(`${spec.name}: serves HTTP routes, but its timeout ${timeout}s exceeds API Gateway's 30s`);
    }
    if (spec.queue) {
      const q = spec.queue;
      if (queues.has(q.name)) errors.push(`${spec.name}: duplicate queue name ${q.name}`);
      queues.add(q.name);
      if (q.visibilityTimeoutSeconds < timeout) {
        errors.push(
          `${spec.name}: queue visibility timeout ${q.visibilityTimeoutSeconds}s < function timeout ${timeout}s`,
        );
      }
      if (q.maxConcurrency < 2 || q.maxConcurrency > 1000) {
        errors.push(`${spec.name}: queue maxConcurrency must be 2..1000`);
      }
      if (q.maxReceives < 1) errors.push(`${spec.name}: queue maxReceives must be at least 1`);
    }
    const schedules = new Set<string>();
    for (const schedule of spec.schedules ?? []) {
      if (schedules.has(schedule.name)) errors.push(`${spec.name}: duplicate schedule ${schedule.name}`);
      schedules.add(schedule.name);
    }
  }
  for (const spec of wiring) {
    const { access } = spec;
    for (const index of access.tableIndexes ?? []) {
      if (!TABLE_INDEXES.includes(index)) errors.push(`${spec.name}: queries unknown table index '${index}'`);
    }
    if (access.tableIndexes?.length && !access.table) {
      errors.push(`${spec.name}: tableIndexes without table access`);
    }
    if (access.tableBatchWrite && access.table !== 'readwrite') {
      errors.push(`${spec.name}: tableBatchWrite needs table 'readwrite'`);
    }
    if (access.bulkSending && !access.sendEmail) errors.push(`${spec.name}: bulkSending needs sendEmail`);
    // The page stack verifies a console route's session cookie with the identity provider's settings.
    if (spec.routes?.some((route) => route.auth === 'console') && !access.staffIdentity) {
      errors.push(`${spec.name}: serves console routes, but has no staffIdentity to verify sessions with`);
    }
    for (const queueName of spec.access.sendToQueues ?? []) {
      if (!queues.has(queueName)) errors.push(`${spec.name}: sends to unknown queue '${queueName}'`);
    }
    for (const queueName of spec.access.redriveQueues ?? []) {
      if (!queues.has(queueName)) errors.push(`${spec.name}: redrives unknown queue '${queueName}'`);
    }
  }
  if (errors.length > 0) throw new Error(`Invalid wiring:\n  ${errors.join('\n  ')}`);
}
