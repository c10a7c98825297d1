/**
 * CDK entry (cdk.json: `npx tsx infra/app.ts`). Configuration comes from CDK context, see
 * infra/aws/config.ts for the keys and defaults: stage (dev), domainName, mailFromAddress
 * (no-reply@example.org), mailDomain, alarmEmail, sesSendRatePerSecond (14), unsubscribeAddress
 * (unsubscribe@<mailDomain, or example.org>).
 *
 *   npx cdk synth --no-notices -c stage=prod -c domainName=https://samverkan.example.se
 */
import { buildApp } from './aws/build-app.js';

buildApp();
