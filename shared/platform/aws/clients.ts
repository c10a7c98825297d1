import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * SDK clients, created once per Lambda container (module scope). Endpoints come from the
 * standard `AWS_ENDPOINT_URL_<SERVICE>` variables, which the local runtime points at the
 * emulators: the handlers themselves never know which runtime they are in.
 */
export const dynamoDb = new DynamoDBClient({});
export const documentClient = DynamoDBDocumentClient.from(dynamoDb, {
  marshallOptions: { removeUndefinedValues: true },
});
export const eventBridge = new EventBridgeClient({});
export const sesv2 = new SESv2Client({});
export const sqs = new SQSClient({});
