import { contactKey, getOrganisation } from '../../directory/index.js';
import { getEvent, getInvitation } from '../../meetings/index.js';
import {
  answerDeltas,
  meetingDeltas,
  type OrganisationProfile,
  organisationDeltas,
  personDeltas,
  type Stage,
} from '../engagement.js';
import {
  answerMarker,
  countOnce,
  meetingMarker,
  organisationMarker,
  personMarker,
  readMarker,
  uncount,
} from '../store.js';

/** The programme an event (a meeting) belongs to; none for events outside any programme. */
async function programmeOf(tenantId: string, eventId: string) {
  const meeting = await getEvent(tenantId, eventId);
  return meeting?.programmeId ? { programmeId: meeting.programmeId, start: meeting.start } : undefined;
}

/**
 * What the directory records of the organisation now, when it is first counted in a stage; an
 * organisation the directory does not know (a contact without one) counts as "not recorded".
 */
async function profileOf(tenantId: string, organisationId: string): Promise<OrganisationProfile> {
  const organisation = await getOrganisation(tenantId, organisationId);
  if (!organisation) return {};
  return {
    type: organisation.organisationType,
    industry: organisation.industry,
    size: organisation.size,
    area: organisation.area,
  };
}

/**
 * Counts an engagement: the organisation (the one the contact engaged for, carried on the event,
 * so a contact who later moves leaves it with the organisation) and the person, each once per
 * stage and programme.
 */
export async function engage(input: {
  tenantId: string;
  programmeId: string;
  stage: Stage;
  organisationId?: string;
  contactId?: string;
  at: string;
}): Promise<void> {
  const { tenantId, programmeId, stage, organisationId, contactId, at } = input;
  if (organisationId) {
    const profile = await profileOf(tenantId, organisationId);
    await countOnce(
      tenantId,
      programmeId,
      organisationMarker(stage, organisationId),
      organisationDeltas(stage, profile, at),
      at,
    );
  }
  if (contactId) {
    await countOnce(tenantId, programmeId, personMarker(stage, contactId), personDeltas(stage), at, {
      requires: contactKey(tenantId, contactId),
    });
  }
}

/** A contact was invited (InvitationCreated). */
export async function onInvited(d: {
  tenantId: string;
  eventId: string;
  contactId: string;
  organisationId: string;
  at: string;
}) {
  const programme = await programmeOf(d.tenantId, d.eventId);
  if (!programme) return;
  await engage({ ...d, programmeId: programme.programmeId, stage: 'invited' });
}

/** A contact answered an invitation (InvitationAnswered). */
export async function onAnswered(d: {
  tenantId: string;
  eventId: string;
  contactId: string;
  organisationId?: string;
  at?: string;
}) {
  const programme = await programmeOf(d.tenantId, d.eventId);
  if (!programme) return;
  // Events written before they carried the organisation: the invitation's (fixed when invited).
  const organisationId =
    d.organisationId ?? (await getInvitation(d.tenantId, d.eventId, d.contactId))?.organisationId;
  await engage({
    tenantId: d.tenantId,
    programmeId: programme.programmeId,
    stage: 'answered',
    organisationId,
    contactId: d.contactId,
    at: d.at ?? new Date().toISOString(),
  });
}

/** Staff marked who came (AttendanceMarked). */
export async function onAttendance(d: {
  tenantId: string;
  eventId: string;
  contactId: string;
  organisationId: string;
  attended: boolean;
  at: string;
}) {
  // A mark taken back is not uncounted: the organisation stays counted as having come (a
  // mistaken tap corrected at once is the one case this overcounts).
  if (!d.attended) return;
  const programme = await programmeOf(d.tenantId, d.eventId);
  if (!programme) return;
  await engage({ ...d, programmeId: programme.programmeId, stage: 'attended' });
}

/** Someone answered a feedback form (FeedbackAnswered). */
export async function onFeedback(d: {
  tenantId: string;
  answerId: string;
  attributed: boolean;
  edit: boolean;
  programmeId?: string;
  themeIds?: string[];
  at?: string;
  contactId?: string;
  organisationId?: string;
}) {
  // Edits change what was said, not who said something; older events carry no programme.
  if (d.edit || !d.programmeId) return;
  const at = d.at ?? new Date().toISOString();
  await countOnce(
    d.tenantId,
    d.programmeId,
    answerMarker(d.answerId),
    answerDeltas(d.themeIds ?? [], at),
    at,
  );
  if (d.attributed) {
    await engage({
      tenantId: d.tenantId,
      programmeId: d.programmeId,
      stage: 'feedback',
      organisationId: d.organisationId,
      contactId: d.contactId,
      at,
    });
  }
}

/** An event was published (MeetingPublished): counted in the month it starts. */
export async function onMeetingPublished(d: { tenantId: string; eventId: string }) {
  const programme = await programmeOf(d.tenantId, d.eventId);
  if (!programme) return;
  await countOnce(
    d.tenantId,
    programme.programmeId,
    meetingMarker(d.eventId),
    meetingDeltas(programme.start, 1),
    programme.start,
  );
}

/** An event was cancelled (MeetingCancelled): its count taken back, once. */
export async function onMeetingCancelled(d: { tenantId: string; eventId: string; wasPublished: boolean }) {
  if (!d.wasPublished) return;
  const programme = await programmeOf(d.tenantId, d.eventId);
  if (!programme) return;
  // Taken back from the month it was counted in (the event may have moved since).
  const counted = await readMarker(d.tenantId, programme.programmeId, meetingMarker(d.eventId));
  if (!counted) return;
  await uncount(d.tenantId, programme.programmeId, meetingMarker(d.eventId), meetingDeltas(counted.at, -1));
}
