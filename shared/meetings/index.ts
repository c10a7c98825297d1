/** The meetings capability's public face (events and their invitations): what other capabilities may use. */

export { eventSendRows } from './actions/sends.js';
export type { Meeting } from './meeting.js';
export { eventHref } from './pages/list.js';
export { getCounters, getEvent, getInvitation, listEvents, listInvitations } from './store.js';
