/** The directory capability's public face (organisations and contacts): what other capabilities may use. */

export { contactKey } from './store/contacts.js';
export { eraseDirectoryPerson } from './store/erase.js';
export {
  getOrganisation,
  listContacts,
  organisationsPage,
  organisationsRange,
} from './store/organisations.js';
export { directoryPersonalData } from './store/personal-data.js';
