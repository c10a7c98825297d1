import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.js';
import { signLinkToken } from '../../shared/platform/mail-kit/link-tokens.js';
import { exportMessages } from '../../shared/privacy/export-texts.js';
import { keepMessages } from '../../shared/privacy/keep-texts.js';
import { privacyMessages } from '../../shared/privacy/texts.js';
import { staffClient } from '../helpers.js';
import {
  axeViolations,
  describeViolations,
  desktopContext,
  launchChromium,
  phoneContext,
} from './browser.js';

/**
 * The privacy pages in Chromium against the local runtime: an admin records an erasure request,
 * runs it and sees it done; the person's export opens from its signed link. axe finds nothing
 * serious or critical on any of them, and the register works on a phone.
 */

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

const url = (path: string) => `${runtime.url}${path}`;
const m = privacyMessages.sv;

async function signedInPage(phone = false): Promise<Page> {
  const context = phone
    ? await phoneContext(browser, { locale: 'sv-SE' })
    : await desktopContext(browser, { locale: 'sv-SE' });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(url('/auth/sign-in'));
  await page.waitForURL((u) => u.pathname === '/local-idp/oauth2/authorize');
  await page.locator('button[data-staff="staff-hlm-anna"]').click();
  await page.waitForURL(url('/console'));
  return page;
}

async function expectAxeClean(page: Page, name: string) {
  const violations = await axeViolations(page);
  expect(violations, `${name}:\n${describeViolations(violations)}`).toEqual([]);
}

async function contact(name: string, email: string) {
  const admin = await staffClient(runtime, 'staff-hlm-anna');
  const created = await admin.call('POST', '/api/contacts', {
    name,
    email,
    lawfulBasis: { basis: 'legitimate-interest' },
  });
  expect(created.status, created.text).toBe(201);
}

async function recordRequest(page: Page, kind: string, name: string, email: string) {
  await page.goto(url('/console/privacy'));
  await page.getByLabel(m.fields.kind).selectOption(kind);
  await page.getByLabel(m.fields.email).fill(email);
  await page.getByLabel(m.fields.requesterName).fill(name);
  await page.getByLabel(m.fields.identityCheck).selectOption('e-id');
  await page.getByRole('button', { name: m.record }).click();
  await page.waitForURL(/\/console\/privacy\/requests\/[\w-]+\?recorded=1$/);
  await expect(page.getByRole('status').first().textContent()).resolves.toContain(m.recorded);
}

describe('personal-data requests in the console', () => {
  it('an admin records an erasure request, runs it and sees it done', async () => {
    await contact('Gustav Glömd', 'gustav.glomd@exempel-ab.example');
    const page = await signedInPage();
    await page.goto(url('/console/privacy'));
    await expectAxeClean(page, 'the register');
    // A request without an address: the field is named, in Swedish.
    await page.getByRole('button', { name: m.record }).click();
    await expect(page.locator('.error-summary a[href="#f-email"]').count()).resolves.toBe(1);
    await expectAxeClean(page, 'the register with errors');

    await recordRequest(page, 'erasure', 'Gustav Glömd', 'gustav.glomd@exempel-ab.example');
    await expectAxeClean(page, 'a recorded request');
    await page.getByRole('button', { name: m.erasure.run }).click();
    // The eraser runs from the event; the page says when it is done.
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.locator('#erasure-done').count();
        },
        { timeout: 30_000 },
      )
      .toBe(1);
    await expect(page.locator('[data-status]').textContent()).resolves.toBe(m.statuses.done);
    await expectAxeClean(page, 'a finished erasure');
    await page.goto(url('/console/privacy/audit'));
    await expect(page.locator('table').textContent()).resolves.toContain(m.actions.erasure);
    await expectAxeClean(page, 'the audit log');
  });

  it('the export opens from its signed link, without signing in', async () => {
    await contact('Hanna Hämtar', 'hanna.hamtar@exempel-ab.example');
    const page = await signedInPage();
    await recordRequest(page, 'access', 'Hanna Hämtar', 'hanna.hamtar@exempel-ab.example');
    await page.getByRole('button', { name: exportMessages.sv.prepare }).click();
    const link = (await page.locator('#export-link').getAttribute('href')) as string;
    expect(link).toContain('/privacy-export/');

    // The person's own browser: no session.
    const context = await desktopContext(browser, { locale: 'en-GB' });
    contexts.push(context);
    const personal = await context.newPage();
    const response = await personal.goto(url(new URL(link).pathname));
    expect(response?.status()).toBe(200);
    // In the tenant's language, whatever the browser's.
    await expect(personal.locator('h1').textContent()).resolves.toContain('Dina personuppgifter');
    await expect(personal.locator('main').textContent()).resolves.toContain(
      'hanna.hamtar@exempel-ab.example',
    );
    await expectAxeClean(personal, 'the export page');
  });

  it('an admin corrects a contact from a rectification request, and suppresses an objecting address', async () => {
    await contact('Ivar Felstavad', 'ivar.fel@exempel-ab.example');
    await contact('Jonna Invänder', 'jonna.invander@exempel-ab.example');
    const page = await signedInPage();
    await recordRequest(page, 'rectification', 'Ivar Felstavad', 'ivar.fel@exempel-ab.example');
    await expectAxeClean(page, 'a rectification request');
    // A wrong address first: the field is named, in Swedish.
    await page.getByLabel(m.rectification.email).fill('inte en adress');
    await page.getByRole('button', { name: m.rectification.save }).click();
    await expect(page.locator('#f-email-error').count()).resolves.toBe(1);
    await expectAxeClean(page, 'a rectification with an error');
    await page.getByLabel(m.rectification.name).fill('Ivar Rättstavad');
    await page.getByLabel(m.rectification.email).fill('ivar.ratt@exempel-ab.example');
    await page.getByRole('button', { name: m.rectification.save }).click();
    await expect(page.locator('#rectification-done').textContent()).resolves.toBe(m.rectification.done);

    await recordRequest(page, 'objection', 'Jonna Invänder', 'jonna.invander@exempel-ab.example');
    await expectAxeClean(page, 'an objection request');
    await page.getByRole('button', { name: m.objection.act }).click();
    await expect(page.locator('#objection-done').textContent()).resolves.toBe(m.objection.done);
    await expectAxeClean(page, 'a done objection');
  });

  it('the keep link of a retention notice: the page asks, the button keeps, on a phone', async () => {
    const admin = await staffClient(runtime, 'staff-hlm-anna');
    const created = await admin.call('POST', '/api/contacts', {
      name: 'Karl Kvar',
      email: 'karl.kvar@exempel-ab.example',
      lawfulBasis: { basis: 'legitimate-interest' },
    });
    expect(created.status, created.text).toBe(201);
    const token = await signLinkToken(
      { purpose: 'keep-contact', tenantId: 'hassleholm', subject: String(created.json.contactId) },
      3600,
    );
    const context = await phoneContext(browser, { locale: 'sv-SE' });
    contexts.push(context);
    const page = await context.newPage();
    expect((await page.goto(url(`/keep/${token}`)))?.status()).toBe(200);
    await expectAxeClean(page, 'the keep page');
    await page.getByRole('button', { name: keepMessages.sv.page.keep }).click();
    await expect(page.getByRole('status').textContent()).resolves.toBe(
      keepMessages.sv.page.done('Hässleholms kommun'),
    );
    await expectAxeClean(page, 'the keep page, done');
  });

  it('the register works on a phone', async () => {
    const page = await signedInPage(true);
    await page.goto(url('/console/privacy'));
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    // Each field's label above its control, the control the width of the form (not inline).
    const email = page.locator('#f-email');
    const label = page.locator('label[for="f-email"]');
    const [field, caption, form] = await Promise.all([
      email.boundingBox(),
      label.boundingBox(),
      email.locator('xpath=ancestor::form').boundingBox(),
    ]);
    expect(field?.y).toBeGreaterThanOrEqual((caption?.y ?? 0) + (caption?.height ?? 0) - 1);
    expect(field?.width).toBeGreaterThan((form?.width ?? 0) * 0.8);
    await expectAxeClean(page, 'the register on a phone');
  });
});
