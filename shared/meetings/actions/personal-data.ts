import { itemRef, type PersonalDataItem } from '../../platform/privacy/personal-data.js';
import { getInvitation, invitationKey, listEvents } from '../store.js';

/**
 * What the meetings hold about a contact: their invitation to each event, with their answer
 * (seats, names given, dietary needs, note). One GetItem per event of the tenant, by key.
 */
export async function meetingsPersonalData(tenantId: string, contactId: string): Promise<PersonalDataItem[]> {
  const events = await listEvents(tenantId);
  const found = await Promise.all(
    events.map(async (event) => ({
      event,
      invitation: await getInvitation(tenantId, event.eventId, contactId),
    })),
  );
  return found.flatMap(({ event, invitation }) =>
    invitation
      ? [
          {
            capability: 'meetings' as const,
            category: 'invitation' as const,
            ref: itemRef(invitationKey(tenantId, event.eventId, contactId)),
            // Inviting companies to the programme's meetings is the office's public task; one who
            // registered on the event's public page gave their consent (the contact records its words).
            lawfulBasis: invitation.registered ? ('consent' as const) : ('public-task' as const),
            source: invitation.registered
              ? 'open registration'
              : invitation.forwardedFrom
                ? 'forwarded by a colleague'
                : 'invitation',
            recordedAt: invitation.invitedAt,
            data: {
              event: event.title,
              start: event.start,
              status: invitation.status,
              seats: invitation.seats,
              names: invitation.names,
              dietary: invitation.dietary,
              dietaryOther: invitation.dietaryOther,
              accessibility: invitation.accessibility,
              note: invitation.note,
              // Every answer to the event's own questions, also to questions since removed.
              answers: invitation.answers,
              respondedAt: invitation.respondedAt,
              attended: invitation.attended,
              registered: invitation.registered,
            },
          },
        ]
      : [],
  );
}
