import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { h } from 'preact';
import { render } from 'preact-render-to-string';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { dashboardMessages } from '../../shared/activity/texts.js';
import { CsvImportError, parseCsv, previewCsv } from '../../shared/directory/csv-import.js';
import { ImportPage } from '../../shared/directory/pages/directory.js';
import { contactInputSchema, organisationInputSchema } from '../../shared/directory/schemas.js';
import {
  csvFileProblemText,
  directoryIssueWording,
  directoryMessages,
} from '../../shared/directory/texts.js';
import { mailPageMessages } from '../../shared/mail/texts/pages.js';
import { meetingsMessages, meetingsTexts } from '../../shared/meetings/texts/console.js';
import { rsvpTexts } from '../../shared/meetings/texts/rsvp.js';
import { errorPageText, HttpError, notFound, validationError } from '../../shared/platform/http/errors.js';
import { sessionCsrfToken } from '../../shared/platform/http/html-pages.js';
import type { StaffIdentity } from '../../shared/platform/identity/staff.js';
import type { Tenant } from '../../shared/platform/tenants/store.js';
import {
  describeIssue,
  type Issue,
  issueCodes,
  issueMessages,
  issuesOf,
  issueText,
} from '../../shared/platform/texts/issues.js';
import { type Language, languages } from '../../shared/platform/texts/language.js';
import { shellMessages } from '../../shared/platform/texts/shell.js';
import { programmePageMessages } from '../../shared/press/programme-texts.js';
import { programmeMessages } from '../../shared/programmes/texts.js';

vi.hoisted(() => {
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
});

const data = vi.hoisted(() => ({ getTenant: vi.fn(), verifyIdToken: vi.fn() }));
vi.mock('../../shared/platform/tenants/store.js', () => ({ getTenant: data.getTenant }));
vi.mock('../../shared/programmes/store.js', () => ({
  getProgramme: vi.fn(async () => undefined),
  listProgrammes: vi.fn(async () => []),
}));
vi.mock('../../shared/programmes/store/outcomes.js', () => ({ listOutcomes: vi.fn(async () => []) }));
vi.mock('../../shared/activity/store.js', () => ({
  recentActivity: vi.fn(async () => []),
  dashboardCounters: vi.fn(async () => ({})),
}));
vi.mock('../../shared/platform/identity/staff.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../shared/platform/identity/staff.js')>()),
  verifyIdToken: data.verifyIdToken,
}));

const { handler } = await import('../../functions/console/pages.js');
const { requireRole } = await import('../../shared/platform/identity/staff.js');

/* ---------- every table, every language ---------- */

/** Every string a table holds, functions called with a few sample arguments. */
function leaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function')
    return ['0', '2', '404'].map((n) => [`${path}(${n})`, String(value(n, n))]);
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => leaves(v, `${path}.${k}`));
  throw new Error(`Unexpected ${typeof value} at ${path}`);
}

const tables: [string, Record<Language, unknown>][] = [
  ['shell', shellMessages],
  ['issues', issueMessages],
  ['dashboard (activity)', dashboardMessages],
  ['programmes', programmeMessages],
  ['public programme page (newsroom)', programmePageMessages],
  ['meetings console', meetingsMessages],
  ['meetings RSVP page', rsvpTexts],
  ['mail pages', mailPageMessages],
  ['directory', directoryMessages],
];

describe('text tables', () => {
  it.each(tables)('%s: the same keys, none empty, in every language', (_, table) => {
    const keys = leaves(table.en).map(([path]) => path);
    expect(keys.length).toBeGreaterThan(3);
    for (const language of languages) {
      const entries = leaves(table[language]);
      expect(entries.map(([path]) => path)).toEqual(keys);
      for (const [path, text] of entries) expect(text.trim(), `${language}${path}`).not.toBe('');
    }
  });
});

/* ---------- issue codes ---------- */

/** One issue of each code pages word (and of each size origin), as zod reports them. */
const samples: Issue[] = [
  { code: 'invalid_type', path: ['a'], expected: 'string', missing: true },
  { code: 'invalid_type', path: ['a'], expected: 'int' },
  { code: 'invalid_type', path: ['a'], expected: 'number' },
  { code: 'too_small', path: ['a'], origin: 'string', minimum: 1 },
  { code: 'too_small', path: ['a'], origin: 'string', minimum: 3 },
  { code: 'too_small', path: ['a'], origin: 'array', minimum: 1 },
  { code: 'too_small', path: ['a'], origin: 'number', minimum: 1 },
  { code: 'too_small', path: ['a'], origin: 'number', minimum: 0, inclusive: false },
  { code: 'too_big', path: ['a'], origin: 'string', maximum: 200 },
  { code: 'too_big', path: ['a'], origin: 'array', maximum: 20 },
  { code: 'too_big', path: ['a'], origin: 'int', maximum: 100 },
  { code: 'too_big', path: ['a'], origin: 'number', maximum: 100, inclusive: false },
  { code: 'invalid_format', path: ['a'], format: 'email' },
  { code: 'invalid_format', path: ['a'], format: 'datetime' },
  { code: 'invalid_format', path: ['a'], format: 'date' },
  { code: 'invalid_format', path: ['a'], format: 'regex' },
  { code: 'invalid_value', path: ['a'] },
  { code: 'invalid_value', path: ['a'], missing: true },
  { code: 'unrecognized_keys', path: [], keys: ['zz'] },
  { code: 'custom', path: ['a'], reason: 'email' },
  { code: 'custom', path: ['a'] },
  { code: 'not_multiple_of', path: ['a'] },
];

describe('validation issues in words', () => {
  it('has a sample for every code pages word', () => {
    expect(new Set(samples.map((s) => s.code))).toEqual(new Set([...issueCodes, 'not_multiple_of']));
  });

  it.each(samples)('words $code ($origin $format) in every language, translated', (issue) => {
    const texts = languages.map((language) => issueText(issue, language));
    for (const text of texts) expect(text.trim()).not.toBe('');
    const [sv, da, en] = texts;
    expect(sv).not.toBe(en);
    expect(da).not.toBe(en);
  });

  it('reads the code, numbers and missing fields from zod', () => {
    const schema = z
      .object({
        name: z.string().trim().min(1, 'Required').max(5, 'At most 5 characters'),
        kind: z.enum(['a', 'b']),
        seats: z.coerce.number().int().min(1),
      })
      .strict();
    const input = { name: 'abcdefg', seats: '0', extra: 1 };
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    const issues = issuesOf(result.error as z.ZodError, input);
    const words = issues.map((issue) => describeIssue(issue, 'sv'));
    expect(words).toEqual([
      'name: Högst 5 tecken.',
      'kind: Fyll i fältet.',
      'seats: Minsta värde är 1.',
      'Okända fält: extra.',
    ]);
    expect(describeIssue(issues[0] as Issue, 'da', { labels: () => ({ name: 'Navn' }) })).toBe(
      'Navn: Højst 5 tegn.',
    );
  });

  it('words an unknown code or custom rule as a translated "not valid"', () => {
    expect(issueText({ code: 'custom', path: ['x'], reason: 'nobody.knows' }, 'da')).toBe(
      'Værdien er ikke gyldig.',
    );
    expect(issueText({ code: 'something_new', path: ['x'] }, 'sv')).toBe('Värdet är inte giltigt.');
  });

  it("words the directory's own rules through zod's custom issues (the organisation number)", () => {
    const bad = organisationInputSchema.safeParse({ name: 'Novo', organisationNumber: '24256791' });
    const [issue] = issuesOf(bad.error as z.ZodError);
    expect(issue).toMatchObject({ code: 'custom', reason: 'organisationNumber.checkDigit' });
    const labels = (language: Language) => ({
      organisationNumber: directoryMessages[language].organisation.organisationNumber,
    });
    const options = { labels, custom: directoryIssueWording };
    expect(describeIssue(issue as Issue, 'da', options)).toBe(
      'CVR-/organisationsnummer: Kontrolcifferet i 24256791 er forkert (modulus 11).',
    );
    expect(describeIssue(issue as Issue, 'sv', options)).toBe(
      'Organisationsnummer: Kontrollsiffran i 24256791 är fel (modulus 11).',
    );
  });

  it('keeps the JSON API English and naming the field', () => {
    const bad = contactInputSchema.safeParse({
      name: '',
      email: 'inte-en-adress',
      lawfulBasis: { basis: 'consent' },
    });
    const error = validationError('body', bad.error as z.ZodError);
    expect(error.message).toBe('Invalid body.name, body.email');
    expect(error.details).toEqual([
      { field: 'body.name', message: 'Required' },
      { field: 'body.email', message: 'Not a valid email address' },
    ]);
    // …while a page says the same in the reader's language.
    expect(errorPageText(error, 'sv')).toBe('name: Fyll i fältet. email: Ange en giltig e-postadress.');
    expect(errorPageText(error, 'da')).toBe('name: Udfyld feltet. email: Angiv en gyldig e-mailadresse.');
  });
});

/* ---------- errors on the error page ---------- */

describe('what the error page says of an error', () => {
  it('says nothing untranslated: an English-only message is left out of a Swedish or Danish page', () => {
    expect(errorPageText(notFound(), 'sv')).toBe('');
    expect(errorPageText(notFound(), 'da')).toBe('');
    expect(errorPageText(new Error('boom'), 'da')).toBe('');
    expect(errorPageText(notFound(), 'en')).toBe('Not found');
  });

  it("uses the error's own words for pages", () => {
    const error = new HttpError(409, 'A cancelled event cannot be changed.', [], {
      text: (language) => meetingsTexts(language).form.cancelledNotEditable,
    });
    expect(errorPageText(error, 'sv')).toBe('Ett inställt evenemang kan inte ändras.');
    expect(errorPageText(error, 'da')).toBe('Et aflyst arrangement kan ikke ændres.');
  });

  it('names the role a refusal needs, in the language', () => {
    const viewer: StaffIdentity = { staffId: 's', tenantId: 't', role: 'viewer', name: 'V' };
    let refusal: unknown;
    try {
      requireRole(viewer, 'editor');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({ statusCode: 403, message: 'This needs the editor role' });
    expect(errorPageText(refusal, 'sv')).toBe('Det här kräver rollen redaktör.');
    expect(errorPageText(refusal, 'da')).toBe('Det kræver rollen redaktør.');
  });
});

describe('error pages of the page stack', () => {
  // The session's own token: the page stack binds console forms to the session cookie.
  const CSRF = sessionCsrfToken('token');
  const context = { functionName: 'console-pages', awsRequestId: 'req-1' } as unknown as Context;
  const tenant: Tenant = {
    tenantId: 'hassleholm',
    name: 'Hässleholms kommun',
    language: 'sv',
    timeZone: 'Europe/Stockholm',
  };

  function event(routeKey: string, language: Language, init: Partial<APIGatewayProxyEventV2> = {}) {
    const [method = 'GET', path = '/'] = routeKey.split(' ');
    return {
      version: '2.0',
      routeKey,
      rawPath: path,
      rawQueryString: '',
      headers: { 'accept-language': language },
      cookies: ['samverkan_session=token', `samverkan_csrf=${CSRF}`],
      isBase64Encoded: false,
      requestContext: { http: { method, path }, requestId: 'req-1' },
      ...init,
    } as unknown as APIGatewayProxyEventV2;
  }
  const call = (e: APIGatewayProxyEventV2) =>
    handler(e, context) as Promise<APIGatewayProxyStructuredResultV2 & { body: string }>;
  const detail = (language: Language, text: string) =>
    `${shellMessages[language].errors.detail}: <span>${text}</span>`;

  beforeEach(() => {
    vi.clearAllMocks();
    data.verifyIdToken.mockResolvedValue({
      staffId: 's-1',
      tenantId: 'hassleholm',
      role: 'editor',
      name: 'A',
    });
    data.getTenant.mockResolvedValue(tenant);
  });

  it.each(['sv', 'da'] as const)(
    'a page that is not found says so in %s, with no English',
    async (language) => {
      const res = await call(
        event('GET /console/programmes/{programmeId}', language, { pathParameters: { programmeId: 'nope' } }),
      );
      expect(res.statusCode).toBe(404);
      expect(res.body).toContain(`<html lang="${language}">`);
      expect(res.body).toContain(`<h1>${shellMessages[language].errors.notFound.heading}</h1>`);
      expect(res.body).toContain(shellMessages[language].errors.notFound.lead);
      expect(res.body).not.toContain('Not found');
      expect(res.body).not.toContain('lang="en"');
    },
  );

  it('a required field, named, on a Danish page', async () => {
    const body = new URLSearchParams({ _csrf: CSRF, returnTo: '/console' }).toString();
    const res = await call(event('POST /console/language', 'da', { body }));
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain(detail('da', 'Sprog: Udfyld feltet.'));
    expect(res.body).not.toContain('Invalid');
  });

  it('a value not among the options, named, on a Swedish page', async () => {
    const body = new URLSearchParams({ _csrf: CSRF, language: 'de', returnTo: '/console' }).toString();
    const res = await call(event('POST /console/language', 'sv', { body }));
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain(detail('sv', 'Språk: Välj ett av alternativen.'));
  });

  it('an expired form on a Swedish page', async () => {
    const body = new URLSearchParams({ _csrf: 'd'.repeat(40), language: 'da' }).toString();
    const res = await call(event('POST /console/language', 'sv', { body }));
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain(detail('sv', shellMessages.sv.errors.formExpired));
    expect(res.body).not.toContain('The form has expired');
  });

  it('English pages keep the English detail', async () => {
    const res = await call(
      event('GET /console/programmes/{programmeId}', 'en', { pathParameters: { programmeId: 'nope' } }),
    );
    expect(res.body).toContain(detail('en', 'Not found'));
  });
});

/* ---------- the import page ---------- */

describe('the import page words row errors in its language', () => {
  const longName = 'Å'.repeat(201);
  const csv = [
    'Företag;Org.nr;Namn;E-post',
    'Fel AB;556012-5791;;',
    `${longName};;Bo;bo@x.example`,
    'Post AB;;Cia;inte-en-adress',
    'Dansk ApS;24256791;;',
    'Tom AB;;;tom@x.example',
  ].join('\n');
  const preview = previewCsv(
    csv,
    { country: 'SE', language: 'sv' },
    { emailKeys: new Map(), organisations: [] },
  );
  const page = (language: Language) =>
    render(
      h(ImportPage, {
        language,
        csrfToken: 'csrf',
        canImport: true,
        preview: { importId: 'imp-1', summary: preview.summary, rows: preview.rows },
      }),
    );

  it('in Swedish', () => {
    const html = page('sv');
    expect(html).toContain('<strong>Org.nr</strong>: Kontrollsiffran i 556012-5791 är fel (Luhn).');
    expect(html).toContain('<strong>Företag</strong>: Högst 200 tecken.');
    expect(html).toContain('<strong>E-post</strong>: Ange en giltig e-postadress.');
    expect(html).toContain('<strong>Org.nr</strong>: Kontrollsiffran i 24256791 är fel (modulus 11).');
    expect(html).toContain('<strong>Namn</strong>: Måste fyllas i för en kontakt.');
    for (const english of ['check digit', 'At most', 'Not a valid', 'Required', 'lang="en"']) {
      expect(html).not.toContain(english);
    }
  });

  it('in Danish', () => {
    const html = page('da');
    expect(html).toContain('<strong>Org.nr</strong>: Kontrolcifferet i 556012-5791 er forkert (Luhn).');
    expect(html).toContain('<strong>Företag</strong>: Højst 200 tegn.');
    expect(html).toContain('<strong>E-post</strong>: Angiv en gyldig e-mailadresse.');
    expect(html).toContain('<strong>Namn</strong>: Skal udfyldes for en kontakt.');
    expect(html).not.toContain('lang="en"');
  });

  it('the JSON API keeps the English message of each row error', () => {
    expect(preview.rows[0]?.errors[0]?.message).toBe('The check digit of 556012-5791 is wrong (Luhn)');
    expect(preview.rows[2]?.errors[0]?.message).toBe('Not a valid email address');
  });

  it('and says why a file cannot be read, in Danish', () => {
    let problem: CsvImportError | undefined;
    try {
      parseCsv('Foo;Bar\n1;2\n');
    } catch (error) {
      if (error instanceof CsvImportError) problem = error;
    }
    expect(problem?.problem).toBe('noKeyColumn');
    const text = csvFileProblemText(problem as CsvImportError, 'da');
    expect(text).toBe(
      'Der er ingen kolonne til organisationen (”Virksomhed”, ”Organisation”) eller e-mailadressen (”E-mail”) blandt: Foo, Bar.',
    );
    const html = render(h(ImportPage, { language: 'da', csrfToken: 'csrf', canImport: true, error: text }));
    expect(html).toContain(`<p>${text}</p>`);
  });
});
