import { App, type AppProps, type Environment, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { Wiring } from '../wiring/types.js';
import { readConfig, type SamverkanConfig } from './config.js';
import { StatefulStack } from './stateful-stack.js';
import { StatelessStack } from './stateless-stack.js';

export interface BuildAppOptions {
  /** CDK context (the CLI's `-c` values and cdk.json come in through the environment instead). */
  readonly context?: AppProps['context'];
  readonly outdir?: string;
  /** Another wiring than `infra/wiring.ts` (tests). */
  readonly wiring?: Wiring;
  /** @default - CDK_DEFAULT_ACCOUNT / CDK_DEFAULT_REGION when the CLI provides them, else env-agnostic */
  readonly env?: Environment;
  /** Run cdk-nag's AwsSolutions pack during synthesis. @default true */
  readonly nag?: boolean;
}

export interface SamverkanApp {
  readonly app: App;
  readonly config: SamverkanConfig;
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
}

/**
 * Feature flags the stacks rely on. Given as App `context`, which cdk.json and `-c` override, so
 * the CLI, tests and scripts build the same templates.
 */
const FEATURE_FLAGS = {
  // Server access logs delivered via a bucket policy on the log bucket, not the legacy ACL grant.
  '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
  // The stateless stack reads the stateful stack's outputs with Fn::GetStackOutput instead of
  // Export/ImportValue: a wiring change that stops using a stateful resource can never deadlock the
  // two stacks ("export … cannot be deleted as it is in use"). The stateful resources are retained,
  // so the producer-protection of strong references buys nothing here.
  '@aws-cdk/core:defaultCrossStackReferences': 'weak',
};

/** Builds the whole Samverkan app: config from context, both stacks, cdk-nag. Used by app.ts and tests. */
export function buildApp(options: BuildAppOptions = {}): SamverkanApp {
  const app = new App({ context: { ...FEATURE_FLAGS, ...options.context }, outdir: options.outdir });
  const config = readConfig(app.node);
  const env: Environment = options.env ?? {
    account: process.env.CDK_DEFAULT_ACCOUNT,
    region: process.env.CDK_DEFAULT_REGION,
  };

  if (options.nag ?? true) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  Tags.of(app).add('project', 'samverkan');
  Tags.of(app).add('stage', config.stage);

  const stateful = new StatefulStack(app, `samverkan-${config.stage}-stateful`, {
    env,
    config,
    description: `Samverkan ${config.stage}: data, identity, event bus and mail setup`,
    terminationProtection: config.stage === 'prod',
  });
  const stateless = new StatelessStack(app, `samverkan-${config.stage}-stateless`, {
    env,
    config,
    stateful,
    wiring: options.wiring,
    description: `Samverkan ${config.stage}: functions, HTTP API, event rules, queues and alarms`,
  });
  // Explicit: the attachments bucket is read through Fn.getStackOutput, which implies no dependency.
  stateless.addStackDependency(stateful);

  return { app, config, stateful, stateless };
}
