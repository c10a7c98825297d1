import { createAndSend, idFromKey } from '../../mail/index.js';
import { requireEnv } from '../../platform/aws/env.js';
import { signLinkToken, verifyLinkToken } from '../../platform/mail-kit/link-tokens.js';
import { logger } from '../../platform/observability/logger.js';
import { withinRateLimit } from '../../platform/table/rate-limit.js';
import { tenantPk } from '../../platform/table/table.js';
import type { Tenant } from '../../platform/tenants/store.js';
import type { PressSettings } from '../release.js';
import { getPressSettings } from '../store/settings.js';
import { getSubscriber, requestSubscription } from '../store/subscribers.js';
import {
  CONFIRMATION_WINDOW_SECONDS,
  type Consent,
  PENDING_DAYS,
  recipientIdOf,
  type SubscribeInput,
  subscriberIdOfRecipient,
} from '../subscription.js';

/*
 * Subscribing, for the public page: the pending subscription, then (at most once an hour per
 * address) its confirmation mail through the mail pipeline's transactional path. Whoever asks,
 * and whatever the address's state, the caller answers the same.
 */

/** Per client (its signed form token, hashed) and per newsroom, per minute. */
export const SUBSCRIBE_PER_CLIENT_PER_MINUTE = 5;
export const SUBSCRIBE_PER_NEWSROOM_PER_MINUTE = 120;
const PREFERENCES_TTL_SECONDS = 365 * 86_400;

const baseUrl = () => requireEnv('PUBLIC_BASE_URL');

/** The names of the chosen topics and regions, for the confirmation mail. */
const namesOf = (input: Pick<SubscribeInput, 'topics' | 'regions'>, settings: PressSettings) => [
  ...settings.topics.filter((t) => input.topics.includes(t.id)).map((t) => t.name),
  ...settings.regions.filter((r) => input.regions.includes(r.id)).map((r) => r.name),
];

/** Whether this client may post another subscription now (and this newsroom take one). */
export async function subscribeAllowed(tenantId: string, client: string, now = new Date()): Promise<boolean> {
  const pk = `${tenantPk(tenantId)}#PRESS#RATE`;
  return (
    (await withinRateLimit(
      { pk, name: `client#${client}`, limit: SUBSCRIBE_PER_CLIENT_PER_MINUTE, windowSeconds: 60 },
      now,
    )) &&
    (await withinRateLimit(
      { pk, name: 'all', limit: SUBSCRIBE_PER_NEWSROOM_PER_MINUTE, windowSeconds: 60 },
      now,
    ))
  );
}

/**
 * A subscription asked for: written as pending with its consent; a confirmation mail queued
 * unless one went to this address within the hour. Says nothing of what it found.
 */
export async function subscribe(
  tenant: Tenant,
  input: SubscribeInput,
  consent: Consent,
  now = new Date(),
): Promise<void> {
  const settings = await getPressSettings(tenant.tenantId);
  const { subscriberId, mail } = await requestSubscription(tenant.tenantId, input, consent, now);
  if (!mail) return;
  const windowStart = Math.floor(now.getTime() / (CONFIRMATION_WINDOW_SECONDS * 1000));
  const allowed = await withinRateLimit(
    {
      pk: `${tenantPk(tenant.tenantId)}#PRESS#RATE`,
      name: `confirm#${subscriberId}`,
      limit: 1,
      windowSeconds: CONFIRMATION_WINDOW_SECONDS,
    },
    now,
  );
  if (!allowed) {
    logger.info('confirmation already mailed within the hour', { tenantId: tenant.tenantId, subscriberId });
    return;
  }
  const token = await signLinkToken(
    { purpose: 'confirm-subscription', tenantId: tenant.tenantId, subject: subscriberId },
    PENDING_DAYS * 86_400,
  );
  await createAndSend({
    // Once per address and hour, even if this request is retried.
    campaignId: idFromKey(`${tenant.tenantId}:press-confirm:${subscriberId}:${windowStart}`),
    tenantId: tenant.tenantId,
    name: 'Press subscription: confirmation',
    kind: 'subscription-confirmation',
    content: {
      confirmUrl: `${baseUrl()}/press-subscription/confirm/${token}`,
      topics: namesOf(input, settings),
    },
    audience: { kind: 'press-subscriber', subscriberId },
    bulk: false,
    createdBy: 'newsroom',
    actor: 'newsroom',
  });
}

/** The subscriber a confirmation link names, if the link is good and the subscription still there. */
export async function subscriberOfConfirmLink(token: string | undefined) {
  const claims = token ? await verifyLinkToken(token, 'confirm-subscription') : undefined;
  if (!claims) return undefined;
  const subscriber = await getSubscriber(claims.tenantId, claims.subject);
  return subscriber ? { claims, subscriber } : undefined;
}

/** The subscriber a preference-centre or one-click link names (a confirmed subscription). */
export async function subscriberOfLink(token: string | undefined, purpose: 'preferences' | 'unsubscribe') {
  const claims = token ? await verifyLinkToken(token, purpose) : undefined;
  if (!claims) return undefined;
  const subscriberId = purpose === 'unsubscribe' ? subscriberIdOfRecipient(claims.subject) : claims.subject;
  const subscriber = subscriberId ? await getSubscriber(claims.tenantId, subscriberId) : undefined;
  return subscriber?.status === 'confirmed' ? { claims, subscriber } : undefined;
}

/** A signed link to a subscriber's preference centre. */
export async function preferencesUrl(tenantId: string, subscriberId: string): Promise<string> {
  const token = await signLinkToken(
    { purpose: 'preferences', tenantId, subject: subscriberId },
    PREFERENCES_TTL_SECONDS,
  );
  return `${baseUrl()}/press-subscription/${token}`;
}

/**
 * For the mail sender: a subscriber's one-click unsubscribe link (its own route, which ends the
 * subscription) and preference centre. Undefined for a recipient that is not a subscriber.
 */
export async function subscriberMailLinks(
  tenantId: string,
  recipientId: string,
  campaignId: string,
  ttlSeconds: number,
): Promise<{ unsubscribeUrl: string; token: string; preferencesUrl: string } | undefined> {
  const subscriberId = subscriberIdOfRecipient(recipientId);
  if (!subscriberId) return undefined;
  const token = await signLinkToken(
    { purpose: 'unsubscribe', tenantId, subject: recipientIdOf(subscriberId), campaignId },
    ttlSeconds,
  );
  return {
    unsubscribeUrl: `${baseUrl()}/press-subscription/unsubscribe/${token}`,
    token,
    preferencesUrl: await preferencesUrl(tenantId, subscriberId),
  };
}
