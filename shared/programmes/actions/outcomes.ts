import { getEvent } from '../../meetings/index.js';
import { HttpError, notFound } from '../../platform/http/errors.js';
import type { StaffIdentity } from '../../platform/identity/staff.js';
import { getRelease } from '../../press/index.js';
import {
  type FieldProblem,
  type Outcome,
  type OutcomeInput,
  type OutcomeUpdate,
  outcomeProblems,
} from '../outcome.js';
import type { Programme } from '../programme.js';
import {
  changedOutcomeFields,
  createOutcome,
  getOutcome,
  type OutcomeLinks,
  publishOutcome,
  replaceOutcome,
} from '../store/outcomes.js';
import { getProgramme } from '../store.js';

/*
 * Recording outcomes: checked against the programme (theme, period) and the tenant's releases
 * and events (asked of the press and meetings capabilities). Another tenant's release or event
 * is as unknown as one that does not exist; any problem refuses the whole outcome, nothing saved.
 */

const refused = (problems: FieldProblem[]) =>
  new HttpError(
    422,
    `Invalid ${[...new Set(problems.map((p) => p.field))].join(', ')}`,
    problems.map(({ field, message }) => ({ field, message })),
  );

/** The programme, or the same 404 as one that does not exist (another tenant's included). */
export async function programmeOr404(tenantId: string, programmeId: string): Promise<Programme> {
  const programme = await getProgramme(tenantId, programmeId);
  if (!programme) throw notFound();
  return programme;
}

export async function outcomeOr404(
  tenantId: string,
  programmeId: string,
  outcomeId: string,
): Promise<Outcome> {
  const outcome = await getOutcome(tenantId, programmeId, outcomeId);
  if (!outcome) throw notFound();
  return outcome;
}

/**
 * An outcome against the programme and the tenant's releases and events: its links resolved
 * (with the titles to show), or its problems field by field.
 */
export async function checkOutcome(
  programme: Programme,
  input: Pick<OutcomeInput, 'themeId' | 'date' | 'releaseIds' | 'eventIds'>,
): Promise<{ links: OutcomeLinks; problems: FieldProblem[] }> {
  const problems = outcomeProblems(programme, input);
  const [releases, events] = await Promise.all([
    Promise.all(input.releaseIds.map((id) => getRelease(programme.tenantId, id))),
    Promise.all(input.eventIds.map((id) => getEvent(programme.tenantId, id))),
  ]);
  const unknownReleases = input.releaseIds.filter((_, i) => !releases[i]);
  const unknownEvents = input.eventIds.filter((_, i) => !events[i]);
  if (unknownReleases.length)
    problems.push({
      field: 'body.releaseIds',
      code: 'unknownRelease',
      message: `Not releases of this tenant: ${unknownReleases.join(', ')}`,
    });
  if (unknownEvents.length)
    problems.push({
      field: 'body.eventIds',
      code: 'unknownEvent',
      message: `Not events of this tenant: ${unknownEvents.join(', ')}`,
    });
  const links = {
    releases: releases.flatMap((r) => (r ? [{ id: r.releaseId, title: r.headline }] : [])),
    events: events.flatMap((e) => (e ? [{ id: e.eventId, title: e.title }] : [])),
  };
  return { links, problems };
}

/** Checks an outcome and resolves its links, or refuses it naming each field. */
async function checked(programme: Programme, input: OutcomeInput | OutcomeUpdate): Promise<OutcomeLinks> {
  const { links, problems } = await checkOutcome(programme, input);
  if (problems.length) throw refused(problems);
  return links;
}

export async function recordOutcome(
  identity: StaffIdentity,
  programme: Programme,
  input: OutcomeInput,
  /** Links already resolved by {@link checkOutcome} (a page that checked first). */
  resolved?: OutcomeLinks,
): Promise<Outcome> {
  const links = resolved ?? (await checked(programme, input));
  return createOutcome(identity.tenantId, programme.programmeId, input, links, identity.staffId);
}

export async function changeOutcome(
  identity: StaffIdentity,
  programme: Programme,
  before: Outcome,
  update: OutcomeUpdate,
  resolved?: OutcomeLinks,
): Promise<Outcome> {
  const links = resolved ?? (await checked(programme, update));
  const fields = changedOutcomeFields(before, update, links);
  if (fields.length === 0) return before;
  return replaceOutcome(before, update, links, { changedFields: fields, actor: identity.staffId });
}

export async function publish(
  identity: StaffIdentity,
  before: Outcome,
  expectedVersion: number,
): Promise<Outcome> {
  return publishOutcome(before, expectedVersion, identity.staffId);
}
