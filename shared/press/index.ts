/**
 * The press room's public face: what the mail pipeline needs to reach journalists who
 * subscribed (their recipients, keys and links);
 * a release by id and the newsroom's paths (for outcomes that link to releases, and the mails
 * that tell feedback givers what came of their views).
 */
export { subscriberMailLinks } from './actions/subscriptions.js';
export { programmePath, releasePath } from './feeds.js';
export { releaseHref } from './pages/console.js';
export { erasePressPerson } from './store/erase.js';
export { pressPersonalData, pressRecipientIdOf } from './store/personal-data.js';
export { getRelease, listReleases } from './store/releases.js';
export {
  getSubscriber,
  recipientKey,
  recipientOf,
  releaseRecipientsPage,
} from './store/subscribers.js';
