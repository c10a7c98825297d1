/** The meetings capability's public face (events and their invitations): what other capabilities may use. */
export type { Meeting } from './meeting.js';
export { getCounters, getEvent, getInvitation, listInvitations } from './store.js';
