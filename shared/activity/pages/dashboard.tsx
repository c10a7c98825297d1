import type { ComponentChildren } from 'preact';
import type { Tenant } from '../../platform/tenants/store.js';
import { formatDateTime, formatNumber, formatPeriod } from '../../platform/texts/format.js';
import type { Language } from '../../platform/texts/language.js';
import { shellTexts } from '../../platform/texts/shell.js';
import type { Programme } from '../../programmes/index.js';
import { type ActivityKind, activityKinds, counterKeys } from '../kinds.js';
import type { ActivityEntry, DashboardCounters } from '../store.js';
import { dashboardTexts } from '../texts.js';

/** One line of a dashboard section: what it is, a link, a few figures, perhaps one action (a POST). */
export interface DashboardItem {
  key: string;
  title: string;
  href?: string;
  /** The language of the title, when it is the content's own (a programme's, an event's). */
  lang?: string;
  meta?: string;
  figures?: { label: string; value: number }[];
  action?: { href: string; label: string };
}

/**
 * A section of the start page, made by the handler from what a capability exposes (its
 * `index.ts`): adding one is adding an element to the list the handler builds.
 */
export interface DashboardSection {
  id: string;
  heading: string;
  /** Shown when there are no items. */
  empty: string;
  items: DashboardItem[];
}

export interface DashboardPageProps {
  language: Language;
  /** Sections from the capabilities (upcoming events, open forms, scheduled releases, pending sends, figures). */
  sections?: DashboardSection[];
  /** The session's form token, for the sections' actions. */
  csrfToken?: string;
  /** Each programme's headline figures and the link to its overview, by programme id (programme insight). */
  programmeFigures?: Record<
    string,
    { href: string; linkLabel: string; figures: { label: string; value: number }[] }
  >;
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

function Figures({ figures, language }: { figures: { label: string; value: number }[]; language: Language }) {
  return (
    <p class="meta">
      {figures.map((f, i) => (
        <span key={f.label}>
          {i > 0 ? <span aria-hidden="true"> · </span> : null}
          {f.label}: {formatNumber(f.value, language)}
          {i < figures.length - 1 ? <span class="visually-hidden">,</span> : null}
        </span>
      ))}
    </p>
  );
}

/** The console's start page (the content of `<main>`; the handler puts it in the shell). */
export function DashboardPage({
  language,
  tenant,
  counters,
  activity,
  programmes,
  sections = [],
  csrfToken = '',
  programmeFigures = {},
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

      {sections.map((section) => (
        <section key={section.id} aria-labelledby={`${section.id}-heading`} id={section.id}>
          <h2 id={`${section.id}-heading`}>{section.heading}</h2>
          {section.items.length === 0 ? (
            <p class="empty">{section.empty}</p>
          ) : (
            <ul class="list">
              {section.items.map((item) => (
                <li key={item.key}>
                  {item.href ? (
                    <a class="title" href={item.href} lang={item.lang}>
                      {item.title}
                    </a>
                  ) : (
                    <span class="title" lang={item.lang}>
                      {item.title}
                    </span>
                  )}
                  {item.meta ? <p class="meta">{item.meta}</p> : null}
                  {item.figures && item.figures.length > 0 ? (
                    <Figures figures={item.figures} language={language} />
                  ) : null}
                  {item.action ? (
                    <form method="post" action={item.action.href}>
                      <input type="hidden" name="_csrf" value={csrfToken} />
                      <button type="submit" class="danger">
                        {item.action.label}
                      </button>
                    </form>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}

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
                {programmeFigures[p.programmeId] ? (
                  <>
                    <Figures figures={programmeFigures[p.programmeId]?.figures ?? []} language={language} />
                    <p class="meta">
                      <a href={programmeFigures[p.programmeId]?.href}>
                        {programmeFigures[p.programmeId]?.linkLabel}
                      </a>
                    </p>
                  </>
                ) : null}
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
