import * as z from 'zod';
import { actorField, defineEvent, tenantIdField } from '../bus/contract.js';

/** An admin changed the tenant's settings (which ones; the texts themselves stay in the table). */
export const TenantSettingsChanged = defineEvent({
  name: 'platform.tenant-settings-changed',
  source: 'samverkan.platform',
  detailType: 'TenantSettingsChanged',
  version: 1,
  schema: z.object({
    tenantId: tenantIdField,
    changedFields: z.array(z.string()).min(1),
    actor: actorField,
  }),
});

export const tenantEvents = [TenantSettingsChanged] as const;
