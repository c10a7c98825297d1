import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.js';
import type { Form } from '../../shared/feedback/form.js';
import { getContactAnswer, getForm, getFormCounters } from '../../shared/feedback/store.js';
import { documentClient } from '../../shared/platform/aws/clients.js';
import { signLinkToken } from '../../shared/platform/mail-kit/link-tokens.js';
import { staffClient } from '../helpers.js';

/**
 * The answer pages against the local runtime: attributed through a contact's signed link (one
 * answer, editable until closing), anonymous through the public link (nothing identifying kept,
 * rate limited), the public-records notice in the respondent's language, and bad input refused
 * with nothing written.
 */

let runtime: LocalRuntime;
type Api = Awaited<ReturnType<typeof staffClient>>;
let admin: Api;
let helAdmin: Api;

beforeAll(async () => {
  runtime = await startLocalRuntime({ seed: true, log: () => {} });
  [admin, helAdmin] = await Promise.all([
    staffClient(runtime, 'staff-hlm-anna'),
    staffClient(runtime, 'staff-hel-mette'),
  ]);
});
afterAll(async () => {
  await runtime?.stop();
});

async function createForm(api: Api, over: Record<string, unknown> = {}): Promise<Form> {
  const programme = (
    (await api.call('GET', '/api/programmes')).json.items as {
      programmeId: string;
      themes: { id: string }[];
    }[]
  )[0];
  if (!programme) throw new Error('no programme');
  const response = await api.call('POST', '/api/forms', {
    programmeId: programme.programmeId,
    title: {
      sv: 'Tyck till om programmet',
      da: 'Sig din mening om programmet',
      en: 'Your views on the programme',
    },
    language: 'sv',
    questions: [
      {
        id: 'betyg',
        type: 'rating',
        label: { sv: 'Hur nöjd är du?', da: 'Hvor tilfreds er du?' },
        scale: 5,
        required: true,
      },
      {
        id: 'rang',
        type: 'ranking',
        label: { sv: 'Rangordna', da: 'Rangordn' },
        themeIds: programme.themes.slice(0, 3).map((t) => t.id),
      },
      {
        id: 'fritt',
        type: 'long-text',
        label: { sv: 'Något mer?', da: 'Andet?' },
        themeId: programme.themes[0]?.id,
      },
    ],
    ...over,
  });
  expect(response.status, response.text).toBe(201);
  return response.json as unknown as Form;
}

const feedbackToken = (tenantId: string, contactId: string, formId: string) =>
  signLinkToken({ purpose: 'feedback', tenantId, subject: contactId, campaignId: formId }, 3600);

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
      return { status: response.status, html: await response.text(), headers: response.headers };
    },
    async post(path: string, form: Record<string, string | string[]>) {
      if (!csrf) await this.get(path);
      const body = new URLSearchParams({ _csrf: csrf });
      for (const [key, value] of Object.entries(form)) for (const v of [value].flat()) body.append(key, v);
      const response = await fetch(`${runtime.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...jar() },
        body,
      });
      remember(response);
      return { status: response.status, html: await response.text(), headers: response.headers };
    },
  };
}

async function answerItems(tenantId: string, formId: string) {
  const { Items } = await documentClient.send(
    new QueryCommand({
      TableName: runtime.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :a)',
      ExpressionAttributeValues: { ':pk': `T#${tenantId}#FORM#${formId}`, ':a': 'ANSWER#' },
      ConsistentRead: true,
    }),
  );
  return Items ?? [];
}

describe('attributed answers through a contact’s signed link', () => {
  it('shows the form with the public-records notice, takes one answer, lets it be edited, refuses a second', async () => {
    const form = await createForm(admin);
    const path = `/feedback/${await feedbackToken('hassleholm', 'karin-holm', form.formId)}`;
    const b = browser();
    const page = await b.get(path);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Tyck till om programmet');
    expect(page.html).toContain('offentlighetsprincipen');
    expect(page.html).toContain('svara anonymt');

    const first = await b.post(path, {
      _revision: '0',
      betyg: '4',
      fritt: '<script>alert(1)</script> Bra dialog',
    });
    expect(first.status, first.html).toBe(200);
    expect(first.html).toContain('Ditt svar är sparat');
    expect(first.html).not.toContain('<script>alert(1)</script>');
    expect(first.html).toContain('&lt;script>alert(1)&lt;/script>');
    const stored = await getContactAnswer('hassleholm', form.formId, 'karin-holm');
    expect(stored?.answer).toMatchObject({
      attributed: true,
      contactId: 'karin-holm',
      organisationId: 'foretagarna-hassleholm',
      organisationType: 'business-association',
      industry: 'Näringslivsorganisation',
      answers: { betyg: 4, fritt: '<script>alert(1)</script> Bra dialog' },
      revision: 1,
    });

    // The same link again as a new answer (not an edit of the one shown): refused, nothing written.
    const second = await b.post(path, { _revision: '0', betyg: '1' });
    expect(second.status).toBe(409);
    expect(second.html).toContain('Du har redan svarat');
    expect(await answerItems('hassleholm', form.formId)).toHaveLength(1);

    // Opening the link again shows the answer to edit; saving it replaces it and moves the counters.
    const again = await b.get(path);
    expect(again.html).toContain('name="_revision" value="1"');
    const edit = await b.post(path, { _revision: '1', betyg: '2' });
    expect(edit.status, edit.html).toBe(200);
    expect(edit.html).toContain('Ditt ändrade svar är sparat');
    expect((await getContactAnswer('hassleholm', form.formId, 'karin-holm'))?.answer).toMatchObject({
      answers: { betyg: 2 },
      revision: 2,
    });
    expect(await getFormCounters('hassleholm', form.formId)).toMatchObject({
      answers: 1,
      attributed: 1,
      'q#betyg#v#2': 1,
      'q#betyg#v#4': 0,
    });
    expect((await getForm('hassleholm', form.formId))?.answerCount).toBe(1);

    // Closed: no answer and no edit is taken.
    await admin.call('POST', `/api/forms/${form.formId}/close`);
    const late = await b.post(path, { _revision: '2', betyg: '5' });
    expect(late.status).toBe(409);
    expect(late.html).toContain('stängt');
    expect((await getContactAnswer('hassleholm', form.formId, 'karin-holm'))?.answer.answers).toEqual({
      betyg: 2,
    });
  });

  it('speaks Danish to a Danish contact and names aktindsigt', async () => {
    const form = await createForm(helAdmin, { language: 'da' });
    const page = await browser().get(
      `/feedback/${await feedbackToken('helsingor', 'jens-m-ller', form.formId)}`,
    );
    expect(page.status).toBe(200);
    expect(page.html).toContain('lang="da"');
    expect(page.html).toContain('aktindsigt');
    expect(page.html).toContain('Sig din mening om programmet');
  });

  it('refuses answers that do not fit the form, naming the question, and writes nothing', async () => {
    const form = await createForm(admin);
    const path = `/feedback/${await feedbackToken('hassleholm', 'per-olsson', form.formId)}`;
    const b = browser();
    const missing = await b.post(path, { _revision: '0', fritt: 'x' });
    expect(missing.status).toBe(422);
    expect(missing.html).toContain('Svara på frågan.');
    expect(missing.html).toContain('aria-invalid="true"');
    const tooLong = await b.post(path, { _revision: '0', betyg: '3', fritt: 'x'.repeat(5001) });
    expect(tooLong.status).toBe(422);
    expect(tooLong.html).toContain('Högst 5000 tecken.');
    const outOfScale = await b.post(path, { _revision: '0', betyg: '9' });
    expect(outOfScale.status).toBe(422);
    const rankedTwice = await b.post(path, {
      _revision: '0',
      betyg: '3',
      [`rang.${form.questions[1]?.type === 'ranking' ? (form.questions[1].themeIds?.[0] ?? '') : ''}`]: '1',
      [`rang.${form.questions[1]?.type === 'ranking' ? (form.questions[1].themeIds?.[1] ?? '') : ''}`]: '1',
    });
    expect(rankedTwice.status).toBe(422);
    expect(rankedTwice.html).toContain('Ge varje plats högst en gång');
    const unknownQuestion = await b.post(path, { _revision: '0', betyg: '3', extra: 'x' });
    expect(unknownQuestion.status).toBe(422);
    expect(await answerItems('hassleholm', form.formId)).toHaveLength(0);
  });

  it('gives tampered, expired, foreign and wrong-purpose links the page of a missing form', async () => {
    const form = await createForm(admin);
    const good = await feedbackToken('hassleholm', 'sara-lund', form.formId);
    const [head, payload, signature] = good.split('.') as [string, string, string];
    const tampered = `${head}.${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    const foreignTenant = await feedbackToken('helsingor', 'jens-m-ller', form.formId);
    const unknownContact = await feedbackToken('hassleholm', 'nobody', form.formId);
    const expired = await signLinkToken(
      { purpose: 'feedback', tenantId: 'hassleholm', subject: 'sara-lund', campaignId: form.formId },
      1,
    );
    const rsvp = await signLinkToken(
      { purpose: 'rsvp', tenantId: 'hassleholm', subject: 'sara-lund', campaignId: form.formId },
      3600,
    );
    const b = browser();
    // A browser that has the form token of a real form page, so its posts pass the CSRF check.
    await b.get(`/feedback/${good}`);
    const reference = await b.get('/feedback/not-a-token');
    expect(reference.status).toBe(404);
    await new Promise((r) => setTimeout(r, 2100));
    for (const token of [tampered, expired, foreignTenant, unknownContact, rsvp]) {
      const got = await b.get(`/feedback/${token}`);
      expect(got.status).toBe(404);
      expect(got.html).toBe(reference.html);
      const posted = await b.post(`/feedback/${token}`, { _revision: '0', betyg: '3' });
      expect(posted.status).toBe(404);
    }
    expect(await answerItems('hassleholm', form.formId)).toHaveLength(0);
  });
});

describe('anonymous answers through the public link', () => {
  it('stores nothing that identifies the person: no contact, no address, the time to the minute, no cookie but the CSRF token', async () => {
    const form = await createForm(admin);
    const path = `/forms/hassleholm/${form.formId}`;
    const b = browser();
    const page = await b.get(path);
    expect(page.status).toBe(200);
    expect(page.html).toContain('anonymt formulär');
    expect(page.headers.getSetCookie().map((c) => c.split('=')[0])).toEqual(['samverkan_csrf']);
    const posted = await fetch(`${runtime.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: page.headers.getSetCookie()[0]?.split(';')[0] ?? '',
        'x-forwarded-for': '203.0.113.7',
        'user-agent': 'Identifying-Agent/1.0',
      },
      body: new URLSearchParams({
        _csrf: /name="_csrf" value="([^"]+)"/.exec(page.html)?.[1] ?? '',
        betyg: '5',
        fritt: 'Mer samverkan med skolorna',
      }),
    });
    expect(posted.status).toBe(200);
    expect(await posted.text()).toContain('Tack!');
    expect(posted.headers.getSetCookie().every((c) => c.startsWith('samverkan_csrf='))).toBe(true);
    const [item] = await answerItems('hassleholm', form.formId);
    expect(Object.keys(item ?? {}).sort()).toEqual(
      [
        'answerId',
        'answers',
        'attributed',
        'createdAt',
        'formId',
        'pk',
        'questionsVersion',
        'revision',
        'sk',
        'tenantId',
        'type',
        'updatedAt',
      ].sort(),
    );
    expect(item).toMatchObject({
      attributed: false,
      answers: { betyg: 5, fritt: 'Mer samverkan med skolorna' },
    });
    expect(String(item?.createdAt)).toMatch(/T\d{2}:\d{2}:00\.000Z$/);
    expect(JSON.stringify(item)).not.toMatch(/203\.0\.113|Identifying-Agent/);
    expect(await getFormCounters('hassleholm', form.formId)).toMatchObject({ answers: 1, anonymous: 1 });
  });

  it('limits each browser to a few answers a minute (429, nothing written)', async () => {
    const form = await createForm(admin);
    const path = `/forms/hassleholm/${form.formId}`;
    const b = browser();
    // The limit counts per minute: start early in one, so all eleven fall in it.
    const second = new Date().getUTCSeconds();
    if (second > 45) await new Promise((r) => setTimeout(r, (61 - second) * 1000));
    for (let i = 0; i < 10; i++) expect((await b.post(path, { betyg: '3' })).status).toBe(200);
    const eleventh = await b.post(path, { betyg: '3' });
    expect(eleventh.status).toBe(429);
    expect(eleventh.html).toContain('För många svar');
    expect(await answerItems('hassleholm', form.formId)).toHaveLength(10);
    // Another browser is another client.
    expect((await browser().post(path, { betyg: '3' })).status).toBe(200);
  });

  it('is the missing-form page for a form without a public link, another tenant or a made-up id', async () => {
    const closedLink = await createForm(admin, { anonymousLink: false });
    const open = await createForm(admin);
    const b = browser();
    await b.get(`/forms/hassleholm/${open.formId}`);
    for (const path of [
      `/forms/hassleholm/${closedLink.formId}`,
      `/forms/helsingor/${open.formId}`,
      '/forms/hassleholm/nope',
    ]) {
      expect((await b.get(path)).status, path).toBe(404);
      expect((await b.post(path, { betyg: '3' })).status, path).toBe(404);
    }
    expect(await answerItems('hassleholm', closedLink.formId)).toHaveLength(0);
    expect(await answerItems('hassleholm', open.formId)).toHaveLength(0);
  });
});
