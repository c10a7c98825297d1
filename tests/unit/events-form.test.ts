import fc from 'fast-check';
import { h } from 'preact';
import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { describeChanges } from '../../functions/meetings/api.js';
import type { EventCounters, Meeting } from '../../shared/meetings/meeting.js';
import { BadgesPage } from '../../shared/meetings/pages/badges.js';
import {
  EventFormPage,
  eventFormValues,
  fieldErrorText,
  newEventFormValues,
  parseEventForm,
  questionsErrorText,
} from '../../shared/meetings/pages/form.js';
import { EventInvitePage, emptyInviteValues, parseInviteForm } from '../../shared/meetings/pages/invite.js';
import { EventLivePage, typeBreakdown } from '../../shared/meetings/pages/live.js';
import {
  type CustomQuestion,
  checkAnswers,
  choiceDeltas,
  matchOptionIds,
  questionAnswersSchema,
  questionKinds,
} from '../../shared/meetings/questions.js';
import { meetingsMessages } from '../../shared/meetings/texts/console.js';

const STOCKHOLM = 'Europe/Stockholm';
const COPENHAGEN = 'Europe/Copenhagen';

const validForm: Record<string, string> = {
  _csrf: 'x',
  kind: 'dialogue-lunch',
  title: '  Dialoglunch: kompetensförsörjning  ',
  programmeId: '',
  language: 'sv',
  description: 'Vi bjuder på lunch.\r\nVälkomna!',
  placeName: 'Kulturhuset',
  placeAddress: 'Storgatan 1, Hässleholm',
  start: '2026-03-25T11:30',
  end: '2026-03-25T13:00',
  rsvpDeadline: '2026-03-18T12:00',
  capacity: '40',
  seatLimitPerOrganisation: '2',
  agenda: '11:30 Lunch\n\n12.15 Samtal i grupper\r\n9:05 Frukost',
  q_headcount: 'on',
  q_names: 'on',
  q_dietary: 'on',
  reminderDays: '3',
  reminderAttendees: 'on',
};

describe('the event form → EventInput', () => {
  it('reads times on the tenant’s clock and stores instants', () => {
    const parsed = parseEventForm(validForm, STOCKHOLM);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.input).toMatchObject({
      kind: 'dialogue-lunch',
      title: 'Dialoglunch: kompetensförsörjning',
      description: 'Vi bjuder på lunch.\nVälkomna!',
      place: { name: 'Kulturhuset', address: 'Storgatan 1, Hässleholm' },
      // 25 March is winter time (the change is on the 29th): UTC+1.
      start: '2026-03-25T10:30:00.000Z',
      end: '2026-03-25T12:00:00.000Z',
      rsvpDeadline: '2026-03-18T11:00:00.000Z',
      capacity: 40,
      seatLimitPerOrganisation: 2,
      agenda: [
        { time: '11:30', title: 'Lunch' },
        { time: '12:15', title: 'Samtal i grupper' },
        { time: '09:05', title: 'Frukost' },
      ],
      questions: { headcount: true, names: true, dietary: true, accessibility: false, note: false },
      language: 'sv',
      reminders: { nonRespondersDaysBeforeDeadline: 3, attendeesDayBefore: true },
    });
    expect(parsed.input.programmeId).toBeUndefined();
  });

  it('uses the tenant’s zone: Copenhagen in summer is UTC+2', () => {
    const parsed = parseEventForm(
      { ...validForm, start: '2026-06-10T09:00', end: '2026-06-10T10:30', rsvpDeadline: '2026-06-01T23:59' },
      COPENHAGEN,
    );
    expect(parsed.ok && parsed.input.start).toBe('2026-06-10T07:00:00.000Z');
    expect(parsed.ok && parsed.input.rsvpDeadline).toBe('2026-06-01T21:59:00.000Z');
  });

  it('reports every field at once, as codes the page words', () => {
    const parsed = parseEventForm(
      {
        ...validForm,
        kind: 'party',
        title: '   ',
        placeName: '',
        start: '2026-03-25T13:00',
        end: '2026-03-25T12:00',
        rsvpDeadline: '2026-03-26T12:00',
        capacity: 'forty',
        seatLimitPerOrganisation: '500',
        agenda: '11:30 Lunch\nLunch at noon\n25:00 Late',
        reminderDays: '0',
        language: 'de',
      },
      STOCKHOLM,
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual({
      kind: { code: 'invalid' },
      title: { code: 'required' },
      placeName: { code: 'required' },
      end: { code: 'endAfterStart' },
      rsvpDeadline: { code: 'deadlineBeforeStart' },
      capacity: { code: 'wholeNumber' },
      seatLimitPerOrganisation: { code: 'range', min: 1, max: 100 },
      agenda: { code: 'agendaLine', line: 2 },
      reminderDays: { code: 'range', min: 1, max: 30 },
      language: { code: 'invalid' },
    });
    // What was typed comes back to be corrected.
    expect(parsed.values.capacity).toBe('forty');
    expect(parsed.values.agenda).toContain('Lunch at noon');
  });

  it('names missing and impossible times, and a seat limit above the capacity', () => {
    const parsed = parseEventForm(
      { ...validForm, start: '', end: '2026-02-30T12:00', capacity: '5', seatLimitPerOrganisation: '6' },
      STOCKHOLM,
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.start).toEqual({ code: 'required' });
    expect(parsed.errors.end).toEqual({ code: 'dateTime' });
    expect(parsed.errors.seatLimitPerOrganisation).toEqual({ code: 'seatLimit' });
  });

  it('takes a title that is too long and an unchecked checkbox as such', () => {
    const parsed = parseEventForm({ ...validForm, title: 'x'.repeat(201), reminderAttendees: '' }, STOCKHOLM);
    expect(!parsed.ok && parsed.errors.title).toEqual({ code: 'tooLong', max: 200 });
    expect(parsed.values.reminderAttendees).toBe(false);
    expect(fieldErrorText({ code: 'tooLong', max: 200 }, 'da')).toBe('Højst 200 tegn.');
  });

  it('round-trips an event through the form', () => {
    const parsed = parseEventForm(validForm, STOCKHOLM);
    if (!parsed.ok) throw new Error('valid form refused');
    const event: Meeting = {
      ...parsed.input,
      eventId: 'e1',
      tenantId: 'hassleholm',
      status: 'published',
      sequence: 0,
      version: 3,
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
    };
    const values = eventFormValues(event, STOCKHOLM);
    expect(values.start).toBe('2026-03-25T11:30');
    expect(values.agenda).toBe('11:30 Lunch\n12:15 Samtal i grupper\n09:05 Frukost');
    const form: Record<string, string> = {
      ...Object.fromEntries(Object.entries(values).filter(([, v]) => typeof v === 'string')),
      ...Object.fromEntries(
        Object.entries(values.questions).flatMap(([q, on]) => (on ? [[`q_${q}`, 'on']] : [])),
      ),
      ...(values.reminderAttendees ? { reminderAttendees: 'on' } : {}),
    };
    const again = parseEventForm(form, STOCKHOLM);
    expect(again.ok && again.input).toEqual(parsed.input);
  });

  it('keeps open registration off unless ticked, and round-trips it', () => {
    const off = parseEventForm(validForm, STOCKHOLM);
    expect(off.ok && off.input.openRegistration).toBeUndefined();
    const on = parseEventForm({ ...validForm, openRegistration: 'on' }, STOCKHOLM);
    if (!on.ok) throw new Error('valid form refused');
    expect(on.input.openRegistration).toBe(true);
    const event = {
      ...on.input,
      eventId: 'e1',
      tenantId: 'hassleholm',
      status: 'published',
      sequence: 0,
      version: 1,
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
    } satisfies Meeting;
    expect(eventFormValues(event, STOCKHOLM).openRegistration).toBe(true);
    const page = render(
      h(EventFormPage, {
        language: 'en',
        mode: 'edit',
        action: '/console/events/e1',
        csrfToken: 'tok',
        values: eventFormValues(event, STOCKHOLM),
        errors: {},
        programmes: [],
        timeZone: STOCKHOLM,
      }),
    );
    const box = /<input[^>]*id="event-openRegistration"[^>]*>/.exec(page)?.[0] ?? '';
    expect(box).toContain('checked');
    expect(page).toContain('Open registration');
  });
});

describe('the form page', () => {
  it('marks invalid fields and links each error to its field', () => {
    const parsed = parseEventForm({ ...validForm, title: '', capacity: '0' }, STOCKHOLM);
    if (parsed.ok) throw new Error('expected errors');
    const html = render(
      h(EventFormPage, {
        language: 'sv',
        mode: 'create',
        action: '/console/events',
        csrfToken: 'tok',
        values: parsed.values,
        errors: parsed.errors,
        programmes: [],
        timeZone: STOCKHOLM,
      }),
    );
    const input = /<input[^>]*id="event-title"[^>]*>/.exec(html)?.[0] ?? '';
    expect(input).toContain('aria-invalid="true"');
    expect(input).toContain('aria-describedby="event-title-error"');
    expect(html).toContain('id="event-title-error"');
    expect(html).toContain(meetingsMessages.sv.form.errors.required);
    const capacity = /<input[^>]*id="event-capacity"[^>]*>/.exec(html)?.[0] ?? '';
    expect(capacity).toContain('aria-invalid="true"');
    expect(html).toContain('Ange ett heltal från 1 till 10000.');
    // Valid fields are not marked, and keep what was typed.
    const place = /<input[^>]*id="event-placeName"[^>]*>/.exec(html)?.[0] ?? '';
    expect(place).not.toContain('aria-invalid');
    expect(place).toContain('value="Kulturhuset"');
    expect(html).toContain('href="#event-title"');
    expect(html).toContain('name="_csrf" value="tok"');
  });

  it('escapes what was typed', () => {
    const values = { ...newEventFormValues('en'), title: '<script>alert(1)</script>' };
    const html = render(
      h(EventFormPage, {
        language: 'en',
        mode: 'create',
        action: '/console/events',
        csrfToken: 'tok',
        values,
        errors: {},
        programmes: [],
        timeZone: STOCKHOLM,
      }),
    );
    expect(html).not.toContain('<script>alert(1)');
  });
});

describe('the invite form', () => {
  const now = Date.parse('2026-03-01T12:00:00Z');

  it('reads each kind of audience', () => {
    expect(parseInviteForm({ audience: 'all' }, STOCKHOLM, { now }).audience).toEqual({ kind: 'all' });
    expect(
      parseInviteForm({ audience: 'tags', tags: ' Livsmedel, Demo ,, livsmedel' }, STOCKHOLM, { now })
        .audience,
    ).toEqual({ kind: 'tags', tags: ['livsmedel', 'demo'] });
    expect(
      parseInviteForm(
        { audience: 'organisation-types', type_company: 'on', 'type_public-partner': 'on' },
        STOCKHOLM,
        {
          now,
        },
      ).audience,
    ).toEqual({ kind: 'organisation-types', types: ['company', 'public-partner'] });
    const picked = parseInviteForm(
      {
        audience: 'contacts',
        'contact_anna-berg': 'on',
        contact_x1: 'on',
        'contact_bad id!': 'on',
        type_company: 'on',
      },
      STOCKHOLM,
      { now },
    );
    expect(picked.audience).toEqual({ kind: 'contacts', contactIds: ['anna-berg', 'x1'] });
  });

  it('asks for what is missing', () => {
    expect(parseInviteForm({ audience: 'tags', tags: ' , ' }, STOCKHOLM, { now }).errors).toEqual({
      tags: 'tagsRequired',
    });
    expect(parseInviteForm({ audience: 'organisation-types' }, STOCKHOLM, { now }).errors).toEqual({
      types: 'typesRequired',
    });
    expect(parseInviteForm({ audience: 'contacts' }, STOCKHOLM, { now }).ok).toBe(false);
  });

  it('reads a send time on the tenant’s clock, and refuses one in the past or after the deadline', () => {
    const later = parseInviteForm({ audience: 'all', when: 'later', sendAt: '2026-03-02T09:00' }, STOCKHOLM, {
      now,
      rsvpDeadline: '2026-03-18T11:00:00.000Z',
    });
    expect(later.ok).toBe(true);
    expect(later.sendAt).toBe('2026-03-02T08:00:00.000Z');
    expect(
      parseInviteForm({ audience: 'all', when: 'later', sendAt: '2026-02-28T09:00' }, STOCKHOLM, { now })
        .errors,
    ).toEqual({ sendAt: 'sendAtPast' });
    expect(
      parseInviteForm({ audience: 'all', when: 'later', sendAt: '2026-03-20T09:00' }, STOCKHOLM, {
        now,
        rsvpDeadline: '2026-03-18T11:00:00.000Z',
      }).errors,
    ).toEqual({ sendAt: 'sendAtAfterDeadline' });
    expect(
      parseInviteForm({ audience: 'all', when: 'later', sendAt: '' }, STOCKHOLM, { now }).errors,
    ).toEqual({
      sendAt: 'sendAtRequired',
    });
    // "Now" ignores a time left in the field.
    const send = parseInviteForm({ audience: 'all', when: 'now', sendAt: 'garbage' }, STOCKHOLM, { now });
    expect(send.ok && send.sendAt).toBeUndefined();
  });

  it('renders the count and keeps the choices', () => {
    const values = { ...emptyInviteValues(), audience: 'contacts' as const, contactIds: ['c2'] };
    const html = render(
      h(EventInvitePage, {
        language: 'sv',
        timeZone: STOCKHOLM,
        event: {
          eventId: 'e1',
          title: 'Lunch',
          language: 'sv',
          rsvpDeadline: '2026-03-18T11:00:00Z',
          status: 'published',
        },
        csrfToken: 'tok',
        values,
        errors: {},
        preview: { count: 1234, unsubscribed: 2, first: [] },
        organisationTypes: ['company'],
        contacts: [
          { contactId: 'c1', name: 'Anna', organisationName: 'Krinova' },
          { contactId: 'c2', name: 'Bo', organisationName: 'Krinova' },
        ],
      }),
    );
    expect(html).toContain('Urvalet når 1\u00a0234 kontakter.');
    expect(/<input[^>]*name="contact_c2"[^>]*>/.exec(html)?.[0]).toContain('checked');
    expect(/<input[^>]*name="contact_c1"[^>]*>/.exec(html)?.[0]).not.toContain('checked');
  });
});

const counters: EventCounters = {
  invited: 120,
  opened: 80,
  attending: 30,
  attendingSeats: 41,
  declined: 25,
  waitlisted: 4,
  waitlistedSeats: 6,
  attended: 0,
  present: 0,
  byType: {
    'invited#company': 100,
    'attending#company': 25,
    'declined#company': 20,
    'invited#public-partner': 20,
    'attending#public-partner': 5,
    'declined#public-partner': 5,
    'waitlisted#company': 4,
  },
  dietary: { vegan: 3, 'gluten-free': 2 },
  choices: {},
};

const event: Meeting = {
  eventId: 'e1',
  tenantId: 'hassleholm',
  kind: 'dialogue-lunch',
  title: 'Dialoglunch',
  description: '',
  agenda: [{ time: '11:30', title: 'Lunch' }],
  place: { name: 'Kulturhuset', address: 'Storgatan 1' },
  start: '2026-03-25T10:30:00.000Z',
  end: '2026-03-25T12:00:00.000Z',
  rsvpDeadline: '2026-03-18T11:00:00.000Z',
  capacity: 40,
  seatLimitPerOrganisation: 2,
  questions: { headcount: true, names: true, dietary: true, accessibility: true, note: true },
  language: 'sv',
  reminders: { attendeesDayBefore: true },
  status: 'published',
  sequence: 0,
  version: 2,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

describe('the live view', () => {
  it('breaks the counters down by organisation type', () => {
    expect(typeBreakdown(counters.byType)).toEqual([
      { type: 'company', invited: 100, attending: 25, declined: 20, waitlisted: 4, noAnswer: 51 },
      { type: 'public-partner', invited: 20, attending: 5, declined: 5, waitlisted: 0, noAnswer: 10 },
    ]);
  });

  it('shows the counters, the caterer’s numbers and a toggle per attendee', () => {
    const html = render(
      h(EventLivePage, {
        language: 'sv',
        timeZone: STOCKHOLM,
        event,
        counters,
        sends: [],
        invitations: [
          {
            tenantId: 'hassleholm',
            eventId: 'e1',
            contactId: 'c1',
            organisationId: 'o1',
            organisationType: 'company',
            status: 'attending',
            seats: 2,
            names: ['Åsa', 'Bo'],
            dietary: ['vegan'],
            invitedAt: '2026-01-01T00:00:00Z',
            version: 2,
            contactName: 'Åsa Öberg',
            email: 'asa@example.se',
            organisationName: 'Krinova',
          },
        ],
        nextCursor: 'abc',
        canEdit: true,
        csrfToken: 'tok',
        notice: 'published',
      }),
    );
    // No answer = invited − attending − declined − waitlisted.
    expect(html).toMatch(/<dt>Inget svar<\/dt><dd>61<\/dd>/);
    expect(html).toContain('41 av 40 platser');
    expect(html).toContain('Beställ för 41 personer.');
    expect(html).toContain('Vegansk');
    expect(html).toContain('Offentlig aktör');
    expect(html).toContain('action="/console/events/e1/attendance"');
    expect(html).toContain('aria-pressed="false"');
    expect(html).toContain('href="/console/events/e1/export.csv?sep=semicolon"');
    expect(html).toContain('?cursor=abc');
    expect(html).toContain(meetingsMessages.sv.notices.published);
  });

  it('shows the public registration link to copy when open registration is on, and who registered there', () => {
    const url = 'https://samverkan.example/events/hassleholm/e1';
    const html = render(
      h(EventLivePage, {
        language: 'en',
        timeZone: STOCKHOLM,
        event: { ...event, openRegistration: true },
        counters,
        sends: [],
        canEdit: true,
        csrfToken: 'tok',
        registrationUrl: url,
        invitations: [
          {
            tenantId: 'hassleholm',
            eventId: 'e1',
            contactId: 'c9',
            organisationId: 'contact-c9',
            organisationType: 'other',
            status: 'attending',
            seats: 1,
            names: [],
            dietary: [],
            invitedAt: '2026-01-01T00:00:00Z',
            version: 2,
            contactName: 'Vera Besökare',
            email: 'vera@besok.example',
            organisationName: 'Besöksbolaget AB',
            registered: { at: '2026-01-01T00:00:00Z', organisation: 'Besöksbolaget AB' },
          },
        ],
      }),
    );
    expect(html).toContain('<dt>Public registration page</dt>');
    expect(html).toContain('Vera Besökare<span class="hint"> (registered on the public page)</span>');
    expect(html).toContain(`<a href="${url}" id="registration-url">${url}</a>`);
  });

  it('shows no write controls to a viewer', () => {
    const html = render(
      h(EventLivePage, {
        language: 'en',
        timeZone: STOCKHOLM,
        event: { ...event, status: 'draft' },
        counters,
        sends: [],
        invitations: [],
        canEdit: false,
        csrfToken: 'tok',
      }),
    );
    expect(html).not.toContain('<form');
    expect(html).toContain('/badges');
  });
});

describe('badges', () => {
  it('prints eight a sheet, with the organisation', () => {
    const badges = Array.from({ length: 9 }, (_, i) => ({
      name: `Person ${i + 1}`,
      organisation: 'Krinova',
    }));
    const html = render(
      h(BadgesPage, { language: 'sv', timeZone: STOCKHOLM, tenantName: 'Hässleholms kommun', event, badges }),
    );
    expect(html.match(/class="sheet"/g)).toHaveLength(2);
    expect(html.match(/class="badge"/g)).toHaveLength(9);
    expect(html).toContain('@media print');
    expect(html).toContain('size: A4 portrait');
  });
});

describe('what attendees are told when an event changes', () => {
  it('formats times in the tenant’s zone and the event’s language', () => {
    const changes = describeChanges(
      event,
      {
        ...event,
        start: '2026-03-31T10:30:00.000Z',
        end: '2026-03-31T12:00:00.000Z',
        agenda: [{ time: '12:30', title: 'Lunch' }],
      },
      STOCKHOLM,
    );
    expect(changes.map((c) => c.field)).toEqual(['time', 'agenda']);
    // 25 March is winter time (11:30), 31 March summer time (12:30).
    expect(changes[0]?.before).toContain('11:30');
    expect(changes[0]?.after).toContain('12:30');
    expect(changes[0]?.after).toContain('31 mars 2026');
    expect(changes[1]).toEqual({ field: 'agenda', before: '11:30 Lunch', after: '12:30 Lunch' });
  });

  it('says nothing about fields that did not change', () => {
    expect(describeChanges(event, { ...event, description: 'Ny text', capacity: 50 }, STOCKHOLM)).toEqual([]);
    expect(
      describeChanges(
        event,
        { ...event, place: { name: 'Stadshuset', address: '' }, title: 'Ny rubrik' },
        COPENHAGEN,
      ),
    ).toEqual([
      { field: 'place', before: 'Kulturhuset\nStorgatan 1', after: 'Stadshuset' },
      { field: 'title', before: 'Dialoglunch', after: 'Ny rubrik' },
    ]);
  });
});

describe('online and hybrid events (issue 12, Build 3)', () => {
  it('needs an https meeting link for an online or hybrid event, and keeps none for one in person', () => {
    const missing = parseEventForm({ ...validForm, format: 'hybrid', meetingUrl: '' }, STOCKHOLM);
    const plain = parseEventForm(
      { ...validForm, format: 'online', meetingUrl: 'http://meet.example.org/x' },
      STOCKHOLM,
    );
    const inPerson = parseEventForm(
      { ...validForm, format: 'in-person', meetingUrl: 'https://meet.example.org/x' },
      STOCKHOLM,
    );
    const online = parseEventForm(
      { ...validForm, format: 'online', meetingUrl: 'https://meet.example.org/x' },
      STOCKHOLM,
    );
    expect(missing.ok === false && missing.errors.meetingUrl).toEqual({ code: 'required' });
    expect(plain.ok === false && plain.errors.meetingUrl).toEqual({ code: 'invalid' });
    expect(inPerson.ok && inPerson.input.meetingUrl).toBeUndefined();
    expect(online.ok && online.input).toMatchObject({
      format: 'online',
      meetingUrl: 'https://meet.example.org/x',
    });
  });

  it('tells attendees of a changed link as a change, with the new link', () => {
    const before: Meeting = { ...event, format: 'hybrid', meetingUrl: 'https://meet.example.org/a' };
    const { eventId, tenantId, status, sequence, version, createdAt, updatedAt, ...input } = before;
    void [eventId, tenantId, status, sequence, version, createdAt, updatedAt];
    expect(
      describeChanges(before, { ...input, meetingUrl: 'https://meet.example.org/b' }, STOCKHOLM),
    ).toEqual([
      { field: 'meeting', before: 'https://meet.example.org/a', after: 'https://meet.example.org/b' },
    ]);
  });
});

describe('custom registration questions (issue 12, Build 3)', () => {
  const choice: CustomQuestion = {
    id: 'track',
    kind: 'single-choice',
    label: 'Vilket spår?',
    required: true,
    options: [
      { id: 'food', label: 'Livsmedel' },
      { id: 'tech', label: 'Teknik' },
    ],
  };

  it('adds a question from the empty row, keeps ids and reworded options on edit, and drops a removed row', () => {
    // Prepare: a new event with one choice question typed into the empty row
    const created = parseEventForm(
      {
        ...validForm,
        cq_0_id: '',
        cq_0_label: ' Vilket spår? ',
        cq_0_kind: 'single-choice',
        cq_0_required: 'on',
        cq_0_options: 'Livsmedel\r\nTeknik\n\n',
      },
      STOCKHOLM,
    );
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    const [question] = created.input.customQuestions ?? [];
    if (!question) throw new Error('no question');
    expect(question).toMatchObject({ kind: 'single-choice', label: 'Vilket spår?', required: true });
    expect(question.options.map((o) => o.label)).toEqual(['Livsmedel', 'Teknik']);
    const [food, tech] = question.options;

    // Act: the label of an option reworded, one added before it, a new short-text question, then
    // the first question removed
    const edited = parseEventForm(
      {
        ...validForm,
        cq_0_id: question.id,
        cq_0_label: 'Spår',
        cq_0_kind: 'single-choice',
        cq_0_options: 'Besöksnäring\nLivsmedel\nTeknik och IT',
        cq_1_label: 'Önskemål',
        cq_1_kind: 'short-text',
        cq_1_id: 'forged',
      },
      STOCKHOLM,
      [question],
    );
    const removed = parseEventForm(
      { ...validForm, cq_0_id: question.id, cq_0_label: 'Spår', cq_0_remove: 'on', cq_0_options: 'a\nb' },
      STOCKHOLM,
      [question],
    );

    // Assess: same question id, the kept option by label, the reworded one by place
    if (!edited.ok) throw new Error(JSON.stringify(edited.errors));
    const [same, text] = edited.input.customQuestions ?? [];
    expect(same?.id).toBe(question.id);
    expect(same?.options.find((o) => o.label === 'Livsmedel')?.id).toBe(food?.id);
    expect(same?.options.find((o) => o.label === 'Teknik och IT')?.id).not.toBe(food?.id);
    expect(same?.options.map((o) => o.id)).not.toContain(undefined);
    expect(new Set(same?.options.map((o) => o.id)).size).toBe(3);
    expect(tech?.id).toBeDefined();
    // A typed id of no question before is not taken: a new id
    expect(text).toMatchObject({ kind: 'short-text', label: 'Önskemål', options: [] });
    expect(text?.id).not.toBe('forged');
    expect(removed.ok && removed.input.customQuestions).toEqual([]);
  });

  it('refuses a choice without two options and says which question, in the console language', () => {
    const parsed = parseEventForm(
      { ...validForm, cq_0_label: 'Spår', cq_0_kind: 'multiple-choice', cq_0_options: 'Bara en' },
      STOCKHOLM,
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok || !parsed.errors.customQuestions) throw new Error('not refused');
    expect(questionsErrorText(parsed.errors.customQuestions, 'sv')).toBe(
      'Fråga 1: ange 2–20 alternativ, ett per rad.',
    );
    const html = render(
      h(EventFormPage, {
        language: 'en',
        mode: 'create',
        action: '/console/events',
        csrfToken: 't',
        values: parsed.values,
        errors: parsed.errors,
        programmes: [],
        timeZone: STOCKHOLM,
      }),
    );
    expect(html).toContain('Question 1: give 2–20 options, one a line.');
    // The row typed is shown again, and an empty row for one more
    expect(html).toContain('name="cq_0_label"');
    expect(html).toContain('value="Spår"');
    expect(html).toContain('name="cq_1_label"');
  });

  it('keeps an option’s id when it moves or is reworded in its place, and gives a new option a new id', () => {
    const before = [
      { id: 'a1', label: 'Ett' },
      { id: 'b2', label: 'Två' },
    ];
    expect(matchOptionIds(before, ['Två', 'Ett'])).toEqual([
      { id: 'b2', label: 'Två' },
      { id: 'a1', label: 'Ett' },
    ]);
    expect(matchOptionIds(before, ['Ettan', 'Två', 'Tre'], () => 'new')[0]).toEqual({
      id: 'a1',
      label: 'Ettan',
    });
    // A line in the place of an option whose label is gone is that option reworded; one more line
    // is a new option, with an id none of the event's options has.
    expect(matchOptionIds(before, ['Uno', 'Dos', 'Tres'], () => 'c3')).toEqual([
      { id: 'a1', label: 'Uno' },
      { id: 'b2', label: 'Dos' },
      { id: 'c3', label: 'Tres' },
    ]);
  });

  it('accepts an answer only with every required question answered, options from the list, texts within their length (property)', () => {
    const questionArb = fc.record({
      id: fc.constantFrom('q1', 'q2', 'q3'),
      kind: fc.constantFrom(...questionKinds),
      required: fc.boolean(),
    });
    const optionIds = ['o1', 'o2', 'o3'];
    fc.assert(
      fc.property(
        fc.uniqueArray(questionArb, { selector: (q) => q.id, maxLength: 3 }),
        fc.dictionary(
          fc.constantFrom('q1', 'q2', 'q3', 'stray'),
          fc.array(
            fc.oneof(fc.constantFrom('o1', 'o2', 'o3', 'zz', ' ', ''), fc.string({ maxLength: 2100 })),
            {
              maxLength: 4,
            },
          ),
        ),
        (shape, posted) => {
          const questions: CustomQuestion[] = shape.map((q) => ({
            ...q,
            label: q.id,
            options: q.kind.endsWith('choice') ? optionIds.map((id) => ({ id, label: id })) : [],
          }));
          const result = checkAnswers(questions, posted);
          if (result.ok) {
            // Only known questions, each answer valid for its question
            for (const [id, value] of Object.entries(result.answers)) {
              const q = questions.find((x) => x.id === id);
              expect(q).toBeDefined();
              if (!q) continue;
              if (q.kind.endsWith('choice')) {
                expect(Array.isArray(value)).toBe(true);
                for (const v of value as string[]) expect(optionIds).toContain(v);
                if (q.kind === 'single-choice') expect(value).toHaveLength(1);
              } else {
                expect(typeof value).toBe('string');
                expect((value as string).length).toBeLessThanOrEqual(q.kind === 'short-text' ? 200 : 2000);
              }
            }
            for (const q of questions) if (q.required) expect(result.answers[q.id]).toBeDefined();
            expect(questionAnswersSchema.safeParse(result.answers).success).toBe(true);
          } else {
            // Refused only for a reason one of its questions has
            for (const [id, problem] of Object.entries(result.problems)) {
              const q = questions.find((x) => x.id === id);
              expect(q).toBeDefined();
              const values = (posted[id] ?? []).map((v) => v.trim()).filter(Boolean);
              if (problem.code === 'required') expect(values).toHaveLength(0);
              if (problem.code === 'unknownOption')
                expect(values.some((v) => !optionIds.includes(v))).toBe(true);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('counts chosen options of attending answers, moving the count when an answer changes', () => {
    expect(choiceDeltas({ status: 'invited' }, { track: ['food'], wish: 'x' })).toEqual({
      'ans_track.food': 1,
    });
    expect(choiceDeltas({ status: 'attending', answers: { track: ['food'] } }, { track: ['tech'] })).toEqual({
      'ans_track.food': -1,
      'ans_track.tech': 1,
    });
    expect(choiceDeltas({ status: 'attending', answers: { track: ['food'] } }, { track: ['food'] })).toEqual(
      {},
    );
    expect(choiceDeltas({ status: 'waitlisted', answers: { track: ['food'] } }, undefined)).toEqual({});
    expect(checkAnswers([choice], { track: ['food'] })).toEqual({ ok: true, answers: { track: ['food'] } });
  });

  it('shows the answers per option on the event page as a chart with a table beside it', () => {
    const withQuestions: Meeting = {
      ...event,
      customQuestions: [
        choice,
        { id: 'wish', kind: 'short-text', label: 'Önskemål', required: false, options: [] },
      ],
    };
    const html = render(
      h(EventLivePage, {
        language: 'en',
        timeZone: STOCKHOLM,
        event: withQuestions,
        sends: [],
        counters: { ...counters, choices: { 'track.food': 3, 'track.tech': 1 } },
        invitations: [
          {
            tenantId: 'hassleholm',
            eventId: 'e1',
            contactId: 'c1',
            organisationId: 'o1',
            organisationType: 'company',
            status: 'attending',
            seats: 2,
            names: [],
            dietary: [],
            invitedAt: '2026-01-01T00:00:00Z',
            version: 2,
            contactName: 'Åsa Öberg',
            email: 'asa@example.se',
            organisationName: 'Krinova',
            answers: { track: ['tech'], wish: 'Ett bord nära dörren' },
          },
        ],
        canEdit: true,
        csrfToken: 't',
      }),
    );
    expect(html).toContain('Answers to your own questions');
    expect(html).toMatch(/<svg[^>]*aria-label="Answers per option: Vilket spår\?"/);
    expect(html).toMatch(
      /id="choice-track-food"><th scope="row" lang="sv">Livsmedel<\/th><td class="num">3</,
    );
    expect(html).toMatch(/id="choice-track-tech"><th scope="row" lang="sv">Teknik<\/th><td class="num">1</);
    expect(html).toContain('Ett bord nära dörren');
    expect(html).toMatch(/Vilket spår\?:<\/span> Teknik/);
  });
});
