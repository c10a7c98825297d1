import { h } from 'preact';
import { listEvents } from '../../shared/meetings/store.js';
import { HttpError, notFound } from '../../shared/platform/http/errors.js';
import {
  consolePage,
  htmlPages,
  type PageRequest,
  type PageResult,
} from '../../shared/platform/http/html-pages.js';
import { idParam } from '../../shared/platform/http/request.js';
import { issueOf, issueText } from '../../shared/platform/texts/issues.js';
import { ErrorPage } from '../../shared/platform/ui/error-page.js';
import { listReleases } from '../../shared/press/store/releases.js';
import {
  changeOutcome,
  checkOutcome,
  outcomeOr404,
  programmeOr404,
  publish,
  recordOutcome,
} from '../../shared/programmes/actions/outcomes.js';
import {
  type Outcome,
  type OutcomeLink,
  outcomeInputSchema,
  outcomeUpdateSchema,
} from '../../shared/programmes/outcome.js';
import { OutcomeEditor } from '../../shared/programmes/pages/outcomes.js';
import type { Programme } from '../../shared/programmes/programme.js';
import { programmeTexts } from '../../shared/programmes/texts.js';
import { inConsole, type SignedIn, signedIn } from '../console/shell.js';

/**
 * The console's outcome editor ("you said, we did"): record an outcome on a theme, edit it,
 * publish it. Bad input shows the form again with each field's problem in the reader's language,
 * nothing saved; another tenant's programme or outcome is the same 404 as a missing one.
 */

/** Releases offered to link: the most recent ones (older ones stay linked once linked). */
const RELEASE_CHOICES = 50;

function requireEditor(who: SignedIn) {
  if (!who.canEdit) throw new HttpError(403, 'Your role does not allow this');
}

const programmeHref = (programmeId: string, themeId?: string) =>
  `/console/programmes/${encodeURIComponent(programmeId)}${themeId ? `#theme-${themeId}` : ''}`;

async function programmeOf(request: PageRequest, who: SignedIn): Promise<Programme> {
  const id = idParam.safeParse(request.event.pathParameters?.programmeId);
  if (!id.success) throw notFound();
  return programmeOr404(who.identity.tenantId, id.data);
}

async function outcomeOf(request: PageRequest, who: SignedIn, programme: Programme): Promise<Outcome> {
  const id = idParam.safeParse(request.event.pathParameters?.outcomeId);
  if (!id.success) throw notFound();
  return outcomeOr404(who.identity.tenantId, programme.programmeId, id.data);
}

/** What may be linked: recent releases and the tenant's events, and whatever the outcome links already. */
async function choices(
  tenantId: string,
  outcome?: Outcome,
): Promise<{ releases: OutcomeLink[]; events: OutcomeLink[] }> {
  const [releases, events] = await Promise.all([
    listReleases(tenantId, { limit: RELEASE_CHOICES }),
    listEvents(tenantId),
  ]);
  const merge = (offered: OutcomeLink[], linked: OutcomeLink[] = []) => [
    ...linked,
    ...offered.filter((o) => !linked.some((l) => l.id === o.id)),
  ];
  return {
    releases: merge(
      releases.items.map((r) => ({ id: r.releaseId, title: r.headline })),
      outcome?.releases,
    ),
    events: merge(
      events.map((e) => ({ id: e.eventId, title: e.title })),
      outcome?.events,
    ),
  };
}

async function editor(
  request: PageRequest,
  who: SignedIn,
  programme: Programme,
  values: Record<string, string>,
  linked: { releaseIds: string[]; eventIds: string[] },
  errors: Record<string, string> = {},
  outcome?: Outcome,
): Promise<PageResult> {
  const m = programmeTexts(who.language).outcomes;
  return inConsole(
    request,
    who,
    outcome ? m.editTitle : m.newTitle(programme.themes.find((t) => t.id === values.themeId)?.title ?? ''),
    h(OutcomeEditor, {
      language: who.language,
      programme,
      csrfToken: request.csrfToken,
      values,
      ...linked,
      ...(await choices(who.identity.tenantId, outcome)),
      errors,
      outcome,
    }),
    Object.keys(errors).length ? 422 : 200,
  );
}

/** The posted form as the schema takes it. */
function posted(request: PageRequest) {
  const f = request.form;
  return {
    themeId: f.themeId ?? '',
    title: f.title ?? '',
    body: f.body ?? '',
    status: f.status ?? '',
    ...(f.reason?.trim() ? { reason: f.reason } : {}),
    date: f.date ?? '',
    releaseIds: request.formLists.releaseIds ?? [],
    eventIds: request.formLists.eventIds ?? [],
  };
}

/**
 * Checks the posted outcome: its shape, then the programme and the tenant's links. Problems come
 * back by field in the reader's language.
 */
async function checkPosted<S extends typeof outcomeInputSchema | typeof outcomeUpdateSchema>(
  schema: S,
  input: Record<string, unknown>,
  who: SignedIn,
  programme: Programme,
) {
  const errors: Record<string, string> = {};
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    for (const zodIssue of parsed.error.issues) {
      const field = String(zodIssue.path[0] ?? 'title');
      errors[field] ??= issueText(issueOf(zodIssue, input), who.language);
    }
  }
  // The programme and the links are checked too, so every problem shows at once (a field the
  // shape refused keeps that message).
  const words = programmeTexts(who.language).outcomes.problems;
  const lists = (v: unknown) => (Array.isArray(v) ? v.map(String).slice(0, 10) : []);
  const { links, problems } = await checkOutcome(programme, {
    themeId: String(input.themeId ?? ''),
    date: String(input.date ?? ''),
    releaseIds: lists(input.releaseIds),
    eventIds: lists(input.eventIds),
  });
  for (const p of problems) errors[p.field.replace(/^body\./, '')] ??= words[p.code];
  if (!parsed.success || Object.keys(errors).length) return { ok: false as const, errors };
  return { ok: true as const, data: parsed.data, links };
}

export const handler = htmlPages(
  {
    'GET /console/programmes/{programmeId}/outcomes/new': consolePage(async (request) => {
      const who = await signedIn(request);
      requireEditor(who);
      const programme = await programmeOf(request, who);
      const asked = request.event.queryStringParameters?.themeId;
      const themeId = programme.themes.find((t) => t.id === asked)?.id ?? programme.themes[0]?.id ?? '';
      const today = new Date().toISOString().slice(0, 10);
      return editor(
        request,
        who,
        programme,
        { themeId, status: 'planned', date: today },
        { releaseIds: [], eventIds: [] },
      );
    }),

    'POST /console/programmes/{programmeId}/outcomes': consolePage(async (request) => {
      const who = await signedIn(request);
      requireEditor(who);
      const programme = await programmeOf(request, who);
      const input = posted(request);
      const checked = await checkPosted(outcomeInputSchema, input, who, programme);
      if (!checked.ok) return editor(request, who, programme, request.form, input, checked.errors);
      const outcome = await recordOutcome(who.identity, programme, checked.data, checked.links);
      return { kind: 'redirect', location: programmeHref(programme.programmeId, outcome.themeId) };
    }),

    'GET /console/programmes/{programmeId}/outcomes/{outcomeId}': consolePage(async (request) => {
      const who = await signedIn(request);
      requireEditor(who);
      const programme = await programmeOf(request, who);
      const outcome = await outcomeOf(request, who, programme);
      return editor(
        request,
        who,
        programme,
        {
          themeId: outcome.themeId,
          title: outcome.title,
          body: outcome.body,
          status: outcome.status,
          reason: outcome.reason ?? '',
          date: outcome.date,
        },
        { releaseIds: outcome.releases.map((r) => r.id), eventIds: outcome.events.map((e) => e.id) },
        {},
        outcome,
      );
    }),

    'POST /console/programmes/{programmeId}/outcomes/{outcomeId}': consolePage(async (request) => {
      const who = await signedIn(request);
      requireEditor(who);
      const programme = await programmeOf(request, who);
      const before = await outcomeOf(request, who, programme);
      const input = { ...posted(request), expectedVersion: Number(request.form.expectedVersion) };
      const checked = await checkPosted(outcomeUpdateSchema, input, who, programme);
      if (!checked.ok) return editor(request, who, programme, request.form, input, checked.errors, before);
      const after = await changeOutcome(
        who.identity,
        programme,
        before,
        checked.data as typeof checked.data & { expectedVersion: number },
        checked.links,
      );
      return { kind: 'redirect', location: programmeHref(programme.programmeId, after.themeId) };
    }),

    'POST /console/programmes/{programmeId}/outcomes/{outcomeId}/publish': consolePage(async (request) => {
      const who = await signedIn(request);
      requireEditor(who);
      const programme = await programmeOf(request, who);
      const before = await outcomeOf(request, who, programme);
      await publish(who.identity, before, Number(request.form.expectedVersion) || 0);
      return { kind: 'redirect', location: programmeHref(programme.programmeId, before.themeId) };
    }),
  },
  (status, message, language) => h(ErrorPage, { status, message, language }),
);
