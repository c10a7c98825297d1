import type { CsvValue } from '../platform/csv/csv.js';
import type { Language } from '../platform/texts/language.js';
import type { Form, Question, ThemeRef } from './form.js';
import { textIn } from './form.js';
import { addCounts, type RedactionKind, redact } from './redact.js';

/*
 * A form's answers as CSV rows (the cells guarded against formulas by `shared/platform/csv`),
 * optionally with personal data in free text masked: then no respondent's name or contact is in
 * the file either, and the first row says how many were masked. Pure.
 */

export interface ExportAnswer {
  createdAt: string;
  attributed: boolean;
  answers: Record<string, unknown>;
  organisationType?: string;
  industry?: string;
  /** The respondent's name (attributed answers), left out when redacted. */
  respondentName?: string;
  tags?: string[];
}

export interface ExportOptions {
  language: Language;
  redact: boolean;
  /** Only the questions of this theme. */
  themeId?: string;
  /** Names to mask in free text (the respondents', the directory's). */
  names: readonly string[];
  headings: {
    time: string;
    respondent: string;
    organisationType: string;
    industry: string;
    tags: string;
    masked: string;
  };
}

export function exportRows(
  form: Pick<Form, 'questions' | 'language'>,
  answers: readonly ExportAnswer[],
  themes: readonly ThemeRef[],
  options: ExportOptions,
): { rows: CsvValue[][]; masked: Record<RedactionKind, number>; total: number } {
  const t = (text: Partial<Record<Language, string>>) => textIn(text, options.language, form.language);
  const themeTitle = new Map(themes.map((th) => [th.id, th.title]));
  const questions = form.questions.filter((q) => !options.themeId || q.themeId === options.themeId);
  const masked: Record<RedactionKind, number> = { email: 0, phone: 0, 'id-number': 0, name: 0 };
  const cell = (q: Question, value: unknown): CsvValue => {
    if (value === undefined) return '';
    if (q.type === 'single') return t(q.options.find((o) => o.id === value)?.label ?? {}) || String(value);
    if (q.type === 'multiple' && Array.isArray(value)) {
      return value.map((id) => t(q.options.find((o) => o.id === id)?.label ?? {}) || String(id)).join('; ');
    }
    if (q.type === 'ranking' && Array.isArray(value)) {
      return value.map((id) => themeTitle.get(String(id)) ?? String(id)).join(' > ');
    }
    if ((q.type === 'short-text' || q.type === 'long-text') && typeof value === 'string' && options.redact) {
      const result = redact(value, { names: options.names });
      addCounts(masked, result.counts);
      return result.text;
    }
    return typeof value === 'number' ? value : String(value);
  };
  const h = options.headings;
  const header: CsvValue[] = [
    h.time,
    ...(options.redact ? [] : [h.respondent]),
    h.organisationType,
    h.industry,
    ...questions.map((q) => t(q.label)),
    h.tags,
  ];
  const body = answers.map((a): CsvValue[] => [
    a.createdAt,
    ...(options.redact ? [] : [a.respondentName ?? '']),
    a.organisationType ?? '',
    a.industry ?? '',
    ...questions.map((q) => cell(q, a.answers[q.id])),
    (a.tags ?? []).join('; '),
  ]);
  const total = masked.email + masked.phone + masked['id-number'] + masked.name;
  const rows = options.redact ? [[`${h.masked}: ${total}`], header, ...body] : [header, ...body];
  return { rows, masked, total };
}
