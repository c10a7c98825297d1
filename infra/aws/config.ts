import type { Node } from 'constructs';

/**
 * Deployment configuration, read from CDK context (`cdk deploy -c mailDomain=kommun.se -c alarmEmail=ops@kommun.se`
 * or the `context` block of cdk.json). README.md ("Deploying to AWS") has the runbook.
 *
 * | key                    | default                      | meaning                                                   |
 * | ---------------------- | ---------------------------- | --------------------------------------------------------- |
 * | `mailDomain`           | one of the two is required   | the stack creates this SES domain identity (Easy DKIM,    |
 * |                        |                              | MAIL FROM `bounce.<mailDomain>`) and outputs its DNS      |
 * | `mailIdentity`         |                              | or: an SES identity already verified in this account and  |
 * |                        |                              | region (a domain or an address) the sender is on          |
 * | `mailDomainVerified`   | `false`                      | `true` once SES shows `mailDomain` verified: Cognito's    |
 * |                        |                              | mails then go through SES too (always so with             |
 * |                        |                              | `mailIdentity`)                                           |
 * | `mailFromAddress`      | `no-reply@<domain>`          | sender of every mail; must be on the identity             |
 * | `stage`                | `dev`                        | name suffix of every stack and resource (`samverkan-<stage>`) |
 * | `domainName`           | (the HTTP API's URL)         | public base URL, e.g. `https://samverkan.example.se`      |
 * | `certificateArn`       | (none)                       | ACM certificate (same region) for `domainName`: the stack |
 * |                        |                              | creates the API Gateway custom domain and mapping         |
 * | `alarmEmail`           | (none)                       | subscribes this address to the alarm topic                |
 * | `sesSendRatePerSecond` | `14`                         | the account's SES maximum send rate; alarms near it, and  |
 * |                        |                              | the sender paces itself by it (`SES_MAX_SEND_RATE`)       |
 * | `unsubscribeAddress`   | `unsubscribe@<domain>`       | `mailto:` of List-Unsubscribe (`MAIL_UNSUBSCRIBE_ADDRESS`) |
 *
 * `<domain>` is `mailDomain`, or `mailIdentity`'s domain. The Cognito client's callback and logout
 * URLs are `<public base URL>/auth/callback` and `<public base URL>/`, where the public base URL is
 * `domainName` or, without it, the HTTP API's URL: the stateless stack creates the client next to
 * the API, so both are right on the first deploy.
 */
export interface SamverkanConfig {
  readonly stage: string;
  /** `https://host`, no path, no trailing slash. */
  readonly domainName?: string;
  /** With `domainName`: the stack creates the API Gateway custom domain with this certificate. */
  readonly certificateArn?: string;
  readonly mailFromAddress: string;
  /** The stack creates this SES domain identity. Exclusive with `mailIdentity`. */
  readonly mailDomain?: string;
  /** An SES identity (domain or address) verified outside this app. Exclusive with `mailDomain`. */
  readonly mailIdentity?: string;
  /** The SES identity is verified, so Cognito can send through it (`UserPoolEmail.withSES`). */
  readonly mailIdentityVerified: boolean;
  readonly alarmEmail?: string;
  readonly sesSendRatePerSecond: number;
  /** Where `mailto:` unsubscribe requests go (the List-Unsubscribe header of every mail). */
  readonly unsubscribeAddress: string;
}

/** The SES identity the sender is on: the domain the stack creates, or the one verified outside it. */
export function senderIdentity(config: SamverkanConfig): string {
  const identity = config.mailDomain ?? config.mailIdentity;
  if (!identity) throw new Error('No SES identity configured (readConfig refuses this)');
  return identity;
}

const STAGE = /^[a-z][a-z0-9-]{0,11}$/;
const EMAIL = /^[^\s@]+@([^\s@]+\.[^\s@]+)$/;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const CERTIFICATE_ARN = /^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]+$/;

function optionalString(node: Node, key: string): string | undefined {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new Error(`Context '${key}' must be a string, got ${typeof value}`);
  return value.trim();
}

function optionalBoolean(node: Node, key: string): boolean {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '' || value === false || value === 'false') {
    return false;
  }
  if (value === true || value === 'true') return true;
  throw new Error(`Context '${key}' must be true or false, got '${String(value)}'`);
}

/** `a@b.c` → `b.c`, lower-cased. */
function domainOf(address: string): string {
  return (address.split('@')[1] ?? '').toLowerCase();
}

/** The address is on the domain, or on one of its subdomains (SES covers both with a domain identity). */
function isOn(address: string, domain: string): boolean {
  const from = domainOf(address);
  return from === domain || from.endsWith(`.${domain}`);
}

export const MISSING_MAIL_IDENTITY =
  "No SES identity for the sender: every mail would fail in AWS. Set context 'mailDomain' " +
  '(e.g. -c mailDomain=kommun.se: the stack creates the DKIM-signed domain identity and outputs its DNS ' +
  "records; the sender defaults to no-reply@<mailDomain>), or 'mailIdentity' (a domain or address already " +
  'verified in SES in this account and region, e.g. -c mailIdentity=kommun.se or ' +
  "-c mailIdentity=no-reply@kommun.se), optionally with 'mailFromAddress' on it.";

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
  if (domainName && !/^https?:\/\/[^/?#]+$/.test(domainName)) {
    throw new Error(
      `Context 'domainName' must be a bare origin such as https://samverkan.kommun.se (the app's routes start at /), got '${rawDomain}'`,
    );
  }

  const certificateArn = optionalString(node, 'certificateArn');
  if (certificateArn) {
    if (!domainName) {
      throw new Error("Context 'certificateArn' needs 'domainName' (the name the certificate is for)");
    }
    if (!domainName.startsWith('https://')) {
      throw new Error(`Context 'domainName' must be https:// with 'certificateArn', got '${domainName}'`);
    }
    if (!CERTIFICATE_ARN.test(certificateArn)) {
      throw new Error(`Context 'certificateArn' is not an ACM certificate ARN: '${certificateArn}'`);
    }
  }

  const rawRate: unknown = node.tryGetContext('sesSendRatePerSecond');
  const sesSendRatePerSecond = rawRate === undefined || rawRate === '' ? 14 : Number(rawRate);
  if (!Number.isFinite(sesSendRatePerSecond) || sesSendRatePerSecond < 1) {
    throw new Error(
      `Context 'sesSendRatePerSecond' must be at least 1 (SES's smallest rate, the sandbox's, is 1 mail a second), got '${String(rawRate)}'`,
    );
  }

  const alarmEmail = optionalString(node, 'alarmEmail');
  if (alarmEmail && !EMAIL.test(alarmEmail)) throw new Error(`Context 'alarmEmail' is not an email address`);

  // --- the sender and the SES identity it is on ---------------------------------------------------
  const mailDomain = optionalString(node, 'mailDomain')?.toLowerCase();
  const mailIdentity = optionalString(node, 'mailIdentity')?.toLowerCase();
  if (!mailDomain && !mailIdentity) throw new Error(MISSING_MAIL_IDENTITY);
  if (mailDomain && mailIdentity) {
    throw new Error(
      "Context 'mailDomain' (an identity the stack creates) and 'mailIdentity' (one verified outside it) exclude each other",
    );
  }
  if (mailDomain && !DOMAIN.test(mailDomain)) {
    throw new Error(`Context 'mailDomain' is not a domain name: '${mailDomain}'`);
  }
  if (mailIdentity && !DOMAIN.test(mailIdentity) && !EMAIL.test(mailIdentity)) {
    throw new Error(`Context 'mailIdentity' is neither a domain nor an email address: '${mailIdentity}'`);
  }
  const identityIsAddress = mailIdentity?.includes('@') === true;
  const identityDomain =
    mailDomain ?? (identityIsAddress ? domainOf(mailIdentity ?? '') : mailIdentity) ?? '';

  const mailFromAddress =
    optionalString(node, 'mailFromAddress') ??
    (identityIsAddress ? (mailIdentity ?? '') : `no-reply@${identityDomain}`);
  if (!EMAIL.test(mailFromAddress)) {
    throw new Error(`Context 'mailFromAddress' is not an email address: '${mailFromAddress}'`);
  }
  if (mailDomain && !isOn(mailFromAddress, mailDomain)) {
    throw new Error(`mailFromAddress '${mailFromAddress}' is not on mailDomain '${mailDomain}'`);
  }
  if (mailIdentity && identityIsAddress && mailFromAddress.toLowerCase() !== mailIdentity) {
    throw new Error(
      `mailFromAddress '${mailFromAddress}' is not the verified address mailIdentity '${mailIdentity}'`,
    );
  }
  if (mailIdentity && !identityIsAddress && !isOn(mailFromAddress, mailIdentity)) {
    throw new Error(`mailFromAddress '${mailFromAddress}' is not on mailIdentity '${mailIdentity}'`);
  }
  // An identity verified outside the app is verified by definition; the stack's own domain identity
  // only once its DKIM records are published (Cognito refuses an unverified identity at deploy).
  const mailIdentityVerified = mailIdentity !== undefined || optionalBoolean(node, 'mailDomainVerified');

  const unsubscribeAddress = optionalString(node, 'unsubscribeAddress') ?? `unsubscribe@${identityDomain}`;
  if (!EMAIL.test(unsubscribeAddress)) {
    throw new Error(`Context 'unsubscribeAddress' is not an email address: '${unsubscribeAddress}'`);
  }

  return {
    stage,
    domainName,
    certificateArn,
    mailFromAddress,
    mailDomain,
    mailIdentity,
    mailIdentityVerified,
    alarmEmail,
    sesSendRatePerSecond,
    unsubscribeAddress,
  };
}
