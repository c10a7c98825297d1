import { randomUUID } from 'node:crypto';
import { h } from 'preact';
import type { z } from 'zod';
import { getContact } from '../../shared/directory/store/contacts.js';
import { summarise } from '../../shared/feedback/analysis.js';
import {
  editorField,
  formInputFromPosted,
  MAX_ROWS,
  postedFromForm,
} from '../../shared/feedback/console-form.js';
import { exportRows } from '../../shared/feedback/export.js';
import {
  type Form,
  formInputSchema,
  formProblems,
  formUpdateSchema,
  resolveQuestions,
  textIn,
} from '../../shared/feedback/form.js';
import {
  AnalysisPage,
  type AnswerRow,
  FormEditorPage,
  FormsListPage,
  formHref,
} from '../../shared/feedback/pages/console.js';
import { LivePage } from '../../shared/feedback/pages/live.js';
import {
  type Answer,
  annotateAnswer,
  answerRefOf,
  answersRange,
  closeForm,
  createForm,
  FormConflict,
  getAnswer,
  getForm,
  getFormCounters,
  listAnswers,
  listForms,
  setPublication,
  updateForm,
} from '../../shared/feedback/store.js';
import { feedbackTexts } from '../../shared/feedback/texts.js';
import { listEvents } from '../../shared/meetings/store.js';
import { requireEnv } from '../../shared/platform/aws/env.js';
import { csvDocument, csvFileName } from '../../shared/platform/csv/csv.js';
import { HttpError, notFound } from '../../shared/platform/http/errors.js';
import {
  consolePage,
  htmlPages,
  type PageRequest,
  type PageResult,
} from '../../shared/platform/http/html-pages.js';
import { idParam } from '../../shared/platform/http/request.js';
import { recordBulkExport } from '../../shared/platform/privacy/bulk-export.js';
import { decodeCursor, encodeCursor } from '../../shared/platform/table/cursor.js';
import { getTenant } from '../../shared/platform/tenants/store.js';
import { issueOf, issueText } from '../../shared/platform/texts/issues.js';
import type { Language } from '../../shared/platform/texts/language.js';
import { ErrorPage } from '../../shared/platform/ui/error-page.js';
import { getProgramme, listProgrammes } from '../../shared/programmes/store.js';
import { inConsole as page, type SignedIn as Signed, signedIn } from '../console/shell.js';

/*
 * The console's feedback pages: forms (list, create, edit, close), the analysis per theme (from
 * the counters item) with the free-text answers paged and filtered, codes, quotes and
 * moderation, and the CSV export (optionally with personal data masked). Viewers read; writing
 * needs the editor role.
 */

function requireEditor(who: Signed) {
  if (!who.canEdit) throw new HttpError(403, 'Your role does not allow this');
}

async function formOf(request: PageRequest, who: Signed): Promise<Form> {
  const id = idParam.safeParse(request.event.pathParameters?.formId);
  if (!id.success) throw notFound();
  const form = await getForm(who.identity.tenantId, id.data);
  if (!form) throw notFound();
  return form;
}

/** The tenant's programme the form is on (the first one for a new form), with its themes. */
async function programmeThemes(tenantId: string, programmeId?: string) {
  const programme = programmeId
    ? await getProgramme(tenantId, programmeId)
    : (await listProgrammes(tenantId)).at(-1);
  return { programme, themes: (programme?.themes ?? []).map((t) => ({ id: t.id, title: t.title })) };
}

/** The tenant's zone: the editor's closing time is entered and shown on its clock. */
async function timeZoneOf(tenantId: string): Promise<string> {
  return (await getTenant(tenantId))?.timeZone ?? 'Europe/Stockholm';
}

async function editor(
  request: PageRequest,
  who: Signed,
  form: Form | undefined,
  values: Record<string, string>,
  errors: Record<string, string> = {},
): Promise<PageResult> {
  const [{ themes }, events] = await Promise.all([
    programmeThemes(who.identity.tenantId, form?.programmeId),
    listEvents(who.identity.tenantId),
  ]);
  const m = feedbackTexts(who.language).console;
  return page(
    request,
    who,
    form ? m.editTitle : m.createTitle,
    h(FormEditorPage, {
      language: who.language,
      form,
      themes,
      events: events
        .filter((e) => e.status !== 'cancelled')
        .map((e) => ({ eventId: e.eventId, title: e.title })),
      values,
      errors,
      csrfToken: request.csrfToken,
      action: form ? formHref(form.formId) : '/console/forms',
    }),
    Object.keys(errors).length ? 422 : 200,
  );
}

/**
 * Checks the editor's post: the schema, then the programme's themes and the event. Problems by
 * editor field, worded in the reader's language.
 */
async function checkPosted<S extends z.ZodType>(
  schema: S,
  posted: ReturnType<typeof formInputFromPosted>,
  extra: Record<string, unknown>,
  tenantId: string,
  themes: { id: string; title: string }[],
  language: Language,
): Promise<{ ok: true; data: z.output<S> } | { ok: false; errors: Record<string, string> }> {
  const words = feedbackTexts(language);
  const input = { ...posted.input, ...extra };
  // The form's own language: where a text left empty or an option list is shown to be wrong.
  const formLanguage = (posted.input.language ?? 'sv') as Language;
  const errors: Record<string, string> = {};
  for (const p of posted.problems) errors[p.field] ??= words.problems[p.code];
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    for (const zodIssue of parsed.error.issues) {
      // "Required in at least one language" is a text left empty.
      const text =
        zodIssue.code === 'custom' ? words.errors.required : issueText(issueOf(zodIssue, input), language);
      errors[editorField(zodIssue.path, formLanguage)] ??= text;
    }
    return { ok: false, errors };
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  const data = parsed.data as { eventId?: string; questions: Parameters<typeof formProblems>[0] };
  for (const p of formProblems(data.questions, themes))
    errors[editorField(p.field.split('.'), formLanguage)] ??= words.problems[p.code];
  if (data.eventId && !(await listEvents(tenantId)).some((e) => e.eventId === data.eventId)) {
    errors.eventId = words.problems.noSuchEvent;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, data: parsed.data };
}

async function answerRows(
  form: Form,
  answers: Answer[],
  language: Language,
  themeId?: string,
): Promise<AnswerRow[]> {
  const texts = form.questions.filter(
    (q) => (q.type === 'short-text' || q.type === 'long-text') && (!themeId || q.themeId === themeId),
  );
  const names = new Map<string, string>();
  await Promise.all(
    [...new Set(answers.map((a) => a.contactId).filter((c): c is string => Boolean(c)))].map(async (id) => {
      const contact = await getContact(form.tenantId, id);
      if (contact) names.set(id, contact.name);
    }),
  );
  return answers
    .map((a) => ({
      answerRef: answerRefOf(a),
      attributed: a.attributed,
      who: a.contactId ? names.get(a.contactId) : undefined,
      organisationType: a.organisationType,
      industry: a.industry,
      tags: a.tags ?? [],
      hidden: a.hidden,
      texts: texts
        .filter((q) => typeof a.answers[q.id] === 'string')
        .map((q) => ({
          questionId: q.id,
          label: textIn(q.label, language, form.language),
          text: String(a.answers[q.id]),
          quoted: (a.quotes ?? []).includes(q.id),
        })),
    }))
    .filter((row) => row.texts.length > 0);
}

export const handler = htmlPages(
  {
    'GET /console/forms': consolePage(async (request) => {
      const who = await signedIn(request);
      const [forms, events] = await Promise.all([
        listForms(who.identity.tenantId),
        listEvents(who.identity.tenantId),
      ]);
      const titles = new Map(events.map((e) => [e.eventId, e.title]));
      return page(
        request,
        who,
        feedbackTexts(who.language).console.title,
        h(FormsListPage, {
          language: who.language,
          canEdit: who.canEdit,
          rows: forms.map((form) => ({
            form,
            eventTitle: form.eventId ? titles.get(form.eventId) : undefined,
          })),
        }),
      );
    }),

    'GET /console/forms/new': consolePage(async (request) => {
      const who = await signedIn(request);
      requireEditor(who);
      return editor(request, who, undefined, {
        language: who.tenant.language,
        anonymousLink: 'on',
        'followUp.enabled': 'on',
        'followUp.delayMinutes': '60',
        'q0.type': 'rating',
        'q0.required': 'on',
      });
    }),

    'POST /console/forms': consolePage(async (request) => {
      const who = await signedIn(request);
      requireEditor(who);
      const { programme, themes } = await programmeThemes(who.identity.tenantId);
      if (!programme) throw notFound();
      const posted = formInputFromPosted(request.form, MAX_ROWS, await timeZoneOf(who.identity.tenantId));
      const checked = await checkPosted(
        formInputSchema,
        posted,
        { programmeId: programme.programmeId },
        who.identity.tenantId,
        themes,
        who.language,
      );
      if (!checked.ok) return editor(request, who, undefined, request.form, checked.errors);
      const form = await createForm(
        who.identity.tenantId,
        checked.data,
        resolveQuestions(checked.data.questions, themes, randomUUID),
        who.identity.staffId,
      );
      return { kind: 'redirect', location: formHref(form.formId) };
    }),

    'GET /console/forms/{formId}': consolePage(async (request) => {
      const who = await signedIn(request);
      const form = await formOf(request, who);
      const q = request.event.queryStringParameters ?? {};
      const themeId = q.themeId && idParam.safeParse(q.themeId).success ? q.themeId : undefined;
      const filter = {
        themeId,
        organisationType: q.organisationType?.slice(0, 100) || undefined,
        industry: q.industry?.slice(0, 200) || undefined,
      };
      const [counters, { themes }, page1] = await Promise.all([
        getFormCounters(form.tenantId, form.formId),
        programmeThemes(form.tenantId, form.programmeId),
        listAnswers(form.tenantId, form.formId, {
          cursor: decodeCursor(q.cursor, answersRange(form.tenantId, form.formId)),
          limit: 25,
          filter: { ...filter, includeHidden: who.canEdit },
        }),
      ]);
      const m = feedbackTexts(who.language);
      const base = requireEnv('PUBLIC_BASE_URL');
      return page(
        request,
        who,
        textIn(form.title, who.language, form.language),
        h(AnalysisPage, {
          language: who.language,
          form,
          summary: summarise(form, counters, themes, who.language, m.noTheme),
          themes,
          answers: await answerRows(form, page1.items, who.language, themeId),
          nextCursor: encodeCursor(page1.cursor),
          filter,
          organisationTypes: ['company', 'business-association', 'public-partner', 'education', 'other'],
          canEdit: who.canEdit,
          csrfToken: request.csrfToken,
          publicUrl: form.anonymousLink ? `${base}/forms/${form.tenantId}/${form.formId}` : undefined,
          summaryUrl: `${base}/forms/${form.tenantId}/${form.formId}/summary`,
        }),
      );
    }),

    'POST /console/forms/{formId}/publication': consolePage(async (request) => {
      const who = await signedIn(request);
      requireEditor(who);
      const form = await formOf(request, who);
      const chosen = (request.formLists.questionIds ?? []).filter((id) =>
        form.questions.some((q) => q.id === id),
      );
      await setPublication(form, request.form.unpublish ? undefined : chosen, who.identity.staffId);
      return { kind: 'redirect', location: formHref(form.formId) };
    }),

    'GET /console/forms/{formId}/live': consolePage(async (request) => {
      const who = await signedIn(request);
      const form = await formOf(request, who);
      const [counters, { themes }] = await Promise.all([
        getFormCounters(form.tenantId, form.formId),
        programmeThemes(form.tenantId, form.programmeId),
      ]);
      const base = requireEnv('PUBLIC_BASE_URL');
      return page(
        request,
        who,
        textIn(form.title, who.language, form.language),
        h(LivePage, {
          language: who.language,
          form,
          summary: summarise(form, counters, themes, who.language, feedbackTexts(who.language).noTheme),
          publicUrl: form.anonymousLink ? `${base}/forms/${form.tenantId}/${form.formId}` : undefined,
        }),
      );
    }),

    'GET /console/forms/{formId}/edit': consolePage(async (request) => {
      const who = await signedIn(request);
      requireEditor(who);
      const form = await formOf(request, who);
      return editor(request, who, form, postedFromForm(form, await timeZoneOf(form.tenantId)));
    }),

    'POST /console/forms/{formId}': consolePage(async (request) => {
      const who = await signedIn(request);
      requireEditor(who);
      const form = await formOf(request, who);
      const { themes } = await programmeThemes(form.tenantId, form.programmeId);
      const posted = formInputFromPosted(request.form, MAX_ROWS, await timeZoneOf(form.tenantId));
      const checked = await checkPosted(
        formUpdateSchema,
        posted,
        { expectedVersion: Number(request.form.expectedVersion) },
        form.tenantId,
        themes,
        who.language,
      );
      if (!checked.ok) return editor(request, who, form, request.form, checked.errors);
      try {
        await updateForm(
          form,
          checked.data,
          resolveQuestions(checked.data.questions, themes, randomUUID),
          who.identity.staffId,
        );
      } catch (error) {
        if (error instanceof FormConflict) {
          return editor(request, who, form, request.form, { [`title.${form.language}`]: error.message });
        }
        throw error;
      }
      return { kind: 'redirect', location: formHref(form.formId) };
    }),

    'POST /console/forms/{formId}/close': consolePage(async (request) => {
      const who = await signedIn(request);
      requireEditor(who);
      const form = await formOf(request, who);
      await closeForm(form, who.identity.staffId);
      return { kind: 'redirect', location: formHref(form.formId) };
    }),

    'POST /console/forms/{formId}/answers/{answerRef}': consolePage(async (request) => {
      const who = await signedIn(request);
      requireEditor(who);
      const form = await formOf(request, who);
      const ref = request.event.pathParameters?.answerRef ?? '';
      const found = await getAnswer(form.tenantId, form.formId, ref);
      if (!found) throw notFound();
      const f = request.form;
      const change: Parameters<typeof annotateAnswer>[3] = {};
      if (f.tags !== undefined) {
        change.tags = f.tags
          .split(',')
          .map((t) => t.trim().slice(0, 60))
          .filter(Boolean)
          .slice(0, 20);
      }
      if (f.toggleQuote && form.questions.some((q) => q.id === f.toggleQuote)) {
        const quotes = new Set(found.answer.quotes ?? []);
        if (quotes.has(f.toggleQuote)) quotes.delete(f.toggleQuote);
        else quotes.add(f.toggleQuote);
        change.quotes = [...quotes];
      }
      if (f.hideReason !== undefined) {
        const reason = f.hideReason.trim().slice(0, 500);
        if (!reason) {
          throw new HttpError(422, 'Invalid hideReason', [{ field: 'hideReason', message: 'Required' }], {
            text: (language) => feedbackTexts(language).errors.required,
          });
        }
        change.hide = { reason };
      }
      if (f.show) change.hide = false;
      await annotateAnswer(form.tenantId, form.formId, ref, change, who.identity.staffId);
      return { kind: 'redirect', location: formHref(form.formId) };
    }),

    'GET /console/forms/{formId}/export.csv': consolePage(async (request) => {
      const who = await signedIn(request);
      const form = await formOf(request, who);
      const q = request.event.queryStringParameters ?? {};
      const redacted = q.redact === '1';
      const themeId = q.themeId && idParam.safeParse(q.themeId).success ? q.themeId : undefined;
      const answers: Answer[] = [];
      let cursor: Record<string, unknown> | undefined;
      do {
        const p = await listAnswers(form.tenantId, form.formId, { cursor, limit: 200 });
        answers.push(...p.items);
        cursor = p.cursor;
      } while (cursor);
      const names = new Map<string, string>();
      for (const id of new Set(answers.map((a) => a.contactId).filter((c): c is string => Boolean(c)))) {
        const contact = await getContact(form.tenantId, id);
        if (contact) names.set(id, contact.name);
      }
      const { themes } = await programmeThemes(form.tenantId, form.programmeId);
      const m = feedbackTexts(who.language).console;
      // Many people's answers leave the system: the audit log records who took them, and how many.
      await recordBulkExport({
        tenantId: form.tenantId,
        kind: 'feedback-answers',
        subjectId: form.formId,
        count: answers.length,
        actor: who.identity.staffId,
      });
      const { rows } = exportRows(
        form,
        answers.map((a) => ({ ...a, respondentName: a.contactId ? names.get(a.contactId) : undefined })),
        themes,
        {
          language: who.language,
          redact: redacted,
          themeId,
          names: [...names.values()],
          headings: {
            time: m.time,
            respondent: m.respondent,
            organisationType: m.organisationType,
            industry: m.industry,
            tags: m.tags,
            masked: m.exportMasked,
          },
        },
      );
      return {
        kind: 'file',
        contentType: 'text/csv; charset=utf-8',
        fileName: csvFileName(
          `${textIn(form.title, who.language, form.language)}${redacted ? '-redacted' : ''}`,
          'feedback',
        ),
        body: Buffer.from(csvDocument(rows)),
      };
    }),
  },
  (status, message, language) => h(ErrorPage, { status, message, language }),
);
