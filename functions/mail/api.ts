import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { requeueCampaign } from '../../shared/mail/actions/reconcile.js';
import { audienceSchema, mailingState, pendingOf } from '../../shared/mail/campaign.js';
import { segmentInputSchema, segmentNameSchema } from '../../shared/mail/segment.js';
import {
  createCampaign,
  getCampaign,
  listCampaigns,
  requestSend,
} from '../../shared/mail/store/campaigns.js';
import { deliveriesRange, listDeliveries } from '../../shared/mail/store/deliveries.js';
import {
  createSegment,
  deleteSegment,
  getSegment,
  renameSegment,
  segmentsPage,
  segmentsRange,
} from '../../shared/mail/store/segments.js';
import {
  accountScope,
  getSendingState,
  isMailPaused,
  listHeld,
  recentRates,
  resumeSending,
  type SendingScope,
} from '../../shared/mail/store/sending-state.js';
import { listSuppressions, removeSuppression } from '../../shared/mail/store/suppressions.js';
import {
  isBulkKind,
  type MessageInput,
  renderMessage,
  staffComposableKinds,
  staffContentSchema,
} from '../../shared/message-kinds.js';
import { deadLetterQueueUrl, queueUrl, redrive } from '../../shared/platform/aws/queue.js';
import { HttpError, notFound } from '../../shared/platform/http/errors.js';
import { jsonApi, operatorOrStaff, operatorRoute, staffRoute } from '../../shared/platform/http/json-api.js';
import { idParam } from '../../shared/platform/http/request.js';
import { decodeCursor, encodeCursor } from '../../shared/platform/table/cursor.js';
import { previewMailBrandOf } from '../../shared/platform/tenants/mail-brand.js';
import { getTenant } from '../../shared/platform/tenants/store.js';
import { languages } from '../../shared/platform/texts/language.js';

const campaignPath = z.object({ campaignId: idParam });

/** A scope's pause switch, its rates over the rule's window, and its campaigns holding deliveries. */
async function sendingHealth(scope: SendingScope) {
  const [state, rates, held] = await Promise.all([
    getSendingState(scope),
    recentRates(new Date(), scope),
    listHeld(scope),
  ]);
  return { ...state, rates, heldCampaigns: held.items, moreHeld: Boolean(held.cursor) };
}

const campaignInput = z
  .object({
    name: z.string().trim().min(1, 'Required').max(200),
    // Only the kinds staff compose (announcements): a transactional kind would reach people who
    // unsubscribed, without List-Unsubscribe, with whatever subject and links it was given.
    content: staffContentSchema,
    // Either an audience built for this campaign, or a saved segment's (copied now).
    audience: audienceSchema.optional(),
    segmentId: idParam.optional(),
  })
  .strict()
  .refine((body) => (body.audience === undefined) !== (body.segmentId === undefined), {
    path: ['audience'],
    message: 'Give either an audience or a segmentId',
  });

const segmentPath = z.object({ segmentId: idParam });
const segmentsQuery = z.object({
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

/** The tenant's segment, or a 422 naming the field: another tenant's id is as unknown as a made-up one. */
async function segmentOr422(tenantId: string, segmentId: string, field = 'body.segmentId') {
  const segment = await getSegment(tenantId, segmentId);
  if (!segment) throw new HttpError(422, `Invalid ${field}`, [{ field, message: 'No such segment' }]);
  return segment;
}

const deliveriesQuery = z.object({
  status: z
    .enum(['queued', 'sending', 'sent', 'delivered', 'bounced', 'complained', 'failed', 'skipped'])
    .optional(),
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const handler = jsonApi({
  'GET /api/campaigns': staffRoute({}, async ({ identity }) => ({
    body: { items: await listCampaigns(identity.tenantId) },
  })),

  'POST /api/campaigns': staffRoute({ body: campaignInput }, async ({ identity, body }) => {
    const segment = body.segmentId ? await segmentOr422(identity.tenantId, body.segmentId) : undefined;
    const campaign = await createCampaign({
      tenantId: identity.tenantId,
      name: body.name,
      kind: body.content.kind,
      content: body.content.data as Record<string, unknown>,
      // A segment is evaluated when the campaign is sent: its definition is copied, not its people.
      audience: segment ? segment.audience : (body.audience as NonNullable<typeof body.audience>),
      ...(segment ? { segment: { segmentId: segment.segmentId, name: segment.name } } : {}),
      bulk: isBulkKind(body.content.kind),
      createdBy: identity.staffId,
    });
    return { status: 201, body: campaign, headers: { location: `/api/campaigns/${campaign.campaignId}` } };
  }),

  /** Saved segments: named audience definitions, a page at a time. */
  'GET /api/segments': staffRoute({ query: segmentsQuery }, async ({ identity, query }) => {
    const page = await segmentsPage(identity.tenantId, {
      cursor: decodeCursor(query.cursor, segmentsRange(identity.tenantId)),
      limit: query.limit,
    });
    return { body: { items: page.items, cursor: encodeCursor(page.next) } };
  }),

  'POST /api/segments': staffRoute({ body: segmentInputSchema }, async ({ identity, body }) => {
    const segment = await createSegment(identity.tenantId, body, identity.staffId);
    return { status: 201, body: segment, headers: { location: `/api/segments/${segment.segmentId}` } };
  }),

  'GET /api/segments/{segmentId}': staffRoute({ path: segmentPath }, async ({ identity, path }) => {
    const segment = await getSegment(identity.tenantId, path.segmentId);
    if (!segment) throw notFound();
    return { body: segment };
  }),

  'PUT /api/segments/{segmentId}': staffRoute(
    { path: segmentPath, body: z.object({ name: segmentNameSchema }).strict() },
    async ({ identity, path, body }) => {
      const segment = await renameSegment(identity.tenantId, path.segmentId, body.name, identity.staffId);
      if (!segment) throw notFound();
      return { body: segment };
    },
  ),

  'DELETE /api/segments/{segmentId}': staffRoute({ path: segmentPath }, async ({ identity, path }) => {
    if (!(await deleteSegment(identity.tenantId, path.segmentId, identity.staffId))) throw notFound();
    return { status: 204 };
  }),

  'GET /api/campaigns/{campaignId}': staffRoute({ path: campaignPath }, async ({ identity, path }) => {
    const [campaign, paused] = await Promise.all([
      getCampaign(identity.tenantId, path.campaignId),
      isMailPaused(identity.tenantId),
    ]);
    if (!campaign) throw notFound();
    // Where it stands (sending, held, stalled, sent-with-failures…) and what is left, with its figures.
    return {
      body: {
        ...campaign,
        state: mailingState(campaign, new Date(), paused),
        pending: pendingOf(campaign.counters),
      },
    };
  }),

  /**
   * Continues a stalled campaign now (the reconciler would within minutes): its remaining mails
   * back in the queue, its expansion from the page it reached. A mail already sent is not sent
   * again. Anything but a stalled campaign is refused with where it stands.
   */
  'POST /api/campaigns/{campaignId}/resume': staffRoute(
    { path: campaignPath },
    async ({ identity, path }) => {
      const [campaign, paused] = await Promise.all([
        getCampaign(identity.tenantId, path.campaignId, undefined, { consistent: true }),
        isMailPaused(identity.tenantId),
      ]);
      if (!campaign) throw notFound();
      const now = new Date();
      const state = mailingState(campaign, now, paused);
      if (state !== 'stalled') {
        throw new HttpError(409, 'Only a stalled campaign can be resumed', [
          { field: 'path.campaignId', message: `The campaign is ${state}` },
        ]);
      }
      const outcome = await requeueCampaign(campaign, now);
      return { status: 202, body: { campaignId: campaign.campaignId, outcome } };
    },
  ),

  /** The mail as each language's recipients will see it (with a placeholder unsubscribe link). */
  'POST /api/campaigns/{campaignId}/preview': staffRoute(
    { path: campaignPath, role: 'viewer' },
    async ({ identity, path }) => {
      const campaign = await getCampaign(identity.tenantId, path.campaignId);
      const tenant = await getTenant(identity.tenantId);
      if (!campaign || !tenant) throw notFound();
      const previews = Object.fromEntries(
        languages.map((language) => [
          language,
          renderMessage({
            kind: campaign.kind,
            language,
            tenantName: tenant.name,
            brand: previewMailBrandOf(tenant),
            recipientName: 'Förnamn Efternamn',
            unsubscribeUrl: campaign.bulk ? `${process.env.PUBLIC_BASE_URL}/unsubscribe/preview` : undefined,
            data: campaign.content,
          } as MessageInput),
        ]),
      );
      return { body: { campaignId: campaign.campaignId, previews } };
    },
  ),

  'POST /api/campaigns/{campaignId}/send': staffRoute({ path: campaignPath }, async ({ identity, path }) => {
    const campaign = await getCampaign(identity.tenantId, path.campaignId);
    if (!campaign) throw notFound();
    // A draft of a kind staff do not compose (saved before such kinds were refused) stays unsent.
    if (campaign.status === 'draft' && !(staffComposableKinds as string[]).includes(campaign.kind)) {
      throw new HttpError(409, 'Campaigns of this kind are not sent by staff', [
        { field: 'path.campaignId', message: `Kind ${campaign.kind} is not composed by staff` },
      ]);
    }
    // The status change and CampaignSendRequested are one transaction (the outbox): no state
    // without its event, and a write applied but answered with an error still counts as ours.
    const outcome = await requestSend(identity.tenantId, campaign.campaignId, identity.staffId, randomUUID());
    if (outcome === 'already-requested') {
      throw new HttpError(409, 'This campaign has already been sent', [
        { field: 'path.campaignId', message: `Status is ${campaign.status}` },
      ]);
    }
    return { status: 202, body: { campaignId: campaign.campaignId, status: 'sending' } };
  }),

  'GET /api/campaigns/{campaignId}/deliveries': staffRoute(
    { path: campaignPath, query: deliveriesQuery },
    async ({ identity, path, query }) => {
      if (!(await getCampaign(identity.tenantId, path.campaignId))) throw notFound();
      const page = await listDeliveries(identity.tenantId, path.campaignId, {
        status: query.status,
        limit: query.limit,
        cursor: decodeCursor(query.cursor, deliveriesRange(identity.tenantId, path.campaignId)),
      });
      const items = page.items.map(({ claimToken: _c, claimUntil: _u, ...rest }) => rest);
      return { body: { items, cursor: encodeCursor(page.cursor) } };
    },
  ),

  'GET /api/mail/suppressions': staffRoute({}, async ({ identity }) => ({
    body: { items: await listSuppressions(identity.tenantId) },
  })),

  'DELETE /api/mail/suppressions/{addressKey}': staffRoute(
    { path: z.object({ addressKey: z.string().regex(/^[A-Za-z0-9_-]{32}$/) }), role: 'admin' },
    async ({ identity, path }) => {
      if (!(await removeSuppression(identity.tenantId, path.addressKey))) throw notFound();
      return { status: 204 };
    },
  ),

  /**
   * Sending health. A tenant's staff see their own tenant's (its pause, its rates) and only whether
   * the account is paused; a platform operator sees the account's (SES judges it as one).
   */
  'GET /api/mail/sending': operatorOrStaff(
    operatorRoute({}, async () => ({ body: { scope: 'account', ...(await sendingHealth(accountScope)) } })),
    staffRoute({}, async ({ identity }) => ({
      body: {
        scope: 'tenant',
        tenantId: identity.tenantId,
        ...(await sendingHealth({ tenantId: identity.tenantId })),
        account: { paused: (await getSendingState(accountScope)).paused },
      },
    })),
  ),

  /**
   * Resumes sending: a tenant's admin their own tenant's pause, a platform operator the account's.
   * The held deliveries are queued again (SendingResumed, written with the switch).
   */
  'POST /api/mail/sending/resume': operatorOrStaff(
    operatorRoute({}, async ({ operator }) => {
      await resumeSending(accountScope, `operator:${operator.operatorId}`);
      return { body: { scope: 'account', ...(await getSendingState(accountScope)) } };
    }),
    staffRoute({ role: 'admin' }, async ({ identity }) => {
      const scope = { tenantId: identity.tenantId };
      await resumeSending(scope, identity.staffId);
      return { body: { scope: 'tenant', tenantId: identity.tenantId, ...(await getSendingState(scope)) } };
    }),
  ),

  /**
   * Moves the mail queue's dead letters back for another try (after the cause is fixed), a bounded
   * amount per request (`REDRIVE_LIMIT`, and only while the function has time left): the answer
   * says how many moved and whether more remain (`more: true`: ask again). The DLQ is shared by
   * every tenant: platform operators only.
   */
  'POST /api/mail/dead-letters/redrive': operatorRoute({}, async ({ context }) => ({
    body: await redrive(deadLetterQueueUrl('mail'), queueUrl('mail'), {
      remainingMs: context ? () => context.getRemainingTimeInMillis() : undefined,
    }),
  })),
});
