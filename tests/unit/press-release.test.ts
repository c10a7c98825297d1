import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_TRANSACTION_ITEMS } from '../../shared/platform/bus/outbox.js';
import { fileKey, fileMetaSchema, MAX_FILES, matchesSignature } from '../../shared/press/files.js';
import {
  allowedActions,
  changedFields,
  effectiveStatus,
  emptySettings,
  indexedWords,
  isPublic,
  MAX_INDEXED_WORDS,
  pressSettingsSchema,
  publishTimeProblem,
  type Release,
  releaseInputSchema,
  releaseUpdateSchema,
  scheduleInputSchema,
  searchWords,
  vocabularyProblems,
} from '../../shared/press/release.js';
import { newsDimensions } from '../../shared/press/store/releases.js';

/** The press room's rules: what a release may hold, its workflow, who may see it when. */

const now = new Date('2026-03-25T10:00:00.000Z');
const minutes = (n: number) => new Date(now.getTime() + n * 60_000).toISOString();

const input = {
  headline: 'Företagen i Hässleholm bjuds in att sätta framtidens agenda',
  lead: 'Hösten rivstartas med att utveckla en ny näringslivsstrategi.',
  body: 'Det är **kraftfullt**.',
  quotes: [
    {
      text: 'Det är kraftfullt och med stor optimism',
      name: 'Charlotte Fogde Andréasson',
      role: 'Näringslivschef',
    },
  ],
  language: 'sv',
  topics: ['naringsliv'],
  regions: ['skane'],
};

function release(overrides: Partial<Release> = {}): Release {
  const parsed = releaseInputSchema.parse(input);
  return {
    ...parsed,
    releaseId: 'r1',
    tenantId: 'hassleholm',
    status: 'draft',
    embargo: false,
    files: [],
    corrections: [],
    version: 1,
    scheduleVersion: 0,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    createdBy: 'staff-hlm-anna',
    ...overrides,
  };
}

const fieldsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  (result.error?.issues ?? []).map((i) => i.path.join('.'));

describe('release input', () => {
  it('takes a release with headline, lead, Markdown body, quotes by named people, vocabularies and translations', () => {
    const parsed = releaseInputSchema.parse({ ...input, translations: { da: 'r2' } });
    expect(parsed).toMatchObject({
      headline: input.headline,
      tags: [],
      contactIds: [],
      translations: { da: 'r2' },
    });
  });

  it.each([
    [
      'a line break in the headline (it becomes a mail subject)',
      { headline: 'Ny policy\r\nBcc: all@example.com' },
      'headline',
    ],
    ['an empty headline', { headline: '   ' }, 'headline'],
    ['a quote without a named person', { quotes: [{ text: 'Bra', name: '' }] }, 'quotes.0.name'],
    ['a line break in a quoted name', { quotes: [{ text: 'Bra', name: 'Anna\nBcc: x' }] }, 'quotes.0.name'],
    ['a topic id that is not URL-safe', { topics: ['Näringsliv'] }, 'topics.0'],
    ['the same topic twice', { topics: ['a', 'a'] }, 'topics'],
    ['a translation in its own language', { translations: { sv: 'r2' } }, 'translations'],
    ['themes without a programme', { themeIds: ['t1'] }, 'themeIds'],
    ['an unknown field', { html: '<script>' }, ''],
  ])('refuses %s, naming the field', (_what, change, field) => {
    const result = releaseInputSchema.safeParse({ ...input, ...change });
    expect(result.success).toBe(false);
    expect(fieldsOf(result)).toContain(field);
  });

  it('refuses control characters in any headline or quoted name (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.constantFrom('\r', '\n', '\u0000', '\u001b', '\u007f'),
        fc.string({ maxLength: 40 }),
        (before, control, after) => {
          const headline = `x${before}${control}${after}x`;
          expect(releaseInputSchema.safeParse({ ...input, headline }).success).toBe(false);
          const quotes = [{ text: 'q', name: headline }];
          expect(releaseInputSchema.safeParse({ ...input, quotes }).success).toBe(false);
        },
      ),
    );
  });

  it('takes a correction only as text, on an update guarded by the version', () => {
    expect(
      releaseUpdateSchema.safeParse({ ...input, expectedVersion: 2, correction: 'Fel datum rättat' }).success,
    ).toBe(true);
    expect(fieldsOf(releaseUpdateSchema.safeParse({ ...input }))).toContain('expectedVersion');
  });

  it('names the fields an update changes, and none for the same content', () => {
    const before = release();
    expect(changedFields(before, releaseInputSchema.parse(input))).toEqual([]);
    expect(
      changedFields(before, releaseInputSchema.parse({ ...input, lead: 'Ny ingress', tags: ['x'] })),
    ).toEqual(['lead', 'tags']);
  });
});

describe('the workflow: draft → scheduled → published', () => {
  it('a scheduled release is published from its time on, whether or not the publisher has run', () => {
    const scheduled = release({ status: 'scheduled', publishAt: minutes(10) });
    expect(effectiveStatus(scheduled, now)).toBe('scheduled');
    expect(isPublic(scheduled, now)).toBe(false);
    expect(isPublic(scheduled, new Date(minutes(10)))).toBe(true);
    expect(effectiveStatus(scheduled, new Date(minutes(11)))).toBe('published');
  });

  it('drafts are never public; published releases always are', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (offset) => {
        const at = new Date(now.getTime() + offset * 60_000);
        expect(isPublic(release({ status: 'draft' }), at)).toBe(false);
        expect(isPublic(release({ status: 'published', publishAt: minutes(-1) }), now)).toBe(true);
        // Scheduled: public exactly when its time has come.
        const scheduled = release({ status: 'scheduled', publishAt: now.toISOString() });
        expect(isPublic(scheduled, at)).toBe(offset >= 0);
      }),
    );
  });

  it('allows emergency cancel only before the time; a published release only takes corrections', () => {
    expect(allowedActions(release(), now)).toEqual(['edit', 'schedule', 'publish']);
    expect(allowedActions(release({ status: 'scheduled', publishAt: minutes(5) }), now)).toContain('cancel');
    expect(allowedActions(release({ status: 'scheduled', publishAt: minutes(-5) }), now)).toEqual([
      'correct',
    ]);
    expect(allowedActions(release({ status: 'published', publishAt: minutes(-5) }), now)).toEqual([
      'correct',
    ]);
  });

  it('refuses a schedule or embargo in the past, and one too far ahead', () => {
    expect(publishTimeProblem(minutes(-1), now)).toBe('Must be in the future');
    expect(publishTimeProblem(now.toISOString(), now)).toBe('Must be in the future');
    expect(publishTimeProblem(minutes(1), now)).toBeUndefined();
    expect(publishTimeProblem(minutes(60 * 24 * 400), now)).toMatch(/days ahead/);
    expect(scheduleInputSchema.safeParse({ publishAt: 'tomorrow', expectedVersion: 1 }).success).toBe(false);
  });
});

describe('vocabularies and press contacts', () => {
  const settings = pressSettingsSchema.parse({
    topics: [{ id: 'naringsliv', name: 'Näringsliv' }],
    regions: [{ id: 'skane', name: 'Skåne' }],
    contacts: [
      {
        id: 'tina',
        name: 'Tina Gunnarsson',
        role: 'Näringslivschef',
        phone: '+46 451 26 70 00',
        email: 'tina@hassleholm.example',
      },
    ],
  });

  it("names each field that uses a term outside the tenant's lists", () => {
    expect(vocabularyProblems(releaseInputSchema.parse(input), settings)).toEqual([]);
    const problems = vocabularyProblems(
      releaseInputSchema.parse({ ...input, topics: ['okand'], contactIds: ['tina', 'nobody'] }),
      settings,
    );
    expect(problems.map((p) => p.field)).toEqual(['body.topics', 'body.contactIds']);
    expect(problems[1]?.message).toContain('nobody');
    // A press room without lists takes no terms at all.
    expect(vocabularyProblems(releaseInputSchema.parse(input), emptySettings).map((p) => p.field)).toEqual([
      'body.topics',
      'body.regions',
    ]);
  });

  it('refuses an invalid contact email, a line break in a name and duplicate ids', () => {
    const contact = { id: 'a', name: 'A', role: 'R', phone: '+46 1 23 45', email: 'a@example.com' };
    const bad = pressSettingsSchema.safeParse({
      topics: [
        { id: 'x', name: 'X' },
        { id: 'x', name: 'Y' },
      ],
      contacts: [
        { ...contact, email: 'not-an-address' },
        { ...contact, id: 'b', name: 'B\r\nBcc: c@example.com' },
      ],
    });
    expect(fieldsOf(bad)).toEqual(expect.arrayContaining(['topics', 'contacts.0.email', 'contacts.1.name']));
  });
});

describe('files', () => {
  const pdf = { kind: 'attachment', fileName: 'program.pdf', contentType: 'application/pdf', size: 1000 };

  it('takes PDFs as attachments and PNG/JPEG/WebP as images with a text alternative', () => {
    expect(fileMetaSchema.safeParse(pdf).success).toBe(true);
    expect(
      fileMetaSchema.safeParse({ ...pdf, kind: 'image', contentType: 'image/png', alt: 'Rådhuset' }).success,
    ).toBe(true);
  });

  it.each([
    ['a PDF as an image', { kind: 'image', alt: 'x' }, 'contentType'],
    ['an HTML file', { contentType: 'text/html' }, 'contentType'],
    ['an attachment over 10 MB', { size: 10 * 1024 * 1024 + 1 }, 'size'],
    [
      'an image over 4 MB',
      { kind: 'image', contentType: 'image/jpeg', alt: 'x', size: 5 * 1024 * 1024 },
      'size',
    ],
    ['an image without alt text', { kind: 'image', contentType: 'image/png' }, 'alt'],
    ['a path in the name', { fileName: '../../etc/passwd' }, 'fileName'],
  ])('refuses %s, naming the field', (_what, change, field) => {
    expect(fieldsOf(fileMetaSchema.safeParse({ ...pdf, ...change }))).toContain(field);
  });

  it('keeps files under their tenant and release in the bucket, a dozen at most per release', () => {
    expect(fileKey('hassleholm', 'r1', 'f1')).toBe('press/hassleholm/r1/f1');
    expect(MAX_FILES).toBe(12);
  });

  it("checks a file's first bytes against its declared type", () => {
    expect(matchesSignature('application/pdf', new TextEncoder().encode('%PDF-1.7'))).toBe(true);
    expect(matchesSignature('application/pdf', new TextEncoder().encode('<html>'))).toBe(false);
    expect(
      matchesSignature('image/png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
    ).toBe(true);
    expect(matchesSignature('text/html', new Uint8Array([0x3c]))).toBe(false);
  });
});

describe('newsroom search words', () => {
  it('folds case and diacritics, drops short words, keeps order, and caps how many a release is indexed by', () => {
    expect(searchWords('Företagen i Hässleholm bjuds in')).toEqual(['foretagen', 'hassleholm', 'bjuds']);
    const long = Array.from({ length: 60 }, (_, i) => `ord${i}`).join(' ');
    expect(indexedWords({ headline: long, lead: '' })).toHaveLength(MAX_INDEXED_WORDS);
  });

  it('finds a word of the headline however it is typed (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('Hässleholm', 'HÄSSLEHOLM', 'hassleholm', 'HäSsLeHoLm'), (typed) => {
        expect(indexedWords({ headline: 'Nytt i Hässleholm', lead: '' })).toContain(searchWords(typed)[0]);
      }),
    );
  });
});

describe('newsroom index entries of a release', () => {
  it('a release at every limit moves its entries in one transaction (old ones deleted, new ones put, the release, a schedule and an event)', () => {
    const at = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
    const largest = releaseInputSchema.parse({
      ...input,
      headline: at(60, 'rubrikord').join(' ').slice(0, 200),
      lead: at(80, 'ingressord').join(' ').slice(0, 600),
      topics: at(5, 't'),
      tags: at(8, 'g'),
      regions: at(5, 'r'),
    });
    const dimensions = newsDimensions(largest);
    expect(dimensions).toHaveLength(1 + 5 + 8 + 5 + MAX_INDEXED_WORDS);
    // Rescheduling moves every entry: each deleted and put again, beside the release, the old
    // and the new schedule, two translation back-links and the event.
    expect(2 * dimensions.length + 6).toBeLessThanOrEqual(MAX_TRANSACTION_ITEMS);
  });
});
