import * as z from 'zod';
import { ReminderDue } from '../../shared/activity/events.js';
import { recentActivity } from '../../shared/activity/store.js';
import { notFound } from '../../shared/platform/http/errors.js';
import { jsonApi, staffRoute } from '../../shared/platform/http/json-api.js';
import { createSchedule } from '../../shared/platform/schedules/store.js';
import {
  type TenantSettingsPatch,
  tenantSettingsPatchSchema,
  tenantSettingsSchema,
} from '../../shared/platform/tenants/settings.js';
import { getTenant, updateTenantSettings } from '../../shared/platform/tenants/store.js';

const reminderInput = z
  .object({
    dueAt: z.iso
      .datetime({ offset: true })
      .refine((v) => Date.parse(v) > Date.now() - 60_000, 'Must be in the future'),
    subject: z.string().trim().min(1, 'Required').max(300),
  })
  .strict();

export const handler = jsonApi({
  'GET /api/me': staffRoute({}, async ({ identity }) => ({
    body: { ...identity, tenant: await getTenant(identity.tenantId) },
  })),

  'POST /api/reminders': staffRoute({ body: reminderInput }, async ({ identity, body }) => {
    const dueAt = new Date(body.dueAt).toISOString();
    const scheduleId = crypto.randomUUID();
    const schedule = await createSchedule({
      tenantId: identity.tenantId,
      scheduleId,
      dueAt,
      event: ReminderDue,
      detail: {
        tenantId: identity.tenantId,
        scheduleId,
        dueAt,
        subject: body.subject,
        actor: identity.staffId,
      },
    });
    return {
      status: 201,
      body: { scheduleId: schedule.scheduleId, dueAt: schedule.dueAt, status: schedule.status },
    };
  }),

  'GET /api/activity': staffRoute({}, async ({ identity }) => ({
    body: { items: await recentActivity(identity.tenantId, 50) },
  })),

  'GET /api/settings': staffRoute({}, async ({ identity }) => {
    const tenant = await getTenant(identity.tenantId);
    if (!tenant) throw notFound();
    return { body: tenantSettingsSchema.parse(tenant.settings ?? {}) };
  }),

  /**
   * Some sections of the settings (only admins): each section given replaces that section, `null`
   * removes an optional one, the others stay. PATCH rather than a versioned PUT: admins change
   * different sections on different pages, and a version check would refuse the second of two
   * unrelated changes; per section neither is lost. Answers the settings as they now are.
   */
  'PATCH /api/settings': staffRoute(
    { body: tenantSettingsPatchSchema, role: 'admin' },
    async ({ identity, body }) => {
      const tenant = await getTenant(identity.tenantId);
      const changes = Object.fromEntries(
        Object.entries(body).map(([field, value]) => [field, value ?? undefined]),
      ) as TenantSettingsPatch;
      if (!tenant || !(await updateTenantSettings(tenant, changes, identity.staffId))) throw notFound();
      const after = await getTenant(identity.tenantId);
      return { body: tenantSettingsSchema.parse(after?.settings ?? {}) };
    },
  ),
});
