import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.js';
import { sessionCsrfToken } from '../../shared/platform/http/html-pages.js';
import { staffClient } from '../helpers.js';

let runtime: LocalRuntime;
const HLM_ADMIN = 'staff-hlm-anna';
const HLM_EDITOR = 'staff-hlm-erik';
const HLM_VIEWER = 'staff-hlm-maria';
const HEL_ADMIN = 'staff-hel-mette';

type Client = Awaited<ReturnType<typeof staffClient>>;
type Item = Record<string, unknown>;

beforeAll(async () => {
  runtime = await startLocalRuntime({ seed: true, log: () => {} });
});
afterAll(async () => {
  await runtime?.stop();
});

const unique = () => randomUUID().slice(0, 8);

async function counts(client: Client) {
  const [organisations, contacts] = await Promise.all([
    client.call('GET', '/api/organisations'),
    client.call('GET', '/api/contacts'),
  ]);
  return {
    organisations: organisations.json.total as number,
    contacts: contacts.json.total as number,
  };
}

/** A file as staff export it from Excel: `;`, with one bad row and one repeated address. */
function excelFile(tag: string) {
  return [
    'Företag;Org.nr;Namn;E-post;Roll;Bransch;Språk;Taggar;Typ',
    `Åkesson Bygg ${tag} AB;;Örjan Åkesson;orjan.${tag}@akesson.example;VD;Bygg;svenska;bygg;Företag`,
    `Åkesson Bygg ${tag} AB;;Märta Ek;marta.${tag}@akesson.example;Ekonomichef;Bygg;;;`,
    `Fel ${tag} AB;556012-5791;Fel Felsson;fel.${tag}@fel.example;;;;;`,
    `Dubbel ${tag};;Örjan Igen;ORJAN.${tag}@akesson.example;;;;;`,
    `"Krinova; ${tag}";;Johan Ek;johan.${tag}@krinova.example;"Chef,\r\ninnovation";Innovation;en;lunch, workshop;Utbildning`,
  ].join('\r\n');
}

describe('CSV import through the staff API', () => {
  it('previews without saving, reports bad rows by row and column, then commits once', async () => {
    const editor = await staffClient(runtime, HLM_EDITOR);
    const tag = unique();
    const before = await counts(editor);

    // Preview: nothing is created.
    const preview = await editor.call('POST', '/api/imports/preview', { csv: excelFile(tag) });
    expect(preview.status).toBe(200);
    expect(preview.json.summary).toMatchObject({
      rows: 5,
      ok: 4,
      errors: 0,
      duplicates: 1,
      warnings: 1,
      contactsToCreate: 4,
      organisationsToCreate: 3,
      delimiter: ';',
    });
    const rows = preview.json.rows as {
      row: number;
      status: string;
      errors: Item[];
      warnings: Item[];
      duplicates: Item[];
    }[];
    // A mistyped organisation number costs the number, not the contact (issue 12).
    expect(rows.find((r) => r.row === 4)).toMatchObject({
      status: 'ok',
      errors: [],
      warnings: [
        { row: 4, column: 'Org.nr', field: 'organisationNumber', message: expect.stringMatching(/Luhn/) },
      ],
    });
    // The API's row problems are as they were: English, no page wording (`issue`) in them.
    expect(Object.keys(rows.find((r) => r.row === 4)?.warnings[0] ?? {}).sort()).toEqual([
      'column',
      'field',
      'message',
      'row',
    ]);
    expect(rows.find((r) => r.row === 5)).toMatchObject({
      status: 'duplicate',
      duplicates: [{ field: 'email', against: 'file', row: 2, skipsRow: true }],
    });
    expect(await counts(editor)).toEqual(before);

    // Commit: the valid rows, with the lawful basis recorded on every contact.
    const importId = preview.json.importId as string;
    const commit = await editor.call('POST', `/api/imports/${importId}/commit`, { lawfulBasis: 'consent' });
    expect(commit.status).toBe(200);
    expect(commit.json).toMatchObject({
      importId,
      lawfulBasis: 'consent',
      contactsCreated: 4,
      organisationsCreated: 3,
      organisationsLinked: 0,
      skipped: [],
      rowsWithErrors: 0,
      duplicateRows: 1,
      alreadyCommitted: false,
    });
    const after = await counts(editor);
    expect(after).toEqual({ organisations: before.organisations + 3, contacts: before.contacts + 4 });

    const contacts = (await editor.call('GET', `/api/contacts?q=${tag}`)).json.items as Item[];
    const orjan = contacts.find((c) => c.email === `orjan.${tag}@akesson.example`);
    expect(orjan).toMatchObject({
      name: 'Örjan Åkesson',
      role: 'VD',
      language: 'sv',
      tags: ['bygg'],
      lawfulBasis: {
        basis: 'consent',
        source: `csv-import:${importId}`,
        recordedBy: HLM_EDITOR,
        recordedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
      // An import is a fresh lawful basis: engaged now, for the retention rule.
      lastEngagedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    const marta = contacts.find((c) => c.email === `marta.${tag}@akesson.example`);
    expect(marta?.organisationId).toBe(orjan?.organisationId);
    const johan = contacts.find((c) => c.email === `johan.${tag}@krinova.example`);
    expect(johan).toMatchObject({ role: 'Chef, innovation', language: 'en', tags: ['lunch', 'workshop'] });
    const krinova = await editor.call('GET', `/api/organisations/${johan?.organisationId}`);
    expect(krinova.json).toMatchObject({
      name: `Krinova; ${tag}`,
      organisationType: 'education',
      country: 'SE',
    });
    const linked = await editor.call('GET', `/api/contacts?organisationId=${orjan?.organisationId}`);
    expect((linked.json.items as Item[]).map((c) => c.name).sort()).toEqual(['Märta Ek', 'Örjan Åkesson']);

    // Committing again creates nothing and answers with the first result.
    const again = await editor.call('POST', `/api/imports/${importId}/commit`, { lawfulBasis: 'consent' });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ contactsCreated: 4, organisationsCreated: 3, alreadyCommitted: true });
    expect(await counts(editor)).toEqual(after);
    // …nor with another basis, which is refused, naming the field.
    const otherBasis = await editor.call('POST', `/api/imports/${importId}/commit`, {
      lawfulBasis: 'public-task',
    });
    expect(otherBasis.status).toBe(409);
    expect(otherBasis.json.details).toEqual([{ field: 'body.lawfulBasis', message: 'Already consent' }]);

    // The same file again: every row is now a duplicate of what exists.
    const repeat = await editor.call('POST', '/api/imports/preview', { csv: excelFile(tag) });
    expect(repeat.json.summary).toMatchObject({ contactsToCreate: 0, organisationsToCreate: 0 });
  });

  it('creates nothing twice when the same import is committed twice at once', async () => {
    const editor = await staffClient(runtime, HLM_EDITOR);
    const tag = unique();
    const csv = `Company,Organisation number,Name,Email\nVolvo ${tag},,Ann,ann.${tag}@volvo.example\nVolvo ${tag},,Bo,bo.${tag}@volvo.example\n`;
    const preview = await editor.call('POST', '/api/imports/preview', { csv });
    const importId = preview.json.importId as string;
    const before = await counts(editor);
    const [a, b] = await Promise.all([
      editor.call('POST', `/api/imports/${importId}/commit`, { lawfulBasis: 'legitimate-interest' }),
      editor.call('POST', `/api/imports/${importId}/commit`, { lawfulBasis: 'legitimate-interest' }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(await counts(editor)).toEqual({
      organisations: before.organisations + 1,
      contacts: before.contacts + 2,
    });
  });

  it('commits a file of the largest size allowed (5000 rows) within the function timeout', async () => {
    const editor = await staffClient(runtime, HLM_EDITOR);
    const tag = unique();
    const lines = ['Företag;Namn;E-post;Taggar'];
    for (let i = 0; i < 5000; i++)
      lines.push(`Stor ${tag} ${i % 700} AB;Person ${i};p${i}.${tag}@stor.example;stor`);
    const before = await counts(editor);
    const preview = await editor.call('POST', '/api/imports/preview', { csv: lines.join('\r\n') });
    expect(preview.json.summary).toMatchObject({ contactsToCreate: 5000, organisationsToCreate: 700 });
    // The local runtime enforces the wired timeout (29 s), as Lambda would.
    const commit = await editor.call('POST', `/api/imports/${preview.json.importId}/commit`, {
      lawfulBasis: 'legitimate-interest',
    });
    expect(commit.status).toBe(200);
    expect(commit.json).toMatchObject({ contactsCreated: 5000, organisationsCreated: 700 });
    expect(await counts(editor)).toEqual({
      organisations: before.organisations + 700,
      contacts: before.contacts + 5000,
    });
  });

  it('reads a Windows-1252 file sent as bytes', async () => {
    const editor = await staffClient(runtime, HLM_EDITOR);
    const tag = unique();
    const bytes = Buffer.from(
      `Företag;Namn;E-post\r\nÖstra Göinge ${tag};Åsa Ärlig;asa.${tag}@goinge.example\r\n`,
      'latin1',
    );
    const response = await fetch(`${runtime.url}/api/imports/preview`, {
      method: 'POST',
      headers: { authorization: `Bearer ${editor.token}`, 'content-type': 'application/octet-stream' },
      body: bytes,
    });
    const json = (await response.json()) as { summary: Item; rows: { organisation: Item; contact: Item }[] };
    expect(response.status).toBe(200);
    expect(json.summary.encoding).toBe('windows-1252');
    expect(json.rows[0]?.organisation.name).toBe(`Östra Göinge ${tag}`);
    expect(json.rows[0]?.contact.name).toBe('Åsa Ärlig');
  });

  it('refuses unusable files with 422 and large ones with 413, naming body.csv', async () => {
    const editor = await staffClient(runtime, HLM_EDITOR);
    const noColumns = await editor.call('POST', '/api/imports/preview', { csv: 'Foo;Bar\n1;2\n' });
    expect(noColumns.status).toBe(422);
    expect(noColumns.json.details).toEqual([
      { field: 'body.csv', message: expect.stringMatching(/No column/) },
    ]);
    const empty = await editor.call('POST', '/api/imports/preview', { csv: '' });
    expect(empty.status).toBe(422);
    expect((empty.json.details as Item[])[0]?.field).toBe('body.csv');
    const large = await editor.call(
      'POST',
      '/api/imports/preview',
      `E-post\n${'x'.repeat(2 * 1024 * 1024)}`,
      {
        'content-type': 'text/csv',
      },
    );
    expect(large.status).toBe(413);
    const unknown = await editor.call('POST', `/api/imports/${randomUUID()}/commit`, {
      lawfulBasis: 'consent',
    });
    expect(unknown.status).toBe(404);
    const badBasis = await editor.call('POST', `/api/imports/${randomUUID()}/commit`, {
      lawfulBasis: 'because',
    });
    expect(badBasis.status).toBe(422);
    expect((badBasis.json.details as Item[])[0]?.field).toBe('body.lawfulBasis');
  });
});

describe('organisations and contacts', () => {
  it('answers 422 naming each bad field, and writes nothing', async () => {
    const editor = await staffClient(runtime, HLM_EDITOR);
    const before = await counts(editor);
    const contact = await editor.call('POST', '/api/contacts', {
      name: '',
      email: 'not-an-address',
      language: 'de',
      lawfulBasis: { basis: 'because' },
    });
    expect(contact.status).toBe(422);
    expect((contact.json.details as Item[]).map((d) => d.field)).toEqual(
      expect.arrayContaining(['body.name', 'body.email', 'body.language', 'body.lawfulBasis.basis']),
    );
    const organisation = await editor.call('POST', '/api/organisations', {
      name: 'Fel AB',
      organisationNumber: '556012-5791',
      size: 'huge',
    });
    expect(organisation.status).toBe(422);
    expect((organisation.json.details as Item[]).map((d) => d.field)).toEqual(
      expect.arrayContaining(['body.size']),
    );
    const number = await editor.call('POST', '/api/organisations', {
      name: 'Fel AB',
      organisationNumber: '556012-5791',
    });
    expect(number.status).toBe(422);
    expect(number.json.details).toEqual([
      { field: 'body.organisationNumber', message: expect.stringMatching(/Luhn/) },
    ]);
    const noOrg = await editor.call('POST', '/api/contacts', {
      name: 'Ann',
      email: `ann.${unique()}@x.example`,
      organisationId: randomUUID(),
      lawfulBasis: { basis: 'consent' },
    });
    expect(noOrg.status).toBe(422);
    expect(noOrg.json.details).toEqual([{ field: 'body.organisationId', message: 'No such organisation' }]);
    expect(await counts(editor)).toEqual(before);
  });

  it('normalises organisation numbers and refuses a second organisation with the same one (409)', async () => {
    const editor = await staffClient(runtime, HEL_ADMIN);
    const created = await editor.call('POST', '/api/organisations', {
      name: 'Novo Nordisk A/S',
      organisationNumber: 'DK 24 25 67 90',
      organisationType: 'company',
      size: '250+',
      tags: ['Pharma', ' pharma '],
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ organisationNumber: '24256790', country: 'DK', tags: ['pharma'] });
    const again = await editor.call('POST', '/api/organisations', {
      name: 'Novo',
      organisationNumber: '24256790',
    });
    expect(again.status).toBe(409);
    expect(again.json.details).toEqual([{ field: 'body.organisationNumber', message: expect.any(String) }]);
    // A tenant's numbers are its own: Hässleholm may register the same company.
    const hlm = await staffClient(runtime, HLM_EDITOR);
    const elsewhere = await hlm.call('POST', '/api/organisations', {
      name: 'Novo',
      organisationNumber: '24256790',
    });
    expect(elsewhere.status).toBe(201);
    expect(elsewhere.json.country).toBe('DK');
  });

  it('refuses a second contact with the same email address (409), on create and on update', async () => {
    const editor = await staffClient(runtime, HLM_EDITOR);
    const email = `karin.${unique()}@foretagarna.example`;
    const first = await editor.call('POST', '/api/contacts', {
      name: 'Karin Holm',
      email,
      lawfulBasis: { basis: 'legitimate-interest', source: 'Möte 12 mars' },
    });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({
      language: 'sv',
      lawfulBasis: { basis: 'legitimate-interest', source: 'Möte 12 mars', recordedBy: HLM_EDITOR },
    });
    const second = await editor.call('POST', '/api/contacts', {
      name: 'Karin H',
      email: email.toUpperCase(),
      lawfulBasis: { basis: 'consent' },
    });
    expect(second.status).toBe(409);
    expect(second.json.details).toEqual([{ field: 'body.email', message: expect.any(String) }]);

    const other = await editor.call('POST', '/api/contacts', {
      name: 'Per Olsson',
      email: `per.${unique()}@lrf.example`,
      lawfulBasis: { basis: 'consent' },
    });
    const update = await editor.call('PUT', `/api/contacts/${other.json.contactId}`, {
      name: 'Per Olsson',
      email,
    });
    expect(update.status).toBe(409);
    expect(update.json.details).toEqual([{ field: 'body.email', message: expect.any(String) }]);

    // Moving to a free address frees the old one.
    const moved = await editor.call('PUT', `/api/contacts/${first.json.contactId}`, {
      name: 'Karin Holm',
      email: `new.${email}`,
      role: 'Ordförande',
      expectedVersion: 1,
    });
    expect(moved.status).toBe(200);
    expect(moved.json).toMatchObject({
      version: 2,
      role: 'Ordförande',
      lawfulBasis: { basis: 'legitimate-interest' },
    });
    const taken = await editor.call('PUT', `/api/contacts/${other.json.contactId}`, {
      name: 'Per Olsson',
      email,
    });
    expect(taken.status).toBe(200);
    const stale = await editor.call('PUT', `/api/contacts/${first.json.contactId}`, {
      name: 'Karin',
      email: `new.${email}`,
      expectedVersion: 1,
    });
    expect(stale.status).toBe(409);
  });

  it('erases a contact with its email guard (admin only), so the address can be used again', async () => {
    const admin = await staffClient(runtime, HLM_ADMIN);
    const editor = await staffClient(runtime, HLM_EDITOR);
    const email = `erase.${unique()}@x.example`;
    const created = await editor.call('POST', '/api/contacts', {
      name: 'Glöm Mig',
      email,
      lawfulBasis: { basis: 'consent' },
    });
    const path = `/api/contacts/${created.json.contactId}`;
    expect((await editor.call('DELETE', path)).status).toBe(403);
    const erased = await admin.call('DELETE', path);
    expect(erased.status).toBe(204);
    expect((await admin.call('GET', path)).status).toBe(404);
    const reused = await editor.call('POST', '/api/contacts', {
      name: 'Ny',
      email,
      lawfulBasis: { basis: 'consent' },
    });
    expect(reused.status).toBe(201);
  });

  it('refuses to delete an organisation that still has contacts', async () => {
    const admin = await staffClient(runtime, HLM_ADMIN);
    const org = await admin.call('POST', '/api/organisations', { name: `Kvar ${unique()}` });
    const contact = await admin.call('POST', '/api/contacts', {
      name: 'Kvar',
      email: `kvar.${unique()}@x.example`,
      organisationId: org.json.organisationId,
      lawfulBasis: { basis: 'public-task' },
    });
    expect(contact.status).toBe(201);
    const refused = await admin.call('DELETE', `/api/organisations/${org.json.organisationId}`);
    expect(refused.status).toBe(409);
    expect((await admin.call('DELETE', `/api/contacts/${contact.json.contactId}`)).status).toBe(204);
    expect((await admin.call('DELETE', `/api/organisations/${org.json.organisationId}`)).status).toBe(204);
  });

  it('filters contacts by organisation and tag', async () => {
    const editor = await staffClient(runtime, HLM_EDITOR);
    const tag = `t${unique()}`;
    const org = await editor.call('POST', '/api/organisations', { name: `Filter ${tag}` });
    for (const [name, tags, organisationId] of [
      ['A', [tag], org.json.organisationId],
      ['B', [tag, 'x'], undefined],
      ['C', ['x'], org.json.organisationId],
    ] as const) {
      await editor.call('POST', '/api/contacts', {
        name,
        email: `${name}.${tag}@x.example`,
        tags,
        organisationId,
        lawfulBasis: { basis: 'consent' },
      });
    }
    const byTag = await editor.call('GET', `/api/contacts?tag=${tag.toUpperCase()}`);
    expect((byTag.json.items as Item[]).map((c) => c.name)).toEqual(['A', 'B']);
    const byOrg = await editor.call(
      'GET',
      `/api/contacts?organisationId=${org.json.organisationId}&tag=${tag}`,
    );
    expect((byOrg.json.items as Item[]).map((c) => c.name)).toEqual(['A']);
    const list = await editor.call('GET', `/api/organisations?q=${tag}`);
    expect(
      (list.json.items as Item[]).find((o) => o.organisationId === org.json.organisationId)?.contactCount,
    ).toBe(2);
    // A tag on the organisation reaches its contacts, as a campaign's tag audience reads it.
    await editor.call('PUT', `/api/organisations/${org.json.organisationId}`, {
      name: `Filter ${tag}`,
      tags: [tag],
    });
    const withOrganisationTag = await editor.call('GET', `/api/contacts?tag=${tag}`);
    expect((withOrganisationTag.json.items as Item[]).map((c) => c.name)).toEqual(['A', 'B', 'C']);
  });
});

describe('the address book: search and paging (issue 12)', () => {
  it('finds contacts by any part of name, address, organisation or tag, a page at a time', async () => {
    const editor = await staffClient(runtime, HLM_EDITOR);
    const tag = unique();
    const org = await editor.call('POST', '/api/organisations', { name: `Sökträff ${tag} AB` });
    const names = ['Östen', 'Anna', 'Åsa', 'Bo', 'Ärla', 'Cecilia', 'David'];
    for (const [n, name] of names.entries()) {
      const made = await editor.call('POST', '/api/contacts', {
        name: `${name} ${tag}`,
        email: `p${n}.${tag}@sok.example`,
        ...(n < 2 ? { organisationId: org.json.organisationId } : {}),
        lawfulBasis: { basis: 'consent' },
      });
      expect(made.status).toBe(201);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    const totals: number[] = [];
    do {
      const page = await editor.call(
        'GET',
        `/api/contacts?q=${tag}&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(page.status).toBe(200);
      seen.push(...(page.json.items as Item[]).map((c) => String(c.name).split(' ')[0] ?? ''));
      totals.push(page.json.total as number);
      cursor = page.json.cursor as string | undefined;
    } while (cursor);
    expect(seen).toEqual(['Anna', 'Bo', 'Cecilia', 'David', 'Åsa', 'Ärla', 'Östen']);
    expect(totals).toEqual([7, 7, 7]);

    // By the organisation's name, accents and case aside; every word must match.
    const byOrganisation = await editor.call(
      'GET',
      `/api/contacts?q=${encodeURIComponent(`soktraff ${tag}`)}`,
    );
    expect((byOrganisation.json.items as Item[]).map((c) => c.name)).toEqual([`Anna ${tag}`, `Östen ${tag}`]);
    const byAddress = await editor.call('GET', `/api/contacts?q=p3.${tag}@sok`);
    expect((byAddress.json.items as Item[]).map((c) => c.name)).toEqual([`Bo ${tag}`]);
    const organisations = await editor.call('GET', `/api/organisations?q=${tag}`);
    expect(organisations.json).toMatchObject({
      total: 1,
      items: [{ name: `Sökträff ${tag} AB`, contactCount: 2 }],
    });

    // Another tenant finds none of it; a cursor that is not one of ours is refused, naming it.
    const hel = await staffClient(runtime, HEL_ADMIN);
    expect((await hel.call('GET', `/api/contacts?q=${tag}`)).json).toMatchObject({ items: [], total: 0 });
    const bad = await editor.call('GET', '/api/contacts?cursor=not-a-cursor');
    expect(bad.status).toBe(422);
    expect(bad.json.details).toEqual([{ field: 'query.cursor', message: 'Not a cursor from this list' }]);
    const tooMany = await editor.call('GET', '/api/contacts?limit=5000');
    expect(tooMany.status).toBe(422);
    expect((tooMany.json.details as Item[]).map((d) => d.field)).toEqual(['query.limit']);
  });
});

describe('tenants and roles', () => {
  it("gives 404 on another tenant's contact and organisation, for reads and writes alike", async () => {
    const hel = await staffClient(runtime, HEL_ADMIN);
    const hlm = await staffClient(runtime, HLM_ADMIN);
    const contact = await hel.call('POST', '/api/contacts', {
      name: 'Mette Dansk',
      email: `mette.${unique()}@helsingor.example`,
      lawfulBasis: { basis: 'public-task' },
    });
    expect(contact.status).toBe(201);
    expect(contact.json.language).toBe('da');
    const org = await hel.call('POST', '/api/organisations', { name: `Kronborg ${unique()}` });
    expect(org.json.country).toBe('DK');

    const missing = await hlm.call('GET', `/api/contacts/${randomUUID()}`);
    expect(missing.status).toBe(404);
    for (const [method, path, body] of [
      ['GET', `/api/contacts/${contact.json.contactId}`, undefined],
      ['PUT', `/api/contacts/${contact.json.contactId}`, { name: 'Kapad', email: 'kapad@x.example' }],
      ['DELETE', `/api/contacts/${contact.json.contactId}`, undefined],
      ['GET', `/api/organisations/${org.json.organisationId}`, undefined],
      ['PUT', `/api/organisations/${org.json.organisationId}`, { name: 'Kapad' }],
      ['DELETE', `/api/organisations/${org.json.organisationId}`, undefined],
    ] as const) {
      const response = await hlm.call(method, path, body);
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(response.json.error).toBe(missing.json.error);
    }
    // Linking to another tenant's organisation is as if it did not exist.
    const link = await hlm.call('POST', '/api/contacts', {
      name: 'X',
      email: `x.${unique()}@x.example`,
      organisationId: org.json.organisationId,
      lawfulBasis: { basis: 'consent' },
    });
    expect(link.status).toBe(422);
    // And it is all still there for its own tenant.
    expect((await hel.call('GET', `/api/contacts/${contact.json.contactId}`)).json.name).toBe('Mette Dansk');

    // Another tenant's import cannot be committed either.
    const preview = await hel.call('POST', '/api/imports/preview', {
      csv: `Virksomhed;Navn;E-mail\nA;B;b.${unique()}@x.example\n`,
    });
    const stolen = await hlm.call('POST', `/api/imports/${preview.json.importId}/commit`, {
      lawfulBasis: 'consent',
    });
    expect(stolen.status).toBe(404);
  });

  it('lets a viewer read and nothing more', async () => {
    const viewer = await staffClient(runtime, HLM_VIEWER);
    expect((await viewer.call('GET', '/api/organisations')).status).toBe(200);
    expect((await viewer.call('GET', '/api/contacts')).status).toBe(200);
    const writes = [
      await viewer.call('POST', '/api/organisations', { name: 'Nej AB' }),
      await viewer.call('POST', '/api/contacts', {
        name: 'Nej',
        email: 'nej@x.example',
        lawfulBasis: { basis: 'consent' },
      }),
      await viewer.call('POST', '/api/imports/preview', { csv: 'E-post\nnej@x.example\n' }),
      await viewer.call('POST', `/api/imports/${randomUUID()}/commit`, { lawfulBasis: 'consent' }),
    ];
    expect(writes.map((w) => w.status)).toEqual([403, 403, 403, 403]);
    const anyContact = ((await viewer.call('GET', '/api/contacts')).json.items as Item[])[0];
    expect((await viewer.call('DELETE', `/api/contacts/${anyContact?.contactId}`)).status).toBe(403);
  });
});

describe('console pages', () => {
  // One session per staff member, as one browser keeps one cookie; its forms carry its own token.
  const sessions = new Map<string, Promise<string>>();
  const session = (staffId: string) => {
    const token = sessions.get(staffId) ?? runtime.identity.idToken(staffId);
    sessions.set(staffId, token);
    return token;
  };
  const csrf = async (staffId: string) => sessionCsrfToken(await session(staffId));

  async function consoleFetch(staffId: string, path: string, init: RequestInit = {}) {
    const token = await session(staffId);
    return fetch(`${runtime.url}${path}`, {
      redirect: 'manual',
      ...init,
      headers: {
        cookie: `samverkan_session=${token}; samverkan_lang=sv`,
        ...init.headers,
      },
    });
  }

  it('imports an uploaded Windows-1252 file: preview table, lawful basis, commit, result', async () => {
    const tag = unique();
    const file = Buffer.from(
      `Företag;Org.nr;Namn;E-post\r\nÄlmhult ${tag} AB;;Åke Öberg;ake.${tag}@almhult.example\r\nTrasig AB;123;;\r\n`,
      'latin1',
    );
    const form = new FormData();
    form.set('_csrf', await csrf(HLM_EDITOR));
    form.set('csv', '');
    form.set('file', new Blob([file], { type: 'text/csv' }), 'kontakter.csv');
    const preview = await consoleFetch(HLM_EDITOR, '/console/imports/preview', {
      method: 'POST',
      body: form,
    });
    const html = await preview.text();
    expect(preview.status).toBe(200);
    expect(html).toContain(`Älmhult ${tag} AB`);
    expect(html).toContain('Åke Öberg');
    // Errors are told in words, not only in colour.
    expect(html).toMatch(/class="row-error"[\s\S]*?Fel<\/span>/);
    expect(html).toContain('<strong>Org.nr</strong>');
    const action = /action="(\/console\/imports\/[^"]+\/commit)"/.exec(html)?.[1];
    expect(action).toBeDefined();
    expect(html).toContain('name="lawfulBasis"');

    const commit = await consoleFetch(HLM_EDITOR, action ?? '', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `_csrf=${await csrf(HLM_EDITOR)}&lawfulBasis=legitimate-interest`,
    });
    expect(commit.status).toBe(303);
    const result = await consoleFetch(HLM_EDITOR, commit.headers.get('location') ?? '');
    const resultHtml = await result.text();
    expect(resultHtml).toContain('Importen är klar');
    expect(resultHtml).toContain('Berättigat intresse');

    const list = await consoleFetch(HLM_VIEWER, `/console/organisations?q=${tag}`);
    const listHtml = await list.text();
    expect(list.status).toBe(200);
    expect(listHtml).toContain(`Älmhult ${tag} AB`);
    expect(listHtml).toMatch(/href="\/console\/organisations"[^>]*aria-current="page"/);
    const contacts = await consoleFetch(HLM_VIEWER, `/console/contacts?q=${tag}`);
    expect(await contacts.text()).toContain(`ake.${tag}@almhult.example`);
  });

  it('says how many rows it left out and why, and hands them back as a CSV to fix (issue 12)', async () => {
    const tag = unique();
    const csv = [
      'Företag;Org.nr;Namn;E-post;Anteckning',
      `Rätt ${tag} AB;;Anna Rätt;anna.${tag}@ratt.example;ok`,
      // A typo in the number costs the number, not the contact.
      `Typo ${tag} AB;556012-5791;Tina Typo;tina.${tag}@typo.example;fel nr`,
      `Fel ${tag} AB;;Bo Fel;inte-en-adress;fel adress`,
      `Dubbel ${tag} AB;;Anna Igen;ANNA.${tag}@ratt.example;dubblett`,
      `;;=HYPERLINK("http://x.example","klick");formel.${tag}@x.example;formel`,
    ].join('\r\n');
    const form = new FormData();
    form.set('_csrf', await csrf(HLM_EDITOR));
    form.set('csv', csv);
    const preview = await consoleFetch(HLM_EDITOR, '/console/imports/preview', {
      method: 'POST',
      body: form,
    });
    const html = await preview.text();
    expect(preview.status).toBe(200);
    expect(html).toMatch(/class="note-warning"><strong>Org\.nr<\/strong>:[^<]*Varning:[^<]*utan nummer/);
    expect(html).toMatch(
      /class="note-warning"><strong>Namn<\/strong>:[^<]*Varning: Börjar som en kalkylbladsformel/,
    );
    const importId = /action="\/console\/imports\/([^"/]+)\/commit"/.exec(html)?.[1] ?? '';
    expect(html).toContain(`href="/console/imports/${importId}/rejected.csv"`);

    const commit = await consoleFetch(HLM_EDITOR, `/console/imports/${importId}/commit`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `_csrf=${await csrf(HLM_EDITOR)}&lawfulBasis=legitimate-interest`,
    });
    expect(commit.status).toBe(303);
    const resultHtml = await (await consoleFetch(HLM_EDITOR, commit.headers.get('location') ?? '')).text();
    // Before: "Hoppades över: –" whatever the preview had left out.
    expect(resultHtml).toMatch(/<dt>Hoppades över<\/dt><dd><strong>2<\/strong> \(1 med fel, 1 dubbletter\)/);
    expect(resultHtml).toContain(`href="/console/imports/${importId}/rejected.csv"`);

    const download = await consoleFetch(HLM_EDITOR, `/console/imports/${importId}/rejected.csv`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toContain('text/csv');
    expect(download.headers.get('content-disposition')).toMatch(/rows-not-imported\.csv/);
    const lines = (await download.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Företag;Org.nr;Namn;E-post;Anteckning;Problem');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(new RegExp(`^Fel ${tag} AB;;Bo Fel;inte-en-adress;fel adress;E-post: `));
    expect(lines[2]).toMatch(
      new RegExp(`^Dubbel ${tag} AB;;Anna Igen;ANNA\\.${tag}@ratt\\.example;dubblett;.*rad 2`),
    );

    // The contact with the mistyped number is saved, and so is the formula-like name, as text.
    const admin = await staffClient(runtime, HLM_ADMIN);
    const contacts = (await admin.call('GET', `/api/contacts?q=${tag}`)).json.items as Item[];
    const emails = contacts.map((c) => c.email);
    expect(emails).toEqual(expect.arrayContaining([`tina.${tag}@typo.example`, `formel.${tag}@x.example`]));
    expect(emails).not.toContain('inte-en-adress');
    const organisations = (await admin.call('GET', `/api/organisations?q=${tag}`)).json.items as Item[];
    const typo = organisations.find((o) => o.name === `Typo ${tag} AB`);
    expect(typo).toBeDefined();
    expect(typo?.organisationNumber).toBeUndefined();

    // Another tenant, a viewer, an unknown import: nothing.
    expect((await consoleFetch(HLM_VIEWER, `/console/imports/${importId}/rejected.csv`)).status).toBe(403);
    expect((await consoleFetch('staff-hel-mette', `/console/imports/${importId}/rejected.csv`)).status).toBe(
      404,
    );
    expect((await consoleFetch(HLM_EDITOR, `/console/imports/${randomUUID()}/rejected.csv`)).status).toBe(
      404,
    );
  });

  it('the address book: add, refuse with words on the fields, edit, page, and delete (issue 12)', async () => {
    const tag = unique();
    const post = async (staffId: string, path: string, fields: Record<string, string>) =>
      consoleFetch(staffId, path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: await csrf(staffId), ...fields }).toString(),
      });
    const admin = await staffClient(runtime, HLM_ADMIN);
    const total = async () => (await admin.call('GET', '/api/contacts')).json.total as number;

    // An organisation, from its form.
    const madeOrg = await post(HLM_EDITOR, '/console/organisations', {
      name: `Adressbok ${tag} AB`,
      organisationNumber: '',
      country: 'SE',
      organisationType: 'company',
      size: '10-49',
      industry: 'Handel',
      area: 'Tyringe',
      tags: 'handel, lunch',
    });
    expect(madeOrg.status).toBe(303);
    const orgPath = madeOrg.headers.get('location')?.split('?')[0] ?? '';
    const organisationId = orgPath.split('/').pop() ?? '';
    expect((await admin.call('GET', `/api/organisations/${organisationId}`)).json).toMatchObject({
      name: `Adressbok ${tag} AB`,
      size: '10-49',
      area: 'Tyringe',
      tags: ['handel', 'lunch'],
    });

    // A contact: refused with the reasons on their fields, in Swedish, and nothing saved.
    const before = await total();
    const refused = await post(HLM_EDITOR, '/console/contacts', {
      name: 'Eva',
      email: 'inte-en-adress',
      organisationId,
      language: 'sv',
      tags: '',
      lawfulBasis: '',
    });
    expect(refused.status).toBe(422);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toMatch(/id="f-email-error">Ange en giltig e-postadress/);
    expect(refusedHtml).toMatch(/id="f-lawfulBasis-error">[^<]+/);
    expect(refusedHtml).toContain('value="inte-en-adress"');
    expect(await total()).toBe(before);

    const made = await post(HLM_EDITOR, '/console/contacts', {
      name: `Eva ${tag}`,
      email: `eva.${tag}@adressbok.example`,
      organisationId,
      role: 'VD',
      language: 'da',
      tags: 'Lunch',
      lawfulBasis: 'consent',
    });
    expect(made.status).toBe(303);
    const contactPath = made.headers.get('location')?.split('?')[0] ?? '';
    const contactId = contactPath.split('/').pop() ?? '';
    const saved = await (await consoleFetch(HLM_EDITOR, `${contactPath}?saved=1`)).text();
    expect(saved).toContain('Sparat.');
    expect(await admin.call('GET', `/api/contacts/${contactId}`)).toMatchObject({
      json: {
        name: `Eva ${tag}`,
        organisationId,
        language: 'da',
        tags: ['lunch'],
        lawfulBasis: { basis: 'consent', source: 'console', recordedBy: HLM_EDITOR },
      },
    });

    // A second contact with her address is refused on the address field.
    const twice = await post(HLM_EDITOR, '/console/contacts', {
      name: 'Eva Igen',
      email: `EVA.${tag}@ADRESSBOK.example`,
      language: 'sv',
      lawfulBasis: 'consent',
    });
    expect(twice.status).toBe(422);
    expect(await twice.text()).toContain('En annan kontakt har redan den e-postadressen.');

    // Edit: the basis is kept when none is chosen; a stale version is refused, not overwritten.
    const version = /name="expectedVersion" value="(\d+)"/.exec(saved)?.[1] ?? '';
    const edited = await post(HLM_EDITOR, contactPath, {
      name: `Eva Ek ${tag}`,
      email: `eva.${tag}@adressbok.example`,
      organisationId: '',
      language: 'da',
      tags: 'lunch, styrgrupp',
      lawfulBasis: '',
      expectedVersion: version,
    });
    expect(edited.status).toBe(303);
    expect((await admin.call('GET', `/api/contacts/${contactId}`)).json).toMatchObject({
      name: `Eva Ek ${tag}`,
      tags: ['lunch', 'styrgrupp'],
      lawfulBasis: { basis: 'consent' },
    });
    expect((await admin.call('GET', `/api/contacts/${contactId}`)).json.organisationId).toBeUndefined();
    const stale = await post(HLM_EDITOR, contactPath, {
      name: 'Gammal',
      email: `eva.${tag}@adressbok.example`,
      language: 'da',
      expectedVersion: version,
    });
    expect(stale.status).toBe(422);
    expect(await stale.text()).toContain('Någon annan ändrade samtidigt');

    // The list: found by search, a page at a time with a link to the next.
    const list = await (
      await consoleFetch(HLM_VIEWER, `/console/contacts?q=${encodeURIComponent(`eva ${tag}`)}`)
    ).text();
    expect(list).toContain(`href="/console/contacts/${contactId}">Eva Ek ${tag}</a>`);
    expect(list).toContain('Visar 1–1 av 1');
    const rows = Array.from(
      { length: 51 },
      (_, i) => `Sida ${tag} ${String(i).padStart(2, '0')};sida${i}.${tag}@sida.example`,
    );
    const preview = await admin.call('POST', '/api/imports/preview', {
      csv: ['Namn;E-post', ...rows].join('\n'),
    });
    await admin.call('POST', `/api/imports/${preview.json.importId}/commit`, { lawfulBasis: 'consent' });
    const first = await (await consoleFetch(HLM_VIEWER, `/console/contacts?q=sida+${tag}`)).text();
    expect(first).toContain('Visar 1–50 av 51');
    expect(first).toContain(`Sida ${tag} 49`);
    expect(first).not.toContain(`Sida ${tag} 50`);
    const next = /href="(\/console\/contacts\?[^"]*cursor=[^"]+)" rel="next"/
      .exec(first)?.[1]
      ?.replaceAll('&amp;', '&');
    expect(next).toBeDefined();
    const second = await (await consoleFetch(HLM_VIEWER, next ?? '')).text();
    expect(second).toContain('Visar 51–51 av 51');
    expect(second).toContain(`Sida ${tag} 50`);
    expect(second).not.toContain('rel="next"');
    expect((await consoleFetch(HLM_VIEWER, '/console/contacts?cursor=trasig')).status).toBe(422);

    // Roles and tenants: a viewer reads but cannot write; another tenant finds nothing.
    expect((await post(HLM_VIEWER, contactPath, { name: 'X', email: 'x@x.example' })).status).toBe(403);
    expect((await consoleFetch(HEL_ADMIN, contactPath)).status).toBe(404);
    expect((await post(HEL_ADMIN, `${contactPath}/delete`, {})).status).toBe(404);

    // Delete: the organisation with a contact is refused, in words; admins delete, editors cannot.
    await post(HLM_EDITOR, contactPath, {
      name: `Eva Ek ${tag}`,
      email: `eva.${tag}@adressbok.example`,
      organisationId,
      language: 'da',
    });
    const orgRefused = await post(HLM_ADMIN, `${orgPath}/delete`, {});
    expect(orgRefused.status).toBe(422);
    expect(await orgRefused.text()).toContain('Organisationen har kontakter.');
    expect((await post(HLM_EDITOR, `${contactPath}/delete`, {})).status).toBe(403);
    const deleted = await post(HLM_ADMIN, `${contactPath}/delete`, {});
    expect(deleted.headers.get('location')).toBe('/console/contacts?deleted=1');
    expect((await admin.call('GET', `/api/contacts/${contactId}`)).status).toBe(404);
    expect((await post(HLM_ADMIN, `${orgPath}/delete`, {})).headers.get('location')).toBe(
      '/console/organisations?deleted=1',
    );
    expect((await admin.call('GET', `/api/organisations/${organisationId}`)).status).toBe(404);
  });

  it('refuses a viewer’s import and a form without the CSRF token', async () => {
    const form = new FormData();
    form.set('_csrf', await csrf(HLM_VIEWER));
    form.set('csv', 'E-post\nx@y.example\n');
    const viewer = await consoleFetch(HLM_VIEWER, '/console/imports/preview', { method: 'POST', body: form });
    expect(viewer.status).toBe(403);
    const noToken = new FormData();
    noToken.set('csv', 'E-post\nx@y.example\n');
    const forged = await consoleFetch(HLM_EDITOR, '/console/imports/preview', {
      method: 'POST',
      body: noToken,
    });
    expect(forged.status).toBe(403);
  });

  it("shows another tenant's organisation as not found", async () => {
    const hel = await staffClient(runtime, HEL_ADMIN);
    const org = await hel.call('POST', '/api/organisations', { name: `Hamlet ${unique()}` });
    const page = await consoleFetch(HLM_ADMIN, `/console/organisations/${org.json.organisationId}`);
    expect(page.status).toBe(404);
  });
});
