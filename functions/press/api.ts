import * as z from 'zod';
import { jsonApi, staffRoute } from '../../shared/platform/http/json-api.js';
import { idParam } from '../../shared/platform/http/request.js';
import {
  cancel,
  completeUpload,
  create,
  deleteReleaseFile,
  previewLink,
  publish,
  releaseOr404,
  schedule,
  startUpload,
  update,
} from '../../shared/press/actions/releases.js';
import {
  effectiveStatus,
  pressSettingsSchema,
  type Release,
  releaseInputSchema,
  releaseUpdateSchema,
  scheduleInputSchema,
} from '../../shared/press/release.js';
import { listReleases, viewCount } from '../../shared/press/store/releases.js';
import { getPressSettings, putPressSettings } from '../../shared/press/store/settings.js';
import { listSubscribers, subscriberCounts } from '../../shared/press/store/subscribers.js';
import { subscriberView, subscriptionOverview } from '../../shared/press/subscribers-view.js';

const releasePath = z.object({ releaseId: idParam });
const filePath = z.object({ releaseId: idParam, fileId: idParam });
const versionBody = z.object({ expectedVersion: z.number().int().positive() }).strict();
const listQuery = z.object({ cursor: z.string().max(2048).optional() });
const vocabulariesBody = pressSettingsSchema.omit({ contacts: true });
const subscribersQuery = z.object({
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
const contactsBody = z.object({ contacts: pressSettingsSchema.shape.contacts.unwrap() }).strict();

/** A release as the API answers it: with its effective status (a scheduled one whose time has come is published). */
const view = (release: Release) => ({ ...release, status: effectiveStatus(release, new Date()) });

export const handler = jsonApi({
  'GET /api/releases': staffRoute({ query: listQuery }, async ({ identity, query }) => {
    const page = await listReleases(identity.tenantId, { cursor: query.cursor });
    return { body: { items: page.items.map(view), cursor: page.cursor } };
  }),

  'POST /api/releases': staffRoute({ body: releaseInputSchema }, async ({ identity, body }) => {
    const release = await create(identity, body);
    return { status: 201, body: view(release), headers: { location: `/api/releases/${release.releaseId}` } };
  }),

  'GET /api/releases/{releaseId}': staffRoute({ path: releasePath }, async ({ identity, path }) => {
    const release = await releaseOr404(identity.tenantId, path.releaseId);
    return { body: { ...view(release), views: await viewCount(identity.tenantId, release.releaseId) } };
  }),

  'PUT /api/releases/{releaseId}': staffRoute(
    { path: releasePath, body: releaseUpdateSchema },
    async ({ identity, path, body }) => {
      const before = await releaseOr404(identity.tenantId, path.releaseId);
      return { body: view(await update(identity, before, body)) };
    },
  ),

  'POST /api/releases/{releaseId}/schedule': staffRoute(
    { path: releasePath, body: scheduleInputSchema },
    async ({ identity, path, body }) => {
      const before = await releaseOr404(identity.tenantId, path.releaseId);
      return { body: view(await schedule(identity, before, body)) };
    },
  ),

  'POST /api/releases/{releaseId}/publish': staffRoute(
    { path: releasePath, body: versionBody },
    async ({ identity, path, body }) => {
      const before = await releaseOr404(identity.tenantId, path.releaseId);
      return { body: view(await publish(identity, before, body.expectedVersion)) };
    },
  ),

  'POST /api/releases/{releaseId}/cancel': staffRoute(
    { path: releasePath, body: versionBody },
    async ({ identity, path, body }) => {
      const before = await releaseOr404(identity.tenantId, path.releaseId);
      return { body: view(await cancel(identity, before, body.expectedVersion)) };
    },
  ),

  // Any colleague may share a preview: it writes nothing.
  'POST /api/releases/{releaseId}/preview-link': staffRoute(
    { role: 'viewer', path: releasePath },
    async ({ identity, path }) => {
      const release = await releaseOr404(identity.tenantId, path.releaseId);
      return { status: 201, body: await previewLink(release) };
    },
  ),

  // The body is checked by the action (it names each field), after the release is found.
  'POST /api/releases/{releaseId}/files': staffRoute(
    { path: releasePath, body: z.unknown() },
    async ({ identity, path, body }) => {
      const release = await releaseOr404(identity.tenantId, path.releaseId);
      return { status: 201, body: await startUpload(identity, release, body) };
    },
  ),

  'POST /api/releases/{releaseId}/files/{fileId}/complete': staffRoute(
    { path: filePath },
    async ({ identity, path }) => {
      const release = await releaseOr404(identity.tenantId, path.releaseId);
      return { body: view(await completeUpload(identity, release, path.fileId)) };
    },
  ),

  'DELETE /api/releases/{releaseId}/files/{fileId}': staffRoute(
    { path: filePath },
    async ({ identity, path }) => {
      const release = await releaseOr404(identity.tenantId, path.releaseId);
      return { body: view(await deleteReleaseFile(identity, release, path.fileId)) };
    },
  ),

  'GET /api/press-room': staffRoute({}, async ({ identity }) => {
    const { contacts: _contacts, ...vocabularies } = await getPressSettings(identity.tenantId);
    return { body: vocabularies };
  }),

  'PUT /api/press-room': staffRoute({ role: 'admin', body: vocabulariesBody }, async ({ identity, body }) => {
    const current = await getPressSettings(identity.tenantId);
    const { contacts: _contacts, ...vocabularies } = await putPressSettings(
      identity.tenantId,
      { ...body, contacts: current.contacts },
      identity.staffId,
    );
    return { body: vocabularies };
  }),

  /** Confirmed subscribers in all and per topic and region, from the counters (no subscriber is read). */
  'GET /api/press-subscribers': staffRoute({}, async ({ identity }) => {
    const [counts, settings] = await Promise.all([
      subscriberCounts(identity.tenantId),
      getPressSettings(identity.tenantId),
    ]);
    return { body: subscriptionOverview(counts, settings) };
  }),

  /** A page of confirmed subscribers (pending ones are no one's subscribers yet). */
  'GET /api/press-subscribers/list': staffRoute({ query: subscribersQuery }, async ({ identity, query }) => {
    const page = await listSubscribers(identity.tenantId, query);
    return { body: { items: page.items.map(subscriberView), cursor: page.cursor } };
  }),

  'GET /api/press-contacts': staffRoute({}, async ({ identity }) => ({
    body: { contacts: (await getPressSettings(identity.tenantId)).contacts },
  })),

  'PUT /api/press-contacts': staffRoute({ role: 'admin', body: contactsBody }, async ({ identity, body }) => {
    const current = await getPressSettings(identity.tenantId);
    const saved = await putPressSettings(
      identity.tenantId,
      { ...current, contacts: body.contacts },
      identity.staffId,
    );
    return { body: { contacts: saved.contacts } };
  }),
});
