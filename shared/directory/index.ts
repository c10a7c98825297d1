/** The directory capability's public face (organisations and contacts): what other capabilities may use. */

export type { Organisation } from './store/contacts.js';
export { contactKey } from './store/contacts.js';
export { getOrganisation, organisationsPage, organisationsRange } from './store/organisations.js';
