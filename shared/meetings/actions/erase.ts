import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../platform/aws/clients.js';
import type { ErasureOutcome, ErasureSubject } from '../../platform/privacy/personal-data.js';
import { tableName } from '../../platform/table/table.js';
import type { QuestionAnswers } from '../questions.js';
import { getInvitation, invitationKey, listEvents } from '../store.js';

/**
 * Erases a contact from the meetings: each invitation keeps its status and seats (the event's
 * counters, seats and waitlist stay right, and the contact id names no one once the directory's
 * contact is gone) but loses what the person wrote: the names given, the note, dietary and
 * accessibility remarks in their words, the free-text answers to the event's own questions
 * (chosen options stay, like dietary categories: the event's counters count them), the organisation
 * typed when registering on the public page. Marked `erased`, so a repeated run skips it.
 */
export async function eraseMeetingsPerson(
  subject: ErasureSubject,
  client = documentClient,
): Promise<ErasureOutcome> {
  const { tenantId, contactId } = subject;
  if (!contactId) return { erased: 0, kept: [] };
  let erased = 0;
  for (const event of await listEvents(tenantId, client)) {
    const invitation = await getInvitation(tenantId, event.eventId, contactId, client);
    if (!invitation || (invitation as { erased?: boolean }).erased) continue;
    await client.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: invitationKey(tenantId, event.eventId, contactId),
        UpdateExpression: `SET #names = :none, answers = :choices, erased = :true${invitation.registered ? ', registered = :registered' : ''} REMOVE note, dietaryOther, accessibility, forwardedFrom`,
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#names': 'names' },
        ExpressionAttributeValues: {
          ':none': [],
          ':true': true,
          ':choices': choicesOnly(invitation.answers),
          // When they registered stays; what they typed goes.
          ...(invitation.registered ? { ':registered': { at: invitation.registered.at } } : {}),
        },
      }),
    );
    erased++;
  }
  return { erased, kept: [] };
}

/** The answers to choice questions only (option ids, no one's words). */
const choicesOnly = (answers: QuestionAnswers | undefined): QuestionAnswers =>
  Object.fromEntries(Object.entries(answers ?? {}).filter(([, value]) => Array.isArray(value)));
