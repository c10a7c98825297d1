import * as z from 'zod';
import { notFound } from '../../shared/platform/http/errors.js';
import { jsonApi, staffRoute } from '../../shared/platform/http/json-api.js';
import { idParam } from '../../shared/platform/http/request.js';
import {
  changeOutcome,
  outcomeOr404,
  programmeOr404,
  publish,
  recordOutcome,
} from '../../shared/programmes/actions/outcomes.js';
import { outcomeInputSchema, outcomeUpdateSchema } from '../../shared/programmes/outcome.js';
import {
  changedFields,
  programmeInputSchema,
  programmeUpdateSchema,
} from '../../shared/programmes/programme.js';
import { listOutcomes } from '../../shared/programmes/store/outcomes.js';
import {
  createProgramme,
  getProgramme,
  listProgrammes,
  replaceProgramme,
} from '../../shared/programmes/store.js';

const programmePath = z.object({ programmeId: idParam });
const outcomePath = z.object({ programmeId: idParam, outcomeId: idParam });
const publishBody = z.object({ expectedVersion: z.number().int().positive() }).strict();

export const handler = jsonApi({
  'GET /api/programmes': staffRoute({}, async ({ identity }) => ({
    body: { items: await listProgrammes(identity.tenantId) },
  })),

  'POST /api/programmes': staffRoute({ body: programmeInputSchema }, async ({ identity, body }) => {
    const programme = await createProgramme(identity.tenantId, body, identity.staffId);
    return {
      status: 201,
      body: programme,
      headers: { location: `/api/programmes/${programme.programmeId}` },
    };
  }),

  'GET /api/programmes/{programmeId}': staffRoute({ path: programmePath }, async ({ identity, path }) => {
    const programme = await getProgramme(identity.tenantId, path.programmeId);
    if (!programme) throw notFound();
    return { body: programme };
  }),

  'PUT /api/programmes/{programmeId}': staffRoute(
    { path: programmePath, body: programmeUpdateSchema },
    async ({ identity, path, body }) => {
      const before = await getProgramme(identity.tenantId, path.programmeId);
      if (!before) throw notFound();
      const fields = changedFields(before, body);
      if (fields.length === 0) return { body: before };
      const after = await replaceProgramme(before, body, { changedFields: fields, actor: identity.staffId });
      return { body: after };
    },
  ),

  'GET /api/programmes/{programmeId}/outcomes': staffRoute(
    { path: programmePath },
    async ({ identity, path }) => {
      const programme = await programmeOr404(identity.tenantId, path.programmeId);
      return { body: { items: await listOutcomes(identity.tenantId, programme.programmeId) } };
    },
  ),

  'POST /api/programmes/{programmeId}/outcomes': staffRoute(
    { path: programmePath, body: outcomeInputSchema },
    async ({ identity, path, body }) => {
      const programme = await programmeOr404(identity.tenantId, path.programmeId);
      const outcome = await recordOutcome(identity, programme, body);
      return {
        status: 201,
        body: outcome,
        headers: { location: `/api/programmes/${programme.programmeId}/outcomes/${outcome.outcomeId}` },
      };
    },
  ),

  'GET /api/programmes/{programmeId}/outcomes/{outcomeId}': staffRoute(
    { path: outcomePath },
    async ({ identity, path }) => ({
      body: await outcomeOr404(identity.tenantId, path.programmeId, path.outcomeId),
    }),
  ),

  'PUT /api/programmes/{programmeId}/outcomes/{outcomeId}': staffRoute(
    { path: outcomePath, body: outcomeUpdateSchema },
    async ({ identity, path, body }) => {
      const programme = await programmeOr404(identity.tenantId, path.programmeId);
      const before = await outcomeOr404(identity.tenantId, path.programmeId, path.outcomeId);
      return { body: await changeOutcome(identity, programme, before, body) };
    },
  ),

  'POST /api/programmes/{programmeId}/outcomes/{outcomeId}/publish': staffRoute(
    { path: outcomePath, body: publishBody },
    async ({ identity, path, body }) => {
      const before = await outcomeOr404(identity.tenantId, path.programmeId, path.outcomeId);
      return { body: await publish(identity, before, body.expectedVersion) };
    },
  ),
});
