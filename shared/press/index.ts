/**
 * The press room's public face: what the mail pipeline needs to reach journalists who
 * subscribed (their recipients, keys and links), and nothing more.
 */
export { subscriberMailLinks } from './actions/subscriptions.js';
export { erasePressPerson } from './store/erase.js';
export { pressPersonalData } from './store/personal-data.js';
export {
  getSubscriber,
  recipientKey,
  recipientOf,
  releaseRecipientsPage,
} from './store/subscribers.js';
