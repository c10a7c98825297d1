import { Aws, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  type CfnUserPool,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolDomain,
  UserPoolEmail,
} from 'aws-cdk-lib/aws-cognito';
import {
  AttributeType,
  BillingMode,
  ProjectionType,
  StreamViewType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import { EventBus, type IEventBus } from 'aws-cdk-lib/aws-events';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import {
  ConfigurationSet,
  ConfigurationSetEventDestination,
  DkimIdentity,
  EasyDkimSigningKeyLength,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
  MailFromBehaviorOnMxFailure,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import { untrackedConfigurationSet } from '../../shared/platform/mail-kit/configuration-set.js';
import { type SamverkanConfig, senderIdentity } from './config.js';

/** The output with the attachments bucket's name, read by the stateless stack. */
export const ATTACHMENTS_BUCKET_OUTPUT = 'AttachmentsBucketName';

/** The GSI every access pattern beyond the primary key goes through (single-table design). */
export const GSI1 = 'gsi1';
/**
 * A person's mail delivery records, by recipient (Art. 15: which mails were sent to them, when,
 * with what outcome; and what an erasure deletes). Sparse and keys only: a delivery's status
 * changes never write to it, only its creation and deletion do.
 */
export const GSI2 = 'gsi2';

/**
 * Every SES event type we route to EventBridge. `subscription` (SES list management) is left out:
 * Samverkan keeps its own consent records and does not use SES contact lists.
 */
export const SES_EVENT_TYPES: readonly EmailSendingEvent[] = [
  EmailSendingEvent.SEND,
  EmailSendingEvent.DELIVERY,
  EmailSendingEvent.BOUNCE,
  EmailSendingEvent.COMPLAINT,
  EmailSendingEvent.REJECT,
  EmailSendingEvent.DELIVERY_DELAY,
  EmailSendingEvent.OPEN,
  EmailSendingEvent.CLICK,
  EmailSendingEvent.RENDERING_FAILURE,
];

export interface StatefulStackProps extends StackProps {
  readonly config: SamverkanConfig;
}

/**
 * Everything that holds data or identity and must survive a redeploy of the code: the table, the
 * attachment bucket, the event bus, the staff user pool and the mail setup. The stateless stack
 * reads the public fields below.
 */
export class StatefulStack extends Stack {
  readonly config: SamverkanConfig;
  readonly table: Table;
  readonly bucket: Bucket;
  readonly bus: EventBus;
  /** The staff pool. Its app client is configuration and lives in the stateless stack, next to the API. */
  readonly userPool: UserPool;
  readonly userPoolDomain: UserPoolDomain;
  /** Hosted UI base URL, `https://<prefix>.auth.<region>.amazoncognito.com`. */
  readonly authDomainUrl: string;
  /** `https://cognito-idp.<region>.amazonaws.com/<poolId>`: the id tokens' `iss`. */
  readonly authIssuer: string;
  readonly configurationSet: ConfigurationSet;
  /** The configuration set of tenants that switched open and click tracking off. */
  readonly untrackedConfigurationSet: ConfigurationSet;
  readonly emailIdentity?: EmailIdentity;
  /** ARNs of the SES identities the from-address may be sent through (for least-privilege grants). */
  readonly mailIdentityArns: readonly string[];
  readonly mailFromAddress: string;
  /** The HMAC key of links in mail (unsubscribe, RSVP…); named by CloudFormation (output `LinkSigningSecretArn`). */
  readonly linkSigningSecret: Secret;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const { config } = props;
    this.config = config;
    const prefix = `samverkan-${config.stage}`;

    // --- DynamoDB: one table, single-table design -------------------------------------------------
    this.table = new Table(this, 'Table', {
      partitionKey: { name: 'pk', type: AttributeType.STRING },
      sortKey: { name: 'sk', type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.AWS_MANAGED,
      timeToLiveAttribute: 'expiresAt',
      // The transactional outbox: the outbox relay reads new items from the stream.
      stream: StreamViewType.NEW_IMAGE,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: GSI1,
      partitionKey: { name: 'gsi1pk', type: AttributeType.STRING },
      sortKey: { name: 'gsi1sk', type: AttributeType.STRING },
      projectionType: ProjectionType.ALL,
    });
    // CloudFormation adds or removes at most ONE GSI per table per stack update: a change that adds
    // gsi2 must add no other index (tests/infra/stacks.test.ts pins the list).
    this.table.addGlobalSecondaryIndex({
      indexName: GSI2,
      partitionKey: { name: 'gsi2pk', type: AttributeType.STRING },
      sortKey: { name: 'gsi2sk', type: AttributeType.STRING },
      projectionType: ProjectionType.KEYS_ONLY,
    });

    // --- S3: attachments, with server access logs in a bucket of their own ----------------------
    const accessLogs = new Bucket(this, 'AccessLogBucket', {
      // Server access log delivery only supports SSE-S3 on the target bucket.
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This bucket is the server-access-log target of the attachments bucket; logging it into itself would ' +
        'create a log-of-logs loop, and a third bucket would only move the problem.',
    });

    this.bucket = new Bucket(this, 'AttachmentsBucket', {
      // Named by CloudFormation: the bucket is retained, so a fixed name would make a stack deleted
      // and created again fail on "already exists". Output `AttachmentsBucketName`; functions get it
      // as ATTACHMENTS_BUCKET.
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'attachments/',
      lifecycleRules: [
        { id: 'expire-old-versions', noncurrentVersionExpiration: Duration.days(30) },
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(7) },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // --- EventBridge: the app bus, archived for replay ------------------------------------------
    this.bus = new EventBus(this, 'Bus', { eventBusName: prefix });
    // Archives cost per GB archived; domain events are small and few, so 30 days of replay is cheap.
    this.bus.archive('Archive', {
      description: `Every event on ${prefix}, for replay after a consumer bug`,
      eventPattern: { account: [Stack.of(this).account] },
      retention: Duration.days(30),
    });

    // --- Cognito: staff only --------------------------------------------------------------------
    this.userPool = new UserPool(this, 'StaffUserPool', {
      userPoolName: `${prefix}-staff`,
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      customAttributes: {
        tenant: new StringAttribute({ minLen: 2, maxLen: 40, mutable: false }),
        role: new StringAttribute({ minLen: 1, maxLen: 40, mutable: true }),
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Plus tier: compromised-credential checks and adaptive authentication (risk-based MFA / block).
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: config.stage === 'prod',
      removalPolicy: RemovalPolicy.RETAIN,
      // Invitations and password resets through SES from the app's own sender once its identity is
      // verified (Cognito refuses an unverified one at deploy); until then Cognito's built-in sender,
      // capped at 50 mails a day. See config.ts: mailDomainVerified.
      email: config.mailIdentityVerified ? cognitoSesEmail(this, config) : UserPoolEmail.withCognito(),
    });
    if (config.mailIdentityVerified) {
      // The CDK derives the identity from the sender's domain; ours may be a parent domain (or the
      // address itself), so name the identity the sender is on exactly.
      (this.userPool.node.defaultChild as CfnUserPool).addPropertyOverride(
        'EmailConfiguration.SourceArn',
        sesIdentityArn(this, senderIdentity(config)),
      );
    }
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'MFA is OPTIONAL (TOTP only) so municipalities can onboard staff before every office has authenticator ' +
        'apps rolled out; Plus-tier threat protection is ENFORCED, so risky or compromised-credential sign-ins ' +
        'are challenged or blocked. Switch to REQUIRED once all tenants have enrolled.',
    });

    this.userPoolDomain = this.userPool.addDomain('HostedUi', {
      // Globally unique per region: the account id keeps stages of different accounts apart.
      cognitoDomain: { domainPrefix: `${prefix}-${Aws.ACCOUNT_ID}` },
    });
    this.authDomainUrl = this.userPoolDomain.baseUrl();
    // Spelled out (not the ProviderURL attribute) so it is byte-for-byte the id token's `iss` claim.
    this.authIssuer = `https://cognito-idp.${this.region}.${Aws.URL_SUFFIX}/${this.userPool.userPoolId}`;

    // --- SES: configuration set → default bus, optional domain identity -------------------------
    this.configurationSet = new ConfigurationSet(this, 'MailConfigurationSet', {
      configurationSetName: prefix,
      // ReputationOptions.ReputationMetricsEnabled: SES also publishes Reputation.BounceRate and
      // .ComplaintRate for this set. It does not pause the set by itself (SES's own enforcement acts
      // on the account); the app pauses itself (shared/mail/store/sending-state.ts) and the stateless
      // stack's alarms tell operators at SES's review and pause rates.
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    new ConfigurationSetEventDestination(this, 'MailEventsToDefaultBus', {
      configurationSet: this.configurationSet,
      configurationSetEventDestinationName: 'eventbridge-default-bus',
      // SES can only publish to the account's default bus.
      destination: EventDestination.eventBus(defaultBus(this)),
      events: [...SES_EVENT_TYPES],
    });
    // The same without open and click events, so SES neither adds a pixel nor rewrites links: the
    // set of tenants that switched tracking off (shared/platform/mail-kit/configuration-set.ts).
    this.untrackedConfigurationSet = new ConfigurationSet(this, 'MailConfigurationSetUntracked', {
      configurationSetName: untrackedConfigurationSet(prefix),
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    new ConfigurationSetEventDestination(this, 'UntrackedMailEventsToDefaultBus', {
      configurationSet: this.untrackedConfigurationSet,
      configurationSetEventDestinationName: 'eventbridge-default-bus',
      destination: EventDestination.eventBus(defaultBus(this)),
      events: SES_EVENT_TYPES.filter((e) => e !== EmailSendingEvent.OPEN && e !== EmailSendingEvent.CLICK),
    });

    this.mailFromAddress = config.mailFromAddress;
    if (config.mailDomain) {
      const mailFromDomain = `bounce.${config.mailDomain}`;
      this.emailIdentity = new EmailIdentity(this, 'MailIdentity', {
        identity: Identity.domain(config.mailDomain),
        configurationSet: this.configurationSet,
        dkimSigning: true,
        dkimIdentity: DkimIdentity.easyDkim(EasyDkimSigningKeyLength.RSA_2048_BIT),
        mailFromDomain,
        mailFromBehaviorOnMxFailure: MailFromBehaviorOnMxFailure.USE_DEFAULT_VALUE,
      });
      // Every record the domain's DNS needs, ready to paste (README: "DNS records").
      this.emailIdentity.dkimRecords.forEach((record, i) => {
        new CfnOutput(this, `DkimRecord${i + 1}`, {
          description: `DNS: CNAME ${i + 1} of 3 for Easy DKIM of ${config.mailDomain} (verifies the domain in SES)`,
          value: `${record.name} CNAME ${record.value}`,
        });
      });
      new CfnOutput(this, 'MailFromMxRecord', {
        description: `DNS: MX of the custom MAIL FROM domain ${mailFromDomain} (bounces return to SES)`,
        value: `${mailFromDomain} MX 10 feedback-smtp.${this.region}.amazonses.com`,
      });
      new CfnOutput(this, 'MailFromSpfRecord', {
        description: `DNS: SPF TXT of the custom MAIL FROM domain ${mailFromDomain}`,
        value: `${mailFromDomain} TXT "v=spf1 include:amazonses.com ~all"`,
      });
      new CfnOutput(this, 'DmarcRecord', {
        description:
          `DNS (suggested): DMARC TXT for ${config.mailDomain}, unless it has one. Start with p=none and ` +
          'add rua=mailto:<mailbox> to get reports; tighten to p=quarantine once they are clean',
        value: `_dmarc.${config.mailDomain} TXT "v=DMARC1; p=none; adkim=r; aspf=r"`,
      });
    }
    // Sending is granted on exactly the identity the sender is on (created here, or verified outside).
    this.mailIdentityArns = [sesIdentityArn(this, senderIdentity(config))];

    // --- Secrets Manager: the signing key of links in mail ---------------------------------------
    // Generated by Secrets Manager, so the value is in no template and no cdk.out (functions get a
    // dynamic reference; linkSecretReference() says who can still read it). 48 alphanumeric
    // characters are 48 bytes (> the 32 shared/mail/link-tokens.ts requires, ~285 bits of entropy);
    // no punctuation, so the value survives environment variables and shells unquoted. Retained:
    // losing it would invalidate every unsubscribe link in mail already delivered.
    this.linkSigningSecret = new Secret(this, 'LinkSigningSecret', {
      // Named by CloudFormation (retained: a fixed name would block creating the stack again); the
      // stateless stack resolves it by ARN, output `LinkSigningSecretArn`.
      description: `HMAC key of signed links in Samverkan ${config.stage} mail (unsubscribe, RSVP)`,
      generateSecretString: { passwordLength: 48, excludePunctuation: true, includeSpace: false },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.linkSigningSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Not rotated on a schedule: every unsubscribe link in mail already sent is signed with this key, ' +
        'so rotating it would silently break opting out of those mails (a legal requirement). Rotation ' +
        'needs a two-key overlap (verify with the current and the previous key) that the link-token ' +
        'module does not support yet; until it does, the key is rotated by hand after a suspected leak.',
    });

    // --- names CloudFormation chose, for operators ---------------------------------------------
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    // The stateless stack reads this one by name (Fn::GetStackOutput): keep the output's id.
    new CfnOutput(this, ATTACHMENTS_BUCKET_OUTPUT, { value: this.bucket.bucketName });
    new CfnOutput(this, 'LinkSigningSecretArn', { value: this.linkSigningSecret.secretArn });
    new CfnOutput(this, 'MailFromAddress', { value: this.mailFromAddress });
  }
}

/** Cognito's mails through SES, from the app's sender (README: "Leaving the SES sandbox"). */
function cognitoSesEmail(stack: Stack, config: SamverkanConfig): UserPoolEmail {
  return UserPoolEmail.withSES({
    fromEmail: config.mailFromAddress,
    fromName: 'Samverkan',
    // A token when the stack is environment-agnostic; the identity is in the stack's own region.
    sesRegion: stack.region,
    // SourceArn is set to the exact identity by an override (see the user pool).
    sesVerifiedDomain: config.mailFromAddress.split('@')[1],
  });
}

export function sesIdentityArn(stack: Stack, identity: string): string {
  return stack.formatArn({ service: 'ses', resource: 'identity', resourceName: identity });
}

export function sesConfigurationSetArn(stack: Stack, name: string): string {
  return stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: name });
}

/** The account's default bus (AWS services, SES included, only publish there). One per stack. */
export function defaultBus(scope: Construct): IEventBus {
  const stack = Stack.of(scope);
  const existing = stack.node.tryFindChild('DefaultEventBus') as IEventBus | undefined;
  return existing ?? EventBus.fromEventBusName(stack, 'DefaultEventBus', 'default');
}
