import type { ComponentChildren } from 'preact';
import type { Language } from '../domain/programmes/programme.js';
import type { MessageData, MessageKind } from './content.js';
import { Button, LinkFallback, List, Paragraph, SanitizedHtml } from './layout.js';
import { renderUserMarkdown } from './markdown.js';
import type { MailTexts } from './texts.js';

/** What a template gets besides its data. */
export interface TemplateContext {
  language: Language;
  texts: MailTexts;
  tenantName: string;
}

/** One kind's mail, before the layout: the parts that differ between kinds. */
export interface TemplateOutput {
  subject: string;
  preheader: string;
  banner?: string;
  /** The heading at the top of the card, before the greeting. */
  heading: string;
  /** The content of the card, after the greeting (HTML). */
  body: ComponentChildren;
  /** The same content as plain text, after the greeting. */
  bodyText: string;
  /** Why the recipient gets the mail (the footer). */
  reason: string;
}

export interface MessageTemplate<K extends MessageKind> {
  /**
   * Bulk mail (campaigns): needs an unsubscribe link, shown in the footer and in
   * List-Unsubscribe. Transactional mail (the recipient's own request) has none.
   */
  bulk: boolean;
  render(data: MessageData<K>, context: TemplateContext): TemplateOutput;
}

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
  data: MessageData<'announcement'>,
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

export const templates: { [K in MessageKind]: MessageTemplate<K> } = {
  announcement: {
    bulk: true,
    render: announcement,
  },
  'test-send': {
    bulk: true,
    render(data, context) {
      // Exactly what recipients will get, with a banner and a marked subject.
      const parts = announcement(data, context);
      return {
        ...parts,
        subject: `${context.texts.testSubjectPrefix} ${parts.subject}`,
        banner: context.texts.testBanner,
      };
    },
  },
  'subscription-confirmation': {
    bulk: false,
    render(data, { texts, tenantName }) {
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
  },
};
