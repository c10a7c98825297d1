import { formatNumber } from '../../platform/texts/format.js';
import type { Language } from '../../platform/texts/language.js';
import { ColumnChart } from '../../platform/ui/charts.js';
import { dimensions, type Overview, stages } from '../engagement.js';
import { insightTexts, valueLabel } from '../texts.js';

export const overviewHref = (programmeId: string) =>
  `/console/programmes/${encodeURIComponent(programmeId)}/overview`;
export const reportHref = (programmeId: string) => `${overviewHref(programmeId)}/report`;
export const csvHref = (programmeId: string) => `${overviewHref(programmeId)}.csv`;

export const overviewStyles = `
.insight-chart svg { max-width: 100%; height: auto; }
.insight-chart .bar { fill: var(--accent, #0a5866); }
.insight-chart .axis { stroke: var(--line, #c9cfd4); }
.insight-chart text { font-size: 11px; fill: var(--muted, #4a5663); }
.insight-grid { display: grid; gap: 1.5rem; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); align-items: start; }
`;

/**
 * The overview's figures: headline, breakdowns, timeline (chart and table) and themes. The same
 * body in the console and in the printable report.
 */
export function OverviewFigures(props: {
  language: Language;
  overview: Overview;
  programmeLanguage: Language;
}) {
  const { language, overview, programmeLanguage } = props;
  const m = insightTexts(language);
  const n = (value: number) => formatNumber(value, language);
  return (
    <>
      <style dangerouslySetInnerHTML={{ __html: overviewStyles }} />
      <section aria-labelledby="headline-heading">
        <h2 id="headline-heading">{m.headlineHeading}</h2>
        <section class="table-wrap" aria-label={m.headlineHeading} tabindex={0}>
          <table class="data-table" id="headline">
            <thead>
              <tr>
                <td />
                <th scope="col">{m.organisations}</th>
                <th scope="col">{m.people}</th>
              </tr>
            </thead>
            <tbody>
              {stages.map((stage) => (
                <tr key={stage}>
                  <th scope="row">{m.stages[stage]}</th>
                  <td class="num">{n(overview.organisations[stage])}</td>
                  <td class="num">{n(overview.people[stage])}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{m.meetings}</th>
                <td class="num" colSpan={2}>
                  {n(overview.meetings)}
                </td>
              </tr>
              <tr>
                <th scope="row">{m.answers}</th>
                <td class="num" colSpan={2}>
                  {n(overview.answers)}
                </td>
              </tr>
            </tbody>
          </table>
        </section>
      </section>

      <section aria-labelledby="breakdown-heading">
        <h2 id="breakdown-heading">{m.breakdownHeading}</h2>
        {dimensions.map((dimension) => {
          const breakdown = overview.breakdowns.find((b) => b.dimension === dimension);
          const rows = breakdown?.rows ?? [];
          return (
            <section key={dimension} class="table-wrap" aria-label={m.dimensions[dimension]} tabindex={0}>
              <table class="data-table" id={`breakdown-${dimension}`}>
                <caption>{m.dimensions[dimension]}</caption>
                <thead>
                  <tr>
                    <th scope="col">{m.dimensions[dimension]}</th>
                    {stages.map((stage) => (
                      <th scope="col" class="num" key={stage}>
                        {m.stages[stage]}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.length === 0 ? (
                    <tr>
                      <td colSpan={stages.length + 1}>{m.empty}</td>
                    </tr>
                  ) : (
                    rows.map((row) => (
                      <tr key={row.value}>
                        <th scope="row">{valueLabel(language, dimension, row.value)}</th>
                        {stages.map((stage) => (
                          <td class="num" key={stage}>
                            {n(row.counts[stage])}
                          </td>
                        ))}
                      </tr>
                    ))
                  )}
                </tbody>
              </table>
            </section>
          );
        })}
      </section>

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{m.timelineHeading}</h2>
        <p>{m.timelineIntro}</p>
        <div class="insight-grid">
          <div class="insight-chart">
            <ColumnChart
              columns={overview.timeline.map((t) => ({ key: t.month, value: t.counts.answered }))}
              first={overview.timeline[0]?.month ?? ''}
              last={overview.timeline[overview.timeline.length - 1]?.month ?? ''}
              label={m.chartLabel}
            />
          </div>
          <section class="table-wrap" aria-label={m.timelineHeading} tabindex={0}>
            <table class="data-table" id="timeline">
              <thead>
                <tr>
                  <th scope="col">{m.month}</th>
                  <th scope="col" class="num">
                    {m.meetings}
                  </th>
                  {stages.map((stage) => (
                    <th scope="col" class="num" key={stage}>
                      {m.stages[stage]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {overview.timeline.length === 0 ? (
                  <tr>
                    <td colSpan={stages.length + 2}>{m.empty}</td>
                  </tr>
                ) : (
                  overview.timeline.map((month) => (
                    <tr key={month.month}>
                      <th scope="row">{month.month}</th>
                      <td class="num">{n(month.meetings)}</td>
                      {stages.map((stage) => (
                        <td class="num" key={stage}>
                          {n(month.counts[stage])}
                        </td>
                      ))}
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </section>
        </div>
      </section>

      <section aria-labelledby="themes-heading">
        <h2 id="themes-heading">{m.themesHeading}</h2>
        {overview.themes.length === 0 ? (
          <p class="empty">{m.noThemes}</p>
        ) : (
          <section class="table-wrap" aria-label={m.themesHeading} tabindex={0}>
            <table class="data-table" id="themes">
              <thead>
                <tr>
                  <th scope="col">{m.theme}</th>
                  <th scope="col" class="num">
                    {m.feedbackAnswers}
                  </th>
                  <th scope="col">{m.latestOutcome}</th>
                </tr>
              </thead>
              <tbody>
                {overview.themes.map((theme) => (
                  <tr key={theme.themeId}>
                    <th scope="row" lang={programmeLanguage}>
                      {theme.title}
                    </th>
                    <td class="num">{n(theme.answers)}</td>
                    <td>
                      {theme.latestOutcome ? (
                        <>
                          <span lang={programmeLanguage}>{theme.latestOutcome.title}</span>{' '}
                          <span class="meta">
                            {m.outcomeStatuses[theme.latestOutcome.status] ?? theme.latestOutcome.status},{' '}
                            {theme.latestOutcome.at}
                          </span>
                        </>
                      ) : (
                        m.noOutcome
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
      </section>
    </>
  );
}

/** An organisation not reached yet: never invited, or invited and never answered. */
export interface NotReached {
  organisationId: string;
  name: string;
  type: string;
  industry?: string;
  reach: 'never-invited' | 'invited-not-answered';
}

export interface OverviewPageProps {
  language: Language;
  programme: { programmeId: string; name: string; language: Language };
  overview: Overview;
  notReached: NotReached[];
  /** The next page of the "not reached" list (an opaque cursor), if there is one. */
  nextCursor?: string;
}

/** The programme overview in the console (the content of `<main>`). */
export function OverviewPage({ language, programme, overview, notReached, nextCursor }: OverviewPageProps) {
  const m = insightTexts(language);
  // Grouped by type, then industry, as staff plan the next invitations.
  const groups = new Map<string, NotReached[]>();
  for (const org of [...notReached].sort(
    (a, b) =>
      a.type.localeCompare(b.type) ||
      (a.industry ?? '').localeCompare(b.industry ?? '', 'sv') ||
      a.name.localeCompare(b.name, 'sv'),
  )) {
    const key = `${valueLabel(language, 'type', org.type.trim() || '-')} · ${org.industry?.trim() || m.notRecorded}`;
    groups.set(key, [...(groups.get(key) ?? []), org]);
  }
  return (
    <>
      <p>
        <a href={`/console/programmes/${encodeURIComponent(programme.programmeId)}`}>
          <span aria-hidden="true">← </span>
          {m.backToProgramme}
        </a>
      </p>
      <p class="eyebrow">{m.title}</p>
      <h1 lang={programme.language}>{programme.name}</h1>
      <p class="lead">{m.intro}</p>
      <p>
        <a href={reportHref(programme.programmeId)} id="report-link">
          {m.printable}
        </a>
        <span aria-hidden="true"> · </span>
        <a href={csvHref(programme.programmeId)} id="csv-link">
          {m.csv}
        </a>
      </p>
      <OverviewFigures language={language} overview={overview} programmeLanguage={programme.language} />
      <section aria-labelledby="not-reached-heading">
        <h2 id="not-reached-heading">{m.notReachedHeading}</h2>
        <p>{m.notReachedIntro}</p>
        {groups.size === 0 ? (
          <p class="empty">{m.noneNotReached}</p>
        ) : (
          [...groups.entries()].map(([group, orgs]) => (
            <section key={group} class="table-wrap" aria-label={group} tabindex={0}>
              <table class="data-table not-reached">
                <caption>{group}</caption>
                <thead>
                  <tr>
                    <th scope="col">{m.organisation}</th>
                    <th scope="col">{m.stages.invited}</th>
                  </tr>
                </thead>
                <tbody>
                  {orgs.map((org) => (
                    <tr key={org.organisationId}>
                      <th scope="row">
                        <a href={`/console/organisations/${encodeURIComponent(org.organisationId)}`}>
                          {org.name}
                        </a>
                      </th>
                      <td>{org.reach === 'never-invited' ? m.neverInvited : m.invitedNotAnswered}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))
        )}
        {nextCursor ? (
          <p>
            <a href={`${overviewHref(programme.programmeId)}?cursor=${encodeURIComponent(nextCursor)}`}>
              {m.nextPage}
            </a>
          </p>
        ) : null}
      </section>
    </>
  );
}
