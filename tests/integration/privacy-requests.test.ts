import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.js';
import { contactKey } from '../../shared/directory/store/contacts.js';
import { engagedNow, recordEngagement } from '../../shared/directory/store/engagement.js';
import { emailGuardKey } from '../../shared/directory/store/organisations.js';
import { FeedbackAnswered } from '../../shared/feedback/events.js';
import { listForms } from '../../shared/feedback/store.js';
import { addressKey, idFromKey } from '../../shared/mail/campaign.js';
import { suppress } from '../../shared/mail/store/suppressions.js';
import { InvitationAnswered } from '../../shared/meetings/events.js';
import { documentClient } from '../../shared/platform/aws/clients.js';
import { pendingEvent, writeWithEvents } from '../../shared/platform/bus/outbox.js';
import { signLinkToken } from '../../shared/platform/mail-kit/link-tokens.js';
import { confirmSubscription, requestSubscription } from '../../shared/press/store/subscribers.js';
import { subscribeInputSchema } from '../../shared/press/subscription.js';
import { actOnRectification } from '../../shared/privacy/actions/rectification.js';
import { runRetention } from '../../shared/privacy/actions/retention.js';
import { addDays, dueDate, todayIn } from '../../shared/privacy/request.js';
import { getRequest, type PrivacyRequest } from '../../shared/privacy/store.js';
import { consoleRequest, staffClient, waitFor } from '../helpers.js';
import { announcement, mailbox, recipientOf } from '../mail-helpers.js';

/**
 * The register of data-subject requests against the local runtime: admins record a request
 * (due a calendar month later), non-admins are refused, another tenant's request is missing,
 * bad input names the field and writes nothing, every step is in the audit log without the
 * address, and the dashboard reminds admins of what is due soon until it is closed.
 */

let runtime: LocalRuntime;

beforeAll(async () => {
  runtime = await startLocalRuntime({ seed: true, log: () => {} });
});
afterAll(async () => {
  await runtime?.stop();
});

const EMAIL = 'karin.registrerad@example.se';

async function partition(pk: string) {
  const { Items = [] } = await documentClient.send(
    new QueryCommand({
      TableName: runtime.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk },
    }),
  );
  return Items;
}

async function getItem(pk: string, sk: string) {
  return (
    await documentClient.send(
      new GetCommand({ TableName: runtime.tableName, Key: { pk, sk }, ConsistentRead: true }),
    )
  ).Item;
}

describe('the requests register', () => {
  it('records a request for admins only, with its due date, audit entry and event; closing it ends the reminder', async () => {
    // Prepare: a request received 25 days ago is due within the week.
    const receivedOn = addDays(todayIn('Europe/Stockholm'), -25);
    const form = {
      kind: 'erasure',
      email: EMAIL,
      requesterName: 'Karin Registrerad',
      identityCheck: 'e-id',
      identityNote: 'BankID',
      receivedOn,
    };

    // Viewers and editors are refused, and nothing is written.
    for (const staff of ['staff-hlm-maria', 'staff-hlm-erik']) {
      expect((await consoleRequest(runtime, staff, 'GET', '/console/privacy')).status, staff).toBe(403);
      expect(
        (await consoleRequest(runtime, staff, 'POST', '/console/privacy/requests', form)).status,
        staff,
      ).toBe(403);
    }
    // Bad input: 422 naming the field, in the reader's language; nothing written.
    const bad = await consoleRequest(runtime, 'staff-hlm-anna', 'POST', '/console/privacy/requests', {
      ...form,
      email: 'inte en adress',
      receivedOn: '2026-02-30',
    });
    expect(bad.status).toBe(422);
    const badPage = await bad.text();
    expect(badPage).toContain('href="#f-email"');
    expect(badPage).toContain('href="#f-receivedOn"');
    expect(await partition('T#hassleholm#AUDIT')).toEqual([]);

    // Act
    const recorded = await consoleRequest(
      runtime,
      'staff-hlm-anna',
      'POST',
      '/console/privacy/requests',
      form,
    );

    // Assess
    expect(recorded.status).toBe(303);
    const location = recorded.headers.get('location') ?? '';
    expect(location).toMatch(/^\/console\/privacy\/requests\/[\w-]+\?recorded=1$/);
    const requestId = location.split('/').at(-1)?.split('?')[0] as string;
    const page = await (await consoleRequest(runtime, 'staff-hlm-anna', 'GET', location)).text();
    expect(page).toContain('Begäran är registrerad.');
    expect(page).toContain(EMAIL);
    expect(page).toContain('data-status="received"');

    const audit = await partition('T#hassleholm#AUDIT');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'request-recorded',
      actor: 'staff-hlm-anna',
      count: 1,
      requestId,
    });
    expect(JSON.stringify(audit)).not.toContain('karin');
    await waitFor(
      () =>
        runtime.bus.published.find(
          (e) =>
            e['detail-type'] === 'PrivacyRequestRecorded' &&
            (e.detail as { requestId?: string }).requestId === requestId,
        ),
      15_000,
      'PrivacyRequestRecorded',
    );
    const event = runtime.bus.published.find((e) => e['detail-type'] === 'PrivacyRequestRecorded');
    expect(event?.detail).toMatchObject({ kind: 'erasure', dueOn: dueDate(receivedOn) });
    expect(JSON.stringify(event)).not.toContain('karin');

    // Another tenant's admin: the same answer as an unknown id.
    const other = await consoleRequest(
      runtime,
      'staff-hel-mette',
      'GET',
      `/console/privacy/requests/${requestId}`,
    );
    expect(other.status).toBe(404);
    expect(
      (
        await consoleRequest(
          runtime,
          'staff-hel-mette',
          'POST',
          `/console/privacy/requests/${requestId}/status`,
          {
            status: 'done',
            from: 'received',
          },
        )
      ).status,
    ).toBe(404);

    // The dashboard reminds the admin (not the viewer) of the request due soon.
    const dashboard = await (await consoleRequest(runtime, 'staff-hlm-anna', 'GET', '/console')).text();
    expect(dashboard).toContain('privacy-due-heading');
    expect(dashboard).toContain(`/console/privacy/requests/${requestId}`);
    const viewerDashboard = await (
      await consoleRequest(runtime, 'staff-hlm-maria', 'GET', '/console')
    ).text();
    expect(viewerDashboard).not.toContain('privacy-due-heading');

    // A status change from a stale page is refused; from the current one it closes the request.
    const stale = await consoleRequest(
      runtime,
      'staff-hlm-anna',
      'POST',
      `/console/privacy/requests/${requestId}/status`,
      {
        status: 'done',
        from: 'in-progress',
      },
    );
    expect(stale.headers.get('location')).toContain('conflict=1');
    const done = await consoleRequest(
      runtime,
      'staff-hlm-anna',
      'POST',
      `/console/privacy/requests/${requestId}/status`,
      {
        status: 'done',
        from: 'received',
      },
    );
    expect(done.status).toBe(303);
    const after = await (
      await consoleRequest(runtime, 'staff-hlm-anna', 'GET', `/console/privacy/requests/${requestId}`)
    ).text();
    expect(after).toContain('data-status="done"');
    const dashboardAfter = await (await consoleRequest(runtime, 'staff-hlm-anna', 'GET', '/console')).text();
    expect(dashboardAfter).not.toContain(`/console/privacy/requests/${requestId}`);

    const auditPage = await (
      await consoleRequest(runtime, 'staff-hlm-anna', 'GET', '/console/privacy/audit')
    ).text();
    expect(auditPage).toContain('Status ändrad');
    expect(auditPage).toContain('Begäran registrerad');
    expect(auditPage).not.toContain(EMAIL);
    expect((await consoleRequest(runtime, 'staff-hlm-erik', 'GET', '/console/privacy/audit')).status).toBe(
      403,
    );
    // A cursor of another list is refused, naming the field.
    const foreign = Buffer.from(JSON.stringify({ pk: 'T#helsingor#AUDIT', sk: 'x' })).toString('base64url');
    expect(
      (await consoleRequest(runtime, 'staff-hlm-anna', 'GET', `/console/privacy/audit?cursor=${foreign}`))
        .status,
    ).toBe(422);
  });
});

describe('acting on an objection', () => {
  it('suppresses the address as objected (no more mail, the contact stays) and closes the request; once, for this tenant only', async () => {
    // Prepare: a contact who objects, and their request.
    const email = `invander.${Date.now()}@foretag-exempel.example`;
    const admin = await staffClient(runtime, 'staff-hlm-anna');
    const created = await admin.call('POST', '/api/contacts', {
      name: 'Ingrid Invänder',
      email,
      tags: ['invandning'],
      lawfulBasis: { basis: 'legitimate-interest' },
    });
    expect(created.status, created.text).toBe(201);
    const contactId = String(
      (created.json.contact as { contactId?: string } | undefined)?.contactId ?? created.json.contactId,
    );
    const recorded = await consoleRequest(runtime, 'staff-hlm-anna', 'POST', '/console/privacy/requests', {
      kind: 'objection',
      email,
      requesterName: 'Ingrid Invänder',
      identityCheck: 'email-reply',
      receivedOn: todayIn('Europe/Stockholm'),
    });
    const location = (recorded.headers.get('location') ?? '').split('?')[0] as string;
    const requestId = location.split('/').at(-1) as string;
    const suppressionKey = { pk: 'T#hassleholm', sk: `SUPPRESSION#${addressKey(email)}` };

    // Another tenant's admin cannot act on it: the same 404 as a request that does not exist.
    for (const path of [`${location}/carry-out`, '/console/privacy/requests/no-such-request/carry-out']) {
      const refused = await consoleRequest(runtime, 'staff-hel-mette', 'POST', path, {});
      expect(refused.status, path).toBe(404);
    }
    expect(await getItem(suppressionKey.pk, suppressionKey.sk)).toBeUndefined();

    // Act
    const acted = await consoleRequest(runtime, 'staff-hlm-anna', 'POST', `${location}/carry-out`, {});

    // Assess: suppressed as objected, the request done, the contact still there.
    expect(acted.status).toBe(303);
    expect(await getItem(suppressionKey.pk, suppressionKey.sk)).toMatchObject({
      reason: 'objected',
      source: `privacy-request:${requestId}`,
    });
    const page = await (await consoleRequest(runtime, 'staff-hlm-anna', 'GET', location)).text();
    expect(page).toContain('data-status="done"');
    expect(page).toContain('id="objection-done"');
    expect((await admin.call('GET', `/api/contacts/${contactId}`)).status).toBe(200);
    const audit = await (
      await consoleRequest(runtime, 'staff-hlm-anna', 'GET', '/console/privacy/audit')
    ).text();
    expect(audit).toContain('objection request: received → done');
    expect(audit).not.toContain(email);
    // Acting again on the closed request: told, nothing more written.
    const again = await consoleRequest(runtime, 'staff-hlm-anna', 'POST', `${location}/carry-out`, {});
    expect(again.headers.get('location')).toBe(`${location}?conflict=1`);
    // Only an objection is carried out this way.
    const access = await consoleRequest(runtime, 'staff-hlm-anna', 'POST', '/console/privacy/requests', {
      kind: 'access',
      email,
      requesterName: 'Ingrid Invänder',
      identityCheck: 'email-reply',
      receivedOn: todayIn('Europe/Stockholm'),
    });
    const accessLocation = (access.headers.get('location') ?? '').split('?')[0] as string;
    expect(
      (await consoleRequest(runtime, 'staff-hlm-anna', 'POST', `${accessLocation}/carry-out`, {})).status,
    ).toBe(404);

    // A mailing to them is skipped by the sender.
    const campaign = await admin.call('POST', '/api/campaigns', {
      name: 'Efter invändning',
      content: announcement('Efter invändning'),
      audience: { kind: 'contacts', contactIds: [contactId] },
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
        return (c.sent ?? 0) + (c.skipped ?? 0) >= 1 ? c : undefined;
      },
      30_000,
      'the mailing to settle',
    );
    expect(counters).toMatchObject({ sent: 0, skipped: 1 });
  });
});

describe('acting on a rectification', () => {
  it('corrects the contact from the request page (name, address, organisation), refuses bad input with words on the field and writes nothing, and closes the request', async () => {
    // Prepare: the contact, an organisation to move them to, another contact's address, the request.
    const tag = Date.now();
    const email = `rolf.fel.${tag}@foretag-exempel.example`;
    const corrected = `rolf.ratt.${tag}@foretag-exempel.example`;
    const taken = `annan.${tag}@foretag-exempel.example`;
    const admin = await staffClient(runtime, 'staff-hlm-anna');
    const contactIdOf = (r: { json: Record<string, unknown> }) =>
      String((r.json.contact as { contactId?: string } | undefined)?.contactId ?? r.json.contactId);
    const contactId = contactIdOf(
      await admin.call('POST', '/api/contacts', {
        name: 'Rolf Fel',
        email,
        lawfulBasis: { basis: 'legitimate-interest' },
      }),
    );
    await admin.call('POST', '/api/contacts', {
      name: 'Annan Kontakt',
      email: taken,
      lawfulBasis: { basis: 'legitimate-interest' },
    });
    const organisation = await admin.call('POST', '/api/organisations', { name: `Rätt Snickeri AB ${tag}` });
    expect(organisation.status, organisation.text).toBe(201);
    const organisationId = String(
      (organisation.json.organisation as { organisationId?: string } | undefined)?.organisationId ??
        organisation.json.organisationId,
    );
    const recorded = await consoleRequest(runtime, 'staff-hlm-anna', 'POST', '/console/privacy/requests', {
      kind: 'rectification',
      email,
      requesterName: 'Rolf Fel',
      identityCheck: 'e-id',
      receivedOn: todayIn('Europe/Stockholm'),
    });
    const location = (recorded.headers.get('location') ?? '').split('?')[0] as string;
    const form = await (await consoleRequest(runtime, 'staff-hlm-anna', 'GET', location)).text();
    expect(form).toContain('value="Rolf Fel"');
    expect(form).toContain(`value="${email}"`);
    const contact = async () => {
      const json = (await admin.call('GET', `/api/contacts/${contactId}`)).json;
      return (json.contact ?? json) as Record<string, unknown>;
    };
    const before = await contact();

    // Bad input and another contact's address: the page names the field, in Swedish; nothing written.
    for (const [fields, field, words] of [
      [{ name: 'Rolf Rätt', email: 'inte-en-adress', organisationId: '' }, 'email', undefined],
      [{ name: '', email: corrected, organisationId: '' }, 'name', undefined],
      [
        { name: 'Rolf Rätt', email: taken, organisationId: '' },
        'email',
        'En annan kontakt har redan den här adressen.',
      ],
    ] as const) {
      const refused = await consoleRequest(
        runtime,
        'staff-hlm-anna',
        'POST',
        `${location}/carry-out`,
        fields,
      );
      expect(refused.status, JSON.stringify(fields)).toBe(200);
      const html = await refused.text();
      expect(html).toContain(`id="f-${field}-error"`);
      if (words) expect(html).toContain(words);
    }
    expect(await contact()).toEqual(before);

    // Act
    const done = await consoleRequest(runtime, 'staff-hlm-anna', 'POST', `${location}/carry-out`, {
      name: 'Rolf Rätt',
      email: corrected,
      organisationId,
    });

    // Assess: corrected, the request done, the audit entry names the fields and not the values.
    expect(done.status).toBe(303);
    expect(await contact()).toMatchObject({ name: 'Rolf Rätt', email: corrected, organisationId });
    const page = await (await consoleRequest(runtime, 'staff-hlm-anna', 'GET', location)).text();
    expect(page).toContain('data-status="done"');
    expect(page).toContain('id="rectification-done"');
    const audit = await (
      await consoleRequest(runtime, 'staff-hlm-anna', 'GET', '/console/privacy/audit')
    ).text();
    expect(audit).toContain('rectification: name, email, organisationId');
    expect(audit).not.toContain(corrected);
    expect(audit).not.toContain('Rolf');
  });
  it('finishes a rectification whose request was not closed after the address was corrected (a crash), finding the contact by its new address', async () => {
    // Prepare: the contact and the request for its old address.
    const tag = Date.now();
    const email = `stina.gammal.${tag}@foretag-exempel.example`;
    const corrected = `stina.ny.${tag}@foretag-exempel.example`;
    const admin = await staffClient(runtime, 'staff-hlm-anna');
    const created = await admin.call('POST', '/api/contacts', {
      name: 'Stina Gammal',
      email,
      lawfulBasis: { basis: 'legitimate-interest' },
    });
    expect(created.status, created.text).toBe(201);
    const recorded = await consoleRequest(runtime, 'staff-hlm-anna', 'POST', '/console/privacy/requests', {
      kind: 'rectification',
      email,
      requesterName: 'Stina Gammal',
      identityCheck: 'e-id',
      receivedOn: todayIn('Europe/Stockholm'),
    });
    const location = (recorded.headers.get('location') ?? '').split('?')[0] as string;
    const requestId = location.split('/').pop() as string;
    const input = { name: 'Stina Ny', email: corrected };

    // Act 1: the address is corrected, then the closing never happens.
    const first = (await getRequest('hassleholm', requestId)) as PrivacyRequest;
    await expect(
      actOnRectification(first, input, 'staff-hlm-anna', new Date(), () => {
        throw new Error('crash after the correction');
      }),
    ).rejects.toThrow('crash after the correction');
    const form = await (await consoleRequest(runtime, 'staff-hlm-anna', 'GET', location)).text();

    // Act 2: the admin carries it out again from the page.
    const again = await consoleRequest(runtime, 'staff-hlm-anna', 'POST', `${location}/carry-out`, {
      ...input,
      organisationId: '',
    });

    // Assess: the form showed the corrected contact; the request is done; the audit names the
    // fields the first attempt changed.
    expect(form).toContain(`value="${corrected}"`);
    expect(again.status).toBe(303);
    const page = await (await consoleRequest(runtime, 'staff-hlm-anna', 'GET', location)).text();
    expect(page).toContain('data-status="done"');
    const audit = await (
      await consoleRequest(runtime, 'staff-hlm-anna', 'GET', '/console/privacy/audit')
    ).text();
    expect(audit).toContain('rectification: name, email');
    expect(audit).not.toContain(corrected);
  });
});

describe('retention', () => {
  it('removes exactly what the tenant’s rules say, logs each run once with its counts, and schedules the next', async () => {
    // Bad input: the field is named, nothing saved.
    const bad = await consoleRequest(runtime, 'staff-hlm-anna', 'POST', '/console/privacy/retention', {
      deliveryMonths: '0',
      feedbackAttributionMonths: '',
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('href="#f-deliveryMonths"');
    expect((await getItem('T#hassleholm', 'TENANT'))?.settings?.retention).toBeUndefined();

    const saved = await consoleRequest(runtime, 'staff-hlm-anna', 'POST', '/console/privacy/retention', {
      deliveryMonths: '13',
      feedbackAttributionMonths: '24',
    });
    expect(saved.status).toBe(303);
    expect((await getItem('T#hassleholm', 'TENANT'))?.settings?.retention).toEqual({
      deliveryMonths: 13,
      feedbackAttributionMonths: 24,
    });
    const today = todayIn('Europe/Stockholm');
    const schedule = await getItem('T#hassleholm', `SCHEDULE#retention-${addDays(today, 1)}`);
    expect(schedule).toMatchObject({ eventName: 'privacy.retention-due', status: 'pending' });

    // Prepare: a mailing finished 14 months ago and one finished last month, each with deliveries;
    // an attributed answer given 25 months ago beside the demo's recent ones.
    const now = new Date();
    const ago = (months: number) => new Date(now.getTime() - months * 31 * 86_400_000).toISOString();
    const campaigns = { old: randomUUID(), recent: randomUUID() };
    const puts: Record<string, unknown>[] = [];
    for (const [which, finishedAt, recipients] of [
      ['old', ago(14), 3],
      ['recent', ago(1), 2],
    ] as const) {
      const campaignId = campaigns[which];
      puts.push({
        pk: 'T#hassleholm',
        sk: `CAMPAIGN#${campaignId}`,
        type: 'campaign',
        campaignId,
        tenantId: 'hassleholm',
        name: `Utskick ${which}`,
        status: 'sent',
        createdAt: finishedAt,
        finishedAt,
      });
      puts.push({
        pk: 'T#hassleholm',
        sk: `CAMPAIGN#${campaignId}#COUNT#0`,
        type: 'campaign-counts',
        sent: recipients,
      });
      for (let i = 0; i < recipients; i++) {
        puts.push({
          pk: `T#hassleholm#CAMPAIGN#${campaignId}`,
          sk: `DELIVERY#c-${which}-${i}`,
          type: 'delivery',
          campaignId,
          contactId: `c-${which}-${i}`,
          status: 'sent',
        });
      }
    }
    const form = (await listForms('hassleholm'))[0];
    if (!form) throw new Error('no demo form');
    const formPk = `T#hassleholm#FORM#${form.formId}`;
    const oldSk = `ANSWER#${ago(25)}#old-answer`;
    puts.push({
      pk: formPk,
      sk: oldSk,
      type: 'answer',
      contactId: 'gammal-kontakt',
      organisationId: 'gammal-org',
      attributed: true,
      answers: {},
    });
    puts.push({ pk: formPk, sk: 'CONTACT#gammal-kontakt', type: 'feedback-respondent', answerSk: oldSk });
    for (const Item of puts)
      await documentClient.send(new PutCommand({ TableName: runtime.tableName, Item }));
    const recentAttributed = (await partition(formPk)).filter(
      (i) => String(i.sk).startsWith('ANSWER#') && i.contactId,
    );
    expect(recentAttributed.length).toBeGreaterThan(1);

    // Act: the night's run (what the schedule's event makes the consumer do).
    const result = await runRetention('hassleholm', today, now);

    // Assess: exactly the old mailing's deliveries and the old answer's name.
    expect(result).toEqual({ deliveries: 3, answers: 1 });
    expect(await partition(`T#hassleholm#CAMPAIGN#${campaigns.old}`)).toEqual([]);
    expect(await partition(`T#hassleholm#CAMPAIGN#${campaigns.recent}`)).toHaveLength(2);
    expect((await getItem('T#hassleholm', `CAMPAIGN#${campaigns.old}#COUNT#0`))?.sent).toBe(3);
    const oldAnswer = await getItem(formPk, oldSk);
    expect(oldAnswer).toMatchObject({ attributed: false, anonymised: true });
    expect(oldAnswer?.contactId).toBeUndefined();
    expect(await getItem(formPk, 'CONTACT#gammal-kontakt')).toBeUndefined();
    const stillAttributed = (await partition(formPk)).filter(
      (i) => String(i.sk).startsWith('ANSWER#') && i.contactId,
    );
    expect(stillAttributed.map((i) => i.sk)).toEqual(
      recentAttributed.filter((i) => i.sk !== oldSk).map((i) => i.sk),
    );
    expect(await getItem('T#hassleholm', `SCHEDULE#retention-${addDays(today, 1)}`)).toBeDefined();

    // A redelivered event: nothing more to remove, and the run is logged once.
    expect(await runRetention('hassleholm', today, now)).toEqual({ deliveries: 0, answers: 0 });
    const runs = (await partition('T#hassleholm#AUDIT')).filter((e) => e.action === 'retention-run');
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ count: 4, actor: 'system:privacy-retention' });
    const changes = (await partition('T#hassleholm#AUDIT')).filter(
      (e) => e.action === 'retention-rule-changed',
    );
    expect(changes).toHaveLength(1);
  });
});

describe('contacts without engagement', () => {
  it('records engagement: a contact added or edited by staff, an answer, feedback or a press subscription on the bus; never backwards', async () => {
    const staff = await staffClient(runtime, 'staff-hlm-anna');
    const created = await staff.call('POST', '/api/contacts', {
      name: 'Engagerad Person',
      email: `engagerad.${randomUUID().slice(0, 8)}@foretag.example`,
      lawfulBasis: { basis: 'legitimate-interest' },
    });
    expect(created.status).toBe(201);
    const contactId = String(created.json.contactId);
    const item = () => getItem('T#hassleholm', `CONTACT#${contactId}`);
    const added = await item();
    expect(added).toMatchObject({
      gsi2pk: 'T#hassleholm#ENGAGED',
      gsi2sk: `${added?.lastEngagedAt}#${contactId}`,
    });
    // Edited by staff: engaged again, later.
    const edited = await staff.call('PUT', `/api/contacts/${contactId}`, {
      name: 'Engagerad Person',
      email: String(created.json.email),
      role: 'VD',
    });
    expect(edited.status).toBe(200);
    const afterEdit = await item();
    expect(String(afterEdit?.lastEngagedAt) > String(added?.lastEngagedAt)).toBe(true);
    expect(afterEdit?.gsi2sk).toBe(`${afterEdit?.lastEngagedAt}#${contactId}`);

    // The same address confirms a press subscription (press.subscription-confirmed on the bus).
    const { subscriberId } = await requestSubscription(
      'hassleholm',
      subscribeInputSchema.parse({
        email: String(created.json.email),
        name: 'Engagerad Person',
        topics: ['naringsliv'],
        regions: [],
        language: 'sv',
      }),
      { at: new Date().toISOString(), source: 'test', language: 'sv', text: 'Ja tack' },
    );
    const confirmed = await confirmSubscription('hassleholm', subscriberId);
    const confirmedAt = String(confirmed?.confirmedAt);
    expect(confirmedAt > String(afterEdit?.lastEngagedAt)).toBe(true);
    await waitFor(async () => ((await item())?.lastEngagedAt === confirmedAt ? true : undefined));

    // An answer (written with its event, as meetings does) reaches the privacy consumer through the bus.
    const answeredAt = new Date(Date.now() + 60_000).toISOString();
    await writeWithEvents(
      'hassleholm',
      [],
      [
        pendingEvent(InvitationAnswered, {
          tenantId: 'hassleholm',
          eventId: 'e-engagement',
          contactId,
          invitationVersion: 2,
          status: 'attending',
          seats: 1,
          releasedSeats: 0,
          at: answeredAt,
          actor: 'contact',
        }),
      ],
    );
    await waitFor(async () => ((await item())?.lastEngagedAt === answeredAt ? true : undefined));
    expect((await item())?.gsi2sk).toBe(`${answeredAt}#${contactId}`);

    // Feedback given later moves it on; an older event delivered late (or again) does not move it back.
    const feedbackAt = new Date(Date.now() + 120_000).toISOString();
    await writeWithEvents(
      'hassleholm',
      [],
      [
        pendingEvent(FeedbackAnswered, {
          tenantId: 'hassleholm',
          formId: 'f-engagement',
          answerId: 'a-engagement',
          attributed: true,
          questionsVersion: 1,
          edit: false,
          at: feedbackAt,
          contactId,
        }),
      ],
    );
    await waitFor(async () => ((await item())?.lastEngagedAt === feedbackAt ? true : undefined));
    await recordEngagement('hassleholm', contactId, answeredAt);
    await recordEngagement('hassleholm', contactId, added?.lastEngagedAt as string);
    expect((await item())?.lastEngagedAt).toBe(feedbackAt);
  });

  it('notices a contact silent for N months once (in their language, with a keep link), keeps who keeps, erases the rest after the notice through the erasure path, and counts each run', async () => {
    const tenantId = 'hassleholm';
    const now = new Date();
    const monthsAgo = (months: number) => new Date(now.getTime() - months * 31 * 86_400_000).toISOString();
    const ids = {
      silent: `tyst-${randomUUID().slice(0, 8)}`,
      keeper: `stannar-${randomUUID().slice(0, 8)}`,
      suppressed: `studsar-${randomUUID().slice(0, 8)}`,
      answerer: `svarar-${randomUUID().slice(0, 8)}`,
      recent: `aktiv-${randomUUID().slice(0, 8)}`,
    };
    const emailOf = (id: string) => `${id}@inaktiv.example`;
    // Prepare: contacts as the directory writes them (with their last engagement; one from before
    // it was recorded), four silent for 14 months, one engaged last month; one silent address
    // bounced earlier (suppressed).
    for (const [id, engagedAt, language] of [
      [ids.silent, monthsAgo(14), 'da'],
      [ids.keeper, monthsAgo(14), 'sv'],
      [ids.suppressed, monthsAgo(14), 'sv'],
      [ids.answerer, monthsAgo(14), 'en'],
      [ids.recent, monthsAgo(1), 'sv'],
    ] as const) {
      await documentClient.send(
        new PutCommand({
          TableName: runtime.tableName,
          Item: {
            ...contactKey(tenantId, id),
            type: 'contact',
            tenantId,
            contactId: id,
            name: `Kontakt ${id}`,
            email: emailOf(id),
            language,
            createdAt: engagedAt,
            // The silent one was written before engagement was recorded: only its last change.
            ...(id === ids.silent ? { updatedAt: engagedAt } : engagedNow(tenantId, id, engagedAt)),
          },
        }),
      );
      // The bounced one predates address guards: the erasure finds it by the rule's contact id.
      if (id !== ids.suppressed)
        await documentClient.send(
          new PutCommand({
            TableName: runtime.tableName,
            Item: { ...emailGuardKey(tenantId, emailOf(id)), type: 'unique', kind: 'email', contactId: id },
          }),
        );
    }
    await suppress(tenantId, emailOf(ids.suppressed), 'bounce', { at: monthsAgo(2), source: 'test' });
    const today = todayIn('Europe/Stockholm');
    const state = (id: string) => getItem('T#hassleholm', `CONTACT#${id}`);

    // Rule off: nothing noticed.
    const off = await runRetention(tenantId, addDays(today, 50), now);
    expect(off?.contacts).toBeUndefined();
    expect((await state(ids.silent))?.noticedAt).toBeUndefined();

    // The admin sets N on the retention form: too small is refused on the field, nothing saved.
    const bad = await consoleRequest(runtime, 'staff-hlm-anna', 'POST', '/console/privacy/retention', {
      deliveryMonths: '13',
      feedbackAttributionMonths: '24',
      inactiveContactMonths: '2',
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('href="#f-inactiveContactMonths"');
    expect(
      (await getItem('T#hassleholm', 'TENANT'))?.settings?.retention?.inactiveContactMonths,
    ).toBeUndefined();
    const saved = await consoleRequest(runtime, 'staff-hlm-anna', 'POST', '/console/privacy/retention', {
      deliveryMonths: '13',
      feedbackAttributionMonths: '24',
      inactiveContactMonths: '12',
    });
    expect(saved.status).toBe(303);
    const changes = (await partition('T#hassleholm#AUDIT')).filter(
      (e) =>
        e.action === 'retention-rule-changed' && String(e.what).includes('contacts without engagement 12'),
    );
    expect(changes).toHaveLength(1);

    // Act: tonight's run notices the four silent contacts, and a second run nobody more.
    const first = await runRetention(tenantId, addDays(today, 51), now);
    expect(first?.contacts).toEqual({ noticed: 4, kept: 0, erased: 0 });
    expect((await state(ids.recent))?.noticedAt).toBeUndefined();
    const again = await runRetention(tenantId, addDays(today, 52), new Date(now.getTime() + 3_600_000));
    expect(again?.contacts).toEqual({ noticed: 0, kept: 0, erased: 0 });

    // One mail each, in the contact's language; the suppressed address is refused by the sender.
    const mails = await waitFor(async () => {
      const found = (await mailbox(runtime)).filter((m) => recipientOf(m).endsWith('@inaktiv.example'));
      return found.length >= 3 ? found : undefined;
    });
    const suppressedDelivery = await waitFor(async () => {
      const campaignId = idFromKey(
        `${tenantId}:retention-notice:${ids.suppressed}:${(await state(ids.suppressed))?.lastEngagedAt}`,
      );
      const item = await getItem(`T#hassleholm#CAMPAIGN#${campaignId}`, `DELIVERY#${ids.suppressed}`);
      return item?.status === 'skipped' ? item : undefined;
    });
    expect(suppressedDelivery.reason).toBe('suppressed');
    expect(mails.map(recipientOf).sort()).toEqual(
      [emailOf(ids.keeper), emailOf(ids.silent), emailOf(ids.answerer)].sort(),
    );
    const danish = mails.find((m) => recipientOf(m) === emailOf(ids.silent));
    expect(danish?.subject).toContain('Vil du blive i');
    expect(danish?.body.text).toContain('Hässleholm');
    const keeperMail = mails.find((m) => recipientOf(m) === emailOf(ids.keeper));
    const keepUrl = /https?:\/\/\S+\/keep\/[A-Za-z0-9_.-]+/.exec(keeperMail?.body.text ?? '')?.[0];
    if (!keepUrl) throw new Error('no keep link in the notice');
    const keepPath = new URL(keepUrl).pathname;

    // The keep link: GET asks and changes nothing; a tampered, foreign or expired link is missing.
    const before = await state(ids.keeper);
    const asked = await fetch(`${runtime.url}${keepPath}`);
    expect(asked.status).toBe(200);
    expect(await asked.text()).toContain('Ja, behåll mina uppgifter');
    expect((await state(ids.keeper))?.lastEngagedAt).toBe(before?.lastEngagedAt);
    const missing = await fetch(`${runtime.url}/keep/not-a-token`);
    expect(missing.status).toBe(404);
    const missingBody = await missing.text();
    const tampered = await fetch(
      `${runtime.url}${keepPath.slice(0, -2)}${keepPath.endsWith('A') ? 'BB' : 'AA'}`,
      {
        method: 'POST',
      },
    );
    expect(tampered.status).toBe(404);
    expect(await tampered.text()).toBe(missingBody);
    const foreign = await signLinkToken(
      { purpose: 'keep-contact', tenantId: 'perstorp', subject: ids.keeper },
      3600,
    );
    expect((await fetch(`${runtime.url}/keep/${foreign}`, { method: 'POST' })).status).toBe(404);
    const shortLived = await signLinkToken({ purpose: 'keep-contact', tenantId, subject: ids.keeper }, 1);
    await waitFor(async () =>
      (await fetch(`${runtime.url}/keep/${shortLived}`)).status === 404 ? true : undefined,
    );
    expect((await fetch(`${runtime.url}/keep/${shortLived}`, { method: 'POST' })).status).toBe(404);
    expect((await state(ids.keeper))?.lastEngagedAt).toBe(before?.lastEngagedAt);

    // Keeping records the engagement, and an audit entry without the address.
    const kept = await fetch(`${runtime.url}${keepPath}`, { method: 'POST' });
    expect(kept.status).toBe(200);
    expect(await kept.text()).toContain('Du finns kvar i Hässleholms kommuns adressbok');
    const keeper = await state(ids.keeper);
    expect(String(keeper?.lastEngagedAt) > String(keeper?.noticedAt)).toBe(true);
    const keptEntries = (await partition('T#hassleholm#AUDIT')).filter((e) => e.action === 'contact-kept');
    expect(keptEntries).toHaveLength(1);
    expect(JSON.stringify(keptEntries)).not.toContain('@');
    expect(keptEntries[0]?.personRef).toMatch(/^[A-Za-z0-9_-]{32}$/);

    // An answer during the notice (the consumer's engagement) counts as keeping too; the contact
    // stays among the noticed until the run decides.
    const answeredAt = new Date(Date.now() + 1000).toISOString();
    await recordEngagement(tenantId, ids.answerer, answeredAt);
    expect(await state(ids.answerer)).toMatchObject({
      lastEngagedAt: answeredAt,
      gsi2pk: 'T#hassleholm#NOTICED',
    });

    // After the notice period: the keepers are kept, the others erased through the erasure path.
    const later = new Date(now.getTime() + 31 * 86_400_000);
    const settled = await runRetention(tenantId, addDays(today, 53), later);
    expect(settled?.contacts).toEqual({ noticed: 0, kept: 2, erased: 2 });
    const keptNow = await state(ids.keeper);
    expect(keptNow?.noticedAt).toBeUndefined();
    expect(keptNow?.gsi2pk).toBe('T#hassleholm#ENGAGED');
    await waitFor(async () =>
      (await state(ids.silent)) === undefined && (await state(ids.suppressed)) === undefined
        ? true
        : undefined,
    );
    // The register holds the two erasures (done, the address gone), as for any erasure.
    const requests = await waitFor(async () => {
      const found = (await partition('T#hassleholm')).filter(
        (i) => i.type === 'privacy-request' && i.recordedBy === 'system:privacy-retention',
      );
      return found.length === 2 && found.every((r) => r.status === 'done') ? found : undefined;
    });
    expect(requests.every((r) => r.email === undefined)).toBe(true);
    expect(await getItem('T#hassleholm', `CONTACT#${ids.recent}`)).toBeDefined();
    // The run's counts in its audit entry, where the other rules' counts are.
    const run = (await partition('T#hassleholm#AUDIT')).find(
      (e) => e.action === 'retention-run' && String(e.what).startsWith(`retention ${addDays(today, 53)}`),
    );
    expect(run?.what).toContain('contacts without engagement: 0 noticed, 2 kept, 2 erased');
    expect((await state(ids.answerer))?.gsi2pk).toBe('T#hassleholm#ENGAGED');
    // An erased address is not mailed again: a later run finds nobody.
    const after = await runRetention(tenantId, addDays(today, 54), later);
    expect(after?.contacts).toEqual({ noticed: 0, kept: 0, erased: 0 });
  });
});
