import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.js';
import { postedFromForm } from '../../shared/feedback/console-form.js';
import type { Form } from '../../shared/feedback/form.js';
import { getForm, listForms, submitAnswer } from '../../shared/feedback/store.js';
import { sessionCsrfToken } from '../../shared/platform/http/html-pages.js';
import { parseCsvDocument } from '../csv.js';
import { staffClient } from '../helpers.js';

/**
 * The console's feedback pages against the local runtime: building a form on the programme's
 * themes (server-side validation), the analysis (SVG charts with tables, free text filtered and
 * paged, codes and moderation), the CSV export with and without masking, roles and tenants.
 */

let runtime: LocalRuntime;

beforeAll(async () => {
  runtime = await startLocalRuntime({ seed: true, log: () => {} });
});
afterAll(async () => {
  await runtime?.stop();
});

async function consoleRequest(
  staffId: string,
  method: 'GET' | 'POST',
  path: string,
  form?: Record<string, string>,
) {
  const token = await runtime.identity.idToken(staffId);
  const csrf = sessionCsrfToken(token);
  const response = await fetch(`${runtime.url}${path}`, {
    method,
    redirect: 'manual',
    headers: {
      cookie: `samverkan_session=${token}`,
      ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    body: form ? new URLSearchParams({ _csrf: csrf, ...form }).toString() : undefined,
  });
  return {
    status: response.status,
    location: response.headers.get('location'),
    text: await response.text(),
    headers: response.headers,
  };
}

async function themes() {
  const api = await staffClient(runtime, 'staff-hlm-anna');
  return (
    (await api.call('GET', '/api/programmes')).json.items as { themes: { id: string; title: string }[] }[]
  )[0]?.themes as { id: string; title: string }[];
}

describe('the form editor', () => {
  it('builds a form on the programme’s themes and refuses what does not fit, naming the field', async () => {
    const [klimat, , , , kompetens] = await themes();
    const before = (await listForms('hassleholm')).length;
    const bad = await consoleRequest('staff-hlm-erik', 'POST', '/console/forms', {
      'title.sv': '',
      language: 'sv',
      'q0.type': 'single',
      'q0.label.sv': 'Välj',
      'q0.options.sv': 'Bara ett',
    });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('error-summary');
    expect(bad.text).toContain('aria-invalid="true"');
    // In the reader's language: the title left empty, one option where two are needed.
    expect(bad.text).toContain('Svara på frågan.');
    expect(bad.text).toContain('Ange minst 2.');
    const badTheme = await consoleRequest('staff-hlm-erik', 'POST', '/console/forms', {
      'title.sv': 'Tema som inte finns',
      language: 'sv',
      'q0.type': 'short-text',
      'q0.label.sv': 'Fråga',
      'q0.theme': 'not-a-theme',
    });
    expect(badTheme.status).toBe(422);
    expect(badTheme.text).toContain('Inte ett av programmets teman.');
    expect((await listForms('hassleholm')).length).toBe(before);

    const created = await consoleRequest('staff-hlm-erik', 'POST', '/console/forms', {
      'title.sv': 'Workshop om kompetens',
      language: 'sv',
      anonymousLink: 'on',
      'q0.type': 'rating',
      'q0.label.sv': 'Hur viktigt är kompetensförsörjning?',
      'q0.theme': kompetens?.id ?? '',
      'q0.required': 'on',
      'q0.scale': '5',
      'q1.type': 'ranking',
      'q1.label.sv': 'Rangordna temana',
      'q2.type': 'long-text',
      'q2.label.sv': 'Vad behöver ni?',
      'q2.theme': klimat?.id ?? '',
      'q3.type': 'multiple',
      'q3.label.sv': 'Kanaler',
      'q3.options.sv': 'Mejl\nDialoglunch\nBesök',
    });
    expect(created.status, created.text).toBe(303);
    const formId = /\/console\/forms\/([^/?]+)$/.exec(created.location ?? '')?.[1] as string;
    const form = (await getForm('hassleholm', formId)) as Form;
    expect(form.questions.map((q) => q.type)).toEqual(['rating', 'ranking', 'long-text', 'multiple']);
    expect(form.questions[0]?.themeId).toBe(kompetens?.id);
    expect(form.questions[3]).toMatchObject({ options: [{ id: 'o1' }, { id: 'o2' }, { id: 'o3' }] });

    const edit = await consoleRequest('staff-hlm-erik', 'GET', `/console/forms/${formId}/edit`);
    expect(edit.status).toBe(200);
    expect(edit.text).toContain('Workshop om kompetens');
  });

  it('shows every language and setting of a form written through the API, and a save keeps them', async () => {
    const [klimat] = await themes();
    const api = await staffClient(runtime, 'staff-hlm-anna');
    const programmeId = (
      (await api.call('GET', '/api/programmes')).json.items as { programmeId: string }[]
    )[0]?.programmeId;
    const created = await api.call('POST', '/api/forms', {
      programmeId,
      title: { sv: 'Tre språk', en: 'Three languages' },
      intro: { sv: 'Välkommen', da: 'Velkommen' },
      language: 'sv',
      closesAt: '2027-06-01T15:00:00.000Z',
      questions: [
        {
          id: 'betyg',
          type: 'rating',
          label: { sv: 'Hur nöjd?', en: 'How satisfied?' },
          help: { sv: '1 är lägst' },
          lowLabel: { sv: 'Inte alls' },
          themeId: klimat?.id,
        },
        {
          id: 'kanal',
          type: 'multiple',
          label: { sv: 'Kanaler' },
          maxChoices: 1,
          options: [
            { id: 'mejl', label: { sv: 'Mejl', en: 'E-mail' } },
            { id: 'lunch', label: { sv: 'Lunch', en: 'Lunch' } },
          ],
        },
      ],
    });
    expect(created.status, created.text).toBe(201);
    const stored = created.json as unknown as Form;

    const edit = await consoleRequest('staff-hlm-erik', 'GET', `/console/forms/${stored.formId}/edit`);
    expect(edit.status).toBe(200);
    // Every text in every language and every setting has its field, filled in.
    expect(edit.text).toContain('name="q0.label.en" type="text" value="How satisfied?"');
    expect(edit.text).toContain('name="q0.help.sv" type="text" value="1 är lägst"');
    expect(edit.text).toMatch(/name="intro\.da"[^>]*>Velkommen</);
    expect(edit.text).toMatch(/name="q1\.options\.en"[^>]*>E-mail\nLunch</);
    expect(edit.text).toContain('name="q1.optionIds" value="mejl,lunch"');
    expect(edit.text).toMatch(/name="q1\.maxChoices"[^>]*value="1"/);
    // The closing time on the tenant's clock (Stockholm, summer time).
    expect(edit.text).toContain('value="2027-06-01T17:00"');

    // Saving as shown, with a Danish label added.
    const posted = postedFromForm(stored, 'Europe/Stockholm');
    const saved = await consoleRequest('staff-hlm-erik', 'POST', `/console/forms/${stored.formId}`, {
      ...posted,
      'q0.label.da': 'Hvor tilfreds?',
      expectedVersion: String(stored.version),
    });
    expect(saved.status, saved.text).toBe(303);
    const after = (await getForm('hassleholm', stored.formId)) as Form;
    expect(after.questions[0]?.label).toEqual({
      sv: 'Hur nöjd?',
      da: 'Hvor tilfreds?',
      en: 'How satisfied?',
    });
    expect(after.questions[0]).toMatchObject({ help: { sv: '1 är lägst' }, lowLabel: { sv: 'Inte alls' } });
    expect(after.questions[1]).toMatchObject({
      maxChoices: 1,
      options: [
        { id: 'mejl', label: { sv: 'Mejl', en: 'E-mail' } },
        { id: 'lunch', label: { sv: 'Lunch', en: 'Lunch' } },
      ],
    });
    expect(after.intro).toEqual({ sv: 'Välkommen', da: 'Velkommen' });
    expect(after.title).toEqual({ sv: 'Tre språk', en: 'Three languages' });
    expect(after.closesAt).toBe('2027-06-01T15:00:00.000Z');

    // Danish options with one line too few: refused at the Danish field, nothing saved.
    const mismatched = await consoleRequest('staff-hlm-erik', 'POST', `/console/forms/${stored.formId}`, {
      ...postedFromForm(after, 'Europe/Stockholm'),
      'q1.options.da': 'Mail',
      expectedVersion: String(after.version),
    });
    expect(mismatched.status).toBe(422);
    expect(mismatched.text).toContain('Lika många rader som alternativen på formulärets språk.');
    expect(mismatched.text).toMatch(/id="f-q1-options-da"[^>]*aria-invalid="true"/);
    expect(((await getForm('hassleholm', stored.formId)) as Form).version).toBe(after.version);
  });

  it('lets viewers read but not write; another tenant’s form is not found', async () => {
    const list = await consoleRequest('staff-hlm-maria', 'GET', '/console/forms');
    expect(list.status).toBe(200);
    expect(list.text).not.toContain('href="/console/forms/new"');
    expect((await consoleRequest('staff-hlm-maria', 'GET', '/console/forms/new')).status).toBe(403);
    expect(
      (await consoleRequest('staff-hlm-maria', 'POST', '/console/forms', { 'title.sv': 'x' })).status,
    ).toBe(403);
    const [form] = await listForms('hassleholm');
    expect((await consoleRequest('staff-hel-mette', 'GET', `/console/forms/${form?.formId}`)).status).toBe(
      404,
    );
    expect(
      (await consoleRequest('staff-hel-mette', 'GET', `/console/forms/${form?.formId}/export.csv`)).status,
    ).toBe(404);
  });
});

describe('analysis and export', () => {
  it('shows each question as an SVG chart with a table, the free text escaped, and exports masked CSV', async () => {
    const [klimat] = await themes();
    const api = await staffClient(runtime, 'staff-hlm-anna');
    const created = await api.call('POST', '/api/forms', {
      programmeId: ((await api.call('GET', '/api/programmes')).json.items as { programmeId: string }[])[0]
        ?.programmeId,
      title: { sv: 'Analysprov' },
      language: 'sv',
      questions: [
        { id: 'betyg', type: 'rating', label: { sv: 'Betyg' }, themeId: klimat?.id },
        { id: 'fritt', type: 'long-text', label: { sv: 'Fritt' }, themeId: klimat?.id },
      ],
    });
    const form = created.json as unknown as Form;
    await submitAnswer(
      form,
      { betyg: 4, fritt: 'Ring Karin på 070-123 45 67 eller karin@foretag.se <b>nu</b>' },
      {
        contactId: 'karin-holm',
        organisationType: 'business-association',
        industry: 'Näringslivsorganisation',
      },
    );
    await submitAnswer(form, { betyg: 2, fritt: '=HYPERLINK("http://evil")' }, undefined);

    const analysis = await consoleRequest('staff-hlm-maria', 'GET', `/console/forms/${form.formId}`);
    expect(analysis.status).toBe(200);
    expect(analysis.text).toContain('<svg class="chart" role="img"');
    expect(analysis.text).toMatch(/<table class="data">[\s\S]*Betyg|Värde/);
    expect(analysis.text).toContain('&lt;b>nu&lt;/b>');
    expect(analysis.text).toContain('2 svar (1 med namn, 1 anonyma)');

    const plain = await consoleRequest('staff-hlm-maria', 'GET', `/console/forms/${form.formId}/export.csv`);
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toContain('text/csv');
    const plainRows = parseCsvDocument(plain.text, ',');
    expect(plainRows[0]).toEqual([
      'Tid',
      'Svarande',
      'Organisationstyp',
      'Bransch',
      'Betyg',
      'Fritt',
      'Koder',
    ]);
    expect(plain.text).toContain('Karin Holm');
    expect(plain.text).toContain(`'=HYPERLINK`);

    const masked = await consoleRequest(
      'staff-hlm-maria',
      'GET',
      `/console/forms/${form.formId}/export.csv?redact=1`,
    );
    const rows = parseCsvDocument(masked.text, ',');
    expect(rows[0]).toEqual(['Maskade personuppgifter: 3']);
    expect(masked.text).not.toContain('070-123 45 67');
    expect(masked.text).not.toContain('karin@foretag.se');
    expect(masked.text).not.toContain('Karin');
    expect(masked.text).toContain('Ring [name] på [phone] eller [e-mail]');
  });

  it('codes and hides answers from the analysis page; the reason is required and kept', async () => {
    const [klimat] = await themes();
    const api = await staffClient(runtime, 'staff-hlm-anna');
    const created = await api.call('POST', '/api/forms', {
      programmeId: ((await api.call('GET', '/api/programmes')).json.items as { programmeId: string }[])[0]
        ?.programmeId,
      title: { sv: 'Moderering' },
      language: 'sv',
      questions: [{ id: 'fritt', type: 'long-text', label: { sv: 'Fritt' }, themeId: klimat?.id }],
    });
    const form = created.json as unknown as Form;
    await submitAnswer(form, { fritt: 'Olämpligt innehåll' }, undefined);
    const page = await consoleRequest('staff-hlm-erik', 'GET', `/console/forms/${form.formId}`);
    const action = /action="(\/console\/forms\/[^"]+\/answers\/[^"]+)"/.exec(page.text)?.[1] as string;
    expect(action).toBeDefined();
    expect((await consoleRequest('staff-hlm-erik', 'POST', action, { tags: 'ton, innehåll' })).status).toBe(
      303,
    );
    expect((await consoleRequest('staff-hlm-erik', 'POST', action, { hideReason: ' ' })).status).toBe(422);
    expect((await consoleRequest('staff-hlm-erik', 'POST', action, { hideReason: 'Kränkande' })).status).toBe(
      303,
    );
    expect((await consoleRequest('staff-hlm-maria', 'POST', action, { show: '1' })).status).toBe(403);
    const after = await api.call('GET', `/api/forms/${form.formId}/answers?hidden=include`);
    expect(after.json.items).toEqual([
      expect.objectContaining({
        tags: ['ton', 'innehåll'],
        hidden: expect.objectContaining({ reason: 'Kränkande' }),
      }),
    ]);
    const viewerPage = await consoleRequest('staff-hlm-maria', 'GET', `/console/forms/${form.formId}`);
    expect(viewerPage.text).not.toContain('Olämpligt innehåll');
  });
});

describe('publication and the screen for the room', () => {
  it('publishes chosen questions and marked quotes, masked; unpublished is the missing-form page', async () => {
    const [klimat] = await themes();
    const api = await staffClient(runtime, 'staff-hlm-anna');
    const created = await api.call('POST', '/api/forms', {
      programmeId: ((await api.call('GET', '/api/programmes')).json.items as { programmeId: string }[])[0]
        ?.programmeId,
      title: { sv: 'Publiceras' },
      language: 'sv',
      questions: [
        { id: 'betyg', type: 'rating', label: { sv: 'Betyg' }, themeId: klimat?.id },
        { id: 'hemligt', type: 'rating', label: { sv: 'Internt betyg' } },
        { id: 'fritt', type: 'long-text', label: { sv: 'Fritt' }, themeId: klimat?.id },
      ],
    });
    const form = created.json as unknown as Form;
    await submitAnswer(
      form,
      { betyg: 5, hemligt: 1, fritt: 'Karin Holm tycker bra, ring 0451-123 45' },
      {
        contactId: 'karin-holm',
      },
    );
    const summaryPath = `/forms/hassleholm/${form.formId}/summary`;
    expect((await fetch(`${runtime.url}${summaryPath}`)).status).toBe(404);

    const analysis = await consoleRequest('staff-hlm-erik', 'GET', `/console/forms/${form.formId}`);
    const answerAction = /action="(\/console\/forms\/[^"]+\/answers\/[^"]+)"/.exec(
      analysis.text,
    )?.[1] as string;
    expect(
      (await consoleRequest('staff-hlm-erik', 'POST', answerAction, { toggleQuote: 'fritt' })).status,
    ).toBe(303);
    const token = await runtime.identity.idToken('staff-hlm-erik');
    const body = new URLSearchParams({ _csrf: sessionCsrfToken(token), publish: '1' });
    body.append('questionIds', 'betyg');
    const published = await fetch(`${runtime.url}/console/forms/${form.formId}/publication`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: `samverkan_session=${token}`, 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    expect(published.status).toBe(303);

    const summary = await fetch(`${runtime.url}${summaryPath}`);
    expect(summary.status).toBe(200);
    const html = await summary.text();
    expect(html).toContain('Betyg');
    expect(html).not.toContain('Internt betyg');
    expect(html).toContain('<svg class="chart"');
    expect(html).toContain('[name] tycker bra, ring [phone]');
    expect(html).not.toContain('Karin');
    expect(html).not.toContain('0451');

    // Hiding the answer takes its quote off the page.
    expect(
      (await consoleRequest('staff-hlm-erik', 'POST', answerAction, { hideReason: 'Ångrat' })).status,
    ).toBe(303);
    expect(await (await fetch(`${runtime.url}${summaryPath}`)).text()).not.toContain('tycker bra');
  });

  it('shows the room its results with a script that refreshes them in place', async () => {
    const [form] = await listForms('hassleholm');
    const live = await consoleRequest('staff-hlm-maria', 'GET', `/console/forms/${form?.formId}/live`);
    expect(live.status).toBe(200);
    // The region the console's live refresh swaps in place (every region marked data-live).
    expect(live.text).toContain('id="live-results" data-live="results"');
    expect(live.text).toContain('<svg class="qr" role="img"');
    expect(live.text).toContain('<script src="/console/live.js" defer></script>');
    const script = await consoleRequest('staff-hlm-maria', 'GET', '/console/live.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('text/javascript');
    expect(script.text).toContain("querySelectorAll('[data-live][id]')");
  });
});
