/**
 * CDK entry (cdk.json: `npx tsx infra/app.ts`). Configuration comes from CDK context, see
 * infra/aws/config.ts for the keys and defaults and README.md ("Deploying to AWS") for the runbook.
 * `mailDomain` (or `mailIdentity`) is required: the sender must have an SES identity.
 *
 *   npx cdk synth --no-notices -c stage=prod -c mailDomain=kommun.se -c domainName=samverkan.kommun.se
 */
import { buildApp } from './aws/build-app.js';

buildApp();
