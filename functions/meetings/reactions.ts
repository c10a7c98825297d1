import {
  onInvitationAnswered,
  onMeetingCancelled,
  onMeetingChanged,
  onMeetingPublished,
  onSeatsReleased,
  onWaitlistPromoted,
} from '../../shared/meetings/actions/reactions.js';
import {
  InvitationAnswered,
  MeetingCancelled,
  MeetingChanged,
  MeetingPublished,
  SeatsReleased,
  WaitlistPromoted,
} from '../../shared/meetings/events.js';
import { eventQueueConsumer, reaction } from '../../shared/platform/bus/queue-consumer.js';

/** The meetings events this function reacts to, and how (shared/meetings/actions/reactions.ts). */
export const handler = eventQueueConsumer([
  reaction(InvitationAnswered, onInvitationAnswered),
  reaction(WaitlistPromoted, onWaitlistPromoted),
  reaction(SeatsReleased, onSeatsReleased),
  reaction(MeetingPublished, onMeetingPublished),
  reaction(MeetingChanged, onMeetingChanged),
  reaction(MeetingCancelled, onMeetingCancelled),
]);
