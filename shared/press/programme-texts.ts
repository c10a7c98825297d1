import type { Language } from '../platform/texts/language.js';
import { type TextTable, textsOf } from '../platform/texts/table.js';

/** The public programme page's texts ("you said, we did"), one typed table per language. */
export interface ProgrammePageTexts {
  lead: string;
  period: string;
  themes: string;
  noOutcomes: string;
  status: string;
  statuses: Record<'planned' | 'in-progress' | 'done' | 'not-pursued', string>;
  date: string;
  reason: string;
  releases: string;
  events: string;
}

const sv: ProgrammePageTexts = {
  lead: 'Vad företag och organisationer sagt, och vad det blivit av det – tema för tema.',
  period: 'Period',
  themes: 'Teman',
  noOutcomes: 'Inget utfall är publicerat för det här temat ännu.',
  status: 'Status',
  statuses: {
    planned: 'Planerat',
    'in-progress': 'Pågår',
    done: 'Genomfört',
    'not-pursued': 'Drivs inte vidare',
  },
  date: 'Datum',
  reason: 'Skäl',
  releases: 'Pressmeddelanden',
  events: 'Möten',
};

const da: ProgrammePageTexts = {
  lead: 'Hvad virksomheder og organisationer har sagt, og hvad der er kommet ud af det – tema for tema.',
  period: 'Periode',
  themes: 'Temaer',
  noOutcomes: 'Der er endnu ikke offentliggjort noget resultat for dette tema.',
  status: 'Status',
  statuses: {
    planned: 'Planlagt',
    'in-progress': 'I gang',
    done: 'Gennemført',
    'not-pursued': 'Forfølges ikke',
  },
  date: 'Dato',
  reason: 'Begrundelse',
  releases: 'Pressemeddelelser',
  events: 'Møder',
};

const en: ProgrammePageTexts = {
  lead: 'What companies and organisations said, and what came of it – theme by theme.',
  period: 'Period',
  themes: 'Themes',
  noOutcomes: 'No outcome has been published for this theme yet.',
  status: 'Status',
  statuses: { planned: 'Planned', 'in-progress': 'In progress', done: 'Done', 'not-pursued': 'Not pursued' },
  date: 'Date',
  reason: 'Reason',
  releases: 'Press releases',
  events: 'Meetings',
};

export const programmePageMessages: TextTable<ProgrammePageTexts> = { sv, da, en };

export const programmePageTexts: (language: Language) => ProgrammePageTexts = textsOf(programmePageMessages);
