/**
 * The mail capability's public face: what other capabilities may use to send mail through the
 * pipeline and to declare mails of their own.
 */
export { queueMail } from './actions/transactional.js';
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
export { renderMessage } from './render.js';
export { createAndSend, getCampaign } from './store/campaigns.js';
