import * as z from 'zod';
import type { ErrorDetail } from '../platform/http/errors.js';
import { hasControlCharacters, isValidEmail } from '../platform/mail-kit/headers.js';
import { type Language, languageSchema } from '../platform/texts/language.js';

/*
 * Press releases: the pure rules. A release is written as a draft, scheduled for a time (under
 * embargo or not) or published at once; a scheduled release is public from its time on, whether
 * or not the publisher has marked it yet, so the newsroom, the feeds and the sitemap show it at
 * exactly that moment and never before. A published release changes only by a correction, which
 * the page shows as such.
 */

/** One line of text that may end up in a mail header (subject, display name): no CR, LF or control characters. */
const oneLine = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'Required')
    .max(max, `At most ${max} characters`)
    .refine(
      (value) => !hasControlCharacters(value),
      'Must be one line, without line breaks or control characters',
    );
const optionalLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .refine(
      (value) => !hasControlCharacters(value),
      'Must be one line, without line breaks or control characters',
    )
    .optional();

/** Ids of vocabulary terms and press contacts: short, URL-safe (they appear in feed paths). */
export const termIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Lower-case letters, digits and -');
const recordId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a valid id');

export const releaseStatuses = ['draft', 'scheduled', 'published'] as const;
export type ReleaseStatus = (typeof releaseStatuses)[number];

export const quoteSchema = z.object({
  text: z.string().trim().min(1, 'Required').max(1500, 'At most 1500 characters'),
  /** A quote always has a named person. */
  name: oneLine(120),
  role: optionalLine(160),
});

const unique = (values: string[]) => new Set(values).size === values.length;
const termList = (max: number) =>
  z.array(termIdSchema).max(max, `At most ${max}`).refine(unique, 'Each at most once').default([]);

/** The editable fields of a release, shared by create and update. */
const releaseFields = {
  headline: oneLine(200),
  lead: z.string().trim().max(600, 'At most 600 characters').default(''),
  /** Markdown; rendered through the sanitising renderer, never as raw HTML. */
  body: z.string().max(20_000, 'At most 20000 characters').default(''),
  quotes: z.array(quoteSchema).max(5, 'At most 5 quotes').default([]),
  language: languageSchema,
  topics: termList(5),
  tags: termList(8),
  regions: termList(5),
  /** Press contacts, from the tenant's list. */
  contactIds: termList(5),
  programmeId: recordId.optional(),
  themeIds: z.array(recordId).max(10, 'At most 10').refine(unique, 'Each at most once').default([]),
  /** The same release in other languages (each a release of this tenant in that language). */
  translations: z.partialRecord(languageSchema, recordId).default({}),
};

const translationsNotOwnLanguage: [
  (r: { language: Language; translations: Partial<Record<Language, string>> }) => boolean,
  { path: string[]; message: string },
] = [
  (r) => r.translations[r.language] === undefined,
  { path: ['translations'], message: 'A translation is in another language than the release' },
];
const themesNeedProgramme: [
  (r: { programmeId?: string; themeIds: string[] }) => boolean,
  { path: string[]; message: string },
] = [
  (r) => r.themeIds.length === 0 || r.programmeId !== undefined,
  { path: ['themeIds'], message: 'Themes need a programme' },
];

export const releaseInputSchema = z
  .object(releaseFields)
  .strict()
  .refine(...translationsNotOwnLanguage)
  .refine(...themesNeedProgramme);
export type ReleaseInput = z.infer<typeof releaseInputSchema>;

/**
 * A full replacement of the editable fields, guarded by the version the editor saw. A published
 * release takes a `correction` (what was corrected, shown on the page), and nothing else.
 */
export const releaseUpdateSchema = z
  .object({
    ...releaseFields,
    expectedVersion: z.number().int().positive(),
    correction: z.string().trim().min(1, 'Required').max(1000, 'At most 1000 characters').optional(),
  })
  .strict()
  .refine(...translationsNotOwnLanguage)
  .refine(...themesNeedProgramme);
export type ReleaseUpdate = z.infer<typeof releaseUpdateSchema>;

/** Scheduling: when the release becomes public, and whether subscribers get it before then under embargo. */
export const scheduleInputSchema = z
  .object({
    publishAt: z.iso.datetime({
      offset: true,
      message: 'An ISO date and time, e.g. 2026-03-25T10:00:00+01:00',
    }),
    embargo: z.boolean().default(false),
    expectedVersion: z.number().int().positive(),
  })
  .strict();

/** A scheduled time must lie ahead, and not absurdly far. */
export const MAX_SCHEDULE_DAYS = 366;

export type PublishTimeProblem = 'invalid' | 'past' | 'tooFar';

/** Why a publish time cannot be used, or undefined when it can. */
export function publishTimeProblemOf(publishAt: string, now: Date): PublishTimeProblem | undefined {
  const at = Date.parse(publishAt);
  if (Number.isNaN(at)) return 'invalid';
  if (at <= now.getTime()) return 'past';
  if (at > now.getTime() + MAX_SCHEDULE_DAYS * 86_400_000) return 'tooFar';
  return undefined;
}

const publishTimeMessages: Record<PublishTimeProblem, string> = {
  invalid: 'Not a date and time',
  past: 'Must be in the future',
  tooFar: `At most ${MAX_SCHEDULE_DAYS} days ahead`,
};

/** The same, as the field's message (English, for the JSON API). */
export function publishTimeProblem(publishAt: string, now: Date): string | undefined {
  const problem = publishTimeProblemOf(publishAt, now);
  return problem && publishTimeMessages[problem];
}

export const fileKinds = ['image', 'attachment'] as const;
export type FileKind = (typeof fileKinds)[number];

export interface ReleaseFile {
  fileId: string;
  kind: FileKind;
  /** The name it was uploaded with (shown on downloads). */
  name: string;
  contentType: string;
  size: number;
  /** Images: the text alternative. */
  alt?: string;
}

export interface Correction {
  at: string;
  note: string;
}

export interface Release extends Omit<ReleaseInput, 'translations'> {
  releaseId: string;
  tenantId: string;
  translations: Partial<Record<Language, string>>;
  status: ReleaseStatus;
  /** Scheduled or published: when it is (or was) public. */
  publishAt?: string;
  /** Subscribers get it before `publishAt`, with an embargo notice (scheduled releases only). */
  embargo: boolean;
  files: ReleaseFile[];
  corrections: Correction[];
  version: number;
  /** Bumped by every schedule: a publish-due event of an older scheduling is ignored. */
  scheduleVersion: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
}

/**
 * What the release is now, with time taken into account: a scheduled release whose time has
 * come is published, even before the publisher has marked it so.
 */
export function effectiveStatus(release: Pick<Release, 'status' | 'publishAt'>, now: Date): ReleaseStatus {
  if (release.status === 'scheduled' && release.publishAt && Date.parse(release.publishAt) <= now.getTime())
    return 'published';
  return release.status;
}

/**
 * Whether the public (newsroom, feeds, sitemap, downloads) may see it. Drafts, scheduled and
 * embargoed releases get the same answer as a release that does not exist.
 */
export const isPublic = (release: Pick<Release, 'status' | 'publishAt'>, now: Date): boolean =>
  effectiveStatus(release, now) === 'published';

export type ReleaseAction = 'edit' | 'correct' | 'schedule' | 'publish' | 'cancel';

/** What staff may do with a release in its (effective) state. */
export function allowedActions(release: Pick<Release, 'status' | 'publishAt'>, now: Date): ReleaseAction[] {
  switch (effectiveStatus(release, now)) {
    case 'draft':
      return ['edit', 'schedule', 'publish'];
    case 'scheduled':
      // Emergency cancel takes it back to a draft; rescheduling moves it.
      return ['edit', 'schedule', 'publish', 'cancel'];
    case 'published':
      return ['correct'];
  }
}

/** Which editable fields an update changes; the event names them, and no-op updates write nothing. */
export function changedFields(before: Release, after: Omit<ReleaseUpdate, 'expectedVersion' | 'correction'>) {
  const keys = Object.keys(releaseFields) as (keyof typeof releaseFields)[];
  const canonical = (value: unknown) =>
    JSON.stringify(value ?? null, (_k, v) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v,
    );
  return keys.filter((key) => canonical(before[key]) !== canonical(after[key]));
}

/* --- The tenant's press room: vocabularies, press contacts, boilerplate -------------------- */

export const termSchema = z.object({ id: termIdSchema, name: oneLine(60) });
export type Term = z.infer<typeof termSchema>;

export const pressContactSchema = z.object({
  id: termIdSchema,
  name: oneLine(120),
  role: oneLine(160),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{5,24}$/, 'A phone number: digits, spaces, + ( ) -'),
  email: z
    .string()
    .trim()
    .max(254)
    .refine((value) => isValidEmail(value), 'Not a valid email address'),
});
export type PressContact = z.infer<typeof pressContactSchema>;

const distinctIds = (items: { id: string }[]) => unique(items.map((i) => i.id));
const terms = (max: number) =>
  z.array(termSchema).max(max, `At most ${max}`).refine(distinctIds, 'Each id at most once').default([]);

export const pressSettingsSchema = z
  .object({
    /** "Om Hässleholms kommun", per language; the release shows its own language's. */
    boilerplate: z
      .partialRecord(languageSchema, z.string().trim().max(2000, 'At most 2000 characters'))
      .default({}),
    topics: terms(40),
    tags: terms(80),
    regions: terms(40),
    contacts: z
      .array(pressContactSchema)
      .max(30, 'At most 30')
      .refine(distinctIds, 'Each id at most once')
      .default([]),
  })
  .strict();
export type PressSettings = z.infer<typeof pressSettingsSchema>;

export const emptySettings: PressSettings = {
  boilerplate: {},
  topics: [],
  tags: [],
  regions: [],
  contacts: [],
};

/**
 * Fields that name terms or contacts the tenant's lists do not hold: one detail per field, with
 * the unknown values. Checked before anything is written.
 */
export function vocabularyProblems(
  input: Pick<ReleaseInput, 'topics' | 'tags' | 'regions' | 'contactIds'>,
  settings: PressSettings,
): ErrorDetail[] {
  const check = (field: string, values: string[], known: { id: string }[]): ErrorDetail[] => {
    const ids = new Set(known.map((k) => k.id));
    const unknown = values.filter((v) => !ids.has(v));
    return unknown.length
      ? [{ field: `body.${field}`, message: `Not in the press room's list: ${unknown.join(', ')}` }]
      : [];
  };
  return [
    ...check('topics', input.topics, settings.topics),
    ...check('tags', input.tags, settings.tags),
    ...check('regions', input.regions, settings.regions),
    ...check('contactIds', input.contactIds, settings.contacts),
  ];
}

/* --- Newsroom search ------------------------------------------------------------------------ */

/** Words shorter than this are not indexed (and not searched for). */
const MIN_WORD = 3;
/** At most this many words of a release are indexed: keeps a release's writes in one transaction. */
export const MAX_INDEXED_WORDS = 25;

/** Lower case, without diacritics: "Hässleholm" and "hassleholm" find the same releases. */
export const foldWord = (word: string) =>
  word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** The distinct search words of a text, in order of appearance. */
export function searchWords(text: string, max = Number.POSITIVE_INFINITY): string[] {
  const words = new Set<string>();
  for (const raw of text.split(/[^\p{L}\p{N}]+/u)) {
    const word = foldWord(raw);
    if (word.length < MIN_WORD || word.length > 40) continue;
    words.add(word);
    if (words.size >= max) break;
  }
  return [...words];
}

/** The words a release is found by: its headline's first, then its lead's. */
export const indexedWords = (release: Pick<Release, 'headline' | 'lead'>) =>
  searchWords(`${release.headline} ${release.lead}`, MAX_INDEXED_WORDS);
