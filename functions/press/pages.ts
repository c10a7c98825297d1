import { Fragment, h } from 'preact';
import * as z from 'zod';
import { getCampaign } from '../../shared/mail/index.js';
import { csvDocument, csvFileName } from '../../shared/platform/csv/csv.js';
import { HttpError, notFound } from '../../shared/platform/http/errors.js';
import { consolePage, htmlPages, type PageRequest } from '../../shared/platform/http/html-pages.js';
import { idParam, validate } from '../../shared/platform/http/request.js';
import { requireRole } from '../../shared/platform/identity/staff.js';
import { recordBulkExport } from '../../shared/platform/privacy/bulk-export.js';
import type { FieldLabels } from '../../shared/platform/texts/issues.js';
import { languages } from '../../shared/platform/texts/language.js';
import { localInputToInstant } from '../../shared/platform/texts/wall-clock.js';
import { ErrorPage } from '../../shared/platform/ui/error-page.js';
import { releaseCampaignId } from '../../shared/press/actions/distribute.js';
import {
  cancel,
  create,
  deleteReleaseFile,
  previewLink,
  publish,
  releaseOr404,
  schedule,
  update,
  uploadThrough,
} from '../../shared/press/actions/releases.js';
import { ReleaseAnalytics } from '../../shared/press/pages/analytics.js';
import {
  ReleaseConsolePage,
  ReleaseForm,
  ReleasesListPage,
  releaseHref,
} from '../../shared/press/pages/console.js';
import { SubscribersPage } from '../../shared/press/pages/subscribers.js';
import { releaseInputSchema, releaseUpdateSchema } from '../../shared/press/release.js';
import { listReleases, viewCount, viewsByDay } from '../../shared/press/store/releases.js';
import { getPressSettings } from '../../shared/press/store/settings.js';
import { listSubscribers, subscriberCounts } from '../../shared/press/store/subscribers.js';
import { subscriberView, subscriptionOverview } from '../../shared/press/subscribers-view.js';
import { subscriberConsoleTexts } from '../../shared/press/subscription-texts.js';
import { pressTexts } from '../../shared/press/texts.js';
import { listProgrammes } from '../../shared/programmes/index.js';
import { inConsole as page, type SignedIn as Signed, signedIn } from '../console/shell.js';

const releasePath = z.object({ releaseId: idParam });
const filePath = z.object({ releaseId: idParam, fileId: idParam });
const pathOf = <S extends z.ZodType>(schema: S, request: PageRequest): z.infer<S> => {
  const parsed = schema.safeParse(request.event.pathParameters ?? {});
  if (!parsed.success) throw notFound();
  return parsed.data;
};

/** The editor's fields named in the reader's language, for validation messages. */
const labels: FieldLabels = (language) => {
  const m = pressTexts(language).console;
  return {
    headline: m.headline,
    lead: m.lead,
    body: m.body,
    quotes: m.quotes,
    language: m.language,
    topics: m.topics,
    tags: m.tags,
    regions: m.regions,
    contactIds: m.contacts,
    translations: pressTexts(language).newsroom.otherLanguages,
    correction: m.correction,
    themeIds: m.programme,
    programmeId: m.programme,
  };
};

/** The editor's form as a release's fields (empty quote rows left out). */
function releaseFields(request: PageRequest) {
  const { form, formLists } = request;
  const quotes = [0, 1, 2, 3, 4, 5]
    .map((i) => ({
      text: form[`quote${i}Text`] ?? '',
      name: form[`quote${i}Name`] ?? '',
      role: form[`quote${i}Role`] || undefined,
    }))
    .filter((q) => q.text.trim() || q.name.trim());
  return {
    headline: form.headline ?? '',
    lead: form.lead ?? '',
    body: form.body ?? '',
    quotes,
    language: form.language,
    topics: formLists.topics ?? [],
    tags: formLists.tags ?? [],
    regions: formLists.regions ?? [],
    contactIds: formLists.contactIds ?? [],
    programmeId: form.programmeId || undefined,
    themeIds: formLists.themeIds ?? [],
    translations: Object.fromEntries(
      languages.map((code) => [code, form[`translation_${code}`]?.trim()]).filter(([, id]) => id),
    ),
  };
}

const version = (request: PageRequest) => Number(request.form.expectedVersion);

async function editorParts(tenantId: string) {
  const [settings, programmes] = await Promise.all([getPressSettings(tenantId), listProgrammes(tenantId)]);
  return { settings, programmes };
}

async function releasePage(request: PageRequest, signed: Signed, releaseId: string, previewUrl?: string) {
  const { identity, tenant, language } = signed;
  const release = await releaseOr404(identity.tenantId, releaseId);
  const [parts, views, campaign, days] = await Promise.all([
    editorParts(identity.tenantId),
    viewCount(identity.tenantId, releaseId),
    getCampaign(identity.tenantId, releaseCampaignId(identity.tenantId, releaseId)),
    viewsByDay(identity.tenantId, releaseId, ANALYTICS_DAYS),
  ]);
  // The mailing's counters, kept by the mail pipeline: one Query, whatever the number of recipients.
  const mail = campaign && {
    // Mailed: accepted for sending (a suppressed or unsubscribed address is skipped, not mailed).
    recipients: campaign.counters.sent,
    delivered: campaign.counters.delivered,
    bounced: campaign.counters.bounced,
    complained: campaign.counters.complained,
    opened: campaign.counters.opened,
    clicked: campaign.counters.clicked,
  };
  return page(
    request,
    signed,
    release.headline,
    h(
      Fragment,
      null,
      h(ReleaseConsolePage, {
        language,
        csrfToken: request.csrfToken,
        ...parts,
        release,
        timeZone: tenant.timeZone,
        now: new Date(),
        canWrite: identity.role !== 'viewer',
        views,
        previewUrl,
        publicUrl: `${process.env.PUBLIC_BASE_URL ?? ''}/press/${tenant.tenantId}/releases/${release.releaseId}`,
      }),
      h(ReleaseAnalytics, { language, mail, days }),
    ),
  );
}

/** A write: editors and admins only, the release found (or the same 404), then back to its page. */
function releaseWrite(run: (signed: Signed, request: PageRequest, releaseId: string) => Promise<unknown>) {
  return consolePage(async (request) => {
    const signed = await signedIn(request);
    requireRole(signed.identity, 'editor');
    const { releaseId } = pathOf(releasePath, request);
    await run(signed, request, releaseId);
    return { kind: 'redirect', location: releaseHref(releaseId) };
  });
}

/** The days of page views the release's chart shows. */
const ANALYTICS_DAYS = 14;

const listQuery = z.object({ cursor: z.string().max(2048).optional() });

export const handler = htmlPages(
  {
    'GET /console/press-subscribers': consolePage(async (request) => {
      const signed = await signedIn(request);
      const { tenantId } = signed.identity;
      const query = validate('query', listQuery, request.event.queryStringParameters ?? {});
      const [counts, settings, page_] = await Promise.all([
        subscriberCounts(tenantId),
        getPressSettings(tenantId),
        listSubscribers(tenantId, { cursor: query.cursor, limit: 50 }),
      ]);
      return page(
        request,
        signed,
        subscriberConsoleTexts[signed.language].title,
        h(SubscribersPage, {
          language: signed.language,
          timeZone: signed.tenant.timeZone,
          overview: subscriptionOverview(counts, settings),
          items: page_.items.map(subscriberView),
          cursor: page_.cursor,
          canExport: signed.identity.role !== 'viewer',
        }),
      );
    }),

    /** Every confirmed subscriber as CSV (cells guarded against formulas); editors and admins. */
    'GET /console/press-subscribers/export': consolePage(async (request) => {
      const signed = await signedIn(request);
      requireRole(signed.identity, 'editor');
      const rows: (string | boolean | undefined)[][] = [
        [
          'email',
          'name',
          'outlet',
          'topics',
          'regions',
          'language',
          'paused',
          'confirmedAt',
          'consentSource',
          'consentAt',
        ],
      ];
      let cursor: string | undefined;
      do {
        const batch = await listSubscribers(signed.identity.tenantId, { cursor, limit: 100 });
        for (const s of batch.items.map(subscriberView))
          rows.push([
            s.email,
            s.name,
            s.outlet,
            s.topics.join(' '),
            s.regions.join(' '),
            s.language,
            s.paused,
            s.confirmedAt,
            s.consent.source,
            s.consent.at,
          ]);
        cursor = batch.cursor;
      } while (cursor);
      // The journalists' addresses leave the system: the audit log records who took them, and how many.
      await recordBulkExport({
        tenantId: signed.identity.tenantId,
        kind: 'press-subscribers',
        count: rows.length - 1,
        actor: signed.identity.staffId,
      });
      return {
        kind: 'file',
        contentType: 'text/csv; charset=utf-8',
        fileName: csvFileName(`press-subscribers-${signed.identity.tenantId}`, 'subscribers'),
        body: Buffer.from(csvDocument(rows)),
      };
    }),

    'GET /console/press': consolePage(async (request) => {
      const signed = await signedIn(request);
      const query = validate('query', listQuery, request.event.queryStringParameters ?? {});
      const { items, cursor } = await listReleases(signed.identity.tenantId, { cursor: query.cursor });
      return page(
        request,
        signed,
        pressTexts(signed.language).console.title,
        h(ReleasesListPage, {
          language: signed.language,
          timeZone: signed.tenant.timeZone,
          releases: items,
          now: new Date(),
          cursor,
          canWrite: signed.identity.role !== 'viewer',
        }),
      );
    }),

    'GET /console/press/new': consolePage(async (request) => {
      const signed = await signedIn(request);
      requireRole(signed.identity, 'editor');
      const m = pressTexts(signed.language).console;
      return page(
        request,
        signed,
        m.newRelease,
        h('div', {}, [
          h('h1', {}, m.newRelease),
          h(ReleaseForm, {
            language: signed.language,
            csrfToken: request.csrfToken,
            ...(await editorParts(signed.identity.tenantId)),
          }),
        ]),
      );
    }),

    'POST /console/press': consolePage(async (request) => {
      const signed = await signedIn(request);
      requireRole(signed.identity, 'editor');
      const input = validate('body', releaseInputSchema, releaseFields(request), labels);
      const release = await create(signed.identity, input);
      return { kind: 'redirect', location: releaseHref(release.releaseId) };
    }),

    'GET /console/press/{releaseId}': consolePage(async (request) => {
      const signed = await signedIn(request);
      return releasePage(request, signed, pathOf(releasePath, request).releaseId);
    }),

    'POST /console/press/{releaseId}': releaseWrite(async ({ identity }, request, releaseId) => {
      const before = await releaseOr404(identity.tenantId, releaseId);
      const body = {
        ...releaseFields(request),
        expectedVersion: version(request),
        correction: request.form.correction?.trim() || undefined,
      };
      await update(identity, before, validate('body', releaseUpdateSchema, body, labels));
    }),

    'POST /console/press/{releaseId}/schedule': releaseWrite(
      async ({ identity, tenant }, request, releaseId) => {
        const before = await releaseOr404(identity.tenantId, releaseId);
        const publishAt = localInputToInstant(request.form.publishAt ?? '', tenant.timeZone);
        if (!publishAt) {
          throw new HttpError(
            422,
            'Invalid body.publishAt',
            [{ field: 'body.publishAt', message: 'Not a date and time' }],
            {
              text: (language) => pressTexts(language).console.invalidTime,
            },
          );
        }
        await schedule(identity, before, {
          publishAt,
          embargo: request.form.embargo === 'on',
          expectedVersion: version(request),
        });
      },
    ),

    'POST /console/press/{releaseId}/publish': releaseWrite(async ({ identity }, request, releaseId) => {
      await publish(identity, await releaseOr404(identity.tenantId, releaseId), version(request));
    }),

    'POST /console/press/{releaseId}/cancel': releaseWrite(async ({ identity }, request, releaseId) => {
      await cancel(identity, await releaseOr404(identity.tenantId, releaseId), version(request));
    }),

    'POST /console/press/{releaseId}/files': releaseWrite(async ({ identity }, request, releaseId) => {
      const release = await releaseOr404(identity.tenantId, releaseId);
      const file = request.files?.file;
      if (!file) {
        throw new HttpError(422, 'Invalid body.file', [{ field: 'body.file', message: 'Required' }], {
          text: (language) =>
            `${pressTexts(language).console.file}: ${pressTexts(language).console.fileHint}`,
        });
      }
      await uploadThrough(
        identity,
        release,
        {
          kind: request.form.kind ?? '',
          fileName: file.filename,
          contentType: file.contentType,
          alt: request.form.alt?.trim() || undefined,
        },
        file.bytes,
      );
    }),

    'POST /console/press/{releaseId}/files/{fileId}/delete': consolePage(async (request) => {
      const signed = await signedIn(request);
      requireRole(signed.identity, 'editor');
      const { releaseId, fileId } = pathOf(filePath, request);
      await deleteReleaseFile(
        signed.identity,
        await releaseOr404(signed.identity.tenantId, releaseId),
        fileId,
      );
      return { kind: 'redirect', location: releaseHref(releaseId) };
    }),

    // The link is shown once, on the page this answers (it is not stored anywhere).
    'POST /console/press/{releaseId}/preview-link': consolePage(async (request) => {
      const signed = await signedIn(request);
      const { releaseId } = pathOf(releasePath, request);
      const release = await releaseOr404(signed.identity.tenantId, releaseId);
      return releasePage(request, signed, releaseId, (await previewLink(release)).url);
    }),
  },
  (status, message, language) => h(ErrorPage, { status, message, language }),
);
