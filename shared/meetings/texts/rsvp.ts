import type { Language } from '../../platform/texts/language.js';
import type { DietaryCategory, EventKind } from '../meeting.js';
import { dietaryNames, eventKindNames } from '../vocabulary.js';

/** Texts of the public RSVP page, in the contact's language. One interface: a gap is a type error. */
export interface RsvpTexts {
  kinds: Record<EventKind, string>;
  when: string;
  where: string;
  agenda: string;
  deadline: (when: string) => string;
  deadlinePassed: (when: string) => string;
  cancelled: string;
  yourAnswer: string;
  attend: string;
  decline: string;
  seats: (limit: number) => string;
  names: string;
  namesHint: string;
  dietary: string;
  dietaryLabels: Record<DietaryCategory, string>;
  dietaryOther: string;
  accessibility: string;
  note: string;
  submit: string;
  change: string;
  fixErrors: string;
  results: {
    attending: (seats: number) => string;
    waitlisted: (position: number) => string;
    declined: string;
    orgLimit: (available: number) => string;
    invited: string;
  };
  confirmationSent: string;
  /** Who the page answers for (the invitation's contact). */
  answeringAs: (name: string) => string;
  /** A returning visitor's answer as it stands. */
  standing: {
    attending: (seats: number) => string;
    waitlisted: string;
    declined: string;
  };
  addToCalendar: string;
  downloadIcs: string;
  colleague: {
    heading: string;
    lead: string;
    name: string;
    email: string;
    submit: string;
    sent: (name: string) => string;
    /** Answered once an invitation (or its organisation) has sent on as many colleagues as allowed. */
    limitReached: string;
    /** Kept as the note of the contact who sent a colleague (staff read it). */
    forwardedNote: (name: string) => string;
  };
  invalidLink: string;
  invalidLinkDetail: string;
  errors: {
    required: string;
    tooMany: (limit: number) => string;
    invalidEmail: string;
  };
  /** The online meeting's link, to those with a seat; the place on a map. */
  online: { heading: string; lead: string; join: string };
  map: string;
  /** The event's own questions: the heading, a required one's mark, and what is wrong, naming it. */
  questions: {
    heading: string;
    required: string;
    errors: {
      required: (label: string) => string;
      unknownOption: (label: string) => string;
      oneOnly: (label: string) => string;
      tooLong: (label: string, max: number) => string;
    };
  };
}

const sv: RsvpTexts = {
  kinds: eventKindNames.sv,
  when: 'När',
  where: 'Var',
  agenda: 'Program',
  deadline: (when) => `Svara senast ${when}.`,
  deadlinePassed: (when) =>
    `Sista dag att svara var ${when}. Kontakta arrangören om du behöver ändra ditt svar.`,
  cancelled: 'Evenemanget är inställt.',
  yourAnswer: 'Ditt svar',
  attend: 'Ja, jag/vi kommer',
  decline: 'Nej, jag/vi kan inte komma',
  seats: (limit) => `Antal personer (högst ${limit} från er organisation)`,
  names: 'Namn på deltagarna',
  namesHint: 'Ett namn per rad.',
  dietary: 'Kost (det ni kryssar i gäller alla i sällskapet; olika behov skriver ni nedan)',
  dietaryLabels: { ...dietaryNames.sv, other: 'Annat (skriv nedan)' },
  dietaryOther: 'Annan kost eller allergi',
  accessibility: 'Behov av tillgänglighet',
  note: 'Meddelande till arrangören',
  submit: 'Skicka svar',
  change: 'Ändra svar',
  fixErrors: 'Rätta uppgifterna som är markerade.',
  results: {
    attending: (seats) => `Du är anmäld – ${seats} ${seats === 1 ? 'plats' : 'platser'}. Välkommen!`,
    waitlisted: (position) =>
      `Evenemanget är fullt. Du står på väntelistan som nummer ${position} och får ett mejl om en plats blir ledig.`,
    declined: 'Du har tackat nej. Tack för att du svarade!',
    orgLimit: (available) =>
      `Er organisation har redan tagit sina platser. ${available > 0 ? `Det finns ${available} kvar för er.` : 'Det finns inga kvar för er.'}`,
    invited: 'Du har inte svarat än.',
  },
  confirmationSent: 'En bekräftelse är på väg till din e-post.',
  answeringAs: (name) => `Du svarar som ${name}.`,
  standing: {
    attending: (seats) => `Ditt svar: Du är anmäld (${seats === 1 ? '1 plats' : `${seats} platser`}).`,
    waitlisted: 'Ditt svar: Du står på väntelistan. Vi mejlar dig om du får en plats.',
    declined: 'Ditt svar: Du har tackat nej. Du kan ändra dig fram till sista svarsdag.',
  },
  addToCalendar: 'Lägg till i kalendern',
  downloadIcs: 'Ladda ner (.ics)',
  colleague: {
    heading: 'Skicka en kollega i stället',
    lead: 'Kan du inte komma? Bjud in någon annan från er organisation.',
    name: 'Kollegans namn',
    email: 'Kollegans e-postadress',
    submit: 'Skicka inbjudan',
    sent: (name) => `Inbjudan är skickad till ${name}.`,
    forwardedNote: (name) => `Skickade en kollega i sitt ställe: ${name}`,
    limitReached:
      'Inbjudan har redan skickats vidare till så många kollegor som går. Kontakta arrangören om fler från er vill komma.',
  },
  invalidLink: 'Länken fungerar inte',
  invalidLinkDetail:
    'Länken är ogiltig eller för gammal. Använd länken i den senaste inbjudan, eller kontakta arrangören.',
  errors: {
    required: 'Fyll i det här fältet.',
    tooMany: (limit) => `Högst ${limit}.`,
    invalidEmail: 'Skriv en giltig e-postadress.',
  },
  online: {
    heading: 'Delta online',
    lead: 'Länken till mötet är din, som har plats: dela den inte.',
    join: 'Öppna mötet',
  },
  map: 'Visa på karta (OpenStreetMap)',
  questions: {
    heading: 'Fler frågor från arrangören',
    required: '(måste besvaras)',
    errors: {
      required: (label) => `Svara på frågan ”${label}”.`,
      unknownOption: (label) => `Välj bland alternativen till ”${label}”.`,
      oneOnly: (label) => `Välj ett alternativ till ”${label}”.`,
      tooLong: (label, max) => `Svaret på ”${label}” får vara högst ${max} tecken.`,
    },
  },
};

const da: RsvpTexts = {
  kinds: eventKindNames.da,
  when: 'Hvornår',
  where: 'Hvor',
  agenda: 'Program',
  deadline: (when) => `Svar senest ${when}.`,
  deadlinePassed: (when) =>
    `Sidste frist for svar var ${when}. Kontakt arrangøren, hvis du skal ændre dit svar.`,
  cancelled: 'Arrangementet er aflyst.',
  yourAnswer: 'Dit svar',
  attend: 'Ja, jeg/vi kommer',
  decline: 'Nej, jeg/vi kan ikke komme',
  seats: (limit) => `Antal personer (højst ${limit} fra jeres organisation)`,
  names: 'Deltagernes navne',
  namesHint: 'Ét navn pr. linje.',
  dietary: 'Kost (det I krydser af gælder alle i selskabet; forskellige behov skriver I nedenfor)',
  dietaryLabels: { ...dietaryNames.da, other: 'Andet (skriv nedenfor)' },
  dietaryOther: 'Anden kost eller allergi',
  accessibility: 'Behov for tilgængelighed',
  note: 'Besked til arrangøren',
  submit: 'Send svar',
  change: 'Ændr svar',
  fixErrors: 'Ret de markerede oplysninger.',
  results: {
    attending: (seats) => `Du er tilmeldt – ${seats} ${seats === 1 ? 'plads' : 'pladser'}. Velkommen!`,
    waitlisted: (position) =>
      `Arrangementet er fuldt. Du står på ventelisten som nummer ${position} og får en e-mail, hvis en plads bliver ledig.`,
    declined: 'Du har meldt afbud. Tak for dit svar!',
    orgLimit: (available) =>
      `Jeres organisation har allerede taget sine pladser. ${available > 0 ? `Der er ${available} tilbage til jer.` : 'Der er ingen tilbage til jer.'}`,
    invited: 'Du har ikke svaret endnu.',
  },
  confirmationSent: 'En bekræftelse er på vej til din e-mail.',
  answeringAs: (name) => `Du svarer som ${name}.`,
  standing: {
    attending: (seats) => `Dit svar: Du er tilmeldt (${seats === 1 ? '1 plads' : `${seats} pladser`}).`,
    waitlisted: 'Dit svar: Du står på ventelisten. Vi skriver til dig, hvis du får en plads.',
    declined: 'Dit svar: Du har meldt afbud. Du kan ændre dit svar indtil svarfristen.',
  },
  addToCalendar: 'Føj til kalender',
  downloadIcs: 'Hent (.ics)',
  colleague: {
    heading: 'Send en kollega i stedet',
    lead: 'Kan du ikke komme? Inviter en anden fra jeres organisation.',
    name: 'Kollegaens navn',
    email: 'Kollegaens e-mailadresse',
    submit: 'Send invitation',
    sent: (name) => `Invitationen er sendt til ${name}.`,
    forwardedNote: (name) => `Sendte en kollega i sit sted: ${name}`,
    limitReached:
      'Invitationen er allerede sendt videre til så mange kolleger, som det er muligt. Kontakt arrangøren, hvis flere fra jer vil komme.',
  },
  invalidLink: 'Linket virker ikke',
  invalidLinkDetail:
    'Linket er ugyldigt eller for gammelt. Brug linket i den seneste invitation, eller kontakt arrangøren.',
  errors: {
    required: 'Udfyld dette felt.',
    tooMany: (limit) => `Højst ${limit}.`,
    invalidEmail: 'Skriv en gyldig e-mailadresse.',
  },
  online: {
    heading: 'Deltag online',
    lead: 'Linket til mødet er til dig, der har plads: del det ikke.',
    join: 'Åbn mødet',
  },
  map: 'Vis på kort (OpenStreetMap)',
  questions: {
    heading: 'Flere spørgsmål fra arrangøren',
    required: '(skal besvares)',
    errors: {
      required: (label) => `Besvar spørgsmålet »${label}«.`,
      unknownOption: (label) => `Vælg blandt svarmulighederne til »${label}«.`,
      oneOnly: (label) => `Vælg én svarmulighed til »${label}«.`,
      tooLong: (label, max) => `Svaret på »${label}« må højst være ${max} tegn.`,
    },
  },
};

const en: RsvpTexts = {
  kinds: eventKindNames.en,
  when: 'When',
  where: 'Where',
  agenda: 'Programme',
  deadline: (when) => `Please answer by ${when}.`,
  deadlinePassed: (when) =>
    `The last day to answer was ${when}. Contact the organiser if you need to change your answer.`,
  cancelled: 'This event has been cancelled.',
  yourAnswer: 'Your answer',
  attend: 'Yes, I/we will come',
  decline: 'No, I/we cannot come',
  seats: (limit) => `Number of people (at most ${limit} from your organisation)`,
  names: 'Names of the participants',
  namesHint: 'One name per line.',
  dietary: 'Dietary needs (what you tick applies to everyone in your party; write different needs below)',
  dietaryLabels: { ...dietaryNames.en, other: 'Other (write below)' },
  dietaryOther: 'Other dietary needs or allergies',
  accessibility: 'Accessibility needs',
  note: 'Message to the organiser',
  submit: 'Send answer',
  change: 'Change answer',
  fixErrors: 'Please correct the marked fields.',
  results: {
    attending: (seats) => `You are registered – ${seats} ${seats === 1 ? 'seat' : 'seats'}. Welcome!`,
    waitlisted: (position) =>
      `The event is full. You are number ${position} on the waiting list and will get an email if a seat opens up.`,
    declined: 'You have declined. Thank you for answering!',
    orgLimit: (available) =>
      `Your organisation has already taken its seats. ${available > 0 ? `${available} are left for you.` : 'None are left for you.'}`,
    invited: 'You have not answered yet.',
  },
  confirmationSent: 'A confirmation is on its way to your email.',
  answeringAs: (name) => `You are answering as ${name}.`,
  standing: {
    attending: (seats) => `Your answer: You are registered (${seats === 1 ? '1 seat' : `${seats} seats`}).`,
    waitlisted: 'Your answer: You are on the waiting list. We will email you if you get a seat.',
    declined: 'Your answer: You have declined. You can change your mind until the reply deadline.',
  },
  addToCalendar: 'Add to calendar',
  downloadIcs: 'Download (.ics)',
  colleague: {
    heading: 'Send a colleague instead',
    lead: 'Cannot come? Invite someone else from your organisation.',
    name: "Colleague's name",
    email: "Colleague's email address",
    submit: 'Send invitation',
    sent: (name) => `The invitation has been sent to ${name}.`,
    forwardedNote: (name) => `Sent a colleague instead: ${name}`,
    limitReached:
      'The invitation has already been passed on to as many colleagues as allowed. Contact the organiser if more of you would like to come.',
  },
  invalidLink: 'This link does not work',
  invalidLinkDetail:
    'The link is invalid or too old. Use the link in the latest invitation, or contact the organiser.',
  errors: {
    required: 'Please fill in this field.',
    tooMany: (limit) => `At most ${limit}.`,
    invalidEmail: 'Please enter a valid email address.',
  },
  online: {
    heading: 'Join online',
    lead: 'The meeting link is for you, with your seat: please do not share it.',
    join: 'Open the meeting',
  },
  map: 'Show on a map (OpenStreetMap)',
  questions: {
    heading: 'More questions from the organiser',
    required: '(required)',
    errors: {
      required: (label) => `Please answer “${label}”.`,
      unknownOption: (label) => `Please choose from the options of “${label}”.`,
      oneOnly: (label) => `Please choose one option for “${label}”.`,
      tooLong: (label, max) => `The answer to “${label}” may be at most ${max} characters.`,
    },
  },
};

export const rsvpTexts: Record<Language, RsvpTexts> = { sv, da, en };
