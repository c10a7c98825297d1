import type { Language } from '../../platform/texts/language.js';
import { pageTitle } from '../../platform/ui/document.js';
import { styles } from '../../platform/ui/styles.js';
import type { Overview } from '../engagement.js';
import { insightTexts } from '../texts.js';
import { OverviewFigures, overviewHref } from './overview.js';

/** On paper: no menu, no scrolling boxes, tables kept whole where they fit, A4 margins. */
const printStyles = `
.report { max-width: 60rem; width: 100%; min-width: 0; box-sizing: border-box; margin: 0 auto; padding: 1.5rem 1rem; }
@page { size: A4 portrait; margin: 15mm; }
@media print {
  body { background: #ffffff; }
  .screen-only { display: none; }
  .report { max-width: none; padding: 0; }
  .table-wrap { overflow: visible; border: none; }
  table, .insight-chart { break-inside: avoid; page-break-inside: avoid; }
  h2 { break-after: avoid; page-break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;

export interface ReportPageProps {
  language: Language;
  tenantName: string;
  programme: { programmeId: string; name: string; language: Language };
  overview: Overview;
  /** When it was compiled, formatted in the tenant's clock. */
  compiled: string;
}

/** The overview as a printable report (the browser's "Print" / "Save as PDF"): a page of its own. */
export function ReportPage({ language, tenantName, programme, overview, compiled }: ReportPageProps) {
  const m = insightTexts(language);
  return (
    <html lang={language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{pageTitle(m.reportTitle(programme.name), tenantName)}</title>
        <link rel="icon" href="data:," />
        <style dangerouslySetInnerHTML={{ __html: styles + printStyles }} />
      </head>
      <body>
        <main class="report">
          <p class="screen-only">
            <a href={overviewHref(programme.programmeId)}>
              <span aria-hidden="true">← </span>
              {m.title}
            </a>
          </p>
          <p class="eyebrow">{tenantName}</p>
          <h1>
            {m.reportTitle('')}
            <span lang={programme.language}>{programme.name}</span>
          </h1>
          <p>{m.generated(compiled)}</p>
          <OverviewFigures language={language} overview={overview} programmeLanguage={programme.language} />
        </main>
      </body>
    </html>
  );
}
