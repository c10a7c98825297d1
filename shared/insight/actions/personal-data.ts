import type {
  ErasureOutcome,
  ErasureSubject,
  PersonalDataItem,
} from '../../platform/privacy/personal-data.js';
import { itemRef } from '../../platform/privacy/personal-data.js';
import { listProgrammes } from '../../programmes/index.js';
import { deleteMarker, personMarkers } from '../store.js';

/**
 * The person's markers in each programme of the tenant (`SEEN#<stage>#PERSON#<contact>`): that
 * the contact was counted as invited, answering, attending or giving feedback, and when. A
 * BatchGet of four keys per programme (a tenant has a handful), no Query of the markers.
 * Organisation markers name a business, not a person, and are not part of a person's data.
 */
async function markersOf(tenantId: string, contactId: string) {
  const programmes = await listProgrammes(tenantId);
  const found = await Promise.all(
    programmes.map(async (programme) => ({
      programme,
      markers: await personMarkers(tenantId, programme.programmeId, contactId),
    })),
  );
  return found.flatMap(({ programme, markers }) => markers.map((marker) => ({ programme, ...marker })));
}

export async function insightPersonalData(tenantId: string, contactId: string): Promise<PersonalDataItem[]> {
  return (await markersOf(tenantId, contactId)).map(({ programme, key, stage, at }) => ({
    capability: 'insight' as const,
    category: 'engagement-marker' as const,
    ref: itemRef(key),
    // Following up the programme's reach is part of the office's public task.
    lawfulBasis: 'public-task' as const,
    source: 'programme insight',
    recordedAt: at,
    data: { programme: programme.name, stage },
  }));
}

/**
 * Erases the person's markers; the programme's counters keep their figures (they count people
 * reached, not who). A repeat finds no marker.
 */
export async function eraseInsightPerson(subject: ErasureSubject): Promise<ErasureOutcome> {
  if (!subject.contactId) return { erased: 0, kept: [] };
  let erased = 0;
  for (const { key } of await markersOf(subject.tenantId, subject.contactId)) {
    if (await deleteMarker(key)) erased++;
  }
  return { erased, kept: [] };
}
