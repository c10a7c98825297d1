import { type TextTable, textsOf } from '../../platform/texts/table.js';
import type { SuppressionReason } from '../store/suppressions.js';

/** The words of the console's page of addresses that get no mail. */
export interface SuppressionTexts {
  title: string;
  lead: string;
  link: string;
  suppressedHeading: string;
  suppressedHelp: string;
  unsubscribedHeading: string;
  unsubscribedHelp: string;
  noneSuppressed: string;
  noneUnsubscribed: string;
  columns: { who: string; reason: string; when: string; source: string; action: string };
  reasons: Record<SuppressionReason, string>;
  notInAddressBook: string;
  lift: string;
  liftHelp: string;
  lifted: string;
  back: string;
  sources: { oneClick: string; page: string };
}

const sv: SuppressionTexts = {
  title: 'Spärrade och avregistrerade adresser',
  lead: 'Adresser som inte får fler mejl, och varför. Adresserna sparas bara som en kontrollsumma; namn och adress visas när de finns i adressboken.',
  link: 'Spärrade och avregistrerade adresser',
  suppressedHeading: 'Spärrade',
  suppressedHelp:
    'Studsar och klagomål spärras automatiskt, så att avsändarens rykte hos mottagarnas e-postleverantörer skyddas.',
  unsubscribedHeading: 'Avregistrerade',
  unsubscribedHelp:
    'Har själva avregistrerat sig från utskick. De får fortfarande svar på sådant de själva gör, till exempel en bekräftelse på sin anmälan.',
  noneSuppressed: 'Inga spärrade adresser.',
  noneUnsubscribed: 'Ingen har avregistrerat sig.',
  columns: { who: 'Vem', reason: 'Orsak', when: 'När', source: 'Källa', action: 'Åtgärd' },
  reasons: {
    bounce: 'Studsade (adressen finns inte)',
    complaint: 'Markerade som skräppost',
    manual: 'Spärrad av personal',
    objected: 'Invände mot behandlingen (art. 21)',
  },
  notInAddressBook: 'Finns inte i adressboken',
  lift: 'Häv spärren',
  liftHelp: 'Bara om adressen är rättad eller personen bett om det.',
  lifted: 'Spärren är hävd.',
  back: 'Utskick',
  sources: { oneClick: 'Knappen Avregistrera i e-postprogrammet', page: 'Avregistreringslänken i ett mejl' },
};

const da: SuppressionTexts = {
  title: 'Spærrede og afmeldte adresser',
  lead: 'Adresser, der ikke får flere mails, og hvorfor. Adresserne gemmes kun som en kontrolsum; navn og adresse vises, når de findes i adressebogen.',
  link: 'Spærrede og afmeldte adresser',
  suppressedHeading: 'Spærrede',
  suppressedHelp:
    'Afviste mails og klager spærres automatisk, så afsenderens omdømme hos modtagernes mailudbydere beskyttes.',
  unsubscribedHeading: 'Afmeldte',
  unsubscribedHelp:
    'Har selv afmeldt sig udsendelser. De får stadig svar på det, de selv gør, for eksempel en bekræftelse af deres tilmelding.',
  noneSuppressed: 'Ingen spærrede adresser.',
  noneUnsubscribed: 'Ingen har afmeldt sig.',
  columns: { who: 'Hvem', reason: 'Årsag', when: 'Hvornår', source: 'Kilde', action: 'Handling' },
  reasons: {
    bounce: 'Afvist (adressen findes ikke)',
    complaint: 'Markeret som spam',
    manual: 'Spærret af personale',
    objected: 'Gjorde indsigelse mod behandlingen (art. 21)',
  },
  notInAddressBook: 'Findes ikke i adressebogen',
  lift: 'Ophæv spærringen',
  liftHelp: 'Kun hvis adressen er rettet, eller personen har bedt om det.',
  lifted: 'Spærringen er ophævet.',
  back: 'Udsendelser',
  sources: { oneClick: 'Knappen Afmeld i mailprogrammet', page: 'Afmeldingslinket i en mail' },
};

const en: SuppressionTexts = {
  title: 'Suppressed and unsubscribed addresses',
  lead: 'Addresses that get no more mail, and why. Addresses are stored only as a checksum; name and address are shown when they are in the address book.',
  link: 'Suppressed and unsubscribed addresses',
  suppressedHeading: 'Suppressed',
  suppressedHelp:
    'Bounces and complaints are suppressed automatically, to protect the sender’s reputation with the recipients’ mail providers.',
  unsubscribedHeading: 'Unsubscribed',
  unsubscribedHelp:
    'Unsubscribed from mailings themselves. They still get answers to what they do themselves, such as a confirmation of their registration.',
  noneSuppressed: 'No suppressed addresses.',
  noneUnsubscribed: 'Nobody has unsubscribed.',
  columns: { who: 'Who', reason: 'Reason', when: 'When', source: 'Source', action: 'Action' },
  reasons: {
    bounce: 'Bounced (the address does not exist)',
    complaint: 'Marked as spam',
    manual: 'Suppressed by staff',
    objected: 'Objected to the processing (Art. 21)',
  },
  notInAddressBook: 'Not in the address book',
  lift: 'Lift the suppression',
  liftHelp: 'Only if the address was corrected or the person asked for it.',
  lifted: 'The suppression is lifted.',
  back: 'Mailings',
  sources: { oneClick: 'The Unsubscribe button of the mail program', page: 'The unsubscribe link in a mail' },
};

export const suppressionMessages: TextTable<SuppressionTexts> = { sv, da, en };
export const suppressionTexts = textsOf(suppressionMessages);
