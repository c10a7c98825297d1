import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.js';
import { onOutcomePublished } from '../../shared/feedback/actions/hear-back.js';
import type { Form } from '../../shared/feedback/form.js';
import { getContactAnswer } from '../../shared/feedback/store.js';
import { unsubscribe } from '../../shared/mail/store/suppressions.js';
import { documentClient } from '../../shared/platform/aws/clients.js';
import { emit, pendingEvent } from '../../shared/platform/bus/outbox.js';
import { signLinkToken } from '../../shared/platform/mail-kit/link-tokens.js';
import { OutcomePublished } from '../../shared/programmes/events.js';
import { staffClient, waitFor } from '../helpers.js';
import { addContacts, mailbox, recipientOf, type StoredMail } from '../mail-helpers.js';

/**
 * Closing the loop against the local runtime: consent to hear back is asked on the attributed
 * form and stored with its words and time (an anonymous answer cannot give it); when an outcome
 * on a theme, or a release tagged with it, is published, exactly the consenting feedback givers
 * of that theme get one mail each, in their language — not the unsubscribed, not those who
 * withdrew, not twice when the event is delivered again.
 */

let runtime: LocalRuntime;
type Api = Awaited<ReturnType<typeof staffClient>>;
let editor: Api;
let programme: { programmeId: string; themes: { id: string; title: string }[] };
let form: Form;
const run = Date.now().toString(36);
const email = (name: string) => `hb-${name}-${run}@example.com`;
const themeA = () => programme.themes[0]?.id as string;
const themeB = () => programme.themes[1]?.id as string;

/** A browser: keeps the CSRF cookie a page sets, and posts forms with it. */
function browser() {
  let csrf = '';
  const jar = (): Record<string, string> =>
    csrf ? { cookie: `samverkan_csrf=${encodeURIComponent(csrf)}` } : {};
  const remember = (response: Response) => {
    const set = /samverkan_csrf=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
    if (set) csrf = decodeURIComponent(set);
  };
  return {
    async get(path: string) {
      const response = await fetch(`${runtime.url}${path}`, { headers: jar() });
      remember(response);
      return { status: response.status, html: await response.text() };
    },
    async post(path: string, fields: Record<string, string>) {
      if (!csrf) await this.get(path);
      const response = await fetch(`${runtime.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...jar() },
        body: new URLSearchParams({ _csrf: csrf, ...fields }),
      });
      remember(response);
      return { status: response.status, html: await response.text() };
    },
  };
}

const linkOf = async (contactId: string) =>
  `/feedback/${await signLinkToken({ purpose: 'feedback', tenantId: 'hassleholm', subject: contactId, campaignId: form.formId }, 3600)}`;

async function answer(contactId: string, fields: Record<string, string>) {
  const response = await browser().post(await linkOf(contactId), { _revision: '0', ...fields });
  expect(response.status, response.html).toBe(200);
  return response;
}

const mailsTo = (mails: StoredMail[], who: string) => mails.filter((m) => recipientOf(m) === email(who));

async function hearBackIndex(themeId: string) {
  const { Items = [] } = await documentClient.send(
    new QueryCommand({
      TableName: runtime.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `T#hassleholm#HEARBACK#${themeId}` },
      ConsistentRead: true,
    }),
  );
  return Items.map((i) => String(i.contactId)).sort();
}

async function publishOutcome(themeId: string, title: string) {
  const path = `/api/programmes/${programme.programmeId}/outcomes`;
  const created = await editor.call('POST', path, { themeId, title, status: 'done', date: '2025-05-01' });
  expect(created.status, created.text).toBe(201);
  const published = await editor.call('POST', `${path}/${created.json.outcomeId}/publish`, {
    expectedVersion: 1,
  });
  expect(published.status, published.text).toBe(200);
  return published.json as {
    outcomeId: string;
    programmeId: string;
    themeId: string;
    version: number;
    publishedAt: string;
  };
}

beforeAll(async () => {
  runtime = await startLocalRuntime({ seed: true, log: () => {} });
  editor = await staffClient(runtime, 'staff-hlm-erik');
  const created = await editor.call('POST', '/api/programmes', {
    name: 'Slutna cirkeln',
    language: 'sv',
    startsOn: '2025-01-01',
    endsOn: '2025-12-31',
    themes: [{ title: 'Kommunal service' }, { title: 'Kompetensförsörjning' }],
  });
  expect(created.status, created.text).toBe(201);
  programme = created.json as typeof programme;
  const response = await editor.call('POST', '/api/forms', {
    programmeId: programme.programmeId,
    title: { sv: 'Tyck till', da: 'Sig din mening', en: 'Your views' },
    language: 'sv',
    anonymousLink: true,
    questions: [
      { id: 'service', type: 'long-text', label: { sv: 'Om servicen' }, themeId: themeA() },
      { id: 'kompetens', type: 'long-text', label: { sv: 'Om kompetens' }, themeId: themeB() },
      { id: 'rang', type: 'ranking', label: { sv: 'Rangordna' }, themeIds: [themeA(), themeB()] },
    ],
  });
  expect(response.status, response.text).toBe(201);
  form = response.json as unknown as Form;
  await addContacts(runtime, 'hassleholm', [
    { contactId: `anna-${run}`, email: email('anna') },
    { contactId: `bo-${run}`, email: email('bo'), language: 'da' },
    { contactId: `cia-${run}`, email: email('cia') },
    { contactId: `dan-${run}`, email: email('dan'), language: 'en' },
    { contactId: `eva-${run}`, email: email('eva') },
    { contactId: `fia-${run}`, email: email('fia') },
  ]);
});
afterAll(async () => {
  await runtime?.stop();
});

describe('closing the loop', () => {
  it('asks for consent on attributed answers only, and keeps what was ticked and when', async () => {
    const attributed = await browser().get(await linkOf(`anna-${run}`));
    expect(attributed.html).toContain('name="_hearBack"');
    expect(attributed.html).toContain('Berätta för mig vad det blir av det här');
    const anonymous = await browser().get(`/forms/hassleholm/${form.formId}`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.html).not.toContain('name="_hearBack"');

    // Anna (consents) gave views on theme A; Bo (consents, Danish) ranked A; Cia (no consent) on A;
    // Dan (consents, English) on B only; Eva (consents) on A but unsubscribed; Fia on A, then withdrew.
    await answer(`anna-${run}`, { service: 'Snabbare bygglov', _hearBack: 'yes' });
    await answer(`bo-${run}`, { [`rang.${themeA()}`]: '1', _hearBack: 'yes' });
    await answer(`cia-${run}`, { service: 'Bättre skyltning' });
    await answer(`dan-${run}`, { kompetens: 'Fler praktikplatser', service: '   ', _hearBack: 'yes' });
    await answer(`eva-${run}`, { service: 'Fler företagsbesök', _hearBack: 'yes' });
    await answer(`fia-${run}`, { service: 'Tydligare kontaktvägar', _hearBack: 'yes' });
    const fia = await browser().post(await linkOf(`fia-${run}`), {
      _revision: '1',
      service: 'Tydligare kontaktvägar',
    });
    expect(fia.status, fia.html).toBe(200);
    await unsubscribe('hassleholm', email('eva'), {
      at: new Date().toISOString(),
      source: 'test',
      contactId: `eva-${run}`,
    });
    // An anonymous answer that sends the box anyway: nothing to keep, no one to tell.
    const anon = await browser().post(`/forms/hassleholm/${form.formId}`, {
      service: 'Anonymt',
      _hearBack: 'yes',
    });
    expect(anon.status, anon.html).toBe(200);

    const anna = await getContactAnswer('hassleholm', form.formId, `anna-${run}`);
    expect(anna?.answer.hearBack).toMatchObject({
      text: 'Berätta för mig vad det blir av det här',
      language: 'sv',
    });
    expect(Date.now() - Date.parse(anna?.answer.hearBack?.at ?? '')).toBeLessThan(60_000);
    expect(
      (await getContactAnswer('hassleholm', form.formId, `cia-${run}`))?.answer.hearBack,
    ).toBeUndefined();
    expect(
      (await getContactAnswer('hassleholm', form.formId, `fia-${run}`))?.answer.hearBack,
    ).toBeUndefined();
    expect(await hearBackIndex(themeA())).toEqual([`anna-${run}`, `bo-${run}`, `eva-${run}`].sort());
    expect(await hearBackIndex(themeB())).toEqual([`dan-${run}`]);
  });

  it('an outcome published on a theme mails exactly its consenting givers, once, in their language', async () => {
    const outcome = await publishOutcome(themeA(), 'Fast telefontid för företagslotsen');
    const mails = await waitFor(
      async () => {
        const all = await mailbox(runtime);
        return mailsTo(all, 'anna').length && mailsTo(all, 'bo').length ? all : undefined;
      },
      30_000,
      'the hear-back mails',
    );
    const anna = mailsTo(mails, 'anna');
    expect(anna).toHaveLength(1);
    expect(anna[0]?.subject).toBe('Det här blev det av dina synpunkter: Kommunal service');
    expect(anna[0]?.body.text).toContain('Fast telefontid för företagslotsen');
    expect(anna[0]?.body.text).toContain(
      `/press/hassleholm/programmes/${programme.programmeId}#theme-${themeA()}`,
    );
    expect(mailsTo(mails, 'bo')[0]?.subject).toBe('Det kom der ud af dine synspunkter: Kommunal service');
    for (const who of ['cia', 'dan', 'eva', 'fia']) expect(mailsTo(mails, who), who).toHaveLength(0);

    // The event delivered again (through the bus, and straight to the reaction): no second mail.
    const detail = {
      tenantId: 'hassleholm',
      programmeId: outcome.programmeId,
      outcomeId: outcome.outcomeId,
      themeId: outcome.themeId,
      status: 'done' as const,
      version: outcome.version,
      publishedAt: outcome.publishedAt,
      actor: 'test',
    };
    await emit('hassleholm', [pendingEvent(OutcomePublished, detail)]);
    await onOutcomePublished(detail);
    await waitFor(
      () =>
        runtime.bus.published.filter(
          (e) =>
            e['detail-type'] === 'OutcomePublished' &&
            (e.detail as { outcomeId: string }).outcomeId === outcome.outcomeId,
        ).length === 2,
      15_000,
      'the redelivered event',
    );
    await new Promise((r) => setTimeout(r, 3000));
    const after = await mailbox(runtime);
    expect(mailsTo(after, 'anna')).toHaveLength(1);
    expect(mailsTo(after, 'bo')).toHaveLength(1);
  });

  it('a release tagged with both themes mails each consenting giver of either once, with its link', async () => {
    const created = await editor.call('POST', '/api/releases', {
      headline: 'Kommunen inför företagslots',
      lead: 'Kort.',
      body: 'Text.',
      language: 'sv',
      programmeId: programme.programmeId,
      themeIds: [themeA(), themeB()],
    });
    expect(created.status, created.text).toBe(201);
    const releaseId = created.json.releaseId as string;
    const published = await editor.call('POST', `/api/releases/${releaseId}/publish`, { expectedVersion: 1 });
    expect(published.status, published.text).toBe(200);
    const mails = await waitFor(
      async () => {
        const all = (await mailbox(runtime)).filter((m) => m.body.text?.includes(`/releases/${releaseId}`));
        return ['anna', 'bo', 'dan'].every((who) => mailsTo(all, who).length) ? all : undefined;
      },
      30_000,
      'the release hear-back mails',
    );
    expect(mailsTo(mails, 'dan')[0]?.subject).toBe(
      'What came of your views: Kommunal service, Kompetensförsörjning',
    );
    for (const who of ['anna', 'bo', 'dan']) expect(mailsTo(mails, who), who).toHaveLength(1);
    for (const who of ['cia', 'eva', 'fia']) expect(mailsTo(mails, who), who).toHaveLength(0);
  });
});
