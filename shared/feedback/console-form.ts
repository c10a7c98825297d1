import { type Language, languages } from '../platform/texts/language.js';
import { instantToLocalInput, localInputToInstant } from '../platform/texts/wall-clock.js';
import type { Form, LocalizedText, Question } from './form.js';

/*
 * The console's form editor posts flat fields (one group of fields per question, each text once
 * per language: `q2.label.da`); this turns them into the JSON the API takes, so both are checked
 * by the same schema, and back. Every field the API stores has a field here, so saving from the
 * console never drops what was written through the API (a translation, a help text, the closing
 * time). Pure.
 */

/** Question rows the editor shows beyond the form's questions, for new ones. */
export const EMPTY_ROWS = 3;
/** Question rows of a new form (one per theme of a typical programme). */
export const NEW_FORM_ROWS = 8;
/** The most question rows the editor reads (the schema's limit of questions). */
export const MAX_ROWS = 50;

const lines = (value: string | undefined) =>
  (value ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

const asLanguage = (value: string | undefined): Language =>
  (languages as readonly string[]).includes(value ?? '') ? (value as Language) : 'sv';

/** The languages in the order the editor reads them: the form's own first. */
const inOrder = (primary: Language): Language[] => [primary, ...languages.filter((l) => l !== primary)];

/** A text given in any of the languages (`name.sv`, `name.da`, `name.en`); undefined when none is. */
function localizedFrom(posted: Record<string, string>, name: string): LocalizedText | undefined {
  const text = Object.fromEntries(
    languages.map((l) => [l, posted[`${name}.${l}`]?.trim() ?? '']).filter(([, v]) => v),
  ) as LocalizedText;
  return Object.keys(text).length > 0 ? text : undefined;
}

/** A problem the editor finds before the schema does, by editor field. */
export interface EditorProblem {
  field: string;
  code: 'optionsCount';
}

/**
 * A choice question's options from one text area per language: the first language with lines
 * (the form's own first) gives their number, the others translate them line by line. Option ids
 * stay those of the stored question, in order; new lines get new ids.
 */
function optionsFrom(posted: Record<string, string>, at: (field: string) => string, primary: Language) {
  const byLanguage = inOrder(primary)
    .map((l) => ({ language: l, lines: lines(posted[at(`options.${l}`)]) }))
    .filter((o) => o.lines.length > 0);
  const count = byLanguage[0]?.lines.length ?? 0;
  const mismatched = byLanguage.filter((o) => o.lines.length !== count).map((o) => o.language);
  const storedIds = (posted[at('optionIds')] ?? '').split(',').filter(Boolean);
  const used = new Set(storedIds);
  let next = 1;
  const freshId = () => {
    while (used.has(`o${next}`)) next++;
    used.add(`o${next}`);
    return `o${next}`;
  };
  const options = Array.from({ length: count }, (_, n) => ({
    id: storedIds[n] ?? freshId(),
    label: Object.fromEntries(
      byLanguage.flatMap((o) => (o.lines[n] ? [[o.language, o.lines[n]]] : [])),
    ) as LocalizedText,
  }));
  return { options, mismatched };
}

/** The form's editable fields as the editor posted them (unknown to the schema until checked). */
export function formInputFromPosted(
  posted: Record<string, string>,
  rows: number,
  timeZone: string,
): { input: Record<string, unknown>; problems: EditorProblem[] } {
  const language = asLanguage(posted.language);
  const problems: EditorProblem[] = [];
  const questions: Record<string, unknown>[] = [];
  for (let i = 0; i < rows; i++) {
    const at = (field: string) => `q${i}.${field}`;
    const type = posted[at('type')];
    if (!type || type === 'none') continue;
    const text = (field: string) => localizedFrom(posted, at(field));
    const number = (field: string) => (posted[at(field)]?.trim() ? Number(posted[at(field)]) : undefined);
    const question: Record<string, unknown> = {
      type,
      label: text('label') ?? {},
      required: posted[at('required')] === 'on',
    };
    if (posted[at('id')]) question.id = posted[at('id')];
    const help = text('help');
    if (help) question.help = help;
    if (posted[at('theme')] && type !== 'ranking') question.themeId = posted[at('theme')];
    if (type === 'rating') {
      question.scale = number('scale') ?? 5;
      const lowLabel = text('lowLabel');
      const highLabel = text('highLabel');
      if (lowLabel) question.lowLabel = lowLabel;
      if (highLabel) question.highLabel = highLabel;
    }
    if (type === 'single' || type === 'multiple') {
      const { options, mismatched } = optionsFrom(posted, at, language);
      question.options = options;
      for (const l of mismatched) problems.push({ field: at(`options.${l}`), code: 'optionsCount' });
      if (type === 'multiple' && number('maxChoices') !== undefined)
        question.maxChoices = number('maxChoices');
    }
    if (type === 'ranking') {
      const themeIds = (posted[at('themeIds')] ?? '').split(',').filter(Boolean);
      if (themeIds.length > 0) question.themeIds = themeIds;
      if (number('places') !== undefined) question.places = number('places');
    }
    questions.push(question);
  }
  const closesAt = posted.closesAt?.trim()
    ? (localInputToInstant(posted.closesAt, timeZone) ?? posted.closesAt)
    : undefined;
  const intro = localizedFrom(posted, 'intro');
  const thankYouText = localizedFrom(posted, 'followUp.thankYouText');
  const missedYouText = localizedFrom(posted, 'followUp.missedYouText');
  return {
    input: {
      title: localizedFrom(posted, 'title') ?? {},
      ...(intro ? { intro } : {}),
      language,
      ...(posted.eventId ? { eventId: posted.eventId } : {}),
      anonymousLink: posted.anonymousLink === 'on',
      ...(closesAt ? { closesAt } : {}),
      questions,
      followUp: {
        enabled: posted['followUp.enabled'] === 'on',
        delayMinutes: Number(posted['followUp.delayMinutes'] || '60'),
        ...(thankYouText ? { thankYouText } : {}),
        ...(missedYouText ? { missedYouText } : {}),
      },
    },
    problems,
  };
}

function putLocalized(out: Record<string, string>, name: string, text: LocalizedText | undefined) {
  for (const l of languages) out[`${name}.${l}`] = text?.[l] ?? '';
}

function postedFromQuestion(out: Record<string, string>, q: Question, i: number) {
  const at = (field: string) => `q${i}.${field}`;
  out[at('id')] = q.id;
  out[at('type')] = q.type;
  putLocalized(out, at('label'), q.label);
  putLocalized(out, at('help'), q.help);
  out[at('theme')] = q.themeId ?? '';
  out[at('required')] = q.required ? 'on' : '';
  if (q.type === 'rating') {
    out[at('scale')] = String(q.scale);
    putLocalized(out, at('lowLabel'), q.lowLabel);
    putLocalized(out, at('highLabel'), q.highLabel);
  }
  if (q.type === 'single' || q.type === 'multiple') {
    out[at('optionIds')] = q.options.map((o) => o.id).join(',');
    for (const l of languages) out[at(`options.${l}`)] = q.options.map((o) => o.label[l] ?? '').join('\n');
    if (q.type === 'multiple' && q.maxChoices !== undefined) out[at('maxChoices')] = String(q.maxChoices);
  }
  if (q.type === 'ranking') {
    out[at('themeIds')] = (q.themeIds ?? []).join(',');
    if (q.places !== undefined) out[at('places')] = String(q.places);
  }
}

/** The editor's fields for a stored form (what it shows to edit). */
export function postedFromForm(form: Form, timeZone: string): Record<string, string> {
  const out: Record<string, string> = {
    language: form.language,
    eventId: form.eventId ?? '',
    anonymousLink: form.anonymousLink ? 'on' : '',
    closesAt: form.closesAt ? instantToLocalInput(form.closesAt, timeZone) : '',
    'followUp.enabled': form.followUp.enabled ? 'on' : '',
    'followUp.delayMinutes': String(form.followUp.delayMinutes),
  };
  putLocalized(out, 'title', form.title);
  putLocalized(out, 'intro', form.intro);
  putLocalized(out, 'followUp.thankYouText', form.followUp.thankYouText);
  putLocalized(out, 'followUp.missedYouText', form.followUp.missedYouText);
  for (const [i, q] of form.questions.entries()) postedFromQuestion(out, q, i);
  return out;
}

/**
 * Where a problem the schema found shows in the editor: `questions.2.label` is row 2's label in
 * the form's language, `title.da` the Danish title; the rest by their own names.
 */
export function editorField(path: readonly PropertyKey[], language: Language): string {
  const [first, second, third, fourth, , sixth] = path.map(String);
  const localized = (name: string, given: string | undefined) =>
    `${name}.${(languages as readonly string[]).includes(given ?? '') ? given : language}`;
  if (first === 'questions' && second !== undefined) {
    const at = (field: string) => `q${second}.${field}`;
    if (third === 'themeId' || third === 'themeIds') return at('theme');
    // questions.1.options.0.label.sv: the option list in that language.
    if (third === 'options') return localized(at('options'), sixth);
    if (third === 'maxChoices') return at('maxChoices');
    if (third === 'places') return at('places');
    if (third === 'scale') return at('scale');
    if (third === 'type') return at('type');
    if (third === 'help' || third === 'lowLabel' || third === 'highLabel')
      return localized(at(third), fourth);
    return localized(at('label'), third === 'label' ? fourth : undefined);
  }
  if (first === 'questions') return 'q0.type';
  if (first === 'title' || first === 'intro') return localized(first, second);
  if (first === 'followUp') {
    if (second === 'thankYouText' || second === 'missedYouText')
      return localized(`followUp.${second}`, third);
    return `followUp.${second ?? 'enabled'}`;
  }
  return first ?? localized('title', undefined);
}
