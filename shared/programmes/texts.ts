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
}

const sv: ProgrammeTexts = {
  backToOverview: 'Tillbaka till översikten',
  language: 'Språk',
  updated: 'Senast ändrat',
  description: 'Beskrivning',
  noDescription: 'Programmet har ingen beskrivning ännu.',
  themesHeading: 'Teman',
  noThemes: 'Programmet har inga teman ännu.',
};

const da: ProgrammeTexts = {
  backToOverview: 'Tilbage til oversigten',
  language: 'Sprog',
  updated: 'Senest ændret',
  description: 'Beskrivelse',
  noDescription: 'Programmet har endnu ingen beskrivelse.',
  themesHeading: 'Temaer',
  noThemes: 'Programmet har endnu ingen temaer.',
};

const en: ProgrammeTexts = {
  backToOverview: 'Back to the overview',
  language: 'Language',
  updated: 'Last changed',
  description: 'Description',
  noDescription: 'This programme has no description yet.',
  themesHeading: 'Themes',
  noThemes: 'This programme has no themes yet.',
};

export const programmeMessages: TextTable<ProgrammeTexts> = { sv, da, en };

export const programmeTexts: (language: Language) => ProgrammeTexts = textsOf(programmeMessages);
