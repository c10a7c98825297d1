import { FeedbackAnswered } from '../../shared/feedback/events.js';
import {
  onAnswered,
  onAttendance,
  onFeedback,
  onInvited,
  onMeetingCancelled,
  onMeetingPublished,
} from '../../shared/insight/actions/record.js';
import {
  AttendanceMarked,
  InvitationAnswered,
  InvitationCreated,
  MeetingCancelled,
  MeetingPublished,
} from '../../shared/meetings/events.js';
import { eventQueueConsumer, reaction } from '../../shared/platform/bus/queue-consumer.js';

/**
 * Keeps each programme's insight counters from the catalogue events of invitations, answers,
 * attendance, feedback and published events (each reaction idempotent: counted once per marker).
 */
export const handler = eventQueueConsumer([
  reaction(InvitationCreated, onInvited),
  reaction(InvitationAnswered, onAnswered),
  reaction(AttendanceMarked, onAttendance),
  reaction(FeedbackAnswered, onFeedback),
  reaction(MeetingPublished, onMeetingPublished),
  reaction(MeetingCancelled, onMeetingCancelled),
]);
