/** The meetings capability's public face (events and their invitations): what other capabilities may use. */

export { eraseMeetingsPerson } from './actions/erase.js';
export { meetingsPersonalData } from './actions/personal-data.js';
export type { Meeting } from './meeting.js';
export { getCounters, getEvent, listInvitations } from './store.js';
