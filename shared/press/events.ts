import * as z from 'zod';
import { actorField, defineEvent, tenantIdField } from '../platform/bus/contract.js';
import { languageSchema } from '../platform/texts/language.js';

/**
 * The press room's catalogue events. They carry what a distributor (mailing subscribers by
 * topic and region) needs without reading the release back: language, topics, regions, the
 * public time and whether it is under embargo.
 *
 * - `ReleaseScheduled`: a release will be public at `publishAt`. Under embargo, this is when
 *   subscribers are to be mailed (with the embargo notice); without, they wait for ReleasePublished.
 * - `ReleasePublished`: public for the first time. Written once per release (its id is fixed).
 * - `ReleaseCorrected`: a published release was corrected; shown as such, never mailed again.
 * - `ReleaseCancelled`: a scheduled release was taken back to a draft (emergency cancel).
 * - `ReleasePublishDue`: the one-time schedule set by scheduling; the publisher marks it published.
 */

const releaseId = z.string().min(1).max(64);
const terms = z.array(z.string().min(1).max(40));

const audience = {
  language: languageSchema,
  topics: terms,
  regions: terms,
};

export const ReleaseCreated = defineEvent({
  name: 'release.created',
  source: 'samverkan.press',
  detailType: 'ReleaseCreated',
  version: 1,
  schema: z.object({ tenantId: tenantIdField, releaseId, headline: z.string().min(1), actor: actorField }),
});

/** A draft or scheduled release was edited (fields, files). */
export const ReleaseUpdated = defineEvent({
  name: 'release.updated',
  source: 'samverkan.press',
  detailType: 'ReleaseUpdated',
  version: 1,
  schema: z.object({
    tenantId: tenantIdField,
    releaseId,
    version: z.number().int().positive(),
    changedFields: z.array(z.string()),
    actor: actorField,
  }),
});

export const ReleaseScheduled = defineEvent({
  name: 'release.scheduled',
  source: 'samverkan.press',
  detailType: 'ReleaseScheduled',
  version: 1,
  schema: z.object({
    tenantId: tenantIdField,
    releaseId,
    headline: z.string().min(1),
    ...audience,
    publishAt: z.iso.datetime({ offset: true }),
    embargo: z.boolean(),
    /** Each scheduling counts up: a consumer that saw a later one ignores an earlier one. */
    scheduleVersion: z.number().int().positive(),
    actor: actorField,
  }),
});

export const ReleasePublishDue = defineEvent({
  name: 'release.publish-due',
  source: 'samverkan.press',
  detailType: 'ReleasePublishDue',
  version: 1,
  schema: z.object({ tenantId: tenantIdField, releaseId, scheduleVersion: z.number().int().positive() }),
});

export const ReleasePublished = defineEvent({
  name: 'release.published',
  source: 'samverkan.press',
  detailType: 'ReleasePublished',
  version: 1,
  schema: z.object({
    tenantId: tenantIdField,
    releaseId,
    headline: z.string().min(1),
    ...audience,
    publishedAt: z.iso.datetime({ offset: true }),
    /** Subscribers were already mailed under embargo (ReleaseScheduled with `embargo`). */
    embargo: z.boolean(),
    /** The release's version at publishing: what the mail renders. */
    version: z.number().int().positive(),
    actor: actorField,
  }),
});

export const ReleaseCorrected = defineEvent({
  name: 'release.corrected',
  source: 'samverkan.press',
  detailType: 'ReleaseCorrected',
  version: 1,
  schema: z.object({
    tenantId: tenantIdField,
    releaseId,
    version: z.number().int().positive(),
    changedFields: z.array(z.string()),
    actor: actorField,
  }),
});

export const ReleaseCancelled = defineEvent({
  name: 'release.cancelled',
  source: 'samverkan.press',
  detailType: 'ReleaseCancelled',
  version: 1,
  schema: z.object({
    tenantId: tenantIdField,
    releaseId,
    /** The time it was scheduled for, and whether it had gone out under embargo. */
    publishAt: z.iso.datetime({ offset: true }),
    embargo: z.boolean(),
    actor: actorField,
  }),
});

/** The press room's lists (topics, tags, regions, press contacts, boilerplate) were replaced. */
export const PressSettingsChanged = defineEvent({
  name: 'press.settings-changed',
  source: 'samverkan.press',
  detailType: 'PressSettingsChanged',
  version: 1,
  schema: z.object({
    tenantId: tenantIdField,
    topics: z.number().int().nonnegative(),
    contacts: z.number().int().nonnegative(),
    actor: actorField,
  }),
});

/* --- Journalists' subscriptions. No address in any event: the subscriber's id is a hash. --- */

const subscriberId = z.string().min(1).max(64);
const following = { topics: terms, regions: terms };

/** Someone asked to subscribe on the public page; pending until they confirm from the mail. */
export const SubscriptionRequested = defineEvent({
  name: 'press.subscription-requested',
  source: 'samverkan.press',
  detailType: 'SubscriptionRequested',
  version: 1,
  schema: z.object({
    tenantId: tenantIdField,
    subscriberId,
    source: z.string().min(1).max(60),
    ...following,
  }),
});

export const SubscriptionConfirmed = defineEvent({
  name: 'press.subscription-confirmed',
  source: 'samverkan.press',
  detailType: 'SubscriptionConfirmed',
  version: 1,
  schema: z.object({ tenantId: tenantIdField, subscriberId, language: languageSchema, ...following }),
});

/** Topics, regions, language or pause changed in the preference centre. */
export const SubscriptionChanged = defineEvent({
  name: 'press.subscription-changed',
  source: 'samverkan.press',
  detailType: 'SubscriptionChanged',
  version: 1,
  schema: z.object({
    tenantId: tenantIdField,
    subscriberId,
    language: languageSchema,
    paused: z.boolean(),
    ...following,
  }),
});

/** A subscriber left (the preference centre, or one-click from a mail). */
export const Unsubscribed = defineEvent({
  name: 'press.unsubscribed',
  source: 'samverkan.press',
  detailType: 'Unsubscribed',
  version: 1,
  schema: z.object({ tenantId: tenantIdField, subscriberId, source: z.string().min(1).max(80) }),
});

export const pressEvents = [
  PressSettingsChanged,
  ReleaseCreated,
  ReleaseUpdated,
  ReleaseScheduled,
  ReleasePublishDue,
  ReleasePublished,
  ReleaseCorrected,
  ReleaseCancelled,
  SubscriptionRequested,
  SubscriptionConfirmed,
  SubscriptionChanged,
  Unsubscribed,
] as const;
