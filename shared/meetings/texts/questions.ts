import type { Language } from '../../platform/texts/language.js';
import type { QuestionKind } from '../questions.js';

/** Staff's texts of the custom questions: the event form's editor and the event page's summary. */
export interface QuestionTexts {
  form: {
    legend: string;
    hint: string;
    row: (n: number) => string;
    newRow: string;
    label: string;
    kind: string;
    kinds: Record<QuestionKind, string>;
    required: string;
    options: string;
    optionsHint: string;
    remove: string;
    errors: {
      label: (row: number) => string;
      options: (row: number, max: number) => string;
      optionTooLong: (row: number, max: number) => string;
      tooMany: (max: number) => string;
    };
  };
  live: {
    heading: string;
    lead: string;
    option: string;
    count: string;
    chart: (label: string) => string;
    none: string;
  };
}

const sv: QuestionTexts = {
  form: {
    legend: 'Egna frågor',
    hint: 'Frågor utöver de fasta, på evenemangets språk. Fyll i den tomma raden och spara för att lägga till en fråga: en ny tom rad visas efteråt. En borttagen fråga ställs inte längre; svar som redan getts visas inte längre men finns kvar hos personen.',
    row: (n) => `Fråga ${n}`,
    newRow: 'Ny fråga',
    label: 'Frågan',
    kind: 'Typ av svar',
    kinds: {
      'short-text': 'Kort text',
      'long-text': 'Lång text',
      'single-choice': 'Ett alternativ',
      'multiple-choice': 'Flera alternativ',
    },
    required: 'Måste besvaras',
    options: 'Alternativ',
    optionsHint: 'Ett alternativ per rad (2–20), bara för frågor med alternativ.',
    remove: 'Ta bort frågan',
    errors: {
      label: (row) => `Fråga ${row}: skriv frågan (högst 200 tecken).`,
      options: (row, max) => `Fråga ${row}: ange 2–${max} alternativ, ett per rad.`,
      optionTooLong: (row, max) => `Fråga ${row}: ett alternativ får vara högst ${max} tecken.`,
      tooMany: (max) => `Högst ${max} egna frågor.`,
    },
  },
  live: {
    heading: 'Svar på egna frågor',
    lead: 'Räknat i svar (ett per anmälan, oavsett antal personer) bland dem som kommer.',
    option: 'Alternativ',
    count: 'Svar',
    chart: (label) => `Svar per alternativ: ${label}`,
    none: 'Inga frågor med alternativ.',
  },
};

const da: QuestionTexts = {
  form: {
    legend: 'Egne spørgsmål',
    hint: 'Spørgsmål ud over de faste, på arrangementets sprog. Udfyld den tomme række og gem for at tilføje et spørgsmål: en ny tom række vises bagefter. Et fjernet spørgsmål stilles ikke længere; svar, der allerede er givet, vises ikke længere, men bliver hos personen.',
    row: (n) => `Spørgsmål ${n}`,
    newRow: 'Nyt spørgsmål',
    label: 'Spørgsmålet',
    kind: 'Svartype',
    kinds: {
      'short-text': 'Kort tekst',
      'long-text': 'Lang tekst',
      'single-choice': 'Én svarmulighed',
      'multiple-choice': 'Flere svarmuligheder',
    },
    required: 'Skal besvares',
    options: 'Svarmuligheder',
    optionsHint: 'Én svarmulighed pr. linje (2–20), kun for spørgsmål med svarmuligheder.',
    remove: 'Fjern spørgsmålet',
    errors: {
      label: (row) => `Spørgsmål ${row}: skriv spørgsmålet (højst 200 tegn).`,
      options: (row, max) => `Spørgsmål ${row}: angiv 2–${max} svarmuligheder, én pr. linje.`,
      optionTooLong: (row, max) => `Spørgsmål ${row}: en svarmulighed må højst være ${max} tegn.`,
      tooMany: (max) => `Højst ${max} egne spørgsmål.`,
    },
  },
  live: {
    heading: 'Svar på egne spørgsmål',
    lead: 'Talt i svar (ét pr. tilmelding, uanset antal personer) blandt dem, der kommer.',
    option: 'Svarmulighed',
    count: 'Svar',
    chart: (label) => `Svar pr. svarmulighed: ${label}`,
    none: 'Ingen spørgsmål med svarmuligheder.',
  },
};

const en: QuestionTexts = {
  form: {
    legend: 'Your own questions',
    hint: "Questions beside the fixed ones, in the event's language. Fill in the empty row and save to add a question: a new empty row appears afterwards. A removed question is no longer asked; answers already given are no longer shown but stay with the person.",
    row: (n) => `Question ${n}`,
    newRow: 'New question',
    label: 'The question',
    kind: 'Kind of answer',
    kinds: {
      'short-text': 'Short text',
      'long-text': 'Long text',
      'single-choice': 'One option',
      'multiple-choice': 'Several options',
    },
    required: 'Must be answered',
    options: 'Options',
    optionsHint: 'One option a line (2–20), only for questions with options.',
    remove: 'Remove the question',
    errors: {
      label: (row) => `Question ${row}: write the question (at most 200 characters).`,
      options: (row, max) => `Question ${row}: give 2–${max} options, one a line.`,
      optionTooLong: (row, max) => `Question ${row}: an option may be at most ${max} characters.`,
      tooMany: (max) => `At most ${max} questions of your own.`,
    },
  },
  live: {
    heading: 'Answers to your own questions',
    lead: 'Counted in answers (one per reply, whatever the number of people) among those attending.',
    option: 'Option',
    count: 'Answers',
    chart: (label) => `Answers per option: ${label}`,
    none: 'No questions with options.',
  },
};

export const questionTexts: Record<Language, QuestionTexts> = { sv, da, en };
