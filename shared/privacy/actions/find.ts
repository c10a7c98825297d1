import { directoryPersonalData } from '../../directory/index.js';
import { feedbackPersonalData } from '../../feedback/index.js';
import { insightPersonalData } from '../../insight/index.js';
import { deliveryPersonalData, mailPersonalData, segmentPersonalData } from '../../mail/index.js';
import { meetingsPersonalData } from '../../meetings/index.js';
import type { PersonalDataItem } from '../../platform/privacy/personal-data.js';
import { pressPersonalData } from '../../press/index.js';

export interface FoundPerson {
  /** The directory's contact id, when the address is a contact's: what the meetings and feedback key by. */
  contactId?: string;
  items: PersonalDataItem[];
}

/**
 * Everything Samverkan holds about an address in one tenant, from every capability through its
 * public face. Each looks by key (the address's guard or hash, then the contact's id under each
 * event, form and programme; the recipients' index for mail sent) or in a tenant-sized list
 * (segments, the last day's imports): no Scan, and nothing of another tenant or another person.
 */
export async function findPerson(tenantId: string, email: string): Promise<FoundPerson> {
  const [directory, press, mail] = await Promise.all([
    directoryPersonalData(tenantId, email),
    pressPersonalData(tenantId, email),
    mailPersonalData(tenantId, email),
  ]);
  const contactId = directory.contact?.contactId;
  const [meetings, feedback, insight, segments, deliveries] = await Promise.all([
    contactId ? meetingsPersonalData(tenantId, contactId) : [],
    contactId ? feedbackPersonalData(tenantId, contactId) : [],
    contactId ? insightPersonalData(tenantId, contactId) : [],
    contactId ? segmentPersonalData(tenantId, contactId) : [],
    deliveryPersonalData(tenantId, contactId ? [contactId, press.recipientId] : [press.recipientId]),
  ]);
  return {
    contactId,
    items: [
      ...directory.items,
      ...meetings,
      ...feedback,
      ...insight,
      ...press.items,
      ...mail,
      ...segments,
      ...deliveries,
    ],
  };
}
