/*
 * Open and click tracking is a tenant's choice. SES tracks a mail when its configuration set
 * publishes open and click events: it adds a pixel and rewrites the links. Mail of a tenant that
 * switched tracking off goes through a second set that publishes every other event, named after
 * the first (so no second setting to deploy): `<set>-untracked`.
 */

/** The name of the set without open and click events. */
export const untrackedConfigurationSet = (trackedSet: string) => `${trackedSet}-untracked`;

/** The set a mail goes through: the tracked one unless the tenant switched tracking off. */
export const configurationSetFor = (trackedSet: string, tracking: boolean) =>
  tracking ? trackedSet : untrackedConfigurationSet(trackedSet);
