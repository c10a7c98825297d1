import type { Language } from '../platform/texts/language.js';
import { type TextTable, textsOf } from '../platform/texts/table.js';
import type { Dimension, Stage } from './engagement.js';

/** The texts of programme insight (overview, report, CSV), one typed table per language. */
export interface InsightTexts {
  nav: string;
  title: string;
  listIntro: string;
  noProgrammes: string;
  overviewOf: (programme: string) => string;
  intro: string;
  backToProgramme: string;
  linkFromProgramme: string;
  headlineHeading: string;
  stages: Record<Stage, string>;
  organisations: string;
  people: string;
  meetings: string;
  answers: string;
  breakdownHeading: string;
  dimensions: Record<Dimension, string>;
  notRecorded: string;
  types: Record<string, string>;
  timelineHeading: string;
  timelineIntro: string;
  month: string;
  chartLabel: string;
  themesHeading: string;
  theme: string;
  feedbackAnswers: string;
  latestOutcome: string;
  noOutcome: string;
  outcomeStatuses: Record<string, string>;
  noThemes: string;
  notReachedHeading: string;
  notReachedIntro: string;
  neverInvited: string;
  invitedNotAnswered: string;
  organisation: string;
  noneNotReached: string;
  nextPage: string;
  exportHeading: string;
  printable: string;
  csv: string;
  print: string;
  reportTitle: (programme: string) => string;
  generated: (when: string) => string;
  empty: string;
}

const types = {
  sv: {
    company: 'Företag',
    'business-association': 'Företagarorganisation',
    'public-partner': 'Offentlig partner',
    education: 'Utbildning',
    other: 'Övrigt',
  },
  da: {
    company: 'Virksomhed',
    'business-association': 'Erhvervsorganisation',
    'public-partner': 'Offentlig partner',
    education: 'Uddannelse',
    other: 'Andet',
  },
  en: {
    company: 'Company',
    'business-association': 'Business association',
    'public-partner': 'Public partner',
    education: 'Education',
    other: 'Other',
  },
};

const sv: InsightTexts = {
  nav: 'Programöversikt',
  title: 'Programöversikt',
  listIntro: 'Vilka som har deltagit i varje program, vad de har sagt och när.',
  noProgrammes: 'Inga program ännu.',
  overviewOf: (programme) => `Översikt: ${programme}`,
  intro:
    'Olika organisationer och personer per steg, räknade från händelserna i systemet (en organisation räknas en gång per steg).',
  backToProgramme: 'Till programmet',
  linkFromProgramme: 'Programöversikt: vilka har deltagit',
  headlineHeading: 'I siffror',
  stages: { invited: 'Inbjudna', answered: 'Svarade', attended: 'Deltog', feedback: 'Lämnade synpunkter' },
  organisations: 'Organisationer',
  people: 'Personer',
  meetings: 'Publicerade möten',
  answers: 'Svar på synpunktsformulär',
  breakdownHeading: 'Organisationer per kategori',
  dimensions: { type: 'Typ', industry: 'Bransch', size: 'Storlek (anställda)', area: 'Ort eller kommundel' },
  notRecorded: 'Ej angivet',
  types: types.sv,
  timelineHeading: 'Över tid',
  timelineIntro: 'Möten per månad och organisationer som nåddes för första gången i varje steg.',
  month: 'Månad',
  chartLabel: 'Diagram: organisationer som svarade för första gången per månad',
  themesHeading: 'Teman',
  theme: 'Tema',
  feedbackAnswers: 'Svar med synpunkter',
  latestOutcome: 'Senaste utfall',
  noOutcome: 'Inget utfall ännu',
  outcomeStatuses: {
    planned: 'planerat',
    'in-progress': 'pågår',
    done: 'genomfört',
    'not-pursued': 'genomförs inte',
  },
  noThemes: 'Programmet har inga teman.',
  notReachedHeading: 'Inte nådda än',
  notReachedIntro:
    'Organisationer i registret som aldrig har bjudits in, eller som bjudits in men aldrig svarat.',
  neverInvited: 'Aldrig inbjudna',
  invitedNotAnswered: 'Inbjudna, inget svar',
  organisation: 'Organisation',
  noneNotReached: 'Alla organisationer på den här sidan har nåtts.',
  nextPage: 'Fler organisationer',
  exportHeading: 'Rapport',
  printable: 'Utskriftsvänlig rapport (spara som PDF)',
  csv: 'Ladda ner CSV',
  print: 'Skriv ut',
  reportTitle: (programme) => `Rapport: ${programme}`,
  generated: (when) => `Sammanställd ${when}`,
  empty: 'Inget räknat ännu.',
};

const da: InsightTexts = {
  nav: 'Programoversigt',
  title: 'Programoversigt',
  listIntro: 'Hvem der har deltaget i hvert program, hvad de har sagt og hvornår.',
  noProgrammes: 'Ingen programmer endnu.',
  overviewOf: (programme) => `Oversigt: ${programme}`,
  intro:
    'Forskellige organisationer og personer pr. trin, talt ud fra hændelserne i systemet (en organisation tælles én gang pr. trin).',
  backToProgramme: 'Til programmet',
  linkFromProgramme: 'Programoversigt: hvem har deltaget',
  headlineHeading: 'I tal',
  stages: { invited: 'Inviterede', answered: 'Svarede', attended: 'Deltog', feedback: 'Gav input' },
  organisations: 'Organisationer',
  people: 'Personer',
  meetings: 'Offentliggjorte møder',
  answers: 'Svar på inputskemaer',
  breakdownHeading: 'Organisationer pr. kategori',
  dimensions: { type: 'Type', industry: 'Branche', size: 'Størrelse (ansatte)', area: 'By eller bydel' },
  notRecorded: 'Ikke angivet',
  types: types.da,
  timelineHeading: 'Over tid',
  timelineIntro: 'Møder pr. måned og organisationer, der blev nået første gang i hvert trin.',
  month: 'Måned',
  chartLabel: 'Diagram: organisationer, der svarede første gang, pr. måned',
  themesHeading: 'Temaer',
  theme: 'Tema',
  feedbackAnswers: 'Svar med input',
  latestOutcome: 'Seneste resultat',
  noOutcome: 'Intet resultat endnu',
  outcomeStatuses: {
    planned: 'planlagt',
    'in-progress': 'i gang',
    done: 'gennemført',
    'not-pursued': 'gennemføres ikke',
  },
  noThemes: 'Programmet har ingen temaer.',
  notReachedHeading: 'Ikke nået endnu',
  notReachedIntro:
    'Organisationer i registret, der aldrig er inviteret, eller som er inviteret men aldrig har svaret.',
  neverInvited: 'Aldrig inviteret',
  invitedNotAnswered: 'Inviteret, intet svar',
  organisation: 'Organisation',
  noneNotReached: 'Alle organisationer på denne side er nået.',
  nextPage: 'Flere organisationer',
  exportHeading: 'Rapport',
  printable: 'Printvenlig rapport (gem som PDF)',
  csv: 'Hent CSV',
  print: 'Udskriv',
  reportTitle: (programme) => `Rapport: ${programme}`,
  generated: (when) => `Udarbejdet ${when}`,
  empty: 'Intet talt endnu.',
};

const en: InsightTexts = {
  nav: 'Programme overview',
  title: 'Programme overview',
  listIntro: 'Who took part in each programme, what they said and when.',
  noProgrammes: 'No programmes yet.',
  overviewOf: (programme) => `Overview: ${programme}`,
  intro:
    'Distinct organisations and people per stage, counted from the events in the system (an organisation counts once per stage).',
  backToProgramme: 'Back to the programme',
  linkFromProgramme: 'Programme overview: who took part',
  headlineHeading: 'At a glance',
  stages: { invited: 'Invited', answered: 'Answered', attended: 'Attended', feedback: 'Gave feedback' },
  organisations: 'Organisations',
  people: 'People',
  meetings: 'Published events',
  answers: 'Feedback answers',
  breakdownHeading: 'Organisations by category',
  dimensions: { type: 'Type', industry: 'Industry', size: 'Size (employees)', area: 'Town or district' },
  notRecorded: 'Not recorded',
  types: types.en,
  timelineHeading: 'Over time',
  timelineIntro: 'Events per month, and organisations reached for the first time in each stage.',
  month: 'Month',
  chartLabel: 'Chart: organisations answering for the first time, per month',
  themesHeading: 'Themes',
  theme: 'Theme',
  feedbackAnswers: 'Feedback answers',
  latestOutcome: 'Latest outcome',
  noOutcome: 'No outcome yet',
  outcomeStatuses: {
    planned: 'planned',
    'in-progress': 'in progress',
    done: 'done',
    'not-pursued': 'not pursued',
  },
  noThemes: 'The programme has no themes.',
  notReachedHeading: 'Not reached yet',
  notReachedIntro: 'Organisations in the directory never invited, or invited but never answered.',
  neverInvited: 'Never invited',
  invitedNotAnswered: 'Invited, no answer',
  organisation: 'Organisation',
  noneNotReached: 'Every organisation on this page has been reached.',
  nextPage: 'More organisations',
  exportHeading: 'Report',
  printable: 'Printable report (save as PDF)',
  csv: 'Download CSV',
  print: 'Print',
  reportTitle: (programme) => `Report: ${programme}`,
  generated: (when) => `Compiled ${when}`,
  empty: 'Nothing counted yet.',
};

export const insightMessages: TextTable<InsightTexts> = { sv, da, en };
export const insightTexts = textsOf(insightMessages);

/** A breakdown value as a reader reads it: a type's name, "not recorded", or the value itself. */
export function valueLabel(language: Language, dimension: Dimension, value: string): string {
  const m = insightTexts(language);
  if (value === '-') return m.notRecorded;
  if (dimension === 'type') return m.types[value] ?? value;
  return value;
}
