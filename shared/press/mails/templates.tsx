import { type DataOf, type TemplateContext, type TemplateOutput, templateSet } from '../../mail/index.js';
import { Heading, Paragraph, SanitizedHtml } from '../../platform/mail-kit/layout.js';
import { renderUserMarkdown } from '../../platform/mail-kit/markdown.js';
import { buttonPart, joinText, subHeadingText } from '../../platform/mail-kit/parts.js';
import { formatDateTime } from '../../platform/texts/format.js';
import { pressMessages } from './content.js';
import { releaseMailTexts } from './texts.js';

type Data = DataOf<typeof pressMessages, 'press-release'>;

/*
 * A release as mail: the embargo notice first where there is one, the release's own text in its
 * language (Markdown through the sanitising renderer: script, handlers and `javascript:` links
 * never survive), the link to its page and downloads, the preference centre. The layout adds the
 * unsubscribe link and the sender the one-click headers.
 */
function releaseMail(data: Data, context: TemplateContext): TemplateOutput {
  const t = releaseMailTexts[context.language];
  const embargo = data.embargoUntil
    ? formatDateTime(data.embargoUntil, context.language, data.timeZone)
    : undefined;
  const body = renderUserMarkdown(data.body);
  const read = buttonPart(data.pageUrl, t.readOnline, context.texts.linkFallback);
  const notice = embargo ? t.embargoNotice(embargo) : '';
  const downloadsText = data.downloads.length
    ? [subHeadingText(t.downloads), ...data.downloads.map((d) => `- ${d.name}: ${d.url}`)].join('\n')
    : '';
  const preferencesText = data.preferencesUrl ? `${t.preferences}: ${data.preferencesUrl}` : '';
  return {
    subject: embargo ? `${t.embargoSubject} ${embargo}: ${data.headline}` : data.headline,
    preheader: data.lead.slice(0, 140) || data.headline,
    ...(embargo ? { banner: notice } : {}),
    heading: data.headline,
    body: (
      <>
        <div lang={data.releaseLanguage}>
          {data.lead ? (
            <Paragraph>
              <strong>{data.lead}</strong>
            </Paragraph>
          ) : null}
          <SanitizedHtml html={body.html} />
        </div>
        {read.html}
        {embargo ? <Paragraph>{t.readOnlineEmbargo(embargo)}</Paragraph> : null}
        {data.downloads.length ? (
          <>
            <Heading>{t.downloads}</Heading>
            <ul>
              {data.downloads.map((d) => (
                <li key={d.url}>
                  <a href={d.url}>{d.name}</a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {data.preferencesUrl ? (
          <Paragraph>
            <a href={data.preferencesUrl}>{t.preferences}</a>
          </Paragraph>
        ) : null}
      </>
    ),
    bodyText: joinText(
      notice,
      data.lead,
      body.text,
      read.text,
      embargo ? t.readOnlineEmbargo(embargo) : '',
      downloadsText,
      preferencesText,
    ),
    reason: t.reason(context.tenantName),
  };
}

export const pressTemplates = templateSet(pressMessages, { 'press-release': releaseMail });
