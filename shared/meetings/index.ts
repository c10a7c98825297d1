/** The meetings capability's public face (events and their invitations): what other capabilities may use. */

export { eraseMeetingsPerson } from './actions/erase.js';
export { meetingsPersonalData } from './actions/personal-data.js';
export {
  registrationRecipient,
  registrationRecipientKey,
  registrationRecipientOf,
} from './actions/registration-items.js';
export { eventSendRows } from './actions/sends.js';
export type { Meeting } from './meeting.js';
export { eventHref } from './pages/list.js';
export { getCounters, getEvent, getInvitation, listEvents, listInvitations } from './store.js';
