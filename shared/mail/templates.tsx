import { Button, LinkFallback, List, Paragraph, SanitizedHtml } from '../platform/mail-kit/layout.js';
import { renderUserMarkdown } from '../platform/mail-kit/markdown.js';
import { mailMessages } from './content.js';
import { type DataOf, type TemplateContext, type TemplateOutput, templateSet } from './message.js';

/** The preview text: the start of the body, on one line, without heading rules and link URLs. */
function previewOf(text: string, max = 140): string {
  const line = text
    .split('\n')
    .filter((l) => !/^\s*[=-]+\s*$/.test(l))
    .map((l) => l.replace(/^\s*(?:[-*]|\d+\.|>)\s+/, ''))
    .join(' ')
    .replace(/ \((?:https?:|mailto:)[^\s)]*\)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const characters = [...line];
  return characters.length <= max
    ? line
    : `${characters
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

/** An announcement's parts (also the test send's). */
function announcement(
  data: DataOf<typeof mailMessages, 'announcement'>,
  { texts, tenantName }: TemplateContext,
): TemplateOutput {
  const { html, text } = renderUserMarkdown(data.markdownBody);
  const cta =
    data.ctaLabel !== undefined && data.ctaUrl !== undefined
      ? { label: data.ctaLabel, url: data.ctaUrl }
      : undefined;
  return {
    subject: data.subject,
    preheader: previewOf(text),
    heading: data.subject,
    body: (
      <>
        <SanitizedHtml html={html} />
        {cta ? <Button url={cta.url} label={cta.label} /> : null}
      </>
    ),
    bodyText: [text, cta ? `${cta.label}: ${cta.url}` : ''].filter(Boolean).join('\n\n'),
    reason: texts.bulk.reason(tenantName),
  };
}

/** The templates of the mail capability's own kinds. */
export const mailTemplates = templateSet(mailMessages, {
  announcement,
  'test-send'(data, context) {
    // Exactly what recipients will get, with a banner and a marked subject.
    const parts = announcement(data, context);
    return {
      ...parts,
      subject: `${context.texts.testSubjectPrefix} ${parts.subject}`,
      banner: context.texts.testBanner,
    };
  },
  'subscription-confirmation'(data, { texts, tenantName }) {
    const t = texts.subscriptionConfirmation;
    const topics = data.topics;
    return {
      subject: t.subject(tenantName),
      preheader: t.preheader,
      heading: t.heading,
      body: (
        <>
          <Paragraph>{t.intro(tenantName)}</Paragraph>
          {topics.length > 0 ? (
            <>
              <Paragraph>{t.topicsLead}</Paragraph>
              <List items={topics} />
            </>
          ) : null}
          <Button url={data.confirmUrl} label={t.button} />
          <LinkFallback lead={texts.linkFallback} url={data.confirmUrl} />
        </>
      ),
      bodyText: [
        t.intro(tenantName),
        topics.length > 0 ? [t.topicsLead, ...topics.map((topic) => `- ${topic}`)].join('\n') : '',
        `${t.button}: ${data.confirmUrl}`,
      ]
        .filter(Boolean)
        .join('\n\n'),
      reason: t.reason(tenantName),
    };
  },
});
