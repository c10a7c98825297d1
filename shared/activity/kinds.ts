/** The activity kinds the dashboard knows how to name (see functions/activity/record.ts). */
export const activityKinds = ['programme.created', 'programme.updated', 'reminder.due'] as const;
export type ActivityKind = (typeof activityKinds)[number];

/** The dashboard counters (see functions/activity/record.ts), in display order. */
export const counterKeys = ['programmesCreated', 'programmesUpdated', 'remindersDue'] as const;
export type CounterKey = (typeof counterKeys)[number];
