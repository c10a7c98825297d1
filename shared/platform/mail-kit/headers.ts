/**
 * Mail headers: everything that ends up in a header line goes through here, so a value that
 * could break out of its line (CR, LF, other control characters) is refused, not cleaned up.
 *
 * SES v2 `SendEmail` takes `Content.Simple.Headers` as `{ Name, Value }[]` and folds and
 * encodes nothing for us in custom headers, so the values built here are complete and final.
 */

/** An SES v2 `MessageHeader`. */
export interface MailHeader {
  Name: string;
  Value: string;
}

/** A value that must not reach a mail header. `header` names the header it was meant for. */
export class MailHeaderError extends Error {
  override readonly name = 'MailHeaderError';
  readonly header: string;

  constructor(header: string, reason: string) {
    super(`Mail header ${header}: ${reason}`);
    this.header = header;
  }
}

/** RFC 5322 §2.1.1: a line is at most 998 characters, excluding the CRLF. */
export const maxHeaderLineLength = 998;

/**
 * C0 controls (CR, LF, TAB, NUL, …), DEL, C1 controls (NEL among them) and the Unicode line and
 * paragraph separators: anything some mail component might treat as a line break or choke on.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const controlCharacters = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** RFC 5322 §2.2: a field name is printable US-ASCII except the colon. */
const headerName = /^[\u0021-\u0039\u003b-\u007e]+$/;

/** Whether `value` contains a control character (see {@link assertHeaderSafe}). */
export const hasControlCharacters = (value: string): boolean => controlCharacters.test(value);

/**
 * Throws {@link MailHeaderError} unless `value` can go into header `name` as it is: no CR, LF or
 * other control character (so no header injection and no folding games) and at most 998
 * characters. The name must be a valid field name as well.
 */
export function assertHeaderSafe(name: string, value: string): void {
  if (!headerName.test(name)) {
    throw new MailHeaderError(JSON.stringify(name), 'is not a valid header field name');
  }
  if (typeof value !== 'string') throw new MailHeaderError(name, 'the value is not a string');
  if (controlCharacters.test(value)) {
    throw new MailHeaderError(name, 'the value contains a line break or another control character');
  }
  if ([...value].length > maxHeaderLineLength) {
    throw new MailHeaderError(name, `the value is longer than ${maxHeaderLineLength} characters`);
  }
}

/** RFC 5322 `atext`: what a dot-atom local part may hold (no quoted local parts). */
const localPart = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const domainLabel = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const topLevelLabel = /^(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$/;

/**
 * A pragmatic address check, strict enough that a valid address is safe in a header as it is:
 * ASCII only (internationalised domains in their `xn--` form), exactly one `@`, a dot-atom local
 * part of at most 64 characters, a domain of at least two labels with a plausible top level,
 * at most 254 characters in all. No quoted local parts, comments or IP literals.
 */
export function isValidEmail(address: string): boolean {
  if (typeof address !== 'string' || address.length > 254) return false;
  const at = address.indexOf('@');
  if (at < 1 || at !== address.lastIndexOf('@')) return false;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local.length > 64 || !localPart.test(local)) return false;
  const labels = domain.split('.');
  const top = labels[labels.length - 1];
  if (labels.length < 2 || top === undefined || !topLevelLabel.test(top)) return false;
  return labels.every((label) => domainLabel.test(label));
}

const nonPrintableAscii = /[^\u0020-\u007e]/;

/** RFC 2047 §2: an encoded-word is at most 75 characters. */
const maxEncodedWordLength = 75;
const encodedWordPrefix = '=?UTF-8?B?';
const encodedWordSuffix = '?=';
/** Base64 of up to 45 bytes is 60 characters: 10 + 60 + 2 = 72 ≤ 75. */
const maxBytesPerEncodedWord =
  Math.floor((maxEncodedWordLength - encodedWordPrefix.length - encodedWordSuffix.length) / 4) * 3;

/**
 * `text` as RFC 2047 encoded-words (UTF-8, B encoding), split between characters so that no
 * word is longer than 75 characters and no UTF-8 sequence is cut in half. Adjacent
 * encoded-words are separated by a space, which decoders drop (RFC 2047 §6.2).
 */
export function encodeWords(text: string): string {
  const words: string[] = [];
  let chunk: Buffer[] = [];
  let size = 0;
  const flush = () => {
    if (chunk.length === 0) return;
    words.push(`${encodedWordPrefix}${Buffer.concat(chunk).toString('base64')}${encodedWordSuffix}`);
    chunk = [];
    size = 0;
  };
  for (const character of text) {
    const bytes = Buffer.from(character, 'utf8');
    if (size + bytes.length > maxBytesPerEncodedWord) flush();
    chunk.push(bytes);
    size += bytes.length;
  }
  flush();
  return words.join(' ');
}

/**
 * A mailbox for From, Reply-To or To: `"Name" <addr>`. An ASCII name is a quoted string (with
 * `"` and `\` escaped); a name with any other character (å, ä, ø, …) becomes RFC 2047
 * encoded-words, which must not be quoted. An empty name gives the bare address. Refuses an
 * invalid address and control characters (CR, LF, …) in the name with {@link MailHeaderError};
 * `header` only names the header in that error.
 */
export function formatMailbox(displayName: string, address: string, header = 'From'): string {
  if (!isValidEmail(address)) throw new MailHeaderError(header, 'the address is not a valid email address');
  if (hasControlCharacters(displayName)) {
    throw new MailHeaderError(header, 'the display name contains a line break or another control character');
  }
  const name = displayName.trim().replace(/\s+/g, ' ');
  if (name === '') return address;
  const phrase = nonPrintableAscii.test(name) ? encodeWords(name) : `"${name.replace(/["\\]/g, '\\$&')}"`;
  const mailbox = `${phrase} <${address}>`;
  assertHeaderSafe(header, mailbox);
  return mailbox;
}

/** The hosts a plain-http link may point to: local runs only (`npm start`). */
const localHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * `url` parsed and normalised if it is an absolute https URL (or http on localhost, for local
 * runs) without credentials; otherwise undefined. Used for every link the system itself puts
 * into a mail (unsubscribe, confirmation, …) and for List-Unsubscribe.
 */
export function httpsLink(url: string): URL | undefined {
  if (typeof url !== 'string' || hasControlCharacters(url) || /\s/.test(url)) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.username !== '' || parsed.password !== '') return undefined;
  if (parsed.protocol === 'https:') return parsed;
  if (parsed.protocol === 'http:' && localHosts.has(parsed.hostname)) return parsed;
  return undefined;
}

/** A `mailto:` URI for a valid address; `%`, `?`, `#`, `&`, … of the local part percent-encoded (RFC 6068). */
function mailtoUri(address: string): string {
  const at = address.lastIndexOf('@');
  return `mailto:${encodeURIComponent(address.slice(0, at))}@${address.slice(at + 1)}`;
}

/** The characters of a base64url JWT (and of any other opaque, URL-safe token). */
const urlSafeToken = /^[A-Za-z0-9._~-]+$/;

export interface ListUnsubscribeOptions {
  /**
   * The one-click endpoint, already carrying the token (RFC 8058 §3.1: the POST body is only
   * `List-Unsubscribe=One-Click`, so the URL alone must identify recipient and list). Must be
   * https (http only on localhost).
   */
  httpsUrl: string;
  /** The address that takes unsubscribe mails; the token goes into the subject. */
  mailtoAddress: string;
  /** The signed, URL-safe unsubscribe token (see `signLinkToken`). */
  token: string;
}

/**
 * The `List-Unsubscribe` (RFC 2369) and `List-Unsubscribe-Post` (RFC 8058) headers of a bulk
 * mail: `<https://…>, <mailto:…?subject=unsubscribe%20TOKEN>` and `List-Unsubscribe=One-Click`.
 * Throws {@link MailHeaderError} for a non-https URL, a URL without the token, an invalid
 * address or a token that is not URL-safe.
 */
export function listUnsubscribeHeaders({
  httpsUrl,
  mailtoAddress,
  token,
}: ListUnsubscribeOptions): MailHeader[] {
  const name = 'List-Unsubscribe';
  if (typeof token !== 'string' || !urlSafeToken.test(token)) {
    throw new MailHeaderError(name, 'the token must be a non-empty URL-safe string');
  }
  const url = httpsLink(httpsUrl);
  if (!url)
    throw new MailHeaderError(name, 'the one-click URL must be an https URL (http only on localhost)');
  if (!url.href.includes(token)) {
    throw new MailHeaderError(name, 'the one-click URL must carry the token (RFC 8058 §3.1)');
  }
  if (!isValidEmail(mailtoAddress)) throw new MailHeaderError(name, 'the mailto address is not valid');
  const value = `<${url.href}>, <${mailtoUri(mailtoAddress)}?subject=unsubscribe%20${token}>`;
  assertHeaderSafe(name, value);
  return [
    { Name: name, Value: value },
    { Name: 'List-Unsubscribe-Post', Value: 'List-Unsubscribe=One-Click' },
  ];
}
