/** The privacy capability's public face: what other parts may use. */
export { PrivacyDueSoon } from './pages/requests.js';
export { todayIn } from './request.js';
export { requestsDueSoon } from './store.js';
