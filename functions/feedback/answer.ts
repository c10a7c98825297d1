import { createHash } from 'node:crypto';
import { h } from 'preact';
import type { z } from 'zod';
import { getContact } from '../../shared/directory/store/contacts.js';
import { getOrganisation } from '../../shared/directory/store/organisations.js';
import { summarise } from '../../shared/feedback/analysis.js';
import {
  type Answers,
  answersFromForm,
  answersSchema,
  type Form,
  isOpen,
  type Question,
  textIn,
} from '../../shared/feedback/form.js';
import { type AnswerBanner, AnswerInvalidPage, AnswerPage } from '../../shared/feedback/pages/answer.js';
import { SummaryPage } from '../../shared/feedback/pages/summary.js';
import { redact } from '../../shared/feedback/redact.js';
import {
  AnswerRefused,
  editAnswer,
  getContactAnswer,
  getForm,
  getFormCounters,
  getQuestions,
  type HearBackConsent,
  listQuotes,
  submitAnswer,
  withinRate,
} from '../../shared/feedback/store.js';
import { feedbackTexts, jurisdictionOf } from '../../shared/feedback/texts.js';
import { requireEnv } from '../../shared/platform/aws/env.js';
import {
  htmlPages,
  type PageRequest,
  type PageResult,
  publicPage,
} from '../../shared/platform/http/html-pages.js';
import { idParam } from '../../shared/platform/http/request.js';
import { verifyLinkToken } from '../../shared/platform/mail-kit/link-tokens.js';
import { settingIn } from '../../shared/platform/tenants/settings.js';
import { getTenant, type Tenant } from '../../shared/platform/tenants/store.js';
import type { Language } from '../../shared/platform/texts/language.js';
import { pageBrand } from '../../shared/platform/ui/brand.js';
import { ErrorPage } from '../../shared/platform/ui/error-page.js';
import { getProgramme } from '../../shared/programmes/store.js';

/**
 * The feedback form's answer pages. Attributed: the signed link of one contact (`/feedback/<token>`),
 * one answer per contact and form, editable until the form closes. Anonymous: the form's public
 * link (`/forms/<tenant>/<form>`, also as a QR code in the room), where nothing that identifies
 * the person is kept: no contact, no address, no cookie beyond the form's CSRF token, the time
 * to the minute. An unknown, altered or expired link, another tenant's form, a form without a
 * public link: the same page as a missing form.
 */

/** Anonymous answers a browser may send in a minute, and a whole form in a minute. */
const PER_CLIENT_PER_MINUTE = 10;
const PER_FORM_PER_MINUTE = 600;

interface Resolved {
  form: Form;
  tenant: Tenant;
  themes: { id: string; title: string }[];
  language: Language;
  mode: 'attributed' | 'anonymous';
  action: string;
  contact?: { contactId: string; organisationId?: string };
}

async function common(tenantId: string, formId: string) {
  const [form, tenant] = await Promise.all([getForm(tenantId, formId), getTenant(tenantId)]);
  if (!form || !tenant) return undefined;
  const programme = await getProgramme(tenantId, form.programmeId);
  return { form, tenant, themes: (programme?.themes ?? []).map((t) => ({ id: t.id, title: t.title })) };
}

async function resolveAttributed(request: PageRequest): Promise<Resolved | undefined> {
  const token = request.event.pathParameters?.token;
  const claims = token ? await verifyLinkToken(token, 'feedback') : undefined;
  if (!claims?.campaignId) return undefined;
  const [found, contact] = await Promise.all([
    common(claims.tenantId, claims.campaignId),
    getContact(claims.tenantId, claims.subject),
  ]);
  if (!found || !contact) return undefined;
  return {
    ...found,
    language: contact.language ?? request.language,
    mode: 'attributed',
    action: `/feedback/${token}`,
    contact: { contactId: contact.contactId, organisationId: contact.organisationId },
  };
}

async function resolveAnonymous(request: PageRequest): Promise<Resolved | undefined> {
  const { tenantId, formId } = request.event.pathParameters ?? {};
  if (!tenantId || !formId || !/^[a-z0-9-]{2,40}$/.test(tenantId) || !idParam.safeParse(formId).success)
    return undefined;
  const found = await common(tenantId, formId);
  if (!found?.form.anonymousLink) return undefined;
  return { ...found, language: request.language, mode: 'anonymous', action: `/forms/${tenantId}/${formId}` };
}

const invalid = (request: PageRequest, status = 404): PageResult => ({
  kind: 'page',
  status,
  body: h(AnswerInvalidPage, { language: request.language }),
});

function page(
  request: PageRequest,
  r: Resolved,
  questions: Question[],
  extra: {
    status?: number;
    banner?: AnswerBanner;
    values?: Answers | Record<string, unknown>;
    errors?: Record<string, string>;
    revision?: number;
    hearBack?: boolean;
  } = {},
): PageResult {
  return {
    kind: 'page',
    status: extra.status,
    body: h(AnswerPage, {
      language: r.language,
      form: r.form,
      questions,
      themes: r.themes,
      tenantName: r.tenant.name,
      brand: pageBrand(r.tenant),
      jurisdiction: jurisdictionOf(r.tenant.language),
      publicRecordsNotice: settingIn(r.tenant.settings?.publicRecordsNotice, r.language),
      mode: r.mode,
      action: r.action,
      csrfToken: request.csrfToken,
      values: extra.values,
      errors: extra.errors,
      banner: extra.banner,
      open: isOpen(r.form),
      editing: extra.revision !== undefined && extra.revision > 0,
      revision: extra.revision ?? 0,
      hearBack: extra.hearBack,
    }),
  };
}

/** Each refused question's problem in the respondent's language (a field of no question: the form is refused as a whole). */
function fieldErrors(error: z.ZodError, questions: Question[], language: Language): Record<string, string> {
  const m = feedbackTexts(language).errors;
  const out: Record<string, string> = {};
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const issue of error.issues) {
    const id = String(issue.path[0] ?? '');
    const q = byId.get(id);
    if (!q) {
      out[''] = m.invalid;
      continue;
    }
    if (out[id]) continue;
    if (issue.code === 'custom' && issue.message === 'Required') {
      out[id] = m.required;
    } else if (q.type === 'short-text' || q.type === 'long-text') {
      out[id] = issue.code === 'too_big' ? m.tooLong(q.type === 'short-text' ? 200 : 5000) : m.invalid;
    } else if (q.type === 'multiple' && issue.code === 'too_big') {
      out[id] = m.tooMany(q.maxChoices ?? q.options.length);
    } else if (q.type === 'ranking') {
      out[id] = m.ranking;
    } else out[id] = m.invalid;
  }
  return out;
}

/**
 * The consent to hear back if the box was ticked: the words shown next to it, in the language
 * shown, and when (what a consent record keeps). Only attributed answers have someone to tell.
 */
function postedConsent(request: PageRequest, r: Resolved): HearBackConsent | undefined {
  if (r.mode !== 'attributed' || request.form._hearBack !== 'yes') return undefined;
  return {
    text: feedbackTexts(r.language).page.hearBack,
    language: r.language,
    at: new Date().toISOString(),
  };
}

/** Reads and checks the posted answer against `questions`; a page with the problems if it does not fit. */
function parsePosted(
  request: PageRequest,
  r: Resolved,
  questions: Question[],
  revision: number,
): { ok: true; answers: Answers } | { ok: false; result: PageResult } {
  const { _revision: _r, _hearBack: _h, ...fields } = request.form;
  const raw = answersFromForm(questions, fields, request.formLists);
  const parsed = answersSchema(questions).safeParse(raw);
  if (parsed.success) return { ok: true, answers: parsed.data };
  const errors = fieldErrors(parsed.error, questions, r.language);
  // Fields of no question (a tampered form): refused as a whole, nothing written.
  if (errors['']) return { ok: false, result: invalid(request, 422) };
  return {
    ok: false,
    result: page(request, r, questions, {
      status: 422,
      errors,
      values: raw,
      revision,
      hearBack: request.form._hearBack === 'yes',
    }),
  };
}

export const handler = htmlPages(
  {
    'GET /feedback/{token}': publicPage(async (request) => {
      const r = await resolveAttributed(request);
      if (!r?.contact) return invalid(request);
      const existing = await getContactAnswer(r.form.tenantId, r.form.formId, r.contact.contactId);
      if (existing) {
        const questions = await getQuestions(
          r.form.tenantId,
          r.form.formId,
          existing.answer.questionsVersion,
        );
        return page(request, r, questions ?? r.form.questions, {
          values: existing.answer.answers,
          revision: existing.answer.revision,
          hearBack: existing.answer.hearBack !== undefined,
        });
      }
      return page(request, r, r.form.questions);
    }),

    'POST /feedback/{token}': publicPage(async (request) => {
      const r = await resolveAttributed(request);
      if (!r?.contact) return invalid(request);
      const { form } = r;
      const posted = Number(request.form._revision ?? '0');
      const existing = await getContactAnswer(form.tenantId, form.formId, r.contact.contactId);
      if (!isOpen(form)) return page(request, r, form.questions, { status: 409, banner: 'closed' });
      // A new answer where one exists (a second answer, not an edit of the one shown) is refused.
      if (existing && posted !== existing.answer.revision) {
        return page(request, r, form.questions, {
          status: 409,
          banner: 'answered-already',
          revision: existing.answer.revision,
        });
      }
      const questions = existing
        ? ((await getQuestions(form.tenantId, form.formId, existing.answer.questionsVersion)) ??
          form.questions)
        : form.questions;
      const checked = parsePosted(request, r, questions, existing?.answer.revision ?? 0);
      if (!checked.ok) return checked.result;
      const consent = postedConsent(request, r);
      try {
        if (existing) {
          const after = await editAnswer(form, existing, questions, checked.answers, consent);
          return page(request, r, questions, {
            banner: 'updated',
            values: after.answers,
            revision: after.revision,
            hearBack: after.hearBack !== undefined,
          });
        }
        const organisation = r.contact.organisationId
          ? await getOrganisation(form.tenantId, r.contact.organisationId)
          : undefined;
        const answer = await submitAnswer(
          form,
          checked.answers,
          {
            contactId: r.contact.contactId,
            organisationId: r.contact.organisationId,
            organisationType: organisation?.organisationType,
            industry: organisation?.industry,
          },
          consent,
        );
        return page(request, r, questions, {
          banner: 'thanks',
          values: answer.answers,
          revision: answer.revision,
          hearBack: answer.hearBack !== undefined,
        });
      } catch (error) {
        if (error instanceof AnswerRefused) {
          return page(request, r, questions, {
            status: 409,
            banner: 'answered-already',
            values: checked.answers,
          });
        }
        throw error;
      }
    }),

    'GET /forms/{tenantId}/{formId}': publicPage(async (request) => {
      const r = await resolveAnonymous(request);
      return r ? page(request, r, r.form.questions) : invalid(request);
    }),

    'POST /forms/{tenantId}/{formId}': publicPage(async (request) => {
      const r = await resolveAnonymous(request);
      if (!r) return invalid(request);
      const { form } = r;
      if (!isOpen(form)) return page(request, r, form.questions, { status: 409, banner: 'closed' });
      const checked = parsePosted(request, r, form.questions, 0);
      if (!checked.ok) return checked.result;
      // The client is its form token (signed, in its cookie), hashed: no address is read or kept.
      const client = createHash('sha256').update(request.csrfToken).digest('base64url').slice(0, 22);
      const allowed =
        (await withinRate(form.tenantId, form.formId, client, PER_CLIENT_PER_MINUTE)) &&
        (await withinRate(form.tenantId, form.formId, 'all', PER_FORM_PER_MINUTE));
      if (!allowed)
        return page(request, r, form.questions, { status: 429, banner: 'too-fast', values: checked.answers });
      try {
        await submitAnswer(form, checked.answers, undefined);
      } catch (error) {
        if (error instanceof AnswerRefused)
          return page(request, r, form.questions, { status: 409, banner: 'closed' });
        throw error;
      }
      return page(request, r, form.questions, { banner: 'thanks' });
    }),

    'GET /forms/{tenantId}/{formId}/summary': publicPage(async (request) => {
      const { tenantId, formId } = request.event.pathParameters ?? {};
      if (!tenantId || !formId || !/^[a-z0-9-]{2,40}$/.test(tenantId) || !idParam.safeParse(formId).success) {
        return invalid(request);
      }
      const found = await common(tenantId, formId);
      const publication = found?.form.publication;
      if (!found || !publication) return invalid(request);
      const { form, tenant, themes } = found;
      const language = request.language;
      const [counters, quotes] = await Promise.all([
        getFormCounters(tenantId, formId),
        listQuotes(tenantId, formId),
      ]);
      const summary = summarise(form, counters, themes, language, feedbackTexts(language).noTheme);
      const chosen = summary.themes
        .flatMap((t) => t.questions)
        .filter((q) => publication.questionIds.includes(q.questionId));
      // Quotes are masked with the names of the people who wrote them, and every pattern.
      const names = new Map<string, string>();
      for (const id of new Set(
        quotes.map((q) => q.answer.contactId).filter((c): c is string => Boolean(c)),
      )) {
        const contact = await getContact(tenantId, id);
        if (contact) names.set(id, contact.name);
      }
      const questionLabel = (id: string) => {
        const q = form.questions.find((x) => x.id === id);
        return q ? textIn(q.label, language, form.language) : '';
      };
      return {
        kind: 'page',
        body: h(SummaryPage, {
          language,
          form,
          tenantName: tenant.name,
          brand: pageBrand(tenant),
          answers: summary.answers,
          questions: chosen,
          quotes: quotes.flatMap(({ answer, questionId }) => {
            const text = answer.answers[questionId];
            if (typeof text !== 'string') return [];
            return [
              { label: questionLabel(questionId), text: redact(text, { names: [...names.values()] }).text },
            ];
          }),
        }),
      };
    }),
  },
  (status, message, language) => h(ErrorPage, { status, message, language }),
  // The forms' CSRF tokens are signed with the link secret (a key derived for that use only).
  { formTokenSecret: () => requireEnv('LINK_SIGNING_SECRET') },
);
