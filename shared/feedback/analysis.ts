import type { Language } from '../platform/texts/language.js';
import { type Form, type Question, type ThemeRef, textIn } from './form.js';

/*
 * The analysis overview of a form, from its counters item alone (see `counterDeltas`): so it
 * costs one read whether the form has ten answers or ten thousand. Pure.
 */

export interface Bar {
  key: string;
  label: string;
  count: number;
}

export interface QuestionSummary {
  questionId: string;
  type: Question['type'];
  label: string;
  themeId?: string;
  /** How many answers gave this question a value. */
  answered: number;
  /** Ratings: the count of each value 1..scale, and the mean; choices: the count of each option. */
  bars: Bar[];
  mean?: number;
  /** Rankings: each theme's points (first of n places gets n) and how often it came first, best first. */
  ranking?: { themeId: string; label: string; points: number; first: number }[];
}

export interface ThemeSummary {
  themeId: string | undefined;
  title: string;
  questions: QuestionSummary[];
}

export interface FormSummary {
  answers: number;
  attributed: number;
  anonymous: number;
  themes: ThemeSummary[];
}

export function summarise(
  form: Pick<Form, 'questions' | 'language'>,
  counters: Record<string, number>,
  themes: readonly ThemeRef[],
  language: Language,
  otherLabel: string,
): FormSummary {
  const c = (name: string) => counters[name] ?? 0;
  const themeTitle = new Map(themes.map((t) => [t.id, t.title]));
  const summaries = form.questions.map((q): QuestionSummary => {
    const base = {
      questionId: q.id,
      type: q.type,
      label: textIn(q.label, language, form.language),
      themeId: q.themeId,
      answered: c(`q#${q.id}#n`),
      bars: [] as Bar[],
    };
    if (q.type === 'rating') {
      const bars = Array.from({ length: q.scale }, (_, i) => ({
        key: String(i + 1),
        label: String(i + 1),
        count: c(`q#${q.id}#v#${i + 1}`),
      }));
      const total = bars.reduce((sum, b) => sum + b.count, 0);
      const mean = total ? bars.reduce((sum, b) => sum + Number(b.key) * b.count, 0) / total : undefined;
      return { ...base, bars, mean };
    }
    if (q.type === 'single' || q.type === 'multiple') {
      return {
        ...base,
        bars: q.options.map((o) => ({
          key: o.id,
          label: textIn(o.label, language, form.language),
          count: c(`q#${q.id}#o#${o.id}`),
        })),
      };
    }
    if (q.type === 'ranking') {
      const ranking = (q.themeIds ?? [])
        .map((themeId) => ({
          themeId,
          label: themeTitle.get(themeId) ?? themeId,
          points: c(`q#${q.id}#p#${themeId}`),
          first: c(`q#${q.id}#first#${themeId}`),
        }))
        .sort((a, b) => b.points - a.points || b.first - a.first);
      return { ...base, ranking };
    }
    return base;
  });
  // Grouped by theme in the programme's order; questions of no theme last.
  const groups: ThemeSummary[] = themes
    .map((t) => ({
      themeId: t.id as string | undefined,
      title: t.title,
      questions: summaries.filter((s) => s.themeId === t.id),
    }))
    .filter((g) => g.questions.length > 0);
  const rest = summaries.filter((s) => s.themeId === undefined || !themeTitle.has(s.themeId));
  if (rest.length) groups.push({ themeId: undefined, title: otherLabel, questions: rest });
  return { answers: c('answers'), attributed: c('attributed'), anonymous: c('anonymous'), themes: groups };
}
