import { anonymiseOldAnswers } from '../../feedback/index.js';
import { purgeDeliveries } from '../../mail/index.js';
import { writeWithEvents } from '../../platform/bus/outbox.js';
import { createSchedule } from '../../platform/schedules/store.js';
import { isConditionalCheckFailed, tableName, tenantPk } from '../../platform/table/table.js';
import { getTenant } from '../../platform/tenants/store.js';
import { RetentionDue } from '../events.js';
import { monthsBefore, nextRetentionRun } from '../retention.js';
import { auditPut } from '../store.js';

/**
 * Puts the tenant's next retention run on the one-time schedules (the dispatcher fires it), once
 * per day whatever asks for it: the schedule's id is the day.
 */
export async function scheduleRetention(tenantId: string, timeZone: string, afterDay: string): Promise<void> {
  const next = nextRetentionRun(afterDay, timeZone);
  try {
    await createSchedule({
      tenantId,
      dueAt: next.dueAt,
      event: RetentionDue,
      detail: { tenantId, day: next.day },
      scheduleId: `retention-${next.day}`,
    });
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
  }
}

/**
 * A tenant's retention run: each rule the tenant set removes what is older than it, the run is
 * logged once in the audit log with its counts (a redelivered event finds nothing more to remove
 * and logs nothing twice), and the next night's run is scheduled. A tenant without rules is
 * left alone, and not scheduled again until an admin sets one.
 */
export async function runRetention(tenantId: string, day: string, now = new Date()) {
  const tenant = await getTenant(tenantId);
  const rules = tenant?.settings?.retention;
  if (!tenant || !rules) return undefined;
  const deliveries = rules.deliveryMonths
    ? await purgeDeliveries(tenantId, monthsBefore(now, rules.deliveryMonths))
    : 0;
  const answers = rules.feedbackAttributionMonths
    ? await anonymiseOldAnswers(tenantId, monthsBefore(now, rules.feedbackAttributionMonths))
    : 0;
  try {
    await writeWithEvents(
      tenantId,
      [
        {
          Put: {
            TableName: tableName(),
            Item: {
              pk: `${tenantPk(tenantId)}#PRIVACY#RETENTION`,
              sk: day,
              type: 'retention-run',
              deliveries,
              answers,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        auditPut(
          tenantId,
          {
            action: 'retention-run',
            actor: 'system:privacy-retention',
            what: `retention ${day}: ${deliveries} delivery records deleted, ${answers} feedback answers anonymised`,
            count: deliveries + answers,
          },
          now,
        ),
      ],
      [],
    );
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
  }
  await scheduleRetention(tenantId, tenant.timeZone, day);
  return { deliveries, answers };
}
