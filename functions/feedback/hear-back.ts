import { onOutcomePublished, onReleasePublished } from '../../shared/feedback/actions/hear-back.js';
import { eventQueueConsumer, reaction } from '../../shared/platform/bus/queue-consumer.js';
import { ReleasePublished } from '../../shared/press/events.js';
import { OutcomePublished } from '../../shared/programmes/events.js';

/** Closing the loop: tells those who asked to hear back on a theme what came of it, once. */
export const handler = eventQueueConsumer([
  reaction(OutcomePublished, onOutcomePublished),
  reaction(ReleasePublished, onReleasePublished),
]);
