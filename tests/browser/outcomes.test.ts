import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.js';
import { feedbackMessages } from '../../shared/feedback/texts.js';
import { signLinkToken } from '../../shared/platform/mail-kit/link-tokens.js';
import { programmeMessages } from '../../shared/programmes/texts.js';
import { staffClient, waitFor } from '../helpers.js';
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
 * "You said, we did" end to end in Chromium against the local runtime: a company gives its views
 * on the theme "Kommunal service" of the Hässleholm demo programme on a phone and ticks "tell me
 * what comes of this"; Erik records an outcome on that theme in the console and publishes it; the
 * public programme page shows it; the company finds the mail in the local mailbox page, with the
 * link to the public page. axe on the answer page, the outcome editor and the public page.
 */

const f = feedbackMessages.sv;
const o = programmeMessages.sv.outcomes;
const stamp = Date.now().toString(36);
const outcomeTitle = `Företagslotsen svarar inom en dag ${stamp}`;
const company = { contactId: `lots-${stamp}`, email: `vd-${stamp}@verkstad-hassleholm.example` };

let runtime: LocalRuntime;
let browser: Browser;
const contexts: BrowserContext[] = [];
let programme: { programmeId: string; themes: { id: string; title: string }[] };
let feedbackLink = '';

beforeAll(async () => {
  [runtime, browser] = await Promise.all([
    startLocalRuntime({ seed: true, log: () => {}, sesSendRate: 100 }),
    launchChromium(),
  ]);
  const admin = await staffClient(runtime, 'staff-hlm-anna');
  programme = (
    (await admin.call('GET', '/api/programmes')).json.items as (typeof programme & { name: string })[]
  ).find((p) => p.name === 'Näringslivsprogram 2024') as typeof programme;
  const service = programme.themes.find((t) => t.title === 'Kommunal service')?.id;
  const form = await admin.call('POST', '/api/forms', {
    programmeId: programme.programmeId,
    title: { sv: `Hur fungerar kommunens service? ${stamp}` },
    language: 'sv',
    questions: [{ id: 'service', type: 'long-text', label: { sv: 'Vad kan bli bättre?' }, themeId: service }],
  });
  expect(form.status, form.text).toBe(201);
  await addContacts(runtime, 'hassleholm', [
    { contactId: company.contactId, email: company.email, name: 'Vera Verkstad' },
  ]);
  const token = await signLinkToken(
    {
      purpose: 'feedback',
      tenantId: 'hassleholm',
      subject: company.contactId,
      campaignId: String(form.json.formId),
    },
    3600,
  );
  feedbackLink = `${runtime.url}/feedback/${token}`;
});

afterAll(async () => {
  await Promise.allSettled(contexts.map((c) => c.close()));
  await browser?.close();
  await runtime?.stop();
});

async function expectAccessible(page: Page, name: string) {
  const violations = await axeViolations(page);
  expect(violations, `${name} (${page.url()}):\n${describeViolations(violations)}`).toEqual([]);
}

async function expectNoHorizontalScroll(page: Page, name: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(innerWidth, `${name}: layout viewport`).toBe(phoneViewport.width);
  expect(scrollWidth, `${name}: document width`).toBeLessThanOrEqual(innerWidth);
}

describe('you said, we did', () => {
  it('a company gives its views on a theme on a phone and asks to hear what comes of them', async () => {
    const context = await phoneContext(browser, { locale: 'sv-SE' });
    context.setDefaultTimeout(10_000);
    contexts.push(context);
    const page = await context.newPage();
    expect((await page.goto(feedbackLink))?.status()).toBe(200);
    await page.getByLabel(/Vad kan bli bättre/).fill('En väg in till kommunen, och snabbare svar.');
    await page.getByLabel(f.page.hearBack).check();
    await expectAccessible(page, 'answer page with the consent');
    await expectNoHorizontalScroll(page, 'answer page with the consent');
    await page.getByRole('button', { name: f.page.submit }).click();
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(f.page.thanks);
    await expect(page.getByLabel(f.page.hearBack).isChecked()).resolves.toBe(true);
  });

  it('Erik records an outcome on the theme in the console and publishes it', async () => {
    const context = await desktopContext(browser, { locale: 'sv-SE' });
    context.setDefaultTimeout(10_000);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${runtime.url}/auth/sign-in`);
    await page.waitForURL((u) => u.pathname === '/local-idp/oauth2/authorize');
    await page.locator('button[data-staff="staff-hlm-erik"]').click();
    await page.waitForURL(`${runtime.url}/console`);

    await page.goto(`${runtime.url}/console/programmes/${programme.programmeId}`);
    await page.getByRole('link', { name: `${o.add}: Kommunal service`, exact: true }).click();
    await page.waitForURL((u) => u.pathname.endsWith('/outcomes/new'));
    await expectAccessible(page, 'outcome editor');

    await page.getByLabel(o.fields.title, { exact: true }).fill(outcomeTitle);
    await page
      .getByLabel(o.fields.body, { exact: true })
      .fill('Från och med nu: **svar inom en arbetsdag**.');
    await page.getByLabel(o.fields.status, { exact: true }).selectOption('done');
    // Outside the programme's period first: refused, naming the date.
    await page.getByLabel(o.fields.date, { exact: true }).fill('2025-02-01');
    await page.getByRole('button', { name: o.save, exact: true }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain(o.problems.afterPeriod);
    await expectAccessible(page, 'outcome editor with an error');
    await page.getByLabel(o.fields.date, { exact: true }).fill('2024-11-20');
    await page.getByRole('button', { name: o.save, exact: true }).click();
    await page.waitForURL((u) => u.pathname === `/console/programmes/${programme.programmeId}`);
    await expect(page.getByText(outcomeTitle).count()).resolves.toBe(1);
    await expectAccessible(page, 'programme page with outcomes');

    await page.getByRole('button', { name: `${o.publish}: ${outcomeTitle}`, exact: true }).click();
    await page.waitForURL((u) => u.pathname === `/console/programmes/${programme.programmeId}`);
    await expect(page.getByRole('button', { name: `${o.publish}: ${outcomeTitle}` }).count()).resolves.toBe(
      0,
    );
  });

  it('the public programme page shows it under its theme, on a phone, accessible', async () => {
    const context = await phoneContext(browser, { locale: 'sv-SE' });
    contexts.push(context);
    const page = await context.newPage();
    const response = await page.goto(`${runtime.url}/press/hassleholm/programmes/${programme.programmeId}`);
    expect(response?.status()).toBe(200);
    const theme = page.getByRole('region', { name: 'Kommunal service' });
    await expect(theme.getByText(outcomeTitle).count()).resolves.toBe(1);
    await expect(theme.getByText('svar inom en arbetsdag').count()).resolves.toBe(1);
    await expect(theme.getByText('Genomfört').count()).resolves.toBeGreaterThan(0);
    await expectAccessible(page, 'public programme page');
    await expectNoHorizontalScroll(page, 'public programme page');
  });

  it('the company finds the mail in the local mailbox, with the link to the public page', async () => {
    const mail = await waitFor(
      async () => (await mailbox(runtime)).find((m) => recipientOf(m) === company.email),
      30_000,
      'the hear-back mail',
    );
    expect(mail.subject).toBe('Det här blev det av dina synpunkter: Kommunal service');
    expect(mail.body.text).toContain(outcomeTitle);
    const link = /http:\/\/[^\s"<]+\/press\/hassleholm\/programmes\/[^\s"<]+/.exec(mail.body.text ?? '')?.[0];
    expect(link).toBe(
      `${runtime.url}/press/hassleholm/programmes/${programme.programmeId}#theme-${programme.themes.find((t) => t.title === 'Kommunal service')?.id}`,
    );

    const context = await desktopContext(browser);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(runtime.mailboxUrl);
    await expect(
      page
        .getByText('Det här blev det av dina synpunkter: Kommunal service')
        .first()
        .waitFor({ timeout: 10_000 }),
    ).resolves.toBeUndefined();
    // One mail only to the company, however the event was delivered.
    expect((await mailbox(runtime)).filter((m) => recipientOf(m) === company.email)).toHaveLength(1);
  });
});
