import { type CsvValue, csvDocument, csvFileName } from '../platform/csv/csv.js';
import type { Language } from '../platform/texts/language.js';
import { dimensions, type Overview, stages } from './engagement.js';
import { insightTexts, valueLabel } from './texts.js';

/**
 * The overview as CSV, section by section (headline, breakdowns, timeline, themes), for the
 * municipality's decision documents. Every cell goes through the guarded CSV writer: a theme or
 * an industry typed as `=HYPERLINK(…)` stays text.
 */
export function overviewCsv(
  language: Language,
  programme: { name: string },
  overview: Overview,
): { fileName: string; body: string } {
  const m = insightTexts(language);
  const stageNames = stages.map((s) => m.stages[s]);
  const rows: CsvValue[][] = [[m.reportTitle(programme.name)], []];
  rows.push([m.headlineHeading, m.organisations, m.people]);
  for (const stage of stages)
    rows.push([m.stages[stage], overview.organisations[stage], overview.people[stage]]);
  rows.push([m.meetings, overview.meetings], [m.answers, overview.answers], []);
  for (const dimension of dimensions) {
    rows.push([m.dimensions[dimension], ...stageNames]);
    for (const row of overview.breakdowns.find((b) => b.dimension === dimension)?.rows ?? []) {
      rows.push([valueLabel(language, dimension, row.value), ...stages.map((s) => row.counts[s])]);
    }
    rows.push([]);
  }
  rows.push([m.month, m.meetings, ...stageNames]);
  for (const month of overview.timeline) {
    rows.push([month.month, month.meetings, ...stages.map((s) => month.counts[s])]);
  }
  rows.push([], [m.theme, m.feedbackAnswers, m.latestOutcome]);
  for (const theme of overview.themes)
    rows.push([theme.title, theme.answers, theme.latestOutcome?.title ?? '']);
  // Distinct from other exports: "<programme>-overview.csv".
  return {
    fileName: csvFileName(`${programme.name} overview`, 'programme-overview'),
    body: csvDocument(rows),
  };
}
