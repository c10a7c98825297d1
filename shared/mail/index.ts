/**
 * The mail capability's public face: what other capabilities may use to send mail through the
 * pipeline and to declare mails of their own.
 */
export { queueMail } from './actions/transactional.js';
export type { Campaign, CampaignCounter, CampaignSegment } from './campaign.js';
export { type Audience, idFromKey } from './campaign.js';
export { systemUrlSchema } from './fields.js';
export {
  type DataOf,
  defineMessage,
  messageSet,
  type TemplateContext,
  type TemplateOutput,
  templateSet,
} from './message.js';
export type { PersonalLinks } from './personal-links.js';
export { renderMessage } from './render.js';
export { cancelScheduledSend, createAndSend, getCampaign } from './store/campaigns.js';
export { eraseMailPerson } from './store/erase.js';
export { deliveryPersonalData, mailPersonalData, segmentPersonalData } from './store/personal-data.js';
export { purgeDeliveries } from './store/retention.js';
export { suppressForObjection } from './store/suppressions.js';
