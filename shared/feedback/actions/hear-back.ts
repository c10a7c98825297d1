import { queueMail } from '../../mail/index.js';
import { requireEnv } from '../../platform/aws/env.js';
import { logger } from '../../platform/observability/logger.js';
import { getTenant } from '../../platform/tenants/store.js';
import { getRelease, programmePath, releasePath } from '../../press/index.js';
import { getOutcome, getProgramme } from '../../programmes/index.js';
import { feedbackMessages } from '../mails/content.js';
import { hearBackPage } from '../store.js';

/*
 * Closing the loop: when an outcome on a theme is published, or a press release tagged with
 * themes is, everyone who gave attributed feedback on the theme and asked to hear back gets one
 * mail. The givers come from the index written with their answers (never a scan of answers).
 * Each mail's key is the outcome (or release) and the contact: the pipeline creates a campaign
 * once per key — a conditional write, the marker — so a redelivered event, a rerun after a crash
 * or a contact found under two themes of one release mails no one twice. Bulk mail: the pipeline
 * skips the suppressed and the unsubscribed.
 */

/** A release published long ago (the demo data's, at their original dates) is not news. */
const STALE_AFTER_MS = 7 * 86_400_000;

interface Tell {
  tenantId: string;
  themeIds: string[];
  /** What makes one mail unique, before the contact: `hear-back:outcome:<id>`. */
  key: string;
  name: string;
  data: Record<string, unknown>;
}

async function tellThemeGivers(tell: Tell): Promise<number> {
  let queued = 0;
  for (const themeId of tell.themeIds) {
    let cursor: Record<string, unknown> | undefined;
    do {
      const page = await hearBackPage(tell.tenantId, themeId, cursor);
      for (const contactId of new Set(page.contactIds)) {
        await queueMail({
          tenantId: tell.tenantId,
          contactId,
          message: feedbackMessages['feedback-hear-back'],
          key: `${tell.key}:${contactId}`,
          name: tell.name,
          actor: 'system:feedback-hear-back',
          data: tell.data,
        });
        queued++;
      }
      cursor = page.cursor;
    } while (cursor);
  }
  return queued;
}

export async function onOutcomePublished(detail: {
  tenantId: string;
  programmeId: string;
  outcomeId: string;
}): Promise<void> {
  const [outcome, programme, tenant] = await Promise.all([
    getOutcome(detail.tenantId, detail.programmeId, detail.outcomeId),
    getProgramme(detail.tenantId, detail.programmeId),
    getTenant(detail.tenantId),
  ]);
  const theme = programme?.themes.find((t) => t.id === outcome?.themeId);
  if (!outcome?.published || !programme || !theme) return;
  const base = requireEnv('PUBLIC_BASE_URL');
  const queued = await tellThemeGivers({
    tenantId: detail.tenantId,
    themeIds: [theme.id],
    key: `hear-back:outcome:${outcome.outcomeId}`,
    name: `Utfall: ${outcome.title}`.slice(0, 200),
    data: {
      about: 'outcome',
      programmeName: programme.name,
      themeTitle: theme.title,
      title: outcome.title,
      contentLanguage: programme.language,
      status: outcome.status,
      url: `${base}${programmePath(detail.tenantId, programme.programmeId)}#theme-${theme.id}`,
      organiserName: tenant?.name ?? detail.tenantId,
    },
  });
  logger.info('outcome told to its theme’s feedback givers', { outcomeId: outcome.outcomeId, queued });
}

export async function onReleasePublished(detail: {
  tenantId: string;
  releaseId: string;
  publishedAt: string;
}): Promise<void> {
  if (Date.now() - Date.parse(detail.publishedAt) > STALE_AFTER_MS) return;
  const release = await getRelease(detail.tenantId, detail.releaseId);
  if (!release || release.status === 'draft' || !release.programmeId || release.themeIds.length === 0) return;
  const [programme, tenant] = await Promise.all([
    getProgramme(detail.tenantId, release.programmeId),
    getTenant(detail.tenantId),
  ]);
  const themes = (programme?.themes ?? []).filter((t) => release.themeIds.includes(t.id));
  if (!programme || themes.length === 0) return;
  const base = requireEnv('PUBLIC_BASE_URL');
  const queued = await tellThemeGivers({
    tenantId: detail.tenantId,
    themeIds: themes.map((t) => t.id),
    key: `hear-back:release:${release.releaseId}`,
    name: `Pressmeddelande: ${release.headline}`.slice(0, 200),
    data: {
      about: 'release',
      programmeName: programme.name,
      themeTitle: themes
        .map((t) => t.title)
        .join(', ')
        .slice(0, 400),
      title: release.headline,
      contentLanguage: release.language,
      url: `${base}${releasePath(detail.tenantId, release.releaseId)}`,
      organiserName: tenant?.name ?? detail.tenantId,
    },
  });
  logger.info('release told to its themes’ feedback givers', { releaseId: release.releaseId, queued });
}
