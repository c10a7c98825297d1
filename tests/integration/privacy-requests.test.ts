import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.js';
import { listForms } from '../../shared/feedback/store.js';
import { addressKey } from '../../shared/mail/campaign.js';
import { documentClient } from '../../shared/platform/aws/clients.js';
import { actOnRectification } from '../../shared/privacy/actions/rectification.js';
import { runRetention } from '../../shared/privacy/actions/retention.js';
import { addDays, dueDate, todayIn } from '../../shared/privacy/request.js';
import { getRequest, type PrivacyRequest } from '../../shared/privacy/store.js';
import { consoleRequest, staffClient, waitFor } from '../helpers.js';
import { announcement } from '../mail-helpers.js';

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
