import {
  directoryPersonalData,
  listOrganisations,
  type Rectification,
  rectifyContact,
} from '../../directory/index.js';
import { HttpError } from '../../platform/http/errors.js';
import { isOpen } from '../request.js';
import { auditPut, type PrivacyRequest, setRequestStatus } from '../store.js';

/** What the rectification form starts from: the contact the address belongs to, and the organisations. */
export async function rectificationStart(request: PrivacyRequest) {
  const found = request.email ? await directoryPersonalData(request.tenantId, request.email) : { items: [] };
  const contact = 'contact' in found ? found.contact : undefined;
  const organisations = contact ? await listOrganisations(request.tenantId) : [];
  return {
    contact,
    organisations: organisations
      .map((o) => ({ organisationId: o.organisationId, name: o.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'sv')),
  };
}

export type RectificationOutcome =
  | { kind: 'done'; changed: string[] }
  | { kind: 'closed' }
  | { kind: 'no-contact' }
  | { kind: 'refused'; field: 'email' | 'organisationId' };

/**
 * Acts on a rectification (Art. 16): the directory corrects the contact (its own checks: another
 * contact's address, an unknown organisation are refused and nothing is written), then the
 * request is closed with an audit entry naming the fields changed (never their values), in one
 * transaction. A crash between the two leaves the request open with the contact corrected.
 */
export async function actOnRectification(
  request: PrivacyRequest,
  input: Rectification,
  actor: string,
  now = new Date(),
): Promise<RectificationOutcome> {
  if (request.kind !== 'rectification' || !isOpen(request.status)) return { kind: 'closed' };
  const { contact } = await rectificationStart(request);
  if (!contact) return { kind: 'no-contact' };
  let changed: string[];
  try {
    const result = await rectifyContact(request.tenantId, contact.contactId, input, actor);
    if (!result) return { kind: 'no-contact' };
    changed = result.changed;
  } catch (error) {
    // The directory's refusals name their field: another contact's address, an unknown organisation.
    const fields = error instanceof HttpError ? error.details.map((d) => d.field) : [];
    if (fields.includes('body.email')) return { kind: 'refused', field: 'email' };
    if (fields.includes('body.organisationId')) return { kind: 'refused', field: 'organisationId' };
    throw error;
  }
  await setRequestStatus(request, 'done', actor, now, undefined, [
    auditPut(
      request.tenantId,
      {
        action: 'rectification',
        actor,
        what: `rectification: ${changed.length > 0 ? changed.join(', ') : 'nothing to change'}`,
        count: changed.length,
        personRef: request.personRef,
        requestId: request.requestId,
      },
      now,
    ),
  ]);
  return { kind: 'done', changed };
}
