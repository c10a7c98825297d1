import { h } from 'preact';
import * as z from 'zod';
import { listContacts } from '../../shared/directory/index.js';
import { organisationTypes } from '../../shared/directory/schemas.js';
import { directoryTexts } from '../../shared/directory/texts.js';
import { requeueCampaign } from '../../shared/mail/actions/reconcile.js';
import { addressKey, type Campaign, mailingState } from '../../shared/mail/campaign.js';
import { MailingPage, MailingsPage, mailingHref } from '../../shared/mail/pages/mailings.js';
import { type SegmentNotice, SegmentsPage, segmentNotices } from '../../shared/mail/pages/segments.js';
import { type KnownPerson, SuppressionsPage } from '../../shared/mail/pages/suppressions.js';
import {
  emptySegmentForm,
  parseSegmentForm,
  type SegmentFormError,
  type SegmentFormErrors,
  type SegmentFormValues,
  segmentNameSchema,
} from '../../shared/mail/segment.js';
import { getCampaign, listCampaigns } from '../../shared/mail/store/campaigns.js';
import {
  createSegment,
  deleteSegment,
  renameSegment,
  segmentsPage,
  segmentsRange,
} from '../../shared/mail/store/segments.js';
import { isMailPaused } from '../../shared/mail/store/sending-state.js';
import {
  listSuppressions,
  listUnsubscribes,
  removeSuppression,
} from '../../shared/mail/store/suppressions.js';
import { mailConsoleTexts } from '../../shared/mail/texts/console.js';
import { segmentTexts } from '../../shared/mail/texts/segments.js';
import { suppressionTexts } from '../../shared/mail/texts/suppressions.js';
import { notFound } from '../../shared/platform/http/errors.js';
import {
  consolePage,
  htmlPages,
  type PageRequest,
  type PageResult,
} from '../../shared/platform/http/html-pages.js';
import { idParam } from '../../shared/platform/http/request.js';
import { requireRole } from '../../shared/platform/identity/staff.js';
import { decodeCursor, encodeCursor } from '../../shared/platform/table/cursor.js';
import { ErrorPage } from '../../shared/platform/ui/error-page.js';
import { inConsole as page, type SignedIn as Signed, signedIn } from '../console/shell.js';

/*
 * The console's mailing pages: every campaign of the tenant with where it stands (scheduled,
 * paused, sending, stalled, sent with or without failures) and its figures, and the button that
 * continues a stalled one. Viewers see everything; continuing needs the editor role.
 */

/** The signed-in tenant's campaign: another tenant's id, or a malformed one, is simply not found. */
async function campaignOf(request: PageRequest, who: Signed): Promise<Campaign> {
  const id = idParam.safeParse(request.event.pathParameters?.campaignId);
  if (!id.success) throw notFound();
  const campaign = await getCampaign(who.identity.tenantId, id.data);
  if (!campaign) throw notFound();
  return campaign;
}

const notices = ['resumed', 'cannot-resume'] as const;

const SEGMENTS_PER_PAGE = 50;
const SEGMENTS_PATH = '/console/mailings/segments';

function segmentIdOf(request: PageRequest): string {
  const id = idParam.safeParse(request.event.pathParameters?.segmentId);
  if (!id.success) throw notFound();
  return id.data;
}

/** The saved segments page: a page of segments (its cursor checked), the new-segment form. */
async function segmentsView(
  request: PageRequest,
  who: Signed,
  form: {
    values?: SegmentFormValues;
    errors?: SegmentFormErrors;
    renameError?: { segmentId: string; error: SegmentFormError };
  } = {},
  status = 200,
): Promise<PageResult> {
  const tenantId = who.identity.tenantId;
  const query = request.event.queryStringParameters ?? {};
  const found = await segmentsPage(tenantId, {
    cursor: decodeCursor(query.cursor, segmentsRange(tenantId)),
    limit: SEGMENTS_PER_PAGE,
  });
  const next = encodeCursor(found.next);
  const typeNames = directoryTexts(who.language).organisationTypes;
  return page(
    request,
    who,
    segmentTexts(who.language).title,
    h(SegmentsPage, {
      language: who.language,
      timeZone: who.timeZone,
      csrfToken: request.csrfToken,
      segments: found.items,
      nextHref: next ? `${SEGMENTS_PATH}?cursor=${encodeURIComponent(next)}` : undefined,
      canEdit: who.canEdit,
      values: form.values ?? emptySegmentForm(),
      errors: form.errors ?? {},
      renameError: form.renameError,
      organisationTypes: organisationTypes.map((value) => ({ value, label: typeNames[value] })),
      notice: segmentNotices.find((n) => n === query.notice) as SegmentNotice | undefined,
    }),
    status,
  );
}

export const handler = htmlPages(
  {
    'GET /console/mailings': consolePage(async (request) => {
      const who = await signedIn(request);
      const [campaigns, paused] = await Promise.all([
        listCampaigns(who.identity.tenantId),
        isMailPaused(who.identity.tenantId),
      ]);
      const now = new Date();
      const rows = campaigns.map((campaign) => ({ campaign, state: mailingState(campaign, now, paused) }));
      return page(
        request,
        who,
        mailConsoleTexts(who.language).title,
        h(MailingsPage, { language: who.language, timeZone: who.timeZone, rows }),
      );
    }),

    /*
     * Addresses that get no mail, and why. The records hold only a hash of the address; the
     * address book says whose it is, where it knows.
     */
    'GET /console/mailings/suppressions': consolePage(async (request) => {
      const who = await signedIn(request);
      const tenantId = who.identity.tenantId;
      const [suppressed, unsubscribed, contacts, campaigns] = await Promise.all([
        listSuppressions(tenantId),
        listUnsubscribes(tenantId),
        listContacts(tenantId),
        listCampaigns(tenantId),
      ]);
      const people = new Map<string, KnownPerson>(
        contacts.map((c) => [
          addressKey(c.email),
          { name: c.name, email: c.email, href: `/console/contacts/${encodeURIComponent(c.contactId)}` },
        ]),
      );
      const campaignNames = new Map(campaigns.map((c) => [c.campaignId, c.name]));
      return page(
        request,
        who,
        suppressionTexts(who.language).title,
        h(SuppressionsPage, {
          language: who.language,
          timeZone: who.timeZone,
          csrfToken: request.csrfToken,
          suppressed: suppressed.map((s) => ({ ...s, person: people.get(s.addressKey) })),
          unsubscribed: unsubscribed.map((u) => ({
            ...u,
            person: people.get(u.addressKey),
            campaignName: campaignNames.get(u.source.split(':')[1] ?? ''),
          })),
          canLift: who.identity.role === 'admin',
          lifted: request.event.queryStringParameters?.lifted === '1',
        }),
      );
    }),

    'POST /console/mailings/suppressions/{addressKey}/lift': consolePage(async (request) => {
      const key = z
        .string()
        .regex(/^[A-Za-z0-9_-]{32}$/)
        .safeParse(request.event.pathParameters?.addressKey);
      if (!key.success) throw notFound();
      const who = await signedIn(request);
      requireRole(who.identity, 'admin');
      if (!(await removeSuppression(who.identity.tenantId, key.data))) throw notFound();
      return { kind: 'redirect', location: '/console/mailings/suppressions?lifted=1' };
    }),

    /** Saved segments: named audience rules, reused when inviting to an event or sending a campaign. */
    'GET /console/mailings/segments': consolePage(async (request) =>
      segmentsView(request, await signedIn(request)),
    ),

    'POST /console/mailings/segments': consolePage(async (request) => {
      const who = await signedIn(request);
      requireRole(who.identity, 'editor');
      const parsed = parseSegmentForm(request.form);
      if (!parsed.input)
        return segmentsView(request, who, { values: parsed.values, errors: parsed.errors }, 422);
      await createSegment(who.identity.tenantId, parsed.input, who.identity.staffId);
      return { kind: 'redirect', location: `${SEGMENTS_PATH}?notice=created` };
    }),

    'POST /console/mailings/segments/{segmentId}/rename': consolePage(async (request) => {
      const who = await signedIn(request);
      requireRole(who.identity, 'editor');
      const segmentId = segmentIdOf(request);
      const name = segmentNameSchema.safeParse(request.form.name ?? '');
      if (!name.success) {
        const error = (request.form.name ?? '').trim() === '' ? 'nameRequired' : 'nameInvalid';
        return segmentsView(request, who, { renameError: { segmentId, error } }, 422);
      }
      if (!(await renameSegment(who.identity.tenantId, segmentId, name.data, who.identity.staffId)))
        throw notFound();
      return { kind: 'redirect', location: `${SEGMENTS_PATH}?notice=renamed` };
    }),

    'POST /console/mailings/segments/{segmentId}/delete': consolePage(async (request) => {
      const who = await signedIn(request);
      requireRole(who.identity, 'editor');
      if (!(await deleteSegment(who.identity.tenantId, segmentIdOf(request), who.identity.staffId)))
        throw notFound();
      return { kind: 'redirect', location: `${SEGMENTS_PATH}?notice=deleted` };
    }),

    'GET /console/mailings/{campaignId}': consolePage(async (request) => {
      const who = await signedIn(request);
      const [campaign, paused] = await Promise.all([
        campaignOf(request, who),
        isMailPaused(who.identity.tenantId),
      ]);
      const notice = notices.find((n) => n === request.event.queryStringParameters?.notice);
      return page(
        request,
        who,
        campaign.name,
        h(MailingPage, {
          language: who.language,
          timeZone: who.timeZone,
          row: { campaign, state: mailingState(campaign, new Date(), paused) },
          canResume: who.identity.role !== 'viewer',
          csrfToken: request.csrfToken,
          notice,
        }),
      );
    }),

    /**
     * Continues a stalled mailing now, rather than at the reconciler's next round: its remaining
     * mails go back in the queue (a mail already sent is not sent again: each is claimed once).
     */
    'POST /console/mailings/{campaignId}/resume': consolePage(async (request) => {
      const who = await signedIn(request);
      requireRole(who.identity, 'editor');
      const campaign = await campaignOf(request, who);
      const now = new Date();
      const state = mailingState(campaign, now, await isMailPaused(who.identity.tenantId));
      if (state !== 'stalled')
        return { kind: 'redirect', location: `${mailingHref(campaign.campaignId)}?notice=cannot-resume` };
      await requeueCampaign(campaign, now);
      return { kind: 'redirect', location: `${mailingHref(campaign.campaignId)}?notice=resumed` };
    }),
  },
  (status, message, language) => h(ErrorPage, { status, message, language }),
);
