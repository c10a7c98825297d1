import { Marked, type Token, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';

/**
 * Staff-written markdown for mail bodies, as HTML and as plain text.
 *
 * Two layers: marked renders with our own renderer (raw HTML is shown as text, never passed
 * through; only http, https and mailto links become links), then sanitize-html keeps a strict
 * allow-list of tags and attributes whatever marked produced. The plain text is built from the
 * same tokens with the same link rule, so both versions carry the same links.
 */

export interface RenderedMarkdown {
  html: string;
  text: string;
}

const allowedSchemes = new Set(['http:', 'https:', 'mailto:']);

/**
 * The normalised URL if `href` is an absolute http, https or mailto URL, else undefined
 * (relative links mean nothing in a mail; `javascript:`, `data:`, `vbscript:` … never pass).
 */
export function safeLinkHref(href: string | undefined): string | undefined {
  if (typeof href !== 'string') return undefined;
  let url: URL;
  try {
    url = new URL(href.trim());
  } catch {
    return undefined;
  }
  if (!allowedSchemes.has(url.protocol)) return undefined;
  if (url.protocol !== 'mailto:' && (url.username !== '' || url.password !== '')) return undefined;
  return url.href;
}

const escapeHtml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const marked = new Marked({
  gfm: true,
  // Staff type in a text area: a single line break is a line break.
  breaks: true,
  async: false,
  renderer: {
    // Raw HTML, block or inline, is shown as the text it is.
    html({ text, block }) {
      const escaped = escapeHtml(text);
      return block ? `<p>${escaped.replace(/\n/g, '<br>')}</p>\n` : escaped;
    },
    // Headings of the body sit under the mail's own identity: two levels, h2 and h3.
    heading({ tokens, depth }) {
      const tag = depth <= 2 ? 'h2' : 'h3';
      return `<${tag}>${this.parser.parseInline(tokens)}</${tag}>\n`;
    },
    link({ href, tokens }) {
      const inner = this.parser.parseInline(tokens);
      const safe = safeLinkHref(href);
      return safe === undefined ? inner : `<a href="${escapeHtml(safe)}">${inner}</a>`;
    },
    // No <pre> in the allow-list: a code block keeps its lines as line breaks.
    code({ text, escaped }) {
      return `<p>${(escaped ? text : escapeHtml(text)).replace(/\n/g, '<br>')}</p>\n`;
    },
    // No tables in the allow-list: one paragraph per row, cells separated by " | ".
    table({ header, rows }) {
      return [header, ...rows]
        .map((row) => `<p>${row.map((cell) => this.parser.parseInline(cell.tokens)).join(' | ')}</p>\n`)
        .join('');
    },
    // No images in mail bodies (tracking, blocked by default, not accessible): the alt text.
    image({ text }) {
      return escapeHtml(text);
    },
  },
});

const allowedTags = ['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'a', 'h2', 'h3', 'blockquote'];

const baseOptions: sanitizeHtml.IOptions = {
  allowedTags,
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  allowedStyles: {},
  disallowedTagsMode: 'discard',
};

/**
 * Pass one: every link gets an absolute http(s)/mailto href and rel="noopener", or becomes a
 * span. (Spans are allowed here and dropped, text kept, by pass two: sanitize-html 2.17 closes
 * a later tag with the wrong name when a renamed tag is discarded in the same pass.)
 */
const linkOptions: sanitizeHtml.IOptions = {
  ...baseOptions,
  allowedTags: [...allowedTags, 'span'],
  transformTags: {
    a: (_tagName, attribs): sanitizeHtml.Tag => {
      const href = safeLinkHref(attribs.href);
      return href === undefined
        ? { tagName: 'span', attribs: {} }
        : { tagName: 'a', attribs: { href, rel: 'noopener' } };
    },
  },
};

/** Sanitises HTML to the mail-body allow-list (p, br, strong, em, ul, ol, li, a, h2, h3, blockquote). */
export const sanitizeMailHtml = (html: string): string =>
  sanitizeHtml(sanitizeHtml(html, linkOptions), baseOptions);

/** The common character references marked leaves in text as typed. */
const namedEntities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]+);/gi, (match, body: string) => {
    if (body.startsWith('#')) {
      const code =
        body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : match;
    }
    return namedEntities[body.toLowerCase()] ?? match;
  });
}

function inlineText(tokens: Token[] | undefined): string {
  return (tokens ?? []).map(inlineTokenText).join('');
}

function inlineTokenText(token: Token): string {
  const t = token as Tokens.Generic;
  switch (t.type) {
    case 'text':
      return t.tokens ? inlineText(t.tokens) : decodeEntities(t.text);
    case 'escape':
    case 'codespan':
    case 'html':
      return t.text;
    case 'br':
      return '\n';
    case 'strong':
    case 'em':
    case 'del':
      return inlineText(t.tokens);
    case 'link': {
      const { href, tokens } = t as Tokens.Link;
      const label = inlineText(tokens).trim();
      const safe = safeLinkHref(href);
      if (safe === undefined) return label;
      // A mail address reads better without its scheme; mail programs link it anyway.
      const shown = safe.startsWith('mailto:') ? safe.slice('mailto:'.length) : safe;
      const autolink = (t as Tokens.Link).autolink === true;
      return autolink || label === '' || label === shown || label === href || label === safe
        ? shown
        : `${label} (${shown})`;
    }
    case 'image':
      return t.text;
    case 'checkbox':
      return t.checked ? '[x] ' : '[ ] ';
    default:
      return typeof t.text === 'string' ? t.text : inlineText(t.tokens);
  }
}

const indent = (text: string, prefix: string, first = prefix) =>
  text
    .split('\n')
    .map((line, i) => (i === 0 ? first : prefix) + line)
    .join('\n')
    .replace(/[ \t]+$/gm, '');

function blocksText(tokens: Token[]): string {
  return tokens
    .map(blockText)
    .filter((block) => block.trim() !== '')
    .join('\n\n');
}

function blockText(token: Token): string {
  const t = token as Tokens.Generic;
  switch (t.type) {
    case 'space':
    case 'def':
      return '';
    case 'paragraph':
      return inlineText(t.tokens);
    case 'heading': {
      // The mail's own heading is underlined with "="; body headings (h2) with "-", h3 not at all.
      const text = inlineText(t.tokens);
      if (t.depth > 2) return text;
      const width = Math.max(...text.split('\n').map((line) => [...line].length));
      return `${text}\n${'-'.repeat(width)}`;
    }
    case 'text':
      return t.tokens ? inlineText(t.tokens) : decodeEntities(t.text);
    case 'code':
      return t.text;
    case 'html':
      return t.text;
    case 'hr':
      return '----';
    case 'blockquote':
      return indent(blocksText(t.tokens ?? []), '> ');
    case 'list': {
      const list = t as Tokens.List;
      const start = typeof list.start === 'number' ? list.start : 1;
      return list.items
        .map((item, i) => {
          const marker = list.ordered ? `${start + i}. ` : '- ';
          const checkbox = item.task ? (item.checked ? '[x] ' : '[ ] ') : '';
          const body = item.tokens.map(blockText).filter((part) => part.trim() !== '');
          return indent(checkbox + body.join(item.loose ? '\n\n' : '\n'), ' '.repeat(marker.length), marker);
        })
        .join(list.loose ? '\n\n' : '\n');
    }
    case 'table': {
      const table = t as Tokens.Table;
      return [table.header, ...table.rows]
        .map((row) => row.map((cell) => inlineText(cell.tokens)).join(' | '))
        .join('\n');
    }
    default:
      return t.tokens ? inlineText(t.tokens) : typeof t.text === 'string' ? t.text : '';
  }
}

/**
 * Staff markdown (GFM, single line breaks kept) as sanitised HTML and as readable plain text
 * (links as `text (url)`). Raw HTML in the markdown is shown as text, never interpreted.
 */
export function renderUserMarkdown(markdown: string): RenderedMarkdown {
  const source = markdown.replace(/\r\n?/g, '\n');
  const tokens = marked.lexer(source);
  const html = sanitizeMailHtml(marked.parser(tokens)).trim();
  const text = blocksText(tokens)
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { html, text };
}
