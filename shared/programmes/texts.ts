import type { Language } from '../platform/texts/language.js';
import { type TextTable, textsOf } from '../platform/texts/table.js';

/** The texts of the programme pages, one typed table per language. */
export interface ProgrammeTexts {
  backToOverview: string;
  language: string;
  updated: string;
  description: string;
  noDescription: string;
  themesHeading: string;
  noThemes: string;
  outcomes: {
    heading: string;
    none: string;
    add: string;
    edit: string;
    publish: string;
    published: string;
    draft: string;
    newTitle: (theme: string) => string;
    editTitle: string;
    publicPage: string;
    fields: {
      themeId: string;
      title: string;
      body: string;
      bodyHint: string;
      status: string;
      reason: string;
      reasonHint: string;
      date: string;
      dateHint: (period: string) => string;
      releaseIds: string;
      eventIds: string;
    };
    statuses: Record<'planned' | 'in-progress' | 'done' | 'not-pursued', string>;
    save: string;
    cancel: string;
    errorSummary: string;
    problems: Record<
      'notATheme' | 'beforePeriod' | 'afterPeriod' | 'unknownRelease' | 'unknownEvent',
      string
    >;
    noReleases: string;
    noEvents: string;
    stale: string;
  };
}

const sv: ProgrammeTexts = {
  backToOverview: 'Tillbaka till översikten',
  language: 'Språk',
  updated: 'Senast ändrat',
  description: 'Beskrivning',
  noDescription: 'Programmet har ingen beskrivning ännu.',
  themesHeading: 'Teman',
  noThemes: 'Programmet har inga teman ännu.',
  outcomes: {
    heading: 'Utfall',
    none: 'Inga utfall för det här temat ännu.',
    add: 'Lägg till utfall',
    edit: 'Ändra',
    publish: 'Publicera',
    published: 'Publicerat',
    draft: 'Utkast',
    newTitle: (t) => `Nytt utfall: ${t}`,
    editTitle: 'Ändra utfall',
    publicPage: 'Programmets publika sida',
    fields: {
      themeId: 'Tema',
      title: 'Vad beslutades eller gjordes',
      body: 'Beskrivning',
      bodyHint: 'Markdown: **fet**, [länk](https://…), listor.',
      status: 'Status',
      reason: 'Skäl',
      reasonHint: 'Krävs när utfallet inte drivs vidare.',
      date: 'Datum',
      dateHint: (p) => `Inom programmets period: ${p}.`,
      releaseIds: 'Pressmeddelanden',
      eventIds: 'Möten',
    },
    statuses: {
      planned: 'Planerat',
      'in-progress': 'Pågår',
      done: 'Genomfört',
      'not-pursued': 'Drivs inte vidare',
    },
    save: 'Spara',
    cancel: 'Avbryt',
    errorSummary: 'Utfallet sparades inte. Rätta det som är markerat:',
    problems: {
      notATheme: 'Välj ett av programmets teman.',
      beforePeriod: 'Datumet ligger före programmets period.',
      afterPeriod: 'Datumet ligger efter programmets period.',
      unknownRelease: 'Pressmeddelandet finns inte.',
      unknownEvent: 'Mötet finns inte.',
    },
    noReleases: 'Inga pressmeddelanden ännu.',
    noEvents: 'Inga möten ännu.',
    stale: 'Någon annan har ändrat utfallet. Ladda om sidan och försök igen.',
  },
};

const da: ProgrammeTexts = {
  backToOverview: 'Tilbage til oversigten',
  language: 'Sprog',
  updated: 'Senest ændret',
  description: 'Beskrivelse',
  noDescription: 'Programmet har endnu ingen beskrivelse.',
  themesHeading: 'Temaer',
  noThemes: 'Programmet har endnu ingen temaer.',
  outcomes: {
    heading: 'Resultater',
    none: 'Endnu ingen resultater for dette tema.',
    add: 'Tilføj resultat',
    edit: 'Ret',
    publish: 'Offentliggør',
    published: 'Offentliggjort',
    draft: 'Kladde',
    newTitle: (t) => `Nyt resultat: ${t}`,
    editTitle: 'Ret resultat',
    publicPage: 'Programmets offentlige side',
    fields: {
      themeId: 'Tema',
      title: 'Hvad blev besluttet eller gjort',
      body: 'Beskrivelse',
      bodyHint: 'Markdown: **fed**, [link](https://…), lister.',
      status: 'Status',
      reason: 'Begrundelse',
      reasonHint: 'Påkrævet, når resultatet ikke forfølges.',
      date: 'Dato',
      dateHint: (p) => `Inden for programmets periode: ${p}.`,
      releaseIds: 'Pressemeddelelser',
      eventIds: 'Møder',
    },
    statuses: {
      planned: 'Planlagt',
      'in-progress': 'I gang',
      done: 'Gennemført',
      'not-pursued': 'Forfølges ikke',
    },
    save: 'Gem',
    cancel: 'Annuller',
    errorSummary: 'Resultatet blev ikke gemt. Ret det markerede:',
    problems: {
      notATheme: 'Vælg et af programmets temaer.',
      beforePeriod: 'Datoen ligger før programmets periode.',
      afterPeriod: 'Datoen ligger efter programmets periode.',
      unknownRelease: 'Pressemeddelelsen findes ikke.',
      unknownEvent: 'Mødet findes ikke.',
    },
    noReleases: 'Endnu ingen pressemeddelelser.',
    noEvents: 'Endnu ingen møder.',
    stale: 'En anden har ændret resultatet. Genindlæs siden, og prøv igen.',
  },
};

const en: ProgrammeTexts = {
  backToOverview: 'Back to the overview',
  language: 'Language',
  updated: 'Last changed',
  description: 'Description',
  noDescription: 'This programme has no description yet.',
  themesHeading: 'Themes',
  noThemes: 'This programme has no themes yet.',
  outcomes: {
    heading: 'Outcomes',
    none: 'No outcomes for this theme yet.',
    add: 'Add an outcome',
    edit: 'Edit',
    publish: 'Publish',
    published: 'Published',
    draft: 'Draft',
    newTitle: (t) => `New outcome: ${t}`,
    editTitle: 'Edit outcome',
    publicPage: "The programme's public page",
    fields: {
      themeId: 'Theme',
      title: 'What was decided or done',
      body: 'Description',
      bodyHint: 'Markdown: **bold**, [link](https://…), lists.',
      status: 'Status',
      reason: 'Reason',
      reasonHint: 'Required when the outcome is not pursued.',
      date: 'Date',
      dateHint: (p) => `Within the programme's period: ${p}.`,
      releaseIds: 'Press releases',
      eventIds: 'Meetings',
    },
    statuses: {
      planned: 'Planned',
      'in-progress': 'In progress',
      done: 'Done',
      'not-pursued': 'Not pursued',
    },
    save: 'Save',
    cancel: 'Cancel',
    errorSummary: 'The outcome was not saved. Correct what is marked:',
    problems: {
      notATheme: "Choose one of the programme's themes.",
      beforePeriod: "The date is before the programme's period.",
      afterPeriod: "The date is after the programme's period.",
      unknownRelease: 'The press release does not exist.',
      unknownEvent: 'The meeting does not exist.',
    },
    noReleases: 'No press releases yet.',
    noEvents: 'No meetings yet.',
    stale: 'Someone else changed the outcome. Reload the page and try again.',
  },
};

export const programmeMessages: TextTable<ProgrammeTexts> = { sv, da, en };

export const programmeTexts: (language: Language) => ProgrammeTexts = textsOf(programmeMessages);
