import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.js';
import { consoleRequest, staffClient } from '../helpers.js';

/**
 * The programme overview's pages against the local runtime with the demo data: the overview,
 * its printable report and CSV for the tenant's own programme; another tenant's programme the
 * same 404 as a missing one; a cursor not from the list refused.
 */

let runtime: LocalRuntime;
let programmeId: string;

beforeAll(async () => {
  runtime = await startLocalRuntime({ seed: true, log: () => {} });
  const admin = await staffClient(runtime, 'staff-hlm-anna');
  const created = await admin.call('POST', '/api/programmes', {
    name: 'Program med =formel',
    description: '',
    language: 'sv',
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    themes: [{ title: '=HYPERLINK("https://evil.example")' }, { title: 'Infrastruktur' }],
  });
  expect(created.status).toBe(201);
  programmeId = created.json.programmeId as string;
});
afterAll(async () => {
  await runtime?.stop();
});

const overview = (id: string) => `/console/programmes/${id}/overview`;

describe('programme overview pages', () => {
  it('shows the overview with its figures, report and export links', async () => {
    // Act
    const response = await consoleRequest(runtime, 'staff-hlm-anna', 'GET', overview(programmeId));
    const html = await response.text();
    // Assess
    expect(response.status).toBe(200);
    expect(html).toContain('id="headline"');
    expect(html).toContain('<svg');
    expect(html).toContain('id="timeline"');
    expect(html).toContain(`href="${overview(programmeId)}/report"`);
    expect(html).toContain(`href="${overview(programmeId)}.csv"`);
    // The demo directory's organisations, none invited in this new programme.
    expect(html).toContain('Aldrig inbjudna');
  });

  it("shows each theme's latest outcome beside its feedback (you said, we did)", async () => {
    const admin = await staffClient(runtime, 'staff-hlm-anna');
    const programmes = (await admin.call('GET', '/api/programmes')).json.items as {
      programmeId: string;
      name: string;
    }[];
    const demo = programmes.find((p) => p.programmeId !== programmeId);
    const themed = await admin.call('POST', `/api/programmes/${programmeId}/outcomes`, {
      themeId: (
        (await admin.call('GET', `/api/programmes/${programmeId}`)).json.themes as { id: string }[]
      )[1]?.id,
      title: 'Ny cykelväg till industriområdet',
      body: 'Beslutad i kommunstyrelsen.',
      status: 'planned',
      date: '2026-06-01',
    });
    expect(themed.status, themed.text).toBe(201);
    const html = await (await consoleRequest(runtime, 'staff-hlm-anna', 'GET', overview(programmeId))).text();
    expect(html).toMatch(
      /Infrastruktur<\/th>[\s\S]*?Ny cykelväg till industriområdet<\/span> <span class="meta">planerat, 2026-06-01/,
    );
    // The seeded programme's published outcomes show in its overview too.
    const seeded = await (
      await consoleRequest(runtime, 'staff-hlm-anna', 'GET', overview(demo?.programmeId ?? ''))
    ).text();
    expect(seeded).toContain('Företagslotsen får fast telefontid och svar inom två arbetsdagar');
    // …and where in the municipality its organisations are (the directory's town or district).
    expect(seeded).toContain('Ort eller kommundel');
    expect(seeded).toMatch(/<th scope="row"[^>]*>Tyringe<\/th>/);
  });

  it('exports CSV with formula cells guarded, under a name of its own', async () => {
    const response = await consoleRequest(runtime, 'staff-hlm-anna', 'GET', `${overview(programmeId)}.csv`);
    const body = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toContain('program-med-formel-overview.csv');
    expect(body).toContain(`"'=HYPERLINK(""https://evil.example"")"`);
    expect(body).not.toMatch(/(^|[\r\n,])=HYPERLINK/);
  });

  it('offers a printable report with a print stylesheet', async () => {
    const response = await consoleRequest(
      runtime,
      'staff-hlm-anna',
      'GET',
      `${overview(programmeId)}/report`,
    );
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('@media print');
    expect(html).toContain('id="themes"');
  });

  it("answers another tenant's programme as it answers a missing one", async () => {
    const paths = [overview(programmeId), `${overview(programmeId)}.csv`, `${overview(programmeId)}/report`];
    for (const path of paths) {
      const other = await consoleRequest(runtime, 'staff-hel-mette', 'GET', path);
      const missing = await consoleRequest(
        runtime,
        'staff-hel-mette',
        'GET',
        path.replace(programmeId, 'no-such-programme'),
      );
      expect(other.status).toBe(404);
      expect(missing.status).toBe(404);
      expect(await other.text()).toBe(await missing.text());
    }
  });

  it('refuses a cursor that is not from the list', async () => {
    const bad = Buffer.from(JSON.stringify({ pk: 'T#helsingor', sk: 'ORG#x' })).toString('base64url');
    const response = await consoleRequest(
      runtime,
      'staff-hlm-anna',
      'GET',
      `${overview(programmeId)}?cursor=${bad}`,
    );
    expect(response.status).toBe(422);
  });
});
