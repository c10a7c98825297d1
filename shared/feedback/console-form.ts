import type { Language } from '../platform/texts/language.js';
import type { Form } from './form.js';

/*
 * The console's form editor posts flat fields (one row of fields per question); this turns them
 * into the JSON the API takes, so both are checked by the same schema. Pure.
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

/** The form's editable fields as the editor posted them (unknown to the schema until checked). */
export function formInputFromPosted(form: Record<string, string>, rows: number): Record<string, unknown> {
  const language = (form.language ?? 'sv') as Language;
  const localized = (value: string | undefined) => (value?.trim() ? { [language]: value.trim() } : undefined);
  const questions: Record<string, unknown>[] = [];
  for (let i = 0; i < rows; i++) {
    const at = (field: string) => form[`q${i}.${field}`];
    const type = at('type');
    if (!type || type === 'none') continue;
    const question: Record<string, unknown> = {
      type,
      label: localized(at('label')) ?? {},
      required: at('required') === 'on',
    };
    if (at('id')) question.id = at('id');
    if (at('theme') && type !== 'ranking') question.themeId = at('theme');
    if (type === 'rating') question.scale = Number(at('scale') || '5');
    if (type === 'single' || type === 'multiple') {
      question.options = lines(at('options')).map((label, n) => ({
        id: `o${n + 1}`,
        label: { [language]: label },
      }));
    }
    questions.push(question);
  }
  const title = Object.fromEntries(
    (['sv', 'da', 'en'] as const).map((l) => [l, form[`title.${l}`]?.trim() ?? '']).filter(([, v]) => v),
  );
  return {
    title,
    language,
    ...(form.eventId ? { eventId: form.eventId } : {}),
    anonymousLink: form.anonymousLink === 'on',
    questions,
    followUp: {
      enabled: form['followUp.enabled'] === 'on',
      delayMinutes: Number(form['followUp.delayMinutes'] || '60'),
      ...(localized(form['followUp.thankYouText'])
        ? { thankYouText: localized(form['followUp.thankYouText']) }
        : {}),
      ...(localized(form['followUp.missedYouText'])
        ? { missedYouText: localized(form['followUp.missedYouText']) }
        : {}),
    },
  };
}

/** The editor's fields for a stored form (what it shows to edit). */
export function postedFromForm(form: Form): Record<string, string> {
  const out: Record<string, string> = {
    language: form.language,
    eventId: form.eventId ?? '',
    anonymousLink: form.anonymousLink ? 'on' : '',
    'followUp.enabled': form.followUp.enabled ? 'on' : '',
    'followUp.delayMinutes': String(form.followUp.delayMinutes),
    'followUp.thankYouText': form.followUp.thankYouText?.[form.language] ?? '',
    'followUp.missedYouText': form.followUp.missedYouText?.[form.language] ?? '',
  };
  for (const l of ['sv', 'da', 'en'] as const) out[`title.${l}`] = form.title[l] ?? '';
  form.questions.forEach((q, i) => {
    out[`q${i}.id`] = q.id;
    out[`q${i}.type`] = q.type;
    out[`q${i}.label`] = q.label[form.language] ?? Object.values(q.label)[0] ?? '';
    out[`q${i}.theme`] = q.themeId ?? '';
    out[`q${i}.required`] = q.required ? 'on' : '';
    if (q.type === 'rating') out[`q${i}.scale`] = String(q.scale);
    if (q.type === 'single' || q.type === 'multiple') {
      out[`q${i}.options`] = q.options
        .map((o) => o.label[form.language] ?? Object.values(o.label)[0] ?? '')
        .join('\n');
    }
  });
  return out;
}

/**
 * Where a problem the schema found shows in the editor: `questions.2.label` is row 2's label
 * field, `title` the first title field; the rest by their own names.
 */
export function editorField(path: readonly PropertyKey[]): string {
  const [first, second, third] = path.map(String);
  if (first === 'questions' && second !== undefined) {
    if (third === 'themeId' || third === 'themeIds') return `q${second}.theme`;
    if (third === 'options' || third === 'maxChoices') return `q${second}.options`;
    if (third === 'scale') return `q${second}.scale`;
    if (third === 'type') return `q${second}.type`;
    return `q${second}.label`;
  }
  if (first === 'questions') return 'q0.type';
  if (first === 'title') return 'title.sv';
  if (first === 'followUp') return `followUp.${second ?? 'enabled'}`;
  return first ?? 'title.sv';
}
