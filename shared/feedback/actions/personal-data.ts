import { itemRef, type PersonalDataItem } from '../../platform/privacy/personal-data.js';
import { tenantPk } from '../../platform/table/table.js';
import { getContactAnswer, listForms } from '../store.js';

/**
 * What feedback holds about a contact: their attributed answers (anonymous answers name no one
 * and are not theirs to find). One GetItem per form of the tenant on the form's contact guard,
 * then the answer it points to.
 */
export async function feedbackPersonalData(tenantId: string, contactId: string): Promise<PersonalDataItem[]> {
  const forms = await listForms(tenantId);
  const found = await Promise.all(
    forms.map(async (form) => ({ form, answer: await getContactAnswer(tenantId, form.formId, contactId) })),
  );
  return found.flatMap(({ form, answer }) =>
    answer
      ? [
          {
            capability: 'feedback' as const,
            category: 'feedback-answer' as const,
            ref: itemRef({ pk: `${tenantPk(tenantId)}#FORM#${form.formId}`, sk: answer.sk }),
            // Consulting businesses on the programme's themes is the office's public task.
            lawfulBasis: 'public-task' as const,
            source: 'feedback form (with name)',
            recordedAt: answer.answer.createdAt,
            data: {
              form: form.title,
              answers: answer.answer.answers,
              createdAt: answer.answer.createdAt,
              updatedAt: answer.answer.updatedAt,
            },
          },
        ]
      : [],
  );
}
