import * as z from 'zod';
import { actorField, defineEvent, tenantIdField } from '../platform/bus/contract.js';

/** The feedback capability's catalogue events. */

const formId = z.string().min(1);

/** Staff created a feedback form. */
export const FormCreated = defineEvent({
  name: 'feedback.form-created',
  source: 'samverkan.feedback',
  detailType: 'FormCreated',
  version: 1,
  schema: z.object({
    tenantId: tenantIdField,
    formId,
    programmeId: z.string().min(1),
    eventId: z.string().min(1).optional(),
    questionCount: z.number().int().positive(),
    actor: actorField,
  }),
});

/**
 * Staff changed a form. `questionsVersion` is the version answers are now given to; when
 * `newQuestionsVersion`, the questions were locked by answers and the change made a new version.
 */
export const FormChanged = defineEvent({
  name: 'feedback.form-changed',
  source: 'samverkan.feedback',
  detailType: 'FormChanged',
  version: 1,
  schema: z.object({
    tenantId: tenantIdField,
    formId,
    changedFields: z.array(z.string()).min(1),
    questionsVersion: z.number().int().positive(),
    newQuestionsVersion: z.boolean(),
    actor: actorField,
  }),
});

/** A form stopped taking answers (closed by staff). */
export const FormClosed = defineEvent({
  name: 'feedback.form-closed',
  source: 'samverkan.feedback',
  detailType: 'FormClosed',
  version: 1,
  schema: z.object({ tenantId: tenantIdField, formId, actor: actorField }),
});

/**
 * Someone answered a form (or changed their answer). Nothing about who: an attributed answer's
 * contact is in the answer, which only staff of the tenant read.
 */
export const FeedbackAnswered = defineEvent({
  name: 'feedback.answered',
  source: 'samverkan.feedback',
  detailType: 'FeedbackAnswered',
  version: 1,
  schema: z.object({
    tenantId: tenantIdField,
    formId,
    answerId: z.string().min(1),
    attributed: z.boolean(),
    questionsVersion: z.number().int().positive(),
    edit: z.boolean(),
    /*
     * For programme insight (absent in events written before they were added): the form's
     * programme, the themes the answer said something about, when, and for an attributed answer
     * the contact and the organisation they answered for (ids only).
     */
    programmeId: z.string().min(1).optional(),
    themeIds: z.array(z.string().min(1)).max(100).optional(),
    at: z.iso.datetime({ offset: true }).optional(),
    contactId: z.string().min(1).optional(),
    organisationId: z.string().min(1).optional(),
  }),
});

/** Staff hid an answer (moderation; the reason is kept) or showed it again. */
export const FeedbackModerated = defineEvent({
  name: 'feedback.moderated',
  source: 'samverkan.feedback',
  detailType: 'FeedbackModerated',
  version: 1,
  schema: z.object({
    tenantId: tenantIdField,
    formId,
    answerId: z.string().min(1),
    hidden: z.boolean(),
    actor: actorField,
  }),
});

/** The follow-up mails of an ended event were queued for a form (once per event and form). */
export const FollowUpQueued = defineEvent({
  name: 'feedback.follow-up-queued',
  source: 'samverkan.feedback',
  detailType: 'FollowUpQueued',
  version: 1,
  schema: z.object({
    tenantId: tenantIdField,
    formId,
    eventId: z.string().min(1),
    thanked: z.number().int().nonnegative(),
    missed: z.number().int().nonnegative(),
  }),
});

/**
 * The follow-up of an ended event is due for a form (a one-time schedule at the event's end plus
 * the form's delay): the thank-you and "we missed you" mails go out.
 */
export const FollowUpDue = defineEvent({
  name: 'feedback.follow-up-due',
  source: 'samverkan.feedback',
  detailType: 'FollowUpDue',
  version: 1,
  schema: z.object({ tenantId: tenantIdField, formId, eventId: z.string().min(1) }),
});

export const feedbackEvents = [
  FollowUpDue,
  FormCreated,
  FormChanged,
  FormClosed,
  FeedbackAnswered,
  FeedbackModerated,
  FollowUpQueued,
] as const;
