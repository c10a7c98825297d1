import type { Node } from 'constructs';

/**
 * Deployment configuration, read from CDK context (`cdk synth -c stage=prod -c alarmEmail=ops@kommun.se`
 * or the `context` block of cdk.json):
 *
 * | key                    | default                | meaning                                                        |
 * | ---------------------- | ---------------------- | -------------------------------------------------------------- |
 * | `stage`                | `dev`                  | name suffix of every stack and resource (`samverkan-<stage>`)   |
 * | `domainName`           | (none)                 | public base URL, e.g. `https://samverkan.example.se`; without  |
 * |                        |                        | it the HTTP API's execute-api URL is used (see below)         |
 * | `mailFromAddress`      | `no-reply@example.org` | sender of every mail                                           |
 * | `mailDomain`           | (none)                 | creates an SES domain identity with Easy DKIM for this domain  |
 * | `alarmEmail`           | (none)                 | subscribes this address to the alarm topic                     |
 * | `sesSendRatePerSecond` | `14`                   | the account's SES maximum send rate; alarms near it, and the   |
 * |                        |                        | sender paces itself by it (`SES_MAX_SEND_RATE`)                |
 * | `unsubscribeAddress`   | `unsubscribe@<domain>` | `mailto:` of List-Unsubscribe (`MAIL_UNSUBSCRIBE_ADDRESS`);    |
 * |                        |                        | `<domain>` is `mailDomain`, or `example.org` without it        |
 *
 * The Cognito callback URL is `<domainName>/auth/callback`. Without `domainName` (not allowed for
 * `prod`) it falls back to `http://localhost:3000`, because the execute-api URL only exists after
 * the first deploy: deploy once, then redeploy with `-c domainName=<ApiUrl output>` (or a custom
 * domain) to make the hosted-UI sign-in work.
 */
export interface SamverkanConfig {
  readonly stage: string;
  readonly domainName?: string;
  readonly mailFromAddress: string;
  readonly mailDomain?: string;
  readonly alarmEmail?: string;
  readonly sesSendRatePerSecond: number;
  /** Where `mailto:` unsubscribe requests go (the List-Unsubscribe header of every mail). */
  readonly unsubscribeAddress: string;
}

export const LOCAL_BASE_URL = 'http://localhost:3000';

const STAGE = /^[a-z][a-z0-9-]{0,11}$/;
const EMAIL = /^[^\s@]+@([^\s@]+\.[^\s@]+)$/;

function optionalString(node: Node, key: string): string | undefined {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new Error(`Context '${key}' must be a string, got ${typeof value}`);
  return value.trim();
}

/** Reads and validates the configuration; throws at synth time rather than failing a deployment. */
export function readConfig(node: Node): SamverkanConfig {
  const stage = optionalString(node, 'stage') ?? 'dev';
  if (!STAGE.test(stage)) {
    throw new Error(
      `Context 'stage' must match ${STAGE} (it becomes part of resource names), got '${stage}'`,
    );
  }

  const rawDomain = optionalString(node, 'domainName');
  const domainName = rawDomain
    ? (/^https?:\/\//.test(rawDomain) ? rawDomain : `https://${rawDomain}`).replace(/\/+$/, '')
    : undefined;

  if (stage === 'prod' && !domainName) {
    throw new Error(
      "Context 'domainName' is required for stage 'prod' (it is the Cognito callback base URL)",
    );
  }

  const mailFromAddress = optionalString(node, 'mailFromAddress') ?? 'no-reply@example.org';
  const fromMatch = EMAIL.exec(mailFromAddress);
  if (!fromMatch) throw new Error(`Context 'mailFromAddress' is not an email address: '${mailFromAddress}'`);

  const mailDomain = optionalString(node, 'mailDomain')?.toLowerCase();
  const fromDomain = fromMatch[1]?.toLowerCase() ?? '';
  if (mailDomain && fromDomain !== mailDomain && !fromDomain.endsWith(`.${mailDomain}`)) {
    throw new Error(`mailFromAddress '${mailFromAddress}' is not on mailDomain '${mailDomain}'`);
  }

  const alarmEmail = optionalString(node, 'alarmEmail');
  if (alarmEmail && !EMAIL.test(alarmEmail)) throw new Error(`Context 'alarmEmail' is not an email address`);

  const rawRate: unknown = node.tryGetContext('sesSendRatePerSecond');
  const sesSendRatePerSecond = rawRate === undefined || rawRate === '' ? 14 : Number(rawRate);
  if (!Number.isFinite(sesSendRatePerSecond) || sesSendRatePerSecond < 1) {
    throw new Error(
      `Context 'sesSendRatePerSecond' must be at least 1 (SES's smallest rate, the sandbox's, is 1 mail a second), got '${String(rawRate)}'`,
    );
  }

  const unsubscribeAddress =
    optionalString(node, 'unsubscribeAddress') ?? `unsubscribe@${mailDomain ?? 'example.org'}`;
  if (!EMAIL.test(unsubscribeAddress)) {
    throw new Error(`Context 'unsubscribeAddress' is not an email address: '${unsubscribeAddress}'`);
  }

  return {
    stage,
    domainName,
    mailFromAddress,
    mailDomain,
    alarmEmail,
    sesSendRatePerSecond,
    unsubscribeAddress,
  };
}
