import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.js';
import { insightMessages } from '../../shared/insight/texts.js';
import { axeViolations, describeViolations, launchChromium, phoneContext, phoneViewport } from './browser.js';

/**
 * The programme overview in Chromium at phone width, on the demo data: a new Hässleholm user
 * finds it from the programme page and sees the programme's history in figures (over 100
 * organisations); the overview and its printable report have no serious or critical axe
 * violations and do not scroll sideways; a Helsingør staffer reads their own in Danish.
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

async function signIn(staffId: string, locale: string): Promise<Page> {
  const context = await phoneContext(browser, { locale });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(url('/auth/sign-in'));
  await page.waitForURL((u) => u.pathname === '/local-idp/oauth2/authorize');
  await page.locator(`button[data-staff="${staffId}"]`).click();
  await page.waitForURL(url('/console'));
  return page;
}

async function expectAccessibleOnPhone(page: Page, name: string) {
  const violations = await axeViolations(page);
  expect(violations, `${name}:\n${describeViolations(violations)}`).toEqual([]);
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(innerWidth).toBe(phoneViewport.width);
  expect(scrollWidth, `${name}: document width`).toBeLessThanOrEqual(innerWidth);
}

const figure = async (page: Page, row: string, column: number) =>
  Number(
    (
      await page.locator('#headline tbody tr').filter({ hasText: row }).locator('td').nth(column).innerText()
    ).replace(/\D/g, ''),
  );

describe('programme overview', () => {
  it('shows the Hässleholm demo programme’s figures, reached from the programme page', async () => {
    const m = insightMessages.sv;
    const page = await signIn('staff-hlm-anna', 'sv-SE');
    await page.getByRole('link', { name: 'Näringslivsprogram 2024', exact: true }).first().click();
    await page.getByRole('link', { name: m.linkFromProgramme }).click();
    await expect(page.locator('h1').innerText()).resolves.toBe('Näringslivsprogram 2024');

    expect(await figure(page, m.stages.invited, 0)).toBeGreaterThan(90);
    expect(await figure(page, m.stages.answered, 0)).toBeGreaterThan(50);
    await expect(page.locator('svg[role="img"]').count()).resolves.toBe(1);
    await expect(page.locator('#timeline tbody tr').count()).resolves.toBeGreaterThanOrEqual(12);
    await expect(page.locator('table.not-reached').count()).resolves.toBeGreaterThan(0);
    await expectAccessibleOnPhone(page, 'overview');

    await page.getByRole('link', { name: m.printable }).click();
    await expect(page.locator('#themes').count()).resolves.toBe(1);
    await expectAccessibleOnPhone(page, 'report');
  });

  it('speaks Danish to Helsingør staff, from the menu', async () => {
    const m = insightMessages.da;
    const page = await signIn('staff-hel-mette', 'da-DK');
    await page.goto(url('/console/insight'));
    await expect(page.locator('h1').innerText()).resolves.toBe(m.title);
    await page.locator('main ul.list a').first().click();
    await expect(page.locator('#headline').innerText()).resolves.toContain(m.stages.invited);
    await expectAccessibleOnPhone(page, 'Danish overview');
  });
});
