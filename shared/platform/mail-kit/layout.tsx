import type { ComponentChildren, JSX } from 'preact';
import { render } from 'preact-render-to-string';
import type { Language } from '../texts/language.js';
import { cidUrl, type InlineImage } from './inline-images.js';

/**
 * The layout of every mail: a 600px, table-based, inline-styled document that holds up in
 * Outlook (Word engine), Gmail, Apple Mail and on phones. No external CSS, fonts or images;
 * every text is real text. Colours meet 4.5:1 on their backgrounds; text is at least 14px. The
 * only images are parts of the mail itself (`cid:`): the municipality's logo, a QR code.
 *
 * Strings are escaped by Preact; the only HTML set as HTML is sanitised markdown
 * ({@link SanitizedHtml}) and the Outlook conditional comments added by {@link renderEmailDocument}.
 */

export const mailColours = {
  page: '#f3f4f6',
  card: '#ffffff',
  text: '#1f2937', // 14.7:1 on card
  heading: '#111827',
  muted: '#4b5563', // 7.0:1 on page
  link: '#1d4ed8', // 6.7:1 on card, 6.1:1 on page
  button: '#1d4ed8', // white on it: 6.7:1
  buttonText: '#ffffff',
  rule: '#e5e7eb',
  bannerBackground: '#fef3c7',
  bannerText: '#78350f', // 8.5:1 on banner background
} as const;

const fontFamily = "Arial, 'Helvetica Neue', Helvetica, sans-serif";
const bodyFont = `font-family:${fontFamily};font-size:16px;line-height:24px;color:${mailColours.text}`;

/** Outlook ignores max-width: a fixed 600px "ghost" table, seen by Outlook only. */
const msoOpen =
  '<!--[if mso]><table role="presentation" align="center" width="600" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->';
const msoClose = '<!--[if mso]></td></tr></table><![endif]-->';
const msoOpenMarker = '<template data-mail-mso="open"></template>';
const msoCloseMarker = '<template data-mail-mso="close"></template>';

export interface FooterProps {
  /** Why the recipient gets this mail. */
  reason: string;
  /** Bulk mail only: the visible unsubscribe link. */
  unsubscribe?: { lead: string; label: string; url: string };
}

export interface EmailLayoutProps {
  language: Language;
  /** The `<title>`: the subject. */
  title: string;
  /** The preview text mail programs show after the subject; hidden in the mail itself. */
  preheader: string;
  /** The sender identity shown at the top. */
  tenantName: string;
  /** The municipality's colour and logo (absent: the plain header with its name). */
  brand?: MailBrand;
  /** A highlighted note above the content (e.g. "this is a test send"). */
  banner?: string;
  footer: FooterProps;
  children?: ComponentChildren;
}

/** The municipality's look in its mails: its colour behind the header, its logo (an inline part). */
export interface MailBrand {
  /** `#rrggbb` with at least 4.5:1 against white text (checked when it was set). */
  colour?: string;
  /**
   * The logo as a part of the mail; or, in a preview shown in the console (where `cid:` means
   * nothing), its address on our own site.
   */
  logo?: (InlineImage | { url: string }) & { width: number; height: number };
}

/** The logo's height in the header; its width follows the image's proportions (at most 300px). */
const LOGO_HEIGHT = 48;

function MailHeader({ tenantName, brand }: { tenantName: string; brand?: MailBrand }) {
  const colour = brand?.colour;
  const logo = brand?.logo;
  const width = logo ? Math.min(300, Math.round((logo.width / logo.height) * LOGO_HEIGHT)) : 0;
  const height = logo ? Math.round((width / logo.width) * logo.height) : 0;
  return (
    <td
      style={`padding:${colour ? '16px' : '0 16px 16px'};${colour ? `background-color:${colour};border-radius:8px 8px 0 0;` : ''}font-family:${fontFamily};font-size:18px;line-height:24px;font-weight:bold;color:${colour ? '#ffffff' : mailColours.heading}`}
    >
      {logo ? (
        // On a white plate: a dark logo stays visible on the colour.
        <img
          src={'url' in logo ? logo.url : cidUrl(logo)}
          alt={tenantName}
          width={width}
          height={height}
          style={`display:block;border:0;background-color:#ffffff;padding:4px;border-radius:4px;color:${mailColours.heading}`}
        />
      ) : (
        tenantName
      )}
    </td>
  );
}

/** Spacer characters after the preheader, so programs do not fill the preview with body text. */
const preheaderPadding = '\u200c\u00a0'.repeat(80);

export function EmailLayout({
  language,
  title,
  preheader,
  tenantName,
  brand,
  banner,
  footer,
  children,
}: EmailLayoutProps) {
  return (
    <html lang={language} dir="ltr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta http-equiv="x-ua-compatible" content="ie=edge" />
        <meta name="x-apple-disable-message-reformatting" />
        <meta name="color-scheme" content="light" />
        <meta name="supported-color-schemes" content="light" />
        <meta name="format-detection" content="telephone=no, date=no, address=no, email=no" />
        <title>{title}</title>
      </head>
      <body style={`margin:0;padding:0;width:100%;background-color:${mailColours.page}`}>
        <div
          style={`display:none;font-size:1px;line-height:1px;max-height:0;max-width:0;opacity:0;overflow:hidden;mso-hide:all;color:${mailColours.page}`}
        >
          {preheader}
          {preheaderPadding}
        </div>
        <table
          role="presentation"
          width="100%"
          cellPadding="0"
          cellSpacing="0"
          style={`width:100%;background-color:${mailColours.page}`}
        >
          <tr>
            <td align="center" style="padding:24px 8px">
              <template data-mail-mso="open" />
              <table
                role="presentation"
                width="100%"
                cellPadding="0"
                cellSpacing="0"
                style="width:100%;max-width:600px;margin:0 auto"
              >
                <tr>
                  <MailHeader tenantName={tenantName} brand={brand} />
                </tr>
                <tr>
                  <td
                    style={`background-color:${mailColours.card};border:1px solid ${mailColours.rule};border-radius:8px;padding:24px;${bodyFont}`}
                  >
                    {banner ? <Banner text={banner} /> : null}
                    {children}
                  </td>
                </tr>
                <tr>
                  <td
                    style={`padding:16px;font-family:${fontFamily};font-size:14px;line-height:20px;color:${mailColours.muted}`}
                  >
                    <p style="margin:0 0 8px">{footer.reason}</p>
                    {footer.unsubscribe ? (
                      <p style="margin:0">
                        {footer.unsubscribe.lead}{' '}
                        <a
                          href={footer.unsubscribe.url}
                          style={`color:${mailColours.link};text-decoration:underline`}
                        >
                          {footer.unsubscribe.label}
                        </a>
                      </p>
                    ) : null}
                  </td>
                </tr>
              </table>
              <template data-mail-mso="close" />
            </td>
          </tr>
        </table>
      </body>
    </html>
  );
}

function Banner({ text }: { text: string }) {
  return (
    <table role="presentation" width="100%" cellPadding="0" cellSpacing="0" style="margin:0 0 20px">
      <tr>
        <td
          style={`background-color:${mailColours.bannerBackground};color:${mailColours.bannerText};padding:12px 16px;border-radius:6px;font-family:${fontFamily};font-size:14px;line-height:20px`}
        >
          {text}
        </td>
      </tr>
    </table>
  );
}

export function Heading({ children }: { children?: ComponentChildren }) {
  return (
    <h1
      style={`margin:0 0 16px;font-family:${fontFamily};font-size:24px;line-height:32px;font-weight:bold;color:${mailColours.heading}`}
    >
      {children}
    </h1>
  );
}

export function Paragraph({ children }: { children?: ComponentChildren }) {
  return <p style={`margin:0 0 16px;${bodyFont}`}>{children}</p>;
}

export function List({ items }: { items: string[] }) {
  return (
    <ul style={`margin:0 0 16px;padding:0 0 0 24px;${bodyFont}`}>
      {items.map((item) => (
        <li key={item} style="margin:0 0 4px">
          {item}
        </li>
      ))}
    </ul>
  );
}

/** HTML that `renderUserMarkdown` produced (its allow-list, text escaped), and nothing else. */
export function SanitizedHtml({ html }: { html: string }) {
  return <div style={bodyFont} dangerouslySetInnerHTML={{ __html: html }} />;
}

/**
 * A "bulletproof" button: a coloured table cell with a padded link, which Outlook also shows.
 * `large` (the RSVP button): bigger text and padding, a touch target of 60px.
 */
export function Button({ url, label, large = false }: { url: string; label: string; large?: boolean }) {
  const size = large
    ? 'padding:16px 40px;font-size:20px;line-height:28px'
    : 'padding:12px 24px;font-size:16px;line-height:24px';
  return (
    <table role="presentation" cellPadding="0" cellSpacing="0" style="margin:8px 0 24px">
      <tr>
        <td style={`background-color:${mailColours.button};border-radius:6px`}>
          <a
            href={url}
            style={`display:inline-block;${size};font-family:${fontFamily};font-weight:bold;color:${mailColours.buttonText};text-decoration:none;border-radius:6px`}
          >
            {label}
          </a>
        </td>
      </tr>
    </table>
  );
}

/** A heading inside the card, below the mail's own h1 (same level as markdown's h2). */
export function SubHeading({ children }: { children?: ComponentChildren }) {
  return (
    <h2
      style={`margin:24px 0 8px;font-family:${fontFamily};font-size:18px;line-height:24px;font-weight:bold;color:${mailColours.heading}`}
    >
      {children}
    </h2>
  );
}

/** Text that may have line breaks: each line break becomes a `<br>` (Outlook ignores `white-space`). */
export function Lines({ text }: { text: string }) {
  const lines = text.split('\n');
  return <>{lines.flatMap((line, i) => (i === 0 ? [line] : [<br key={`br${i}`} />, line]))}</>;
}

/** One fact: a label and its value (which may have line breaks). */
export interface Fact {
  label: string;
  value: string;
  /** The value is a link: shown as `value`, a link to `url` (the text part writes the URL out). */
  url?: string;
}

/**
 * Key facts (when, where, …) in a shaded box: each label in bold on its own line and the
 * value below it, so nothing needs two columns on a phone.
 */
export function Facts({ facts }: { facts: Fact[] }) {
  return (
    <table
      role="presentation"
      width="100%"
      cellPadding="0"
      cellSpacing="0"
      style={`width:100%;margin:0 0 16px;background-color:${mailColours.page};border-radius:6px`}
    >
      <tr>
        <td style="padding:16px 16px 4px">
          {facts.map((fact) => (
            <p key={fact.label} style={`margin:0 0 12px;${bodyFont}`}>
              <strong>{fact.label}</strong>
              <br />
              {fact.url ? (
                <a href={fact.url} style={`color:${mailColours.link};text-decoration:underline`}>
                  {fact.value}
                </a>
              ) : (
                <Lines text={fact.value} />
              )}
            </p>
          ))}
        </td>
      </tr>
    </table>
  );
}

/** A list whose items start with a bold part: agenda rows ("11:30 Kaffe"), changes, answers. */
export function LabelledList({ items }: { items: { label: string; text: string }[] }) {
  return (
    <ul style={`margin:0 0 16px;padding:0 0 0 24px;${bodyFont}`}>
      {items.map((item) => (
        <li key={`${item.label} ${item.text}`} style="margin:0 0 4px">
          <strong>{item.label}</strong> <Lines text={item.text} />
        </li>
      ))}
    </ul>
  );
}

/** The URL behind a button written out, for when buttons do not work. */
export function LinkFallback({ lead, url }: { lead: string; url: string }) {
  return (
    <p
      style={`margin:0 0 16px;font-family:${fontFamily};font-size:14px;line-height:20px;color:${mailColours.muted}`}
    >
      {lead}
      <br />
      <a href={url} style={`color:${mailColours.link};text-decoration:underline;word-break:break-all`}>
        {url}
      </a>
    </p>
  );
}

/** The whole HTML document of a mail: doctype, the rendered layout and Outlook's ghost table. */
export function renderEmailDocument(document: JSX.Element): string {
  const html = render(document);
  return `<!DOCTYPE html>${html.replace(msoOpenMarker, msoOpen).replace(msoCloseMarker, msoClose)}`;
}
