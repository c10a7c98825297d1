import type { PressSettings } from './release.js';
import type { Subscriber } from './subscription.js';

/*
 * What staff see of subscribers: counts per topic and region (from the counters), and each
 * confirmed subscriber's own fields, without the consent record's internals or keys.
 */

export interface SubscriptionOverview {
  total: number;
  topics: { id: string; name: string; subscribers: number }[];
  regions: { id: string; name: string; subscribers: number }[];
}

export function subscriptionOverview(
  counts: Map<string, number>,
  settings: PressSettings,
): SubscriptionOverview {
  const of = (scope: string) => Math.max(0, counts.get(scope) ?? 0);
  return {
    total: of('ALL'),
    topics: settings.topics.map((t) => ({ ...t, subscribers: of(`TOPIC#${t.id}`) })),
    regions: settings.regions.map((r) => ({ ...r, subscribers: of(`REGION#${r.id}`) })),
  };
}

export const subscriberView = (s: Subscriber) => ({
  subscriberId: s.subscriberId,
  email: s.email,
  name: s.name,
  outlet: s.outlet,
  topics: s.topics,
  regions: s.regions,
  language: s.language,
  paused: s.paused,
  confirmedAt: s.confirmedAt,
  consent: { at: s.consent.at, source: s.consent.source },
});
