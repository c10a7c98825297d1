import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.js';
import type { Form } from '../../shared/feedback/form.js';
import { documentClient } from '../../shared/platform/aws/clients.js';
import { signLinkToken } from '../../shared/platform/mail-kit/link-tokens.js';
import { tenantPk } from '../../shared/platform/table/table.js';
import { getTenant, updateTenantSettings } from '../../shared/platform/tenants/store.js';
import { publishedEvent } from '../event-helpers.js';
import { consoleRequest, consoleUpload, solidPng, staffClient, waitFor } from '../helpers.js';
import { addContacts, mailbox, recipientOf } from '../mail-helpers.js';

/**
 * The tenant's settings against the local runtime: every staff member reads them, only admins
 * change them (console and API), a change is one event, bad input names the field and saves
 * nothing, and the public-records notice an admin writes is what someone answering a feedback
 * form with their name reads, in their language (else the standard wording).
 */

let runtime: LocalRuntime;

beforeAll(async () => {
  runtime = await startLocalRuntime({ seed: true, log: () => {} });
});
afterAll(async () => {
  await runtime?.stop();
});

const tenantItem = async (tenantId: string) =>
  (
    await documentClient.send(
      new GetCommand({ TableName: runtime.tableName, Key: { pk: tenantPk(tenantId), sk: 'TENANT' } }),
    )
  ).Item;

const NOTICE =
  'Svar till Hässleholms kommun diarieförs och är allmänna handlingar. <script>alert(1)</script>';

describe('tenant settings', () => {
  it('lets admins change the public-records notice; viewers and editors read it and are refused', async () => {
    const viewer = await consoleRequest(runtime, 'staff-hlm-maria', 'GET', '/console/settings');
    expect(viewer.status).toBe(200);
    const viewerPage = await viewer.text();
    expect(viewerPage).toContain('Bara administratörer kan ändra inställningarna.');
    // The standard wording is shown for each language, so admins know what they replace.
    expect(viewerPage).toContain('offentlighetsprincipen');
    for (const staff of ['staff-hlm-maria', 'staff-hlm-erik']) {
      const refused = await consoleRequest(runtime, staff, 'POST', '/console/settings', {
        'publicRecordsNotice.sv': 'Nej',
      });
      expect(refused.status, staff).toBe(403);
    }
    expect((await tenantItem('hassleholm'))?.settings).toBeUndefined();

    const tooLong = await consoleRequest(runtime, 'staff-hlm-anna', 'POST', '/console/settings', {
      'publicRecordsNotice.sv': 'x'.repeat(1501),
    });
    expect(tooLong.status).toBe(422);
    const tooLongPage = await tooLong.text();
    expect(tooLongPage).toContain('error-summary');
    expect(tooLongPage).toMatch(/id="f-publicRecordsNotice-sv"[^>]*aria-invalid="true"/);
    expect((await tenantItem('hassleholm'))?.settings).toBeUndefined();

    const before = runtime.bus.published.length;
    const saved = await consoleRequest(runtime, 'staff-hlm-anna', 'POST', '/console/settings', {
      'publicRecordsNotice.sv': NOTICE,
      'publicRecordsNotice.da': '',
      'publicRecordsNotice.en': '  ',
      mailTracking: 'on',
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe('/console/settings?saved=1');
    expect((await tenantItem('hassleholm'))?.settings).toEqual({
      publicRecordsNotice: { sv: NOTICE },
      mailTracking: true,
    });
    const page = await (
      await consoleRequest(runtime, 'staff-hlm-anna', 'GET', '/console/settings?saved=1')
    ).text();
    expect(page).toContain('Inställningarna är sparade.');
    expect(page).toContain('&lt;script>alert(1)&lt;/script>');
    expect(page).not.toContain('<script>alert(1)');

    await waitFor(
      () =>
        runtime.bus.published
          .slice(before)
          .some(
            (e) =>
              e['detail-type'] === 'TenantSettingsChanged' &&
              (e.detail as { tenantId: string }).tenantId === 'hassleholm',
          ),
      10_000,
      'TenantSettingsChanged',
    );
    // Saving the same again changes nothing and tells nobody.
    await consoleRequest(runtime, 'staff-hlm-anna', 'POST', '/console/settings', {
      'publicRecordsNotice.sv': NOTICE,
      mailTracking: 'on',
    });
    await new Promise((r) => setTimeout(r, 1000));
    expect(
      runtime.bus.published.slice(before).filter((e) => e['detail-type'] === 'TenantSettingsChanged'),
    ).toHaveLength(1);
    // Another municipality's settings are its own.
    expect((await tenantItem('helsingor'))?.settings).toBeUndefined();
  });

  it('keeps two changes to different sections made from the same stale read (issue 14: no whole-object overwrite)', async () => {
    // Prepare: two admins open their pages at the same time; both hold the same tenant.
    const seen = await getTenant('perstorp');
    if (!seen) throw new Error('no perstorp');
    // Act: one switches tracking off, the other sets a retention rule, each from what it read.
    await updateTenantSettings(seen, { retention: { deliveryMonths: 24 } }, 'staff-a');
    await updateTenantSettings(seen, { publicRecordsNotice: { sv: 'Svar diarieförs.' } }, 'staff-b');
    // Assess: both are kept (before, the second wrote its whole stale copy over the first).
    expect((await tenantItem('perstorp'))?.settings).toMatchObject({
      retention: { deliveryMonths: 24 },
      publicRecordsNotice: { sv: 'Svar diarieförs.' },
    });
    // And through the API: two PATCHes of different sections, both kept; null removes one.
    const admin = await staffClient(runtime, 'staff-per-eva');
    expect((await admin.call('PATCH', '/api/settings', { brandColour: '#0A5866' })).status).toBe(200);
    const second = await admin.call('PATCH', '/api/settings', {
      publicRecordsNotice: { sv: 'Svar diarieförs och är allmänna handlingar.' },
    });
    expect(second.status, second.text).toBe(200);
    expect(second.json).toMatchObject({
      brandColour: '#0a5866',
      publicRecordsNotice: { sv: 'Svar diarieförs och är allmänna handlingar.' },
      retention: { deliveryMonths: 24 },
    });
    const third = await admin.call('PATCH', '/api/settings', { brandColour: null });
    expect(third.status, third.text).toBe(200);
    expect(third.json.brandColour).toBeUndefined();
    // The retention and archive rules are not changed here: a change to them is audited, and only
    // the privacy pages write one with its entry (this route wrote none).
    for (const section of [{ retention: null }, { archive: { feedbackAnswersAreOfficial: true } }]) {
      const refused = await admin.call('PATCH', '/api/settings', section);
      expect(refused.status).toBe(422);
      expect(refused.text).toContain(Object.keys(section)[0]);
    }
    expect((await tenantItem('perstorp'))?.settings?.retention).toEqual({ deliveryMonths: 24 });
  });

  it('reads and changes the settings through the API, admins only', async () => {
    const admin = await staffClient(runtime, 'staff-hel-mette');
    const editor = await staffClient(runtime, 'staff-hel-lars');
    expect((await admin.call('GET', '/api/settings')).json).toEqual({
      publicRecordsNotice: {},
      mailTracking: true,
    });
    const body = { publicRecordsNotice: { da: 'Svar til Helsingør Kommune journaliseres.' } };
    expect((await editor.call('PATCH', '/api/settings', body)).status).toBe(403);
    const refused = await admin.call('PATCH', '/api/settings', {
      publicRecordsNotice: { da: 'x'.repeat(1501) },
    });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('publicRecordsNotice.da');
    const unknown = await admin.call('PATCH', '/api/settings', { publicRecordsNotice: { de: 'Nein' } });
    expect(unknown.status).toBe(422);
    expect((await tenantItem('helsingor'))?.settings).toBeUndefined();
    const put = await admin.call('PATCH', '/api/settings', body);
    expect(put.status, put.text).toBe(200);
    expect(put.json).toEqual({ ...body, mailTracking: true });
    // A colour white text cannot be read on is refused, naming the field; nothing written.
    const light = await admin.call('PATCH', '/api/settings', { brandColour: '#ffcc00' });
    expect(light.status).toBe(422);
    expect(light.text).toContain('brandColour');
    expect((await tenantItem('helsingor'))?.settings?.brandColour).toBeUndefined();
    expect((await editor.call('GET', '/api/settings')).json).toEqual({ ...body, mailTracking: true });
  });

  it("shows the tenant's notice to someone answering with their name, in their language, else the standard one", async () => {
    const admin = await staffClient(runtime, 'staff-hlm-anna');
    await admin.call('PATCH', '/api/settings', {
      publicRecordsNotice: { sv: `${NOTICE}\n\nLäs mer på kommunens webb.` },
    });
    const programmeId = (
      (await admin.call('GET', '/api/programmes')).json.items as { programmeId: string }[]
    )[0]?.programmeId;
    const created = await admin.call('POST', '/api/forms', {
      programmeId,
      title: { sv: 'Inställningsprov', en: 'Settings test' },
      language: 'sv',
      questions: [{ id: 'fritt', type: 'long-text', label: { sv: 'Något?', en: 'Anything?' } }],
    });
    const form = created.json as unknown as Form;
    await addContacts(runtime, 'hassleholm', [
      { contactId: 'ts-sv', email: 'ts-sv@foretag.example', language: 'sv' },
      { contactId: 'ts-en', email: 'ts-en@foretag.example', language: 'en' },
    ]);
    const pageFor = async (contactId: string) => {
      const token = await signLinkToken(
        { purpose: 'feedback', tenantId: 'hassleholm', subject: contactId, campaignId: form.formId },
        3600,
      );
      const response = await fetch(`${runtime.url}/feedback/${token}`);
      expect(response.status).toBe(200);
      return response.text();
    };
    const swedish = await pageFor('ts-sv');
    expect(swedish).toContain(
      '<p>Svar till Hässleholms kommun diarieförs och är allmänna handlingar. &lt;script>',
    );
    expect(swedish).toContain('<p>Läs mer på kommunens webb.</p>');
    expect(swedish).not.toContain('enligt offentlighetsprincipen och kan lämnas ut');
    const english = await pageFor('ts-en');
    expect(english).toContain('public documents under the principle of public access');
    expect(english).not.toContain('diarieförs');
    // The anonymous link says nothing of the kind: nothing identifies the respondent.
    const anonymous = await (await fetch(`${runtime.url}/forms/hassleholm/${form.formId}`)).text();
    expect(anonymous).not.toContain('diarieförs');
  });

  it('sends the mail of a tenant that switched tracking off through the set without opens and clicks', async () => {
    const perstorp = await staffClient(runtime, 'staff-per-eva');
    const page = await consoleRequest(runtime, 'staff-per-eva', 'GET', '/console/settings');
    expect(await page.text()).toMatch(/id="f-mailTracking"[^>]*checked/);
    // The checkbox unticked: absent from the post.
    const off = await consoleRequest(runtime, 'staff-per-eva', 'POST', '/console/settings', {});
    expect(off.status).toBe(303);
    expect((await perstorp.call('GET', '/api/settings')).json).toMatchObject({ mailTracking: false });

    const send = async (client: typeof perstorp, tenantId: string, tag: string) => {
      await addContacts(runtime, tenantId, [
        { contactId: tag, email: `${tag}@foretag.example`, tags: [tag] },
      ]);
      const created = await client.call('POST', '/api/campaigns', {
        name: 'Spårning',
        content: { kind: 'announcement', data: { subject: 'Spårning', markdownBody: 'Hej.' } },
        audience: { kind: 'tags', tags: [tag] },
      });
      expect(created.status, created.text).toBe(201);
      expect((await client.call('POST', `/api/campaigns/${created.json.campaignId}/send`)).status).toBe(202);
      return waitFor(
        () => runtime.sesSends.find((s) => s.to.includes(`${tag}@foretag.example`)),
        30_000,
        `the mail to ${tag}`,
      );
    };
    expect((await send(perstorp, 'perstorp', 'track-off')).configurationSet).toBe(
      'samverkan-local-untracked',
    );
    const hassleholm = await staffClient(runtime, 'staff-hlm-anna');
    expect((await send(hassleholm, 'hassleholm', 'track-on')).configurationSet).toBe('samverkan-local');
  });

  it("takes a logo and colour from an admin, shows them on the tenant's public pages only, and refuses bad uploads naming the field", async () => {
    // Prepare: what a careless or hostile upload looks like.
    const logoItem = async (tenantId: string) =>
      (
        await documentClient.send(
          new GetCommand({ TableName: runtime.tableName, Key: { pk: tenantPk(tenantId), sk: 'LOGO' } }),
        )
      ).Item;
    const upload = (bytes: Buffer, name: string, type: string, staff = 'staff-hlm-anna') =>
      consoleUpload(runtime, staff, '/console/settings/logo', { logo: { bytes, name, type } });
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const bad: [Buffer, string, string, RegExp][] = [
      [svg, 'logo.svg', 'image/svg+xml', /Logotyp: filen är ingen PNG- eller JPEG-bild/],
      // A PNG's name and type on something else (wrong content).
      [Buffer.from('<html>not an image</html>'), 'logo.png', 'image/png', /ingen PNG- eller JPEG-bild/],
      [
        Buffer.concat([solidPng(20, 20), Buffer.alloc(200 * 1024)]),
        'big.png',
        'image/png',
        /större än 200 kB/,
      ],
      [solidPng(4000, 8), 'wide.png', 'image/png', /16–2000 pixlar/],
    ];
    // Act + Assess: each refused on the settings page, naming the field; nothing written.
    for (const [bytes, name, type, message] of bad) {
      const refused = await upload(bytes, name, type);
      expect(refused.status, name).toBe(422);
      const page = await refused.text();
      expect(page, name).toMatch(message);
      expect(page).toMatch(/id="f-logo"[^>]*aria-invalid="true"/);
    }
    expect((await upload(solidPng(40, 20), 'logo.png', 'image/png', 'staff-hlm-erik')).status).toBe(403);
    expect(await logoItem('hassleholm')).toBeUndefined();
    expect((await tenantItem('hassleholm'))?.settings?.logo).toBeUndefined();

    // A light colour is refused in the reader's language, naming the field.
    const light = await consoleRequest(runtime, 'staff-hlm-anna', 'POST', '/console/settings', {
      brandColour: '#7fb2bb',
    });
    expect(light.status).toBe(422);
    expect(await light.text()).toContain('Färg: för ljus – vit text på den får kontrasten 2,3:1');

    // A good logo and colour; the logo's change is recorded (its event, in the same transaction).
    const png = solidPng(120, 40);
    const published = runtime.bus.published.length;
    expect((await upload(png, 'kommun.png', 'image/png')).status).toBe(303);
    await waitFor(
      () =>
        runtime.bus.published.slice(published).some((e) => {
          const detail = e.detail as { tenantId: string; changedFields: string[] };
          return (
            e['detail-type'] === 'TenantSettingsChanged' &&
            detail.tenantId === 'hassleholm' &&
            detail.changedFields.join() === 'logo'
          );
        }),
      10_000,
      'TenantSettingsChanged for the logo',
    );
    const saved = await consoleRequest(runtime, 'staff-hlm-anna', 'POST', '/console/settings', {
      brandColour: '#6B1F5C',
      mailTracking: 'on',
    });
    expect(saved.status).toBe(303);
    const settings = (await tenantItem('hassleholm'))?.settings;
    // The colour's save kept the logo (per section) and the logo's bytes are their own item.
    expect(settings).toMatchObject({
      brandColour: '#6b1f5c',
      logo: { contentType: 'image/png', width: 120 },
    });
    const version = String(settings?.logo?.version);

    // The newsroom (a public page) shows both, from its own origin.
    const newsroom = await (await fetch(`${runtime.url}/press/hassleholm`)).text();
    expect(newsroom).toContain(`<body class="branded" style="--brand:#6b1f5c">`);
    expect(newsroom).toContain(
      `<img class="logo" src="/brand/hassleholm/logo?v=${version}" alt="Hässleholms kommun"`,
    );
    const logo = await fetch(`${runtime.url}/brand/hassleholm/logo?v=${version}`);
    expect(logo.status).toBe(200);
    expect(logo.headers.get('content-type')).toBe('image/png');
    expect(logo.headers.get('cache-control')).toContain('immutable');
    expect(Buffer.from(await logo.arrayBuffer()).equals(png)).toBe(true);
    const again = await fetch(`${runtime.url}/brand/hassleholm/logo?v=${version}`, {
      headers: { 'if-none-match': String(logo.headers.get('etag')) },
    });
    expect(again.status).toBe(304);

    // Another tenant's pages never show it; a tenant without a logo answers as an unknown one.
    expect(await (await fetch(`${runtime.url}/press/helsingor`)).text()).not.toContain('/brand/hassleholm');
    const none = await fetch(`${runtime.url}/brand/helsingor/logo`);
    const unknown = await fetch(`${runtime.url}/brand/no-such-tenant/logo`);
    expect([none.status, unknown.status]).toEqual([404, 404]);
    expect(await none.text()).toBe(await unknown.text());

    // A campaign's mail carries the logo as a part of itself, named by cid:, and nothing remote.
    const hassleholm = await staffClient(runtime, 'staff-hlm-anna');
    await addContacts(runtime, 'hassleholm', [
      { contactId: 'brand-mail', email: 'brand-mail@foretag.example', tags: ['brand-mail'] },
    ]);
    const campaign = await hassleholm.call('POST', '/api/campaigns', {
      name: 'Logotyp',
      content: { kind: 'announcement', data: { subject: 'Logotyp', markdownBody: 'Hej.' } },
      audience: { kind: 'tags', tags: ['brand-mail'] },
    });
    expect((await hassleholm.call('POST', `/api/campaigns/${campaign.json.campaignId}/send`)).status).toBe(
      202,
    );
    const mail = await waitFor(
      async () => (await mailbox(runtime)).find((m) => recipientOf(m) === 'brand-mail@foretag.example'),
      30_000,
      'the branded mail',
    );
    const html = mail.body.html ?? '';
    expect(html).toContain('<img src="cid:logo@samverkan" alt="Hässleholms kommun"');
    expect(html).toContain('background-color:#6b1f5c');
    expect(html).not.toMatch(/<img src="(?!cid:)/);
    const parts = (mail.attachments ?? []) as {
      contentId?: string;
      contentDisposition?: string;
      contentType: string;
      content: string;
    }[];
    const logoPart = parts.find((p) => p.contentId === 'logo@samverkan');
    expect(logoPart).toMatchObject({ contentDisposition: 'INLINE', contentType: 'image/png' });
    expect(Buffer.from(logoPart?.content ?? '', 'base64').equals(png)).toBe(true);

    // Previews in the console show the brand too: the logo from our own site (cid: means nothing
    // in a web page). A test invitation to oneself carries it as the real mail does.
    const campaignPreview = await hassleholm.call(
      'POST',
      `/api/campaigns/${campaign.json.campaignId}/preview`,
    );
    expect(campaignPreview.status).toBe(200);
    const event = await publishedEvent('hassleholm', { title: `Logotyp i förhandsvisning ${Date.now()}` });
    const invitationPreview = await hassleholm.call(
      'POST',
      `/api/events/${event.eventId}/invitations/preview`,
      {},
    );
    expect(invitationPreview.status).toBe(200);
    for (const preview of [
      (campaignPreview.json.previews as Record<string, { html: string }>).sv?.html ?? '',
      (invitationPreview.json.previews as { html: string }[])[0]?.html ?? '',
    ]) {
      expect(preview).toContain(
        `<img src="${process.env.PUBLIC_BASE_URL ?? ''}/brand/hassleholm/logo?v=${version}" alt="Hässleholms kommun"`,
      );
      expect(preview).toContain('background-color:#6b1f5c');
      expect(preview).not.toContain('cid:');
    }
    expect((await hassleholm.call('POST', `/api/events/${event.eventId}/invitations/test`, {})).status).toBe(
      202,
    );
    const test = await waitFor(
      async () => (await mailbox(runtime)).find((m) => (m.subject ?? '').includes(event.title)),
      15_000,
      'the test invitation',
    );
    expect(test.body.html).toContain('<img src="cid:logo@samverkan"');
    expect(
      ((test.attachments ?? []) as { contentId?: string }[]).some((p) => p.contentId === 'logo@samverkan'),
    ).toBe(true);

    // Removed: gone from the table, the route and the page.
    expect(
      (await consoleRequest(runtime, 'staff-hlm-anna', 'POST', '/console/settings/logo/delete', {})).status,
    ).toBe(303);
    expect(await logoItem('hassleholm')).toBeUndefined();
    expect((await fetch(`${runtime.url}/brand/hassleholm/logo?v=${version}`)).status).toBe(404);
    expect(await (await fetch(`${runtime.url}/press/hassleholm`)).text()).not.toContain('class="logo"');
  });
});
