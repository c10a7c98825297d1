import { directoryPersonalData, eraseDirectoryPerson } from '../../directory/index.js';
import { eraseFeedbackPerson } from '../../feedback/index.js';
import { eraseInsightPerson } from '../../insight/index.js';
import { eraseMailPerson } from '../../mail/index.js';
import { eraseMeetingsPerson } from '../../meetings/index.js';
import { logger } from '../../platform/observability/logger.js';
import type { ErasureOutcome, ErasureSubject } from '../../platform/privacy/personal-data.js';
import { getTenant } from '../../platform/tenants/store.js';
import { erasePressPerson, pressRecipientIdOf } from '../../press/index.js';
import {
  erasurePlan,
  erasureStep,
  finishErasure,
  getRequest,
  type PrivacyRequest,
  recordErasureStep,
} from '../store.js';

type Step = readonly [
  name: string,
  run: (subject: ErasureSubject, request: PrivacyRequest) => Promise<ErasureOutcome>,
];

/**
 * The capabilities' erasures, in order. Each is idempotent on its own (a repeat finds nothing
 * left, or finds the kept items by their pseudonym), and each finished step is recorded, so a
 * crash halfway resumes at the step it stopped in. The others find the person's items by the
 * contact's id, which the plan keeps from the start. The mail step puts the address on the erased
 * list (keyed hash) before the contact goes, so there is no moment at which a new import could
 * mail it. Insight comes after the directory: a person's marker is written only while their
 * contact exists, so once the contact is gone a late event cannot bring back a marker that the
 * insight step has taken away.
 */
const steps = (answersAreOfficial: boolean): readonly Step[] => [
  ['press', (subject) => erasePressPerson(subject)],
  ['feedback', (subject) => eraseFeedbackPerson(subject, { answersAreOfficial })],
  ['meetings', (subject) => eraseMeetingsPerson(subject)],
  [
    'mail',
    (subject, request) =>
      eraseMailPerson({
        ...subject,
        requestId: request.requestId,
        recipientId: pressRecipientIdOf(subject.email),
      }),
  ],
  ['directory', (subject) => eraseDirectoryPerson(subject)],
  ['insight', (subject) => eraseInsightPerson(subject)],
];

export interface EraseOptions {
  /** Called after each step is recorded (tests put a crash here). */
  afterStep?: (step: string) => Promise<void> | void;
  actor?: string;
}

/**
 * Erases the person of an erasure request everywhere (Art. 17): driven by ErasureRequested,
 * resumable, and ending in the same state however often it runs. A request that is not an
 * erasure, or is gone, or has finished, is left alone.
 */
export async function runErasure(
  tenantId: string,
  requestId: string,
  options: EraseOptions = {},
): Promise<void> {
  const request = await getRequest(tenantId, requestId);
  if (request?.kind !== 'erasure' || request.erasure || !request.email) return;
  const email = request.email;
  const found = await directoryPersonalData(tenantId, email);
  const plan = await erasurePlan(tenantId, requestId, {
    // A retention erasure names its contact: found even if its address guard is missing.
    contactId: found.contact?.contactId ?? request.contactId,
    startedAt: new Date().toISOString(),
  });
  const tenant = await getTenant(tenantId);
  const subject: ErasureSubject = {
    tenantId,
    email,
    contactId: plan.contactId,
    personRef: request.personRef,
  };
  const outcomes: ErasureOutcome[] = [];
  for (const [name, run] of steps(tenant?.settings?.archive?.feedbackAnswersAreOfficial ?? false)) {
    let outcome = await erasureStep(tenantId, requestId, name);
    if (!outcome) {
      outcome = await run(subject, request);
      await recordErasureStep(tenantId, requestId, name, outcome);
      logger.info('erasure step done', { tenantId, requestId, step: name, erased: outcome.erased });
    }
    outcomes.push(outcome);
    await options.afterStep?.(name);
  }
  await finishErasure(
    request,
    {
      erased: outcomes.reduce((sum, o) => sum + o.erased, 0),
      kept: outcomes.flatMap((o) => o.kept),
      finishedAt: new Date().toISOString(),
    },
    options.actor ?? 'system:privacy-eraser',
  );
}
