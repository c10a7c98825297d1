/**
 * The press room's public face: what the mail pipeline needs to reach journalists who
 * subscribed (their recipients, keys and links);
 * a release by id (for outcomes that link to releases).
 */
export { subscriberMailLinks } from './actions/subscriptions.js';
export { getRelease } from './store/releases.js';
export {
  getSubscriber,
  recipientKey,
  recipientOf,
  releaseRecipientsPage,
} from './store/subscribers.js';
