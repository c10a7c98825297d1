import { activityEvents } from './activity/events.js';
import { feedbackEvents } from './feedback/events.js';
import { mailEvents } from './mail/events.js';
import { meetingEvents } from './meetings/events.js';
import type { EventContract } from './platform/bus/contract.js';
import { bulkExportEvents } from './platform/privacy/bulk-export.js';
import { tenantEvents } from './platform/tenants/events.js';
import { pressEvents } from './press/events.js';
import { privacyEvents } from './privacy/events.js';
import { programmeEvents } from './programmes/events.js';

/**
 * The event catalogue: every capability's catalogue events in one list, for the parts that
 * route events of any capability (the schedule dispatcher, the outbox relay, the wiring
 * checks). Each event is declared by the capability that owns it (`shared/<capability>/events.ts`).
 */
export const catalogue = [
  ...programmeEvents,
  ...activityEvents,
  ...mailEvents,
  ...meetingEvents,
  ...pressEvents,
  ...feedbackEvents,
  ...tenantEvents,
  ...privacyEvents,
  ...bulkExportEvents,
] as const satisfies readonly EventContract[];

const byName = new Map<string, EventContract>(catalogue.map((c) => [c.name, c]));

export function contractByName(name: string): EventContract | undefined {
  return byName.get(name);
}
