import fc from 'fast-check';
import sanitizeHtml from 'sanitize-html';
import { describe, expect, it } from 'vitest';
import { renderUserMarkdown, safeLinkHref } from '../../shared/platform/mail-kit/markdown.js';

const allowedTags = new Set(['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'a', 'h2', 'h3', 'blockquote']);

/**
 * Checks the HTML structurally, independently of sanitize-html: every `<` starts an allowed
 * tag, only `<a>` has attributes (href with http/https/mailto, rel="noopener"), and no
 * attribute text is left over. Returns the tags seen.
 */
function assertSafeMailHtml(html: string): string[] {
  const tags: string[] = [];
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z-]+="[^"<>]*")*)\s*\/?>/g;
  let consumed = 0;
  for (const match of html.matchAll(tag)) {
    const [whole, closing, name = '', attributeText = ''] = match;
    consumed += 1;
    const lower = name.toLowerCase();
    expect(allowedTags.has(lower), `tag <${name}> in ${html}`).toBe(true);
    tags.push(`${closing}${lower}`);
    const attributes = [...attributeText.matchAll(/\s+([a-zA-Z-]+)="([^"]*)"/g)];
    if (lower !== 'a' || closing) {
      expect(attributes, `attributes on <${name}> in ${whole}`).toEqual([]);
      continue;
    }
    const names = attributes.map((a) => a[1]).sort();
    expect(names).toEqual(['href', 'rel']);
    const href = attributes.find((a) => a[1] === 'href')?.[2] ?? '';
    const rel = attributes.find((a) => a[1] === 'rel')?.[2];
    expect(rel).toBe('noopener');
    expect(href.replace(/&amp;/g, '&')).toMatch(/^(https?:\/\/|mailto:)/);
  }
  expect(html.split('<').length - 1, `stray "<" in ${html}`).toBe(consumed);
  return tags;
}

/** Pieces of markdown and HTML syntax the property tests combine at random. */
const fragments = [
  '<',
  '>',
  '</',
  'script',
  'img',
  'a',
  ' href=',
  ' src=x',
  ' onerror=alert(1)',
  'javascript:',
  'data:',
  'https://ok.example',
  '[',
  ']',
  '(',
  ')',
  '"',
  "'",
  '&',
  '&#',
  ';',
  ' ',
  '\n',
  '\n\n',
  '*',
  '_',
  '`',
  '!',
  '#',
  '> ',
  '- ',
  '1. ',
  '|',
  '\\',
];

/** Syntax of the token types rendered without the allow-list's tags (code, del, hr, tasks, tables). */
const moreFragments = [
  '<code>',
  '<pre>',
  '~~',
  '```\n',
  '---\n',
  '- [x] ',
  '- [ ] ',
  '3. ',
  '| a | b |\n|---|---|\n',
  '&amp;',
  '&#106;',
  '&nbsp;',
  '<https://ok.example>',
  'info@ok.example',
  '](https://ok.example "t")',
  '![',
];

/** OWASP XSS filter evasion cheat sheet, adapted to markdown input. */
const xssVectors = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<IMG SRC="javascript:alert(\'XSS\');">',
  '<IMG SRC=JaVaScRiPt:alert(1)>',
  '<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>',
  '<svg/onload=alert(1)>',
  '<body onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">click</a>',
  '<a href="https://ok.example" onclick="alert(1)">click</a>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<style>@import "https://xss.example/x.css";</style>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<<script>alert(1)//<</script>',
  '<!--<img src=x onerror=alert(1)>-->',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<input autofocus onfocus=alert(1)>',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click]( javascript:alert(1))',
  '[click](<javascript:alert(1)>)',
  '[click](javascript&#58;alert(1))',
  '[click](&#106;avascript:alert(1))',
  '[click](java\tscript:alert(1))',
  '[click](vbscript:msgbox(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](//evil.example/path)',
  '[click](/relative/path)',
  '[click][ref]\n\n[ref]: javascript:alert(1)',
  '<javascript:alert(1)>',
  '![x](https://tracker.example/pixel.gif)',
  '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '![x" onerror="alert(1)](x)',
  '[a](https://ok.example" onmouseover="alert(1))',
  '[a](https://ok.example "title\\" onclick=\\"alert(1)")',
  '[<img src=x onerror=alert(1)>](https://ok.example)',
  '**<img src=x onerror=alert(1)>**',
  '`<script>alert(1)</script>`',
  '```html\n<script>alert(1)</script>\n```',
  '    <script>alert(1)</script>',
  '> <script>alert(1)</script>',
  '- <img src=x onerror=alert(1)>',
  '| a |\n|---|\n| <script>alert(1)</script> |',
];

describe('renderUserMarkdown: XSS', () => {
  it.each(xssVectors)('neutralises %j', (vector) => {
    const { html, text } = renderUserMarkdown(`Före\n\n${vector}\n\nEfter`);
    assertSafeMailHtml(html);
    expect(html).not.toMatch(
      /<(script|img|svg|iframe|style|body|math|input|form|object|meta|details|div)\b/i,
    );
    // Inside tags (text is escaped, so only tags have a literal "<"), no handler, style or script URL.
    for (const tag of html.match(/<[^>]*>/g) ?? []) {
      expect(tag).not.toMatch(/\son[a-z]+=|\sstyle=|\ssrc=|javascript:|vbscript:|data:/i);
    }
    expect(html).toContain('Före');
    expect(html).toContain('Efter');
    expect(text).toContain('Före');
  });

  it('never turns an unsafe destination into a link, in HTML or in text', () => {
    for (const vector of xssVectors.filter((v) => v.startsWith('[click]'))) {
      const { html, text } = renderUserMarkdown(vector);
      expect(html, vector).not.toContain('<a');
      // A tab makes the destination invalid markdown: the whole thing stays text.
      if (vector.includes('\t')) continue;
      expect(html, vector).toBe('<p>click</p>');
      expect(text, vector).toBe('click');
    }
    // An autolink with a script scheme stays the text it is.
    expect(renderUserMarkdown('<javascript:alert(1)>').html).toBe('<p>javascript:alert(1)</p>');
  });

  it('escapes raw HTML so that it is shown, not interpreted', () => {
    const { html, text } = renderUserMarkdown('Skriv <b>inte</b> så här & <script>x</script>');
    expect(html).toBe('<p>Skriv &lt;b&gt;inte&lt;/b&gt; så här &amp; &lt;script&gt;x&lt;/script&gt;</p>');
    expect(text).toBe('Skriv <b>inte</b> så här & <script>x</script>');
  });

  it('keeps any input to the allow-list', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments, ...moreFragments), { maxLength: 40 }), (parts) => {
        assertSafeMailHtml(renderUserMarkdown(parts.join('')).html);
      }),
      { numRuns: 500 },
    );
  });

  it('escapes text that marked would pass through after an inline <code>, <pre> or <script>', () => {
    // marked marks such text "escaped" and its own renderer writes it as HTML; until issue 11
    // only the sanitiser behind it stopped `<svg onload=…>` here.
    for (const opener of ['<code>', '<pre>', '<script>', '<kbd>']) {
      const { html } = renderUserMarkdown(`Se ${opener}<svg onload=alert(1)// & "q"`);
      assertSafeMailHtml(html);
      expect(html).not.toMatch(/<svg/i);
      expect(html).toContain('&lt;svg onload=alert(1)// &amp; &quot;q&quot;');
    }
  });

  it('writes only what the former sanitiser (sanitize-html, strict allow-list) would keep', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments, ...moreFragments), { maxLength: 40 }), (parts) => {
        const { html } = renderUserMarkdown(parts.join(''));
        expect(strictSanitiser(html)).toBe(permissiveSanitiser(html));
      }),
      { numRuns: 500 },
    );
  });
});

/** What `sanitizeMailHtml` did until issue 11, kept here as the oracle of the renderer's output. */
const allowList = {
  allowedTags: [...allowedTags],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  allowedStyles: {},
  disallowedTagsMode: 'discard',
} satisfies sanitizeHtml.IOptions;

function strictSanitiser(html: string): string {
  const links = sanitizeHtml(html, {
    ...allowList,
    allowedTags: [...allowList.allowedTags, 'span'],
    transformTags: {
      a: (_tagName, attribs): sanitizeHtml.Tag => {
        const href = safeLinkHref(attribs.href);
        return href === undefined
          ? { tagName: 'span', attribs: {} }
          : { tagName: 'a', attribs: { href, rel: 'noopener' } };
      },
    },
  });
  return sanitizeHtml(links, allowList);
}

/** The same parser and serialiser keeping everything: only the text encoding is normalised. */
const permissiveSanitiser = (html: string) =>
  sanitizeHtml(html, { allowedTags: false, allowedAttributes: false, allowVulnerableTags: true });

describe('renderUserMarkdown: formatting', () => {
  it('keeps the allowed formatting', () => {
    const { html } = renderUserMarkdown(
      [
        '# Rubrik',
        '## Underrubrik',
        '### Mindre rubrik',
        '#### Ännu mindre',
        '',
        '**Fet**, *kursiv* och _också kursiv_.',
        'Ny rad i samma stycke.',
        '',
        '- ett',
        '- två',
        '',
        '1. första',
        '2. andra',
        '',
        '> Ett citat',
        '',
        'Läs [programmet](https://hassleholm.se/program?tema=1&sprak=sv) eller mejla <info@hassleholm.se>.',
      ].join('\n'),
    );
    const tags = assertSafeMailHtml(html);
    for (const tag of ['h2', 'h3', 'strong', 'em', 'br', 'ul', 'ol', 'li', 'blockquote', 'p', 'a']) {
      expect(tags, tag).toContain(tag);
    }
    expect(html).toContain('<h2>Rubrik</h2>');
    expect(html).toContain('<h2>Underrubrik</h2>');
    expect(html).toContain('<h3>Mindre rubrik</h3>');
    expect(html).toContain('<h3>Ännu mindre</h3>');
    expect(html).toContain('<strong>Fet</strong>');
    expect(html).toContain('<em>kursiv</em>');
    expect(html).toContain(
      '<a href="https://hassleholm.se/program?tema=1&amp;sprak=sv" rel="noopener">programmet</a>',
    );
    expect(html).toContain('<a href="mailto:info@hassleholm.se" rel="noopener">info@hassleholm.se</a>');
  });

  it('gives readable plain text with links as "text (url)"', () => {
    const { text } = renderUserMarkdown(
      [
        '## Program',
        '',
        'Vi bjuder på **kaffe**. Läs [programmet](https://hassleholm.se/program) eller mejla info@hassleholm.se.',
        'Mer på https://hassleholm.se.',
        '',
        '- ett',
        '- två',
        '  1. a',
        '',
        '> citat',
        '',
        '![logotyp](https://x.example/logo.png)',
      ].join('\n'),
    );
    expect(text).toBe(
      [
        'Program',
        '-------',
        '',
        'Vi bjuder på kaffe. Läs programmet (https://hassleholm.se/program) eller mejla info@hassleholm.se.',
        'Mer på https://hassleholm.se/.',
        '',
        '- ett',
        '- två',
        '  1. a',
        '',
        '> citat',
        '',
        'logotyp',
      ].join('\n'),
    );
  });

  it('carries the same links in HTML and text', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.stringMatching(/^[A-Za-zåäö ]{1,12}$/), fc.webUrl({ validSchemes: ['https'] })),
          {
            maxLength: 5,
          },
        ),
        (links) => {
          const { html, text } = renderUserMarkdown(
            links.map(([label, url]) => `Se [${label}](<${url}>).`).join('\n\n'),
          );
          const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&'));
          for (const href of hrefs) expect(text).toContain(href);
        },
      ),
    );
  });
});
