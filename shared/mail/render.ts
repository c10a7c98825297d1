import { h } from 'preact';
import { assertHeaderSafe, hasControlCharacters, httpsLink } from '../platform/mail-kit/headers.js';
import {
  EmailLayout,
  type FooterProps,
  Heading,
  Paragraph,
  renderEmailDocument,
} from '../platform/mail-kit/layout.js';
import type { Language } from '../platform/texts/language.js';
import {
  bulkByKind,
  type MessageData,
  type MessageDataInput,
  type MessageKind,
  messageDataSchemas,
} from './content.js';
import { type MessageTemplate, type TemplateOutput, templates } from './templates.js';
import { mailTexts } from './texts.js';

export type { MessageContent, MessageData, MessageDataInput, MessageKind } from './content.js';
export { messageContentSchema, messageDataSchemas, messageKinds } from './content.js';

interface MessageInputBase {
  language: Language;
  /** The municipality sending: the sender identity at the top and in the footer. */
  tenantName: string;
  recipientName?: string;
  /** Bulk kinds only (required there, refused for transactional kinds). */
  unsubscribeUrl?: string;
}

/** What {@link renderMessage} takes: one member per kind, `data` as its schema accepts it. */
export type MessageInput = {
  [K in MessageKind]: MessageInputBase & { kind: K; data: MessageDataInput<K> };
}[MessageKind];

export interface RenderedMessage {
  /** Header-safe (checked with `assertHeaderSafe`). */
  subject: string;
  /** A complete HTML document. */
  html: string;
  /** A complete plain-text alternative, with the same links. */
  text: string;
}

export { isBulkKind } from './content.js';

const maxTenantNameLength = 200;

function tenantNameOf(name: string): string {
  const trimmed = typeof name === 'string' ? name.trim() : '';
  if (trimmed === '' || [...trimmed].length > maxTenantNameLength || hasControlCharacters(trimmed)) {
    throw new Error(`tenantName must be one line of 1..${maxTenantNameLength} characters`);
  }
  return trimmed;
}

/** A contact's name as data: control characters and runs of white space become one space. */
function recipientNameOf(name: string | undefined): string | undefined {
  if (typeof name !== 'string') return undefined;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
  const cleaned = name.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\s]+/g, ' ').trim();
  return cleaned === '' ? undefined : cleaned;
}

function partsOf<K extends MessageKind>(
  kind: K,
  data: MessageDataInput<K>,
  context: Parameters<MessageTemplate<K>['render']>[1],
): { bulk: boolean; parts: TemplateOutput } {
  if (!Object.hasOwn(templates, kind)) throw new Error(`Unknown message kind: ${String(kind)}`);
  const template: MessageTemplate<K> = templates[kind];
  const parsed = messageDataSchemas[kind].parse(data) as MessageData<K>;
  return { bulk: bulkByKind[kind], parts: template.render(parsed, context) };
}

const underline = (text: string, character: string) => `${text}\n${character.repeat([...text].length)}`;

/**
 * One mail, ready for SES: subject, HTML and plain text, in the recipient's language.
 * Validates `data` with the kind's schema (throws a ZodError), refuses a subject that is not
 * header-safe, a bulk kind without an https `unsubscribeUrl` and a transactional kind with one.
 */
export function renderMessage(input: MessageInput): RenderedMessage {
  const { kind, language } = input;
  const texts = Object.hasOwn(mailTexts, language) ? mailTexts[language] : undefined;
  if (!texts) throw new Error(`Unsupported mail language: ${String(language)}`);
  const tenantName = tenantNameOf(input.tenantName);
  const recipientName = recipientNameOf(input.recipientName);

  const { bulk, parts } = partsOf(kind, input.data, { language, texts, tenantName });

  let unsubscribeUrl: string | undefined;
  if (bulk) {
    const url = input.unsubscribeUrl === undefined ? undefined : httpsLink(input.unsubscribeUrl);
    if (!url) throw new Error(`A ${kind} mail is bulk mail: it needs an https unsubscribeUrl`);
    unsubscribeUrl = url.href;
  } else if (input.unsubscribeUrl !== undefined) {
    throw new Error(`A ${kind} mail is transactional: it has no unsubscribe link`);
  }

  const subject = parts.subject;
  assertHeaderSafe('Subject', subject);

  const greeting = texts.greeting(recipientName);
  const footer: FooterProps = {
    reason: parts.reason,
    ...(unsubscribeUrl
      ? {
          unsubscribe: {
            lead: texts.bulk.unsubscribeLead,
            label: texts.bulk.unsubscribe,
            url: unsubscribeUrl,
          },
        }
      : {}),
  };

  const html = renderEmailDocument(
    h(
      EmailLayout,
      { language, title: subject, preheader: parts.preheader, tenantName, banner: parts.banner, footer },
      h(Heading, null, parts.heading),
      h(Paragraph, null, greeting),
      parts.body,
    ),
  );

  const text = [
    tenantName,
    parts.banner ? `[ ${parts.banner} ]` : '',
    underline(parts.heading, '='),
    greeting,
    parts.bodyText,
    [
      '--',
      footer.reason,
      footer.unsubscribe
        ? `${footer.unsubscribe.lead} ${footer.unsubscribe.label}: ${footer.unsubscribe.url}`
        : '',
    ]
      .filter(Boolean)
      .join('\n'),
  ]
    .filter(Boolean)
    .join('\n\n');

  return { subject, html, text: `${text}\n` };
}
