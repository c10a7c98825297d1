import { organisationsPage } from '../../directory/index.js';
import { getProgramme, latestOutcomesByTheme, type Programme } from '../../programmes/index.js';
import { type Overview, overviewOf } from '../engagement.js';
import type { NotReached } from '../pages/overview.js';
import { existingMarkers, organisationMarker, readCounters } from '../store.js';

/**
 * A programme's overview: the programme, its counters item and its outcomes (two GetItems and one
 * Query of at most 80 outcomes), whatever the number of organisations. Another tenant's programme
 * is not found (every key starts with the tenant).
 */
export async function programmeOverview(
  tenantId: string,
  programmeId: string,
): Promise<{ programme: Programme; overview: Overview } | undefined> {
  const [programme, { counters }, outcomes] = await Promise.all([
    getProgramme(tenantId, programmeId),
    readCounters(tenantId, programmeId),
    latestOutcomesByTheme(tenantId, programmeId),
  ]);
  if (!programme) return undefined;
  const overview = overviewOf(counters, programme);
  // "You said, we did": each theme's latest outcome (drafts too: this is the staff's view).
  for (const theme of overview.themes) {
    const outcome = outcomes.get(theme.themeId);
    if (outcome) theme.latestOutcome = { title: outcome.title, status: outcome.status, at: outcome.date };
  }
  return { programme, overview };
}

/** Organisations per page of the "not reached" list (two markers each: one BatchGet of 100 keys). */
const PAGE = 50;

/**
 * One page of the directory's organisations, those not reached in the programme: never invited,
 * or invited and never answered (from the insight markers, read for this page only).
 */
export async function notReachedPage(
  tenantId: string,
  programmeId: string,
  cursor: Record<string, unknown> | undefined,
): Promise<{ items: NotReached[]; cursor?: Record<string, unknown> }> {
  const page = await organisationsPage(tenantId, cursor, PAGE);
  const markers = page.items.flatMap((o) => [
    organisationMarker('invited', o.organisationId),
    organisationMarker('answered', o.organisationId),
  ]);
  const found = await existingMarkers(tenantId, programmeId, markers);
  const items: NotReached[] = [];
  for (const o of page.items) {
    if (found.has(organisationMarker('answered', o.organisationId))) continue;
    items.push({
      organisationId: o.organisationId,
      name: o.name,
      type: o.organisationType,
      industry: o.industry,
      reach: found.has(organisationMarker('invited', o.organisationId))
        ? 'invited-not-answered'
        : 'never-invited',
    });
  }
  return { items, cursor: page.cursor };
}
