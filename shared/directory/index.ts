/** The directory capability's public face (organisations and contacts): what other capabilities may use. */

export { type Rectification, rectificationChanges, rectificationSchema } from './schemas.js';
export { contactKey, getContact } from './store/contacts.js';
export {
  contactsEngagedBefore,
  contactsNoticedBefore,
  dateContactsFromBefore,
  engagementOf,
  engagementUpdate,
  keepUpdate,
  leaveForErasureUpdate,
  noticeUpdate,
  recordEngagement,
} from './store/engagement.js';
export { recordEngagementOfAddress } from './store/engagement-of-address.js';
export { eraseDirectoryPerson } from './store/erase.js';
export {
  getOrganisation,
  listContacts,
  listOrganisations,
  organisationsPage,
  organisationsRange,
} from './store/organisations.js';
export { directoryPersonalData } from './store/personal-data.js';
export { rectifyContact } from './store/rectify.js';
export { findOrAddRegistrant } from './store/registrants.js';
