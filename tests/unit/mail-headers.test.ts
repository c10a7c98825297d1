import type { MessageHeader } from '@aws-sdk/client-sesv2';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assertHeaderSafe,
  encodeWords,
  formatMailbox,
  isValidEmail,
  listUnsubscribeHeaders,
  MailHeaderError,
} from '../../shared/platform/mail-kit/headers.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: test inputs without control characters.
const controlCharacters = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** An independent RFC 2047 decoder (B and Q, UTF-8): whitespace between encoded-words is dropped. */
function decodeEncodedWords(phrase: string): string {
  const word = /=\?UTF-8\?([BQ])\?([^?]*)\?=/gi;
  return phrase.replace(/\?=\s+=\?/g, '?==?').replace(word, (_match, encoding: string, text: string) =>
    encoding.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text
            .replace(/_/g, ' ')
            .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

function headerErrorOf(fn: () => unknown): MailHeaderError | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof MailHeaderError) return error;
    throw error;
  }
  return undefined;
}

const lineBreak = fc.constantFrom('\r', '\n', '\r\n', '\n\r');

describe('assertHeaderSafe', () => {
  it('accepts an ordinary subject, with Swedish and Danish letters', () => {
    expect(() => assertHeaderSafe('Subject', 'Välkommen till frukostmöte – Helsingør, Æ Ø Å')).not.toThrow();
  });

  it('refuses any value that contains CR or LF, naming the header', () => {
    fc.assert(
      fc.property(fc.string(), lineBreak, fc.string(), (before, br, after) => {
        const error = headerErrorOf(() => assertHeaderSafe('Subject', before + br + after));
        expect(error).toBeInstanceOf(MailHeaderError);
        expect(error?.header).toBe('Subject');
        expect(error?.message).toContain('Subject');
      }),
    );
  });

  it('refuses other control characters and Unicode line separators', () => {
    for (const c of ['\u0000', '\t', '\u000b', '\u000c', '\u001b', '\u007f', '\u0085', '\u2028', '\u2029']) {
      expect(headerErrorOf(() => assertHeaderSafe('X-Test', `a${c}b`))?.header).toBe('X-Test');
    }
  });

  it('accepts any printable value up to 998 characters and refuses 999', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (value) => {
        fc.pre(!new RegExp(controlCharacters.source).test(value));
        expect(() => assertHeaderSafe('Subject', value)).not.toThrow();
      }),
    );
    expect(() => assertHeaderSafe('Subject', 'x'.repeat(998))).not.toThrow();
    expect(headerErrorOf(() => assertHeaderSafe('Subject', 'x'.repeat(999)))?.message).toMatch(/998/);
  });

  it('refuses an invalid header name', () => {
    expect(() => assertHeaderSafe('Sub:ject', 'x')).toThrow(MailHeaderError);
    expect(() => assertHeaderSafe('Sub ject', 'x')).toThrow(MailHeaderError);
    expect(() => assertHeaderSafe('X-Evil\r\nBcc', 'x')).toThrow(MailHeaderError);
  });
});

describe('isValidEmail', () => {
  it.each([
    'anna.lindqvist@hassleholm.se',
    'info+press@helsingor.dk',
    "o'brien@example.co.uk",
    'a@b.se',
    'x@xn--hssleholm-v2a.se',
  ])('accepts %s', (address) => {
    expect(isValidEmail(address)).toBe(true);
  });

  it.each([
    '',
    'anna',
    'anna@',
    '@hassleholm.se',
    'anna@@hassleholm.se',
    'anna@kommun@hassleholm.se',
    'anna@localhost',
    'anna lindqvist@hassleholm.se',
    'anna@hassle holm.se',
    'anna@hassleholm.se\r\nBcc: x@y.se',
    'anna@hassleholm.se\n',
    '"anna"@hassleholm.se',
    'anna.@hassleholm.se',
    '.anna@hassleholm.se',
    'an..na@hassleholm.se',
    'anna@-hassleholm.se',
    'anna@hassleholm.s',
    'Anna <anna@hassleholm.se>',
    'åsa@hässleholm.se',
    `${'a'.repeat(65)}@hassleholm.se`,
    `a@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(60)}.se`,
  ])('refuses %j', (address) => {
    expect(isValidEmail(address)).toBe(false);
  });

  it('accepts the addresses fast-check generates (RFC 5322 dot-atoms at real-looking domains)', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (address) => {
        expect(isValidEmail(address)).toBe(true);
      }),
    );
  });

  it('refuses any address containing white space or a line break', () => {
    fc.assert(
      fc.property(fc.emailAddress(), fc.nat(), fc.constantFrom(' ', '\t', '\r', '\n'), (address, at, ws) => {
        const i = at % (address.length + 1);
        expect(isValidEmail(address.slice(0, i) + ws + address.slice(i))).toBe(false);
      }),
    );
  });
});

describe('formatMailbox', () => {
  it('quotes an ASCII name', () => {
    expect(formatMailbox('Hassleholm Naringsliv', 'info@hassleholm.se')).toBe(
      '"Hassleholm Naringsliv" <info@hassleholm.se>',
    );
  });

  it('escapes quotes and backslashes and keeps specials inside the quotes', () => {
    expect(formatMailbox('Anna "AL" Lindqvist, \\ <Näringsliv>'.replace('ä', 'a'), 'a@b.se')).toBe(
      '"Anna \\"AL\\" Lindqvist, \\\\ <Naringsliv>" <a@b.se>',
    );
  });

  it('encodes a non-ASCII name as RFC 2047 encoded-words that decode back to the name', () => {
    const mailbox = formatMailbox('Hässleholms kommun', 'info@hassleholm.se');
    expect(mailbox).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?= <info@hassleholm\.se>$/);
    expect(decodeEncodedWords(mailbox.replace(/ <[^>]+>$/, ''))).toBe('Hässleholms kommun');
    expect(mailbox).not.toContain('"');
  });

  it('encodes any non-ASCII name decodably, in words of at most 75 characters', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 120 }),
        fc.constantFrom('å', 'ä', 'ø', 'Æ', '😀'),
        (name, letter) => {
          const displayName = `${name}${letter}`.replace(controlCharacters, '').replace(/\s+/g, ' ').trim();
          fc.pre(displayName !== '');
          const mailbox = formatMailbox(displayName, 'x@y.se');
          const phrase = mailbox.slice(0, -' <x@y.se>'.length);
          expect(decodeEncodedWords(phrase)).toBe(displayName);
          for (const word of phrase.split(' ')) {
            expect(word).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=$/);
            expect(word.length).toBeLessThanOrEqual(75);
          }
          expect(() => assertHeaderSafe('From', mailbox)).not.toThrow();
        },
      ),
    );
  });

  it('splits a long name into several encoded-words without cutting a character', () => {
    const name = 'Ø'.repeat(100);
    const words = encodeWords(name).split(' ');
    expect(words.length).toBeGreaterThan(1);
    for (const word of words) {
      const bytes = Buffer.from(word.slice(10, -2), 'base64');
      expect(bytes.toString('utf8')).toMatch(/^Ø+$/);
    }
  });

  it('refuses CR or LF in the name', () => {
    fc.assert(
      fc.property(fc.string(), lineBreak, fc.string(), (before, br, after) => {
        expect(headerErrorOf(() => formatMailbox(`${before}${br}${after}`, 'x@y.se'))?.header).toBe('From');
      }),
    );
    expect(() => formatMailbox('Anna\r\nBcc: evil@x.se', 'x@y.se', 'Reply-To')).toThrow(/Reply-To/);
  });

  it('refuses an invalid address', () => {
    expect(() => formatMailbox('Anna', 'anna@hassleholm.se>\r\nBcc: x@y.se')).toThrow(MailHeaderError);
    expect(() => formatMailbox('Anna', 'anna')).toThrow(/valid email address/);
  });

  it('gives the bare address for an empty name', () => {
    expect(formatMailbox('  ', 'a@b.se')).toBe('a@b.se');
  });
});

describe('listUnsubscribeHeaders', () => {
  const token = 'eyJhbGciOiJIUzI1NiJ9.eyJwIjoidSJ9.c2lnbmF0dXJl_-';

  it('builds List-Unsubscribe and List-Unsubscribe-Post exactly per RFC 2369 and RFC 8058', () => {
    // What SES v2 SendEmail takes as Content.Simple.Headers (checked by tsc).
    const headers: MessageHeader[] = listUnsubscribeHeaders({
      httpsUrl: `https://samverkan.hassleholm.se/u/${token}`,
      mailtoAddress: 'unsubscribe@samverkan.hassleholm.se',
      token,
    });
    expect(headers).toHaveLength(2);
    expect(
      listUnsubscribeHeaders({
        httpsUrl: `https://samverkan.hassleholm.se/u/${token}`,
        mailtoAddress: 'unsubscribe@samverkan.hassleholm.se',
        token,
      }),
    ).toEqual([
      {
        Name: 'List-Unsubscribe',
        Value: `<https://samverkan.hassleholm.se/u/${token}>, <mailto:unsubscribe@samverkan.hassleholm.se?subject=unsubscribe%20${token}>`,
      },
      { Name: 'List-Unsubscribe-Post', Value: 'List-Unsubscribe=One-Click' },
    ]);
  });

  it('keeps every value header-safe and in RFC 2369 form for any URL-safe token', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{1,40}(\.[A-Za-z0-9_-]{1,40}){0,2}$/), (t) => {
        const headers = listUnsubscribeHeaders({
          httpsUrl: `https://example.se/unsubscribe?token=${t}`,
          mailtoAddress: 'u@example.se',
          token: t,
        });
        const value = headers[0]?.Value ?? '';
        expect(value).toMatch(
          /^<https:\/\/[^<>\s,]+>, <mailto:[^<>\s]+\?subject=unsubscribe%20[A-Za-z0-9._~-]+>$/,
        );
        for (const { Name, Value } of headers) expect(() => assertHeaderSafe(Name, Value)).not.toThrow();
      }),
    );
  });

  it('accepts http only on localhost', () => {
    const [header] = listUnsubscribeHeaders({
      httpsUrl: `http://localhost:3000/u/${token}`,
      mailtoAddress: 'u@example.se',
      token,
    });
    expect(header?.Value.startsWith(`<http://localhost:3000/u/${token}>`)).toBe(true);
    for (const httpsUrl of [
      `http://samverkan.hassleholm.se/u/${token}`,
      `javascript:alert(1)//${token}`,
      `ftp://example.se/${token}`,
      `https://user:pass@example.se/${token}`,
      `https://example.se/u/${token}\r\nBcc: x@y.se`,
      `/u/${token}`,
    ]) {
      expect(() => listUnsubscribeHeaders({ httpsUrl, mailtoAddress: 'u@example.se', token })).toThrow(
        MailHeaderError,
      );
    }
  });

  it('refuses a URL without the token, a bad mailto address and a token that is not URL-safe', () => {
    expect(() =>
      listUnsubscribeHeaders({ httpsUrl: 'https://example.se/u', mailtoAddress: 'u@example.se', token }),
    ).toThrow(/carry the token/);
    expect(() =>
      listUnsubscribeHeaders({
        httpsUrl: `https://example.se/u/${token}`,
        mailtoAddress: 'u@example',
        token,
      }),
    ).toThrow(/mailto/);
    for (const bad of ['', 'a b', 'a\r\nb', 'a>b', 'a,b', 'a?b']) {
      expect(() =>
        listUnsubscribeHeaders({
          httpsUrl: `https://example.se/u/${bad}`,
          mailtoAddress: 'u@example.se',
          token: bad,
        }),
      ).toThrow(/URL-safe/);
    }
  });
});
