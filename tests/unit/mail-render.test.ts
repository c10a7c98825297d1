import { describe, expect, it } from 'vitest';
import {
  isBulkKind,
  type MessageInput,
  type MessageKind,
  messageContentSchema,
  messageDataSchemas,
  messageKinds,
  renderMessage,
} from '../../shared/message-kinds.js';
import { assertHeaderSafe } from '../../shared/platform/mail-kit/headers.js';
import { mailColours } from '../../shared/platform/mail-kit/layout.js';
import { type Language, languages } from '../../shared/platform/texts/language.js';
import { eventMailInput, eventMailSamples, isEventMessageKind } from './mail-invitation-fixtures.js';

const evilTenant = 'Hässleholms <script>alert("t")</script> kommun';
const evilRecipient = 'Anna <img src=x onerror=alert(1)> Lindqvist';
const unsubscribeUrl = 'https://samverkan.example/u/eyJhbGciOiJIUzI1NiJ9.eyJwIjoidSJ9.c2ln';

const unsubscribeLabels: Record<Language, string> = {
  sv: 'Avregistrera dig',
  da: 'Afmeld',
  en: 'Unsubscribe',
};
const reasons: Record<Language, string> = {
  sv: 'Du får det här mejlet eftersom',
  da: 'Du modtager denne e-mail, fordi',
  en: 'You are receiving this email because',
};
const testPrefixes: Record<Language, string> = { sv: '[TEST] ', da: '[TEST] ', en: '[TEST] ' };

const announcementData = {
  subject: 'Frukostmöte om kompetensförsörjning',
  markdownBody:
    '## Välkommen\n\nVi bjuder på **frukost**. Läs [programmet](https://hassleholm.se/program?dag=1&tid=8) först.\n\n- Kaffe\n- Smörgås',
  ctaLabel: 'Anmäl dig',
  ctaUrl: 'https://samverkan.example/rsvp/abc',
};

function inputFor(kind: MessageKind, language: Language): MessageInput {
  const base = { language, tenantName: evilTenant, recipientName: evilRecipient };
  if (isEventMessageKind(kind)) return eventMailInput(kind, base, unsubscribeUrl);
  switch (kind) {
    case 'announcement':
    case 'test-send':
      return { ...base, kind, unsubscribeUrl, data: announcementData };
    case 'subscription-confirmation':
      return {
        ...base,
        kind,
        data: {
          confirmUrl: 'https://samverkan.example/confirm/xyz?lang=sv&t=1',
          topics: ['Pressmeddelanden', '<b>Näringsliv</b>'],
        },
      };
    case 'feedback-thanks':
    case 'feedback-missed-you':
      return {
        ...base,
        kind,
        unsubscribeUrl,
        data: {
          eventTitle: 'Dialoglunch <script>x</script>',
          formTitle: { sv: 'Tyck till', da: 'Sig din mening', en: 'Your views' },
          formLanguage: 'sv',
          feedbackUrl: 'https://samverkan.example/feedback/abc',
          organiserName: 'Hässleholms kommun',
        },
      };
    case 'feedback-hear-back':
      return {
        ...base,
        kind,
        unsubscribeUrl,
        data: {
          about: 'outcome',
          programmeName: 'Näringslivsprogram <script>x</script>',
          themeTitle: 'Service <img src=x onerror=alert(1)>',
          title: 'Fast telefontid <script>x</script>',
          contentLanguage: 'sv',
          status: 'done',
          url: 'https://samverkan.example/press/hassleholm/programmes/p1#theme-t1',
          organiserName: 'Hässleholms kommun',
        },
      };
    case 'privacy-retention-notice':
      return {
        ...base,
        kind,
        data: { months: 24, removalOn: '2027-01-15', keepUrl: 'https://samverkan.example/keep/tok' },
      };
    case 'press-release':
      return {
        ...base,
        kind,
        unsubscribeUrl,
        data: {
          releaseId: 'r1',
          headline: 'Företagen bjuds in <script>x</script>',
          lead: 'Ingress <img src=x onerror=alert(1)>',
          body: 'Text med [länk](javascript:alert(1)) och <script>alert(2)</script> och [program](https://hassleholm.se/p).',
          releaseLanguage: 'sv',
          embargoUntil: '2030-01-01T08:00:00.000Z',
          timeZone: 'Europe/Stockholm',
          pageUrl: 'https://samverkan.example/press/hassleholm/releases/r1',
          downloads: [{ name: 'rapport.pdf', url: 'https://samverkan.example/press/hassleholm/files/r1/f1' }],
          preferencesUrl: 'https://samverkan.example/press-subscription/tok',
        },
      };
  }
}

const hrefsOf = (html: string) =>
  [...html.matchAll(/href="([^"]*)"/g)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&'));

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (bl ?? 0);
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

describe('renderMessage: every kind in every language', () => {
  const cases = messageKinds.flatMap((kind) => languages.map((language) => [kind, language] as const));

  it.each(cases)('%s in %s', (kind, language) => {
    const { subject, html, text, inlineImages } = renderMessage(inputFor(kind, language));

    // Document basics.
    expect(html.startsWith('<!DOCTYPE html><html lang="')).toBe(true);
    expect(html).toContain(`<html lang="${language}"`);
    expect(html).toContain('<meta charset="utf-8"/>');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1"/>');
    expect(html).toContain('max-width:600px');
    for (const table of html.match(/<table\b[^>]*>/g) ?? []) expect(table).toContain('role="presentation"');
    expect(html).toMatch(/<div style="display:none;[^"]*">/);

    // Escaping: names are text, never markup.
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img src=x');
    // Images only as parts of the mail itself (cid:), each carried, with a text alternative.
    const cids = [...html.matchAll(/<img src="cid:([^"]+)" alt="[^"<>]+"/g)].map((m) => m[1]);
    expect(cids).toHaveLength((html.match(/<img\b/g) ?? []).length);
    expect(inlineImages.map((i) => i.contentId).sort()).toEqual([...new Set(cids)].sort());
    if (kind === 'rsvp-confirmation') expect(cids).toEqual(['check-in@samverkan']);
    expect(html).toContain('Hässleholms &lt;script>alert(&quot;t&quot;)&lt;/script> kommun');
    expect(html).toContain('Anna &lt;img src=x onerror=alert(1)> Lindqvist');
    expect(text).toContain(evilTenant);

    // No external resources at all; nothing smaller than 14px apart from the hidden preheader.
    // (Text escapes "<", so every "<" starts a real tag.)
    for (const tag of html.match(/<[^>]*>/g) ?? [])
      expect(tag.replace(/^<img src="cid:[^"]+"/, '<cid')).not.toMatch(
        /^<(link|img|style|script)\b|\ssrc=|url\(/i,
      );
    expect(html).not.toContain('@import');
    const visible = html.replace(/<div style="display:none;[^"]*">[^<]*<\/div>/, '');
    for (const [, size] of visible.matchAll(/font-size:(\d+)px/g))
      expect(Number(size)).toBeGreaterThanOrEqual(14);

    // Subject.
    expect(() => assertHeaderSafe('Subject', subject)).not.toThrow();
    expect(html).toContain(`<title>${subject.replace(/</g, '&lt;').replace(/"/g, '&quot;')}</title>`);

    // Footer: why, and for bulk mail a visible unsubscribe link.
    expect(html).toContain(reasons[language]);
    expect(text).toContain(reasons[language]);
    if (isBulkKind(kind)) {
      expect(html).toMatch(new RegExp(`<a href="${unsubscribeUrl}"[^>]*>${unsubscribeLabels[language]}</a>`));
      expect(text).toContain(`${unsubscribeLabels[language]}: ${unsubscribeUrl}`);
    } else {
      expect(html).not.toContain(unsubscribeLabels[language]);
      expect(text).not.toContain(unsubscribeLabels[language]);
      expect(html).not.toContain(unsubscribeUrl);
    }

    // The plain text is a complete alternative with the same links.
    const hrefs = hrefsOf(html);
    // A cancellation has nothing to click (unless staff's message links somewhere).
    if (kind !== 'event-cancelled') expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(text).toContain(href);
    expect(text).not.toMatch(/<(p|a|div|table|td|strong|h[1-6])\b/);
    expect(text).toContain('Anna <img src=x onerror=alert(1)> Lindqvist');
  });
});

describe('renderMessage: kinds', () => {
  it('announcement: the subject as written, the body rendered from markdown, the button', () => {
    const { subject, html, text } = renderMessage(inputFor('announcement', 'sv'));
    expect(subject).toBe(announcementData.subject);
    expect(html).toContain('<h2>Välkommen</h2>');
    expect(html).toContain('<strong>frukost</strong>');
    expect(html).toContain('href="https://samverkan.example/rsvp/abc"');
    expect(html).toContain('Hej Anna &lt;img');
    expect(text).toContain('Läs programmet (https://hassleholm.se/program?dag=1&tid=8) först.');
    expect(text).toContain('Anmäl dig: https://samverkan.example/rsvp/abc');
    expect(text).toContain('- Kaffe\n- Smörgås');
    expect(html).not.toContain('[TEST]');
    // The hidden preview text: the start of the body, without link URLs.
    const preheader = html.match(/<div style="display:none;[^"]*">([^<]*)<\/div>/)?.[1] ?? '';
    expect(preheader).toMatch(/^Välkommen Vi bjuder på frukost\. Läs programmet först\. Kaffe Smörgås/);
  });

  it.each(languages)(
    'test-send in %s: a marked subject and a banner, otherwise the announcement',
    (language) => {
      const test = renderMessage(inputFor('test-send', language));
      const real = renderMessage(inputFor('announcement', language));
      expect(test.subject).toBe(`${testPrefixes[language]}${announcementData.subject}`);
      expect(test.html).toContain('background-color:#fef3c7');
      expect(real.html).not.toContain('background-color:#fef3c7');
      expect(test.text.length).toBeGreaterThan(real.text.length);
      expect(hrefsOf(test.html)).toEqual(hrefsOf(real.html));
    },
  );

  it('subscription confirmation: the confirm link as a button and written out, topics escaped', () => {
    const { subject, html, text } = renderMessage(inputFor('subscription-confirmation', 'da'));
    expect(subject).toBe(`Bekræft din tilmelding til udsendelser fra ${evilTenant}`);
    expect(hrefsOf(html).filter((h) => h.includes('/confirm/'))).toEqual([
      'https://samverkan.example/confirm/xyz?lang=sv&t=1',
      'https://samverkan.example/confirm/xyz?lang=sv&t=1',
    ]);
    expect(html).toContain('&lt;b>Näringsliv&lt;/b>');
    expect(html).not.toContain('<b>');
    expect(text).toContain('- Pressmeddelanden\n- <b>Näringsliv</b>');
    expect(text).toContain('Bekræft tilmelding: https://samverkan.example/confirm/xyz?lang=sv&t=1');
  });

  it('greets without a name when there is none', () => {
    const { html, text } = renderMessage({ ...inputFor('announcement', 'en'), recipientName: undefined });
    expect(text).toContain('\nHello,\n');
    expect(html).toContain('>Hello,</p>');
  });

  it('refuses a bulk mail without an https unsubscribe link and a transactional mail with one', () => {
    for (const kind of messageKinds.filter(isBulkKind)) {
      const input = inputFor(kind, 'sv');
      expect(() => renderMessage({ ...input, unsubscribeUrl: undefined })).toThrow(/unsubscribeUrl/);
      expect(() => renderMessage({ ...input, unsubscribeUrl: 'http://samverkan.example/u/x' })).toThrow(
        /unsubscribeUrl/,
      );
      expect(() => renderMessage({ ...input, unsubscribeUrl: 'javascript:alert(1)' })).toThrow(
        /unsubscribeUrl/,
      );
    }
    expect(() => renderMessage({ ...inputFor('subscription-confirmation', 'sv'), unsubscribeUrl })).toThrow(
      /transactional/,
    );
  });

  it('refuses a subject or tenant name that is not header-safe', () => {
    expect(() =>
      renderMessage({
        ...inputFor('announcement', 'sv'),
        kind: 'announcement',
        data: { ...announcementData, subject: 'Hej\r\nBcc: evil@example.com' },
      } as MessageInput),
    ).toThrow();
    expect(() =>
      renderMessage({
        ...inputFor('subscription-confirmation', 'sv'),
        tenantName: 'Kommun\nBcc: evil@example.com',
      }),
    ).toThrow(/tenantName/);
  });

  it('refuses an unknown language', () => {
    expect(() => renderMessage({ ...inputFor('announcement', 'sv'), language: 'de' as Language })).toThrow(
      /language/,
    );
  });
});

describe('layout colours', () => {
  it.each([
    ['text', 'card'],
    ['heading', 'card'],
    ['heading', 'page'],
    ['muted', 'page'],
    ['link', 'card'],
    ['link', 'page'],
    ['buttonText', 'button'],
    ['bannerText', 'bannerBackground'],
  ] as const)('%s on %s has at least 4.5:1 contrast', (fg, bg) => {
    expect(contrast(mailColours[fg], mailColours[bg])).toBeGreaterThanOrEqual(4.5);
  });
});

describe('messageContentSchema (staff input)', () => {
  const valid = { kind: 'announcement', data: announcementData };

  it('has a data schema for every kind', () => {
    expect(Object.keys(messageDataSchemas).sort()).toEqual([...messageKinds].sort());
    for (const kind of messageKinds) {
      const data = isEventMessageKind(kind)
        ? eventMailSamples[kind]
        : kind === 'subscription-confirmation'
          ? { confirmUrl: 'https://x.example/c', topics: [] }
          : kind === 'feedback-thanks' || kind === 'feedback-missed-you'
            ? {
                eventTitle: 'Dialoglunch',
                formTitle: { sv: 'Tyck till' },
                formLanguage: 'sv',
                feedbackUrl: 'https://x.example/feedback/abc',
                organiserName: 'Hässleholms kommun',
              }
            : kind === 'feedback-hear-back'
              ? {
                  about: 'release',
                  programmeName: 'Näringslivsprogram',
                  themeTitle: 'Service',
                  title: 'Steg framåt',
                  contentLanguage: 'sv',
                  url: 'https://x.example/press/hassleholm/releases/r1',
                  organiserName: 'Hässleholms kommun',
                }
              : kind === 'press-release'
                ? {
                    releaseId: 'r1',
                    headline: 'Steg framåt',
                    releaseLanguage: 'sv',
                    timeZone: 'Europe/Stockholm',
                    pageUrl: 'https://x.example/press/hassleholm/releases/r1',
                  }
                : kind === 'privacy-retention-notice'
                  ? { months: 24, removalOn: '2027-01-15', keepUrl: 'https://x.example/keep/tok' }
                  : announcementData;
      expect(messageContentSchema.safeParse({ kind, data }).success).toBe(true);
    }
  });

  it('accepts a valid announcement, trimmed, with or without a button', () => {
    const parsed = messageContentSchema.parse({
      ...valid,
      data: { ...announcementData, subject: '  Hej  ' },
    });
    expect(parsed.data).toMatchObject({ subject: 'Hej' });
    const { ctaLabel: _l, ctaUrl: _u, ...noButton } = announcementData;
    expect(messageContentSchema.safeParse({ ...valid, data: noButton }).success).toBe(true);
  });

  it.each([
    ['an empty subject', { subject: '   ' }],
    ['a subject of 201 characters', { subject: 'x'.repeat(201) }],
    ['a subject with CR/LF', { subject: 'Hej\r\nBcc: x@y.se' }],
    ['a subject with LF', { subject: 'Hej\nhopp' }],
    ['a subject with another control character', { subject: 'Hej\u0000' }],
    ['an empty body', { markdownBody: ' \n ' }],
    ['a body of 20001 characters', { markdownBody: 'x'.repeat(20_001) }],
    ['an http button URL', { ctaUrl: 'http://hassleholm.se' }],
    ['a javascript: button URL', { ctaUrl: 'javascript:alert(1)' }],
    ['a relative button URL', { ctaUrl: '/rsvp' }],
    ['a button label without URL', { ctaUrl: undefined }],
    ['a button URL without label', { ctaLabel: undefined }],
    ['a button label with a line break', { ctaLabel: 'Anmäl\ndig' }],
  ])('refuses %s', (_what, change) => {
    expect(
      messageContentSchema.safeParse({ ...valid, data: { ...announcementData, ...change } }).success,
    ).toBe(false);
  });

  it('accepts the limits exactly', () => {
    expect(
      messageContentSchema.safeParse({
        ...valid,
        data: { ...announcementData, subject: 'x'.repeat(200), markdownBody: 'x'.repeat(20_000) },
      }).success,
    ).toBe(true);
  });

  it('refuses an unknown kind and a non-https confirmation link', () => {
    expect(messageContentSchema.safeParse({ kind: 'newsletter', data: announcementData }).success).toBe(
      false,
    );
    expect(
      messageContentSchema.safeParse({
        kind: 'subscription-confirmation',
        data: { confirmUrl: 'http://samverkan.example/c', topics: [] },
      }).success,
    ).toBe(false);
  });
});

describe("the municipality's brand in every mail", () => {
  it('puts the colour behind the header and the logo in as an inline part named by cid:, its name as alt', () => {
    const logo = {
      contentId: 'logo@samverkan',
      fileName: 'logo.png',
      contentType: 'image/png' as const,
      content: new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
      width: 120,
      height: 40,
    };
    for (const kind of messageKinds) {
      const input = { ...inputFor(kind, 'sv'), brand: { colour: '#6b1f5c', logo } } as MessageInput;
      const { html, inlineImages } = renderMessage(input);
      expect(html).toMatch(/<td style="padding:16px;background-color:#6b1f5c;[^"]*color:#ffffff">/);
      expect(html).toContain(
        '<img src="cid:logo@samverkan" alt="Hässleholms &lt;script>alert(&quot;t&quot;)&lt;/script> kommun" width="144" height="48"',
      );
      expect(inlineImages[0]).toEqual({
        contentId: 'logo@samverkan',
        fileName: 'logo.png',
        contentType: 'image/png',
        content: logo.content,
      });
      // White text on the colour: the rule the settings enforce.
      expect(contrast('#6b1f5c', '#ffffff')).toBeGreaterThanOrEqual(4.5);
    }
    // Without a brand: the name as text, no image part.
    const plain = renderMessage(inputFor('announcement', 'sv'));
    expect(plain.inlineImages).toEqual([]);
    expect(plain.html).not.toContain('cid:');
  });
});
