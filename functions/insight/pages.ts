import { h } from 'preact';
import { organisationsRange } from '../../shared/directory/index.js';
import { notReachedPage, programmeOverview } from '../../shared/insight/actions/overview.js';
import { OverviewPage, overviewHref } from '../../shared/insight/pages/overview.js';
import { ReportPage } from '../../shared/insight/pages/report.js';
import { overviewCsv } from '../../shared/insight/report-csv.js';
import { insightTexts } from '../../shared/insight/texts.js';
import { notFound } from '../../shared/platform/http/errors.js';
import { consolePage, htmlPages, type PageRequest } from '../../shared/platform/http/html-pages.js';
import { idParam } from '../../shared/platform/http/request.js';
import { decodeCursor, encodeCursor } from '../../shared/platform/table/cursor.js';
import { formatDateTime } from '../../shared/platform/texts/format.js';
import { ErrorPage } from '../../shared/platform/ui/error-page.js';
import { listProgrammes } from '../../shared/programmes/index.js';
import { inConsole, signedIn } from '../console/shell.js';

/** The programme of the path, in the signed-in tenant: another tenant's is the same 404 as a missing one. */
async function overviewOf(request: PageRequest) {
  const who = await signedIn(request);
  const id = idParam.safeParse(request.event.pathParameters?.programmeId);
  if (!id.success) throw notFound();
  const found = await programmeOverview(who.identity.tenantId, id.data);
  if (!found) throw notFound();
  return { who, ...found };
}

export const handler = htmlPages(
  {
    'GET /console/insight': consolePage(async (request) => {
      const who = await signedIn(request);
      const m = insightTexts(who.language);
      const programmes = await listProgrammes(who.identity.tenantId);
      return inConsole(
        request,
        who,
        m.title,
        h(
          'div',
          null,
          h('h1', null, m.title),
          h('p', { class: 'lead' }, m.listIntro),
          programmes.length === 0
            ? h('p', { class: 'empty' }, m.noProgrammes)
            : h(
                'ul',
                { class: 'list' },
                programmes.map((p) =>
                  h(
                    'li',
                    { key: p.programmeId },
                    h('a', { class: 'title', href: overviewHref(p.programmeId), lang: p.language }, p.name),
                  ),
                ),
              ),
        ),
      );
    }),

    'GET /console/programmes/{programmeId}/overview': consolePage(async (request) => {
      const { who, programme, overview } = await overviewOf(request);
      const tenantId = who.identity.tenantId;
      // The "not reached" list pages through the directory; its cursor is checked against that list.
      const cursor = decodeCursor(request.event.queryStringParameters?.cursor, organisationsRange(tenantId));
      const notReached = await notReachedPage(tenantId, programme.programmeId, cursor);
      return inConsole(
        request,
        who,
        insightTexts(who.language).overviewOf(programme.name),
        h(OverviewPage, {
          language: who.language,
          programme,
          overview,
          notReached: notReached.items,
          nextCursor: encodeCursor(notReached.cursor),
        }),
      );
    }),

    'GET /console/programmes/{programmeId}/overview/report': consolePage(async (request) => {
      const { who, programme, overview } = await overviewOf(request);
      return {
        kind: 'page',
        body: h(ReportPage, {
          language: who.language,
          tenantName: who.tenant.name,
          programme,
          overview,
          compiled: formatDateTime(new Date().toISOString(), who.language, who.timeZone),
        }),
      };
    }),

    'GET /console/programmes/{programmeId}/overview.csv': consolePage(async (request) => {
      const { who, programme, overview } = await overviewOf(request);
      const file = overviewCsv(who.language, programme, overview);
      return {
        kind: 'file',
        contentType: 'text/csv; charset=utf-8',
        fileName: file.fileName,
        body: Buffer.from(file.body, 'utf8'),
      };
    }),
  },
  (status, message, language) => h(ErrorPage, { status, message, language }),
);
