import type { Language } from '../../platform/texts/language.js';
import type { DietaryCategory, EventKind } from '../meeting.js';
import { dietaryNames, eventKindNames } from '../vocabulary.js';
import type { EventChangeField } from './content.js';

/**
 * Every text the meeting mails say, in Swedish, Danish and English (the greeting, footer and
 * button fallback every mail has are the mail capability's). One interface for all languages,
 * so a missing translation is a type error, not a blank in someone's inbox.
 */

/** A date's parts as Intl names them in the language (e.g. `onsdag`, `25`, `mars`, `2026`). */
export interface DateParts {
  weekday: string;
  day: string;
  month: string;
  year: string;
}

/** The texts of event mails (invitation, reminders, confirmations, changes, cancellation). */
export interface EventTexts {
  /** As a label: "Dialoglunch". */
  kinds: Record<EventKind, string>;
  /** In a sentence, with the article: "en dialoglunch". */
  kindsInSentence: Record<EventKind, string>;
  dietary: Record<DietaryCategory, string>;
  changeFields: Record<EventChangeField, string>;
  /** A title in a sentence, in the language's quotation marks. */
  quote: (title: string) => string;
  date: (parts: DateParts) => string;
  time: (hour: string, minute: string) => string;
  dateTime: (date: string, time: string) => string;
  /** Start and end on the same day. */
  sameDay: (date: string, from: string, to: string) => string;
  /** Start and end on different days (each a `dateTime`). */
  range: (from: string, to: string) => string;
  seats: (count: number) => string;
  labels: {
    when: string;
    where: string;
    organiser: string;
    deadline: string;
    agenda: string;
    /** The online meeting's link (to those with a seat), and the place on a map. */
    meeting: string;
    map: string;
    /** The words of those two links. */
    joinMeeting: string;
    showMap: string;
  };
  /** The footer of the transactional event mails. */
  reason: (title: string, tenantName: string) => string;
  /** The big button of the invitation and its reminder. */
  answerButton: string;
  changeButton: string;
  /** Before the change button, for those who are coming. */
  cannotCome: string;
  /** When the event has an open feedback form: the recipient's own link to it. */
  feedback: { text: string; button: string };
  invitation: {
    subject: (title: string) => string;
    intro: (organiser: string, kindInSentence: string) => string;
    answerBy: (deadline: string) => string;
    forwardedBy: (name: string) => string;
  };
  invitationReminder: {
    subject: (title: string) => string;
    intro: (kindInSentence: string, deadline: string) => string;
  };
  attendeeReminder: {
    subject: (title: string) => string;
    heading: string;
    intro: (title: string) => string;
    seats: (seats: string) => string;
  };
  rsvpConfirmation: {
    subject: Record<'attending' | 'waitlisted' | 'declined', (title: string) => string>;
    heading: Record<'attending' | 'waitlisted' | 'declined', string>;
    attending: (title: string, seats: string) => string;
    waitlisted: (title: string, position: number, seats: string) => string;
    declined: (title: string) => string;
    /** Staff took the contact off the waitlist. */
    removed: { subject: (title: string) => string; heading: string; text: (title: string) => string };
    calendarAttached: string;
    answersLead: string;
    answerLabels: { names: string; dietary: string; accessibility: string; note: string };
    changeUntil: (deadline: string) => string;
  };
  waitlistPromoted: {
    subject: (title: string) => string;
    heading: string;
    intro: (title: string, seats: string) => string;
  };
  eventUpdated: {
    subject: (title: string) => string;
    heading: string;
    intro: (title: string) => string;
    newFacts: string;
    changeLead: string;
    /** To the waitlist, who get no calendar entry. */
    stillWaiting: string;
  };
  eventCancelled: {
    subject: (title: string) => string;
    intro: (title: string, when: string) => string;
    calendar: string;
    closing: string;
  };
}

const sv: EventTexts = {
  kinds: eventKindNames.sv,
  kindsInSentence: {
    workshop: 'en workshop',
    'dialogue-lunch': 'en dialoglunch',
    'breakfast-meeting': 'ett frukostmöte',
    seminar: 'ett seminarium',
    'study-visit': 'ett studiebesök',
  },
  dietary: dietaryNames.sv,
  changeFields: {
    time: 'Tid',
    place: 'Plats',
    title: 'Titel',
    agenda: 'Program',
    meeting: 'Länk till mötet',
  },
  quote: (title) => `”${title}”`,
  date: ({ weekday, day, month, year }) => `${weekday} ${day} ${month} ${year}`,
  time: (hour, minute) => `${hour}:${minute}`,
  dateTime: (date, time) => `${date} kl. ${time}`,
  sameDay: (date, from, to) => `${date} kl. ${from}–${to}`,
  range: (from, to) => `${from} – ${to}`,
  seats: (count) => (count === 1 ? '1 plats' : `${count} platser`),
  labels: {
    when: 'När',
    where: 'Plats',
    organiser: 'Arrangör',
    deadline: 'Sista svarsdag',
    agenda: 'Program',
    meeting: 'Länk till mötet',
    map: 'Karta',
    joinMeeting: 'Anslut till mötet',
    showMap: 'Visa på kartan',
  },
  reason: (title, tenant) => `Du får det här mejlet eftersom du har bjudits in till ”${title}” av ${tenant}.`,
  answerButton: 'Svara',
  changeButton: 'Ändra ditt svar',
  cannotCome: 'Kan du inte komma? Ändra ditt svar, så kan någon annan få platsen.',
  feedback: {
    text: 'Vi vill gärna höra vad du tycker om programmets teman, före eller efter träffen. Ditt svar sparas med ditt namn.',
    button: 'Lämna dina synpunkter',
  },
  invitation: {
    subject: (title) => `Inbjudan: ${title}`,
    intro: (organiser, kind) => `${organiser} bjuder in dig till ${kind}.`,
    answerBy: (deadline) => `Svara senast ${deadline}.`,
    forwardedBy: (name) => `${name} har skickat den här inbjudan vidare till dig.`,
  },
  invitationReminder: {
    subject: (title) => `Påminnelse: inbjudan till ${title}`,
    intro: (kind, deadline) =>
      `Vi har ännu inte fått ditt svar på inbjudan till ${kind}. Svara senast ${deadline}.`,
  },
  attendeeReminder: {
    subject: (title) => `Vi ses i morgon: ${title}`,
    heading: 'Vi ses i morgon!',
    intro: (title) => `Välkommen till ${title}. Här är tid och plats.`,
    seats: (seats) => `Du är anmäld med ${seats}.`,
  },
  rsvpConfirmation: {
    subject: {
      attending: (title) => `Du är anmäld: ${title}`,
      waitlisted: (title) => `Du står på väntelistan: ${title}`,
      declined: (title) => `Tack för ditt svar: ${title}`,
    },
    heading: {
      attending: 'Du är anmäld',
      waitlisted: 'Du står på väntelistan',
      declined: 'Tack för ditt svar',
    },
    attending: (title, seats) => `Du är anmäld till ${title} med ${seats}. Välkommen!`,
    waitlisted: (title, position, seats) =>
      `Det är fullt på ${title} just nu, så du står på väntelistan – som nummer ${position}, för ${seats}. Blir en plats ledig får du ett mejl.`,
    declined: (title) => `Du har tackat nej till ${title}. Tack för att du hörde av dig.`,
    removed: {
      subject: (title) => `Väntelistan: ${title}`,
      heading: 'Du står inte längre på väntelistan',
      text: (title) =>
        `Arrangören har tagit bort dig från väntelistan till ${title}, så du får ingen plats den här gången. Tack för ditt intresse.`,
    },
    calendarAttached: 'Kalenderinbjudan finns bifogad: öppna den för att lägga in tiden i din kalender.',
    answersLead: 'Dina svar:',
    answerLabels: {
      names: 'Namn',
      dietary: 'Specialkost',
      accessibility: 'Tillgänglighet',
      note: 'Meddelande',
    },
    changeUntil: (deadline) => `Du kan ändra ditt svar fram till ${deadline}.`,
  },
  waitlistPromoted: {
    subject: (title) => `Du har fått en plats: ${title}`,
    heading: 'En plats blev ledig – du är anmäld',
    intro: (title, seats) =>
      `En plats blev ledig på ${title}, så du har flyttats från väntelistan och är nu anmäld med ${seats}. Välkommen!`,
  },
  eventUpdated: {
    subject: (title) => `Ändrat: ${title}`,
    heading: 'Det här har ändrats',
    intro: (title) => `Vi har gjort ändringar i ${title}:`,
    newFacts: 'Så här ser det ut nu:',
    changeLead: 'Passar det inte längre? Ändra ditt svar.',
    stillWaiting:
      'Du står kvar på väntelistan. Får du en plats skickar vi en bekräftelse med en kalenderinbjudan.',
  },
  eventCancelled: {
    subject: (title) => `Inställt: ${title}`,
    intro: (title, when) => `Vi har tyvärr ställt in ${title} (${when}).`,
    calendar: 'Har du lagt in tiden i din kalender kan du ta bort den.',
    closing: 'Vi ber om ursäkt för besväret.',
  },
};

const da: EventTexts = {
  kinds: eventKindNames.da,
  kindsInSentence: {
    workshop: 'en workshop',
    'dialogue-lunch': 'en dialogfrokost',
    'breakfast-meeting': 'et morgenmøde',
    seminar: 'et seminar',
    'study-visit': 'et studiebesøg',
  },
  dietary: dietaryNames.da,
  changeFields: {
    time: 'Tidspunkt',
    place: 'Sted',
    title: 'Titel',
    agenda: 'Program',
    meeting: 'Link til mødet',
  },
  quote: (title) => `»${title}«`,
  date: ({ weekday, day, month, year }) => `${weekday} den ${day}. ${month} ${year}`,
  time: (hour, minute) => `${hour}.${minute}`,
  dateTime: (date, time) => `${date} kl. ${time}`,
  sameDay: (date, from, to) => `${date} kl. ${from}–${to}`,
  range: (from, to) => `${from} – ${to}`,
  seats: (count) => (count === 1 ? '1 plads' : `${count} pladser`),
  labels: {
    when: 'Hvornår',
    where: 'Sted',
    organiser: 'Arrangør',
    deadline: 'Svarfrist',
    agenda: 'Program',
    meeting: 'Link til mødet',
    map: 'Kort',
    joinMeeting: 'Deltag i mødet',
    showMap: 'Vis på kort',
  },
  reason: (title, tenant) => `Du modtager denne e-mail, fordi du er inviteret til »${title}« af ${tenant}.`,
  answerButton: 'Svar',
  changeButton: 'Ændr dit svar',
  cannotCome: 'Kan du ikke komme? Ændr dit svar, så kan en anden få pladsen.',
  feedback: {
    text: 'Vi vil gerne høre, hvad du mener om programmets temaer, før eller efter mødet. Dit svar gemmes med dit navn.',
    button: 'Giv dit input',
  },
  invitation: {
    subject: (title) => `Invitation: ${title}`,
    intro: (organiser, kind) => `${organiser} inviterer dig til ${kind}.`,
    answerBy: (deadline) => `Svar senest ${deadline}.`,
    forwardedBy: (name) => `${name} har sendt denne invitation videre til dig.`,
  },
  invitationReminder: {
    subject: (title) => `Påmindelse: invitation til ${title}`,
    intro: (kind, deadline) =>
      `Vi har endnu ikke modtaget dit svar på invitationen til ${kind}. Svar senest ${deadline}.`,
  },
  attendeeReminder: {
    subject: (title) => `Vi ses i morgen: ${title}`,
    heading: 'Vi ses i morgen!',
    intro: (title) => `Velkommen til ${title}. Her er tid og sted.`,
    seats: (seats) => `Du er tilmeldt med ${seats}.`,
  },
  rsvpConfirmation: {
    subject: {
      attending: (title) => `Du er tilmeldt: ${title}`,
      waitlisted: (title) => `Du er på ventelisten: ${title}`,
      declined: (title) => `Tak for dit svar: ${title}`,
    },
    heading: {
      attending: 'Du er tilmeldt',
      waitlisted: 'Du er på ventelisten',
      declined: 'Tak for dit svar',
    },
    attending: (title, seats) => `Du er tilmeldt ${title} med ${seats}. Velkommen!`,
    waitlisted: (title, position, seats) =>
      `Der er fuldt til ${title} lige nu, så du er på ventelisten – som nummer ${position}, til ${seats}. Bliver der en plads ledig, får du en e-mail.`,
    declined: (title) => `Du har takket nej til ${title}. Tak, fordi du gav besked.`,
    removed: {
      subject: (title) => `Ventelisten: ${title}`,
      heading: 'Du er ikke længere på ventelisten',
      text: (title) =>
        `Arrangøren har fjernet dig fra ventelisten til ${title}, så du får ikke en plads denne gang. Tak for din interesse.`,
    },
    calendarAttached: 'Kalenderinvitationen er vedhæftet: åbn den for at sætte tiden i din kalender.',
    answersLead: 'Dine svar:',
    answerLabels: {
      names: 'Navne',
      dietary: 'Særlig kost',
      accessibility: 'Tilgængelighed',
      note: 'Besked',
    },
    changeUntil: (deadline) => `Du kan ændre dit svar indtil ${deadline}.`,
  },
  waitlistPromoted: {
    subject: (title) => `Du har fået en plads: ${title}`,
    heading: 'Der er blevet en plads ledig – du er tilmeldt',
    intro: (title, seats) =>
      `Der er blevet en plads ledig til ${title}, så du er rykket op fra ventelisten og er nu tilmeldt med ${seats}. Velkommen!`,
  },
  eventUpdated: {
    subject: (title) => `Ændret: ${title}`,
    heading: 'Det her er ændret',
    intro: (title) => `Vi har lavet ændringer i ${title}:`,
    newFacts: 'Sådan ser det ud nu:',
    changeLead: 'Passer det ikke længere? Ændr dit svar.',
    stillWaiting:
      'Du står stadig på ventelisten. Får du en plads, sender vi en bekræftelse med en kalenderinvitation.',
  },
  eventCancelled: {
    subject: (title) => `Aflyst: ${title}`,
    intro: (title, when) => `Vi har desværre aflyst ${title} (${when}).`,
    calendar: 'Har du sat tiden i din kalender, kan du slette den.',
    closing: 'Vi beklager ulejligheden.',
  },
};

const en: EventTexts = {
  kinds: eventKindNames.en,
  kindsInSentence: {
    workshop: 'a workshop',
    'dialogue-lunch': 'a dialogue lunch',
    'breakfast-meeting': 'a breakfast meeting',
    seminar: 'a seminar',
    'study-visit': 'a study visit',
  },
  dietary: dietaryNames.en,
  changeFields: { time: 'Time', place: 'Place', title: 'Title', agenda: 'Agenda', meeting: 'Meeting link' },
  quote: (title) => `“${title}”`,
  date: ({ weekday, day, month, year }) => `${weekday} ${day} ${month} ${year}`,
  time: (hour, minute) => `${hour}:${minute}`,
  dateTime: (date, time) => `${date} at ${time}`,
  sameDay: (date, from, to) => `${date}, ${from}–${to}`,
  range: (from, to) => `${from} – ${to}`,
  seats: (count) => (count === 1 ? '1 seat' : `${count} seats`),
  labels: {
    when: 'When',
    where: 'Where',
    organiser: 'Organiser',
    deadline: 'Reply by',
    agenda: 'Agenda',
    meeting: 'Meeting link',
    map: 'Map',
    joinMeeting: 'Join the meeting',
    showMap: 'Show on map',
  },
  reason: (title, tenant) =>
    `You are receiving this email because you were invited to “${title}” by ${tenant}.`,
  answerButton: 'Reply',
  changeButton: 'Change your reply',
  cannotCome: "Can't make it? Change your reply so that someone else can have the seat.",
  feedback: {
    text: "We'd like to hear your views on the programme's themes, before or after the meeting. Your answer is kept with your name.",
    button: 'Share your views',
  },
  invitation: {
    subject: (title) => `Invitation: ${title}`,
    intro: (organiser, kind) => `${organiser} invites you to ${kind}.`,
    answerBy: (deadline) => `Please reply by ${deadline}.`,
    forwardedBy: (name) => `${name} has passed this invitation on to you.`,
  },
  invitationReminder: {
    subject: (title) => `Reminder: invitation to ${title}`,
    intro: (kind, deadline) =>
      `We have not received your reply to the invitation to ${kind} yet. Please reply by ${deadline}.`,
  },
  attendeeReminder: {
    subject: (title) => `See you tomorrow: ${title}`,
    heading: 'See you tomorrow!',
    intro: (title) => `Welcome to ${title}. Here are the time and place.`,
    seats: (seats) => `You are registered for ${seats}.`,
  },
  rsvpConfirmation: {
    subject: {
      attending: (title) => `You are registered: ${title}`,
      waitlisted: (title) => `You are on the waiting list: ${title}`,
      declined: (title) => `Thank you for your reply: ${title}`,
    },
    heading: {
      attending: 'You are registered',
      waitlisted: 'You are on the waiting list',
      declined: 'Thank you for your reply',
    },
    attending: (title, seats) => `You are registered for ${title} (${seats}). Welcome!`,
    waitlisted: (title, position, seats) =>
      `${title} is full at the moment, so you are on the waiting list – number ${position}, for ${seats}. If a seat opens up, we will email you.`,
    declined: (title) => `You have declined ${title}. Thank you for letting us know.`,
    removed: {
      subject: (title) => `Waiting list: ${title}`,
      heading: 'You are no longer on the waiting list',
      text: (title) =>
        `The organiser has taken you off the waiting list for ${title}, so there is no seat for you this time. Thank you for your interest.`,
    },
    calendarAttached: 'The calendar invitation is attached: open it to add the event to your calendar.',
    answersLead: 'Your answers:',
    answerLabels: {
      names: 'Names',
      dietary: 'Dietary needs',
      accessibility: 'Accessibility',
      note: 'Note',
    },
    changeUntil: (deadline) => `You can change your reply until ${deadline}.`,
  },
  waitlistPromoted: {
    subject: (title) => `You have a seat: ${title}`,
    heading: 'A seat opened up – you are registered',
    intro: (title, seats) =>
      `A seat opened up for ${title}, so you have moved up from the waiting list and are now registered for ${seats}. Welcome!`,
  },
  eventUpdated: {
    subject: (title) => `Changed: ${title}`,
    heading: 'What has changed',
    intro: (title) => `We have made changes to ${title}:`,
    newFacts: 'The event now:',
    changeLead: 'No longer suits you? Change your reply.',
    stillWaiting:
      'You are still on the waiting list. If you get a seat, we will send a confirmation with a calendar invitation.',
  },
  eventCancelled: {
    subject: (title) => `Cancelled: ${title}`,
    intro: (title, when) => `Unfortunately, we have cancelled ${title} (${when}).`,
    calendar: 'If you added it to your calendar, you can remove it.',
    closing: 'We apologise for the inconvenience.',
  },
};

export const eventMailTexts: Record<Language, EventTexts> = { sv, da, en };
