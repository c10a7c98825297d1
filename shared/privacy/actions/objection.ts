import { suppressForObjection } from '../../mail/index.js';
import { isOpen } from '../request.js';
import { type PrivacyRequest, setRequestStatus } from '../store.js';

/**
 * Acts on an objection (Art. 21): the address goes on the suppression list as `objected` (no
 * more mail from any mailing, the person is not erased), then the request is done, with its
 * audit entry and event. False for a request that is not an open objection. The suppression
 * is written first and is the same however often: a crash between the two leaves the request
 * open, and acting again finishes it.
 */
export async function actOnObjection(request: PrivacyRequest, actor: string, now = new Date()) {
  if (request.kind !== 'objection' || !isOpen(request.status) || !request.email) return false;
  await suppressForObjection(request.tenantId, request.email, {
    at: now.toISOString(),
    source: `privacy-request:${request.requestId}`,
  });
  await setRequestStatus(request, 'done', actor, now);
  return true;
}
