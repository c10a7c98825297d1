import type { Language } from '../../platform/texts/language.js';
import { type TextTable, textsOf } from '../../platform/texts/table.js';

/** The words of the waitlist by hand (on the event page) and of the check-in on the day. */
export interface DayTexts {
  waitlist: {
    heading: string;
    intro: string;
    empty: string;
    seats: string;
    promote: string;
    up: string;
    down: string;
    remove: string;
    /** When the event is full. */
    fullHint: string;
    more: (shown: number) => string;
    notices: Record<'promoted' | 'moved' | 'removed' | 'unchanged', string>;
  };
  refusals: {
    full: (free: number, wanted: number) => string;
    orgLimit: (available: number) => string;
    notPublished: string;
  };
  checkIn: {
    title: string;
    link: string;
    searchLabel: string;
    searchHint: string;
    search: string;
    clear: string;
    counts: (present: string, expected: string) => string;
    presentHeading: string;
    none: string;
    noMatch: (query: string) => string;
    more: (shown: number, of: number) => string;
    markPresent: string;
    undo: string;
    present: string;
    notPresent: string;
    /** One person's check-in (the QR code's link). */
    personHeading: string;
    notAttending: string;
    allAttendees: string;
    /** The QR code in the confirmation. */
    qrAlt: string;
    qrLead: string;
  };
}

const sv: DayTexts = {
  waitlist: {
    heading: 'Väntelistan',
    intro:
      'I den här ordningen får väntelistan lediga platser. Flytta upp eller ned, ge en plats direkt eller ta bort någon (hen får ett kort mejl).',
    empty: 'Ingen står på väntelistan.',
    seats: 'Personer',
    promote: 'Ge plats',
    up: 'Upp',
    down: 'Ned',
    remove: 'Ta bort',
    fullHint:
      'Det är fullt. För att ge någon en plats: flytta hen först i kön och höj antalet platser – väntelistan får de nya platserna i tur och ordning.',
    more: (shown) => `De första ${shown} visas.`,
    notices: {
      promoted: 'Personen har fått en plats och får ett mejl med kalenderinbjudan.',
      moved: 'Väntelistans ordning är ändrad.',
      removed: 'Personen är borttagen från väntelistan och får ett mejl om det.',
      unchanged: 'Inget ändrades: personen står inte längre på väntelistan.',
    },
  },
  refusals: {
    full: (free, wanted) =>
      `Det är fullt: ${free} lediga platser, ${wanted} behövs. Höj antalet platser i evenemanget för att ge fler plats.`,
    orgLimit: (available) =>
      `Organisationen har redan så många platser den får ha (${available} kvar). Ingen plats gavs.`,
    notPublished: 'Bara ett publicerat evenemang har en väntelista.',
  },
  checkIn: {
    title: 'Incheckning',
    link: 'Incheckning på plats',
    searchLabel: 'Sök namn eller organisation',
    searchHint: 'Listan filtreras medan du skriver.',
    search: 'Sök',
    clear: 'Visa alla',
    counts: (present, expected) => `${present} av ${expected} på plats`,
    presentHeading: 'Anmälda',
    none: 'Ingen är anmäld ännu.',
    noMatch: (query) => `Ingen anmäld matchar ”${query}”.`,
    more: (shown, of) => `${shown} av ${of} visas: sök för att hitta fler.`,
    markPresent: 'Checka in',
    undo: 'Ångra',
    present: 'På plats',
    notPresent: 'Inte incheckad',
    personHeading: 'Checka in',
    notAttending: 'Den här personen har ingen plats på evenemanget.',
    allAttendees: 'Alla anmälda',
    qrAlt: 'QR-kod för incheckning',
    qrLead: 'Visa QR-koden vid entrén, så checkar vi in dig.',
  },
};

const da: DayTexts = {
  waitlist: {
    heading: 'Ventelisten',
    intro:
      'I denne rækkefølge får ventelisten ledige pladser. Flyt op eller ned, giv en plads med det samme, eller fjern nogen (de får en kort e-mail).',
    empty: 'Ingen er på ventelisten.',
    seats: 'Personer',
    promote: 'Giv plads',
    up: 'Op',
    down: 'Ned',
    remove: 'Fjern',
    fullHint:
      'Der er fuldt. For at give nogen en plads: flyt dem først i køen og hæv antallet af pladser – ventelisten får de nye pladser i tur og orden.',
    more: (shown) => `De første ${shown} vises.`,
    notices: {
      promoted: 'Personen har fået en plads og får en e-mail med kalenderinvitationen.',
      moved: 'Ventelistens rækkefølge er ændret.',
      removed: 'Personen er fjernet fra ventelisten og får en e-mail om det.',
      unchanged: 'Intet blev ændret: personen er ikke længere på ventelisten.',
    },
  },
  refusals: {
    full: (free, wanted) =>
      `Der er fuldt: ${free} ledige pladser, ${wanted} behøves. Hæv antallet af pladser i arrangementet for at give flere plads.`,
    orgLimit: (available) =>
      `Organisationen har allerede så mange pladser, som den må have (${available} tilbage). Ingen plads blev givet.`,
    notPublished: 'Kun et offentliggjort arrangement har en venteliste.',
  },
  checkIn: {
    title: 'Indtjekning',
    link: 'Indtjekning på stedet',
    searchLabel: 'Søg navn eller organisation',
    searchHint: 'Listen filtreres, mens du skriver.',
    search: 'Søg',
    clear: 'Vis alle',
    counts: (present, expected) => `${present} af ${expected} til stede`,
    presentHeading: 'Tilmeldte',
    none: 'Ingen er tilmeldt endnu.',
    noMatch: (query) => `Ingen tilmeldte matcher »${query}«.`,
    more: (shown, of) => `${shown} af ${of} vises: søg for at finde flere.`,
    markPresent: 'Tjek ind',
    undo: 'Fortryd',
    present: 'Til stede',
    notPresent: 'Ikke tjekket ind',
    personHeading: 'Tjek ind',
    notAttending: 'Denne person har ingen plads til arrangementet.',
    allAttendees: 'Alle tilmeldte',
    qrAlt: 'QR-kode til indtjekning',
    qrLead: 'Vis QR-koden ved indgangen, så tjekker vi dig ind.',
  },
};

const en: DayTexts = {
  waitlist: {
    heading: 'Waiting list',
    intro:
      'The waiting list gets free seats in this order. Move someone up or down, give a seat now, or remove someone (they get a short email).',
    empty: 'No one is on the waiting list.',
    seats: 'People',
    promote: 'Give seat',
    up: 'Up',
    down: 'Down',
    remove: 'Remove',
    fullHint:
      'The event is full. To give someone a seat: move them to the top and raise the capacity – the waiting list gets the new seats in order.',
    more: (shown) => `The first ${shown} are shown.`,
    notices: {
      promoted: 'They have a seat now and get an email with the calendar invitation.',
      moved: 'The order of the waiting list has changed.',
      removed: 'They are off the waiting list and get an email saying so.',
      unchanged: 'Nothing changed: they are no longer on the waiting list.',
    },
  },
  refusals: {
    full: (free, wanted) =>
      `The event is full: ${free} seats free, ${wanted} needed. Raise the event's capacity to give more seats.`,
    orgLimit: (available) =>
      `The organisation already holds as many seats as it may (${available} left). No seat was given.`,
    notPublished: 'Only a published event has a waiting list.',
  },
  checkIn: {
    title: 'Check-in',
    link: 'Check-in on the day',
    searchLabel: 'Search name or organisation',
    searchHint: 'The list narrows as you type.',
    search: 'Search',
    clear: 'Show all',
    counts: (present, expected) => `${present} of ${expected} present`,
    presentHeading: 'Registered',
    none: 'No one has registered yet.',
    noMatch: (query) => `No one registered matches “${query}”.`,
    more: (shown, of) => `${shown} of ${of} shown: search to find more.`,
    markPresent: 'Check in',
    undo: 'Undo',
    present: 'Present',
    notPresent: 'Not checked in',
    personHeading: 'Check in',
    notAttending: 'This person has no seat at the event.',
    allAttendees: 'Everyone registered',
    qrAlt: 'QR code for check-in',
    qrLead: 'Show the QR code at the entrance and we will check you in.',
  },
};

const dayMessages: TextTable<DayTexts> = { sv, da, en };

export const dayTexts: (language: Language) => DayTexts = textsOf(dayMessages);
