import { h } from 'preact';
import { rectificationSchema } from '../../shared/directory/index.js';
import { requireEnv } from '../../shared/platform/aws/env.js';
import { notFound } from '../../shared/platform/http/errors.js';
import {
  consolePage,
  htmlPages,
  type PageRequest,
  tokenPage,
} from '../../shared/platform/http/html-pages.js';
import { idParam } from '../../shared/platform/http/request.js';
import { requireRole } from '../../shared/platform/identity/staff.js';
import { decodeCursor, encodeCursor } from '../../shared/platform/table/cursor.js';
import { tenantSettingsSchema } from '../../shared/platform/tenants/settings.js';
import { updateTenantSettings } from '../../shared/platform/tenants/store.js';
import { issueOf, issueText } from '../../shared/platform/texts/issues.js';
import { pageBrand } from '../../shared/platform/ui/brand.js';
import { ErrorPage } from '../../shared/platform/ui/error-page.js';
import { prepareExport } from '../../shared/privacy/actions/export.js';
import { keepContact, keepOfLink } from '../../shared/privacy/actions/keep.js';
import { actOnObjection } from '../../shared/privacy/actions/objection.js';
import { actOnRectification, rectificationStart } from '../../shared/privacy/actions/rectification.js';
import { scheduleRetention } from '../../shared/privacy/actions/retention.js';
import { KeepPage } from '../../shared/privacy/pages/keep.js';
import { AuditPage, RequestPage, RequestsPage } from '../../shared/privacy/pages/requests.js';
import { isOpen, requestInputSchema, statusInputSchema, todayIn } from '../../shared/privacy/request.js';
import {
  auditPut,
  auditRange,
  getRequest,
  listAudit,
  listRequests,
  type PrivacyRequest,
  RequestConflict,
  recordRequest,
  requestErasure,
  requestsRange,
  setRequestStatus,
} from '../../shared/privacy/store.js';
import { privacyTexts } from '../../shared/privacy/texts.js';
import { inConsole, type SignedIn, signedIn } from '../console/shell.js';

/*
 * The console's privacy pages: the register of data-subject requests and the audit log. Admins
 * only: a request names a person and what they asked, and the log shows who handled whom.
 */

async function admin(request: PageRequest): Promise<SignedIn> {
  const who = await signedIn(request);
  requireRole(who.identity, 'admin');
  return who;
}

async function requestsPage(
  request: PageRequest,
  who: SignedIn,
  values: Record<string, string>,
  errors: Record<string, string>,
) {
  const tenantId = who.identity.tenantId;
  const cursor = decodeCursor(request.event.queryStringParameters?.cursor, requestsRange(tenantId));
  const page = await listRequests(tenantId, { cursor });
  return inConsole(
    request,
    who,
    privacyTexts(who.language).title,
    h(RequestsPage, {
      language: who.language,
      today: todayIn(who.timeZone),
      requests: page.requests,
      nextCursor: encodeCursor(page.cursor),
      values,
      errors,
      csrfToken: request.csrfToken,
      archive: {
        feedbackAnswersAreOfficial: who.tenant.settings?.archive?.feedbackAnswersAreOfficial ?? false,
        saved: request.event.queryStringParameters?.saved === '1',
      },
      retention: {
        deliveryMonths: values.deliveryMonths ?? String(who.tenant.settings?.retention?.deliveryMonths ?? ''),
        feedbackAttributionMonths:
          values.feedbackAttributionMonths ??
          String(who.tenant.settings?.retention?.feedbackAttributionMonths ?? ''),
        inactiveContactMonths:
          values.inactiveContactMonths ?? String(who.tenant.settings?.retention?.inactiveContactMonths ?? ''),
      },
    }),
    Object.keys(errors).length ? 422 : 200,
  );
}

async function requestOf(request: PageRequest, who: SignedIn) {
  const id = idParam.safeParse(request.event.pathParameters?.requestId);
  if (!id.success) throw notFound();
  // Read under the signed-in tenant: another tenant's request id is simply not found.
  const found = await getRequest(who.identity.tenantId, id.data);
  if (!found) throw notFound();
  return found;
}

/** The rectification form's start: the contact's details now (only for an open rectification). */
async function rectificationProps(
  found: PrivacyRequest,
  typed?: Record<string, string | undefined>,
  errors: Record<string, string> = {},
) {
  if (found.kind !== 'rectification' || !isOpen(found.status)) return undefined;
  const { contact, organisations } = await rectificationStart(found);
  return {
    found: contact !== undefined,
    values: typed ?? { name: contact?.name, email: contact?.email, organisationId: contact?.organisationId },
    errors,
    organisations,
  };
}

/** A request's page in the console: its record, and what this answer adds (a notice, a link, the form). */
function requestPage(
  request: PageRequest,
  who: SignedIn,
  found: PrivacyRequest,
  extra: Partial<
    Pick<Parameters<typeof RequestPage>[0], 'recorded' | 'conflict' | 'rectification' | 'exportLink'>
  >,
) {
  return inConsole(
    request,
    who,
    privacyTexts(who.language).kinds[found.kind],
    h(RequestPage, {
      language: who.language,
      timeZone: who.timeZone,
      today: todayIn(who.timeZone),
      request: found,
      recorded: false,
      conflict: false,
      csrfToken: request.csrfToken,
      ...extra,
    }),
  );
}

/** A rectification from its form: refused with words on the field (nothing written), or done. */
async function rectify(request: PageRequest, who: SignedIn, found: PrivacyRequest) {
  const m = privacyTexts(who.language).rectification;
  const location = `/console/privacy/requests/${found.requestId}`;
  const typed = {
    name: request.form.name,
    email: request.form.email,
    organisationId: request.form.organisationId || undefined,
  };
  const parsed = rectificationSchema.safeParse(typed);
  let errors: Record<string, string> = {};
  if (!parsed.success) {
    for (const zodIssue of parsed.error.issues) {
      errors[String(zodIssue.path[0] ?? 'name')] ??= issueText(issueOf(zodIssue, typed), who.language);
    }
  } else {
    try {
      const outcome = await actOnRectification(found, parsed.data, who.identity.staffId);
      if (outcome.kind === 'closed') return { kind: 'redirect' as const, location: `${location}?conflict=1` };
      if (outcome.kind === 'done') return { kind: 'redirect' as const, location };
      if (outcome.kind === 'refused')
        errors = { [outcome.field]: outcome.field === 'email' ? m.emailTaken : m.unknownOrganisation };
      if (outcome.kind === 'no-contact') errors = { email: m.noContact };
    } catch (error) {
      if (error instanceof RequestConflict)
        return { kind: 'redirect' as const, location: `${location}?conflict=1` };
      throw error;
    }
  }
  const page = requestPage(request, who, found, {
    rectification: await rectificationProps(found, typed, errors),
  });
  return page;
}

const noStore = { 'cache-control': 'no-store', 'x-robots-tag': 'noindex', 'referrer-policy': 'no-referrer' };

/** The page behind a keep link: asks (GET), or keeps the contact and says so (POST). */
const keepLinkPage = (keep: boolean) =>
  tokenPage(async ({ event, language }) => {
    const found = await keepOfLink(event.pathParameters?.token);
    if (!found)
      return {
        kind: 'page',
        status: 404,
        headers: noStore,
        body: h(KeepPage, { language, state: 'invalid' }),
      };
    if (keep) await keepContact(found);
    return {
      kind: 'page',
      headers: noStore,
      body: h(KeepPage, {
        language: found.contact.language ?? found.tenant.language,
        state: keep ? 'done' : 'confirm',
        tenantName: found.tenant.name,
        brand: pageBrand(found.tenant),
        ...(keep ? {} : { action: event.rawPath }),
      }),
    };
  });

export const handler = htmlPages(
  {
    // The keep link of a retention notice: GET asks (mail scanners follow links), POST keeps.
    // The signed token is the only credential; a bad or expired one is the same 404 as missing.
    'GET /keep/{token}': keepLinkPage(false),
    'POST /keep/{token}': keepLinkPage(true),

    'GET /console/privacy': consolePage(async (request) =>
      requestsPage(request, await admin(request), {}, {}),
    ),

    'POST /console/privacy/requests': consolePage(async (request) => {
      const who = await admin(request);
      const { _csrf: _ignored, ...input } = request.form;
      const parsed = requestInputSchema.safeParse({
        ...input,
        identityNote: input.identityNote || undefined,
      });
      if (!parsed.success) {
        const errors: Record<string, string> = {};
        for (const zodIssue of parsed.error.issues) {
          errors[zodIssue.path.map(String).join('.') || 'kind'] ??= issueText(
            issueOf(zodIssue, input),
            who.language,
          );
        }
        return requestsPage(request, who, request.form, errors);
      }
      const recorded = await recordRequest(
        who.identity.tenantId,
        parsed.data,
        who.identity.staffId,
        requireEnv('LINK_SIGNING_SECRET'),
      );
      return { kind: 'redirect', location: `/console/privacy/requests/${recorded.requestId}?recorded=1` };
    }),

    'GET /console/privacy/requests/{requestId}': consolePage(async (request) => {
      const who = await admin(request);
      const found = await requestOf(request, who);
      const q = request.event.queryStringParameters ?? {};
      return requestPage(request, who, found, {
        recorded: q.recorded === '1',
        conflict: q.conflict === '1',
        rectification: await rectificationProps(found),
      });
    }),

    'POST /console/privacy/requests/{requestId}/export': consolePage(async (request) => {
      const who = await admin(request);
      const found = await requestOf(request, who);
      const { token, count } = await prepareExport(found, who.identity.staffId);
      // Shown once, on this answer: the link is not kept anywhere (it is the person's key to their data).
      return requestPage(request, who, found, {
        exportLink: { url: `${requireEnv('PUBLIC_BASE_URL')}/privacy-export/${token}`, count },
      });
    }),

    'POST /console/privacy/requests/{requestId}/erase': consolePage(async (request) => {
      const who = await admin(request);
      const found = await requestOf(request, who);
      const location = `/console/privacy/requests/${found.requestId}`;
      try {
        await requestErasure(found, who.identity.staffId);
      } catch (error) {
        if (error instanceof RequestConflict) return { kind: 'redirect', location: `${location}?conflict=1` };
        throw error;
      }
      return { kind: 'redirect', location };
    }),

    // Carries out what an objection asks for (a rectification has its own fields on the same page).
    'POST /console/privacy/requests/{requestId}/carry-out': consolePage(async (request) => {
      const who = await admin(request);
      const found = await requestOf(request, who);
      const location = `/console/privacy/requests/${found.requestId}`;
      if (found.kind === 'rectification') return rectify(request, who, found);
      if (found.kind !== 'objection') throw notFound();
      try {
        // Closed meanwhile (another admin, another tab): told, nothing written.
        if (!(await actOnObjection(found, who.identity.staffId)))
          return { kind: 'redirect', location: `${location}?conflict=1` };
      } catch (error) {
        if (error instanceof RequestConflict) return { kind: 'redirect', location: `${location}?conflict=1` };
        throw error;
      }
      return { kind: 'redirect', location };
    }),

    'POST /console/privacy/retention': consolePage(async (request) => {
      const who = await admin(request);
      const months = (field: string) => {
        const text = (request.form[field] ?? '').trim();
        return text === '' ? undefined : Number(text);
      };
      const retention = {
        deliveryMonths: months('deliveryMonths'),
        feedbackAttributionMonths: months('feedbackAttributionMonths'),
        inactiveContactMonths: months('inactiveContactMonths'),
      };
      const input = { ...(who.tenant.settings ?? {}), retention };
      const parsed = tenantSettingsSchema.safeParse(input);
      if (!parsed.success) {
        const errors: Record<string, string> = {};
        for (const zodIssue of parsed.error.issues) {
          errors[String(zodIssue.path.at(-1))] ??= issueText(issueOf(zodIssue, input), who.language);
        }
        return requestsPage(request, who, request.form, errors);
      }
      const before = JSON.stringify(who.tenant.settings?.retention ?? {});
      if (before !== JSON.stringify(parsed.data.retention ?? {})) {
        await updateTenantSettings(
          who.tenant,
          { retention: parsed.data.retention },
          who.identity.staffId,
          undefined,
          [
            auditPut(who.identity.tenantId, {
              action: 'retention-rule-changed',
              actor: who.identity.staffId,
              what: `retention: delivery records ${retention.deliveryMonths ?? '-'} months, feedback names ${retention.feedbackAttributionMonths ?? '-'} months, contacts without engagement ${retention.inactiveContactMonths ?? '-'} months`,
              count: 1,
            }),
          ],
        );
        // The first nightly run; each run schedules the next.
        await scheduleRetention(who.identity.tenantId, who.timeZone, todayIn(who.timeZone));
      }
      return { kind: 'redirect', location: '/console/privacy?saved=1' };
    }),

    'POST /console/privacy/archive': consolePage(async (request) => {
      const who = await admin(request);
      const official = request.form.feedbackAnswersAreOfficial === 'on';
      const before = who.tenant.settings?.archive?.feedbackAnswersAreOfficial;
      if (before !== official) {
        // The rule and its audit entry in one transaction (with TenantSettingsChanged); only this section.
        const archive = { feedbackAnswersAreOfficial: official };
        await updateTenantSettings(who.tenant, { archive }, who.identity.staffId, undefined, [
          auditPut(who.identity.tenantId, {
            action: 'retention-rule-changed',
            actor: who.identity.staffId,
            what: `archive rule: feedback answers are official documents = ${official}`,
            count: 1,
          }),
        ]);
      }
      return { kind: 'redirect', location: '/console/privacy?saved=1' };
    }),

    'POST /console/privacy/requests/{requestId}/status': consolePage(async (request) => {
      const who = await admin(request);
      const found = await requestOf(request, who);
      const parsed = statusInputSchema.safeParse({ status: request.form.status });
      const location = `/console/privacy/requests/${found.requestId}`;
      if (!parsed.success) return { kind: 'redirect', location };
      // The form says which status the admin saw: acting on a request someone changed meanwhile is refused.
      if (request.form.from !== found.status) return { kind: 'redirect', location: `${location}?conflict=1` };
      try {
        await setRequestStatus(found, parsed.data.status, who.identity.staffId);
      } catch (error) {
        if (error instanceof RequestConflict) return { kind: 'redirect', location: `${location}?conflict=1` };
        throw error;
      }
      return { kind: 'redirect', location };
    }),

    'GET /console/privacy/audit': consolePage(async (request) => {
      const who = await admin(request);
      const tenantId = who.identity.tenantId;
      const cursor = decodeCursor(request.event.queryStringParameters?.cursor, auditRange(tenantId));
      const page = await listAudit(tenantId, { cursor });
      return inConsole(
        request,
        who,
        privacyTexts(who.language).auditHeading,
        h(AuditPage, {
          language: who.language,
          timeZone: who.timeZone,
          entries: page.entries,
          nextCursor: encodeCursor(page.cursor),
        }),
      );
    }),
  },
  (status, message, language) => h(ErrorPage, { status, message, language }),
);
