import { readFileSync } from 'node:fs';
import path from 'node:path';
import { App, type CfnElement, type Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { buildApp, type SamverkanApp } from '../../infra/aws/build-app.js';
import { readConfig } from '../../infra/aws/config.js';
import { SES_EVENT_TYPES } from '../../infra/aws/stateful-stack.js';
import { dlqKey, SES_REPUTATION_THRESHOLDS, validateWiring } from '../../infra/aws/stateless-stack.js';
import { ENV, type FunctionSpec, type SubscriptionSpec, type Wiring } from '../../infra/wiring/types.js';
import { wiring } from '../../infra/wiring.js';
import { MAIL_QUEUE } from '../../shared/mail/queues.js';
import { PAUSE_AT } from '../../shared/mail/store/sending-state.js';
import { defineEvent, subscriptionPattern } from '../../shared/platform/bus/contract.js';

/** Skips esbuild: templates only. */
const NO_BUNDLING = { 'aws:cdk:bundling-stacks': [] };
/** The least context a deploy needs: an SES identity for the sender (readConfig refuses none). */
const MAIL = { mailDomain: 'example.org' };

// biome-ignore lint/suspicious/noExplicitAny: synthesized CloudFormation is untyped JSON that the tests index freely
type Json = Record<string, any>;
type Resource = { Type: string; Properties: Json; DeletionPolicy?: string; UpdateReplacePolicy?: string };

const STREAM_ACTIONS = [
  'dynamodb:DescribeStream',
  'dynamodb:GetRecords',
  'dynamodb:GetShardIterator',
  'dynamodb:ListStreams',
];
const WRITE_TABLE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'];

/** Reads a synthesized stack through small, wiring-agnostic helpers. */
class StackView {
  readonly template: Template;
  readonly json: { Resources: Record<string, Resource>; Outputs?: Record<string, Json> };

  constructor(readonly stack: Stack) {
    this.template = Template.fromStack(stack);
    this.json = this.template.toJSON() as StackView['json'];
  }

  logicalId(construct: { node: { defaultChild?: unknown } } | CfnElement): string {
    const element = ('node' in construct && construct.node.defaultChild) || construct;
    return this.stack.getLogicalId(element as CfnElement);
  }

  ofType(type: string): [string, Resource][] {
    return Object.entries(this.json.Resources).filter(([, r]) => r.Type === type);
  }

  resource(id: string): Resource {
    const r = this.json.Resources[id];
    if (!r) throw new Error(`No resource ${id}`);
    return r;
  }

  /** All statements of the inline policies attached to a role. */
  statementsOfRole(roleId: string): Json[] {
    return this.ofType('AWS::IAM::Policy')
      .filter(([, p]) => (p.Properties.Roles as Json[]).some((r) => r.Ref === roleId))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Json[]);
  }

  /**
   * The actions a role may take on one resource, whatever the statement layout (merged or not):
   * the union over the Allow statements that list exactly this resource.
   */
  actionsOn(roleId: string, resource: Json): string[] {
    const wanted = JSON.stringify(resource);
    return [
      ...new Set(
        this.statementsOfRole(roleId)
          .filter((st) => st.Effect === 'Allow')
          .filter((st) => asArray(st.Resource).some((r) => JSON.stringify(r) === wanted))
          .flatMap((st) => asArray(st.Action as string | string[])),
      ),
    ].sort();
  }
}

/**
 * The HTTP routes' nested stacks (one per capability) read as one: their resources, with each
 * parameter reference replaced by the value the parent stack passes in, so assertions can compare
 * against the parent's logical ids as if the routes lived there.
 */
class RouteStacksView {
  readonly resources: Record<string, Resource> = {};

  constructor(parent: StackView, nestedStacks: Iterable<Stack>) {
    for (const nested of nestedStacks) {
      const json = Template.fromStack(nested).toJSON() as StackView['json'];
      const nestedResource = nested.nestedStackResource;
      if (!nestedResource) throw new Error(`${nested.node.path} is not a nested stack`);
      const parameters = parent.resource(parent.stack.getLogicalId(nestedResource as CfnElement)).Properties
        .Parameters as Json;
      const resolve = (value: unknown): unknown => {
        if (Array.isArray(value)) return value.map(resolve);
        if (value && typeof value === 'object') {
          const ref = (value as Json).Ref;
          if (typeof ref === 'string' && ref in parameters) return parameters[ref];
          return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
        }
        return value;
      };
      for (const [id, resource] of Object.entries(json.Resources)) {
        if (id in this.resources) throw new Error(`logical id ${id} in two route stacks`);
        this.resources[id] = resolve(resource) as Resource;
      }
    }
  }

  ofType(type: string): [string, Resource][] {
    return Object.entries(this.resources).filter(([, r]) => r.Type === type);
  }

  resource(id: string): Resource {
    const r = this.resources[id];
    if (!r) throw new Error(`No route-stack resource ${id}`);
    return r;
  }
}

function firstSpec(): FunctionSpec {
  const spec = (wiring as Wiring)[0];
  if (!spec) throw new Error('the wiring is empty');
  return spec;
}

const asArray = <T>(x: T | T[]): T[] => (Array.isArray(x) ? x : [x]);
const getAttArn = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });

/** What redriving a queue may do on its DLQ (access.redriveQueues), and on the queue itself. */
const REDRIVE_DLQ_ACTIONS = ['sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ReceiveMessage'];
const REDRIVE_QUEUE_ACTIONS = ['sqs:SendMessage'];

/** SES event type (configuration set) → the detail-type SES gives it on EventBridge. */
const SES_DETAIL_TYPES: Record<string, string> = {
  send: 'Email Sent',
  delivery: 'Email Delivered',
  bounce: 'Email Bounced',
  complaint: 'Email Complaint Received',
  reject: 'Email Rejected',
  deliveryDelay: 'Email Delivery Delayed',
  open: 'Email Opened',
  click: 'Email Clicked',
  renderingFailure: 'Email Rendering Failed',
};

/** Every function's async/queue subscriptions, tagged with what they target. */
function subscriptionsOf(spec: FunctionSpec): { sub: SubscriptionSpec; via: 'function' | 'queue' }[] {
  return [
    ...(spec.subscriptions ?? []).map((sub) => ({ sub, via: 'function' as const })),
    ...(spec.queue?.subscriptions ?? []).map((sub) => ({ sub, via: 'queue' as const })),
  ];
}

describe('the Samverkan app built from infra/wiring.ts', () => {
  let built: SamverkanApp;
  let stateless: StackView;
  let stateful: StackView;
  let routeStacks: RouteStacksView;
  let assemblyDir: string;

  beforeAll(() => {
    built = buildApp({ context: { ...NO_BUNDLING, ...MAIL } });
    // Synthesizes with the AwsSolutions plugin: in-memory (NODE_ENV=test) it throws on any error.
    assemblyDir = built.app.synth().directory;
    stateless = new StackView(built.stateless);
    stateful = new StackView(built.stateful);
    routeStacks = new RouteStacksView(stateless, built.stateless.routeStacks.values());
  });

  it('each stack stays well inside the 500 resources CloudFormation allows, with room for the next capabilities', () => {
    // Synth refuses more than 500; the first deploy of a larger stack would not get that far.
    // 374 with insight, outcomes and privacy (was 300): the functions of each capability are the
    // next thing to move into nested stacks, before two more capabilities land.
    expect(Object.keys(stateless.json.Resources).length).toBeLessThan(400);
    expect(Object.keys(stateful.json.Resources).length).toBeLessThan(450);
    for (const nested of built.stateless.routeStacks.values()) {
      expect(Object.keys(Template.fromStack(nested).toJSON().Resources).length, nested.node.id).toBeLessThan(
        300,
      );
    }
  });

  it('keeps the HTTP routes in one nested stack per capability, not in the stack of the functions', () => {
    const capabilities = new Set(
      (wiring as Wiring).filter((spec) => spec.routes?.length).map((spec) => spec.entry.split('/')[1]),
    );
    expect([...built.stateless.routeStacks.keys()].sort()).toEqual([...capabilities].sort());
    expect(stateless.ofType('AWS::ApiGatewayV2::Route')).toHaveLength(0);
    expect(stateless.ofType('AWS::CloudFormation::Stack')).toHaveLength(capabilities.size);
    // The authorizer belongs to the API, in the parent, whichever capability's route came first.
    expect(stateless.ofType('AWS::ApiGatewayV2::Authorizer')).toHaveLength(1);
    expect(routeStacks.ofType('AWS::ApiGatewayV2::Authorizer')).toHaveLength(0);
  });

  it('gives each API function one invoke permission, for this API only, not one per route', () => {
    const apiFunctions = (wiring as Wiring).filter((spec) => (spec.routes?.length ?? 0) > 0);
    const permissions = routeStacks
      .ofType('AWS::Lambda::Permission')
      .filter(([, p]) => p.Properties.Principal === 'apigateway.amazonaws.com');
    expect(permissions).toHaveLength(apiFunctions.length);
    for (const spec of apiFunctions) {
      const own = permissions.filter(([, p]) =>
        JSON.stringify(p.Properties.FunctionName).includes(functionId(spec.name)),
      );
      expect(own, spec.name).toHaveLength(1);
      // execute-api:/<this api>/*/*/*: any stage, method and path of this API, no other API.
      expect(JSON.stringify(own[0]?.[1].Properties.SourceArn)).toContain(
        stateless.logicalId(built.stateless.api),
      );
    }
  });

  const functionId = (name: string) => {
    const fn = built.stateless.functions.get(name);
    if (!fn) throw new Error(`no function ${name}`);
    return stateless.logicalId(fn);
  };
  const functionProps = (name: string) => stateless.resource(functionId(name)).Properties;
  const roleIdOf = (name: string) => functionProps(name).Role['Fn::GetAtt'][0] as string;
  /** What the role allows (its explicit Deny of audit writes is checked in grants.test.ts). */
  const actionsOf = (name: string) =>
    new Set(
      stateless
        .statementsOfRole(roleIdOf(name))
        .filter((s) => s.Effect === 'Allow')
        .flatMap((s) => asArray(s.Action as string | string[])),
    );
  /**
   * Resolves a cross-stack reference in the stateless stack (weak: `Fn::GetStackOutput`, strong:
   * `Fn::ImportValue`) to the value the stateful stack outputs.
   */
  const imported = (value: Json) => {
    const outputs = stateful.json.Outputs ?? {};
    const weak = value['Fn::GetStackOutput'];
    if (weak) {
      expect(weak.StackName).toBe(built.stateful.stackName);
      return outputs[weak.OutputName]?.Value;
    }
    return Object.values(outputs).find((o) => o.Export?.Name === value['Fn::ImportValue'])?.Value;
  };
  const queueByArn = (arn: Json) => stateless.resource(arn['Fn::GetAtt'][0]);

  describe('functions', () => {
    it('creates exactly one function per FunctionSpec, and nothing else', () => {
      expect(stateless.ofType('AWS::Lambda::Function')).toHaveLength(wiring.length);
      expect(stateful.ofType('AWS::Lambda::Function')).toHaveLength(0);
    });

    it.each(wiring.map((spec) => [spec.name, spec] as const))(
      '%s carries the house defaults',
      (name, spec) => {
        const props = functionProps(name);
        expect(props.FunctionName).toBe(`samverkan-dev-${name}`);
        expect(props.Architectures).toEqual(['arm64']);
        expect(props.Runtime).toMatch(/^nodejs\d+\.x$/);
        expect(props.Handler).toBe('index.handler');
        expect(props.Timeout).toBe((spec as FunctionSpec).timeoutSeconds ?? 10);
        expect(props.MemorySize).toBe((spec as FunctionSpec).memoryMb ?? 512);
        expect(props.TracingConfig).toEqual({ Mode: 'Active' });

        const env = props.Environment.Variables as Json;
        expect(env[ENV.serviceName]).toBe(name);
        expect(env.NODE_OPTIONS).toBe('--enable-source-maps');
        // The identity provider's settings and the public base URL only where the access asks for them.
        const { staffIdentity, publicBaseUrl } = (spec as FunctionSpec).access;
        expect(env[ENV.authIssuer] !== undefined, ENV.authIssuer).toBe(staffIdentity !== undefined);
        expect(env[ENV.authClientId] !== undefined, ENV.authClientId).toBe(staffIdentity !== undefined);
        expect(env[ENV.authDomain] !== undefined, ENV.authDomain).toBe(staffIdentity === 'sign-in');
        expect(env[ENV.publicBaseUrl] !== undefined, ENV.publicBaseUrl).toBe(publicBaseUrl === true);

        // An explicit log group with a retention, not the implicit /aws/lambda one.
        const logGroupId = props.LoggingConfig.LogGroup.Ref as string;
        const logGroup = stateless.resource(logGroupId);
        expect(logGroup.Type).toBe('AWS::Logs::LogGroup');
        expect(logGroup.Properties.RetentionInDays).toBe(30);
        expect(logGroup.DeletionPolicy).toBeDefined();

        // Its own role, no AWS managed policies (AWSLambdaBasicExecutionRole is logs:* on everything).
        expect(stateless.resource(roleIdOf(name)).Properties.ManagedPolicyArns).toBeUndefined();
      },
    );

    it('the issuer handed to functions is the Cognito issuer URL of the staff pool', () => {
      const verifier = wiring.find((spec) => (spec.access as FunctionSpec['access']).staffIdentity);
      if (!verifier) throw new Error('no function verifies staff identity');
      const issuer = functionProps(verifier.name).Environment.Variables[ENV.authIssuer];
      const parts = issuer['Fn::Join'][1] as unknown[];
      expect(parts[0]).toBe('https://cognito-idp.');
      expect(imported(parts.at(-1) as Json)).toEqual({ Ref: stateful.logicalId(built.stateful.userPool) });
    });
  });

  describe('least-privilege grants follow `access`', () => {
    it.each(wiring.map((spec) => [spec.name, spec as FunctionSpec] as const))('%s', (name, spec) => {
      const actions = actionsOf(name);
      const env = functionProps(name).Environment.Variables as Json;
      const { access } = spec;

      expect(env[ENV.table] !== undefined).toBe(access.table !== undefined);
      if (access.table) expect(actions).toContain('dynamodb:Query');
      else
        expect([...actions].filter((a) => a.startsWith('dynamodb:') && !STREAM_ACTIONS.includes(a))).toEqual(
          [],
        );
      // Reading the table's stream comes with the stream trigger, and only with it.
      for (const action of STREAM_ACTIONS)
        expect(actions.has(action), action).toBe(spec.tableStream !== undefined);
      for (const write of WRITE_TABLE_ACTIONS) {
        expect(actions.has(write), write).toBe(access.table === 'readwrite');
      }
      expect(actions.has('dynamodb:BatchWriteItem'), 'BatchWriteItem').toBe(access.tableBatchWrite === true);
      // Nothing reads a whole table or index.
      expect(actions.has('dynamodb:Scan'), 'Scan').toBe(false);

      expect(actions.has('events:PutEvents')).toBe(access.publish === true);
      expect(env[ENV.bus] !== undefined).toBe(access.publish === true);

      expect(actions.has('ses:SendEmail')).toBe(access.sendEmail === true);
      expect(actions.has('ses:SendRawEmail')).toBe(access.sendEmail === true);
      expect(env[ENV.configurationSet] !== undefined).toBe(access.sendEmail === true);

      expect([...actions].some((a) => a.startsWith('s3:'))).toBe(access.bucket !== undefined);
      expect(actions.has('s3:PutObject')).toBe(access.bucket === 'readwrite');

      for (const queueName of access.sendToQueues ?? []) {
        expect(env[ENV.queueUrl(queueName)]).toBeDefined();
        expect(actions).toContain('sqs:SendMessage');
      }
      // The bulk sender's settings only for bulk sending; the link key only where the wiring asks for it.
      expect(env[ENV.sendRate] !== undefined, ENV.sendRate).toBe(access.bulkSending === true);
      expect(env[ENV.unsubscribeMailbox] !== undefined, ENV.unsubscribeMailbox).toBe(
        access.bulkSending === true,
      );
      expect(env[ENV.linkSecret] !== undefined, ENV.linkSecret).toBe(access.linkSecret === true);
      for (const owner of wiring as Wiring) {
        if (!owner.queue) continue;
        const redrives = access.redriveQueues?.includes(owner.queue.name) === true;
        expect(env[ENV.deadLetterQueueUrl(owner.queue.name)] !== undefined, owner.queue.name).toBe(redrives);
      }
      // The link key arrives as a deploy-time dynamic reference: no function reads Secrets Manager.
      expect([...actions].filter((a) => a.startsWith('secretsmanager:'))).toEqual([]);
      // Nothing but X-Ray (and dynamodb:ListStreams, which has no resource-level permissions) uses
      // Resource "*"; no action wildcards beyond service prefixes.
      for (const statement of stateless.statementsOfRole(roleIdOf(name))) {
        if (asArray(statement.Resource).includes('*')) {
          expect(
            asArray(statement.Action).every(
              (a: string) => a.startsWith('xray:') || (a === 'dynamodb:ListStreams' && spec.tableStream),
            ),
          ).toBe(true);
        }
        for (const action of asArray(statement.Action as string | string[])) expect(action).not.toMatch(/\*/);
      }
    });

    it('the table grant covers the table, and an index only where the access names it', () => {
      const tableArn = stateful.logicalId(built.stateful.table);
      const withIndex: string[] = [];
      for (const spec of wiring as Wiring) {
        if (!spec.access.table) continue;
        const statements = stateless
          .statementsOfRole(roleIdOf(spec.name))
          .filter((s) => asArray(s.Action).some((a: string) => a.startsWith('dynamodb:')));
        const resources = statements.flatMap((s) => asArray(s.Resource));
        const rendered = JSON.stringify(resources);
        expect(rendered, spec.name).not.toContain('/index/*');
        expect(imported(resources[0]), spec.name).toEqual(getAttArn(tableArn));
        const indexes = [...rendered.matchAll(/\/index\/([A-Za-z0-9_.-]+)/g)].map((m) => m[1]);
        expect(indexes.sort(), spec.name).toEqual([...(spec.access.tableIndexes ?? [])].sort());
        if (indexes.length > 0) withIndex.push(spec.name);
        // On an index: Query, nothing else.
        for (const statement of statements) {
          if (JSON.stringify(statement.Resource).includes('/index/'))
            expect(asArray(statement.Action), spec.name).toEqual(['dynamodb:Query']);
        }
      }
      // gsi1 holds every tenant's pending schedules, open campaigns and unpublished outbox items:
      // only the dispatcher, the mail reconciler and the outbox sweeper read it. gsi2 (a person's
      // delivery records): only the privacy functions that export and erase a person.
      expect(withIndex.sort()).toEqual([
        'mail-reconciler',
        'outbox-sweeper',
        'privacy-eraser',
        'privacy-export',
        'privacy-pages',
        'schedule-dispatcher',
      ]);
    });

    it('no role may Scan, and only the CSV import and retention (delivery records) write in batches', () => {
      const allActions = (wiring as Wiring).map((spec) => [spec.name, actionsOf(spec.name)] as const);
      expect(allActions.filter(([, actions]) => actions.has('dynamodb:Scan')).map(([n]) => n)).toEqual([]);
      expect(
        allActions.filter(([, actions]) => actions.has('dynamodb:BatchWriteItem')).map(([n]) => n),
      ).toEqual(['directory-api', 'directory-pages', 'privacy-eraser']);
    });
  });

  describe('HTTP API', () => {
    const routes = wiring.flatMap((spec) =>
      (spec.routes ?? []).map((route) => ({ spec: spec.name, ...route })),
    );

    it('has exactly the routes of the wiring', () => {
      expect(routeStacks.ofType('AWS::ApiGatewayV2::Route')).toHaveLength(routes.length);
    });

    it.each(routes.map((r) => [`${r.method} ${r.path}`, r] as const))('%s', (routeKey, route) => {
      const matches = routeStacks
        .ofType('AWS::ApiGatewayV2::Route')
        .filter(([, r]) => r.Properties.RouteKey === routeKey);
      expect(matches).toHaveLength(1);
      const props = matches[0]?.[1].Properties as Json;
      expect(props.ApiId).toEqual({ Ref: stateless.logicalId(built.stateless.api) });

      if (route.auth === 'staff') {
        expect(props.AuthorizationType).toBe('JWT');
        const authorizer = stateless.resource(props.AuthorizerId.Ref).Properties;
        expect(authorizer.AuthorizerType).toBe('JWT');
        expect(authorizer.IdentitySource).toEqual(['$request.header.Authorization']);
        expect(authorizer.JwtConfiguration.Audience).toEqual([
          { Ref: stateless.logicalId(built.stateless.userPoolClient) },
        ]);
      } else {
        expect(props.AuthorizationType).toBe('NONE');
        expect(props.AuthorizerId).toBeUndefined();
      }

      const integrationId = props.Target['Fn::Join'][1][1].Ref as string;
      const integration = routeStacks.resource(integrationId).Properties;
      expect(integration.IntegrationType).toBe('AWS_PROXY');
      expect(integration.IntegrationUri).toEqual(getAttArn(functionId(route.spec)));
    });

    it('logs access to a log group', () => {
      stateless.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
        StageName: '$default',
        AutoDeploy: true,
        AccessLogSettings: {
          DestinationArn: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] },
          Format: Match.anyValue(),
        },
      });
    });
  });

  describe('event subscriptions', () => {
    const subs = wiring.flatMap((spec) =>
      subscriptionsOf(spec as FunctionSpec).map(({ sub, via }, i) => ({
        spec: spec as FunctionSpec,
        sub,
        via,
        i,
      })),
    );
    const patternRules = () =>
      stateless.ofType('AWS::Events::Rule').filter(([, r]) => r.Properties.EventPattern);

    it('has one pattern rule per subscription', () => {
      expect(patternRules()).toHaveLength(subs.length);
    });

    it.each(subs.map((s) => [`${s.spec.name} ← ${s.sub.event.name} (via ${s.via})`, s] as const))(
      '%s',
      (_, { spec, sub, via }) => {
        const expected = subscriptionPattern(sub.event, sub.detail);
        const targetArn =
          via === 'function'
            ? getAttArn(functionId(spec.name))
            : getAttArn(stateless.logicalId(built.stateless.queues.get(spec.queue?.name ?? '') as never));

        const matching = patternRules().filter(([, r]) => {
          try {
            expect(r.Properties.EventPattern).toStrictEqual(expected);
            expect(r.Properties.Targets.map((t: Json) => t.Arn)).toContainEqual(targetArn);
            return true;
          } catch {
            return false;
          }
        });
        expect(matching, JSON.stringify(expected)).toHaveLength(1);
        const rule = matching[0]?.[1].Properties as Json;

        if (sub.event.bus === 'default') expect(rule.EventBusName).toBe('default');
        else expect(imported(rule.EventBusName)).toEqual({ Ref: stateful.logicalId(built.stateful.bus) });

        const target = (rule.Targets as Json[]).find(
          (t) => JSON.stringify(t.Arn) === JSON.stringify(targetArn),
        );
        expect(target?.RetryPolicy).toEqual({ MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 7200 });
        const dlq = queueByArn(target?.DeadLetterConfig.Arn);
        expect(dlq.Type).toBe('AWS::SQS::Queue');
        expect(dlq.Properties.MessageRetentionPeriod).toBe(14 * 24 * 3600);
      },
    );

    it('functions invoked asynchronously retry, then keep failed events in a DLQ', () => {
      for (const spec of wiring as Wiring) {
        if (!spec.subscriptions?.length && !spec.schedules?.length) continue;
        const props = functionProps(spec.name);
        expect(queueByArn(props.DeadLetterConfig.TargetArn).Type).toBe('AWS::SQS::Queue');
        stateless.template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
          FunctionName: { Ref: functionId(spec.name) },
          MaximumRetryAttempts: 2,
          MaximumEventAgeInSeconds: 7200,
        });
      }
    });
  });

  describe('outcomes and closing the loop (issue 10)', () => {
    it('OutcomePublished and ReleasePublished reach the feedback-hear-back queue, nothing else does', () => {
      const queueArn = getAttArn(
        stateless.logicalId(built.stateless.queues.get('feedback-hear-back') as never),
      );
      const rules = stateless
        .ofType('AWS::Events::Rule')
        .filter(([, r]) =>
          (r.Properties.Targets ?? []).some((t: Json) => JSON.stringify(t.Arn) === JSON.stringify(queueArn)),
        );
      expect(rules.flatMap(([, r]) => r.Properties.EventPattern['detail-type']).sort()).toEqual([
        'OutcomePublished',
        'ReleasePublished',
      ]);
      // It reads and queues mail (campaigns in the table), and never sends itself.
      expect(actionsOf('feedback-hear-back').has('ses:SendEmail')).toBe(false);
    });

    it('the outcome routes are in the programmes route stack, the public programme page in the press one', () => {
      const keysOf = (capability: string) =>
        Object.values(
          Template.fromStack(built.stateless.routeStacks.get(capability) as never).findResources(
            'AWS::ApiGatewayV2::Route',
          ),
        ).map((r) => (r as Json).Properties.RouteKey as string);
      expect(keysOf('programmes')).toEqual(
        expect.arrayContaining([
          'POST /api/programmes/{programmeId}/outcomes',
          'POST /api/programmes/{programmeId}/outcomes/{outcomeId}/publish',
          'GET /console/programmes/{programmeId}/outcomes/new',
          'POST /console/programmes/{programmeId}/outcomes/{outcomeId}/publish',
        ]),
      );
      expect(keysOf('press')).toContain('GET /press/{tenantId}/programmes/{programmeId}');
    });
  });

  describe('programme insight (issue 10)', () => {
    it('the recorder takes invitations, answers, attendance, feedback and published or cancelled events from its own queue, with a DLQ', () => {
      const queue = built.stateless.queues.get('insight');
      if (!queue) throw new Error('no insight queue');
      const queueArn = getAttArn(stateless.logicalId(queue as never));
      const rules = stateless
        .ofType('AWS::Events::Rule')
        .filter(([, r]) =>
          r.Properties.Targets?.some((t: Json) => JSON.stringify(t.Arn) === JSON.stringify(queueArn)),
        );
      const detailTypes = rules.map(([, r]) => r.Properties.EventPattern['detail-type'][0]).sort();
      expect(detailTypes).toEqual(
        [
          'AttendanceMarked',
          'EventCancelled',
          'EventPublished',
          'FeedbackAnswered',
          'InvitationAnswered',
          'InvitationCreated',
        ].sort(),
      );
      const mapping = stateless
        .ofType('AWS::Lambda::EventSourceMapping')
        .find(([, m]) => m.Properties.FunctionName.Ref === functionId('insight-recorder'))?.[1]
        .Properties as Json;
      const consumed = queueByArn(mapping.EventSourceArn);
      expect(queueByArn(consumed.Properties.RedrivePolicy.deadLetterTargetArn).Type).toBe('AWS::SQS::Queue');
    });

    it('the recorder only reads and writes the table; the overview pages only read it', () => {
      const recorder = actionsOf('insight-recorder');
      for (const write of WRITE_TABLE_ACTIONS) expect(recorder.has(write), write).toBe(true);
      expect([...recorder].filter((a) => /^(ses|events|s3|secretsmanager):/.test(a))).toEqual([]);
      const pages = actionsOf('insight-pages');
      for (const write of [...WRITE_TABLE_ACTIONS, 'dynamodb:BatchWriteItem'])
        expect(pages.has(write), write).toBe(false);
      expect(pages.has('dynamodb:BatchGetItem')).toBe(true);
    });
  });

  describe('owned queues', () => {
    const owners = (wiring as Wiring).filter((spec) => spec.queue);

    it.each(owners.map((spec) => [spec.name, spec] as const))('%s consumes its queue', (name, spec) => {
      const q = spec.queue as NonNullable<FunctionSpec['queue']>;
      const mappings = stateless
        .ofType('AWS::Lambda::EventSourceMapping')
        .filter(([, m]) => m.Properties.FunctionName.Ref === functionId(name));
      expect(mappings).toHaveLength(1);
      const mapping = mappings[0]?.[1].Properties as Json;
      expect(mapping.BatchSize).toBe(q.batchSize);
      expect(mapping.ScalingConfig).toEqual({ MaximumConcurrency: q.maxConcurrency });
      expect(mapping.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
      expect(mapping.MaximumBatchingWindowInSeconds).toBe(q.maxBatchingWindowSeconds);

      const queue = queueByArn(mapping.EventSourceArn);
      expect(queue.Properties.VisibilityTimeout).toBe(q.visibilityTimeoutSeconds);
      expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
      expect(queue.Properties.RedrivePolicy.maxReceiveCount).toBe(q.maxReceives);
      const dlq = queueByArn(queue.Properties.RedrivePolicy.deadLetterTargetArn);
      expect(dlq.Properties.MessageRetentionPeriod).toBe(14 * 24 * 3600);
      expect(dlq.Properties.SqsManagedSseEnabled).toBe(true);
    });

    it('the outbox relay reads new outbox items from the table stream, with retries, a DLQ and alarms', () => {
      const relay = (wiring as Wiring).find((spec) => spec.tableStream);
      if (!relay?.tableStream) throw new Error('no table-stream function in the wiring');
      const table = stateful.ofType('AWS::DynamoDB::Table')[0]?.[1].Properties as Json;
      expect(table.StreamSpecification).toEqual({ StreamViewType: 'NEW_IMAGE' });
      const mappings = stateless
        .ofType('AWS::Lambda::EventSourceMapping')
        .filter(([, m]) => m.Properties.FunctionName.Ref === functionId(relay.name));
      expect(mappings).toHaveLength(1);
      const mapping = mappings[0]?.[1].Properties as Json;
      expect(mapping).toMatchObject({
        StartingPosition: 'TRIM_HORIZON',
        BatchSize: relay.tableStream.batchSize,
        MaximumRetryAttempts: relay.tableStream.retryAttempts,
        BisectBatchOnFunctionError: true,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      });
      // The very filter the local stream reader applies.
      expect(JSON.parse(mapping.FilterCriteria.Filters[0].Pattern)).toEqual(relay.tableStream.filter);
      expect(JSON.stringify(mapping.EventSourceArn)).toContain('StreamArn');
      const dlqArn = mapping.DestinationConfig.OnFailure.Destination;
      expect(queueByArn(dlqArn).Properties.SqsManagedSseEnabled).toBe(true);
      expect(built.stateless.deadLetterQueues.has(dlqKey.tableStream(relay.name))).toBe(true);
      const alarmProps = stateless.ofType('AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
      expect(alarmProps.some((a) => a.MetricName === 'IteratorAge')).toBe(true);
    });

    it('every queue enforces TLS and server-side encryption', () => {
      const queues = stateless.ofType('AWS::SQS::Queue');
      for (const [id, queue] of queues) {
        expect(queue.Properties.SqsManagedSseEnabled, id).toBe(true);
        stateless.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
          Queues: Match.arrayWith([{ Ref: id }]),
          PolicyDocument: {
            Statement: Match.arrayWith([
              Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
            ]),
          },
        });
      }
    });
  });

  describe('the email pipeline', () => {
    const specs = wiring as Wiring;
    const ownerOf = (queueName: string) => {
      const owner = specs.find((spec) => spec.queue?.name === queueName);
      if (!owner) throw new Error(`no function owns queue ${queueName}`);
      return owner;
    };
    const queueId = (queueName: string) =>
      stateless.logicalId(built.stateless.queues.get(queueName) as never);
    const dlqId = (queueName: string) =>
      stateless.logicalId(built.stateless.queueDeadLetterQueues.get(queueName) as never);
    const sesSubscriptions = specs.flatMap((spec) =>
      subscriptionsOf(spec)
        .filter(({ sub }) => sub.event.source === 'aws.ses')
        .map(({ sub, via }) => ({ spec, sub, via })),
    );

    it('SES events are consumed through the mail-events queue only', () => {
      expect(sesSubscriptions.length).toBeGreaterThan(0);
      for (const { spec, via } of sesSubscriptions) {
        expect(via).toBe('queue');
        expect(spec.queue?.name).toBe('mail-events');
      }
    });

    it.each(sesSubscriptions.map((s) => [s.sub.event.detailType, s] as const))(
      '%s: a rule on the default bus, with the exact pattern, into the mail-events queue',
      (detailType, { spec, sub }) => {
        expect(sub.event.bus).toBe('default');
        const expected = subscriptionPattern(sub.event, sub.detail);
        const rules = stateless
          .ofType('AWS::Events::Rule')
          .filter(([, r]) => r.Properties.EventPattern?.['detail-type']?.includes(detailType));
        expect(rules).toHaveLength(1);
        const rule = rules[0]?.[1].Properties as Json;
        expect(rule.EventBusName).toBe('default');
        expect(rule.EventPattern).toStrictEqual(expected);
        expect(rule.Targets.map((t: Json) => t.Arn)).toEqual([getAttArn(queueId(spec.queue?.name ?? ''))]);
        // Only what SES publishes through the configuration set can ever match.
        const published = SES_EVENT_TYPES.map((type) => SES_DETAIL_TYPES[type]);
        expect(published).toContain(detailType);
      },
    );

    it('the mail queue is deployed with MAIL_QUEUE, the settings the sender paces itself by', () => {
      const owner = ownerOf(MAIL_QUEUE.name);
      expect(owner.queue).toBe(MAIL_QUEUE);
      const mappings = stateless
        .ofType('AWS::Lambda::EventSourceMapping')
        .filter(
          ([, m]) =>
            JSON.stringify(m.Properties.EventSourceArn) === JSON.stringify(getAttArn(queueId('mail'))),
        );
      expect(mappings).toHaveLength(1);
      const mapping = mappings[0]?.[1].Properties as Json;
      expect(mapping.FunctionName).toEqual({ Ref: functionId(owner.name) });
      expect(mapping.ScalingConfig).toEqual({ MaximumConcurrency: MAIL_QUEUE.maxConcurrency });
      expect(mapping.BatchSize).toBe(MAIL_QUEUE.batchSize);
      expect(mapping.MaximumBatchingWindowInSeconds).toBe(MAIL_QUEUE.maxBatchingWindowSeconds);
      expect(mapping.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);

      const queue = stateless.resource(queueId('mail')).Properties;
      expect(queue.VisibilityTimeout).toBe(MAIL_QUEUE.visibilityTimeoutSeconds);
      expect(queue.RedrivePolicy).toEqual({
        deadLetterTargetArn: getAttArn(dlqId('mail')),
        maxReceiveCount: MAIL_QUEUE.maxReceives,
      });
      expect(built.stateless.deadLetterQueues.get(dlqKey.queue(owner.name))).toBe(
        built.stateless.queueDeadLetterQueues.get('mail'),
      );

      const alarm = stateless
        .ofType('AWS::CloudWatch::Alarm')
        .map(([, a]) => a.Properties)
        .find(
          (a) =>
            a.MetricName === 'ApproximateNumberOfMessagesVisible' &&
            JSON.stringify(a.Dimensions) ===
              JSON.stringify([{ Name: 'QueueName', Value: { 'Fn::GetAtt': [dlqId('mail'), 'QueueName'] } }]),
        );
      expect(alarm).toMatchObject({
        Namespace: 'AWS/SQS',
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        AlarmActions: [{ Ref: stateless.logicalId(built.stateless.alarmTopic) }],
      });
    });

    it('only functions declared to send mail may; the bulk sender has the send rate and unsubscribe mailbox', () => {
      const senders = specs.filter((spec) => spec.access.sendEmail).map((spec) => spec.name);
      // The pipeline's sender, and the events functions for a staff member's test invitation.
      expect(senders.sort()).toEqual(['mail-sender', 'meetings-api', 'meetings-pages']);
      for (const spec of specs) {
        const actions = actionsOf(spec.name);
        const mayMail = ['ses:SendEmail', 'ses:SendRawEmail'].some((a) => actions.has(a));
        expect(mayMail, spec.name).toBe(senders.includes(spec.name));
      }
      expect(specs.filter((spec) => spec.access.bulkSending).map((spec) => spec.name)).toEqual([
        'mail-sender',
      ]);
      const env = functionProps('mail-sender').Environment.Variables as Json;
      expect(env[ENV.sendRate]).toBe(String(built.config.sesSendRatePerSecond));
      expect(env[ENV.sendRate]).toBe('14');
      expect(env[ENV.unsubscribeMailbox]).toBe('unsubscribe@example.org');
      expect(env[ENV.fromAddress]).toBe('no-reply@example.org');
    });

    it('LINK_SIGNING_SECRET resolves from the retained secret, for linkSecret functions only', () => {
      const secrets = stateful.ofType('AWS::SecretsManager::Secret');
      expect(secrets).toHaveLength(1);
      const [secretId, secret] = secrets[0] as [string, Resource];
      expect(secretId).toBe(stateful.logicalId(built.stateful.linkSigningSecret));
      expect(secret.DeletionPolicy).toBe('Retain');
      expect(secret.UpdateReplacePolicy).toBe('Retain');
      // Named by CloudFormation: the secret is retained, a fixed name would block re-creating the stack.
      expect(secret.Properties.Name).toBeUndefined();
      expect(secret.Properties.GenerateSecretString).toMatchObject({
        PasswordLength: 48,
        ExcludePunctuation: true,
      });
      expect(secret.Properties.GenerateSecretString.IncludeSpace).not.toBe(true);
      expect(secret.Properties.SecretString).toBeUndefined();

      const holders = specs.filter((spec) => spec.access.linkSecret).map((spec) => spec.name);
      expect(holders.sort()).toEqual([
        'feedback-answer',
        'feedback-follow-up',
        'mail-sender',
        'press-api',
        'press-newsroom',
        'press-pages',
        'press-subscriptions',
        'privacy-eraser',
        'privacy-export',
        'privacy-pages',
        'rsvp',
        'unsubscribe',
      ]);
      for (const spec of specs) {
        const env = functionProps(spec.name).Environment.Variables as Json;
        if (!holders.includes(spec.name)) {
          expect(env[ENV.linkSecret], spec.name).toBeUndefined();
          continue;
        }
        // A dynamic reference to the secret's ARN, read from the stateful stack's output.
        const [separator, parts] = env[ENV.linkSecret]['Fn::Join'] as [string, Json[]];
        expect(separator).toBe('');
        expect(parts[0]).toBe('{{resolve:secretsmanager:');
        expect(imported(parts[1] as Json)).toEqual({ Ref: secretId });
        expect(parts[2]).toBe(':SecretString:::}}');
      }
    });

    it('redrive grants are exactly receive/delete/attributes on the DLQ and send on the queue', () => {
      const redrivers = specs.filter((spec) => spec.access.redriveQueues?.length);
      expect(redrivers.length).toBeGreaterThan(0);
      for (const spec of specs) {
        const roleId = roleIdOf(spec.name);
        const env = functionProps(spec.name).Environment.Variables as Json;
        for (const owner of specs) {
          if (!owner.queue) continue;
          const name = owner.queue.name;
          const redrives = spec.access.redriveQueues?.includes(name) === true;
          const label = `${spec.name} → ${name}`;
          expect(stateless.actionsOn(roleId, getAttArn(dlqId(name))), label).toEqual(
            redrives ? REDRIVE_DLQ_ACTIONS : [],
          );
          if (!redrives) continue;
          expect(env[ENV.deadLetterQueueUrl(name)], label).toEqual({ Ref: dlqId(name) });
          expect(env[ENV.queueUrl(name)], label).toEqual({ Ref: queueId(name) });
          const onQueue = stateless.actionsOn(roleId, getAttArn(queueId(name)));
          const alsoUses = spec.access.sendToQueues?.includes(name) || spec.queue?.name === name;
          if (alsoUses) expect(onQueue, label).toEqual(expect.arrayContaining(REDRIVE_QUEUE_ACTIONS));
          else expect(onQueue, label).toEqual(REDRIVE_QUEUE_ACTIONS);
        }
      }
      // The wiring's one redriver: the mail API re-drives the mail queue's dead letters.
      expect(redrivers.map((spec) => [spec.name, spec.access.redriveQueues])).toEqual([
        ['mail-api', ['mail']],
      ]);
    });

    it('a function may send to the queue it consumes (resolved across all owned queues)', () => {
      const selfSenders = specs.filter(
        (spec) => spec.queue && spec.access.sendToQueues?.includes(spec.queue.name),
      );
      expect(selfSenders.map((spec) => spec.name)).toContain('campaign-expander');
      for (const spec of selfSenders) {
        const name = spec.queue?.name ?? '';
        const env = functionProps(spec.name).Environment.Variables as Json;
        expect(env[ENV.queueUrl(name)]).toEqual({ Ref: queueId(name) });
        const onQueue = stateless.actionsOn(roleIdOf(spec.name), getAttArn(queueId(name)));
        expect(onQueue).toEqual(expect.arrayContaining(['sqs:SendMessage', 'sqs:ReceiveMessage']));
        for (const other of spec.access.sendToQueues ?? []) {
          expect(env[ENV.queueUrl(other)], other).toEqual({ Ref: queueId(other) });
          expect(stateless.actionsOn(roleIdOf(spec.name), getAttArn(queueId(other)))).toContain(
            'sqs:SendMessage',
          );
        }
      }
    });
  });

  describe('schedules', () => {
    const schedules = (wiring as Wiring).flatMap((spec) => (spec.schedules ?? []).map((s) => ({ spec, s })));

    it.each(schedules.map(({ spec, s }) => [`${spec.name}: ${s.name}`, spec, s] as const))(
      '%s',
      (_, spec, s) => {
        stateless.template.hasResourceProperties('AWS::Events::Rule', {
          ScheduleExpression: s.expression,
          Targets: Match.arrayWith([Match.objectLike({ Arn: getAttArn(functionId(spec.name)) })]),
        });
      },
    );
  });

  describe('stateful resources', () => {
    it('table: keys, gsi1, gsi2 (keys only), on-demand, PITR, TTL, AWS-managed encryption, retained', () => {
      const [[, table] = []] = stateful.ofType('AWS::DynamoDB::Table');
      expect(table?.DeletionPolicy).toBe('Retain');
      expect(table?.Properties).toMatchObject({
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
        SSESpecification: { SSEEnabled: true },
        GlobalSecondaryIndexes: [
          {
            IndexName: 'gsi1',
            KeySchema: [
              { AttributeName: 'gsi1pk', KeyType: 'HASH' },
              { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
          {
            IndexName: 'gsi2',
            KeySchema: [
              { AttributeName: 'gsi2pk', KeyType: 'HASH' },
              { AttributeName: 'gsi2sk', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'KEYS_ONLY' },
          },
        ],
      });
      // CloudFormation creates or deletes at most one GSI per table in one stack update: gsi2 came
      // alone (gsi1 was already deployed). A change that adds another index must come in a deploy
      // of its own; this list is what a reviewer sees change.
      expect(
        ((table?.Properties?.GlobalSecondaryIndexes ?? []) as { IndexName: string }[]).map(
          (i) => i.IndexName,
        ),
      ).toEqual(['gsi1', 'gsi2']);
    });

    it('attachments bucket: private, TLS only, encrypted, versioned, access-logged', () => {
      const bucket = stateful.resource(stateful.logicalId(built.stateful.bucket));
      expect(bucket.DeletionPolicy).toBe('Retain');
      expect(bucket.Properties).toMatchObject({
        VersioningConfiguration: { Status: 'Enabled' },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        LoggingConfiguration: { DestinationBucketName: { Ref: expect.any(String) } },
      });
    });

    it('the app bus is samverkan-<stage>, archived', () => {
      stateful.template.hasResourceProperties('AWS::Events::EventBus', { Name: 'samverkan-dev' });
      stateful.template.hasResourceProperties('AWS::Events::Archive', {
        SourceArn: getAttArn(stateful.logicalId(built.stateful.bus)),
      });
    });

    it('staff user pool: admin-created users, strong passwords, optional TOTP, tenant and role', () => {
      const pool = stateful.resource(stateful.logicalId(built.stateful.userPool)).Properties;
      expect(pool.AdminCreateUserConfig.AllowAdminCreateUserOnly).toBe(true);
      expect(pool.MfaConfiguration).toBe('OPTIONAL');
      expect(pool.EnabledMfas).toEqual(['SOFTWARE_TOKEN_MFA']);
      expect(pool.Policies.PasswordPolicy.MinimumLength).toBeGreaterThanOrEqual(12);
      expect(pool.Schema).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ Name: 'tenant', AttributeDataType: 'String', Mutable: false }),
          expect.objectContaining({ Name: 'role', AttributeDataType: 'String', Mutable: true }),
        ]),
      );
      const client = stateless.resource(stateless.logicalId(built.stateless.userPoolClient)).Properties;
      expect(client.AllowedOAuthFlows).toEqual(['code']);
      expect(imported(client.UserPoolId)).toEqual({ Ref: stateful.logicalId(built.stateful.userPool) });
      expect(client.GenerateSecret).toBe(false);
      // Users must not be able to rewrite their own tenant or role.
      expect((client.WriteAttributes as string[]).some((a) => a.startsWith('custom:'))).toBe(false);
      stateful.template.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
    });

    it('SES configuration sets: the tracked one sends every event type to the default bus; its untracked twin all but opens and clicks', () => {
      const sets = stateful.ofType('AWS::SES::ConfigurationSet');
      expect(sets.map(([, set]) => set.Properties.Name).sort()).toEqual([
        'samverkan-dev',
        'samverkan-dev-untracked',
      ]);
      const all = [
        'send',
        'delivery',
        'bounce',
        'complaint',
        'reject',
        'deliveryDelay',
        'open',
        'click',
        'renderingFailure',
      ];
      const destinations = stateful.ofType('AWS::SES::ConfigurationSetEventDestination');
      expect(destinations).toHaveLength(2);
      for (const [setId, set] of sets) {
        expect(set.Properties.ReputationOptions).toEqual({ ReputationMetricsEnabled: true });
        expect(set.Properties.SendingOptions).toEqual({ SendingEnabled: true });
        const own = destinations.filter(
          ([, d]) => JSON.stringify(d.Properties.ConfigurationSetName) === JSON.stringify({ Ref: setId }),
        );
        expect(own).toHaveLength(1);
        const destination = own[0]?.[1].Properties.EventDestination as Json;
        expect(destination.Enabled).toBe(true);
        expect(JSON.stringify(destination.EventBridgeDestination.EventBusArn)).toMatch(
          /:event-bus\/default"/,
        );
        // SES tracks opens and clicks (pixel, rewritten links) only for a set that publishes them.
        const expected = set.Properties.Name.endsWith('-untracked')
          ? all.filter((e) => e !== 'open' && e !== 'click')
          : all;
        expect([...destination.MatchingEventTypes].sort()).toEqual([...expected].sort());
      }
      expect(SES_EVENT_TYPES).toHaveLength(9);
    });
  });

  describe('alarms', () => {
    const alarms = () => stateless.ofType('AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    const topicRef = () => ({ Ref: stateless.logicalId(built.stateless.alarmTopic) });

    it('every dead-letter queue alarms on its first message', () => {
      const rendered = JSON.stringify(stateless.json.Resources);
      // DLQs are found in the template, not taken from the stack's own bookkeeping.
      const dlqIds = stateless
        .ofType('AWS::SQS::Queue')
        .map(([id]) => id)
        .filter((id) => {
          const arn = JSON.stringify(getAttArn(id));
          return (
            rendered.includes(`"deadLetterTargetArn":${arn}`) ||
            rendered.includes(`"DeadLetterConfig":{"Arn":${arn}}`) ||
            rendered.includes(`"DeadLetterConfig":{"TargetArn":${arn}}`) ||
            rendered.includes(`"OnFailure":{"Destination":${arn}}`)
          );
        });
      expect(dlqIds.length).toBeGreaterThan(0);
      expect(dlqIds.length).toBe(built.stateless.deadLetterQueues.size);
      for (const id of dlqIds) {
        const alarm = alarms().find(
          (a) =>
            a.MetricName === 'ApproximateNumberOfMessagesVisible' &&
            JSON.stringify(a.Dimensions) ===
              JSON.stringify([{ Name: 'QueueName', Value: { 'Fn::GetAtt': [id, 'QueueName'] } }]),
        );
        expect(alarm, id).toMatchObject({ Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' });
        expect(alarm?.AlarmActions).toEqual([topicRef()]);
      }
    });

    it('every function alarms on errors over 5 minutes', () => {
      for (const spec of wiring) {
        const alarm = alarms().find(
          (a) => a.MetricName === 'Errors' && a.Dimensions?.[0]?.Value?.Ref === functionId(spec.name),
        );
        expect(alarm, spec.name).toMatchObject({ Threshold: 0, Period: 300, Statistic: 'Sum' });
      }
    });

    it('SES reputation alarms at the review (5%, 0.1%) and pause (10%, 0.5%) rates', () => {
      // The pause alarms fire where the app pauses itself (shared/mail/store/sending-state.ts).
      expect(SES_REPUTATION_THRESHOLDS.pause).toEqual({
        bounceRate: PAUSE_AT.bounceRate,
        complaintRate: PAUSE_AT.complaintRate,
      });
      const expected = [
        ['Reputation.BounceRate', 0.05],
        ['Reputation.BounceRate', 0.1],
        ['Reputation.ComplaintRate', 0.001],
        ['Reputation.ComplaintRate', 0.005],
      ] as const;
      const reputation = alarms().filter(
        (a) => a.Namespace === 'AWS/SES' && a.MetricName.startsWith('Reputation.'),
      );
      expect(reputation.map((a) => [a.MetricName, a.Threshold]).sort()).toEqual(
        expected.map((e) => [...e]).sort(),
      );
      for (const alarm of reputation) {
        expect(alarm, `${alarm.MetricName} ${alarm.Threshold}`).toMatchObject({
          ComparisonOperator: 'GreaterThanThreshold',
          Statistic: 'Maximum',
          Period: 3600,
          TreatMissingData: 'notBreaching',
          AlarmActions: [topicRef()],
          OKActions: [topicRef()],
        });
        expect(alarm.Dimensions).toBeUndefined();
      }
      expect(built.stateless.alarms.get('ses/bounce-rate-pause')).toBeDefined();
      expect(built.stateless.alarms.get('ses/complaint-rate-pause')).toBeDefined();
    });

    it('the alarm topic refuses plain HTTP publishers', () => {
      stateless.template.hasResourceProperties('AWS::SNS::TopicPolicy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    });
  });

  it('outputs the API URL, user pool id, client id and hosted UI domain', () => {
    expect(Object.keys(stateless.json.Outputs ?? {})).toEqual(
      expect.arrayContaining(['ApiUrl', 'UserPoolId', 'UserPoolClientId', 'HostedUiDomain']),
    );
  });

  describe('cdk-nag AwsSolutions', () => {
    it('reports no unacknowledged errors or warnings', () => {
      const report = new AwsSolutionsChecks().validateScope(built.app);
      const findings = report.violations.map(
        (v) => `${v.severity} ${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`,
      );
      expect(findings).toEqual([]);
    });

    it('the synthesized validation report is clean too', () => {
      const report = JSON.parse(readFileSync(path.join(assemblyDir, 'validation-report.json'), 'utf8'));
      const violations = (report.pluginReports as Json[]).flatMap((p) => p.violations ?? []);
      expect(violations).toEqual([]);
    });

    it('no CDK errors or warnings on either stack', () => {
      for (const stack of [built.stateful, built.stateless]) {
        const annotations = Annotations.fromStack(stack);
        expect(annotations.findError('*', Match.anyValue())).toEqual([]);
        expect(annotations.findWarning('*', Match.anyValue())).toEqual([]);
      }
    });

    it('every acknowledgement carries a specific reason', () => {
      const acks = built.app.node
        .findAll()
        .flatMap((c) => c.node.metadata.filter((m) => m.type === 'aws:cdk:acknowledged-rules'))
        .flatMap((m) => Object.values(m.data as Record<string, string>));
      expect(acks.length).toBeGreaterThan(0);
      for (const reason of acks) expect(reason.length).toBeGreaterThan(60);
    });
  });
});

describe('a different wiring drives the stacks', () => {
  const ThingHappened = defineEvent({
    name: 'test.thing-happened',
    source: 'test.things',
    detailType: 'ThingHappened',
    version: 2,
    schema: z.object({ kind: z.string() }),
  });
  const EmailBounced = defineEvent({
    name: 'ses.bounce',
    source: 'aws.ses',
    detailType: 'Email Bounced',
    version: 1,
    schema: z.object({}),
    bus: 'default',
  });
  // Any existing handler file will do: bundling is skipped.
  const entry = firstSpec().entry;
  const tiny: Wiring = [
    {
      name: 'thing-reader',
      entry,
      description: 'reads things',
      access: { table: 'read' },
      subscriptions: [{ event: ThingHappened, detail: { kind: ['important'] } }, { event: EmailBounced }],
    },
  ];

  let built: SamverkanApp;
  let view: StackView;

  beforeAll(() => {
    built = buildApp({ context: { ...NO_BUNDLING, ...MAIL, stage: 'test' }, wiring: tiny });
    view = new StackView(built.stateless);
  });

  it('has only the one function, no routes and no queues', () => {
    expect(view.ofType('AWS::Lambda::Function')).toHaveLength(1);
    view.template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'samverkan-test-thing-reader',
    });
    expect(view.ofType('AWS::ApiGatewayV2::Route')).toHaveLength(0);
    expect(view.ofType('AWS::Lambda::EventSourceMapping')).toHaveLength(0);
    expect([...built.stateless.functions.keys()]).toEqual(['thing-reader']);
  });

  it('routes the filtered subscription on the app bus with the merged pattern', () => {
    const fnArn = getAttArn(view.logicalId(built.stateless.functions.get('thing-reader') as never));
    const expected = {
      source: ['test.things'],
      'detail-type': ['ThingHappened'],
      detail: { version: [2], kind: ['important'] },
    };
    expect(subscriptionPattern(ThingHappened, { kind: ['important'] })).toStrictEqual(expected);
    const rule = view
      .ofType('AWS::Events::Rule')
      .find(([, r]) => r.Properties.EventPattern?.source?.[0] === 'test.things');
    expect(rule?.[1].Properties.EventPattern).toStrictEqual(expected);
    expect(rule?.[1].Properties.EventBusName).not.toBe('default');
    expect(JSON.stringify(rule?.[1].Properties.EventBusName)).toContain(built.stateful.stackName);
    expect(rule?.[1].Properties.Targets[0].Arn).toEqual(fnArn);
  });

  it('routes the AWS event on the default bus, without a version filter', () => {
    const rule = view
      .ofType('AWS::Events::Rule')
      .find(([, r]) => r.Properties.EventPattern?.source?.[0] === 'aws.ses');
    expect(rule?.[1].Properties.EventBusName).toBe('default');
    expect(rule?.[1].Properties.EventPattern).toStrictEqual({
      source: ['aws.ses'],
      'detail-type': ['Email Bounced'],
    });
  });

  it('grants read-only table access and nothing else', () => {
    const fn = view.resource(
      view.logicalId(built.stateless.functions.get('thing-reader') as never),
    ).Properties;
    const actions = view
      .statementsOfRole(fn.Role['Fn::GetAtt'][0])
      .flatMap((s) => asArray(s.Action as string[]));
    expect(actions).toContain('dynamodb:GetItem');
    expect(actions).toContain('dynamodb:Query');
    expect(actions).not.toContain('dynamodb:PutItem');
    expect(actions).not.toContain('dynamodb:Scan');
    expect(JSON.stringify(view.statementsOfRole(fn.Role['Fn::GetAtt'][0]))).not.toContain('/index/');
    expect(actions).not.toContain('events:PutEvents');
    expect(actions.some((a) => a.startsWith('ses:') || a.startsWith('s3:'))).toBe(false);
    expect(fn.Environment.Variables[ENV.table]).toBeDefined();
    expect(fn.Environment.Variables[ENV.bus]).toBeUndefined();
  });

  it('is nag-clean as well', () => {
    expect(new AwsSolutionsChecks().validateScope(built.app).violations).toEqual([]);
  });
});

describe('optional configuration and the remaining access kinds', () => {
  const mailer: FunctionSpec = {
    name: 'mailer',
    entry: firstSpec().entry,
    description: 'sends mail with attachments',
    routes: [{ method: 'POST', path: '/api/mail', auth: 'staff' }],
    queue: { name: 'outbox', batchSize: 5, maxConcurrency: 3, maxReceives: 5, visibilityTimeoutSeconds: 60 },
    access: {
      sendEmail: true,
      bulkSending: true,
      publicBaseUrl: true,
      bucket: 'readwrite',
      sendToQueues: ['outbox'],
    },
    timeoutSeconds: 30,
    memoryMb: 1024,
  };
  const context = {
    ...NO_BUNDLING,
    stage: 'test',
    domainName: 'samverkan.example.se/',
    mailDomain: 'example.se',
    mailFromAddress: 'no-reply@example.se',
    alarmEmail: 'ops@example.se',
    sesSendRatePerSecond: '50',
  };

  let built: SamverkanApp;
  let stateless: StackView;
  let stateful: StackView;
  let fn: Json;
  let statements: Json[];

  beforeAll(() => {
    built = buildApp({ context, wiring: [mailer] });
    stateless = new StackView(built.stateless);
    stateful = new StackView(built.stateful);
    fn = stateless.resource(stateless.logicalId(built.stateless.functions.get('mailer') as never)).Properties;
    statements = stateless.statementsOfRole(fn.Role['Fn::GetAtt'][0]);
  });

  it('uses the domain as public base URL and Cognito callback', () => {
    expect(fn.Environment.Variables[ENV.publicBaseUrl]).toBe('https://samverkan.example.se');
    stateless.template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      CallbackURLs: ['https://samverkan.example.se/auth/callback'],
      LogoutURLs: ['https://samverkan.example.se/'],
    });
  });

  it('creates the DKIM-signed domain identity and scopes sending to it and the configuration set', () => {
    stateful.template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'example.se',
      DkimAttributes: { SigningEnabled: true },
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: Match.anyValue() } },
    });
    const ses = statements.filter((st) => asArray(st.Action).some((a: string) => a.startsWith('ses:')));
    expect(ses).toHaveLength(1);
    const resources = JSON.stringify(ses[0]?.Resource);
    expect(resources).toContain(':identity/example.se"');
    expect(resources).toContain(':configuration-set/');
    // Both sets: a tenant that switched tracking off sends through the untracked one.
    expect(resources).toContain('-untracked');
    expect(resources).not.toContain('*');
    expect(fn.Environment.Variables[ENV.fromAddress]).toBe('no-reply@example.se');
    expect(fn.Environment.Variables[ENV.configurationSet]).toBeDefined();
  });

  it('binds the bucket and the queue it sends to, with their environment variables', () => {
    const actions = statements.flatMap((st) => asArray(st.Action as string[]));
    expect(actions).toEqual(
      expect.arrayContaining(['s3:GetObject', 's3:PutObject', 's3:ListBucket', 'sqs:SendMessage']),
    );
    expect(fn.Environment.Variables[ENV.bucket]).toBeDefined();
    expect(fn.Environment.Variables[ENV.queueUrl('outbox')]).toEqual({
      Ref: stateless.logicalId(built.stateless.queues.get('outbox') as never),
    });
  });

  it('gives the mailer the configured send rate and an unsubscribe mailbox on the mail domain', () => {
    expect(fn.Environment.Variables[ENV.sendRate]).toBe('50');
    expect(fn.Environment.Variables[ENV.unsubscribeMailbox]).toBe('unsubscribe@example.se');
    expect(fn.Environment.Variables[ENV.linkSecret]).toBeUndefined();
    // The secret exists per stage even when no function uses it yet.
    stateful.template.resourceCountIs('AWS::SecretsManager::Secret', 1);
  });

  it('reads and validates unsubscribeAddress', () => {
    const config = (context: Record<string, unknown>) =>
      readConfig(new App({ context: { ...MAIL, ...context } }).node);
    expect(config({}).unsubscribeAddress).toBe('unsubscribe@example.org');
    expect(config({ mailDomain: 'kommun.se', mailFromAddress: 'nej@kommun.se' }).unsubscribeAddress).toBe(
      'unsubscribe@kommun.se',
    );
    expect(config({ unsubscribeAddress: ' avregistrera@kommun.se ' }).unsubscribeAddress).toBe(
      'avregistrera@kommun.se',
    );
    expect(() => config({ unsubscribeAddress: 'not-an-address' })).toThrow(/unsubscribeAddress/);
  });

  it('takes timeout and memory from the spec, and alarms to the configured address', () => {
    expect(fn.Timeout).toBe(30);
    expect(fn.MemorySize).toBe(1024);
    stateless.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.se',
    });
    stateless.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Send',
      Threshold: 50 * 60 * 0.8,
    });
  });

  it('is nag-clean, the wildcard object grant acknowledged by its exact finding', () => {
    expect(new AwsSolutionsChecks().validateScope(built.app).violations).toEqual([]);
  });
});

describe('wiring validation', () => {
  const base: FunctionSpec = { name: 'a', entry: 'x.ts', description: 'a', access: {} };

  it('rejects a route declared twice', () => {
    const route = { method: 'GET', path: '/x', auth: 'public' } as const;
    expect(() =>
      validateWiring([
        { ...base, routes: [route] },
        { ...base, name: 'b', routes: [route] },
      ]),
    ).toThrow(/GET \/x is declared twice/);
  });

  it('rejects an HTTP function that would outlive the API Gateway timeout', () => {
    const route = { method: 'GET', path: '/x', auth: 'public' } as const;
    expect(() => validateWiring([{ ...base, routes: [route], timeoutSeconds: 60 }])).toThrow(/30s/);
  });

  it('rejects sending to a queue nobody owns', () => {
    expect(() => validateWiring([{ ...base, access: { sendToQueues: ['nope'] } }])).toThrow(
      /unknown queue 'nope'/,
    );
  });

  it('rejects redriving a queue nobody owns', () => {
    expect(() => validateWiring([{ ...base, access: { redriveQueues: ['nope'] } }])).toThrow(
      /redrives unknown queue 'nope'/,
    );
  });

  it('accepts a function that sends to the queue it owns', () => {
    const queue = {
      name: 'q',
      batchSize: 1,
      maxConcurrency: 2,
      maxReceives: 3,
      visibilityTimeoutSeconds: 30,
    };
    expect(() =>
      validateWiring([{ ...base, queue, access: { sendToQueues: ['q'], redriveQueues: ['q'] } }]),
    ).not.toThrow();
  });

  it('rejects table access the table cannot give, and bulk sending without sending', () => {
    expect(() => validateWiring([{ ...base, access: { table: 'read', tableIndexes: ['gsi9'] } }])).toThrow(
      /unknown table index 'gsi9'/,
    );
    expect(() => validateWiring([{ ...base, access: { tableIndexes: ['gsi1'] } }])).toThrow(
      /tableIndexes without table access/,
    );
    expect(() => validateWiring([{ ...base, access: { table: 'read', tableBatchWrite: true } }])).toThrow(
      /tableBatchWrite needs table 'readwrite'/,
    );
    expect(() => validateWiring([{ ...base, access: { bulkSending: true } }])).toThrow(
      /bulkSending needs sendEmail/,
    );
    expect(() =>
      validateWiring([
        { ...base, access: { table: 'readwrite', tableIndexes: ['gsi1'], tableBatchWrite: true } },
      ]),
    ).not.toThrow();
  });

  it('rejects console routes without the identity settings to verify their sessions', () => {
    const route = { method: 'GET', path: '/console/x', auth: 'console' } as const;
    expect(() => validateWiring([{ ...base, routes: [route] }])).toThrow(/no staffIdentity/);
    expect(() =>
      validateWiring([{ ...base, routes: [route], access: { staffIdentity: 'verify' } }]),
    ).not.toThrow();
  });

  it('rejects a visibility timeout shorter than the function timeout', () => {
    const queue = { name: 'q', batchSize: 1, maxConcurrency: 2, maxReceives: 3, visibilityTimeoutSeconds: 5 };
    expect(() => validateWiring([{ ...base, timeoutSeconds: 30, queue }])).toThrow(/visibility timeout/);
  });
});
