import { createAndSend, idFromKey } from '../../mail/index.js';
import { requireEnv } from '../../platform/aws/env.js';
import type { DetailOf } from '../../platform/bus/contract.js';
import { logger } from '../../platform/observability/logger.js';
import { getTenant } from '../../platform/tenants/store.js';
import type { ReleasePublished, ReleaseScheduled } from '../events.js';
import { newsroomPath, releasePath } from '../feeds.js';
import type { Release } from '../release.js';
import { getRelease } from '../store/releases.js';

/*
 * Distribution: a release goes to its subscribers once. Under embargo it goes when it is
 * scheduled (ReleaseScheduled with `embargo`), with the embargo notice; otherwise when it is
 * published (ReleasePublished without `embargo`: with it, subscribers already had it). The
 * campaign's id derives from the release, and the pipeline creates a campaign once per id and a
 * delivery once per recipient: a redelivered event, a retried publish, a cancel and a new
 * schedule or a correction never mail anyone twice. Corrections are not mailed at all.
 */

const STALE_AFTER_MS = 7 * 86_400_000;

/** The campaign that carries a release to its subscribers (also how analytics finds it). */
export const releaseCampaignId = (tenantId: string, releaseId: string) =>
  idFromKey(`${tenantId}:press-release:${releaseId}`);

async function distribute(
  tenantId: string,
  release: Release,
  embargo: boolean,
  actor: string,
  /** When it went out: subscribers confirmed later get it from the newsroom, not the inbox. */
  asOf: string,
) {
  const tenant = await getTenant(tenantId);
  if (!tenant) throw new Error(`Tenant ${tenantId} has no profile`);
  const base = requireEnv('PUBLIC_BASE_URL');
  const filePath = (fileId: string) =>
    `${newsroomPath(tenantId)}/files/${encodeURIComponent(release.releaseId)}/${encodeURIComponent(fileId)}`;
  await createAndSend({
    campaignId: releaseCampaignId(tenantId, release.releaseId),
    tenantId,
    name: `Press release: ${release.headline}`.slice(0, 200),
    kind: 'press-release',
    content: {
      releaseId: release.releaseId,
      headline: release.headline,
      lead: release.lead,
      body: release.body,
      releaseLanguage: release.language,
      ...(embargo && release.publishAt ? { embargoUntil: release.publishAt } : {}),
      timeZone: tenant.timeZone,
      pageUrl: `${base}${releasePath(tenantId, release.releaseId)}`,
      downloads: release.files.map((f) => ({ name: f.name, url: `${base}${filePath(f.fileId)}` })),
    },
    audience: {
      kind: 'press-release',
      releaseId: release.releaseId,
      topics: release.topics,
      regions: release.regions,
      asOf,
    },
    bulk: true,
    createdBy: actor,
    actor,
  });
  logger.info('release distributed', { tenantId, releaseId: release.releaseId, embargo });
}

/** Scheduled under embargo: mailed now, if it still is (not cancelled or rescheduled since). */
export async function onReleaseScheduled(detail: DetailOf<typeof ReleaseScheduled>): Promise<void> {
  if (!detail.embargo) return;
  const release = await getRelease(detail.tenantId, detail.releaseId);
  if (!release || release.status === 'draft' || release.scheduleVersion !== detail.scheduleVersion) {
    logger.info('embargoed release no longer scheduled as announced; not mailed', {
      releaseId: detail.releaseId,
    });
    return;
  }
  await distribute(detail.tenantId, release, true, detail.actor, new Date().toISOString());
}

/** Published without a prior embargo mailing: mailed now. */
export async function onReleasePublished(detail: DetailOf<typeof ReleasePublished>): Promise<void> {
  if (detail.embargo) return;
  // A release published long ago (the demo data's, at their original dates) is not news: no mailing.
  if (Date.now() - Date.parse(detail.publishedAt) > STALE_AFTER_MS) {
    logger.info('release published long ago; not mailed', { releaseId: detail.releaseId });
    return;
  }
  const release = await getRelease(detail.tenantId, detail.releaseId);
  if (!release || release.status === 'draft') return;
  await distribute(detail.tenantId, release, false, detail.actor, detail.publishedAt);
}
