import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  contactsEngagedBefore,
  contactsNoticedBefore,
  dateContactsFromBefore,
  engagementOf,
  keepUpdate,
  leaveForErasureUpdate,
  noticeUpdate,
} from '../../directory/index.js';
import { anonymiseOldAnswers } from '../../feedback/index.js';
import { purgeDeliveries, queueMail } from '../../mail/index.js';
import { documentClient } from '../../platform/aws/clients.js';
import { requireEnv } from '../../platform/aws/env.js';
import { writeWithEvents } from '../../platform/bus/outbox.js';
import { createSchedule } from '../../platform/schedules/store.js';
import { isConditionalCheckFailed, tableName, tenantPk } from '../../platform/table/table.js';
import { getTenant, type Tenant } from '../../platform/tenants/store.js';
import { RetentionDue } from '../events.js';
import { privacyMessages } from '../mails/content.js';
import { todayIn } from '../request.js';
import {
  inactivityStep,
  monthsBefore,
  NOTICE_DAYS,
  nextRetentionRun,
  noticedBefore,
  removalOn,
} from '../retention.js';
import { auditPut, recordRetentionErasure } from '../store.js';

const ACTOR = 'system:privacy-retention';

/** Contacts a run notices, and noticed contacts it settles, at most: the rest wait for the next night. */
const PER_RUN = 100;

const changedMeanwhile = (error: unknown) => {
  if (isConditionalCheckFailed(error)) return true;
  throw error;
};

/**
 * The rule "contacts without any engagement for N months". Two Queries on the rule's index
 * (the directory's; only the due contacts, oldest first) and one read per due contact, whose
 * state decides (`inactivityStep`). A contact due for a notice is mailed first (one mail per
 * silence: its key is the contact's last engagement, so a crash before the mark sends nothing
 * twice), then marked noticed. A noticed contact whose period passed is kept if they engaged
 * since, else erased through the erasure path (ErasureRequested).
 */
async function inactiveContacts(tenant: Tenant, months: number, now: Date) {
  const { tenantId } = tenant;
  const counts = { noticed: 0, kept: 0, erased: 0 };
  // Contacts from before engagement was recorded: dated by their last change, once per tenant.
  await dateContactsFromBefore(tenantId);
  for (const contactId of await contactsEngagedBefore(tenantId, monthsBefore(now, months), PER_RUN)) {
    const state = await engagementOf(tenantId, contactId);
    if (!state || inactivityStep(state, now, months) !== 'notice') continue;
    const noticedAt = now.toISOString();
    const removal = new Date(now.getTime() + NOTICE_DAYS * 86_400_000).toISOString();
    await queueMail({
      tenantId,
      contactId,
      message: privacyMessages['privacy-retention-notice'],
      data: {
        months,
        removalOn: removalOn(noticedAt),
        // The keep link works until the removal.
        personalLinks: {
          keepUrl: { purpose: 'keep-contact', scope: 'retention', path: '/keep/', expiresAt: removal },
        },
      },
      key: `retention-notice:${contactId}:${state.lastEngagedAt}`,
      name: 'Retention notice',
      actor: ACTOR,
    });
    try {
      const { Update } = noticeUpdate(tenantId, state, noticedAt);
      if (Update) await documentClient.send(new UpdateCommand(Update));
      counts.noticed += 1;
    } catch (error) {
      changedMeanwhile(error);
    }
  }
  for (const contactId of await contactsNoticedBefore(tenantId, noticedBefore(now), PER_RUN)) {
    const state = await engagementOf(tenantId, contactId);
    const step = state ? inactivityStep(state, now, months) : 'untouched';
    try {
      if (state && step === 'keep') {
        const { Update } = keepUpdate(tenantId, state);
        if (Update) await documentClient.send(new UpdateCommand(Update));
        counts.kept += 1;
      } else if (state?.noticedAt && step === 'erase') {
        await recordRetentionErasure(
          tenantId,
          { contactId, email: state.email, noticedAt: state.noticedAt },
          {
            receivedOn: todayIn(tenant.timeZone, now),
            note: `No engagement for ${months} months; notice mailed ${state.noticedAt.slice(0, 10)}`,
            secret: requireEnv('LINK_SIGNING_SECRET'),
          },
          [leaveForErasureUpdate(tenantId, state)],
          now,
        );
        counts.erased += 1;
      }
    } catch (error) {
      changedMeanwhile(error);
    }
  }
  return counts;
}

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
 * A tenant's retention run: each rule the tenant set removes what is older than it (contacts
 * without engagement: noticed first, erased after the notice period), the run is
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
  const contacts = rules.inactiveContactMonths
    ? await inactiveContacts(tenant, rules.inactiveContactMonths, now)
    : undefined;
  const contactWords = contacts
    ? `; contacts without engagement: ${contacts.noticed} noticed, ${contacts.kept} kept, ${contacts.erased} erased`
    : '';
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
              ...contacts,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        auditPut(
          tenantId,
          {
            action: 'retention-run',
            actor: 'system:privacy-retention',
            what: `retention ${day}: ${deliveries} delivery records deleted, ${answers} feedback answers anonymised${contactWords}`,
            count: deliveries + answers + (contacts ? contacts.noticed + contacts.kept + contacts.erased : 0),
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
  return { deliveries, answers, ...(contacts ? { contacts } : {}) };
}
