import { Marked, type Token, type Tokens } from 'marked';

/**
 * Staff-written markdown for mail bodies and public pages, as HTML and as plain text.
 *
 * Safe by construction, without an HTML sanitiser after it: marked runs with a renderer of our
 * own for every token type, and each method writes only tags of the allow-list (p, br, strong,
 * em, ul, ol, li, a, h2, h3, blockquote), no attribute but `href` + `rel` on `<a>`, and every
 * piece of staff text escaped. Raw HTML is shown as text, never passed through; only absolute
 * http, https and mailto links become links. (Until issue 11 a second layer, sanitize-html, went
 * over the result: it brought postcss, htmlparser2 and entities, ~250 KiB, into every function
 * that renders markdown. tests/unit/mail-markdown.test.ts keeps it as the oracle: whatever the
 * input, it finds nothing to remove.) The plain text is built from the same tokens with the same
 * link rule, so both versions carry the same links.
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

/** Escapes every `&`, `<`, `>`, `"` and `'`: literal text (code, alt text, raw HTML shown as text). */
const escapeHtml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** A double-quoted attribute value (an `href`): `'` may stay, as in the mails sent so far. */
const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Escapes text as marked does: `<`, `>`, `"`, `'` always, `&` unless it starts a character
 * reference (marked leaves `&amp;` or `&nbsp;` typed by staff as it is). A reference in text
 * content is only ever a character, never markup, and no `<` survives.
 */
const escapeText = (text: string) =>
  text.replace(/[<>"']|&(?!(?:#\d{1,7}|#[Xx][a-fA-F0-9]{1,6}|\w+);)/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;',
  );

/**
 * Every token type marked's parser can hand to the renderer has a method here; the ones not
 * listed (paragraph, blockquote, listitem, strong, em, br, space, def) write only allowed tags
 * around content rendered by these.
 */
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
    // Always escaped: marked marks text after an inline `<pre>`, `<code>` or `<script>` as
    // "escaped" and would pass it through as HTML (`<code><svg onload=…` in a paragraph).
    text(token) {
      return 'tokens' in token && token.tokens
        ? this.parser.parseInline(token.tokens)
        : escapeText(token.text);
    },
    // Headings of the body sit under the mail's own identity: two levels, h2 and h3.
    heading({ tokens, depth }) {
      const tag = depth <= 2 ? 'h2' : 'h3';
      return `<${tag}>${this.parser.parseInline(tokens)}</${tag}>\n`;
    },
    // No title attribute; unsafe destinations leave their text.
    link({ href, tokens }) {
      const inner = this.parser.parseInline(tokens);
      const safe = safeLinkHref(href);
      return safe === undefined ? inner : `<a href="${escapeAttribute(safe)}" rel="noopener">${inner}</a>`;
    },
    // No <pre> in the allow-list: a code block keeps its lines as line breaks.
    code({ text }) {
      return `<p>${escapeHtml(text).replace(/\n/g, '<br>')}</p>\n`;
    },
    // No <code> or <del> in the allow-list: their text.
    codespan({ text }) {
      return escapeHtml(text);
    },
    del({ tokens }) {
      return this.parser.parseInline(tokens);
    },
    // No <hr> and no task-list checkboxes in the allow-list (the plain text keeps "[x]").
    hr() {
      return '';
    },
    checkbox() {
      return '';
    },
    // No `start` attribute: an ordered list always counts from 1 in the HTML.
    list({ ordered, items }) {
      const tag = ordered ? 'ol' : 'ul';
      return `<${tag}>\n${items.map((item) => this.listitem(item)).join('')}</${tag}>\n`;
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
 * Staff markdown (GFM, single line breaks kept) as HTML of the allow-list and as readable plain
 * text (links as `text (url)`). Raw HTML in the markdown is shown as text, never interpreted.
 */
export function renderUserMarkdown(markdown: string): RenderedMarkdown {
  const source = markdown.replace(/\r\n?/g, '\n');
  const tokens = marked.lexer(source);
  const html = marked.parser(tokens).trim();
  const text = blocksText(tokens)
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { html, text };
}
