import {
  directoryPersonalData,
  getContact,
  listOrganisations,
  type Rectification,
  rectificationChanges,
  rectifyContact,
} from '../../directory/index.js';
import { HttpError } from '../../platform/http/errors.js';
import { isOpen } from '../request.js';
import { auditPut, type PrivacyRequest, recordRectificationPlan, setRequestStatus } from '../store.js';

/** The contact a rectification corrects: the one it began on, else the one the address belongs to. */
async function contactOf(request: PrivacyRequest) {
  if (request.rectification) return getContact(request.tenantId, request.rectification.contactId);
  if (!request.email) return undefined;
  return (await directoryPersonalData(request.tenantId, request.email)).contact;
}

/** What the rectification form starts from: the contact it corrects, and the organisations. */
export async function rectificationStart(request: PrivacyRequest) {
  const contact = await contactOf(request);
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
 * Acts on a rectification (Art. 16): the request records its contact and the fields to change,
 * the directory corrects the contact (its own checks: another contact's address, an unknown
 * organisation are refused and nothing is written), then the request is closed with an audit
 * entry naming the fields changed (never their values), in one transaction. A crash between the
 * correction and the closing leaves the request open with the contact corrected; acting again
 * finds the contact by the recorded id (its address may be the corrected one) and closes it.
 */
export async function actOnRectification(
  request: PrivacyRequest,
  input: Rectification,
  actor: string,
  now = new Date(),
  /** Called after the directory's correction (tests put a crash here). */
  afterCorrection?: () => void,
): Promise<RectificationOutcome> {
  if (request.kind !== 'rectification' || !isOpen(request.status)) return { kind: 'closed' };
  const contact = await contactOf(request);
  if (!contact) return { kind: 'no-contact' };
  const changing = rectificationChanges(contact, input);
  const planned = request.rectification?.changed ?? [];
  const changed = [...planned, ...changing.filter((field) => !planned.includes(field))];
  const recorded = !request.rectification || changed.length > planned.length;
  if (recorded) await recordRectificationPlan(request, { contactId: contact.contactId, changed });
  try {
    const result = await rectifyContact(request.tenantId, contact.contactId, input, actor);
    if (!result) return { kind: 'no-contact' };
  } catch (error) {
    // The directory's refusals name their field: another contact's address, an unknown organisation.
    const fields = error instanceof HttpError ? error.details.map((d) => d.field) : [];
    const refused = fields.includes('body.email')
      ? ('email' as const)
      : fields.includes('body.organisationId')
        ? ('organisationId' as const)
        : undefined;
    if (!refused) throw error;
    // Nothing was changed: the plan goes back to what it was.
    if (recorded) await recordRectificationPlan(request, { contactId: contact.contactId, changed: planned });
    return { kind: 'refused', field: refused };
  }
  afterCorrection?.();
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
