import { eventQueueConsumer, reaction } from '../../shared/platform/bus/queue-consumer.js';
import { onReleasePublished, onReleaseScheduled } from '../../shared/press/actions/distribute.js';
import { ReleasePublished, ReleaseScheduled } from '../../shared/press/events.js';

/** Mails a release to its subscribers (under embargo when scheduled so, else when published). */
export const handler = eventQueueConsumer([
  reaction(ReleaseScheduled, onReleaseScheduled),
  reaction(ReleasePublished, onReleasePublished),
]);
