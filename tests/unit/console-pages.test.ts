import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import fc from 'fast-check';
import { h } from 'preact';
import { render } from 'preact-render-to-string';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DashboardPage } from '../../shared/activity/pages/dashboard.js';
import type { ActivityEntry } from '../../shared/activity/store.js';
import { dashboardMessages } from '../../shared/activity/texts.js';
import { sessionCsrfToken } from '../../shared/platform/http/html-pages.js';
import type { StaffIdentity } from '../../shared/platform/identity/staff.js';
import { checkLogo, LOGO_MAX_BYTES } from '../../shared/platform/tenants/logo.js';
import { brandColourSchema, contrastRatio } from '../../shared/platform/tenants/settings.js';
import type { Tenant } from '../../shared/platform/tenants/store.js';
import { formatDateTime, formatPeriod } from '../../shared/platform/texts/format.js';
import { type Language, languages } from '../../shared/platform/texts/language.js';
import { shellMessages } from '../../shared/platform/texts/shell.js';
import { ConsoleShell, type ConsoleShellProps } from '../../shared/platform/ui/console-shell.js';
import { ErrorPage } from '../../shared/platform/ui/error-page.js';
import { LandingPage } from '../../shared/platform/ui/landing.js';
import { ProgrammePage } from '../../shared/programmes/pages/programme.js';
import type { Programme } from '../../shared/programmes/programme.js';
import { programmeMessages } from '../../shared/programmes/texts.js';

vi.hoisted(() => {
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
});

const data = vi.hoisted(() => ({
  getTenant: vi.fn(),
  getProgramme: vi.fn(),
  listProgrammes: vi.fn(),
  recentActivity: vi.fn(),
  dashboardCounters: vi.fn(),
  verifyIdToken: vi.fn(),
}));

vi.mock('../../shared/platform/tenants/store.js', () => ({ getTenant: data.getTenant }));
vi.mock('../../shared/programmes/store.js', () => ({
  getProgramme: data.getProgramme,
  listProgrammes: data.listProgrammes,
}));
vi.mock('../../shared/programmes/store/outcomes.js', () => ({ listOutcomes: vi.fn(async () => []) }));
vi.mock('../../shared/activity/store.js', () => ({
  recentActivity: data.recentActivity,
  dashboardCounters: data.dashboardCounters,
}));
// The dashboard's sections read other capabilities' tables: tested against DynamoDB Local
// (tests/integration/dashboard.test.ts); here the page around them.
vi.mock('../../functions/console/dashboard.js', () => ({
  dashboardSections: async () => ({ sections: [], programmeFigures: {} }),
}));
vi.mock('../../shared/platform/identity/staff.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../shared/platform/identity/staff.js')>()),
  verifyIdToken: data.verifyIdToken,
}));

const { handler, localReturnPath } = await import('../../functions/console/pages.js');
const { consoleNav } = await import('../../functions/console/shell.js');
const { wiring } = await import('../../infra/wiring.js');

const XSS = '<script>alert(1)</script>';
/** How Preact writes it in text: `<` and `&` escaped (enough: no tag can open); `>` may stay. */
const ESCAPED = '&lt;script>alert(1)&lt;/script>';

const tenant: Tenant = {
  tenantId: 'hassleholm',
  name: 'Hässleholms kommun',
  language: 'sv',
  timeZone: 'Europe/Stockholm',
};
const helsingor: Tenant = {
  tenantId: 'helsingor',
  name: 'Helsingør Kommune',
  language: 'da',
  timeZone: 'Europe/Copenhagen',
};
const staff: StaffIdentity = {
  staffId: 'staff-1',
  tenantId: 'hassleholm',
  role: 'editor',
  name: 'Anna Berg',
};

const programme: Programme = {
  programmeId: 'prog-1',
  tenantId: 'hassleholm',
  name: `Näringslivsdialog ${XSS}`,
  description: `Första raden\nandra raden\n\nNytt stycke ${XSS}`,
  language: 'sv',
  startsOn: '2026-01-01',
  endsOn: '2026-12-31',
  themes: [
    { id: 't1', title: `Kompetensförsörjning ${XSS}`, description: 'Rekrytering och utbildning' },
    { id: 't2', title: 'Etableringar' },
  ],
  version: 3,
  createdAt: '2026-01-10T08:00:00Z',
  updatedAt: '2026-03-25T11:30:00Z',
};

const activity: ActivityEntry[] = [
  {
    eventId: 'e2',
    tenantId: 'hassleholm',
    at: '2026-03-25T11:30:00Z',
    kind: 'programme.updated',
    summary: `Näringslivsdialog (name) ${XSS}`,
    subjectId: 'prog-1',
    actor: 'staff-1',
  },
  {
    eventId: 'e1',
    tenantId: 'hassleholm',
    at: '2026-03-24T07:00:00Z',
    kind: 'reminder.due',
    summary: 'Ring Företagarna',
    subjectId: 'sched-1',
    actor: 'staff-1',
  },
];

function shell(overrides: Partial<ConsoleShellProps> = {}, language: Language = 'sv') {
  return render(
    h(ConsoleShell, {
      language,
      title: 'Översikt',
      tenantName: tenant.name,
      staff,
      csrfToken: 'csrf-token-abc123',
      currentPath: '/console',
      nav: consoleNav(language, '/console'),
      ...overrides,
    }),
  );
}

/** Every string a catalogue holds, functions called with a few sample arguments. */
function leaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') return [0, 1, 2, 404].map((n) => [`${path}(${n})`, String(value(n))]);
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => leaves(v, `${path}.${k}`));
  throw new Error(`Unexpected ${typeof value} at ${path}`);
}

describe('message catalogue', () => {
  it.each([
    ['shell', shellMessages],
    ['dashboard', dashboardMessages],
    ['programme', programmeMessages],
  ] as const)('%s: has every key, non-empty, in all three languages', (_, table) => {
    const keys = leaves(table.en).map(([path]) => path);
    expect(keys.length).toBeGreaterThan(5);
    for (const language of languages) {
      const entries = leaves(table[language]);
      expect(entries.map(([path]) => path)).toEqual(keys);
      for (const [path, text] of entries) expect(text.trim(), `${language}${path}`).not.toBe('');
    }
  });

  it('is actually translated: the languages differ where they should', () => {
    expect(shellMessages.sv.nav.overview).toBe('Översikt');
    expect(shellMessages.da.nav.overview).toBe('Oversigt');
    expect(shellMessages.sv.account.signOut).toBe('Logga ut');
    expect(shellMessages.da.account.signOut).toBe('Log ud');
    expect(shellMessages.sv.languageSwitch.label).toBe('Språk');
    expect(shellMessages.da.languageSwitch.label).toBe('Sprog');
    expect(dashboardMessages.da.programmesHeading).toBe('Programmer');
  });
});

describe('dates', () => {
  it('shows instants in the tenant zone', () => {
    expect(formatDateTime('2026-03-25T11:30:00Z', 'sv', 'Europe/Stockholm')).toContain('12:30');
    // Summer time: UTC+2 from 29 March 2026.
    expect(formatDateTime('2026-06-01T11:30:00Z', 'en', 'Europe/Copenhagen')).toContain('13:30');
    expect(formatDateTime('2026-03-25T11:30:00Z', 'en', 'UTC')).toContain('11:30');
  });

  it('keeps calendar dates on their day, whatever the zone', () => {
    expect(formatPeriod('sv', '2026-01-01', '2026-12-31')).toBe('1 januari 2026 – 31 december 2026');
    expect(formatPeriod('da', undefined, undefined)).toBe(shellMessages.da.period.none);
  });

  it('never throws on a bad zone or a bad instant', () => {
    expect(formatDateTime('not a date', 'sv', 'Europe/Stockholm')).toBe('not a date');
    expect(formatDateTime('2026-03-25T11:30:00Z', 'sv', 'Mars/Olympus')).toContain('11:30');
  });
});

describe('console shell', () => {
  it.each(languages)('sets lang="%s" on <html> and speaks it', (language) => {
    const html = shell({}, language);
    expect(html).toMatch(new RegExp(`^<html lang="${language}">`));
    expect(html).toContain(shellMessages[language].account.signOut);
    expect(html).toContain(`<option value="${language}" lang="${language}" selected`);
  });

  it('has a skip link whose target exists, and the landmarks', () => {
    const html = shell();
    const target = /<a class="skip-link" href="#([^"]+)"/.exec(html)?.[1];
    expect(target).toBe('main');
    expect(html).toContain(`<main id="${target}"`);
    expect(html).toContain('<header');
    expect(html).toContain(`<nav class="site-nav" aria-label="${shellMessages.sv.nav.label}">`);
    expect(html).toContain('<footer');
    expect(html).toContain('name="viewport" content="width=device-width, initial-scale=1"');
  });

  it('marks the active nav item, and only that one', () => {
    const html = shell({
      nav: [
        { href: '/console', label: 'Översikt', active: true },
        { href: '/console/other', label: 'Annat' },
      ],
    });
    expect(html).toContain('<a href="/console" aria-current="page">Översikt</a>');
    expect(html).toContain('<a href="/console/other">Annat</a>');
    const nav = /<nav[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
    expect(nav.match(/aria-current=/g)).toHaveLength(1);
    expect(consoleNav('sv', '/console/programmes/x').some((item) => item.active)).toBe(false);
  });

  it('puts the CSRF token in both forms, and the return path in the language switch', () => {
    const html = shell({ currentPath: '/console/programmes/prog-1' });
    const forms = html.match(/<form[\s\S]*?<\/form>/g) ?? [];
    expect(forms).toHaveLength(2);
    expect(forms[0]).toContain('action="/console/language"');
    expect(forms[1]).toContain('action="/auth/sign-out"');
    for (const form of forms) {
      expect(form).toContain('method="post"');
      expect(form).toContain('<input type="hidden" name="_csrf" value="csrf-token-abc123"/>');
    }
    expect(forms[0]).toContain('name="returnTo" value="/console/programmes/prog-1"');
    expect(forms[0]).toContain('<label for="language-select">');
    expect(forms[0]).toContain('<select id="language-select" name="language">');
  });

  it('shows who is signed in, with the role translated', () => {
    expect(shell({}, 'da')).toContain('Anna Berg');
    expect(shell({}, 'da')).toContain(shellMessages.da.account.roles.editor);
  });

  it('escapes a tenant or staff name, and keeps the stylesheet as CSS', () => {
    const html = shell({ tenantName: XSS, staff: { name: XSS, role: 'viewer' } });
    expect(html).not.toContain('<script>');
    expect(html).toContain(ESCAPED);
    expect(html).toContain('.site-nav a[aria-current="page"]');
    expect(html).toContain('.list > li');
  });
});

describe('dashboard', () => {
  const dashboard = (language: Language, props: Partial<Parameters<typeof DashboardPage>[0]> = {}) =>
    render(
      h(DashboardPage, {
        language,
        tenant,
        counters: { programmesCreated: 4, remindersDue: 1234 },
        activity,
        programmes: [programme],
        ...props,
      }),
    );

  it('shows the tenant, the counters (0 when missing), programmes and activity', () => {
    const html = dashboard('sv');
    expect(html).toContain('<h1>Hässleholms kommun</h1>');
    expect(html).toMatch(/Skapade program<\/dt><dd>4<\/dd>/);
    expect(html).toMatch(/Programändringar<\/dt><dd>0<\/dd>/);
    expect(html).toMatch(/Utlösta påminnelser<\/dt><dd>1\s234<\/dd>/);
    expect(html).toContain('href="/console/programmes/prog-1"');
    expect(html).toContain('2 teman');
    expect(html).toContain('1 januari 2026 – 31 december 2026');
    expect(html).toContain('Program ändrat');
    expect(html).toContain('Påminnelse');
  });

  it('shows activity times in the tenant zone', () => {
    const html = dashboard('sv');
    expect(html).toContain('<time datetime="2026-03-25T11:30:00Z">25 mars 2026 12:30</time>');
    const inCopenhagen = dashboard('en', { tenant: helsingor });
    expect(inCopenhagen).toContain('25 Mar 2026, 12:30');
  });

  it('escapes tenant-supplied names and summaries', () => {
    const html = dashboard('en');
    expect(html).not.toContain('<script>');
    expect(html).toContain(`Näringslivsdialog ${ESCAPED}`);
    expect(html).toContain(`(name) ${ESCAPED}`);
  });

  it('says what to do next when there is nothing yet', () => {
    const html = dashboard('da', { programmes: [], activity: [], counters: {} });
    expect(html).toContain(dashboardMessages.da.noProgrammes);
    expect(html).toContain(dashboardMessages.da.noActivity);
    expect(html).not.toContain('<ul class="list');
  });
});

describe('programme page', () => {
  const page = (language: Language = 'en') =>
    render(h(ProgrammePage, { language, programme, timeZone: tenant.timeZone }));

  it('escapes the name, description and themes', () => {
    const html = page();
    expect(html).not.toContain('<script>');
    expect(html).toContain(`<h1 lang="sv">Näringslivsdialog ${ESCAPED}</h1>`);
    expect(html).toContain(`Nytt stycke ${ESCAPED}`);
    expect(html).toContain(`<h3>Kompetensförsörjning ${ESCAPED}</h3>`);
  });

  it('keeps line breaks and paragraphs of the description as text', () => {
    const html = page();
    expect(html).toContain('<p>Första raden<br/>andra raden</p><p>Nytt stycke');
  });

  it('shows period, language, themes and the last change in the tenant zone', () => {
    const html = page('da');
    expect(html).toContain('1. januar 2026 – 31. december 2026');
    expect(html).toContain('<dd>Svensk</dd>');
    expect(html).toContain('Rekrytering och utbildning');
    expect(html).toContain('<h3>Etableringar</h3>');
    expect(html).toMatch(/25\. mar\. 2026.*12[.:]30/);
  });

  it('says so when there is no description or theme', () => {
    const html = render(
      h(ProgrammePage, {
        language: 'sv',
        programme: { ...programme, description: '  ', themes: [] },
        timeZone: 'UTC',
      }),
    );
    expect(html).toContain(programmeMessages.sv.noDescription);
    expect(html).toContain(programmeMessages.sv.noThemes);
  });
});

describe('standalone pages', () => {
  it.each([
    [404, 'notFound'],
    [403, 'forbidden'],
    [422, 'badRequest'],
    [400, 'badRequest'],
    [500, 'serverError'],
    [503, 'serverError'],
  ] as const)('error %i has its own heading in each language', (status, kind) => {
    for (const language of languages) {
      const html = render(h(ErrorPage, { status, message: `Oops ${XSS}`, language }));
      expect(html).toMatch(new RegExp(`^<html lang="${language}">`));
      expect(html).toContain(`<h1>${shellMessages[language].errors[kind].heading}</h1>`);
      expect(html).toContain(`Oops ${ESCAPED}`);
      expect(html).toContain('<a class="button" href="/">');
      expect(html).toContain('<main id="main"');
    }
  });

  it('shows the message in the page language, and marks one given in another language', () => {
    expect(render(h(ErrorPage, { status: 404, message: 'Hittades inte', language: 'sv' }))).toContain(
      '<span>Hittades inte</span>',
    );
    expect(
      render(h(ErrorPage, { status: 404, message: 'Not found', language: 'sv', messageLanguage: 'en' })),
    ).toContain('<span lang="en">Not found</span>');
    expect(render(h(ErrorPage, { status: 404, message: '', language: 'da' }))).not.toContain(
      shellMessages.da.errors.detail,
    );
  });

  it('the landing page explains Samverkan and links to staff sign-in', () => {
    for (const language of languages) {
      const html = render(h(LandingPage, { language }));
      expect(html).toMatch(new RegExp(`^<html lang="${language}">`));
      expect(html).toContain(shellMessages[language].landing.about);
      expect(html).toContain(
        `<a class="button" href="/auth/sign-in">${shellMessages[language].landing.signIn}</a>`,
      );
    }
  });
});

describe('return path of the language switch', () => {
  it.each(['/console', '/console/programmes/prog-1', '/console?x=1&y=2'])(
    'keeps the local path %s',
    (path) => {
      expect(localReturnPath(path)).toBe(path);
    },
  );

  it.each([
    undefined,
    '',
    'https://evil.example/',
    '//evil.example/x',
    '/\\evil.example',
    'javascript:alert(1)',
    '/console\r\nSet-Cookie: x=1',
    'console',
  ])('refuses %j', (path) => {
    expect(localReturnPath(path)).toBe('/console');
  });
});

describe('console-pages handler', () => {
  // The session's own token: the page stack binds console forms to the session cookie.
  const CSRF = sessionCsrfToken('token');
  const context = { functionName: 'console-pages', awsRequestId: 'req-1' } as unknown as Context;

  function event(routeKey: string, init: Partial<APIGatewayProxyEventV2> & { cookies?: string[] } = {}) {
    const [method = 'GET', path = '/'] = routeKey.split(' ');
    return {
      version: '2.0',
      routeKey,
      rawPath: path,
      rawQueryString: '',
      headers: {},
      cookies: ['samverkan_session=token', `samverkan_csrf=${CSRF}`],
      isBase64Encoded: false,
      requestContext: { http: { method, path }, requestId: 'req-1' },
      ...init,
    } as unknown as APIGatewayProxyEventV2;
  }

  const call = (e: APIGatewayProxyEventV2) =>
    handler(e, context) as Promise<APIGatewayProxyStructuredResultV2 & { body: string }>;

  beforeEach(() => {
    vi.clearAllMocks();
    data.verifyIdToken.mockResolvedValue(staff);
    data.getTenant.mockImplementation(async (id: string) => (id === tenant.tenantId ? tenant : undefined));
    data.getProgramme.mockImplementation(async (tenantId: string, id: string) =>
      tenantId === programme.tenantId && id === programme.programmeId ? programme : undefined,
    );
    data.listProgrammes.mockResolvedValue([programme]);
    data.recentActivity.mockResolvedValue(activity);
    data.dashboardCounters.mockResolvedValue({ programmesCreated: 1 });
  });

  it('serves exactly the routes infra/wiring.ts gives it', () => {
    const spec = wiring.find((f) => f.name === 'console-pages') as
      | { routes?: readonly { method: string; path: string }[] }
      | undefined;
    const keys = (spec?.routes ?? []).map((r) => `${r.method} ${r.path}`);
    expect(keys).toHaveLength(10);
    expect([...handler.routeKeys].sort()).toEqual(keys.sort());
  });

  it('renders the dashboard for the signed-in tenant, in the tenant language when nothing else is said', async () => {
    data.getTenant.mockResolvedValue(helsingor);
    const res = await call(event('GET /console'));
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/^<!doctype html><html lang="da">/);
    expect(res.body).toContain('<a href="/console" aria-current="page">Oversigt</a>');
    for (const load of [data.getTenant, data.dashboardCounters, data.recentActivity, data.listProgrammes]) {
      expect(load).toHaveBeenCalledWith('hassleholm');
    }
  });

  it('prefers the language cookie, then the browser, over the tenant language', async () => {
    const byCookie = await call(
      event('GET /console', {
        cookies: ['samverkan_session=token', `samverkan_csrf=${CSRF}`, 'samverkan_lang=en'],
        headers: { 'accept-language': 'da-DK,da;q=0.9' },
      }),
    );
    expect(byCookie.body).toContain('<html lang="en">');
    const byBrowser = await call(event('GET /console', { headers: { 'accept-language': 'da-DK,da;q=0.9' } }));
    expect(byBrowser.body).toContain('<html lang="da">');
  });

  it('answers 404 when the tenant has no profile', async () => {
    data.getTenant.mockResolvedValue(undefined);
    const res = await call(event('GET /console'));
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain(shellMessages.sv.errors.notFound.heading);
  });

  it('renders a programme of the tenant, escaped', async () => {
    const res = await call(
      event('GET /console/programmes/{programmeId}', {
        rawPath: '/console/programmes/prog-1',
        pathParameters: { programmeId: 'prog-1' },
      }),
    );
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`Näringslivsdialog ${ESCAPED}`);
    expect(res.body).not.toContain('<script>');
    expect(res.body).toContain('name="returnTo" value="/console/programmes/prog-1"');
  });

  it("does not show another tenant's programme, nor read it with another tenant id", async () => {
    data.verifyIdToken.mockResolvedValue({ ...staff, tenantId: 'helsingor' });
    data.getTenant.mockResolvedValue(helsingor);
    const res = await call(
      event('GET /console/programmes/{programmeId}', {
        rawPath: '/console/programmes/prog-1',
        pathParameters: { programmeId: 'prog-1' },
      }),
    );
    expect(res.statusCode).toBe(404);
    expect(data.getProgramme).toHaveBeenCalledWith('helsingor', 'prog-1');
  });

  it('answers 404 for a malformed id without reading anything', async () => {
    const res = await call(
      event('GET /console/programmes/{programmeId}', {
        rawPath: '/console/programmes/a%20b',
        pathParameters: { programmeId: 'a b' },
      }),
    );
    expect(res.statusCode).toBe(404);
    expect(data.getProgramme).not.toHaveBeenCalled();
  });

  it('switches language: a year-long cookie and back to the page', async () => {
    const body = new URLSearchParams({ _csrf: CSRF, language: 'da', returnTo: '/console/programmes/prog-1' });
    const res = await call(event('POST /console/language', { body: body.toString() }));
    expect(res.statusCode).toBe(303);
    expect(res.headers?.location).toBe('/console/programmes/prog-1');
    const set = res.cookies?.find((c) => c.startsWith('samverkan_lang='));
    expect(set).toContain('samverkan_lang=da;');
    expect(set).toContain(`Max-Age=${60 * 60 * 24 * 365}`);
    expect(set).not.toContain('HttpOnly');
  });

  it('refuses a form whose token is not the session’s: a caller-chosen cookie and field pair, or another session’s', async () => {
    for (const [cookie, field] of [
      ['c'.repeat(40), 'c'.repeat(40)],
      [CSRF, sessionCsrfToken('another-token')],
    ] as const) {
      const body = new URLSearchParams({ _csrf: field, language: 'da', returnTo: '/console' });
      const res = await call(
        event('POST /console/language', {
          body: body.toString(),
          cookies: ['samverkan_session=token', `samverkan_csrf=${cookie}`],
        }),
      );
      expect(res.statusCode).toBe(403);
      expect(res.cookies ?? []).not.toContainEqual(expect.stringContaining('samverkan_lang='));
    }
  });

  it('never redirects off the site', async () => {
    const body = new URLSearchParams({ _csrf: CSRF, language: 'en', returnTo: '//evil.example/' });
    const res = await call(event('POST /console/language', { body: body.toString() }));
    expect(res.headers?.location).toBe('/console');
  });

  it('refuses an unknown language with 422', async () => {
    const body = new URLSearchParams({ _csrf: CSRF, language: 'de', returnTo: '/console' });
    const res = await call(event('POST /console/language', { body: body.toString() }));
    expect(res.statusCode).toBe(422);
    expect(res.cookies ?? []).not.toContainEqual(expect.stringContaining('samverkan_lang='));
  });

  it('serves the public landing page without a session', async () => {
    data.verifyIdToken.mockResolvedValue(undefined);
    const res = await call(event('GET /', { cookies: [], headers: { 'accept-language': 'en-GB,en' } }));
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="en">');
    expect(res.body).toContain('href="/auth/sign-in"');
  });
});

describe('the brand colour rule (WCAG AA with white text)', () => {
  const hex = fc
    .tuple(fc.nat(255), fc.nat(255), fc.nat(255))
    .map(([r, g, b]) => `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`);

  it('accepts exactly the colours white text reaches 4.5:1 on, and the ratio is symmetric and bounded', () => {
    fc.assert(
      fc.property(hex, hex, (colour, other) => {
        const ratio = contrastRatio(colour, '#ffffff');
        expect(brandColourSchema.safeParse(colour).success).toBe(ratio >= 4.5);
        expect(contrastRatio(colour, other)).toBeCloseTo(contrastRatio(other, colour), 10);
        expect(contrastRatio(colour, other)).toBeGreaterThanOrEqual(1);
        expect(contrastRatio(colour, other)).toBeLessThanOrEqual(21);
      }),
    );
  });

  it('knows the published figures and refuses what is not a colour', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    // #767676 is the lightest grey that passes on white (4.54:1); #777777 fails (4.48:1).
    expect(brandColourSchema.safeParse('#767676').success).toBe(true);
    expect(brandColourSchema.safeParse('#777777').success).toBe(false);
    expect(brandColourSchema.parse(' #0A5866 ')).toBe('#0a5866');
    for (const bad of ['0a5866', '#0a586', 'red', '#0a5866;background:url(x)', 'expression(1)'])
      expect(brandColourSchema.safeParse(bad).success, bad).toBe(false);
  });
});

describe('the logo check (magic bytes, size, dimensions)', () => {
  it('takes PNG and JPEG by their bytes and refuses SVG, other content, too big and odd sizes', () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      Buffer.from('IHDR'),
      Buffer.from([0, 0, 0, 120, 0, 0, 0, 40, 8, 2, 0, 0, 0]),
    ]);
    expect(checkLogo(png)).toMatchObject({ contentType: 'image/png', width: 120, height: 40 });
    // JPEG: SOI, an APP0 segment, then SOF0 with height 50 and width 200.
    const jpeg = Buffer.from([
      0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 11, 8, 0, 50, 0, 200, 3, 0, 0, 0, 0,
    ]);
    expect(checkLogo(jpeg)).toMatchObject({ contentType: 'image/jpeg', width: 200, height: 50 });
    expect(checkLogo(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toEqual({ problem: 'type' });
    expect(checkLogo(Buffer.from('GIF89a'))).toEqual({ problem: 'type' });
    expect(checkLogo(undefined)).toEqual({ problem: 'missing' });
    expect(checkLogo(Buffer.concat([png, Buffer.alloc(LOGO_MAX_BYTES)]))).toEqual({ problem: 'size' });
    const tiny = Buffer.from(png);
    tiny.writeUInt32BE(8, 16);
    expect(checkLogo(tiny)).toEqual({ problem: 'dimensions' });
    // The version follows the bytes.
    const other = Buffer.from(png);
    other.writeUInt32BE(121, 16);
    expect((checkLogo(other) as { version: string }).version).not.toBe(
      (checkLogo(png) as { version: string }).version,
    );
  });
});
