import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoTenant, demoStaff, demoTenants } from '../../infra/local/demo-data.js';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.js';
import { dashboardMessages } from '../../shared/activity/texts.js';
import { dayTexts } from '../../shared/meetings/texts/day.js';
import type { Language } from '../../shared/platform/texts/language.js';
import { settingsTexts } from '../../shared/platform/texts/settings.js';
import { shellMessages } from '../../shared/platform/texts/shell.js';
import { programmeMessages } from '../../shared/programmes/texts.js';
import { invitedContacts, postRsvp, publishedEvent, rsvpToken } from '../event-helpers.js';
import { solidPng, waitFor } from '../helpers.js';
import { addContacts, mailbox, recipientOf } from '../mail-helpers.js';
import {
  axeViolations,
  describeViolations,
  desktopContext,
  launchChromium,
  phoneContext,
  phoneViewport,
} from './browser.js';

/**
 * The console in a real browser against the local runtime: DynamoDB Local, the SES and SQS
 * emulators, the wiring's functions and the local identity provider, seeded with the two demo
 * tenants. Staff sign in the way they do in AWS: sign-in → hosted page → callback → cookie.
 */

interface TenantCase {
  tenant: DemoTenant;
  /** The admin who signs in. */
  staffId: string;
  staffName: string;
  language: Language;
  /** The browser locale (Accept-Language) of a staffer of this tenant. */
  locale: string;
  other: DemoTenant;
}

function tenantCase(tenantId: string, otherId: string, locale: string): TenantCase {
  const tenant = demoTenants.find((t) => t.tenantId === tenantId);
  const other = demoTenants.find((t) => t.tenantId === otherId);
  const staff = demoStaff.find((s) => s.tenantId === tenantId && s.role === 'admin');
  if (!tenant || !other || !staff) throw new Error(`demo data has no ${tenantId}/${otherId} admin`);
  return { tenant, staffId: staff.staffId, staffName: staff.name, language: tenant.language, locale, other };
}

const hassleholm = tenantCase('hassleholm', 'helsingor', 'sv-SE');
const helsingor = tenantCase('helsingor', 'hassleholm', 'da-DK');
const cases = [hassleholm, helsingor];

let runtime: LocalRuntime;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [runtime, browser] = await Promise.all([
    startLocalRuntime({ seed: true, log: () => {} }),
    launchChromium(),
  ]);
});

afterAll(async () => {
  await Promise.allSettled(contexts.map((c) => c.close()));
  await browser?.close();
  await runtime?.stop();
});

/** A fresh profile (no cookies); closed with the browser at the end. */
async function newContext(locale: string, phone = false): Promise<BrowserContext> {
  const context = phone ? await phoneContext(browser, { locale }) : await desktopContext(browser, { locale });
  contexts.push(context);
  return context;
}

const url = (path: string) => `${runtime.url}${path}`;
const isIdentityProvider = (u: URL) => u.pathname === '/local-idp/oauth2/authorize';

/** On the local identity provider's page: choose the staffer, follow the callback to `expected`. */
async function chooseStaff(page: Page, staffId: string, expected: string) {
  await page.waitForURL(isIdentityProvider);
  await page.locator(`button[data-staff="${staffId}"]`).click();
  await page.waitForURL(url(expected));
}

/** The whole staff sign-in in a new page: `/auth/sign-in` → identity provider → callback → `/console`. */
async function signIn(context: BrowserContext, staffId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url('/auth/sign-in'));
  await chooseStaff(page, staffId, '/console');
  return page;
}

const htmlLang = (page: Page) => page.locator('html').getAttribute('lang');

/** The programme's link in the dashboard's programme list (the activity list may link it too). */
const programmeLink = (page: Page, language: Language, name: string) =>
  page
    .getByRole('region', { name: dashboardMessages[language].programmesHeading })
    .getByRole('link', { name, exact: true });

/** The staff API's programmes of a tenant, read with one of its staff's id token. */
async function programmeIds(staffId: string): Promise<string[]> {
  const response = await fetch(url('/api/programmes'), {
    headers: { authorization: `Bearer ${await runtime.identity.idToken(staffId)}` },
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { items: { programmeId: string }[] };
  return body.items.map((p) => p.programmeId);
}

/**
 * No horizontal scroll on a phone. Both numbers matter: with `isMobile` Chromium zooms a page
 * that overflows out to fit, and `innerWidth` grows to the content's width with it.
 */
async function expectNoHorizontalScroll(page: Page, name: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(innerWidth, `${name}: layout viewport`).toBe(phoneViewport.width);
  expect(scrollWidth, `${name}: document width`).toBeLessThanOrEqual(innerWidth);
}

describe('the test browser', () => {
  it('reaches the runtime on localhost and nothing else', async () => {
    const page = await (await newContext('en-GB')).newPage();
    expect((await page.goto(url('/')))?.status()).toBe(200);
    await expect(page.goto('http://example.com/')).rejects.toThrow(/ERR_NAME_NOT_RESOLVED/);
  });
});

describe.each(cases)('$tenant.name staff', (c) => {
  const m = shellMessages[c.language];

  it('sign in through the identity provider and land on their own tenant’s dashboard', async () => {
    const context = await newContext(c.locale);
    const page = await context.newPage();
    await page.goto(url('/auth/sign-in'));
    await page.waitForURL(isIdentityProvider);
    // The hosted page offers every demo staffer, of both tenants; the button picks who signs in.
    await expect(page.locator('button[data-staff]').count()).resolves.toBe(
      demoStaff.filter((s) => s.tenantId).length,
    );
    await page.locator(`button[data-staff="${c.staffId}"]`).click();
    await page.waitForURL(url('/console'));

    await expect(htmlLang(page)).resolves.toBe(c.language);
    await expect(page.locator('header .tenant').textContent()).resolves.toBe(c.tenant.name);
    await expect(page.locator('main h1').textContent()).resolves.toBe(c.tenant.name);
    await expect(page.locator('header .who strong').textContent()).resolves.toBe(c.staffName);
    await expect(page.title()).resolves.toContain(c.tenant.name);
    const text = (await page.locator('body').textContent()) ?? '';
    expect(text).toContain(c.tenant.programme.name);
    expect(text).not.toContain(c.other.name);
    expect(text).not.toContain(c.other.programme.name);

    const session = (await context.cookies()).find((k) => k.name === 'samverkan_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  });

  it('see the console in the tenant’s language when the browser prefers none of the console’s', async () => {
    const page = await signIn(await newContext('de-DE'), c.staffId);
    await expect(htmlLang(page)).resolves.toBe(c.language);
    await expect(page.locator('main .eyebrow').first().textContent()).resolves.toBe(
      dashboardMessages[c.language].title,
    );
  });

  it('open the programme page from the dashboard list', async () => {
    const page = await signIn(await newContext(c.locale), c.staffId);
    const ids = await programmeIds(c.staffId);
    await programmeLink(page, c.language, c.tenant.programme.name).click();
    await page.waitForURL((u) => u.pathname.startsWith('/console/programmes/'));

    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    expect(ids).toContain(id);
    const heading = page.locator('main h1');
    await expect(heading.textContent()).resolves.toBe(c.tenant.programme.name);
    await expect(heading.getAttribute('lang')).resolves.toBe(c.tenant.programme.language);
    await expect(page.locator('ul.themes h3').allTextContents()).resolves.toEqual(c.tenant.programme.themes);
    await expect(page.locator('header .tenant').textContent()).resolves.toBe(c.tenant.name);

    await page.getByRole('link', { name: programmeMessages[c.language].backToOverview }).click();
    await page.waitForURL(url('/console'));
  });

  it('get the not-found page for the other tenant’s programme id', async () => {
    const page = await signIn(await newContext(c.locale), c.staffId);
    const own = await programmeIds(c.staffId);
    const otherAdmin = demoStaff.find((s) => s.tenantId === c.other.tenantId && s.role === 'admin');
    const theirs = await programmeIds(otherAdmin?.staffId ?? '');
    const foreignId = theirs[0];
    expect(foreignId).toBeDefined();
    expect(own).not.toContain(foreignId);

    const response = await page.goto(url(`/console/programmes/${encodeURIComponent(foreignId ?? '')}`));
    expect(response?.status()).toBe(404);
    await expect(htmlLang(page)).resolves.toBe(c.language);
    await expect(page.locator('main h1').textContent()).resolves.toBe(m.errors.notFound.heading);
    const text = (await page.locator('body').textContent()) ?? '';
    expect(text).not.toContain(c.other.programme.name);
    expect(text).not.toContain(c.other.name);
  });

  it('have no horizontal scroll on a phone-sized screen', async () => {
    const page = await signIn(await newContext(c.locale, true), c.staffId);
    expect(page.viewportSize()).toEqual(phoneViewport);
    await expectNoHorizontalScroll(page, 'dashboard');

    await programmeLink(page, c.language, c.tenant.programme.name).click();
    await page.waitForURL((u) => u.pathname.startsWith('/console/programmes/'));
    await expectNoHorizontalScroll(page, 'programme page');

    await page.goto(url('/console/mailings'));
    await expectNoHorizontalScroll(page, 'mailings');

    await page.goto(url('/console/settings'));
    await expectNoHorizontalScroll(page, 'settings');
  });

  it('meet WCAG 2.1 AA (no serious or critical axe violations) on every page of the journey', async () => {
    const context = await newContext(c.locale);
    const page = await context.newPage();
    const check = async (name: string) => {
      const violations = await axeViolations(page);
      expect(violations, `${name} (${page.url()}):\n${describeViolations(violations)}`).toEqual([]);
    };

    await page.goto(url('/'));
    await expect(htmlLang(page)).resolves.toBe(c.language);
    await check('landing page');

    await page.getByRole('link', { name: m.landing.signIn }).click();
    await page.waitForURL(isIdentityProvider);
    await check('local sign-in page');

    await page.locator(`button[data-staff="${c.staffId}"]`).click();
    await page.waitForURL(url('/console'));
    await expect(htmlLang(page)).resolves.toBe(c.language);
    await check('dashboard');

    await programmeLink(page, c.language, c.tenant.programme.name).click();
    await page.waitForURL((u) => u.pathname.startsWith('/console/programmes/'));
    await check('programme page');

    // Mailings: the list, and one mailing (a draft made for the check).
    await fetch(`${runtime.url}/api/campaigns`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await runtime.identity.idToken(c.staffId)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        name: 'Dialoglunch',
        content: { kind: 'announcement', data: { subject: 'Dialoglunch', markdownBody: 'Välkommen.' } },
        audience: { kind: 'all' },
      }),
    });
    await page.goto(url('/console/mailings'));
    await check('mailings');
    await page.locator('a[href^="/console/mailings/"]').first().click();
    await page.waitForURL((u) => u.pathname.startsWith('/console/mailings/'));
    await check('one mailing');

    await page.goto(url('/console/settings'));
    await check('settings');

    expect((await page.goto(url('/console/programmes/no-such-programme')))?.status()).toBe(404);
    await check('not-found page');
  });
});

describe('the address book (issue 12)', () => {
  it('an editor on a phone adds a contact through the form, fixing what it refuses; axe-clean throughout', async () => {
    const editor = demoStaff.find((s) => s.tenantId === 'hassleholm' && s.role === 'editor');
    if (!editor) throw new Error('demo data has no Hässleholm editor');
    const page = await signIn(await newContext('sv-SE', true), editor.staffId);
    const check = async (name: string) => {
      const violations = await axeViolations(page);
      expect(violations, `${name} (${page.url()}):\n${describeViolations(violations)}`).toEqual([]);
      await expectNoHorizontalScroll(page, name);
    };
    await page.goto(url('/console/contacts'));
    await check('contacts');
    await page.getByRole('link', { name: 'Ny kontakt' }).click();
    await page.waitForURL(url('/console/contacts/new'));
    await check('new contact form');

    const tag = Math.random().toString(36).slice(2, 8);
    await page.getByLabel('Namn').fill(`Frida ${tag}`);
    await page.getByLabel('E-post').fill('frida-utan-snabel-a');
    await page.getByRole('button', { name: 'Spara' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Ange en giltig e-postadress');
    await check('new contact form with errors');
    // What was typed is still there; the summary's link leads to the field.
    await expect(page.getByLabel('Namn').inputValue()).resolves.toBe(`Frida ${tag}`);
    await page.getByRole('alert').getByRole('link').first().click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toMatch(/^f-/);

    await page.getByLabel('E-post').fill(`frida.${tag}@exempel.example`);
    await page.getByLabel('Rättslig grund (GDPR art. 6)').selectOption('legitimate-interest');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.waitForURL((u) => /^\/console\/contacts\/[^/]+$/.test(u.pathname) && u.search === '?saved=1');
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('Sparat.');
    await check('saved contact');

    await page.goto(url(`/console/contacts?q=frida+${tag}`));
    await expect(page.getByRole('link', { name: `Frida ${tag}` }).count()).resolves.toBe(1);
    await page.goto(url('/console/organisations/new'));
    await check('new organisation form');
    await page.goto(url('/console/mailings/suppressions'));
    await check('suppressed and unsubscribed addresses');
  });
});

describe('a mailing’s page while it is sent (issue 12)', () => {
  it('refreshes its progress and figures in place until the last mail, without a reload', async () => {
    const admin = demoStaff.find((s) => s.tenantId === 'hassleholm' && s.role === 'admin');
    if (!admin) throw new Error('demo data has no Hässleholm admin');
    const tag = `live-${Math.random().toString(36).slice(2, 8)}`;
    const recipients = 120;
    await addContacts(
      runtime,
      'hassleholm',
      Array.from({ length: recipients }, (_, i) => ({
        contactId: `${tag}-${i}`,
        email: `p${i}.${tag}@foretag.example`,
        tags: [tag],
      })),
    );
    const api = async (method: string, path: string, body?: unknown) =>
      fetch(url(path), {
        method,
        headers: {
          authorization: `Bearer ${await runtime.identity.idToken(admin.staffId)}`,
          'content-type': 'application/json',
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const created = (await (
      await api('POST', '/api/campaigns', {
        name: `Livetest ${tag}`,
        content: { kind: 'announcement', data: { subject: 'Livetest', markdownBody: 'Hej.' } },
        audience: { kind: 'tags', tags: [tag] },
      })
    ).json()) as { campaignId: string };
    const page = await signIn(await newContext('sv-SE'), admin.staffId);
    const loads: string[] = [];
    expect((await api('POST', `/api/campaigns/${created.campaignId}/send`)).status).toBe(202);
    await page.goto(url(`/console/mailings/${created.campaignId}`));
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) loads.push(frame.url());
    });
    const progress = page.locator('#mailing-progress');
    // Loaded while the send is under way (the first page shows fewer than all of them)…
    await expect(progress.getAttribute('data-live')).resolves.toBe('sending');
    // …and reaches the final figures by itself.
    await progress.getByText(`${recipients} av ${recipients} hanterade`).waitFor({ timeout: 60_000 });
    await expect(progress.getAttribute('data-live')).resolves.toBeNull();
    expect(loads).toEqual([]);
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
  });
});

describe('the language switch', () => {
  it('changes the console’s language and keeps it across navigation', async () => {
    const page = await signIn(await newContext(hassleholm.locale), hassleholm.staffId);
    await expect(htmlLang(page)).resolves.toBe('sv');

    const form = page.locator('form[action="/console/language"]');
    await form.locator('select[name="language"]').selectOption('en');
    await form.locator('button[type="submit"]').click();
    await page.waitForURL(url('/console'));
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await expect(page.locator('main .eyebrow').first().textContent()).resolves.toBe(
      dashboardMessages.en.title,
    );
    await expect(page.locator('select[name="language"]').inputValue()).resolves.toBe('en');
    await expect(page.getByRole('button', { name: shellMessages.en.account.signOut }).count()).resolves.toBe(
      1,
    );

    // Followed links, a typed address and a reload all keep the choice (the cookie outranks
    // both the browser's Accept-Language and the tenant's language).
    await programmeLink(page, 'en', hassleholm.tenant.programme.name).click();
    await page.waitForURL((u) => u.pathname.startsWith('/console/programmes/'));
    await expect(htmlLang(page)).resolves.toBe('en');
    await expect(page.getByRole('link', { name: programmeMessages.en.backToOverview }).count()).resolves.toBe(
      1,
    );
    await page.goto(url('/console'));
    await expect(htmlLang(page)).resolves.toBe('en');
    await page.reload();
    await expect(htmlLang(page)).resolves.toBe('en');

    // And back: the switch on the programme page returns to the programme page.
    await programmeLink(page, 'en', hassleholm.tenant.programme.name).click();
    await page.waitForURL((u) => u.pathname.startsWith('/console/programmes/'));
    const programmeUrl = page.url();
    await page.locator('select[name="language"]').selectOption('sv');
    await page.locator('form[action="/console/language"] button[type="submit"]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'sv');
    expect(page.url()).toBe(programmeUrl);
  });
});

describe('the waitlist by hand, on a phone', () => {
  it('moves a place down, says plainly that a promote finds the event full, and removes someone; every page axe-clean', async () => {
    // Prepare: one seat, taken; two on the waitlist in order.
    const event = await publishedEvent('hassleholm', { capacity: 1, seatLimitPerOrganisation: 1 });
    const [seated, first, second] = await invitedContacts(runtime, event, 3, { prefix: `wl${Date.now()}` });
    for (const id of [seated, first, second])
      await postRsvp(runtime, await rsvpToken(event, id as string), { answer: 'attend', seats: '1' });
    const t = dayTexts('sv').waitlist;
    const page = await signIn(await newContext(hassleholm.locale, true), hassleholm.staffId);
    const names = () => page.locator('ol.waitlist .who strong').allTextContents();
    const expectAxeClean = async (what: string) => {
      const violations = await axeViolations(page);
      expect(violations, `${what}:\n${describeViolations(violations)}`).toEqual([]);
    };
    await page.goto(url(`/console/events/${event.eventId}`));
    await expect(names()).resolves.toEqual([`Deltagare ${first}`, `Deltagare ${second}`]);
    await expectAxeClean('event page with a waitlist (phone)');

    // Act and assess: down, then a promote while full, then a removal.
    await page.getByRole('button', { name: new RegExp(`^${t.down}\\s*: Deltagare ${first}$`) }).click();
    await page.waitForURL((u) => u.searchParams.get('waitlist') === 'moved');
    await expect(names()).resolves.toEqual([`Deltagare ${second}`, `Deltagare ${first}`]);
    await expect(page.locator('#waitlist [role="status"]').textContent()).resolves.toBe(t.notices.moved);
    await expectAxeClean('event page after a move (phone)');

    await page.getByRole('button', { name: new RegExp(`^${t.promote}\\s*: Deltagare ${second}$`) }).click();
    await expect(page.locator('main').textContent()).resolves.toContain(dayTexts('sv').refusals.full(0, 1));
    await expectAxeClean('the refusal when full (phone)');

    await page.goto(url(`/console/events/${event.eventId}`));
    await page.getByRole('button', { name: new RegExp(`^${t.remove}\\s*: Deltagare ${first}$`) }).click();
    await page.waitForURL((u) => u.searchParams.get('waitlist') === 'removed');
    await expect(names()).resolves.toEqual([`Deltagare ${second}`]);
  });
});

describe('sessions', () => {
  it('send /console without a session to sign in, and back to the page asked for afterwards', async () => {
    const page = await (await newContext(helsingor.locale)).newPage();
    await page.goto(url('/console'));
    expect(isIdentityProvider(new URL(page.url()))).toBe(true);
    await expect(page.locator('button[data-staff]').count()).resolves.toBe(
      demoStaff.filter((s) => s.tenantId).length,
    );

    const [programmeId] = await programmeIds(helsingor.staffId);
    const deepLink = `/console/programmes/${encodeURIComponent(programmeId ?? '')}`;
    await page.goto(url(deepLink));
    await chooseStaff(page, helsingor.staffId, deepLink);
    await expect(page.locator('main h1').textContent()).resolves.toBe(helsingor.tenant.programme.name);
  });

  it('end with sign-out: the console asks to sign in again', async () => {
    const context = await newContext(hassleholm.locale);
    const page = await signIn(context, hassleholm.staffId);
    await page.getByRole('button', { name: shellMessages.sv.account.signOut }).click();
    await page.waitForURL(url('/'));
    await expect(page.getByRole('link', { name: shellMessages.sv.landing.signIn }).count()).resolves.toBe(1);
    expect((await context.cookies()).map((k) => k.name)).not.toContain('samverkan_session');

    await page.goto(url('/console'));
    expect(isIdentityProvider(new URL(page.url()))).toBe(true);
  });
});

describe('saved segments and the event page’s figures (issue 12)', () => {
  it('an editor on a phone saves, renames and picks a segment, and the confirmation names it; the event page draws its figures; axe-clean throughout', async () => {
    // Prepare
    const editor = demoStaff.find((s) => s.tenantId === 'hassleholm' && s.role === 'editor');
    if (!editor) throw new Error('demo data has no Hässleholm editor');
    const tag = `seg${Math.random().toString(36).slice(2, 8)}`;
    await addContacts(runtime, 'hassleholm', [
      { contactId: `${tag}-1`, email: `${tag}@exempel.example`, tags: [tag] },
    ]);
    const published = await publishedEvent('hassleholm', { title: `Urvalsdag ${tag}` });
    const page = await signIn(await newContext('sv-SE', true), editor.staffId);
    const check = async (name: string) => {
      const violations = await axeViolations(page);
      expect(violations, `${name} (${page.url()}):\n${describeViolations(violations)}`).toEqual([]);
      await expectNoHorizontalScroll(page, name);
    };

    // Act: a segment by tag, saved and renamed on the segments page.
    await page.goto(url('/console/mailings/segments'));
    await check('saved segments');
    await page.getByRole('button', { name: 'Spara urvalet' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Ge urvalet ett namn.');
    await check('saved segments with errors');
    await page.getByLabel('Namn', { exact: true }).fill(`Urval ${tag}`);
    await page.getByLabel('Taggar', { exact: true }).fill(tag);
    await page.getByRole('button', { name: 'Spara urvalet' }).click();
    await page.waitForURL((u) => u.search === '?notice=created');
    await page.getByLabel(`Nytt namn för Urval ${tag}`).fill(`Omdöpt ${tag}`);
    await page
      .getByLabel(`Nytt namn för Urval ${tag}`)
      .locator('xpath=..')
      .getByRole('button', { name: 'Byt namn' })
      .click();
    await page.waitForURL((u) => u.search === '?notice=renamed');
    await expect(
      page.getByRole('row', { name: new RegExp(`Omdöpt ${tag}`) }).textContent(),
    ).resolves.toContain(`Taggar: ${tag}`);

    // Act: pick it when inviting; "Skicka" asks first, naming the segment and the count.
    await page.goto(url(`/console/events/${published.eventId}/invite`));
    await page.getByLabel('Ett sparat urval').check();
    await page.getByLabel('Sparat urval', { exact: true }).selectOption({ label: `Omdöpt ${tag}` });
    await page.getByRole('button', { name: 'Skicka inbjudan' }).click();
    // Assess
    await expect(
      page.getByRole('heading', { level: 2, name: /sparade urvalet/ }).textContent(),
    ).resolves.toBe(`Skicka inbjudan till 1 kontakter i det sparade urvalet ”Omdöpt ${tag}”?`);
    await check('invite form asking to confirm a segment');

    await page.goto(url(`/console/events/${published.eventId}`));
    await expect(page.locator('#funnel tbody tr').count()).resolves.toBe(5);
    await expect(page.getByRole('img', { name: /^Tratt i inbjudna personer/ }).count()).resolves.toBe(1);
    await check('event page with its figures');
  });
});

describe("the municipality's logo and colour (issue 12)", () => {
  it("an admin sets them on the settings page; an invitee's RSVP page on a phone and the confirmation in the local mailbox show them; axe-clean", async () => {
    // Prepare: Perstorp's admin (the other tests' tenants keep Samverkan's look).
    const m = settingsTexts('sv');
    const expectAxeClean = async (page: Page, what: string) => {
      const violations = await axeViolations(page);
      expect(violations, `${what}:\n${describeViolations(violations)}`).toEqual([]);
    };
    const admin = await signIn(await newContext('sv-SE'), 'staff-per-eva');
    await admin.goto(url('/console/settings'));

    // Act: a colour too light first (refused, naming the field), then the municipality's own; a logo.
    await admin.getByLabel(m.colourLabel).fill('#ff9900');
    await admin.getByRole('button', { name: m.save }).click();
    await expect(admin.locator('#f-brandColour-error').textContent()).resolves.toMatch(/^Färg: för ljus/);
    await expectAxeClean(admin, 'settings page with a refused colour');
    await admin.getByLabel(m.colourLabel).fill('#6b1f5c');
    await admin.getByRole('button', { name: m.save }).click();
    await admin.waitForURL((u) => u.searchParams.get('saved') === '1');
    await admin.locator('#f-logo').setInputFiles({
      name: 'perstorp.png',
      mimeType: 'image/png',
      buffer: solidPng(120, 40, 0x123456),
    });
    await admin.getByRole('button', { name: m.uploadLogo }).click();
    await admin.waitForURL((u) => u.searchParams.get('saved') === '1');
    const preview = admin.locator('img.logo-preview');
    await expect(preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).resolves.toBe(120);
    await expectAxeClean(admin, 'settings page with a logo');

    // Assess: an invitee's RSVP page on a phone, and the confirmation they get.
    const event = await publishedEvent('perstorp');
    const [contactId] = (await invitedContacts(runtime, event, 1, { prefix: `brand${Date.now()}` })) as [
      string,
    ];
    const phone = await (await newContext('sv-SE', true)).newPage();
    await phone.goto(url(`/rsvp/${await rsvpToken(event, contactId)}`));
    const logo = phone.locator('header img.logo');
    await expect(logo.getAttribute('alt')).resolves.toBe('Perstorps kommun');
    await expect(logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).resolves.toBe(
      120,
    );
    await expect(
      phone.locator('header.site-header').evaluate((el) => getComputedStyle(el).backgroundColor),
    ).resolves.toBe('rgb(107, 31, 92)');
    await expectNoHorizontalScroll(phone, 'branded RSVP page');
    await expectAxeClean(phone, 'branded RSVP page (phone)');
    await postRsvp(runtime, await rsvpToken(event, contactId), { answer: 'attend', seats: '1' });
    const mail = await waitFor(
      async () => (await mailbox(runtime)).find((x) => recipientOf(x) === `${contactId}@foretag.example`),
      15_000,
      'the confirmation',
    );
    // The local mailbox shows the mail's inline parts (logo and QR code), as a mail program does.
    const viewer = await (await newContext('sv-SE')).newPage();
    await viewer.goto(runtime.mailboxUrl);
    const frame = viewer.locator(`[id="${mail.messageId}-html-iframe"]`);
    await frame.waitFor({ state: 'attached' });
    const images = await frame.evaluate(async (iframe: HTMLIFrameElement) => {
      const all = Array.from(iframe.contentDocument?.images ?? []);
      await Promise.all(all.map((img) => img.decode().catch(() => undefined)));
      return all.map((img) => ({ alt: img.alt, width: img.naturalWidth }));
    });
    expect(images).toEqual([
      { alt: 'Perstorps kommun', width: 120 },
      { alt: dayTexts('sv').checkIn.qrAlt, width: expect.any(Number) },
    ]);
    expect(images[1]?.width).toBeGreaterThan(100);
  });
});
