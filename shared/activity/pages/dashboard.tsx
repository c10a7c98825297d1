import type { ComponentChildren } from 'preact';
import type { Tenant } from '../../platform/tenants/store.js';
import { formatDateTime, formatNumber, formatPeriod } from '../../platform/texts/format.js';
import type { Language } from '../../platform/texts/language.js';
import { shellTexts } from '../../platform/texts/shell.js';
import type { Programme } from '../../programmes/index.js';
import { type ActivityKind, activityKinds, counterKeys } from '../kinds.js';
import type { ActivityEntry, DashboardCounters } from '../store.js';
import { dashboardTexts } from '../texts.js';

export interface DashboardPageProps {
  language: Language;
  tenant: Pick<Tenant, 'name' | 'timeZone'>;
  counters: DashboardCounters;
  /** Newest first, as `recentActivity` returns them. */
  activity: ActivityEntry[];
  programmes: Programme[];
  /** Reminders other capabilities put first (the privacy requests due soon), rendered as given. */
  reminders?: ComponentChildren;
}

const isKnownKind = (kind: string): kind is ActivityKind =>
  (activityKinds as readonly string[]).includes(kind);

export const programmeHref = (programmeId: string) =>
  `/console/programmes/${encodeURIComponent(programmeId)}`;

/** The console's start page (the content of `<main>`; the handler puts it in the shell). */
export function DashboardPage({
  language,
  tenant,
  counters,
  activity,
  programmes,
  reminders,
}: DashboardPageProps) {
  const m = shellTexts(language);
  const d = dashboardTexts(language);
  return (
    <>
      <p class="eyebrow">{d.title}</p>
      <h1>{tenant.name}</h1>
      <p class="lead">{d.intro}</p>
      {reminders}

      <section aria-labelledby="counters-heading">
        <h2 id="counters-heading" class="visually-hidden">
          {d.countersHeading}
        </h2>
        <dl class="counters">
          {counterKeys.map((key) => (
            <div key={key} class="counter">
              <dt>{d.counters[key]}</dt>
              <dd>{formatNumber(counters[key] ?? 0, language)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="programmes-heading">
        <h2 id="programmes-heading">{d.programmesHeading}</h2>
        {programmes.length === 0 ? (
          <p class="empty">{d.noProgrammes}</p>
        ) : (
          <ul class="list">
            {programmes.map((p) => (
              <li key={p.programmeId}>
                <a class="title" href={programmeHref(p.programmeId)} lang={p.language}>
                  {p.name}
                </a>
                <p class="meta">
                  {d.themeCount(p.themes.length)}
                  <span aria-hidden="true"> · </span>
                  <span class="visually-hidden">, {m.period.label}: </span>
                  {formatPeriod(language, p.startsOn, p.endsOn)}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="activity-heading">
        <h2 id="activity-heading">{d.activityHeading}</h2>
        {activity.length === 0 ? (
          <p class="empty">{d.noActivity}</p>
        ) : (
          <ul class="list activity">
            {activity.map((entry) => (
              <li key={entry.eventId}>
                <time dateTime={entry.at}>{formatDateTime(entry.at, language, tenant.timeZone)}</time>
                <div>
                  <span class="kind">
                    {isKnownKind(entry.kind) ? d.activityKinds[entry.kind] : d.otherActivity}
                  </span>
                  {entry.kind.startsWith('programme.') && entry.subjectId ? (
                    <a href={programmeHref(entry.subjectId)}>{entry.summary}</a>
                  ) : (
                    <span>{entry.summary}</span>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
