import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.js';
import { getForm } from '../../shared/feedback/store.js';
import { feedbackMessages } from '../../shared/feedback/texts.js';
import { MeetingEnded } from '../../shared/meetings/events.js';
import type { Meeting } from '../../shared/meetings/meeting.js';
import { ensureInvitation, invitationKey } from '../../shared/meetings/store.js';
import { documentClient } from '../../shared/platform/aws/clients.js';
import { emit, pendingEvent } from '../../shared/platform/bus/outbox.js';
import { publishedEvent } from '../event-helpers.js';
import { waitFor } from '../helpers.js';
import { mailbox, recipientOf } from '../mail-helpers.js';
import {
  axeViolations,
  describeViolations,
  desktopContext,
  launchChromium,
  phoneContext,
  phoneViewport,
} from './browser.js';

/**
 * The feedback flow of the issue, end to end in Chromium against the local runtime: Anna builds a
 * form on the programme's themes in the console and attaches it to a dialogue lunch; the lunch
 * ends; Karin (who came) gets the thank-you mail in the local mailbox, opens its link on a phone
 * and answers; her answer shows in the analysis; an anonymous answer through the public link
 * shows too; the masked export hides the phone number and email address written in a free-text
 * answer. Every page on the way is checked with axe.
 */

const m = feedbackMessages.sv;
const stamp = Date.now().toString(36);
const title = `Tyck till om dialoglunchen ${stamp}`;
const karin = { contactId: 'karin-holm', email: 'karin-holm@foretagarna-hassleholm.example' };

let runtime: LocalRuntime;
let browser: Browser;
let staff: BrowserContext;
let staffPage: Page;
const contexts: BrowserContext[] = [];
let lunch: Meeting;
let formPath = '';

beforeAll(async () => {
  [runtime, browser] = await Promise.all([
    startLocalRuntime({ seed: true, log: () => {}, sesSendRate: 100 }),
    launchChromium(),
  ]);
  // A dialogue lunch that ended an hour ago, Karin invited and attending (attendance not taken).
  const hour = 3_600_000;
  lunch = await publishedEvent('hassleholm', {
    title: `Dialoglunch om infrastruktur ${stamp}`,
    start: new Date(Date.now() - 3 * hour).toISOString(),
    end: new Date(Date.now() - hour).toISOString(),
    rsvpDeadline: new Date(Date.now() - 48 * hour).toISOString(),
  });
  await ensureInvitation({
    tenantId: 'hassleholm',
    eventId: lunch.eventId,
    contactId: karin.contactId,
    organisationId: 'foretagarna-hassleholm',
    organisationType: 'business-association',
  });
  await documentClient.send(
    new UpdateCommand({
      TableName: runtime.tableName,
      Key: invitationKey('hassleholm', lunch.eventId, karin.contactId),
      UpdateExpression: 'SET #s = :s, seats = :one',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':s': 'attending', ':one': 1 },
    }),
  );
  staff = await desktopContext(browser, { locale: 'sv-SE' });
  staff.setDefaultTimeout(10_000);
  contexts.push(staff);
});

afterAll(async () => {
  await Promise.allSettled(contexts.map((c) => c.close()));
  await browser?.close();
  await runtime?.stop();
});

const url = (path: string) => `${runtime.url}${path}`;

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

describe('the feedback flow', () => {
  it('Anna builds a form on the programme’s themes and attaches it to the lunch', async () => {
    staffPage = await staff.newPage();
    const page = staffPage;
    await page.goto(url('/auth/sign-in'));
    await page.waitForURL((u) => u.pathname === '/local-idp/oauth2/authorize');
    await page.locator('button[data-staff="staff-hlm-anna"]').click();
    await page.waitForURL(url('/console'));

    await page.goto(url('/console/forms'));
    await expectAccessible(page, 'forms list');
    await page.getByRole('link', { name: m.console.newForm, exact: true }).click();
    await page.waitForURL(url('/console/forms/new'));
    await expectAccessible(page, 'form editor');

    const f = m.console.fields;
    await page.getByLabel(f.titleIn('svenska'), { exact: true }).fill(title);
    await page.getByLabel(f.event, { exact: true }).selectOption({ label: lunch.title });
    await page.getByLabel(f.delayMinutes, { exact: true }).fill('0');
    const row = (n: number) => page.getByRole('group', { name: f.question(n), exact: true });
    await row(1).getByLabel(f.type, { exact: true }).selectOption('rating');
    await row(1).getByLabel(f.label, { exact: true }).fill('Hur bedömer du näringslivsklimatet?');
    await row(1).getByLabel(f.theme, { exact: true }).selectOption({ label: 'Lokalt näringslivsklimat' });
    await row(2).getByLabel(f.type, { exact: true }).selectOption('ranking');
    await row(2).getByLabel(f.label, { exact: true }).fill('Vilka teman är viktigast?');
    await row(3).getByLabel(f.type, { exact: true }).selectOption('long-text');
    await row(3).getByLabel(f.label, { exact: true }).fill('Vad saknar ni i infrastrukturen?');
    await row(3).getByLabel(f.theme, { exact: true }).selectOption({ label: 'Infrastruktur' });
    // A translation: the other languages of a text are one tap away, under the text.
    await row(1).getByText(`${f.translations}: ${f.label}`, { exact: true }).click();
    await row(1)
      .getByLabel(f.inLanguage(f.label, f.languageNames.en), { exact: true })
      .fill('How do you rate the business climate?');
    await expectAccessible(page, 'form editor with a translation open');
    await page.getByRole('button', { name: m.console.create }).click();
    await page.waitForURL((u) => /^\/console\/forms\/[^/]+$/.test(u.pathname));
    formPath = new URL(page.url()).pathname;
    await expect(page.locator('main h1').textContent()).resolves.toBe(title);
    const stored = await getForm('hassleholm', formPath.split('/').pop() as string);
    expect(stored?.questions[0]?.label).toEqual({
      sv: 'Hur bedömer du näringslivsklimatet?',
      en: 'How do you rate the business climate?',
    });
    await expectAccessible(page, 'analysis (empty)');
  });

  it('the lunch ends; Karin’s thank-you mail arrives and its link opens the form on a phone; she answers', async () => {
    // What the schedule at the lunch's end publishes.
    await emit('hassleholm', [
      pendingEvent(MeetingEnded, { tenantId: 'hassleholm', eventId: lunch.eventId, end: lunch.end }),
    ]);
    const mail = await waitFor(
      async () =>
        (await mailbox(runtime)).find(
          (x) => recipientOf(x) === karin.email && x.subject.includes(lunch.title),
        ),
      30_000,
      'the thank-you mail',
    );
    expect(mail.subject).toBe(`Tack för att du kom: ${lunch.title}`);
    const link = /http:\/\/[^\s"<]+\/feedback\/[A-Za-z0-9._-]+/.exec(mail.body.text ?? '')?.[0];
    expect(link).toBeDefined();

    const context = await phoneContext(browser, { locale: 'sv-SE' });
    context.setDefaultTimeout(10_000);
    contexts.push(context);
    const page = await context.newPage();
    expect((await page.goto(link as string))?.status()).toBe(200);
    await expect(page.locator('main h1').textContent()).resolves.toBe(title);
    await expect(page.getByText('offentlighetsprincipen').count()).resolves.toBe(1);
    await expectAccessible(page, 'answer page (phone)');
    await expectNoHorizontalScroll(page, 'answer page (phone)');

    await page.getByRole('radio', { name: '4', exact: true }).check();
    await page.getByLabel('Infrastruktur', { exact: true }).selectOption({ label: m.page.place(1) });
    await page
      .getByLabel(/Vad saknar ni i infrastrukturen/)
      .fill('Bättre pendeltåg. Ring mig på 070-123 45 67 eller skriv till karin.holm@foretagarna.se');
    await page.getByRole('button', { name: m.page.submit }).click();
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(m.page.thanks);
    await expectAccessible(page, 'answer page after answering');
  });

  it('an anonymous answer through the public link counts too, and both show in the analysis', async () => {
    const page = staffPage;
    await page.goto(url(formPath));
    const publicLink = await page.getByRole('link', { name: /\/forms\/hassleholm\// }).getAttribute('href');
    const context = await phoneContext(browser, { locale: 'sv-SE' });
    contexts.push(context);
    const phone = await context.newPage();
    expect((await phone.goto(publicLink as string))?.status()).toBe(200);
    await expect(phone.getByText(m.privacy.anonymous).count()).resolves.toBe(1);
    await expectAccessible(phone, 'anonymous answer page');
    await expectNoHorizontalScroll(phone, 'anonymous answer page');
    await phone.getByRole('radio', { name: '2', exact: true }).check();
    await phone.getByLabel(/Vad saknar ni i infrastrukturen/).fill('Laddstolpar för lastbilar.');
    await phone.getByRole('button', { name: m.page.submit }).click();
    await expect(phone.getByRole('status').first().textContent()).resolves.toContain(m.page.thanks);

    await page.reload();
    await expect(page.getByText(m.console.answersCount(2, 1, 1)).count()).resolves.toBe(1);
    await expect(page.getByText('Laddstolpar för lastbilar.').count()).resolves.toBe(1);
    await expect(page.getByText(/Bättre pendeltåg/).count()).resolves.toBe(1);
    await expect(page.locator('svg.chart').count()).resolves.toBeGreaterThan(0);
    await expectAccessible(page, 'analysis with answers');
  });

  it('the masked export hides the phone number and the email address written in the free text', async () => {
    const response = await staffPage.request.get(url(`${formPath}/export.csv?redact=1`));
    expect(response.status()).toBe(200);
    const csv = await response.text();
    expect(csv).toContain('Bättre pendeltåg. Ring mig på [phone] eller skriv till [e-mail]');
    expect(csv).not.toContain('070-123 45 67');
    expect(csv).not.toContain('karin.holm@foretagarna.se');
    expect(csv).toContain(`${m.console.exportMasked}: 2`);
  });

  it('the screen for the room shows a new answer without reloading', async () => {
    const page = staffPage;
    await page.goto(url(`${formPath}/live`));
    await expectAccessible(page, 'live screen');
    await expect(page.getByText(m.console.answersCount(2, 1, 1)).count()).resolves.toBe(1);
    // Mark the document: a reload would lose the mark.
    await page.evaluate(() => {
      (window as unknown as { stayed: boolean }).stayed = true;
    });
    const publicPath = `/forms/hassleholm/${formPath.split('/').pop()}`;
    const context = await phoneContext(browser, { locale: 'sv-SE' });
    contexts.push(context);
    const phone = await context.newPage();
    await phone.goto(url(publicPath));
    await phone.getByRole('radio', { name: '5', exact: true }).check();
    await phone.getByRole('button', { name: m.page.submit }).click();
    await expect(phone.getByRole('status').first().textContent()).resolves.toContain(m.page.thanks);
    await page.getByText(m.console.answersCount(3, 1, 2)).waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  });
});
