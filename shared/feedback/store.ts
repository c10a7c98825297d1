import { randomUUID } from 'node:crypto';
import { BatchGetCommand, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../platform/aws/clients.js';
import { pendingEvent, type TransactItem, writeWithEvents } from '../platform/bus/outbox.js';
import { HttpError } from '../platform/http/errors.js';
import type { KeyRange } from '../platform/table/cursor.js';
import {
  compact,
  isConditionalCheckFailed,
  queryAll,
  tableName,
  tenantPk,
  withoutKeys,
} from '../platform/table/table.js';
import type { Language } from '../platform/texts/language.js';
import { FeedbackAnswered, FeedbackModerated, FormChanged, FormClosed, FormCreated } from './events.js';
import {
  type Answers,
  answeredThemes,
  counterDeltas,
  editDeltas,
  type Form,
  type formInputSchema,
  type formUpdateSchema,
  nextQuestionsVersion,
  type Question,
  themesAnswered,
} from './form.js';

/**
 * Feedback forms and their answers.
 *
 * | item                 | pk                   | sk                          |
 * |----------------------|----------------------|-----------------------------|
 * | form                 | T#<t>                | FORM#<id>                   |
 * | questions, version n | T#<t>#FORM#<id>      | VERSION#<n, 6 digits>       |
 * | counters             | T#<t>#FORM#<id>      | COUNTERS                    |
 * | answer               | T#<t>#FORM#<id>      | ANSWER#<minute>#<answerId>  |
 * | one per contact      | T#<t>#FORM#<id>      | CONTACT#<contactId>         |
 * | rate of a client     | T#<t>#FORM#<id>      | RATE#<client>#<minute>      |
 * | quote marked         | T#<t>#FORM#<id>      | QUOTE#<answer sk>#<question>|
 * | hears back on theme  | T#<t>#HEARBACK#<th>  | CONTACT#<contactId>#FORM#<id>|
 *
 * The last is the index of those who gave attributed feedback on a theme and asked to hear what
 * comes of it, written with the answer (and removed when an edit withdraws the consent or the
 * views on that theme): closing the loop reads it, never the answers.
 * An answer, its counters, the form's answer count and its event are one transaction: the
 * analysis overview reads the counters item alone, whatever the number of answers.
 */
type FormInput = import('zod').output<typeof formInputSchema>;
type FormUpdate = import('zod').output<typeof formUpdateSchema>;

const formKey = (tenantId: string, formId: string) => ({ pk: tenantPk(tenantId), sk: `FORM#${formId}` });
export const formPk = (tenantId: string, formId: string) => `${tenantPk(tenantId)}#FORM#${formId}`;
const versionKey = (tenantId: string, formId: string, version: number) => ({
  pk: formPk(tenantId, formId),
  sk: `VERSION#${String(version).padStart(6, '0')}`,
});
const countersKey = (tenantId: string, formId: string) => ({ pk: formPk(tenantId, formId), sk: 'COUNTERS' });
const quoteKey = (tenantId: string, formId: string, answerSk: string, questionId: string) => ({
  pk: formPk(tenantId, formId),
  sk: `QUOTE#${answerSk}#${questionId}`,
});
export const contactGuardKey = (tenantId: string, formId: string, contactId: string) => ({
  pk: formPk(tenantId, formId),
  sk: `CONTACT#${contactId}`,
});

const put = (Item: Record<string, unknown>, condition = 'attribute_not_exists(pk)'): TransactItem => ({
  Put: { TableName: tableName(), Item: compact(Item), ConditionExpression: condition },
});

function fromItem<T>(item: Record<string, unknown>): T {
  const { type: _type, ...rest } = withoutKeys(item);
  return rest as T;
}

// ---------------------------------------------------------------- forms

export async function createForm(
  tenantId: string,
  input: FormInput,
  questions: Question[],
  actor: string,
  client = documentClient,
): Promise<Form> {
  const now = new Date().toISOString();
  const form: Form = {
    formId: randomUUID(),
    tenantId,
    programmeId: input.programmeId,
    eventId: input.eventId,
    title: input.title,
    intro: input.intro,
    language: input.language,
    anonymousLink: input.anonymousLink,
    closesAt: input.closesAt ? new Date(input.closesAt).toISOString() : undefined,
    status: 'open',
    followUp: input.followUp,
    questionsVersion: 1,
    questions,
    answerCount: 0,
    version: 1,
    createdAt: now,
    updatedAt: now,
    createdBy: actor,
  };
  await writeWithEvents(
    tenantId,
    [
      put({ ...formKey(tenantId, form.formId), type: 'feedback-form', ...form }),
      put({ ...versionKey(tenantId, form.formId, 1), type: 'feedback-questions', questions }),
      put({ ...countersKey(tenantId, form.formId), type: 'feedback-counters', answers: 0 }),
    ],
    [
      pendingEvent(FormCreated, {
        tenantId,
        formId: form.formId,
        programmeId: form.programmeId,
        eventId: form.eventId,
        questionCount: questions.length,
        actor,
      }),
    ],
    client,
  );
  return form;
}

export async function getForm(
  tenantId: string,
  formId: string,
  client = documentClient,
): Promise<Form | undefined> {
  const { Item } = await client.send(
    new GetCommand({ TableName: tableName(), Key: formKey(tenantId, formId), ConsistentRead: true }),
  );
  return Item ? fromItem<Form>(Item) : undefined;
}

/** A tenant's forms, newest first (a tenant-sized list). */
export async function listForms(tenantId: string, client = documentClient): Promise<Form[]> {
  const items = (await queryAll(tenantPk(tenantId), 'FORM#', client)).map((i) => fromItem<Form>(i));
  return items.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The questions of one version of a form (what an answer given to it is read against). */
export async function getQuestions(
  tenantId: string,
  formId: string,
  version: number,
  client = documentClient,
): Promise<Question[] | undefined> {
  const { Item } = await client.send(
    new GetCommand({ TableName: tableName(), Key: versionKey(tenantId, formId, version) }),
  );
  return Item ? (Item.questions as Question[]) : undefined;
}

/** Which editable fields an update changes (the event says so; an update that changes none writes nothing). */
export function changedFormFields(before: Form, after: Omit<Form, 'version' | 'updatedAt'>): string[] {
  const fields = [
    'eventId',
    'title',
    'intro',
    'language',
    'anonymousLink',
    'closesAt',
    'followUp',
    'questions',
  ] as const;
  return fields.filter((f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null));
}

export class FormConflict extends HttpError {
  constructor() {
    super(409, 'The form was changed (or answered) meanwhile; reload and try again', [
      { field: 'body.expectedVersion', message: 'Stale version' },
    ]);
  }
}

/**
 * Replaces the editable fields if the form is still at the version the editor saw. Questions
 * that have answers are locked: changing them writes version n+1 beside n. The condition also
 * holds the answer count the change was decided on, so an answer that lands meanwhile makes the
 * editor try again rather than have its version rewritten under it.
 */
export async function updateForm(
  before: Form,
  update: FormUpdate,
  questions: Question[],
  actor: string,
  client = documentClient,
): Promise<Form> {
  const { version: questionsVersion, changed } = nextQuestionsVersion(before, questions);
  const draft = {
    ...before,
    eventId: update.eventId,
    title: update.title,
    intro: update.intro,
    language: update.language,
    anonymousLink: update.anonymousLink,
    closesAt: update.closesAt ? new Date(update.closesAt).toISOString() : undefined,
    followUp: update.followUp,
    questions,
    questionsVersion,
  };
  const fields = changedFormFields(before, draft);
  if (fields.length === 0) return before;
  const after: Form = { ...draft, version: before.version + 1, updatedAt: new Date().toISOString() };
  const newVersion = questionsVersion !== before.questionsVersion;
  const items: TransactItem[] = [
    put(
      { ...formKey(before.tenantId, before.formId), type: 'feedback-form', ...after },
      'attribute_exists(pk) AND version = :expected AND answerCount = :answers',
    ),
  ];
  const first = items[0]?.Put;
  if (first) {
    first.ExpressionAttributeValues = { ':expected': update.expectedVersion, ':answers': before.answerCount };
  }
  if (changed) {
    items.push(
      put(
        {
          ...versionKey(before.tenantId, before.formId, questionsVersion),
          type: 'feedback-questions',
          questions,
        },
        // A new version is new; the current one is replaced only while nobody has answered it.
        newVersion ? 'attribute_not_exists(pk)' : 'attribute_exists(pk)',
      ),
    );
  }
  try {
    await writeWithEvents(
      before.tenantId,
      items,
      [
        pendingEvent(FormChanged, {
          tenantId: before.tenantId,
          formId: before.formId,
          changedFields: fields,
          questionsVersion,
          newQuestionsVersion: newVersion,
          actor,
        }),
      ],
      client,
    );
  } catch (error) {
    if (isConditionalCheckFailed(error)) throw new FormConflict();
    throw error;
  }
  return after;
}

/** Stops a form taking answers. False when it was closed already. */
export async function closeForm(form: Form, actor: string, client = documentClient): Promise<boolean> {
  try {
    await writeWithEvents(
      form.tenantId,
      [
        {
          Update: {
            TableName: tableName(),
            Key: formKey(form.tenantId, form.formId),
            UpdateExpression: 'SET #status = :closed, version = version + :one, updatedAt = :now',
            ConditionExpression: 'attribute_exists(pk) AND #status = :open',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':closed': 'closed',
              ':open': 'open',
              ':one': 1,
              ':now': new Date().toISOString(),
            },
          },
        },
      ],
      [pendingEvent(FormClosed, { tenantId: form.tenantId, formId: form.formId, actor })],
      client,
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}

// ---------------------------------------------------------------- answers

/** Who gave an attributed answer, as the analysis filters by it (copied when answered). */
export interface Respondent {
  contactId: string;
  organisationId?: string;
  organisationType?: string;
  industry?: string;
}

export interface Answer {
  answerId: string;
  tenantId: string;
  formId: string;
  questionsVersion: number;
  answers: Answers;
  attributed: boolean;
  /** Attributed answers only. */
  contactId?: string;
  organisationId?: string;
  organisationType?: string;
  industry?: string;
  /** The event the form followed up, when it was attached to one. */
  eventId?: string;
  /** Anonymous answers: to the minute only, so the time tells no more than "during the session". */
  createdAt: string;
  updatedAt: string;
  revision: number;
  /** Moderation: hidden from lists, exports and publication, with the reason kept. */
  hidden?: { reason: string; by: string; at: string };
  /** Staff's codes on the answer. */
  tags?: string[];
  /** Questions whose text staff marked as a quote. */
  quotes?: string[];
  /**
   * The consent to hear what comes of the answer (attributed answers only): the words the
   * respondent ticked, in the language shown, and when.
   */
  hearBack?: HearBackConsent;
}

export interface HearBackConsent {
  text: string;
  language: Language;
  at: string;
}

const hearBackKey = (tenantId: string, themeId: string, contactId: string, formId: string) => ({
  pk: `${tenantPk(tenantId)}#HEARBACK#${themeId}`,
  sk: `CONTACT#${contactId}#FORM#${formId}`,
});

/** The index items an attributed answer's consent adds (Put) or removes (Delete), theme by theme. */
function hearBackChanges(
  answer: Pick<Answer, 'tenantId' | 'formId' | 'answerId' | 'contactId'>,
  before: string[],
  after: string[],
  consentAt: string | undefined,
): TransactItem[] {
  const contactId = answer.contactId;
  if (!contactId) return [];
  const items: TransactItem[] = [];
  for (const themeId of before.filter((t) => !after.includes(t)))
    items.push({
      Delete: {
        TableName: tableName(),
        Key: hearBackKey(answer.tenantId, themeId, contactId, answer.formId),
      },
    });
  for (const themeId of after.filter((t) => !before.includes(t)))
    items.push({
      Put: {
        TableName: tableName(),
        Item: {
          ...hearBackKey(answer.tenantId, themeId, contactId, answer.formId),
          type: 'feedback-hear-back',
          contactId,
          formId: answer.formId,
          answerId: answer.answerId,
          themeId,
          consentAt,
        },
      },
    });
  return items;
}

/** One page of those who asked to hear back on a theme (a contact once per form they answered). */
export async function hearBackPage(
  tenantId: string,
  themeId: string,
  cursor: Record<string, unknown> | undefined,
  client = documentClient,
): Promise<{ contactIds: string[]; cursor?: Record<string, unknown> }> {
  const page = await client.send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :contact)',
      ExpressionAttributeValues: {
        ':pk': `${tenantPk(tenantId)}#HEARBACK#${themeId}`,
        ':contact': 'CONTACT#',
      },
      ProjectionExpression: 'contactId',
      ExclusiveStartKey: cursor,
      Limit: 100,
    }),
  );
  return {
    contactIds: (page.Items ?? []).map((i) => String(i.contactId)),
    cursor: page.LastEvaluatedKey,
  };
}

const minute = (date: Date) => `${date.toISOString().slice(0, 16)}:00.000Z`;

const counterUpdate = (tenantId: string, formId: string, deltas: Record<string, number>): TransactItem => {
  const names: Record<string, string> = {};
  const values: Record<string, number> = {};
  const parts = Object.entries(deltas).map(([name, by], i) => {
    names[`#c${i}`] = name;
    values[`:c${i}`] = by;
    return `#c${i} :c${i}`;
  });
  return {
    Update: {
      TableName: tableName(),
      Key: countersKey(tenantId, formId),
      UpdateExpression: `ADD ${parts.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
};

export class AnswerRefused extends HttpError {}

/**
 * Stores a new answer to the form's current version: the answer, its counters, the form's
 * answer count (held at the version answered, so a change of questions meanwhile refuses it)
 * and FeedbackAnswered, in one transaction. An attributed answer takes the contact's one place:
 * a second new answer for the same contact and form is refused (editing is {@link editAnswer}).
 */
export async function submitAnswer(
  form: Form,
  answers: Answers,
  respondent: Respondent | undefined,
  /** The consent to hear back, if given: ignored for anonymous answers (there is no one to tell). */
  hearBack?: HearBackConsent,
  client = documentClient,
): Promise<Answer> {
  const now = new Date();
  const createdAt = respondent ? now.toISOString() : minute(now);
  const answer: Answer = {
    answerId: randomUUID(),
    tenantId: form.tenantId,
    formId: form.formId,
    questionsVersion: form.questionsVersion,
    answers,
    attributed: respondent !== undefined,
    ...(respondent ?? {}),
    eventId: form.eventId,
    createdAt,
    updatedAt: createdAt,
    revision: 1,
    ...(respondent && hearBack ? { hearBack } : {}),
  };
  const sk = `ANSWER#${createdAt}#${answer.answerId}`;
  const items: TransactItem[] = [
    put({ pk: formPk(form.tenantId, form.formId), sk, type: 'feedback-answer', ...answer }),
    counterUpdate(form.tenantId, form.formId, {
      ...counterDeltas(form.questions, answers),
      [respondent ? 'attributed' : 'anonymous']: 1,
    }),
    {
      Update: {
        TableName: tableName(),
        Key: formKey(form.tenantId, form.formId),
        UpdateExpression: 'ADD answerCount :one',
        ConditionExpression: 'attribute_exists(pk) AND questionsVersion = :v AND #status = :open',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':one': 1, ':v': form.questionsVersion, ':open': 'open' },
      },
    },
  ];
  if (respondent) {
    items.push(
      put({
        ...contactGuardKey(form.tenantId, form.formId, respondent.contactId),
        type: 'feedback-respondent',
        answerSk: sk,
      }),
      ...hearBackChanges(
        answer,
        [],
        answer.hearBack ? themesAnswered(form.questions, answers) : [],
        answer.hearBack?.at,
      ),
    );
  }
  try {
    await writeWithEvents(
      form.tenantId,
      items,
      [
        pendingEvent(FeedbackAnswered, {
          tenantId: form.tenantId,
          formId: form.formId,
          answerId: answer.answerId,
          attributed: answer.attributed,
          questionsVersion: answer.questionsVersion,
          edit: false,
          programmeId: form.programmeId,
          themeIds: answeredThemes(form.questions, answers),
          // Anonymous answers: to the minute, as stored.
          at: createdAt,
          ...(respondent
            ? { contactId: respondent.contactId, organisationId: respondent.organisationId }
            : {}),
        }),
      ],
      client,
    );
  } catch (error) {
    if (isConditionalCheckFailed(error)) {
      throw new AnswerRefused(409, 'Already answered, or the form changed or closed meanwhile');
    }
    throw error;
  }
  return answer;
}

/** The attributed answer of a contact to a form, if they gave one. */
export async function getContactAnswer(
  tenantId: string,
  formId: string,
  contactId: string,
  client = documentClient,
): Promise<{ answer: Answer; sk: string } | undefined> {
  const { Item: guard } = await client.send(
    new GetCommand({
      TableName: tableName(),
      Key: contactGuardKey(tenantId, formId, contactId),
      ConsistentRead: true,
    }),
  );
  if (!guard) return undefined;
  const sk = String(guard.answerSk);
  const { Item } = await client.send(
    new GetCommand({
      TableName: tableName(),
      Key: { pk: formPk(tenantId, formId), sk },
      ConsistentRead: true,
    }),
  );
  return Item ? { answer: fromItem<Answer>(Item), sk } : undefined;
}

/**
 * Replaces an attributed answer (the contact edits it, until the form closes): checked against
 * the version it was given to, the counters moved by the difference, guarded by the revision read.
 */
export async function editAnswer(
  form: Form,
  existing: { answer: Answer; sk: string },
  questions: Question[],
  answers: Answers,
  /** The consent as now ticked (a consent kept from before keeps its record); absent: withdrawn. */
  hearBack?: HearBackConsent,
  client = documentClient,
): Promise<Answer> {
  const before = existing.answer;
  const { hearBack: _withdrawn, ...rest } = before;
  const after: Answer = {
    ...rest,
    answers,
    updatedAt: new Date().toISOString(),
    revision: before.revision + 1,
    ...(hearBack ? { hearBack: before.hearBack ?? hearBack } : {}),
  };
  const deltas = editDeltas(questions, before.answers, answers);
  const items: TransactItem[] = [
    {
      Put: {
        TableName: tableName(),
        Item: compact({
          pk: formPk(form.tenantId, form.formId),
          sk: existing.sk,
          type: 'feedback-answer',
          ...after,
        }),
        ConditionExpression: 'attribute_exists(pk) AND revision = :revision',
        ExpressionAttributeValues: { ':revision': before.revision },
      },
    },
    {
      ConditionCheck: {
        TableName: tableName(),
        Key: formKey(form.tenantId, form.formId),
        ConditionExpression: '#status = :open',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':open': 'open' },
      },
    },
  ];
  if (Object.keys(deltas).length > 0) items.push(counterUpdate(form.tenantId, form.formId, deltas));
  items.push(
    ...hearBackChanges(
      after,
      before.hearBack ? themesAnswered(questions, before.answers) : [],
      after.hearBack ? themesAnswered(questions, answers) : [],
      after.hearBack?.at,
    ),
  );
  try {
    await writeWithEvents(
      form.tenantId,
      items,
      [
        pendingEvent(FeedbackAnswered, {
          tenantId: form.tenantId,
          formId: form.formId,
          answerId: before.answerId,
          attributed: true,
          questionsVersion: before.questionsVersion,
          edit: true,
        }),
      ],
      client,
    );
  } catch (error) {
    if (isConditionalCheckFailed(error)) {
      throw new AnswerRefused(409, 'The answer was changed meanwhile, or the form closed');
    }
    throw error;
  }
  return after;
}

/** The form's counters item as numbers by name (one read, whatever the number of answers). */
export async function getFormCounters(
  tenantId: string,
  formId: string,
  client = documentClient,
): Promise<Record<string, number>> {
  const { Item } = await client.send(
    new GetCommand({ TableName: tableName(), Key: countersKey(tenantId, formId) }),
  );
  return Object.fromEntries(Object.entries(Item ?? {}).filter(([, v]) => typeof v === 'number')) as Record<
    string,
    number
  >;
}

/** The keys {@link listAnswers} reads: a cursor of its pages must be one of them. */
export const answersRange = (tenantId: string, formId: string): KeyRange => ({
  pk: formPk(tenantId, formId),
  skPrefix: 'ANSWER#',
});

export interface AnswerFilter {
  organisationType?: string;
  industry?: string;
  eventId?: string;
  /** Include hidden answers (moderation view). */
  includeHidden?: boolean;
}

/** A page of a form's answers, newest first, filtered in the query (so a page may hold fewer). */
export async function listAnswers(
  tenantId: string,
  formId: string,
  options: { cursor?: Record<string, unknown>; limit?: number; filter?: AnswerFilter } = {},
  client = documentClient,
): Promise<{ items: Answer[]; cursor?: Record<string, unknown> }> {
  const range = answersRange(tenantId, formId);
  const filter = options.filter ?? {};
  const conditions: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':pk': range.pk, ':prefix': range.skPrefix };
  for (const field of ['organisationType', 'industry', 'eventId'] as const) {
    const value = filter[field];
    if (value === undefined) continue;
    names[`#${field}`] = field;
    values[`:${field}`] = value;
    conditions.push(`#${field} = :${field}`);
  }
  if (!filter.includeHidden) {
    names['#hidden'] = 'hidden';
    conditions.push('attribute_not_exists(#hidden)');
  }
  const page = await client.send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ...(conditions.length ? { FilterExpression: conditions.join(' AND ') } : {}),
      ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
      ExpressionAttributeValues: values,
      ExclusiveStartKey: options.cursor,
      ScanIndexForward: false,
      Limit: options.limit ?? 50,
    }),
  );
  return { items: (page.Items ?? []).map((i) => fromItem<Answer>(i)), cursor: page.LastEvaluatedKey };
}

/**
 * How staff name an answer in URLs: its sort key (`ANSWER#<time>#<id>`) as base64url, so the
 * store reads it with one GetItem. Anything that does not decode to an answer key is no answer.
 */
export const answerRefOf = (answer: Pick<Answer, 'createdAt' | 'answerId'>) =>
  Buffer.from(`ANSWER#${answer.createdAt}#${answer.answerId}`).toString('base64url');

function answerKeyOfRef(ref: string): string | undefined {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(ref)) return undefined;
  const sk = Buffer.from(ref, 'base64url').toString('utf8');
  return /^ANSWER#[0-9T:.Z-]{20,30}#[0-9a-f-]{36}$/.test(sk) ? sk : undefined;
}

export async function getAnswer(
  tenantId: string,
  formId: string,
  answerRef: string,
  client = documentClient,
): Promise<{ answer: Answer; sk: string } | undefined> {
  const sk = answerKeyOfRef(answerRef);
  if (!sk) return undefined;
  const { Item } = await client.send(
    new GetCommand({
      TableName: tableName(),
      Key: { pk: formPk(tenantId, formId), sk },
      ConsistentRead: true,
    }),
  );
  return Item ? { answer: fromItem<Answer>(Item), sk } : undefined;
}

/**
 * Staff's work on an answer: codes (tags), quotes marked, hidden with a reason or shown again.
 * FeedbackModerated is written when hidden changes.
 */
export async function annotateAnswer(
  tenantId: string,
  formId: string,
  answerRef: string,
  change: { tags?: string[]; quotes?: string[]; hide?: { reason: string } | false },
  actor: string,
  client = documentClient,
): Promise<Answer | undefined> {
  const found = await getAnswer(tenantId, formId, answerRef, client);
  if (!found) return undefined;
  const { answer: before, sk: answerKey } = found;
  const after: Answer = { ...before };
  if (change.tags) after.tags = change.tags;
  if (change.quotes) after.quotes = change.quotes;
  if (change.hide) after.hidden = { reason: change.hide.reason, by: actor, at: new Date().toISOString() };
  if (change.hide === false) delete after.hidden;
  const hiddenChanged = Boolean(before.hidden) !== Boolean(after.hidden);
  // Quote items (what a published summary reads) follow the quotes of answers that are not hidden.
  const shown = (a: Answer) => new Set(a.hidden ? [] : (a.quotes ?? []));
  const [quotedBefore, quotedAfter] = [shown(before), shown(after)];
  const quoteItems: TransactItem[] = [
    ...[...quotedAfter]
      .filter((q) => !quotedBefore.has(q))
      .map(
        (questionId) =>
          ({
            Put: {
              TableName: tableName(),
              Item: {
                ...quoteKey(tenantId, formId, answerKey, questionId),
                type: 'feedback-quote',
                answerSk: answerKey,
                questionId,
              },
            },
          }) satisfies TransactItem,
      ),
    ...[...quotedBefore]
      .filter((q) => !quotedAfter.has(q))
      .map((questionId) => ({
        Delete: { TableName: tableName(), Key: quoteKey(tenantId, formId, answerKey, questionId) },
      })),
  ];
  try {
    await writeWithEvents(
      tenantId,
      [
        {
          Put: {
            TableName: tableName(),
            Item: compact({ pk: formPk(tenantId, formId), sk: answerKey, type: 'feedback-answer', ...after }),
            ConditionExpression: 'attribute_exists(pk) AND revision = :revision',
            ExpressionAttributeValues: { ':revision': before.revision },
          },
        },
        ...quoteItems,
      ],
      hiddenChanged
        ? [
            pendingEvent(FeedbackModerated, {
              tenantId,
              formId,
              answerId: before.answerId,
              hidden: Boolean(after.hidden),
              actor,
            }),
          ]
        : [],
      client,
    );
  } catch (error) {
    if (isConditionalCheckFailed(error)) throw new AnswerRefused(409, 'The answer changed meanwhile; reload');
    throw error;
  }
  return after;
}

/**
 * The quotes staff marked (of answers not hidden), at most `limit`: each with its answer as it
 * is now (one query and one batch read, whatever the number of answers).
 */
export async function listQuotes(
  tenantId: string,
  formId: string,
  limit = 20,
  client = documentClient,
): Promise<{ answer: Answer; questionId: string }[]> {
  const { Items } = await client.send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': formPk(tenantId, formId), ':prefix': 'QUOTE#' },
      Limit: Math.min(limit, 100),
    }),
  );
  const quotes = (Items ?? []).map((i) => ({
    answerSk: String(i.answerSk),
    questionId: String(i.questionId),
  }));
  if (quotes.length === 0) return [];
  const keys = [...new Set(quotes.map((q) => q.answerSk))].map((sk) => ({
    pk: formPk(tenantId, formId),
    sk,
  }));
  const { Responses } = await client.send(
    new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: keys } } }),
  );
  const answers = new Map((Responses?.[tableName()] ?? []).map((i) => [String(i.sk), fromItem<Answer>(i)]));
  return quotes.flatMap((q) => {
    const answer = answers.get(q.answerSk);
    return answer && !answer.hidden ? [{ answer, questionId: q.questionId }] : [];
  });
}

/** Publishes the form's summary (the chosen questions as charts, the marked quotes, masked) or takes it down. */
export async function setPublication(
  form: Form,
  questionIds: string[] | undefined,
  actor: string,
  client = documentClient,
): Promise<void> {
  const now = new Date().toISOString();
  await writeWithEvents(
    form.tenantId,
    [
      {
        Update: {
          TableName: tableName(),
          Key: formKey(form.tenantId, form.formId),
          UpdateExpression: questionIds
            ? 'SET publication = :p, version = version + :one, updatedAt = :now'
            : 'REMOVE publication SET version = version + :one, updatedAt = :now',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: {
            ...(questionIds ? { ':p': { questionIds, at: now, by: actor } } : {}),
            ':one': 1,
            ':now': now,
          },
        },
      },
    ],
    [
      pendingEvent(FormChanged, {
        tenantId: form.tenantId,
        formId: form.formId,
        changedFields: ['publication'],
        questionsVersion: form.questionsVersion,
        newQuestionsVersion: false,
        actor,
      }),
    ],
    client,
  );
}

// ---------------------------------------------------------------- rate limits

/**
 * Counts one anonymous submission of `client` (an opaque key: a hash of the browser's form token,
 * never an address) in the current minute, and says whether it is within `limit`. The counter
 * item expires (TTL) two minutes later.
 */
export async function withinRate(
  tenantId: string,
  formId: string,
  clientKey: string,
  limit: number,
  client = documentClient,
): Promise<boolean> {
  const now = new Date();
  try {
    await client.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { pk: formPk(tenantId, formId), sk: `RATE#${clientKey}#${minute(now)}` },
        UpdateExpression: 'ADD hits :one SET expiresAt = if_not_exists(expiresAt, :exp), #type = :type',
        ConditionExpression: 'attribute_not_exists(hits) OR hits < :limit',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: {
          ':one': 1,
          ':limit': limit,
          ':exp': Math.floor(now.getTime() / 1000) + 120,
          ':type': 'feedback-rate',
        },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}
