/** The feedback capability's public face: what other capabilities may use. */

export { eraseFeedbackPerson } from './actions/erase.js';
export { feedbackLinksForEvent } from './actions/event-links.js';
export { feedbackPersonalData } from './actions/personal-data.js';
export { anonymiseOldAnswers } from './actions/retention.js';
export { textIn } from './form.js';
export { formHref } from './pages/console.js';
export { listForms } from './store.js';
