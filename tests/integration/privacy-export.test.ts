import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.js';
import { answersSchema } from '../../shared/feedback/form.js';
import { getContactAnswer, listForms, submitAnswer } from '../../shared/feedback/store.js';
import { addressKey } from '../../shared/mail/campaign.js';
import { unsubscribe } from '../../shared/mail/store/suppressions.js';
import { ensureInvitation } from '../../shared/meetings/store.js';
import { documentClient } from '../../shared/platform/aws/clients.js';
import { signLinkToken } from '../../shared/platform/mail-kit/link-tokens.js';
import { confirmSubscription, requestSubscription } from '../../shared/press/store/subscribers.js';
import { todayIn } from '../../shared/privacy/request.js';
import { postRsvp, publishedEvent, rsvpToken } from '../event-helpers.js';
import { consoleRequest, staffClient } from '../helpers.js';

/**
 * Finding and exporting a person (Art. 15/20) against the local runtime: a person with data in
 * every capability, made by the test, is found by address through each capability's public
 * face; the export behind its signed link lists exactly those items (nothing of anyone else)
 * with purpose, lawful basis and source; a tampered, foreign or expired link is a plain 404.
 */

let runtime: LocalRuntime;

beforeAll(async () => {
  runtime = await startLocalRuntime({ seed: true, log: () => {} });
});
afterAll(async () => {
  await runtime?.stop();
});

const TENANT = 'hassleholm';
const EMAIL = 'eva.exempel@verkstad-exempel.example';
const NAME = 'Eva Exempel';

/** A person with data in every capability; returns the refs of everything the test made. */
async function personEverywhere(): Promise<{ contactId: string; refs: string[] }> {
  const refs: string[] = [];
  // Directory: a contact through the staff API (with its email guard, as staff make them).
  const admin = await staffClient(runtime, 'staff-hlm-anna');
  const created = await admin.call('POST', '/api/contacts', {
    name: NAME,
    email: EMAIL,
    role: 'VD',
    lawfulBasis: { basis: 'legitimate-interest', source: 'näringslivsdag 2026' },
  });
  expect(created.status, created.text).toBe(201);
  const contactId = String(
    (created.json.contact as { contactId?: string } | undefined)?.contactId ?? created.json.contactId,
  );
  refs.push(`T#${TENANT}|CONTACT#${contactId}`);

  // Meetings: an invitation, answered.
  const event = await publishedEvent(TENANT, { title: 'Frukostmöte om kompetens' });
  await ensureInvitation({
    tenantId: TENANT,
    eventId: event.eventId,
    contactId,
    organisationId: 'org-eva',
    organisationType: 'company',
  });
  const rsvp = await postRsvp(runtime, await rsvpToken(event, contactId), {
    answer: 'attend',
    seats: '1',
    dietary: ['vegetarian'],
  });
  expect(rsvp.status).toBe(200);
  refs.push(`T#${TENANT}#EVENT#${event.eventId}|INVITE#${contactId}`);

  // Feedback: an attributed answer to the demo form.
  const form = (await listForms(TENANT))[0];
  if (!form) throw new Error('no demo form');
  const values: Record<string, unknown> = {};
  for (const q of form.questions) {
    if (q.type === 'rating') values[q.id] = 4;
    if (q.type === 'long-text' && !Object.values(values).some((v) => typeof v === 'string'))
      values[q.id] = 'Fler praktikplatser';
  }
  await submitAnswer(form, answersSchema(form.questions).parse(values), {
    contactId,
    organisationId: 'org-eva',
    organisationType: 'company',
  });
  const answer = await getContactAnswer(TENANT, form.formId, contactId);
  refs.push(`T#${TENANT}#FORM#${form.formId}|${answer?.sk}`);

  // Press: a confirmed subscription, with its consent log.
  const at = new Date();
  const { subscriberId } = await requestSubscription(
    TENANT,
    { email: EMAIL, name: NAME, topics: ['naringsliv'], regions: [], language: 'sv' },
    { at: at.toISOString(), source: 'newsroom-form', language: 'sv', text: 'Jag vill få pressmeddelanden.' },
    at,
  );
  await confirmSubscription(TENANT, subscriberId, new Date(at.getTime() + 60_000));
  refs.push(`T#${TENANT}|SUBSCRIBER#${subscriberId}`);
  const { Items: consents = [] } = await documentClient.send(
    new QueryCommand({
      TableName: runtime.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `T#${TENANT}#SUBSCRIBER#${subscriberId}` },
    }),
  );
  expect(consents.length).toBeGreaterThanOrEqual(1);
  for (const c of consents) refs.push(`${c.pk}|${c.sk}`);

  // Mail: the address left the tenant's mailings.
  await unsubscribe(TENANT, EMAIL, { at: new Date().toISOString(), source: 'one-click', contactId });
  refs.push(`T#${TENANT}|UNSUBSCRIBED#${addressKey(EMAIL)}`);
  return { contactId, refs: refs.sort() };
}

async function recordRequest(kind: 'access' | 'erasure', email = EMAIL) {
  const response = await consoleRequest(runtime, 'staff-hlm-anna', 'POST', '/console/privacy/requests', {
    kind,
    email,
    requesterName: NAME,
    identityCheck: 'e-id',
    receivedOn: todayIn('Europe/Stockholm'),
  });
  expect(response.status).toBe(303);
  return (response.headers.get('location') ?? '').split('/').at(-1)?.split('?')[0] as string;
}

describe('finding and exporting a person', () => {
  it('exports every item the person has in every capability, and nothing of anyone else, behind a signed link', async () => {
    // Prepare
    const { refs } = await personEverywhere();
    const requestId = await recordRequest('access');

    // Act: the admin makes the link; the person opens it.
    const prepared = await consoleRequest(
      runtime,
      'staff-hlm-anna',
      'POST',
      `/console/privacy/requests/${requestId}/export`,
      {},
    );
    expect(prepared.status).toBe(200);
    const console = await prepared.text();
    const url = /id="export-link">([^<]+)</.exec(console)?.[1] as string;
    expect(url).toMatch(/\/privacy-export\/[\w-]+\.[\w-]+\.[\w-]+$/);
    const path = new URL(url).pathname;
    const page = await fetch(`${runtime.url}${path}`);
    const json = await fetch(`${runtime.url}${path}/json`);

    // Assess: exactly the test's list, with purpose, basis and source, in the tenant's language.
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect([...html.matchAll(/data-ref="([^"]+)"/g)].map((m) => m[1]).sort()).toEqual(refs);
    expect(html).toContain('Dina personuppgifter hos');
    expect(html).toContain('Samtycke (art. 6.1 a)');
    expect(html).toContain('Jag vill få pressmeddelanden.');
    expect(json.status).toBe(200);
    const body = (await json.json()) as {
      items: { ref: string; category: string; lawfulBasis: string; source: string }[];
    };
    expect(body.items.map((i) => i.ref).sort()).toEqual(refs);
    expect(body.items.find((i) => i.category === 'contact')).toMatchObject({
      lawfulBasis: 'legitimate-interest',
      source: 'näringslivsdag 2026',
    });
    expect(body.items.find((i) => i.category === 'press-subscription')).toMatchObject({
      lawfulBasis: 'consent',
    });
    // Nothing of anyone else: the demo people of this tenant (Karin Holm answered the same form).
    expect(JSON.stringify(body)).not.toMatch(/karin-holm|johan-ek|Karin Holm|Johan Ek|Per Olsson/);

    // The export is in the audit log, with its count and without the address.
    const audit = await (
      await consoleRequest(runtime, 'staff-hlm-anna', 'GET', '/console/privacy/audit')
    ).text();
    expect(audit).toContain('Export');
    expect(audit).not.toContain(EMAIL);

    // A tampered, foreign-purpose or expired link, or another tenant's request: the same 404.
    const token = path.split('/').at(-1) as string;
    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    const otherPurpose = await signLinkToken(
      { purpose: 'feedback', tenantId: TENANT, subject: requestId },
      3600,
    );
    const expired = await new SignJWT({ p: 'x', t: TENANT })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(requestId)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(process.env.LINK_SIGNING_SECRET));
    const foreignTenant = await signLinkToken(
      { purpose: 'privacy-export', tenantId: 'helsingor', subject: requestId },
      3600,
    );
    const missing = await fetch(`${runtime.url}/privacy-export/nothing-here`);
    expect(missing.status).toBe(404);
    const missingText = await missing.text();
    for (const bad of [tampered, otherPurpose, expired, foreignTenant]) {
      for (const suffix of ['', '/json']) {
        const response = await fetch(`${runtime.url}/privacy-export/${bad}${suffix}`);
        expect(response.status, `${bad}${suffix}`).toBe(404);
        expect(await response.text()).toBe(missingText);
      }
    }
  });
});
