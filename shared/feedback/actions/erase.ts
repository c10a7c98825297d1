import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../platform/aws/clients.js';
import {
  type ErasureOutcome,
  type ErasureSubject,
  itemRef,
  type KeptItem,
} from '../../platform/privacy/personal-data.js';
import { tableName } from '../../platform/table/table.js';
import { contactGuardKey, formPk, getContactAnswer, listForms } from '../store.js';

/** The pseudonym an official answer keeps in place of the contact (the same for every answer of one person). */
export const pseudonymOf = (personRef: string) => `erased-${personRef.slice(0, 16)}`;

/**
 * Erases a contact from feedback. Their attributed answers stay (the counters and the analysis
 * count them), but lose the link to the person:
 * - where the tenant's archive rule makes answers official documents (an answer to a registered
 *   consultation is an allmän handling / omfattet af journaliseringspligt), the answer is kept,
 *   pseudonymised (the contact id replaced by a pseudonym), and listed as kept;
 * - otherwise it is anonymised: no contact, no organisation, as an anonymous answer.
 * Each answer in one transaction with its guard; the guard moves to the pseudonym for kept ones,
 * so a repeated run finds them again (and lists them) instead of losing them.
 */
export async function eraseFeedbackPerson(
  subject: ErasureSubject,
  rule: { answersAreOfficial: boolean },
  client = documentClient,
): Promise<ErasureOutcome> {
  const { tenantId, contactId } = subject;
  if (!contactId) return { erased: 0, kept: [] };
  const pseudonym = pseudonymOf(subject.personRef);
  let erased = 0;
  const kept: KeptItem[] = [];
  for (const form of await listForms(tenantId, client)) {
    const pk = formPk(tenantId, form.formId);
    const already = await getContactAnswer(tenantId, form.formId, pseudonym, client);
    if (already) {
      kept.push(keptAnswer(pk, already.sk));
      continue;
    }
    const found = await getContactAnswer(tenantId, form.formId, contactId, client);
    if (!found) continue;
    const answerKey = { pk, sk: found.sk };
    const deleteGuard = {
      Delete: { TableName: tableName(), Key: contactGuardKey(tenantId, form.formId, contactId) },
    };
    if (rule.answersAreOfficial) {
      await client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: tableName(),
                Key: answerKey,
                UpdateExpression: 'SET contactId = :pseudonym, pseudonymised = :true',
                ConditionExpression: 'contactId = :contact',
                ExpressionAttributeValues: { ':pseudonym': pseudonym, ':true': true, ':contact': contactId },
              },
            },
            deleteGuard,
            {
              Put: {
                TableName: tableName(),
                Item: {
                  ...contactGuardKey(tenantId, form.formId, pseudonym),
                  type: 'feedback-respondent',
                  answerSk: found.sk,
                },
              },
            },
          ],
        }),
      );
      kept.push(keptAnswer(pk, found.sk));
    } else {
      await client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: tableName(),
                Key: answerKey,
                UpdateExpression:
                  'SET attributed = :false, anonymised = :true REMOVE contactId, organisationId, industry',
                ConditionExpression: 'contactId = :contact',
                ExpressionAttributeValues: { ':false': false, ':true': true, ':contact': contactId },
              },
            },
            deleteGuard,
          ],
        }),
      );
      erased++;
    }
  }
  return { erased, kept };
}

const keptAnswer = (pk: string, sk: string): KeptItem => ({
  capability: 'feedback',
  category: 'feedback-answer',
  ref: itemRef({ pk, sk }),
  reason: 'official-document',
  pseudonymised: true,
});
