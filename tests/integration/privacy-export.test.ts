import { GetCommand, PutCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.js';
import { answersSchema } from '../../shared/feedback/form.js';
import { getContactAnswer, listForms, submitAnswer } from '../../shared/feedback/store.js';
import { onAnswered, onInvited } from '../../shared/insight/actions/record.js';
import { addressKey } from '../../shared/mail/campaign.js';
import { unsubscribe } from '../../shared/mail/store/suppressions.js';
import { ensureInvitation } from '../../shared/meetings/store.js';
import { documentClient } from '../../shared/platform/aws/clients.js';
import { signLinkToken } from '../../shared/platform/mail-kit/link-tokens.js';
import { confirmSubscription, requestSubscription } from '../../shared/press/store/subscribers.js';
import { runErasure } from '../../shared/privacy/actions/erase.js';
import { todayIn } from '../../shared/privacy/request.js';
import { invitedContacts, postRsvp, publishedEvent, rsvpToken } from '../event-helpers.js';
import { consoleRequest, staffClient, waitFor } from '../helpers.js';
import { announcement, mailbox, recipientOf } from '../mail-helpers.js';

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
async function personEverywhere(
  email: string,
  name: string,
): Promise<{
  contactId: string;
  refs: string[];
  eventId: string;
  formId: string;
  subscriberId: string;
  segmentId: string;
  programmeId: string;
  campaignId: string;
}> {
  const refs: string[] = [];
  const admin = await staffClient(runtime, 'staff-hlm-anna');
  // Directory: a preview of an import that would create them (and someone else), not committed.
  const planned = await admin.call('POST', '/api/imports/preview', {
    csv: `Company,Organisation number,Name,Email\nSnickeri Exempel,,${name},${email}\nSnickeri Exempel,,Annan Planerad,planerad.${email.split('@')[0]}@annat-foretag.example\n`,
  });
  expect(planned.status, planned.text).toBe(200);
  expect(planned.json.summary).toMatchObject({ contactsToCreate: 2 });
  refs.push(`T#${TENANT}|IMPORT#${planned.json.importId as string}#PART#ROW#2`);

  // Directory: a contact through the staff API (with its email guard, as staff make them).
  const created = await admin.call('POST', '/api/contacts', {
    name: name,
    email: email,
    role: 'VD',
    lawfulBasis: { basis: 'legitimate-interest', source: 'näringslivsdag 2026' },
  });
  expect(created.status, created.text).toBe(201);
  const contactId = String(
    (created.json.contact as { contactId?: string } | undefined)?.contactId ?? created.json.contactId,
  );
  refs.push(`T#${TENANT}|CONTACT#${contactId}`);

  // Mail: a mailing to them (its delivery record is theirs); waited for at the end.
  const mailing = await admin.call('POST', '/api/campaigns', {
    name: `Nyhetsbrev till ${contactId}`,
    content: announcement('Nyhetsbrev från näringslivskontoret'),
    audience: { kind: 'contacts', contactIds: [contactId] },
  });
  expect(mailing.status, mailing.text).toBe(201);
  const campaignId = mailing.json.campaignId as string;
  expect((await admin.call('POST', `/api/campaigns/${campaignId}/send`)).status).toBe(202);

  // The demo form, whose programme the meeting belongs to (so insight counts the person).
  const form = (await listForms(TENANT))[0];
  if (!form) throw new Error('no demo form');

  // Meetings: an invitation, answered.
  const event = await publishedEvent(TENANT, {
    title: 'Frukostmöte om kompetens',
    programmeId: form.programmeId,
  });
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
    { email: email, name: name, topics: ['naringsliv'], regions: [], language: 'sv' },
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

  // The mailing went out (and SES reported it delivered) before they left the mailings; the
  // answer's confirmation went too. Their delivery records, found the test's own way (a Scan).
  await waitFor(
    async () => {
      const c = (await admin.call('GET', `/api/campaigns/${campaignId}`)).json.counters as Record<
        string,
        number
      >;
      return (c.delivered ?? 0) >= 1 ? c : undefined;
    },
    30_000,
    'the mailing to be delivered',
  );
  await waitFor(
    async () =>
      (await mailbox(runtime)).filter((m) => recipientOf(m) === email).length >= 2 ? true : undefined,
    30_000,
    'the mailing and the confirmation',
  );
  const deliveries = (await everyItem()).filter((i) => i.sk === `DELIVERY#${contactId}`);
  expect(deliveries.map((d) => d.campaignId)).toContain(campaignId);
  for (const d of deliveries) refs.push(`${d.pk}|${d.sk}`);
  // A mailing from before the recipients' index (gsi2): its campaign and delivery as the code of
  // that time wrote them (no index keys, no mark on the campaign).
  const oldCampaignId = `fore-index-${contactId}`;
  const campaignItem = (await everyItem()).find((i) => i.sk === `CAMPAIGN#${campaignId}`);
  const { deliveriesIndexed: _indexed, ...oldCampaign } = campaignItem ?? {};
  const {
    gsi2pk: _pk,
    gsi2sk: _sk,
    ...oldDelivery
  } = deliveries.find((d) => d.campaignId === campaignId) ?? {};
  for (const item of [
    {
      ...oldCampaign,
      sk: `CAMPAIGN#${oldCampaignId}`,
      campaignId: oldCampaignId,
      createdAt: '2026-03-02T08:00:00.000Z',
    },
    {
      ...oldDelivery,
      pk: `T#${TENANT}#CAMPAIGN#${oldCampaignId}`,
      campaignId: oldCampaignId,
      queuedAt: '2026-03-02T08:00:00.000Z',
    },
  ]) {
    await documentClient.send(new PutCommand({ TableName: runtime.tableName, Item: item }));
  }
  refs.push(`T#${TENANT}#CAMPAIGN#${oldCampaignId}|DELIVERY#${contactId}`);

  // Mail: the address left the tenant's mailings.
  await unsubscribe(TENANT, email, { at: new Date().toISOString(), source: 'one-click', contactId });
  refs.push(`T#${TENANT}|UNSUBSCRIBED#${addressKey(email)}`);

  // Mail: a hand-picked segment naming the contact beside a demo contact.
  const local = email.split('@')[0];
  const segment = await admin.call('POST', '/api/segments', {
    name: `Utvalda till frukostmötet (${local})`,
    audience: { kind: 'contacts', contactIds: [contactId, 'karin-holm'] },
  });
  expect(segment.status, segment.text).toBe(201);
  const segmentId = String((segment.json as { segmentId?: string }).segmentId);
  refs.push(`T#${TENANT}|SEGMENT#${segmentId}`);

  // Directory: an import whose row for the address was left out (a duplicate of the contact).
  const preview = await admin.call('POST', '/api/imports/preview', {
    csv: `Company,Organisation number,Name,Email\nSnickeri Exempel,,${name},${email}\nSnickeri Exempel,,Ny Kollega,kollega.${local}@annat-foretag.example\n`,
  });
  expect(preview.status, preview.text).toBe(200);
  expect(preview.json.summary).toMatchObject({ duplicates: 1 });
  const importId = preview.json.importId as string;
  const commit = await admin.call('POST', `/api/imports/${importId}/commit`, {
    lawfulBasis: 'legitimate-interest',
  });
  expect(commit.status, commit.text).toBe(200);
  refs.push(`T#${TENANT}|IMPORT#${importId}#REJECTED#ROW#2`);

  // Insight: the person counted as invited, answering and giving feedback in the programme (the
  // bus carries the events to insight's consumer).
  const markers = (['invited', 'answered', 'feedback'] as const).map(
    (stage) => [`T#${TENANT}#INSIGHT#${form.programmeId}`, `SEEN#${stage}#PERSON#${contactId}`] as const,
  );
  for (const [pk, sk] of markers) {
    await waitFor(
      async () =>
        (await documentClient.send(new GetCommand({ TableName: runtime.tableName, Key: { pk, sk } }))).Item,
      15_000,
      `insight's ${sk}`,
    );
    refs.push(`${pk}|${sk}`);
  }
  return {
    contactId,
    refs: refs.sort(),
    eventId: event.eventId,
    formId: form.formId,
    subscriberId,
    segmentId,
    programmeId: form.programmeId,
    campaignId,
  };
}

async function recordRequest(kind: 'access' | 'erasure', email = EMAIL, name = NAME) {
  const response = await consoleRequest(runtime, 'staff-hlm-anna', 'POST', '/console/privacy/requests', {
    kind,
    email,
    requesterName: name,
    identityCheck: 'e-id',
    receivedOn: todayIn('Europe/Stockholm'),
  });
  expect(response.status).toBe(303);
  return (response.headers.get('location') ?? '').split('/').at(-1)?.split('?')[0] as string;
}

describe('finding and exporting a person', () => {
  it('exports every item the person has in every capability, and nothing of anyone else, behind a signed link', async () => {
    // Prepare
    const { refs } = await personEverywhere(EMAIL, NAME);
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
      // The retention rule's clock is theirs to see too.
      data: { lastEngagedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) },
    });
    expect(body.items.find((i) => i.category === 'press-subscription')).toMatchObject({
      lawfulBasis: 'consent',
    });
    // Nothing of anyone else: the demo people of this tenant (Karin Holm answered the same form).
    expect(JSON.stringify(body)).not.toMatch(
      /karin-holm|johan-ek|Karin Holm|Johan Ek|Per Olsson|Annan Planerad/,
    );

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

async function getItem(pk: string, sk: string) {
  return (
    await documentClient.send(
      new GetCommand({ TableName: runtime.tableName, Key: { pk, sk }, ConsistentRead: true }),
    )
  ).Item;
}

/** Every item of the local table (a test's look at the whole, which the application never takes). */
async function everyItem() {
  const items: Record<string, unknown>[] = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await documentClient.send(
      new ScanCommand({ TableName: runtime.tableName, ExclusiveStartKey: cursor }),
    );
    items.push(...(page.Items ?? []));
    cursor = page.LastEvaluatedKey;
  } while (cursor);
  return items;
}

describe('erasing a person', () => {
  const ERASE_EMAIL = 'olof.raderas@snickeri-exempel.example';
  const ERASE_NAME = 'Olof Raderas';

  it('erases them everywhere, resumes after a crash halfway, keeps and lists the official answer, and never mails them again', async () => {
    // Prepare: feedback answers are official documents here; the person has data everywhere.
    const rule = await consoleRequest(runtime, 'staff-hlm-anna', 'POST', '/console/privacy/archive', {
      feedbackAnswersAreOfficial: 'on',
    });
    expect(rule.status).toBe(303);
    const person = await personEverywhere(ERASE_EMAIL, ERASE_NAME);
    const eventCounters = await getItem(`T#${TENANT}#EVENT#${person.eventId}`, 'COUNTERS');
    const formCounters = await getItem(`T#${TENANT}#FORM#${person.formId}`, 'COUNTERS');
    const subscribers = await getItem(`T#${TENANT}`, 'SUBSCRIBERS#COUNT#ALL');
    const insightCounters = await getItem(`T#${TENANT}#INSIGHT#${person.programmeId}`, 'COUNTS');
    const admin = await staffClient(runtime, 'staff-hlm-anna');
    const mailingCounters = (await admin.call('GET', `/api/campaigns/${person.campaignId}`)).json.counters;
    const requestId = await recordRequest('erasure', ERASE_EMAIL, ERASE_NAME);

    // Act 1: the eraser crashes after the meetings step (between capabilities).
    await expect(
      runErasure(TENANT, requestId, {
        afterStep: (step) => {
          if (step === 'meetings') throw new Error('crash between capabilities');
        },
      }),
    ).rejects.toThrow('crash between capabilities');
    // Halfway: the press room and meetings are done, the contact is still there, the request is open.
    expect(await getItem(`T#${TENANT}`, `SUBSCRIBER#${person.subscriberId}`)).toBeUndefined();
    expect(await getItem(`T#${TENANT}`, `CONTACT#${person.contactId}`)).toBeDefined();
    expect((await getItem(`T#${TENANT}`, `PRIVACYREQ#${requestId}`))?.status).toBe('received');

    // Act 2: the admin runs it (again): the event drives the eraser, which resumes.
    const run = await consoleRequest(
      runtime,
      'staff-hlm-anna',
      'POST',
      `/console/privacy/requests/${requestId}/erase`,
      {},
    );
    expect(run.status).toBe(303);
    const done = await waitFor(
      async () => {
        const page = await (
          await consoleRequest(runtime, 'staff-hlm-anna', 'GET', `/console/privacy/requests/${requestId}`)
        ).text();
        return page.includes('id="erasure-done"') ? page : undefined;
      },
      30_000,
      'the erasure to finish',
    );

    // Assess: done, and the kept answer listed with its reason.
    expect(done).toContain('data-status="done"');
    const answerRef = person.refs.find((r) => r.includes('#FORM#')) as string;
    expect(done).toContain(`data-ref="${answerRef}"`);
    expect(done).toContain('Allmän handling');
    // No item holds their address or name, except the kept answer (which never held either).
    const holding = (await everyItem()).filter((item) => {
      const text = JSON.stringify(item);
      return text.includes(ERASE_EMAIL) || text.includes(ERASE_NAME);
    });
    expect(holding.map((i) => `${i.pk}|${i.sk}`)).toEqual([]);
    // The kept answer: pseudonymised, still counted.
    const [answerPk, answerSk] = answerRef.split('|') as [string, string];
    const answer = await getItem(answerPk, answerSk);
    expect(answer?.contactId).toMatch(/^erased-/);
    expect(answer?.pseudonymised).toBe(true);
    expect(await getItem(`T#${TENANT}#FORM#${person.formId}`, 'COUNTERS')).toEqual(formCounters);
    // The invitation keeps its seat (the event's counters are unchanged) without what they wrote.
    const invitation = await getItem(`T#${TENANT}#EVENT#${person.eventId}`, `INVITE#${person.contactId}`);
    expect(invitation).toMatchObject({ status: 'attending', seats: 1, names: [], erased: true });
    expect(await getItem(`T#${TENANT}#EVENT#${person.eventId}`, 'COUNTERS')).toEqual(eventCounters);
    // The subscription ended as leaving does: one subscriber fewer.
    expect((await getItem(`T#${TENANT}`, 'SUBSCRIBERS#COUNT#ALL'))?.subscribers).toBe(
      Number(subscribers?.subscribers) - 1,
    );
    // The hand-picked segment stays, without them; insight's figures stay, without their markers.
    const segmentRef = `T#${TENANT}|SEGMENT#${person.segmentId}`;
    expect((await getItem(`T#${TENANT}`, `SEGMENT#${person.segmentId}`))?.audience).toEqual({
      kind: 'contacts',
      contactIds: ['karin-holm'],
    });
    expect(await getItem(`T#${TENANT}#INSIGHT#${person.programmeId}`, 'COUNTS')).toEqual(insightCounters);
    // The mailing's figures still count the delivery whose record went.
    expect((await admin.call('GET', `/api/campaigns/${person.campaignId}`)).json.counters).toEqual(
      mailingCounters,
    );
    // Every other ref is gone (insight's markers among them).
    for (const ref of person.refs.filter(
      (r) => r !== answerRef && r !== segmentRef && !r.includes('#EVENT#'),
    )) {
      const [pk, sk] = ref.split('|') as [string, string];
      expect(await getItem(pk, sk), ref).toBeUndefined();
    }
    // Insight's events about them delivered again after the erasure (a retry, a redrive from the
    // dead-letter queue): no marker of theirs comes back, and nothing is counted twice.
    const kept = await getItem(`T#${TENANT}#EVENT#${person.eventId}`, `INVITE#${person.contactId}`);
    const late = {
      tenantId: TENANT,
      eventId: person.eventId,
      contactId: person.contactId,
      organisationId: String(kept?.organisationId),
      at: new Date().toISOString(),
    };
    await onInvited(late);
    await onAnswered(late);
    const insightItems = await documentClient.send(
      new QueryCommand({
        TableName: runtime.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `T#${TENANT}#INSIGHT#${person.programmeId}` },
      }),
    );
    expect(
      (insightItems.Items ?? []).filter((i) => String(i.sk).includes(person.contactId)).map((i) => i.sk),
    ).toEqual([]);
    expect(await getItem(`T#${TENANT}#INSIGHT#${person.programmeId}`, 'COUNTS')).toEqual(insightCounters);
    // The audit log has the erasure, without the address.
    const audit = await (
      await consoleRequest(runtime, 'staff-hlm-anna', 'GET', '/console/privacy/audit')
    ).text();
    expect(audit).toContain('Radering');
    expect(audit).toContain('Gallringsregel ändrad');

    // Repeated: the same state.
    const before = (await everyItem()).filter(
      (i) => String(i.pk).startsWith(`T#${TENANT}`) && !String(i.pk).endsWith('#OUTBOX'),
    );
    await runErasure(TENANT, requestId);
    const after = (await everyItem()).filter(
      (i) => String(i.pk).startsWith(`T#${TENANT}`) && !String(i.pk).endsWith('#OUTBOX'),
    );
    expect(after.length).toBe(before.length);

    // Re-imported and mailed: the erased address gets nothing; the other recipient gets the mail.
    for (const [name, email] of [
      [ERASE_NAME, ERASE_EMAIL],
      ['Kontroll Person', 'kontroll.person@snickeri-exempel.example'],
    ] as const) {
      const again = await admin.call('POST', '/api/contacts', {
        name,
        email,
        tags: ['aterimport'],
        lawfulBasis: { basis: 'legitimate-interest' },
      });
      expect(again.status, again.text).toBe(201);
    }
    const campaign = await admin.call('POST', '/api/campaigns', {
      name: 'Efter radering',
      content: announcement('Efter radering'),
      audience: { kind: 'tags', tags: ['aterimport'] },
    });
    expect(campaign.status).toBe(201);
    const campaignId = campaign.json.campaignId as string;
    expect((await admin.call('POST', `/api/campaigns/${campaignId}/send`)).status).toBe(202);
    const counters = await waitFor(
      async () => {
        const c = (await admin.call('GET', `/api/campaigns/${campaignId}`)).json.counters as Record<
          string,
          number
        >;
        return (c.sent ?? 0) + (c.skipped ?? 0) >= 2 ? c : undefined;
      },
      30_000,
      'the campaign to settle',
    );
    expect(counters).toMatchObject({ sent: 1, skipped: 1 });
    const mails = await waitFor(async () => {
      const all = (await mailbox(runtime)).filter((m) => m.subject === 'Efter radering');
      return all.length >= 1 ? all : undefined;
    });
    expect(mails.map(recipientOf)).toEqual(['kontroll.person@snickeri-exempel.example']);
  });
});

describe('bulk downloads', () => {
  it("are audited: each of many people's files staff download is in the audit log with who, what and how many, and no address", async () => {
    // Prepare: an event with two invitations, and an import whose one duplicate row was left out.
    const staff = 'staff-hlm-anna';
    const event = await publishedEvent(TENANT, { title: 'Lunchmöte om etableringar' });
    await invitedContacts(runtime, event, 2, { prefix: `bulk-${Date.now()}` });
    const form = (await listForms(TENANT))[0];
    if (!form) throw new Error('no demo form');
    const admin = await staffClient(runtime, staff);
    const tag = Date.now();
    const preview = await admin.call('POST', '/api/imports/preview', {
      csv: `Company,Organisation number,Name,Email\nBulk AB,,Ann,ann.${tag}@bulk.example\nBulk AB,,Ann igen,ann.${tag}@bulk.example\n`,
    });
    expect(preview.json.summary).toMatchObject({ duplicates: 1 });
    const importId = preview.json.importId as string;

    // Act: the four downloads of many people's data.
    for (const path of [
      `/console/events/${event.eventId}/export.csv`,
      `/console/forms/${form.formId}/export.csv`,
      '/console/press-subscribers/export',
      `/console/imports/${importId}/rejected.csv`,
    ]) {
      const response = await consoleRequest(runtime, staff, 'GET', path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toContain('text/csv');
      await response.arrayBuffer();
    }

    // Assess: one entry each (the bus carries them to the audit log's writer), counted, no address.
    const expected = [
      `event-answers (${event.eventId})`,
      `feedback-answers (${form.formId})`,
      'press-subscribers',
      `import-rows-left-out (${importId})`,
    ];
    const page = await waitFor(
      async () => {
        const html = await (await consoleRequest(runtime, staff, 'GET', '/console/privacy/audit')).text();
        return expected.every((what) => html.includes(`<td>${what}</td>`)) ? html : undefined;
      },
      15_000,
      'the downloads in the audit log',
    );
    const entry = (what: string) =>
      new RegExp(
        `<td>([^<]*)</td><td>Massexport</td><td>${what.replace(/[()]/g, '\\$&')}</td><td class="num">(\\d+)</td>`,
      ).exec(page);
    for (const what of expected) expect(entry(what)?.[1], what).toBe(staff);
    expect(entry(`import-rows-left-out (${importId})`)?.[2]).toBe('1');
    expect(page.match(new RegExp(`<td>event-answers \\(${event.eventId}\\)</td>`, 'g'))).toHaveLength(1);
    expect(page).not.toMatch(/<td>[^<]*@[^<]*<\/td>/);
    expect(page).not.toContain('bulk.example');
  });
});
