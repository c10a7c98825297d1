import { z } from 'zod';
import { recentActivity } from '../../shared/data/activity.js';
import { createSchedule } from '../../shared/data/schedules.js';
import { getTenant } from '../../shared/data/tenants.js';
import { ReminderDue } from '../../shared/events/catalogue.js';
import { jsonApi, staffRoute } from '../../shared/http/json-api.js';

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
});
