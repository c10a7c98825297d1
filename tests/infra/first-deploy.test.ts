import { App, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { buildApp, type SamverkanApp } from '../../infra/aws/build-app.js';
import { readConfig } from '../../infra/aws/config.js';
import { ENV } from '../../infra/wiring/types.js';

/**
 * Issue 13: a first `cdk deploy` with the documented context gives a working system. Sign-in and
 * sign-out redirect to URLs the Cognito client allows, the sender has an SES identity, every DNS
 * record to publish is an output, and a deleted stack (retained resources left behind) can be
 * created again.
 */

/** Skips esbuild: templates only. */
const NO_BUNDLING = { 'aws:cdk:bundling-stacks': [] };
const CERTIFICATE = 'arn:aws:acm:eu-north-1:123456789012:certificate/0b3c7a52-1d2e-4f5a-9b8c-7d6e5f4a3b2c';

// biome-ignore lint/suspicious/noExplicitAny: synthesized CloudFormation is untyped JSON
type Json = Record<string, any>;
type Resource = { Type: string; Properties: Json; DeletionPolicy?: string; DependsOn?: string[] };

const build = (context: Record<string, unknown>): SamverkanApp =>
  buildApp({ context: { ...NO_BUNDLING, ...context } });
const json = (stack: Stack) =>
  Template.fromStack(stack).toJSON() as {
    Resources: Record<string, Resource>;
    Outputs?: Record<string, Json>;
  };
const ofType = (stack: Stack, type: string) =>
  Object.values(json(stack).Resources).filter((r) => r.Type === type);
const authSessionEnv = (built: SamverkanApp): Json => {
  const fn = built.stateless.functions.get('auth-session');
  if (!fn) throw new Error('no auth-session function');
  const id = built.stateless.getLogicalId(fn.node.defaultChild as never);
  return json(built.stateless).Resources[id]?.Properties.Environment.Variables;
};
const staffClient = (built: SamverkanApp): Json => {
  const clients = ofType(built.stateless, 'AWS::Cognito::UserPoolClient');
  expect(clients).toHaveLength(1);
  expect(ofType(built.stateful, 'AWS::Cognito::UserPoolClient')).toHaveLength(0);
  return clients[0]?.Properties as Json;
};

describe('staff sign-in and sign-out work on the first deploy', () => {
  it('without domainName: the client allows exactly the API URL the auth function redirects with', () => {
    const built = build({ mailDomain: 'kommun.se' });
    const { stateless } = built;
    const client = staffClient(built);
    const apiUrl = stateless.resolve(stateless.api.apiEndpoint);
    expect(apiUrl).toEqual({
      'Fn::GetAtt': [stateless.getLogicalId(stateless.api.node.defaultChild as never), 'ApiEndpoint'],
    });
    expect(client.CallbackURLs).toEqual([stateless.resolve(`${stateless.api.apiEndpoint}/auth/callback`)]);
    expect(client.LogoutURLs).toEqual([stateless.resolve(`${stateless.api.apiEndpoint}/`)]);
    expect(JSON.stringify(client)).not.toContain('localhost');
    // functions/auth/session.ts builds redirect_uri and logout_uri from PUBLIC_BASE_URL.
    expect(authSessionEnv(built)[ENV.publicBaseUrl]).toEqual(apiUrl);
    // The API's JWT authorizer accepts the id tokens of this very client.
    const [authorizer] = ofType(stateless, 'AWS::ApiGatewayV2::Authorizer');
    expect(authorizer?.Properties.JwtConfiguration.Audience).toEqual([
      { Ref: stateless.getLogicalId(stateless.userPoolClient.node.defaultChild as never) },
    ]);
  });

  it('with domainName: the client allows that domain, the same the auth function uses', () => {
    const built = build({ mailDomain: 'kommun.se', domainName: 'samverkan.kommun.se' });
    const client = staffClient(built);
    expect(client.CallbackURLs).toEqual(['https://samverkan.kommun.se/auth/callback']);
    expect(client.LogoutURLs).toEqual(['https://samverkan.kommun.se/']);
    expect(authSessionEnv(built)[ENV.publicBaseUrl]).toBe('https://samverkan.kommun.se');
    // Without a certificate the name is mapped outside the app: no custom domain here.
    expect(ofType(built.stateless, 'AWS::ApiGatewayV2::DomainName')).toHaveLength(0);
  });

  it('with domainName and certificateArn: creates the custom domain, its mapping and the DNS target', () => {
    const built = build({
      mailDomain: 'kommun.se',
      domainName: 'https://samverkan.kommun.se/',
      certificateArn: CERTIFICATE,
    });
    const { stateless } = built;
    const id = (c: { node: { defaultChild?: unknown } }) =>
      stateless.getLogicalId(c.node.defaultChild as never);
    const [domain] = ofType(stateless, 'AWS::ApiGatewayV2::DomainName');
    expect(domain?.Properties).toMatchObject({
      DomainName: 'samverkan.kommun.se',
      DomainNameConfigurations: [{ CertificateArn: CERTIFICATE, EndpointType: 'REGIONAL' }],
    });
    const [mapping] = ofType(stateless, 'AWS::ApiGatewayV2::ApiMapping');
    expect(mapping?.Properties).toMatchObject({
      ApiId: { Ref: id(stateless.api) },
      Stage: '$default',
    });
    expect(mapping?.DependsOn).toEqual(expect.arrayContaining([id(stateless.apiStage)]));
    const outputs = json(stateless).Outputs ?? {};
    const domainId = stateless.getLogicalId(stateless.customDomain?.node.defaultChild as never);
    expect(JSON.stringify(outputs.CustomDomainTarget?.Value)).toContain(domainId);
    expect(JSON.stringify(outputs.CustomDomainTarget?.Value)).toContain('samverkan.kommun.se CNAME ');
    expect(JSON.stringify(outputs.CustomDomainHostedZoneId?.Value)).toContain('RegionalHostedZoneId');
    expect(staffClient(built).CallbackURLs).toEqual(['https://samverkan.kommun.se/auth/callback']);
    expect(new AwsSolutionsChecks().validateScope(built.app).violations).toEqual([]);
  });

  it('refuses a certificate without a domain, and a domain with a path', () => {
    const config = (context: Record<string, unknown>) =>
      readConfig(new App({ context: { mailDomain: 'kommun.se', ...context } }).node);
    expect(() => config({ certificateArn: CERTIFICATE })).toThrow(/certificateArn' needs 'domainName'/);
    expect(() => config({ domainName: 'kommun.se/samverkan' })).toThrow(/bare origin/);
    expect(() => config({ domainName: 'samverkan.kommun.se', certificateArn: 'nope' })).toThrow(
      /not an ACM certificate/,
    );
  });
});

describe('the sender has an SES identity, or the synth refuses', () => {
  it('refuses a deploy without mailDomain or mailIdentity, naming both keys', () => {
    expect(() => build({})).toThrow(/No SES identity for the sender.*'mailDomain'.*'mailIdentity'/s);
    expect(() => build({ mailFromAddress: 'no-reply@kommun.se' })).toThrow(/No SES identity/);
    expect(() => build({ stage: 'prod', domainName: 'samverkan.kommun.se' })).toThrow(/No SES identity/);
  });

  it('mailDomain: the sender defaults to no-reply@<mailDomain>, the stack creates the identity', () => {
    const built = build({ mailDomain: 'Kommun.se' });
    expect(built.config.mailFromAddress).toBe('no-reply@kommun.se');
    expect(built.config.unsubscribeAddress).toBe('unsubscribe@kommun.se');
    const [identity] = ofType(built.stateful, 'AWS::SES::EmailIdentity');
    expect(identity?.Properties).toMatchObject({
      EmailIdentity: 'kommun.se',
      DkimAttributes: { SigningEnabled: true },
      MailFromAttributes: { MailFromDomain: 'bounce.kommun.se' },
    });
  });

  it('mailIdentity: an identity verified outside the app, sending granted on exactly it', () => {
    const built = build({ mailIdentity: 'samverkan@kommun.se' });
    expect(built.config.mailFromAddress).toBe('samverkan@kommun.se');
    expect(ofType(built.stateful, 'AWS::SES::EmailIdentity')).toHaveLength(0);
    expect(built.stateful.resolve(built.stateful.mailIdentityArns)).toHaveLength(1);
    expect(JSON.stringify(built.stateful.resolve(built.stateful.mailIdentityArns))).toContain(
      ':identity/samverkan@kommun.se',
    );
    expect(build({ mailIdentity: 'kommun.se' }).config.mailFromAddress).toBe('no-reply@kommun.se');
  });

  it('refuses a sender that is not on its identity, and both identities at once', () => {
    const config = (context: Record<string, unknown>) => readConfig(new App({ context }).node);
    expect(() => config({ mailDomain: 'kommun.se', mailFromAddress: 'x@example.org' })).toThrow(
      /not on mailDomain/,
    );
    expect(() => config({ mailIdentity: 'kommun.se', mailFromAddress: 'x@example.org' })).toThrow(
      /not on mailIdentity/,
    );
    expect(() => config({ mailIdentity: 'a@kommun.se', mailFromAddress: 'b@kommun.se' })).toThrow(
      /not the verified address/,
    );
    expect(() => config({ mailDomain: 'kommun.se', mailIdentity: 'kommun.se' })).toThrow(
      /exclude each other/,
    );
    expect(
      config({ mailDomain: 'kommun.se', mailFromAddress: 'info@utskick.kommun.se' }).mailFromAddress,
    ).toBe('info@utskick.kommun.se');
  });
});

describe('every DNS record to publish is an output', () => {
  it('DKIM CNAMEs, the MAIL FROM MX and SPF, and a DMARC suggestion', () => {
    const built = build({ mailDomain: 'kommun.se' });
    const outputs = json(built.stateful).Outputs ?? {};
    for (const i of [1, 2, 3]) {
      const value = JSON.stringify(outputs[`DkimRecord${i}`]?.Value);
      expect(value, `DkimRecord${i}`).toContain(` CNAME `);
      expect(value).toContain(`DkimDNSTokenName${i}`);
      expect(value).toContain(`DkimDNSTokenValue${i}`);
    }
    expect(JSON.stringify(outputs.MailFromMxRecord?.Value)).toMatch(
      /bounce\.kommun\.se MX 10 feedback-smtp\.".*AWS::Region.*"\.amazonses\.com/,
    );
    expect(outputs.MailFromSpfRecord?.Value).toBe('bounce.kommun.se TXT "v=spf1 include:amazonses.com ~all"');
    expect(outputs.DmarcRecord?.Value).toMatch(/^_dmarc\.kommun\.se TXT "v=DMARC1; p=none/);
  });
});

describe("Cognito's mails go through SES with the app's verified identity", () => {
  const emailConfiguration = (built: SamverkanApp): Json => {
    const [pool] = ofType(built.stateful, 'AWS::Cognito::UserPool');
    return pool?.Properties.EmailConfiguration;
  };

  it('once mailDomain is verified (mailDomainVerified): from no-reply@<mailDomain>, through its identity', () => {
    const built = build({ mailDomain: 'kommun.se', mailDomainVerified: 'true' });
    const email = emailConfiguration(built);
    expect(email.EmailSendingAccount).toBe('DEVELOPER');
    expect(email.From).toBe('Samverkan <no-reply@kommun.se>');
    expect(JSON.stringify(email.SourceArn)).toMatch(/:identity\/kommun\.se"/);
    expect(new AwsSolutionsChecks().validateScope(built.app).violations).toEqual([]);
  });

  it('the identity is the mail domain even when the sender is on a subdomain', () => {
    const built = build({
      mailDomain: 'kommun.se',
      mailFromAddress: 'samverkan@utskick.kommun.se',
      mailDomainVerified: true,
    });
    expect(JSON.stringify(emailConfiguration(built).SourceArn)).toMatch(/:identity\/kommun\.se"/);
  });

  it('at once with an identity verified outside the app', () => {
    const email = emailConfiguration(build({ mailIdentity: 'samverkan@kommun.se' }));
    expect(email.EmailSendingAccount).toBe('DEVELOPER');
    expect(JSON.stringify(email.SourceArn)).toMatch(/:identity\/samverkan@kommun\.se"/);
  });

  it("not before the stack's own domain identity is verified (Cognito would refuse the deploy)", () => {
    const email = emailConfiguration(build({ mailDomain: 'kommun.se' }));
    expect(email).toEqual({ EmailSendingAccount: 'COGNITO_DEFAULT' });
  });
});

describe('a deleted stack can be created again', () => {
  const NAME_PROPERTIES = ['BucketName', 'TableName', 'Name', 'LogGroupName', 'QueueName', 'TopicName'];

  it('no retained resource has a fixed physical name; their names are outputs', () => {
    const built = build({ mailDomain: 'kommun.se', alarmEmail: 'ops@kommun.se' });
    const retained = [built.stateful, built.stateless].flatMap((stack) =>
      Object.entries(json(stack).Resources).filter(([, r]) => r.DeletionPolicy === 'Retain'),
    );
    const types = retained.map(([, r]) => r.Type);
    expect(types).toEqual(
      expect.arrayContaining([
        'AWS::DynamoDB::Table',
        'AWS::S3::Bucket',
        'AWS::SecretsManager::Secret',
        'AWS::Logs::LogGroup',
      ]),
    );
    for (const [id, resource] of retained) {
      for (const key of NAME_PROPERTIES) expect(resource.Properties[key], `${id}.${key}`).toBeUndefined();
    }
    const outputs = Object.keys(json(built.stateful).Outputs ?? {});
    expect(outputs).toEqual(
      expect.arrayContaining(['TableName', 'AttachmentsBucketName', 'LinkSigningSecretArn']),
    );
    expect(Object.keys(json(built.stateless).Outputs ?? {})).toEqual(
      expect.arrayContaining(['ApiAccessLogGroupName', 'PublicBaseUrl', 'UserPoolClientId']),
    );
  });
});
