import { h } from 'preact';
import { assertHeaderSafe, hasControlCharacters, httpsLink } from '../platform/mail-kit/headers.js';
import type { InlineImage } from '../platform/mail-kit/inline-images.js';
import {
  EmailLayout,
  type FooterProps,
  Heading,
  type MailBrand,
  Paragraph,
  renderEmailDocument,
} from '../platform/mail-kit/layout.js';
import type { Language } from '../platform/texts/language.js';
import type {
  DataInputOf,
  KindOf,
  MessageTemplate,
  TemplateContext,
  TemplateOutput,
  TemplateSet,
} from './message.js';
import { mailTexts } from './texts.js';

/*
 * The mail engine: a kind's template inside the common layout (greeting, footer, unsubscribe
 * link), as HTML and plain text. It renders the kinds of the template set it is given; the set
 * of every capability's kinds is `shared/message-kinds.ts`.
 */

interface MessageInputBase {
  language: Language;
  /** The municipality sending: the sender identity at the top and in the footer. */
  tenantName: string;
  recipientName?: string;
  /** Bulk kinds only (required there, refused for transactional kinds). */
  unsubscribeUrl?: string;
  /** The municipality's colour and logo in the header. */
  brand?: MailBrand;
}

/** What {@link renderMessage} takes for the kinds of `T`: one member per kind, `data` as its schema accepts it. */
export type MessageInputOf<T extends TemplateSet> = {
  [K in KindOf<T>]: MessageInputBase & { kind: K; data: DataInputOf<T, K> };
}[KindOf<T>];

export interface RenderedMessage {
  /** Header-safe (checked with `assertHeaderSafe`). */
  subject: string;
  /** A complete HTML document. */
  html: string;
  /** A complete plain-text alternative, with the same links. */
  text: string;
  /** The images the HTML shows by `cid:`: to attach inline, each with its Content-ID. */
  inlineImages: InlineImage[];
}

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

function partsOf(
  templates: TemplateSet,
  kind: string,
  data: unknown,
  context: TemplateContext,
): { bulk: boolean; parts: TemplateOutput } {
  if (!Object.hasOwn(templates, kind)) throw new Error(`Unknown message kind: ${String(kind)}`);
  const template = templates[kind] as MessageTemplate;
  const parsed = template.schema.parse(data);
  return { bulk: template.bulk, parts: template.render(parsed, context) };
}

const underline = (text: string, character: string) => `${text}\n${character.repeat([...text].length)}`;

/**
 * One mail of a kind in `templates`, ready for SES: subject, HTML and plain text, in the
 * recipient's language. Validates `data` with the kind's schema (throws a ZodError), refuses a
 * kind not in `templates`, a subject that is not header-safe, a bulk kind without an https
 * `unsubscribeUrl` and a transactional kind with one.
 */
export function renderMessage<T extends TemplateSet>(
  templates: T,
  input: MessageInputOf<T>,
): RenderedMessage {
  const { kind, language } = input;
  const texts = Object.hasOwn(mailTexts, language) ? mailTexts[language] : undefined;
  if (!texts) throw new Error(`Unsupported mail language: ${String(language)}`);
  const tenantName = tenantNameOf(input.tenantName);
  const recipientName = recipientNameOf(input.recipientName);

  const { bulk, parts } = partsOf(templates, kind, input.data, { language, texts, tenantName });

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
      {
        language,
        title: subject,
        preheader: parts.preheader,
        tenantName,
        brand: input.brand,
        banner: parts.banner,
        footer,
      },
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

  const logo = input.brand?.logo;
  const inlineImages = [...(logo && !('url' in logo) ? [logo] : []), ...(parts.inlineImages ?? [])].map(
    ({ contentId, fileName, contentType, content }) => ({ contentId, fileName, contentType, content }),
  );
  return { subject, html, text: `${text}\n`, inlineImages };
}
