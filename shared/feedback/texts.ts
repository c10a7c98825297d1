import type { Language } from '../platform/texts/language.js';
import { type TextTable, textsOf } from '../platform/texts/table.js';

/** Where the municipality is: which public-records law its notice names. */
export type Jurisdiction = 'se' | 'dk';

/** A Danish-speaking tenant is a Danish municipality; the others are Swedish. */
export const jurisdictionOf = (tenantLanguage: Language): Jurisdiction =>
  tenantLanguage === 'da' ? 'dk' : 'se';

export interface FeedbackTexts {
  noTheme: string;
  /** The answer page. */
  page: {
    required: string;
    optional: string;
    submit: string;
    update: string;
    thanks: string;
    updated: string;
    closed: string;
    invalidTitle: string;
    invalidBody: string;
    errorSummary: string;
    ratingHint: (low: string, high: string) => string;
    rankingHint: (places: number) => string;
    place: (n: number) => string;
    notRanked: string;
    chooseAtMost: (n: number) => string;
    charactersAtMost: (n: number) => string;
    answeredAlready: string;
    tooFast: string;
  };
  /** What happens with the answer: shown on every form page. */
  privacy: {
    heading: string;
    attributed: Record<Jurisdiction, (tenantName: string) => string>;
    anonymousPossible: string;
    anonymous: string;
  };
  errors: {
    required: string;
    invalid: string;
    tooLong: (max: number) => string;
    tooMany: (max: number) => string;
    ranking: string;
  };
}

const sv: FeedbackTexts = {
  noTheme: 'Övrigt',
  page: {
    required: 'obligatorisk',
    optional: 'frivillig',
    submit: 'Skicka svar',
    update: 'Spara ändrat svar',
    thanks: 'Tack! Ditt svar är sparat.',
    updated: 'Tack! Ditt ändrade svar är sparat.',
    closed: 'Formuläret är stängt och tar inte emot fler svar.',
    invalidTitle: 'Formuläret finns inte',
    invalidBody: 'Länken är ogiltig, har gått ut eller leder till ett formulär som inte finns.',
    errorSummary: 'Svaret kunde inte sparas. Rätta det som är markerat:',
    ratingHint: (low, high) => `1 = ${low}, högst = ${high}`,
    rankingHint: (places) => `Ge plats 1 till det viktigaste, högst ${places} platser. Varje plats en gång.`,
    place: (n) => `Plats ${n}`,
    notRanked: 'Ingen plats',
    chooseAtMost: (n) => `Välj högst ${n}.`,
    charactersAtMost: (n) => `Högst ${n} tecken.`,
    answeredAlready: 'Du har redan svarat. Ladda om sidan för att ändra ditt svar.',
    tooFast: 'För många svar på kort tid från den här webbläsaren. Vänta en minut och försök igen.',
  },
  privacy: {
    heading: 'Vad händer med ditt svar?',
    attributed: {
      se: (t) =>
        `Ditt svar sparas med ditt namn och din organisation hos ${t}. Svar till en kommun är allmänna handlingar enligt offentlighetsprincipen och kan lämnas ut till den som begär det, om inte sekretess gäller.`,
      dk: (t) =>
        `Ditt svar sparas med ditt namn och din organisation hos ${t}. Svar till en dansk kommun kan omfattas av aktindsigt (offentlighedsloven) och lämnas ut till den som begär det.`,
    },
    anonymousPossible:
      'Du kan också svara anonymt via formulärets öppna länk eller QR-kod; då sparas inget som visar vem du är.',
    anonymous:
      'Det här är ett anonymt formulär: vi sparar inte ditt namn, din e-postadress, din IP-adress eller några kakor utöver formulärets säkerhetstoken. Skriv inga personuppgifter i fritextsvaren.',
  },
  errors: {
    required: 'Svara på frågan.',
    invalid: 'Välj ett av alternativen.',
    tooLong: (max) => `Högst ${max} tecken.`,
    tooMany: (max) => `Välj högst ${max}.`,
    ranking: 'Ge varje plats högst en gång, från plats 1 och uppåt.',
  },
};

const da: FeedbackTexts = {
  noTheme: 'Andet',
  page: {
    required: 'obligatorisk',
    optional: 'valgfri',
    submit: 'Send svar',
    update: 'Gem ændret svar',
    thanks: 'Tak! Dit svar er gemt.',
    updated: 'Tak! Dit ændrede svar er gemt.',
    closed: 'Skemaet er lukket og modtager ikke flere svar.',
    invalidTitle: 'Skemaet findes ikke',
    invalidBody: 'Linket er ugyldigt, udløbet eller fører til et skema, der ikke findes.',
    errorSummary: 'Svaret kunne ikke gemmes. Ret det markerede:',
    ratingHint: (low, high) => `1 = ${low}, højest = ${high}`,
    rankingHint: (places) => `Giv plads 1 til det vigtigste, højst ${places} pladser. Hver plads én gang.`,
    place: (n) => `Plads ${n}`,
    notRanked: 'Ingen plads',
    chooseAtMost: (n) => `Vælg højst ${n}.`,
    charactersAtMost: (n) => `Højst ${n} tegn.`,
    answeredAlready: 'Du har allerede svaret. Genindlæs siden for at ændre dit svar.',
    tooFast: 'For mange svar på kort tid fra denne browser. Vent et minut, og prøv igen.',
  },
  privacy: {
    heading: 'Hvad sker der med dit svar?',
    attributed: {
      se: (t) =>
        `Dit svar gemmes med dit navn og din organisation hos ${t}. Svar til en svensk kommune er offentlige dokumenter efter offentlighedsprincippet (offentlighetsprincipen) og kan udleveres til den, der beder om det, medmindre der gælder tavshedspligt.`,
      dk: (t) =>
        `Dit svar gemmes med dit navn og din organisation hos ${t}. Svar til kommunen kan være omfattet af retten til aktindsigt efter offentlighedsloven og kan udleveres til den, der beder om det.`,
    },
    anonymousPossible:
      'Du kan også svare anonymt via skemaets åbne link eller QR-kode; så gemmes intet, der viser, hvem du er.',
    anonymous:
      'Dette er et anonymt skema: vi gemmer ikke dit navn, din e-mailadresse, din IP-adresse eller cookies ud over skemaets sikkerhedstoken. Skriv ingen personoplysninger i fritekstsvarene.',
  },
  errors: {
    required: 'Besvar spørgsmålet.',
    invalid: 'Vælg en af mulighederne.',
    tooLong: (max) => `Højst ${max} tegn.`,
    tooMany: (max) => `Vælg højst ${max}.`,
    ranking: 'Brug hver plads højst én gang, fra plads 1 og op.',
  },
};

const en: FeedbackTexts = {
  noTheme: 'Other',
  page: {
    required: 'required',
    optional: 'optional',
    submit: 'Send answer',
    update: 'Save changed answer',
    thanks: 'Thank you! Your answer is saved.',
    updated: 'Thank you! Your changed answer is saved.',
    closed: 'This form is closed and takes no more answers.',
    invalidTitle: 'Form not found',
    invalidBody: 'The link is invalid, has expired or leads to a form that does not exist.',
    errorSummary: 'Your answer could not be saved. Please correct what is marked:',
    ratingHint: (low, high) => `1 = ${low}, highest = ${high}`,
    rankingHint: (places) => `Give place 1 to what matters most, at most ${places} places. Each place once.`,
    place: (n) => `Place ${n}`,
    notRanked: 'No place',
    chooseAtMost: (n) => `Choose at most ${n}.`,
    charactersAtMost: (n) => `At most ${n} characters.`,
    answeredAlready: 'You have answered already. Reload the page to change your answer.',
    tooFast: 'Too many answers from this browser in a short time. Wait a minute and try again.',
  },
  privacy: {
    heading: 'What happens with your answer?',
    attributed: {
      se: (t) =>
        `Your answer is kept with your name and organisation by ${t}. Answers to a Swedish municipality are public documents under the principle of public access (offentlighetsprincipen) and may be disclosed to anyone who asks, unless secrecy applies.`,
      dk: (t) =>
        `Your answer is kept with your name and organisation by ${t}. Answers to a Danish municipality may be subject to access to public records (aktindsigt, the Danish Access to Public Administration Files Act) and disclosed to anyone who asks.`,
    },
    anonymousPossible:
      'You may also answer anonymously through the form’s open link or QR code; then nothing that shows who you are is kept.',
    anonymous:
      'This is an anonymous form: we keep no name, email address, IP address or cookies beyond the form’s security token. Please write no personal data in the free-text answers.',
  },
  errors: {
    required: 'Please answer the question.',
    invalid: 'Choose one of the options.',
    tooLong: (max) => `At most ${max} characters.`,
    tooMany: (max) => `Choose at most ${max}.`,
    ranking: 'Use each place at most once, from place 1 upwards.',
  },
};

export const feedbackMessages: TextTable<FeedbackTexts> = { sv, da, en };
export const feedbackTexts = textsOf(feedbackMessages);
