import type { DashboardPageProps, DashboardSection } from '../../shared/activity/pages/dashboard.js';
import { dashboardTexts } from '../../shared/activity/texts.js';
import { formHref, listForms, textIn } from '../../shared/feedback/index.js';
import { overviewHref, programmeOverview } from '../../shared/insight/index.js';
import { eventHref, eventSendRows, getCounters, listEvents } from '../../shared/meetings/index.js';
import { formatDateTime } from '../../shared/platform/texts/format.js';
import type { Language } from '../../shared/platform/texts/language.js';
import { listReleases, releaseHref } from '../../shared/press/index.js';
import type { Programme } from '../../shared/programmes/index.js';

/** Items per section: the start page shows what is next, the capability's own page the rest. */
const SHOWN = 5;

/**
 * The start page's sections, each from what a capability exposes: the next events with their
 * answer counts (each event's counters item), open feedback forms, scheduled press releases,
 * the next events' scheduled sends (cancelled through the event page's own route); and each
 * programme's headline figures (its insight counters), shown in the page's programme list. Reads are bounded: the tenant's events and
 * forms (tens a year), one page of releases, and a counters item per item shown.
 */
export async function dashboardSections(input: {
  tenantId: string;
  language: Language;
  timeZone: string;
  programmes: Programme[];
  canEdit: boolean;
}): Promise<{ sections: DashboardSection[]; programmeFigures: DashboardPageProps['programmeFigures'] }> {
  const { tenantId, language, timeZone, programmes, canEdit } = input;
  const d = dashboardTexts(language).sections;
  const when = (iso: string) => formatDateTime(iso, language, timeZone);
  const now = new Date().toISOString();

  const [events, forms, releases, figures] = await Promise.all([
    listEvents(tenantId),
    listForms(tenantId),
    listReleases(tenantId, { limit: 25 }),
    Promise.all(programmes.slice(0, SHOWN).map((p) => programmeOverview(tenantId, p.programmeId))),
  ]);
  const upcoming = events
    .filter((e) => e.status === 'published' && e.end > now)
    .sort((a, b) => a.start.localeCompare(b.start))
    .slice(0, SHOWN);
  const [counters, sends] = await Promise.all([
    Promise.all(upcoming.map((e) => getCounters(tenantId, e.eventId))),
    Promise.all(upcoming.map((e) => eventSendRows(e))),
  ]);

  const programmeFigures: DashboardPageProps['programmeFigures'] = {};
  for (const found of figures) {
    if (!found) continue;
    const o = found.overview.organisations;
    programmeFigures[found.programme.programmeId] = {
      href: overviewHref(found.programme.programmeId),
      linkLabel: d.programmeOverview,
      figures: [
        { label: d.organisationsInvited, value: o.invited },
        { label: d.organisationsAnswered, value: o.answered },
        { label: d.organisationsAttended, value: o.attended },
        { label: d.organisationsGaveFeedback, value: o.feedback },
      ],
    };
  }
  const sections: DashboardSection[] = [
    {
      id: 'upcoming-events',
      heading: d.upcomingEvents,
      empty: d.noUpcomingEvents,
      items: upcoming.map((e, i) => ({
        key: e.eventId,
        title: e.title,
        href: eventHref(e.eventId),
        lang: e.language,
        meta: d.startsAt(when(e.start)),
        figures: [
          { label: d.invited, value: counters[i]?.invited ?? 0 },
          { label: d.attending, value: counters[i]?.attending ?? 0 },
          { label: d.waitlisted, value: counters[i]?.waitlisted ?? 0 },
          { label: d.declined, value: counters[i]?.declined ?? 0 },
        ],
      })),
    },
    {
      id: 'pending-sends',
      heading: d.pendingSends,
      empty: d.noPendingSends,
      items: upcoming.flatMap((e, i) =>
        (sends[i] ?? [])
          .filter((s) => s.state === 'scheduled' && s.scheduledFor)
          .map((s) => ({
            key: s.campaignId,
            title: e.title,
            href: eventHref(e.eventId, '#sends-heading'),
            lang: e.language,
            meta: d.sendAt(when(s.scheduledFor as string)),
            ...(canEdit
              ? {
                  action: {
                    href: eventHref(e.eventId, `/sends/${encodeURIComponent(s.campaignId)}/cancel`),
                    label: d.cancelSend,
                  },
                }
              : {}),
          })),
      ),
    },
    {
      id: 'open-forms',
      heading: d.openForms,
      empty: d.noOpenForms,
      items: forms
        .filter((f) => f.status === 'open')
        .slice(0, SHOWN)
        .map((f) => ({
          key: f.formId,
          title: textIn(f.title, language, f.language),
          href: formHref(f.formId),
          figures: [{ label: d.answers, value: f.answerCount }],
        })),
    },
    {
      id: 'scheduled-releases',
      heading: d.scheduledReleases,
      empty: d.noScheduledReleases,
      items: releases.items
        .filter((r) => r.status === 'scheduled')
        .slice(0, SHOWN)
        .map((r) => ({
          key: r.releaseId,
          title: r.headline,
          href: releaseHref(r.releaseId),
          lang: r.language,
          meta: r.publishAt ? d.publishAt(when(r.publishAt)) : undefined,
        })),
    },
  ];
  return { sections, programmeFigures };
}
