/**
 * Programme insight: who took part, counted from catalogue events into one counters item per
 * programme. Pure: what a count adds to the counters, and the overview read back from them.
 *
 * The counters item holds plain numbers under names built here:
 *
 * | name                                  | counts                                             |
 * |---------------------------------------|----------------------------------------------------|
 * | `org.<stage>`                         | distinct organisations that reached the stage      |
 * | `org.<stage>.<dimension>.<value>`     | the same, by organisation type, industry, size, area |
 * | `person.<stage>`                      | distinct people (contacts) that reached the stage  |
 * | `month.<YYYY-MM>.<stage>`             | organisations first counted in the stage that month|
 * | `month.<YYYY-MM>.meetings`            | the programme's published events starting that month|
 * | `meetings`, `answers`                 | published events; feedback answers (anonymous too) |
 * | `theme.<themeId>`                     | feedback answers that said something on the theme  |
 */

export const stages = ['invited', 'answered', 'attended', 'feedback'] as const;
export type Stage = (typeof stages)[number];

export const dimensions = ['type', 'industry', 'size', 'area'] as const;
export type Dimension = (typeof dimensions)[number];

/** What is known of an organisation when it is first counted in a stage (the directory's record then). */
export interface OrganisationProfile {
  type?: string;
  industry?: string;
  size?: string;
  /** Where in the municipality (the directory's town or district). */
  area?: string;
}

/** A value no organisation has recorded: counted, and shown as "not recorded". */
export const UNRECORDED = '-';

export type Counters = Record<string, number>;

/** The month (UTC) of an instant: `YYYY-MM`. */
export const monthOf = (at: string) => new Date(at).toISOString().slice(0, 7);

/** Names must stay readable and bounded: dots separate parts, so a value's own dots become spaces. */
const part = (value: string | undefined) => {
  const text = (value ?? '').trim().replace(/\./g, ' ').slice(0, 120);
  return text === '' ? UNRECORDED : text;
};

/** What counting an organisation in a stage for the first time adds. */
export function organisationDeltas(stage: Stage, profile: OrganisationProfile, at: string): Counters {
  return {
    [`org.${stage}`]: 1,
    [`org.${stage}.type.${part(profile.type)}`]: 1,
    [`org.${stage}.industry.${part(profile.industry)}`]: 1,
    [`org.${stage}.size.${part(profile.size)}`]: 1,
    [`org.${stage}.area.${part(profile.area)}`]: 1,
    [`month.${monthOf(at)}.${stage}`]: 1,
  };
}

/** What counting a person in a stage for the first time adds. */
export const personDeltas = (stage: Stage): Counters => ({ [`person.${stage}`]: 1 });

/** What a feedback answer adds (once per answer, anonymous ones too). */
export function answerDeltas(themeIds: readonly string[], at: string): Counters {
  const deltas: Counters = { answers: 1, [`month.${monthOf(at)}.answers`]: 1 };
  for (const id of new Set(themeIds)) deltas[`theme.${part(id)}`] = 1;
  return deltas;
}

/** What a published event adds (undone when it is cancelled). */
export const meetingDeltas = (start: string, by: 1 | -1): Counters => ({
  meetings: by,
  [`month.${monthOf(start)}.meetings`]: by,
});

// ---------------------------------------------------------------- the overview, read back

export interface Breakdown {
  dimension: Dimension;
  /** Each value with its count per stage, the most invited first. */
  rows: { value: string; counts: Record<Stage, number> }[];
}

export interface TimelineMonth {
  month: string;
  meetings: number;
  answers: number;
  counts: Record<Stage, number>;
}

export interface ThemeRow {
  themeId: string;
  title: string;
  answers: number;
  /** The theme's latest outcome ("you said, we did"), from the programmes capability; absent when none. */
  latestOutcome?: { title: string; status: string; at: string };
}

export interface Overview {
  organisations: Record<Stage, number>;
  people: Record<Stage, number>;
  meetings: number;
  answers: number;
  breakdowns: Breakdown[];
  timeline: TimelineMonth[];
  themes: ThemeRow[];
}

const zeroStages = (): Record<Stage, number> => ({ invited: 0, answered: 0, attended: 0, feedback: 0 });
const count = (counters: Counters, name: string) => {
  const value = counters[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
};

/** Months from `first` to `last` inclusive (`YYYY-MM`), at most 60. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  while (months.length < 60) {
    const name = `${year}-${String(month).padStart(2, '0')}`;
    if (name > last) break;
    months.push(name);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/**
 * The overview from the counters item and the programme. The timeline spans the programme's
 * period (or, without one, the months anything was counted in).
 */
export function overviewOf(
  counters: Counters,
  programme: { startsOn?: string; endsOn?: string; themes: readonly { id: string; title: string }[] },
): Overview {
  const organisations = zeroStages();
  const people = zeroStages();
  for (const stage of stages) {
    organisations[stage] = count(counters, `org.${stage}`);
    people[stage] = count(counters, `person.${stage}`);
  }
  const breakdowns: Breakdown[] = dimensions.map((dimension) => {
    const byValue = new Map<string, Record<Stage, number>>();
    for (const stage of stages) {
      const prefix = `org.${stage}.${dimension}.`;
      for (const [name, value] of Object.entries(counters)) {
        if (!name.startsWith(prefix)) continue;
        const key = name.slice(prefix.length);
        const row = byValue.get(key) ?? zeroStages();
        row[stage] = value;
        byValue.set(key, row);
      }
    }
    const rows = [...byValue.entries()]
      .map(([value, counts]) => ({ value, counts }))
      .sort((a, b) => b.counts.invited - a.counts.invited || a.value.localeCompare(b.value, 'sv'));
    return { dimension, rows };
  });
  const counted = Object.keys(counters)
    .filter((name) => /^month\.\d{4}-\d{2}\./.test(name))
    .map((name) => name.slice(6, 13))
    .sort();
  // The programme's period month by month (or, without one, from the first count to the last),
  // and any month outside it that has counts of its own (late feedback), without empty stretches.
  const from = programme.startsOn?.slice(0, 7) ?? counted[0];
  const to = programme.endsOn?.slice(0, 7) ?? counted[counted.length - 1];
  const period = from && to ? monthsBetween(from, to) : [];
  const months = [...new Set([...period, ...counted])].sort();
  const timeline = months.map((month) => {
    const counts = zeroStages();
    for (const stage of stages) counts[stage] = count(counters, `month.${month}.${stage}`);
    return {
      month,
      meetings: count(counters, `month.${month}.meetings`),
      answers: count(counters, `month.${month}.answers`),
      counts,
    };
  });
  const themes = programme.themes.map((theme) => ({
    themeId: theme.id,
    title: theme.title,
    answers: count(counters, `theme.${part(theme.id)}`),
  }));
  return {
    organisations,
    people,
    meetings: count(counters, 'meetings'),
    answers: count(counters, 'answers'),
    breakdowns,
    timeline,
    themes,
  };
}
