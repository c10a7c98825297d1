/** The feedback capability's public face: what other capabilities may use. */
export { feedbackLinksForEvent } from './actions/event-links.js';
export { textIn } from './form.js';
export { formHref } from './pages/console.js';
export { listForms } from './store.js';
