import { type EventMessageKind, eventMessageKinds } from '../../shared/meetings/mails/content.js';
import {
  isBulkKind,
  type MessageDataInput,
  type MessageInput,
  type MessageKind,
} from '../../shared/message-kinds.js';
import type { Language } from '../../shared/platform/texts/language.js';

/** Sample data for the event mails, with markup in every value staff, tenant or recipient wrote. */

export const rsvpUrl = 'https://samverkan.example/rsvp/eyJhbGciOiJIUzI1NiJ9.eyJwIjoiciJ9.c2ln?lang=sv&v=2';

export const sampleEvent = {
  kind: 'dialogue-lunch',
  title: 'Tillväxt <script>alert("title")</script> i Skåne',
  // 11:30–13:00 in Stockholm and Copenhagen (CET).
  start: '2026-03-25T10:30:00Z',
  end: '2026-03-25T12:00:00Z',
  place: { name: 'Kulturhuset <b>Stora salen</b>', address: 'Storgatan 1\n281 31 Hässleholm' },
  agenda: [
    { time: '11:30', title: 'Lunch & <i>mingel</i>' },
    { time: '12:15', title: 'Samtal om kompetens' },
  ],
  // 23:59 in Stockholm.
  rsvpDeadline: '2026-03-18T22:59:00Z',
} satisfies MessageDataInput<'invitation'>['event'];

export const organiserName = 'Näringslivskontoret <img src=x onerror=alert(1)>';

const base = { event: sampleEvent, timeZone: 'Europe/Stockholm', organiserName };

export const eventMailSamples: { [K in EventMessageKind]: MessageDataInput<K> } = {
  invitation: {
    ...base,
    rsvpUrl,
    markdownIntro:
      'Vi bjuder på **lunch**. <script>alert("intro")</script> Läs [mer](https://hassleholm.se/naringsliv?a=1&b=2).',
  },
  'invitation-reminder': { ...base, rsvpUrl },
  'attendee-reminder': { ...base, rsvpUrl, seats: 2 },
  'rsvp-confirmation': {
    ...base,
    rsvpUrl,
    answer: { status: 'attending', seats: 2 },
    names: ['Anna Lindqvist', 'Bo <script>alert("name")</script> Ek'],
    dietary: ['vegetarian', 'other'],
    dietaryOther: 'Inga <b>svampar</b>',
    accessibility: 'Rullstol',
    note: 'Vi kommer\n<script>alert("note")</script> lite sent',
    checkInPath: '/console/events/ev-1/check-in?contact=c-1',
  },
  'waitlist-promoted': { ...base, rsvpUrl, seats: 1 },
  'event-updated': {
    ...base,
    rsvpUrl,
    changes: [
      {
        field: 'time',
        before: 'onsdag 25 mars 2026 kl. 10:00–11:30',
        after: 'onsdag 25 mars 2026 kl. 11:30–13:00',
      },
      { field: 'place', before: 'Stadshuset <script>alert("place")</script>', after: 'Kulturhuset' },
    ],
  },
  'event-cancelled': {
    ...base,
    markdownMessage: 'Tyvärr har för få anmält sig. <script>alert("cancel")</script>',
  },
  'registration-confirmation': {
    ...base,
    confirmUrl: 'https://samverkan.example/events/confirm/tok',
  },
};

export const isEventMessageKind = (kind: MessageKind): kind is EventMessageKind =>
  (eventMessageKinds as readonly MessageKind[]).includes(kind);

/** A complete input for an event mail: with `unsubscribeUrl` for the bulk kinds only. */
export function eventMailInput(
  kind: EventMessageKind,
  common: { language: Language; tenantName: string; recipientName?: string },
  unsubscribeUrl: string,
): MessageInput {
  return {
    ...common,
    kind,
    data: eventMailSamples[kind],
    ...(isBulkKind(kind) ? { unsubscribeUrl } : {}),
  } as MessageInput;
}
