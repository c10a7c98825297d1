import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.js';
import type { Form } from '../../shared/feedback/form.js';
import { getForm, getQuestions, submitAnswer } from '../../shared/feedback/store.js';
import { staffClient, waitFor } from '../helpers.js';

/**
 * The feedback forms' staff API against the local runtime: forms on the programme's themes,
 * validation, roles, tenants, versions locked by answers, the analysis from counters, answers
 * paged and filtered, codes, quotes and moderation.
 */

let runtime: LocalRuntime;
type Api = Awaited<ReturnType<typeof staffClient>>;
let admin: Api;
let editor: Api;
let viewer: Api;
let helAdmin: Api;
let programmeId: string;
let helProgrammeId: string;
let themes: { id: string; title: string }[];

beforeAll(async () => {
  runtime = await startLocalRuntime({ seed: true, log: () => {} });
  [admin, editor, viewer, helAdmin] = await Promise.all([
    staffClient(runtime, 'staff-hlm-anna'),
    staffClient(runtime, 'staff-hlm-erik'),
    staffClient(runtime, 'staff-hlm-maria'),
    staffClient(runtime, 'staff-hel-mette'),
  ]);
  const programme = (
    (await admin.call('GET', '/api/programmes')).json.items as {
      programmeId: string;
      themes: typeof themes;
    }[]
  )[0];
  if (!programme) throw new Error('No demo programme');
  programmeId = programme.programmeId;
  themes = programme.themes;
  helProgrammeId = (
    (await helAdmin.call('GET', '/api/programmes')).json.items as { programmeId: string }[]
  )[0]?.programmeId as string;
});
afterAll(async () => {
  await runtime?.stop();
});

const theme = (i: number) => themes[i]?.id as string;

const formBody = (over: Record<string, unknown> = {}) => ({
  programmeId,
  title: { sv: 'Vad tyckte du om dialoglunchen?', en: 'What did you think of the dialogue lunch?' },
  language: 'sv',
  questions: [
    {
      id: 'klimat',
      type: 'rating',
      label: { sv: 'Hur är näringslivsklimatet?' },
      scale: 5,
      required: true,
      themeId: theme(0),
    },
    {
      id: 'viktigast',
      type: 'ranking',
      label: { sv: 'Vad är viktigast?' },
      themeIds: [theme(0), theme(4), theme(5)],
    },
    {
      id: 'kompetens',
      type: 'long-text',
      label: { sv: 'Kompetensförsörjning: vad behöver ni?' },
      themeId: theme(4),
    },
    {
      id: 'kanaler',
      type: 'multiple',
      label: { sv: 'Hur vill ni höra av oss?' },
      options: [
        { id: 'mejl', label: { sv: 'Mejl' } },
        { id: 'lunch', label: { sv: 'Dialoglunch' } },
        { id: 'besok', label: { sv: 'Företagsbesök' } },
      ],
    },
  ],
  ...over,
});

async function createForm(over: Record<string, unknown> = {}): Promise<Form> {
  const response = await admin.call('POST', '/api/forms', formBody(over));
  expect(response.status, response.text).toBe(201);
  return response.json as unknown as Form;
}

const formCount = async () => ((await admin.call('GET', '/api/forms')).json.items as unknown[]).length;

describe('forms', () => {
  it('creates a form on the programme’s themes: 201, question ids kept, version 1, FormCreated on the bus', async () => {
    const form = await createForm();
    expect(form).toMatchObject({
      status: 'open',
      questionsVersion: 1,
      answerCount: 0,
      version: 1,
      tenantId: 'hassleholm',
    });
    expect(form.questions.map((q) => q.id)).toEqual(['klimat', 'viktigast', 'kompetens', 'kanaler']);
    const read = await viewer.call('GET', `/api/forms/${form.formId}`);
    expect(read.status).toBe(200);
    expect(read.json.formId).toBe(form.formId);
    await waitFor(
      () =>
        runtime.bus.published.some(
          (e) =>
            e['detail-type'] === 'FormCreated' && (e.detail as { formId?: string }).formId === form.formId,
        ),
      20_000,
      'FormCreated on the bus',
    );
  });

  it('refuses bad input with 422 naming each field, and writes nothing', async () => {
    const before = await formCount();
    const badShape = await admin.call('POST', '/api/forms', {
      ...formBody(),
      title: {},
      questions: [{ type: 'slider', label: { sv: 'x' } }],
      tenantId: 'helsingor',
    });
    expect(badShape.status).toBe(422);
    const fields = (badShape.json.details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['body.title', 'body.questions.0.type']));
    const badTheme = await admin.call(
      'POST',
      '/api/forms',
      formBody({ questions: [{ type: 'short-text', label: { sv: 'x' }, themeId: 'no-such-theme' }] }),
    );
    expect(badTheme.status).toBe(422);
    expect(badTheme.json.details).toEqual([
      { field: 'body.questions.0.themeId', message: 'Not a theme of the programme' },
    ]);
    const badEvent = await admin.call('POST', '/api/forms', formBody({ eventId: 'no-such-event' }));
    expect(badEvent.status).toBe(422);
    expect(badEvent.json.details).toEqual([{ field: 'body.eventId', message: 'No such event' }]);
    expect(await formCount()).toBe(before);
  });

  it('lets viewers read and refuses them every write (403); editors write', async () => {
    const form = await createForm();
    expect((await viewer.call('POST', '/api/forms', formBody())).status).toBe(403);
    expect((await viewer.call('POST', `/api/forms/${form.formId}/close`)).status).toBe(403);
    expect((await viewer.call('PUT', `/api/forms/${form.formId}`, {})).status).toBe(403);
    expect((await viewer.call('GET', `/api/forms/${form.formId}/analysis`)).status).toBe(200);
    const closed = await editor.call('POST', `/api/forms/${form.formId}/close`);
    expect(closed.status).toBe(200);
    expect((await getForm('hassleholm', form.formId))?.status).toBe('closed');
  });

  it('keeps tenants apart: another tenant’s form is a 404, its programme a 422, its lists never show it', async () => {
    const form = await createForm();
    for (const [method, path] of [
      ['GET', `/api/forms/${form.formId}`],
      ['GET', `/api/forms/${form.formId}/analysis`],
      ['GET', `/api/forms/${form.formId}/answers`],
      ['POST', `/api/forms/${form.formId}/close`],
    ] as const) {
      expect((await helAdmin.call(method, path)).status, path).toBe(404);
    }
    const put = await helAdmin.call('PUT', `/api/forms/${form.formId}`, {
      ...formBody(),
      programmeId: undefined,
      expectedVersion: 1,
    });
    expect(put.status).toBe(404);
    const list = (await helAdmin.call('GET', '/api/forms')).json.items as { formId: string }[];
    expect(list.map((f) => f.formId)).not.toContain(form.formId);
    const foreignProgramme = await admin.call(
      'POST',
      '/api/forms',
      formBody({ programmeId: helProgrammeId }),
    );
    expect(foreignProgramme.status).toBe(422);
    expect((await getForm('hassleholm', form.formId))?.status).toBe('open');
  });
});

describe('demo data', () => {
  it('has a form on Hässleholm’s themes with answers from the demo organisations, and one in Danish for Helsingør', async () => {
    const forms = (await viewer.call('GET', '/api/forms')).json.items as Form[];
    const demo = forms.find((f) => f.title.sv?.startsWith('Dialoglunch'));
    expect(demo).toBeDefined();
    const analysis = await viewer.call('GET', `/api/forms/${demo?.formId}/analysis`);
    expect(analysis.json).toMatchObject({ answers: 10, attributed: 6, anonymous: 4 });
    const ranking = (
      analysis.json.themes as { questions: { type: string; ranking?: { themeId: string }[] }[] }[]
    )
      .flatMap((t) => t.questions)
      .find((q) => q.type === 'ranking');
    expect(ranking?.ranking).toHaveLength(8);
    const helForms = (await helAdmin.call('GET', '/api/forms')).json.items as Form[];
    expect(helForms.find((f) => f.language === 'da')?.title.da).toBe(
      'Erhvervspolitikkens fire spor: hvad mener I?',
    );
  });
});

describe('versions', () => {
  it('replaces the questions before the first answer; once answered, a change makes version 2 and the answer keeps 1', async () => {
    const form = await createForm();
    const { programmeId: _p, ...editable } = formBody();
    const renamed = editable.questions.map((q, i) =>
      i === 0 ? { ...q, label: { sv: 'Hur är klimatet?' } } : q,
    );
    const early = await admin.call('PUT', `/api/forms/${form.formId}`, {
      ...editable,
      questions: renamed,
      expectedVersion: 1,
    });
    expect(early.status, early.text).toBe(200);
    expect(early.json).toMatchObject({ version: 2, questionsVersion: 1 });

    const answered = (await getForm('hassleholm', form.formId)) as Form;
    const answer = await submitAnswer(answered, { klimat: 4 }, undefined);
    expect(answer.questionsVersion).toBe(1);

    // A stale version is refused and changes nothing.
    const stale = await admin.call('PUT', `/api/forms/${form.formId}`, { ...editable, expectedVersion: 1 });
    expect(stale.status).toBe(409);

    const later = await admin.call('PUT', `/api/forms/${form.formId}`, {
      ...editable,
      questions: editable.questions.slice(0, 2),
      expectedVersion: 2,
    });
    expect(later.status, later.text).toBe(200);
    expect(later.json).toMatchObject({ version: 3, questionsVersion: 2 });
    expect((await getQuestions('hassleholm', form.formId, 1))?.map((q) => q.id)).toEqual([
      'klimat',
      'viktigast',
      'kompetens',
      'kanaler',
    ]);
    expect((await getQuestions('hassleholm', form.formId, 2))?.map((q) => q.id)).toEqual([
      'klimat',
      'viktigast',
    ]);
    // An answer to the version that was replaced is refused: it was read against old questions.
    await expect(submitAnswer(answered, { klimat: 2 }, undefined)).rejects.toMatchObject({ statusCode: 409 });
  });
});

describe('analysis and answers', () => {
  it('counts from the counters item and pages the answers, filtered by theme and organisation type', async () => {
    const form = await createForm();
    await submitAnswer(
      form,
      {
        klimat: 5,
        viktigast: [theme(4), theme(0)],
        kompetens: 'Vi saknar svetsare.',
        kanaler: ['mejl', 'lunch'],
      },
      {
        contactId: 'karin-holm',
        organisationId: 'foretagarna-hassleholm',
        organisationType: 'business-association',
        industry: 'Näringslivsorganisation',
      },
    );
    await submitAnswer(form, { klimat: 3, viktigast: [theme(4)], kanaler: ['mejl'] }, undefined);
    await submitAnswer(form, { klimat: 3, kompetens: 'Bättre pendling till Kristianstad.' }, undefined);

    const analysis = await viewer.call('GET', `/api/forms/${form.formId}/analysis`);
    expect(analysis.status).toBe(200);
    expect(analysis.json).toMatchObject({ answers: 3, attributed: 1, anonymous: 2 });
    const questions = (
      analysis.json.themes as {
        questions: {
          questionId: string;
          bars: { key: string; count: number }[];
          mean?: number;
          ranking?: { themeId: string; points: number }[];
        }[];
      }[]
    ).flatMap((t) => t.questions);
    const rating = questions.find((q) => q.questionId === 'klimat');
    expect(rating?.bars.map((b) => b.count)).toEqual([0, 0, 2, 0, 1]);
    expect(rating?.mean).toBeCloseTo(11 / 3);
    const ranking = questions.find((q) => q.questionId === 'viktigast');
    expect(ranking?.ranking?.[0]).toMatchObject({ themeId: theme(4), points: 6 });
    expect(questions.find((q) => q.questionId === 'kanaler')?.bars).toEqual([
      { key: 'mejl', label: 'Mejl', count: 2 },
      { key: 'lunch', label: 'Dialoglunch', count: 1 },
      { key: 'besok', label: 'Företagsbesök', count: 0 },
    ]);

    const first = await viewer.call('GET', `/api/forms/${form.formId}/answers?limit=2`);
    expect(first.status).toBe(200);
    expect(first.json.items).toHaveLength(2);
    expect(typeof first.json.cursor).toBe('string');
    const second = await viewer.call(
      'GET',
      `/api/forms/${form.formId}/answers?limit=2&cursor=${first.json.cursor}`,
    );
    expect(second.json.items).toHaveLength(1);
    expect(second.json.cursor).toBeUndefined();

    const byTheme = await viewer.call('GET', `/api/forms/${form.formId}/answers?themeId=${theme(4)}`);
    const texts = (byTheme.json.items as { answers: Record<string, unknown> }[]).map((a) => a.answers);
    expect(texts).toHaveLength(2);
    for (const answers of texts) expect(Object.keys(answers)).toEqual(['kompetens']);
    const byType = await viewer.call(
      'GET',
      `/api/forms/${form.formId}/answers?organisationType=business-association`,
    );
    expect(byType.json.items).toEqual([
      expect.objectContaining({ contactId: 'karin-holm', attributed: true }),
    ]);

    // Another list's cursor, or garbage, is a 422 naming the field.
    const other = await createForm();
    const bad = await viewer.call('GET', `/api/forms/${other.formId}/answers?cursor=${first.json.cursor}`);
    expect(bad.status).toBe(422);
    expect(bad.json.details).toEqual([expect.objectContaining({ field: 'query.cursor' })]);
  });

  it('codes, quotes and hides answers (the reason kept); hidden answers leave the list, viewers cannot moderate', async () => {
    const form = await createForm();
    await submitAnswer(form, { klimat: 2, kompetens: 'Ring mig på 070-123 45 67' }, undefined);
    const [listed] = (await admin.call('GET', `/api/forms/${form.formId}/answers`)).json.items as {
      answerRef: string;
    }[];
    const ref = listed?.answerRef as string;
    expect(
      (await viewer.call('POST', `/api/forms/${form.formId}/answers/${ref}`, { tags: ['x'] })).status,
    ).toBe(403);
    const coded = await editor.call('POST', `/api/forms/${form.formId}/answers/${ref}`, {
      tags: ['pendling'],
      quotes: ['kompetens'],
    });
    expect(coded.status, coded.text).toBe(200);
    expect(coded.json).toMatchObject({ tags: ['pendling'], quotes: ['kompetens'] });
    const noReason = await editor.call('POST', `/api/forms/${form.formId}/answers/${ref}`, {
      hide: { reason: ' ' },
    });
    expect(noReason.status).toBe(422);
    const hidden = await editor.call('POST', `/api/forms/${form.formId}/answers/${ref}`, {
      hide: { reason: 'Personuppgifter i svaret' },
    });
    expect(hidden.status).toBe(200);
    expect(hidden.json.hidden).toMatchObject({ reason: 'Personuppgifter i svaret', by: 'staff-hlm-erik' });
    expect((await admin.call('GET', `/api/forms/${form.formId}/answers`)).json.items).toEqual([]);
    const withHidden = await admin.call('GET', `/api/forms/${form.formId}/answers?hidden=include`);
    expect(withHidden.json.items).toHaveLength(1);
    // Another tenant, a made-up reference, another form: the same 404.
    expect(
      (await helAdmin.call('POST', `/api/forms/${form.formId}/answers/${ref}`, { tags: [] })).status,
    ).toBe(404);
    expect(
      (await admin.call('POST', `/api/forms/${form.formId}/answers/QU5TV0VS`, { tags: [] })).status,
    ).toBe(404);
    const other = await createForm();
    expect((await admin.call('POST', `/api/forms/${other.formId}/answers/${ref}`, { tags: [] })).status).toBe(
      404,
    );
  });
});
