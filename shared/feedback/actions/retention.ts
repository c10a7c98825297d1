import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../platform/aws/clients.js';
import { tableName } from '../../platform/table/table.js';
import { contactGuardKey, formPk, listForms } from '../store.js';

/**
 * The tenant's disposal decision for feedback: attributed answers given before `cutoff` lose
 * the link to the person (as an erasure's anonymising does: no contact, no organisation). The
 * answer and the counters stay. Answers are sorted by time in their form's partition, so each
 * form is one Query up to the cutoff. Returns how many were anonymised.
 */
export async function anonymiseOldAnswers(
  tenantId: string,
  cutoff: string,
  client = documentClient,
): Promise<number> {
  let anonymised = 0;
  for (const form of await listForms(tenantId, client)) {
    const pk = formPk(tenantId, form.formId);
    let cursor: Record<string, unknown> | undefined;
    do {
      const page = await client.send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          FilterExpression: 'attribute_exists(contactId) AND attribute_not_exists(pseudonymised)',
          ExpressionAttributeValues: { ':pk': pk, ':from': 'ANSWER#', ':to': `ANSWER#${cutoff}` },
          ExclusiveStartKey: cursor,
        }),
      );
      for (const answer of page.Items ?? []) {
        const contactId = String(answer.contactId);
        await client.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: tableName(),
                  Key: { pk, sk: answer.sk },
                  UpdateExpression:
                    'SET attributed = :false, anonymised = :true REMOVE contactId, organisationId, industry',
                  ConditionExpression: 'contactId = :contact',
                  ExpressionAttributeValues: { ':false': false, ':true': true, ':contact': contactId },
                },
              },
              { Delete: { TableName: tableName(), Key: contactGuardKey(tenantId, form.formId, contactId) } },
            ],
          }),
        );
        anonymised++;
      }
      cursor = page.LastEvaluatedKey;
    } while (cursor);
  }
  return anonymised;
}
