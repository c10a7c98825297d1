import { onFollowUpDue, onMeetingEnded } from '../../shared/feedback/actions/follow-up.js';
import { FollowUpDue } from '../../shared/feedback/events.js';
import { MeetingEnded } from '../../shared/meetings/events.js';
import { eventQueueConsumer, reaction } from '../../shared/platform/bus/queue-consumer.js';

/** The follow-up's queue: an event's end, and a form's follow-up coming due. */
export const handler = eventQueueConsumer([
  reaction(MeetingEnded, onMeetingEnded),
  reaction(FollowUpDue, onFollowUpDue),
]);
