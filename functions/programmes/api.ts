import * as z from 'zod';
import { notFound } from '../../shared/platform/http/errors.js';
import { jsonApi, staffRoute } from '../../shared/platform/http/json-api.js';
import { idParam } from '../../shared/platform/http/request.js';
import {
  changedFields,
  programmeInputSchema,
  programmeUpdateSchema,
} from '../../shared/programmes/programme.js';
import {
  createProgramme,
  getProgramme,
  listProgrammes,
  replaceProgramme,
} from '../../shared/programmes/store.js';

const programmePath = z.object({ programmeId: idParam });

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
});
