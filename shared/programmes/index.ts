/** The programmes capability's public face: what other capabilities may use. */
export type { Programme } from './programme.js';
export { getOutcome, latestOutcomesByTheme } from './store/outcomes.js';
export { getProgramme, listProgrammes } from './store.js';
