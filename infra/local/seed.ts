import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { tenantCountry } from '../../shared/directory/schemas.js';
import { engagedNow } from '../../shared/directory/store/engagement.js';
import { emailGuardKey } from '../../shared/directory/store/organisations.js';
import { answersSchema, type Form } from '../../shared/feedback/form.js';
import { getForm, submitAnswer } from '../../shared/feedback/store.js';
import { documentClient } from '../../shared/platform/aws/clients.js';
import { tenantPk } from '../../shared/platform/table/table.js';
import { releaseInputSchema } from '../../shared/press/release.js';
import { createRelease, publishNow } from '../../shared/press/store/releases.js';
import { putPressSettings } from '../../shared/press/store/settings.js';
import { confirmSubscription, requestSubscription } from '../../shared/press/store/subscribers.js';
import { subscribeInputSchema } from '../../shared/press/subscription.js';
import { subscriptionTexts } from '../../shared/press/subscription-texts.js';
import { batchPut } from './batch-put.js';
import { type DemoTenant, demoStaff, demoTenants } from './demo-data.js';
import { demoInsightOrganisations, seedDemoInsight } from './demo-insight.js';
import { demoPress, demoSubscribers } from './demo-press.js';
import type { LocalRuntime } from './runtime.js';

const slug = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/(^-|-$)/g, '');

/**
 * First start only (a tenant profile already there means seeded): tenant profiles, staff,
 * organisations and contacts go straight into the table; programmes go through the staff API
 * as a demo admin would create them, so their events flow and the dashboards have activity; the
 * press rooms' releases are published through the press store at their original dates.
 * Tenants are seeded side by side, their directory in batches: the first `npm start` waits for it.
 */
export async function seedDemoData(runtime: LocalRuntime, log: (message: string) => void): Promise<void> {
  const seeded = await Promise.all(
    demoTenants.map(async (tenant) => {
      const existing = await documentClient.send(
        new GetCommand({
          TableName: runtime.tableName,
          Key: { pk: tenantPk(tenant.tenantId), sk: 'TENANT' },
        }),
      );
      return existing.Item !== undefined;
    }),
  );
  await Promise.all(
    demoTenants.filter((_, i) => !seeded[i]).map((tenant) => seedTenant(runtime, tenant, log)),
  );
}

/** The tenant's staff, organisations, contacts and the contacts' email guards, as table items. */
function directoryItems(tenant: DemoTenant, now: string): Record<string, unknown>[] {
  const items: Record<string, unknown>[] = demoStaff
    .filter((s) => s.tenantId === tenant.tenantId)
    .map((staff) => ({
      pk: tenantPk(tenant.tenantId),
      sk: `STAFF#${staff.staffId}`,
      type: 'staff',
      ...staff,
      createdAt: now,
    }));
  // Hässleholm's programme history (infra/local/demo-insight.ts): its other organisations, without contacts.
  for (const org of tenant.tenantId === 'hassleholm' ? demoInsightOrganisations() : []) {
    items.push({
      pk: tenantPk(tenant.tenantId),
      sk: `ORG#${org.organisationId}`,
      type: 'organisation',
      organisationId: org.organisationId,
      tenantId: tenant.tenantId,
      name: org.name,
      organisationType: org.type,
      country: tenantCountry(tenant),
      industry: org.industry,
      size: org.size,
      area: org.area,
      tags: ['demo'],
      createdAt: now,
    });
  }
  for (const org of tenant.organisations) {
    const organisationId = slug(org.name);
    items.push({
      pk: tenantPk(tenant.tenantId),
      sk: `ORG#${organisationId}`,
      type: 'organisation',
      organisationId,
      tenantId: tenant.tenantId,
      name: org.name,
      organisationType: org.type,
      country: tenantCountry(tenant),
      industry: org.industry,
      tags: ['demo'],
      createdAt: now,
    });
    for (const contact of org.contacts) {
      const contactId = slug(contact.name);
      const email = `${contactId}@${organisationId}.example`;
      items.push({
        pk: tenantPk(tenant.tenantId),
        sk: `CONTACT#${contactId}`,
        type: 'contact',
        contactId,
        tenantId: tenant.tenantId,
        organisationId,
        name: contact.name,
        role: contact.role,
        email,
        language: tenant.language,
        lawfulBasis: { basis: 'legitimate-interest', source: 'demo data', recordedAt: now },
        createdAt: now,
        // Added now, as the directory records a contact staff add (the retention rule's clock).
        ...engagedNow(tenant.tenantId, contactId, now),
      });
      // The directory's uniqueness guard, as shared/directory/store/organisations.ts writes it with a contact.
      items.push({ ...emailGuardKey(tenant.tenantId, email), type: 'unique', kind: 'email', contactId });
    }
  }
  return items;
}

async function seedTenant(runtime: LocalRuntime, tenant: DemoTenant, log: (message: string) => void) {
  const table = runtime.tableName;
  await batchPut(table, directoryItems(tenant, new Date().toISOString()));
  const admin = demoStaff.find((s) => s.tenantId === tenant.tenantId && s.role === 'admin');
  if (!admin) throw new Error(`Demo tenant ${tenant.tenantId} has no admin`);
  const token = await runtime.identity.idToken(admin.staffId);
  const programmeAndFeedback = async () => {
    const response = await fetch(`${runtime.url}/api/programmes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        ...tenant.programme,
        themes: tenant.programme.themes.map((title) => ({ title })),
      }),
    });
    if (response.status !== 201)
      throw new Error(`Seeding ${tenant.tenantId} failed: ${response.status} ${await response.text()}`);
    const programme = (await response.json()) as { programmeId: string; themes: { id: string }[] };
    // Independent of each other once the programme exists: side by side (the insight markers
    // keep each count single, whichever of the history and the recorder counts first).
    await Promise.all([
      seedFeedback(runtime, tenant, programme, token),
      seedOutcomes(runtime, tenant, programme, token),
      tenant.tenantId === 'hassleholm'
        ? seedDemoInsight(
            tenant.tenantId,
            programme.programmeId,
            programme.themes.map((t) => t.id),
            [
              ...tenant.organisations.map((o) => slug(o.name)),
              ...demoInsightOrganisations().map((o) => o.organisationId),
            ],
          )
        : undefined,
    ]);
  };
  // The press room: its lists, and the seed press releases published at their own dates.
  const pressRoom = async () => {
    const press = demoPress[tenant.tenantId];
    if (!press) return;
    await putPressSettings(tenant.tenantId, press.settings, admin.staffId);
    for (const { publishedAt, ...fields } of press.releases) {
      const input = releaseInputSchema.parse({ ...fields, language: tenant.language });
      const draft = await createRelease(tenant.tenantId, input, admin.staffId, new Date(publishedAt));
      await publishNow(draft, draft.version, admin.staffId, new Date(publishedAt));
    }
    // Its journalists, confirmed as if each had clicked their link (consent source `demo`).
    const now = new Date().toISOString();
    for (const subscriber of demoSubscribers[tenant.tenantId] ?? []) {
      const input = subscribeInputSchema.parse({ ...subscriber, language: tenant.language });
      const consent = {
        at: now,
        source: 'demo',
        language: tenant.language,
        text: subscriptionTexts[tenant.language].consent(tenant.name),
      };
      const { subscriberId } = await requestSubscription(tenant.tenantId, input, consent);
      await confirmSubscription(tenant.tenantId, subscriberId);
    }
  };
  await Promise.all([programmeAndFeedback(), pressRoom()]);
  // The tenant profile goes last: it marks the tenant as seeded.
  await documentClient.send(
    new PutCommand({
      TableName: table,
      Item: {
        pk: tenantPk(tenant.tenantId),
        sk: 'TENANT',
        type: 'tenant',
        tenantId: tenant.tenantId,
        name: tenant.name,
        language: tenant.language,
        timeZone: tenant.timeZone,
      },
    }),
  );
  log(`seeded demo tenant ${tenant.name}`);
}

/** The programme's demo outcomes, recorded and published through the staff API. */
async function seedOutcomes(
  runtime: LocalRuntime,
  tenant: DemoTenant,
  programme: { programmeId: string; themes: { id: string }[] },
  token: string,
) {
  const call = async (path: string, body: unknown) => {
    const response = await fetch(`${runtime.url}/api/programmes/${programme.programmeId}/outcomes${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status >= 300)
      throw new Error(
        `Seeding outcomes for ${tenant.tenantId} failed: ${response.status} ${await response.text()}`,
      );
    return (await response.json()) as { outcomeId: string; version: number };
  };
  // Each on its own theme: side by side.
  await Promise.all(
    (tenant.outcomes ?? []).map(async ({ theme, ...fields }) => {
      const draft = await call('', { ...fields, themeId: programme.themes[theme]?.id ?? '' });
      await call(`/${draft.outcomeId}/publish`, { expectedVersion: draft.version });
    }),
  );
}

/**
 * The tenant's demo feedback form, made through the staff API, and its answers: attributed ones
 * from the demo contacts (as their signed links would store them) and anonymous ones.
 */
async function seedFeedback(
  runtime: LocalRuntime,
  tenant: DemoTenant,
  programme: { programmeId: string; themes: { id: string }[] },
  token: string,
): Promise<void> {
  const { feedback } = tenant;
  if (!feedback) return;
  const language = tenant.language;
  const themeId = (index: number) => programme.themes[index]?.id ?? '';
  const response = await fetch(`${runtime.url}/api/forms`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      programmeId: programme.programmeId,
      title: { [language]: feedback.title },
      intro: { [language]: feedback.intro },
      language,
      anonymousLink: true,
      questions: feedback.questions.map((q) => ({
        id: q.id,
        type: q.type,
        label: { [language]: q.label },
        ...('theme' in q && q.theme !== undefined ? { themeId: themeId(q.theme) } : {}),
        ...('required' in q && q.required ? { required: true } : {}),
        ...('options' in q
          ? { options: q.options.map((label, i) => ({ id: `o${i + 1}`, label: { [language]: label } })) }
          : {}),
      })),
    }),
  });
  if (response.status !== 201) {
    throw new Error(
      `Seeding feedback for ${tenant.tenantId} failed: ${response.status} ${await response.text()}`,
    );
  }
  const { formId } = (await response.json()) as { formId: string };
  const form = (await getForm(tenant.tenantId, formId)) as Form;
  const schema = answersSchema(form.questions);
  const organisationOf = (contact: string | undefined) =>
    tenant.organisations.find((o) => o.contacts.some((c) => c.name === contact));
  // The answers side by side: each is its own transaction, the form's counts are additions.
  await Promise.all(
    feedback.answers.map((answer) => {
      const values = Object.fromEntries(
        Object.entries(answer.values).map(([id, value]) => {
          const question = feedback.questions.find((q) => q.id === id);
          if (question?.type === 'ranking' && Array.isArray(value)) return [id, value.map(themeId)];
          if (question?.type === 'multiple' && Array.isArray(value))
            return [id, value.map((i) => `o${i + 1}`)];
          return [id, value];
        }),
      );
      const organisation = organisationOf(answer.contact);
      return submitAnswer(
        form,
        // Checked as a respondent's answer is: demo data that does not fit the form fails the seed.
        schema.parse(values),
        answer.contact && organisation
          ? {
              contactId: slug(answer.contact),
              organisationId: slug(organisation.name),
              organisationType: organisation.type,
              industry: organisation.industry,
            }
          : undefined,
      );
    }),
  );
}
