/** Programme insight's public face: what other capabilities may use. */
export { programmeOverview } from './actions/overview.js';
export { eraseInsightPerson, insightPersonalData } from './actions/personal-data.js';
export { overviewHref } from './pages/overview.js';
