import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { summarise } from '../../shared/feedback/analysis.js';
import {
  formInputSchema,
  formProblems,
  formUpdateSchema,
  resolveQuestions,
} from '../../shared/feedback/form.js';
import {
  annotateAnswer,
  answerRefOf,
  answersRange,
  closeForm,
  createForm,
  getForm,
  getFormCounters,
  listAnswers,
  listForms,
  updateForm,
} from '../../shared/feedback/store.js';
import { feedbackTexts } from '../../shared/feedback/texts.js';
import { getEvent } from '../../shared/meetings/store.js';
import { HttpError, notFound } from '../../shared/platform/http/errors.js';
import { jsonApi, staffRoute } from '../../shared/platform/http/json-api.js';
import { idParam } from '../../shared/platform/http/request.js';
import { decodeCursor, encodeCursor } from '../../shared/platform/table/cursor.js';
import { languageSchema } from '../../shared/platform/texts/language.js';
import { getProgramme } from '../../shared/programmes/store.js';

/**
 * Feedback forms (staff JSON API): create and change forms on a programme's themes, close them,
 * read the analysis (from counters), page through answers, code, quote and moderate them.
 * Viewers read; editors and admins write.
 */

const formPath = z.object({ formId: idParam });
const answerPath = z.object({ formId: idParam, answerRef: z.string().regex(/^[A-Za-z0-9_-]{1,200}$/) });

/** The programme's themes, or a 422 on `body.programmeId` for a programme that is not the tenant's. */
async function themesOf(tenantId: string, programmeId: string) {
  const programme = await getProgramme(tenantId, programmeId);
  if (!programme) {
    throw new HttpError(422, 'Invalid body.programmeId', [
      { field: 'body.programmeId', message: 'No such programme' },
    ]);
  }
  return programme.themes.map((t) => ({ id: t.id, title: t.title }));
}

async function checkForm(
  tenantId: string,
  body: { eventId?: string; questions: z.output<typeof formInputSchema>['questions'] },
  themes: { id: string; title: string }[],
) {
  const details = formProblems(body.questions, themes).map((p) => ({
    field: `body.${p.field}`,
    message: p.message,
  }));
  if (body.eventId !== undefined && !(await getEvent(tenantId, body.eventId))) {
    details.push({ field: 'body.eventId', message: 'No such event' });
  }
  if (details.length > 0) {
    throw new HttpError(422, `Invalid ${details.map((d) => d.field).join(', ')}`, details);
  }
}

async function formOr404(tenantId: string, formId: string) {
  const form = await getForm(tenantId, formId);
  if (!form) throw notFound();
  return form;
}

const answersQuery = z
  .object({
    cursor: z.string().max(2000).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    themeId: idParam.optional(),
    organisationType: z.string().max(100).optional(),
    industry: z.string().max(200).optional(),
    eventId: idParam.optional(),
    hidden: z.enum(['include', 'exclude']).default('exclude'),
  })
  .strict();

const annotationBody = z
  .object({
    tags: z.array(z.string().trim().min(1).max(60)).max(20).optional(),
    quotes: z.array(idParam).max(50).optional(),
    hide: z
      .union([z.object({ reason: z.string().trim().min(1, 'Required').max(500) }).strict(), z.literal(false)])
      .optional(),
  })
  .strict();

export const handler = jsonApi({
  'GET /api/forms': staffRoute(
    { query: z.object({ programmeId: idParam.optional() }).strict() },
    async ({ identity, query }) => {
      const forms = await listForms(identity.tenantId);
      return {
        body: { items: forms.filter((f) => !query.programmeId || f.programmeId === query.programmeId) },
      };
    },
  ),

  'POST /api/forms': staffRoute({ body: formInputSchema }, async ({ identity, body }) => {
    const themes = await themesOf(identity.tenantId, body.programmeId);
    await checkForm(identity.tenantId, body, themes);
    const questions = resolveQuestions(body.questions, themes, randomUUID);
    const form = await createForm(identity.tenantId, body, questions, identity.staffId);
    return { status: 201, body: form, headers: { location: `/api/forms/${form.formId}` } };
  }),

  'GET /api/forms/{formId}': staffRoute({ path: formPath }, async ({ identity, path }) => ({
    body: await formOr404(identity.tenantId, path.formId),
  })),

  'PUT /api/forms/{formId}': staffRoute(
    { path: formPath, body: formUpdateSchema },
    async ({ identity, path, body }) => {
      const before = await formOr404(identity.tenantId, path.formId);
      const themes = await themesOf(identity.tenantId, before.programmeId);
      await checkForm(identity.tenantId, body, themes);
      const questions = resolveQuestions(body.questions, themes, randomUUID);
      return { body: await updateForm(before, body, questions, identity.staffId) };
    },
  ),

  'POST /api/forms/{formId}/close': staffRoute({ path: formPath }, async ({ identity, path }) => {
    const form = await formOr404(identity.tenantId, path.formId);
    const closed = await closeForm(form, identity.staffId);
    return { body: { ...form, status: 'closed', closedNow: closed } };
  }),

  'GET /api/forms/{formId}/analysis': staffRoute(
    { path: formPath, query: z.object({ language: languageSchema.optional() }).strict() },
    async ({ identity, path, query }) => {
      const form = await formOr404(identity.tenantId, path.formId);
      const [counters, programme] = await Promise.all([
        getFormCounters(identity.tenantId, form.formId),
        getProgramme(identity.tenantId, form.programmeId),
      ]);
      const language = query.language ?? form.language;
      const themes = (programme?.themes ?? []).map((t) => ({ id: t.id, title: t.title }));
      return { body: summarise(form, counters, themes, language, feedbackTexts(language).noTheme) };
    },
  ),

  'GET /api/forms/{formId}/answers': staffRoute(
    { path: formPath, query: answersQuery },
    async ({ identity, path, query }) => {
      const form = await formOr404(identity.tenantId, path.formId);
      const page = await listAnswers(identity.tenantId, form.formId, {
        cursor: decodeCursor(query.cursor, answersRange(identity.tenantId, form.formId)),
        limit: query.limit,
        filter: {
          organisationType: query.organisationType,
          industry: query.industry,
          eventId: query.eventId,
          includeHidden: query.hidden === 'include',
        },
      });
      // A theme filter keeps the answers' values to that theme's questions (answers with none drop out).
      const themeQuestions = query.themeId
        ? new Set(form.questions.filter((q) => q.themeId === query.themeId).map((q) => q.id))
        : undefined;
      const items = page.items
        .map((a) => ({
          ...a,
          answerRef: answerRefOf(a),
          answers: themeQuestions
            ? Object.fromEntries(Object.entries(a.answers).filter(([id]) => themeQuestions.has(id)))
            : a.answers,
        }))
        .filter((a) => Object.keys(a.answers).length > 0);
      return { body: { items, cursor: encodeCursor(page.cursor) } };
    },
  ),

  'POST /api/forms/{formId}/answers/{answerRef}': staffRoute(
    { path: answerPath, body: annotationBody },
    async ({ identity, path, body }) => {
      const form = await formOr404(identity.tenantId, path.formId);
      if (body.quotes?.some((id) => !form.questions.some((q) => q.id === id))) {
        throw new HttpError(422, 'Invalid body.quotes', [
          { field: 'body.quotes', message: 'Not a question of the form' },
        ]);
      }
      const answer = await annotateAnswer(
        identity.tenantId,
        form.formId,
        path.answerRef,
        body,
        identity.staffId,
      );
      if (!answer) throw notFound();
      return { body: { ...answer, answerRef: path.answerRef } };
    },
  ),
});
