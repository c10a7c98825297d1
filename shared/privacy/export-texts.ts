import type { LawfulBasisOfData, PersonalDataCategory } from '../platform/privacy/personal-data.js';
import type { Language } from '../platform/texts/language.js';
import { type TextTable, textsOf } from '../platform/texts/table.js';

/** The texts of the export a person receives (Art. 15/20), and of the console's export button. */
export interface ExportTexts {
  title: (tenant: string) => string;
  intro: (tenant: string) => string;
  nothing: string;
  json: string;
  purposeLabel: string;
  basisLabel: string;
  sourceLabel: string;
  recordedLabel: string;
  categories: Record<PersonalDataCategory, { heading: string; purpose: string }>;
  bases: Record<LawfulBasisOfData, string>;
  rights: string;
  prepare: string;
  prepared: (count: number) => string;
  linkLabel: string;
  expires: string;
}

const sv: ExportTexts = {
  title: (tenant) => `Dina personuppgifter hos ${tenant}`,
  intro: (tenant) =>
    `Det här är allt ${tenant} har sparat om dig i Samverkan, med varför uppgifterna behandlas, på vilken rättslig grund och var de kommer ifrån.`,
  nothing: 'Inga uppgifter om dig finns sparade.',
  json: 'Hämta uppgifterna som JSON (maskinläsbart)',
  purposeLabel: 'Ändamål',
  basisLabel: 'Rättslig grund',
  sourceLabel: 'Källa',
  recordedLabel: 'Sparad',
  categories: {
    contact: {
      heading: 'Kontaktuppgifter',
      purpose: 'Att bjuda in och informera företag i näringslivsprogrammet.',
    },
    import: { heading: 'Import', purpose: 'Varifrån kontaktuppgifterna kom (en importerad lista).' },
    'import-planned-contact': {
      heading: 'Kontakt i en import som inte är klar',
      purpose: 'Att personalen ska kunna granska importen innan den sparas (sparas ett dygn).',
    },
    'import-rows-left-out': {
      heading: 'Rad som inte importerades',
      purpose: 'Att personalen ska kunna rätta raden och importera den igen (sparas ett dygn).',
    },
    invitation: {
      heading: 'Inbjudan och svar',
      purpose: 'Att planera och genomföra träffen du bjöds in till.',
    },
    'feedback-answer': { heading: 'Svar på enkät', purpose: 'Att samla synpunkter på programmets teman.' },
    'press-subscription': {
      heading: 'Prenumeration på pressmeddelanden',
      purpose: 'Att skicka pressmeddelanden du bett om.',
    },
    'press-consent': {
      heading: 'Samtycke',
      purpose: 'Bevis på vad du samtyckte till, med vilken text och när.',
    },
    'press-contact': { heading: 'Presskontakt', purpose: 'Att journalister ska kunna nå kommunen.' },
    'mail-delivery': { heading: 'Utskick', purpose: 'Att skicka e-post och se att den kom fram.' },
    suppression: { heading: 'Spärrlista', purpose: 'Att inte skicka e-post till adressen igen.' },
    unsubscribe: {
      heading: 'Avregistrering',
      purpose: 'Att respektera att du avregistrerat dig från utskick.',
    },
    segment: {
      heading: 'Utvald mottagargrupp',
      purpose: 'Att skicka utskick till en grupp personalen valt ut.',
    },
    'engagement-marker': {
      heading: 'Deltagande i programmet',
      purpose: 'Att följa hur många programmet har nått (siffrorna räknar personer, inte vem).',
    },
  },
  bases: {
    consent: 'Samtycke (art. 6.1 a)',
    'legal-obligation': 'Rättslig förpliktelse (art. 6.1 c)',
    'public-task': 'Uppgift av allmänt intresse (art. 6.1 e)',
    'legitimate-interest': 'Berättigat intresse (art. 6.1 f)',
  },
  rights:
    'Du har rätt att få uppgifter rättade eller raderade och att invända mot behandlingen. Kontakta kommunen för att göra det.',
  prepare: 'Skapa exportlänk',
  prepared: (count) =>
    `Exporten innehåller ${count} ${count === 1 ? 'post' : 'poster'}. Skicka länken till personen.`,
  linkLabel: 'Exportlänk',
  expires: 'Länken gäller i 7 dagar.',
};

const da: ExportTexts = {
  title: (tenant) => `Dine personoplysninger hos ${tenant}`,
  intro: (tenant) =>
    `Her er alt, hvad ${tenant} har gemt om dig i Samverkan, med formålet, retsgrundlaget og hvor oplysningerne kommer fra.`,
  nothing: 'Der er ingen oplysninger om dig.',
  json: 'Hent oplysningerne som JSON (maskinlæsbart)',
  purposeLabel: 'Formål',
  basisLabel: 'Retsgrundlag',
  sourceLabel: 'Kilde',
  recordedLabel: 'Gemt',
  categories: {
    contact: {
      heading: 'Kontaktoplysninger',
      purpose: 'At invitere og informere virksomheder i erhvervsprogrammet.',
    },
    import: { heading: 'Import', purpose: 'Hvor kontaktoplysningerne kom fra (en importeret liste).' },
    'import-planned-contact': {
      heading: 'Kontakt i en import, der ikke er gennemført',
      purpose: 'At medarbejderne kan gennemse importen, før den gemmes (gemmes et døgn).',
    },
    'import-rows-left-out': {
      heading: 'Række, der ikke blev importeret',
      purpose: 'At medarbejderne kan rette rækken og importere den igen (gemmes et døgn).',
    },
    invitation: {
      heading: 'Invitation og svar',
      purpose: 'At planlægge og afholde det møde, du blev inviteret til.',
    },
    'feedback-answer': {
      heading: 'Svar på spørgeskema',
      purpose: 'At indsamle synspunkter på programmets temaer.',
    },
    'press-subscription': {
      heading: 'Abonnement på pressemeddelelser',
      purpose: 'At sende de pressemeddelelser, du har bedt om.',
    },
    'press-consent': {
      heading: 'Samtykke',
      purpose: 'Bevis for, hvad du gav samtykke til, med hvilken tekst og hvornår.',
    },
    'press-contact': { heading: 'Pressekontakt', purpose: 'At journalister kan nå kommunen.' },
    'mail-delivery': { heading: 'Udsendelser', purpose: 'At sende e-mail og se, at den kom frem.' },
    suppression: { heading: 'Spærreliste', purpose: 'Ikke at sende e-mail til adressen igen.' },
    unsubscribe: { heading: 'Afmelding', purpose: 'At respektere, at du har afmeldt dig udsendelser.' },
    segment: {
      heading: 'Udvalgt modtagergruppe',
      purpose: 'At sende udsendelser til en gruppe, medarbejderne har valgt.',
    },
    'engagement-marker': {
      heading: 'Deltagelse i programmet',
      purpose: 'At følge, hvor mange programmet har nået (tallene tæller personer, ikke hvem).',
    },
  },
  bases: {
    consent: 'Samtykke (art. 6, stk. 1, litra a)',
    'legal-obligation': 'Retlig forpligtelse (art. 6, stk. 1, litra c)',
    'public-task': 'Opgave i samfundets interesse (art. 6, stk. 1, litra e)',
    'legitimate-interest': 'Legitim interesse (art. 6, stk. 1, litra f)',
  },
  rights:
    'Du har ret til at få oplysninger berigtiget eller slettet og til at gøre indsigelse mod behandlingen. Kontakt kommunen for at gøre det.',
  prepare: 'Opret eksportlink',
  prepared: (count) =>
    `Eksporten indeholder ${count} ${count === 1 ? 'post' : 'poster'}. Send linket til personen.`,
  linkLabel: 'Eksportlink',
  expires: 'Linket gælder i 7 dage.',
};

const en: ExportTexts = {
  title: (tenant) => `Your personal data held by ${tenant}`,
  intro: (tenant) =>
    `This is everything ${tenant} keeps about you in Samverkan, with why it is processed, on what lawful basis and where it came from.`,
  nothing: 'No data about you is kept.',
  json: 'Download the data as JSON (machine-readable)',
  purposeLabel: 'Purpose',
  basisLabel: 'Lawful basis',
  sourceLabel: 'Source',
  recordedLabel: 'Recorded',
  categories: {
    contact: {
      heading: 'Contact details',
      purpose: "To invite and inform businesses in the municipality's programme.",
    },
    import: { heading: 'Import', purpose: 'Where the contact details came from (an imported list).' },
    'import-planned-contact': {
      heading: 'Contact in an import not yet saved',
      purpose: 'So that staff can review the import before saving it (kept for a day).',
    },
    'import-rows-left-out': {
      heading: 'Row not imported',
      purpose: 'So that staff can correct the row and import it again (kept for a day).',
    },
    invitation: {
      heading: 'Invitation and answer',
      purpose: 'To plan and hold the meeting you were invited to.',
    },
    'feedback-answer': { heading: 'Feedback answer', purpose: "To gather views on the programme's themes." },
    'press-subscription': {
      heading: 'Press release subscription',
      purpose: 'To send the press releases you asked for.',
    },
    'press-consent': { heading: 'Consent', purpose: 'Proof of what you agreed to, in which words and when.' },
    'press-contact': { heading: 'Press contact', purpose: 'So that journalists can reach the municipality.' },
    'mail-delivery': { heading: 'Mailings', purpose: 'To send email and see that it arrived.' },
    suppression: { heading: 'Suppression list', purpose: 'Not to send email to the address again.' },
    unsubscribe: { heading: 'Unsubscribe', purpose: 'To respect that you left the mailings.' },
    segment: { heading: 'Hand-picked audience', purpose: 'To send mailings to a group staff chose.' },
    'engagement-marker': {
      heading: 'Taking part in the programme',
      purpose: 'To follow how many the programme has reached (the figures count people, not who).',
    },
  },
  bases: {
    consent: 'Consent (Art. 6(1)(a))',
    'legal-obligation': 'Legal obligation (Art. 6(1)(c))',
    'public-task': 'Task in the public interest (Art. 6(1)(e))',
    'legitimate-interest': 'Legitimate interest (Art. 6(1)(f))',
  },
  rights:
    'You have the right to have data rectified or erased and to object to the processing. Contact the municipality to do so.',
  prepare: 'Create an export link',
  prepared: (count) =>
    `The export holds ${count} ${count === 1 ? 'item' : 'items'}. Send the link to the person.`,
  linkLabel: 'Export link',
  expires: 'The link is valid for 7 days.',
};

export const exportMessages: TextTable<ExportTexts> = { sv, da, en };
export const exportTexts: (language: Language) => ExportTexts = textsOf(exportMessages);
