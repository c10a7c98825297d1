import { describe, expect, it } from 'vitest';
import { type EventMessageKind, eventMessageKinds } from '../../shared/meetings/mails/content.js';
import {
  formatAgendaTime,
  formatEventDateTime,
  formatEventTime,
  formatEventWhen,
} from '../../shared/meetings/mails/format.js';
import { type EventKind, eventKinds } from '../../shared/meetings/meeting.js';
import {
  isBulkKind,
  type MessageInput,
  messageContentSchema,
  renderMessage,
} from '../../shared/message-kinds.js';
import { assertHeaderSafe } from '../../shared/platform/mail-kit/headers.js';
import { type Language, languages } from '../../shared/platform/texts/language.js';
import {
  eventMailInput,
  eventMailSamples,
  organiserName,
  rsvpUrl,
  sampleEvent,
} from './mail-invitation-fixtures.js';

const evilTenant = 'Hässleholms <script>alert("t")</script> kommun';
const evilRecipient = 'Anna <script>alert("r")</script> Lindqvist';
const unsubscribeUrl = 'https://samverkan.example/u/eyJhbGciOiJIUzI1NiJ9.eyJwIjoidSJ9.c2ln';
const unsubscribeLabels: Record<Language, string> = {
  sv: 'Avregistrera dig',
  da: 'Afmeld',
  en: 'Unsubscribe',
};

/** Preact's text escaping: `&`, `<` and `"` (a `>` after an escaped `<` is harmless). */
const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const hrefsOf = (html: string) =>
  [...html.matchAll(/href="([^"]*)"/g)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&'));

function render(kind: EventMessageKind, language: Language, change: Record<string, unknown> = {}) {
  const input = eventMailInput(
    kind,
    { language, tenantName: evilTenant, recipientName: evilRecipient },
    unsubscribeUrl,
  );
  return renderMessage({ ...input, data: { ...input.data, ...change } } as MessageInput);
}

/** 2026-03-25 10:30–12:00 UTC in Stockholm (CET, +1). */
const whenIn: Record<Language, string> = {
  sv: 'onsdag 25 mars 2026 kl. 11:30–13:00',
  da: 'onsdag den 25. marts 2026 kl. 11.30–13.00',
  en: 'Wednesday 25 March 2026, 11:30–13:00',
};
/** 2026-03-18 22:59 UTC in Stockholm. */
const deadlineIn: Record<Language, string> = {
  sv: 'onsdag 18 mars 2026 kl. 23:59',
  da: 'onsdag den 18. marts 2026 kl. 23.59',
  en: 'Wednesday 18 March 2026 at 23:59',
};

describe('event mails: every kind in every language', () => {
  const cases = eventMessageKinds.flatMap((kind) => languages.map((language) => [kind, language] as const));

  it.each(cases)('%s in %s', (kind, language) => {
    const { subject, html, text } = render(kind, language);

    expect(html).toContain(`<html lang="${language}" dir="ltr">`);
    expect(() => assertHeaderSafe('Subject', subject)).not.toThrow();
    expect(subject).toContain(sampleEvent.title);

    // Every value from staff, the tenant or the recipient is text.
    // (The one image is the confirmation's check-in QR code, a part of the mail itself.)
    expect(html.replace(/<img src="cid:check-in@samverkan" alt="[^"<]*"/g, '')).not.toMatch(
      /<(script|img|b|i)\b/,
    );
    for (const value of [
      evilTenant,
      evilRecipient,
      organiserName,
      sampleEvent.place.name,
      sampleEvent.title,
    ]) {
      expect(html).toContain(escaped(value));
      expect(text).toContain(value);
    }

    // Date and time in the tenant's zone, in the recipient's language.
    expect(html).toContain(whenIn[language]);
    expect(text).toContain(whenIn[language]);

    // Bulk mail has the unsubscribe link, transactional mail none.
    const bulk = kind === 'invitation' || kind === 'invitation-reminder';
    expect(isBulkKind(kind)).toBe(bulk);
    if (bulk) {
      expect(html).toMatch(new RegExp(`<a href="${unsubscribeUrl}"[^>]*>${unsubscribeLabels[language]}</a>`));
      expect(text).toContain(`${unsubscribeLabels[language]}: ${unsubscribeUrl}`);
    } else {
      expect(html).not.toContain(unsubscribeUrl);
      expect(text).not.toContain(unsubscribeUrl);
      expect(html).not.toContain(unsubscribeLabels[language]);
    }

    // The RSVP link in both parts (the cancellation has none; a registration's confirmation has its
    // confirm link instead: no seat, no RSVP page yet), and every link of the HTML in the text.
    if (kind === 'registration-confirmation') {
      expect(html).not.toContain('/rsvp/');
      expect(hrefsOf(html)).toContain('https://samverkan.example/events/confirm/tok');
      expect(text).toContain('https://samverkan.example/events/confirm/tok');
    } else if (kind === 'event-cancelled') {
      expect(html).not.toContain('/rsvp/');
      expect(text).not.toContain('/rsvp/');
    } else {
      expect(hrefsOf(html)).toContain(rsvpUrl);
      expect(text).toContain(rsvpUrl);
    }
    for (const href of hrefsOf(html)) expect(text).toContain(href);
  });

  it('bulk kinds refuse to render without an unsubscribe link, transactional kinds with one', () => {
    for (const kind of eventMessageKinds) {
      const input = eventMailInput(kind, { language: 'sv', tenantName: 'Kommun' }, unsubscribeUrl);
      if (isBulkKind(kind)) {
        expect(() => renderMessage({ ...input, unsubscribeUrl: undefined })).toThrow(/unsubscribeUrl/);
      } else {
        expect(() => renderMessage({ ...input, unsubscribeUrl })).toThrow(/transactional/);
      }
    }
    expect(eventMessageKinds.filter(isBulkKind)).toEqual(['invitation', 'invitation-reminder']);
  });
});

describe('event mails: dates and times in the tenant zone', () => {
  it('10:30 UTC in March is 11:30 in Stockholm and in Copenhagen', () => {
    expect(formatEventTime('2026-03-25T10:30:00Z', 'sv', 'Europe/Stockholm')).toBe('11:30');
    expect(formatEventTime('2026-03-25T10:30:00Z', 'sv', 'Europe/Copenhagen')).toBe('11:30');
    expect(formatEventTime('2026-03-25T10:30:00Z', 'en', 'Europe/Copenhagen')).toBe('11:30');
    // Danish writes the time with a full stop (Retskrivningsordbogen: "kl. 11.30").
    expect(formatEventTime('2026-03-25T10:30:00Z', 'da', 'Europe/Copenhagen')).toBe('11.30');
  });

  it('a summer date is +2, and the zone is the one given', () => {
    expect(formatEventTime('2026-06-10T10:30:00Z', 'sv', 'Europe/Stockholm')).toBe('12:30');
    expect(formatEventTime('2026-06-10T10:30:00Z', 'da', 'Europe/Copenhagen')).toBe('12.30');
    expect(formatEventTime('2026-03-25T10:30:00Z', 'sv', 'Europe/Helsinki')).toBe('12:30');
    expect(formatEventTime('2026-03-25T10:30:00Z', 'sv', 'UTC')).toBe('10:30');
    // The night the clocks go forward (29 March 2026, 01:00 UTC).
    expect(formatEventTime('2026-03-29T00:30:00Z', 'sv', 'Europe/Stockholm')).toBe('01:30');
    expect(formatEventTime('2026-03-29T01:30:00Z', 'sv', 'Europe/Stockholm')).toBe('03:30');
    // An offset other than Z is the same instant.
    expect(formatEventTime('2026-06-10T12:30:00+02:00', 'en', 'Europe/Stockholm')).toBe('12:30');
  });

  it('the date is the date in the zone, not in UTC', () => {
    expect(formatEventDateTime('2026-03-25T23:30:00Z', 'sv', 'Europe/Stockholm')).toBe(
      'torsdag 26 mars 2026 kl. 00:30',
    );
    expect(formatEventDateTime('2026-03-25T23:30:00Z', 'en', 'UTC')).toBe('Wednesday 25 March 2026 at 23:30');
  });

  it('an event over two days shows both dates', () => {
    expect(formatEventWhen('2026-06-10T07:00:00Z', '2026-06-11T13:00:00Z', 'sv', 'Europe/Stockholm')).toBe(
      'onsdag 10 juni 2026 kl. 09:00 – torsdag 11 juni 2026 kl. 15:00',
    );
    expect(formatEventWhen('2026-06-10T07:00:00Z', '2026-06-11T13:00:00Z', 'da', 'Europe/Copenhagen')).toBe(
      'onsdag den 10. juni 2026 kl. 09.00 – torsdag den 11. juni 2026 kl. 15.00',
    );
    // Same day in Stockholm although the UTC dates differ.
    expect(formatEventWhen('2026-06-10T22:30:00Z', '2026-06-10T23:00:00Z', 'en', 'Europe/Stockholm')).toBe(
      'Thursday 11 June 2026, 00:30–01:00',
    );
  });

  it('agenda times as typed, in the language form', () => {
    expect(formatAgendaTime('09:05', 'sv')).toBe('09:05');
    expect(formatAgendaTime('09:05', 'da')).toBe('09.05');
  });

  it.each([
    ['Europe/Stockholm', 'sv', '2026-03-25T10:30:00Z', 'onsdag 25 mars 2026 kl. 11:30–13:00'],
    ['Europe/Copenhagen', 'da', '2026-03-25T10:30:00Z', 'onsdag den 25. marts 2026 kl. 11.30–13.00'],
    ['Europe/Copenhagen', 'en', '2026-03-25T10:30:00Z', 'Wednesday 25 March 2026, 11:30–13:00'],
    ['Europe/Stockholm', 'sv', '2026-06-10T10:30:00Z', 'onsdag 10 juni 2026 kl. 12:30–14:00'],
    ['Europe/Copenhagen', 'da', '2026-06-10T10:30:00Z', 'onsdag den 10. juni 2026 kl. 12.30–14.00'],
  ] as const)('an invitation in %s (%s) starting %s says "%s"', (timeZone, language, start, expected) => {
    const end = new Date(Date.parse(start) + 90 * 60_000).toISOString();
    const rsvpDeadline = new Date(Date.parse(start) - 7 * 86_400_000).toISOString();
    const { html, text } = render('invitation', language, {
      timeZone,
      event: { ...sampleEvent, start, end, rsvpDeadline },
    });
    expect(html).toContain(expected);
    expect(text).toContain(expected);
  });
});

describe('invitation', () => {
  const kindWords: Record<Language, Record<EventKind, string>> = {
    sv: {
      workshop: 'en workshop',
      'dialogue-lunch': 'en dialoglunch',
      'breakfast-meeting': 'ett frukostmöte',
      seminar: 'ett seminarium',
      'study-visit': 'ett studiebesök',
    },
    da: {
      workshop: 'en workshop',
      'dialogue-lunch': 'en dialogfrokost',
      'breakfast-meeting': 'et morgenmøde',
      seminar: 'et seminar',
      'study-visit': 'et studiebesøg',
    },
    en: {
      workshop: 'a workshop',
      'dialogue-lunch': 'a dialogue lunch',
      'breakfast-meeting': 'a breakfast meeting',
      seminar: 'a seminar',
      'study-visit': 'a study visit',
    },
  };

  it.each(languages.flatMap((language) => eventKinds.map((kind) => [language, kind] as const)))(
    'in %s names a %s',
    (language, kind) => {
      const { text } = render('invitation', language, { event: { ...sampleEvent, kind } });
      expect(text).toContain(`${kindWords[language][kind]}.`);
    },
  );

  it.each([
    ['sv', 'Svara', 'Inbjudan: ', 'Sista svarsdag'],
    ['da', 'Svar', 'Invitation: ', 'Svarfrist'],
    ['en', 'Reply', 'Invitation: ', 'Reply by'],
  ] as const)(
    'in %s: a big "%s" button, the facts, the deadline, the agenda',
    (language, button, prefix, deadline) => {
      const { subject, html, text } = render('invitation', language);
      expect(subject).toBe(`${prefix}${sampleEvent.title}`);
      expect(html).toContain(`<h1 style="`);
      expect(html).toContain(`>${escaped(sampleEvent.title)}</h1>`);
      // The button: the RSVP link, 20px bold text.
      const escapedUrl = escaped(rsvpUrl);
      expect(html).toMatch(
        new RegExp(
          `<a href="${escapedUrl.replace(/[.?]/g, '\\$&')}" style="[^"]*font-size:20px[^"]*">${button}</a>`,
        ),
      );
      expect(text).toContain(`${button}: ${rsvpUrl}`);
      // Facts.
      expect(html).toContain(`<strong>${deadline}</strong><br/>${deadlineIn[language]}`);
      expect(text).toContain(`${deadline}: ${deadlineIn[language]}`);
      expect(html).toContain('Kulturhuset &lt;b>Stora salen&lt;/b><br/>Storgatan 1<br/>281 31 Hässleholm');
      expect(text).toContain('Kulturhuset <b>Stora salen</b>\n  Storgatan 1\n  281 31 Hässleholm');
      // Agenda, in order, times in the language's form.
      const time = language === 'da' ? '11.30' : '11:30';
      const later = language === 'da' ? '12.15' : '12:15';
      expect(html).toMatch(
        new RegExp(
          `<li[^>]*><strong>${time}</strong> Lunch &amp; &lt;i>mingel&lt;/i></li><li[^>]*><strong>${later}</strong> Samtal`,
        ),
      );
      expect(text).toContain(`- ${time} Lunch & <i>mingel</i>\n- ${later} Samtal om kompetens`);
    },
  );

  it("renders staff's intro as sanitised markdown, with its links in the text", () => {
    const { html, text } = render('invitation', 'sv');
    expect(html).toContain('<strong>lunch</strong>');
    // Staff's raw HTML is text: escaped, quotes included (the Markdown renderer escapes all text).
    expect(html).toContain('&lt;script&gt;alert(&quot;intro&quot;)&lt;/script&gt;');
    expect(html).toContain('<a href="https://hassleholm.se/naringsliv?a=1&amp;b=2" rel="noopener">mer</a>');
    expect(text).toContain('Läs mer (https://hassleholm.se/naringsliv?a=1&b=2).');
  });

  it('has no intro when there is none (or only white space), and no agenda heading without an agenda', () => {
    const { html, text } = render('invitation', 'sv', {
      markdownIntro: '  \n ',
      event: { ...sampleEvent, agenda: [] },
    });
    expect(html).not.toContain('Vi bjuder på');
    expect(html).not.toContain('>Program</h2>');
    expect(text).not.toContain('Program\n-------');
    const withAgenda = render('invitation', 'sv');
    expect(withAgenda.html).toContain('>Program</h2>');
  });
});

describe('invitation-reminder', () => {
  it.each([
    ['sv', 'Påminnelse: inbjudan till ', 'Vi har ännu inte fått ditt svar', 'Svara'],
    ['da', 'Påmindelse: invitation til ', 'Vi har endnu ikke modtaget dit svar', 'Svar'],
    ['en', 'Reminder: invitation to ', 'We have not received your reply', 'Reply'],
  ] as const)('in %s: not answered yet, the deadline, the button', (language, prefix, lead, button) => {
    const { subject, html, text } = render('invitation-reminder', language);
    expect(subject).toBe(`${prefix}${sampleEvent.title}`);
    expect(text).toContain(lead);
    expect(text).toContain(deadlineIn[language]);
    expect(html).toMatch(new RegExp(`font-size:20px[^"]*">${button}</a>`));
    expect(text).toContain(`${button}: ${rsvpUrl}`);
  });
});

describe('attendee-reminder', () => {
  it.each([
    ['sv', 'Vi ses i morgon!', 'Du är anmäld med 2 platser.', 'Ändra ditt svar'],
    ['da', 'Vi ses i morgen!', 'Du er tilmeldt med 2 pladser.', 'Ændr dit svar'],
    ['en', 'See you tomorrow!', 'You are registered for 2 seats.', 'Change your reply'],
  ] as const)(
    'in %s: see you tomorrow, time and place, the link to change',
    (language, heading, seats, change) => {
      const { html, text } = render('attendee-reminder', language);
      expect(html).toContain(`>${heading}</h1>`);
      expect(text).toContain(seats);
      expect(text).toContain(`${change}: ${rsvpUrl}`);
      expect(text).toContain('281 31 Hässleholm');
      expect(render('attendee-reminder', language, { seats: undefined }).text).not.toContain(seats);
    },
  );
});

describe('rsvp-confirmation', () => {
  it.each([
    ['sv', 'Du är anmäld: ', 'med 2 platser', 'Kalenderinbjudan finns bifogad'],
    ['da', 'Du er tilmeldt: ', 'med 2 pladser', 'Kalenderinvitationen er vedhæftet'],
    ['en', 'You are registered: ', '(2 seats)', 'The calendar invitation is attached'],
  ] as const)(
    'attending in %s: seats, "the calendar invitation is attached"',
    (language, prefix, seats, calendar) => {
      const { subject, html, text } = render('rsvp-confirmation', language);
      expect(subject).toBe(`${prefix}${sampleEvent.title}`);
      expect(text).toContain(seats);
      expect(html).toContain(calendar);
      expect(text).toContain(calendar);
      expect(text).toContain(deadlineIn[language]);
    },
  );

  it('lists the answers given, escaped', () => {
    const { html, text } = render('rsvp-confirmation', 'sv');
    expect(html).toContain('>Dina svar:</h2>');
    expect(html).toContain(
      '<strong>Namn:</strong> Anna Lindqvist, Bo &lt;script>alert(&quot;name&quot;)&lt;/script> Ek',
    );
    expect(html).toContain('<strong>Specialkost:</strong> Vegetarisk, Annat: Inga &lt;b>svampar&lt;/b>');
    expect(html).toContain('<strong>Tillgänglighet:</strong> Rullstol');
    expect(html).toContain(
      '<strong>Meddelande:</strong> Vi kommer<br/>&lt;script>alert(&quot;note&quot;)&lt;/script> lite sent',
    );
    expect(text).toContain(
      [
        'Dina svar:',
        '----------',
        '- Namn: Anna Lindqvist, Bo <script>alert("name")</script> Ek',
        '- Specialkost: Vegetarisk, Annat: Inga <b>svampar</b>',
        '- Tillgänglighet: Rullstol',
        '- Meddelande: Vi kommer\n  <script>alert("note")</script> lite sent',
      ].join('\n'),
    );
    expect(text).toContain(`Du kan ändra ditt svar fram till ${deadlineIn.sv}.`);
    expect(text).toContain(`Ändra ditt svar: ${rsvpUrl}`);
  });

  it('leaves out what was not answered', () => {
    const { html, text } = render('rsvp-confirmation', 'en', {
      names: ['', '  '],
      dietary: [],
      dietaryOther: ' ',
      accessibility: undefined,
      note: '',
    });
    expect(html).not.toContain('Your answers:');
    expect(text).not.toMatch(/Names|Dietary|Accessibility|Note:/);
    const other = render('rsvp-confirmation', 'en', { dietary: ['other', 'halal'], dietaryOther: undefined });
    expect(other.text).toContain('- Dietary needs: Other, Halal');
  });

  it.each([
    ['sv', 'Du står på väntelistan: ', 'som nummer 3, för 2 platser'],
    ['da', 'Du er på ventelisten: ', 'som nummer 3, til 2 pladser'],
    ['en', 'You are on the waiting list: ', 'number 3, for 2 seats'],
  ] as const)('waitlisted in %s: the position, no calendar', (language, prefix, position) => {
    const { subject, text } = render('rsvp-confirmation', language, {
      answer: { status: 'waitlisted', seats: 2, position: 3 },
    });
    expect(subject).toBe(`${prefix}${sampleEvent.title}`);
    expect(text).toContain(position);
    expect(text).not.toMatch(/bifogad|vedhæftet|attached/);
  });

  it.each([
    ['sv', 'Tack för ditt svar: ', 'Du har tackat nej till'],
    ['da', 'Tak for dit svar: ', 'Du har takket nej til'],
    ['en', 'Thank you for your reply: ', 'You have declined'],
  ] as const)('declined in %s: no calendar, still the link to change', (language, prefix, declined) => {
    const { subject, text } = render('rsvp-confirmation', language, { answer: { status: 'declined' } });
    expect(subject).toBe(`${prefix}${sampleEvent.title}`);
    expect(text).toContain(declined);
    expect(text).not.toMatch(/bifogad|vedhæftet|attached/);
    expect(text).toContain(rsvpUrl);
  });
});

describe('waitlist-promoted', () => {
  it.each([
    ['sv', 'Du har fått en plats: ', 'är nu anmäld med 1 plats'],
    ['da', 'Du har fået en plads: ', 'er nu tilmeldt med 1 plads'],
    ['en', 'You have a seat: ', 'are now registered for 1 seat'],
  ] as const)('in %s: a seat opened up, you are attending', (language, prefix, attending) => {
    const { subject, text } = render('waitlist-promoted', language);
    expect(subject).toBe(`${prefix}${sampleEvent.title}`);
    expect(text).toContain(attending);
    expect(text).toContain(whenIn[language]);
    expect(text).toContain(rsvpUrl);
  });
});

describe('event-updated', () => {
  const changes = [
    { field: 'time', before: 'kl. 10:00–11:30', after: 'kl. 11:30–13:00' },
    { field: 'place', before: 'Stadshuset <script>alert("p")</script>', after: 'Kulturhuset' },
    { field: 'title', before: 'Gammal & titel', after: 'Ny titel' },
    { field: 'agenda', before: '10:00 Kaffe\n10:30 Samtal', after: '11:30 Lunch' },
  ] as const;

  it.each([
    ['sv', ['Tid', 'Plats', 'Titel', 'Program'], 'Ändrat: '],
    ['da', ['Tidspunkt', 'Sted', 'Titel', 'Program'], 'Ændret: '],
    ['en', ['Time', 'Place', 'Title', 'Agenda'], 'Changed: '],
  ] as const)('in %s lists each change as "Field: before → after"', (language, labels, prefix) => {
    const { subject, html, text } = render('event-updated', language, { changes });
    expect(subject).toBe(`${prefix}${sampleEvent.title}`);
    const items = [...html.matchAll(/<li[^>]*><strong>([^<]*):<\/strong> (.*?)<\/li>/g)].slice(0, 4);
    expect(items.map((m) => m[1])).toEqual(labels);
    expect(items.map((m) => m[2])).toEqual([
      'kl. 10:00–11:30 → kl. 11:30–13:00',
      'Stadshuset &lt;script>alert(&quot;p&quot;)&lt;/script> → Kulturhuset',
      'Gammal &amp; titel → Ny titel',
      '10:00 Kaffe<br/>10:30 Samtal → 11:30 Lunch',
    ]);
    expect(text).toContain(
      [
        `- ${labels[0]}: kl. 10:00–11:30 → kl. 11:30–13:00`,
        `- ${labels[1]}: Stadshuset <script>alert("p")</script> → Kulturhuset`,
        `- ${labels[2]}: Gammal & titel → Ny titel`,
        `- ${labels[3]}: 10:00 Kaffe\n  10:30 Samtal → 11:30 Lunch`,
      ].join('\n'),
    );
    // The new facts and the link.
    expect(text).toContain(whenIn[language]);
    expect(text).toContain(rsvpUrl);
  });

  it('formatEventWhen gives callers the before and after of a time change', () => {
    const before = formatEventWhen('2026-03-25T09:00:00Z', '2026-03-25T10:30:00Z', 'sv', 'Europe/Stockholm');
    const { text } = render('event-updated', 'sv', {
      changes: [{ field: 'time', before, after: whenIn.sv }],
    });
    expect(text).toContain(
      '- Tid: onsdag 25 mars 2026 kl. 10:00–11:30 → onsdag 25 mars 2026 kl. 11:30–13:00',
    );
  });
});

describe('event-cancelled', () => {
  it.each([
    ['sv', 'Inställt: ', 'Vi har tyvärr ställt in'],
    ['da', 'Aflyst: ', 'Vi har desværre aflyst'],
    ['en', 'Cancelled: ', 'Unfortunately, we have cancelled'],
  ] as const)("in %s: cancelled, with staff's message", (language, prefix, lead) => {
    const { subject, html, text } = render('event-cancelled', language);
    expect(subject).toBe(`${prefix}${sampleEvent.title}`);
    expect(text).toContain(lead);
    expect(html).toContain(
      'Tyvärr har för få anmält sig. &lt;script&gt;alert(&quot;cancel&quot;)&lt;/script&gt;',
    );
    expect(text).toContain('Tyvärr har för få anmält sig. <script>alert("cancel")</script>');
  });

  it('without a message', () => {
    const { text } = render('event-cancelled', 'sv', { markdownMessage: undefined });
    expect(text).not.toContain('för få');
    expect(text).toContain('Vi har tyvärr ställt in');
  });
});

describe('event mail data (schemas)', () => {
  const parse = (kind: EventMessageKind, change: Record<string, unknown>) =>
    messageContentSchema.safeParse({ kind, data: { ...eventMailSamples[kind], ...change } });

  it('accepts every sample', () => {
    for (const kind of eventMessageKinds) expect(parse(kind, {}).success).toBe(true);
  });

  it('accepts a stored event as it is (other fields dropped, defaults applied)', () => {
    const stored = {
      ...sampleEvent,
      eventId: 'e1',
      tenantId: 't1',
      status: 'published',
      description: 'Mer om dagen',
      capacity: 40,
      language: 'sv',
      agenda: undefined,
      place: { name: 'Kulturhuset' },
    };
    const parsed = parse('invitation', { event: stored });
    expect(parsed.success).toBe(true);
    if (parsed.success && parsed.data.kind === 'invitation') {
      expect(parsed.data.data.event).toEqual({
        kind: 'dialogue-lunch',
        title: sampleEvent.title,
        start: sampleEvent.start,
        end: sampleEvent.end,
        place: { name: 'Kulturhuset', address: '' },
        agenda: [],
        rsvpDeadline: sampleEvent.rsvpDeadline,
      });
    }
  });

  it('cleans a title with line breaks into one header-safe line', () => {
    const { subject } = render('invitation', 'sv', {
      event: { ...sampleEvent, title: 'Frukost\r\nBcc: evil@example.com' },
    });
    expect(subject).toBe('Inbjudan: Frukost Bcc: evil@example.com');
  });

  it.each([
    ['an unknown time zone', 'invitation', { timeZone: 'Europe/Hässleholm' }],
    ['an empty time zone', 'invitation', { timeZone: '' }],
    ['an http RSVP link', 'invitation', { rsvpUrl: 'http://samverkan.example/rsvp/x' }],
    ['a javascript: RSVP link', 'rsvp-confirmation', { rsvpUrl: 'javascript:alert(1)' }],
    ['no RSVP link', 'invitation-reminder', { rsvpUrl: undefined }],
    ['an empty organiser', 'invitation', { organiserName: ' ' }],
    ['an end before the start', 'invitation', { event: { ...sampleEvent, end: '2026-03-25T10:00:00Z' } }],
    ['a start without offset', 'invitation', { event: { ...sampleEvent, start: '2026-03-25T10:30:00' } }],
    ['an unknown event kind', 'invitation', { event: { ...sampleEvent, kind: 'party' } }],
    [
      'an agenda time that is not HH:MM',
      'invitation',
      { event: { ...sampleEvent, agenda: [{ time: '9', title: 'x' }] } },
    ],
    [
      'a waitlist answer without position',
      'rsvp-confirmation',
      { answer: { status: 'waitlisted', seats: 1 } },
    ],
    ['0 seats', 'rsvp-confirmation', { answer: { status: 'attending', seats: 0 } }],
    ['an unknown answer', 'rsvp-confirmation', { answer: { status: 'maybe' } }],
    ['an unknown dietary category', 'rsvp-confirmation', { dietary: ['keto'] }],
    ['no seats', 'waitlist-promoted', { seats: undefined }],
    ['no changes', 'event-updated', { changes: [] }],
    [
      'two changes of one field',
      'event-updated',
      {
        changes: [
          { field: 'time', before: 'a', after: 'b' },
          { field: 'time', before: 'b', after: 'c' },
        ],
      },
    ],
    [
      'an unknown change field',
      'event-updated',
      { changes: [{ field: 'capacity', before: '1', after: '2' }] },
    ],
  ] as const)('refuses %s', (_what, kind, change) => {
    expect(parse(kind, change).success).toBe(false);
  });

  it('makes a missing piece a compile error', () => {
    const { rsvpUrl: _omitted, ...withoutLink } = eventMailSamples.invitation;
    const input = (): MessageInput =>
      // @ts-expect-error: an invitation needs its rsvpUrl.
      ({ kind: 'invitation', language: 'sv', tenantName: 'Kommun', unsubscribeUrl, data: withoutLink });
    expect(() => renderMessage(input())).toThrow();
    const wrongField = (): MessageInput => ({
      kind: 'event-updated',
      language: 'sv',
      tenantName: 'Kommun',
      data: {
        ...eventMailSamples['event-updated'],
        // @ts-expect-error: 'capacity' is not a change field.
        changes: [{ field: 'capacity', before: '1', after: '2' }],
      },
    });
    expect(() => renderMessage(wrongField())).toThrow();
  });
});

describe('the online meeting link (issue 12, Build 3)', () => {
  const link = 'https://meet.example.org/lunch-42';
  const joinWords = { sv: 'Anslut till mötet', da: 'Deltag i mødet', en: 'Join the meeting' } as const;

  it('never reaches the invitation or its reminder, even when passed to them', () => {
    for (const kind of ['invitation', 'invitation-reminder'] as const)
      for (const language of languages) {
        const { html, text } = render(kind, language, { meetingUrl: link });
        expect(`${html}${text}`).not.toContain('meet.example.org');
      }
  });

  it('is among the facts of the mails to those with a seat, in every language', () => {
    for (const kind of [
      'rsvp-confirmation',
      'attendee-reminder',
      'waitlist-promoted',
      'event-updated',
    ] as const)
      for (const language of languages) {
        const { html, text } = render(kind, language, { meetingUrl: link });
        // A link to click in HTML, with words in the mail's language; the URL written out in text.
        expect(html).toContain(`href="${link}"`);
        expect(html).toContain(`>${joinWords[language]}</a>`);
        expect(text).toContain(link);
      }
  });

  it('is a button at the top of the day-before reminder', () => {
    const { html } = render('attendee-reminder', 'sv', { meetingUrl: link });
    const beforeFacts = html.slice(0, html.indexOf('<strong>När</strong>'));
    expect(beforeFacts).toContain(`href="${link}"`);
    expect(beforeFacts).toContain('Anslut till mötet');
    expect(render('attendee-reminder', 'sv').html).not.toContain('Anslut till mötet');
  });

  it('is refused unless https', () => {
    expect(() => render('rsvp-confirmation', 'sv', { meetingUrl: 'http://meet.example.org/x' })).toThrow();
    expect(() => render('rsvp-confirmation', 'sv', { meetingUrl: 'javascript:alert(1)' })).toThrow();
  });

  it('the invitation carries the map of the place as a link', () => {
    const map = 'https://www.openstreetmap.org/search?query=Storgatan%201%2C%20H%C3%A4ssleholm';
    const { html, text } = render('invitation', 'sv', { mapUrl: map });
    expect(text).toContain(`Karta: ${map}`);
    expect(html).toContain(`href="${map.replaceAll('&', '&amp;')}"`);
    expect(html).toContain('>Visa på kartan</a>');
  });
});
