import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { engage } from '../../shared/insight/actions/record.js';
import {
  answerDeltas,
  type Counters,
  organisationDeltas,
  personDeltas,
  type Stage,
} from '../../shared/insight/engagement.js';
import {
  answerMarker,
  countOnce,
  insightPk,
  organisationMarker,
  personMarker,
} from '../../shared/insight/store.js';
import { documentClient } from '../../shared/platform/aws/clients.js';
import { tableName } from '../../shared/platform/table/table.js';
import { batchPut } from './batch-put.js';

/** The generated organisations' markers (25 a batch) and their counts added in one update. */
async function writeInBulk(markers: Record<string, unknown>[], counters: Counters, pk: string) {
  await batchPut(tableName(), markers);
  const names = Object.keys(counters);
  if (names.length === 0) return;
  // ADD, not SET: the recorder may have counted the directory's own organisations already.
  await documentClient.send(
    new UpdateCommand({
      TableName: tableName(),
      Key: { pk, sk: 'COUNTS' },
      UpdateExpression: `ADD ${names.map((_, i) => `#n${i} :v${i}`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(names.map((name, i) => [`#n${i}`, name])),
      ExpressionAttributeValues: Object.fromEntries(names.map((name, i) => [`:v${i}`, counters[name]])),
    }),
  );
}

/**
 * The Hässleholm demo programme's history: "drygt 100 olika företag och organisationer har
 * deltagit i olika möten" (seeds/002). The programme ran through 2024, before this system, so
 * its engagements are counted into the programme's insight counters by the same counting the
 * recorder does for catalogue events (`engage`: once per organisation, person and stage), and
 * the directory gets the organisations (without contacts: no demo mail reaches them).
 */

const industries = [
  'Tillverkning',
  'Handel',
  'Bygg',
  'Livsmedel',
  'Besöksnäring',
  'Transport',
  'IT och digitalisering',
  'Lantbruk',
  'Rådgivning',
  'Vård och omsorg',
];
const sizes = ['1-9', '1-9', '10-49', '10-49', '1-9', '50-249', '10-49', '250+'] as const;
const places = ['Hässleholm', 'Tyringe', 'Vinslöv', 'Sösdala', 'Bjärnum', 'Hästveda', 'Ignaberga', 'Stoby'];
const trades = ['Bygg', 'Mekaniska', 'Trä', 'Livs', 'Handel', 'Åkeri', 'Data', 'Gård', 'Konsult', 'Omsorg'];

/** A small deterministic generator (the demo looks the same on every first start). */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

export interface DemoInsightOrganisation {
  organisationId: string;
  name: string;
  type: string;
  industry: string;
  size: string;
  /** The town or village of the municipality it is in. */
  area: string;
}

/** The programme's other organisations: companies around the municipality, in the directory without contacts. */
export function demoInsightOrganisations(): DemoInsightOrganisation[] {
  const rnd = random(2024);
  return Array.from({ length: 104 }, (_, i) => {
    // Every place with every trade, then again with another company form: no two names alike.
    const place = places[i % places.length] as string;
    const trade = Math.floor(i / places.length) % trades.length;
    const form = ['AB', 'HB', 'och Söner AB'][Math.floor(i / (places.length * trades.length))] as string;
    const kind = rnd();
    return {
      organisationId: `demo-org-${String(i + 1).padStart(3, '0')}`,
      name: `${place} ${trades[trade]} ${form}`,
      type:
        kind < 0.86 ? 'company' : kind < 0.93 ? 'business-association' : kind < 0.97 ? 'education' : 'other',
      industry: industries[trade] as string,
      size: sizes[Math.floor(rnd() * sizes.length)] as string,
      area: place,
    };
  });
}

/** A day in 2024's month `month` (1–12), as an instant. */
const dayIn = (month: number, day: number) =>
  `2024-${String(month).padStart(2, '0')}-${String(Math.min(28, day)).padStart(2, '0')}T09:00:00.000Z`;

/**
 * Counts the history: most organisations invited (a dozen never), about four in five of those
 * answered, most of them came, a third gave feedback on two or three themes. Months follow the
 * programme's rhythm: invitations from February, workshops in spring and autumn.
 *
 * The directory's own demo organisations go through `engage` (their contacts' real feedback
 * answers are counted by the recorder at the same time: the markers keep each count single);
 * the generated ones, which nothing else counts, in bulk with the same deltas and markers: the
 * first start must not wait for hundreds of transactions.
 */
export async function seedDemoInsight(
  tenantId: string,
  programmeId: string,
  themeIds: readonly string[],
  organisationIds: readonly string[],
): Promise<void> {
  const rnd = random(7);
  const generated = new Set(demoInsightOrganisations().map((o) => o.organisationId));
  const profiles = new Map(demoInsightOrganisations().map((o) => [o.organisationId, o]));
  const one: (() => Promise<unknown>)[] = [];
  const counters: Counters = {};
  const markers: Record<string, unknown>[] = [];
  const pk = insightPk(tenantId, programmeId);
  const add = (deltas: Counters) => {
    for (const [name, by] of Object.entries(deltas)) counters[name] = (counters[name] ?? 0) + by;
  };
  organisationIds.forEach((organisationId, i) => {
    if (i % 9 === 8) return; // never invited: the "not reached" list has them
    const contactId = `demo-person-${organisationId}`;
    const invitedMonth = 2 + Math.floor(rnd() * 7);
    const stagesReached: [Stage, number][] = [['invited', invitedMonth]];
    if (rnd() < 0.82) {
      const answeredMonth = Math.min(11, invitedMonth + Math.floor(rnd() * 2));
      stagesReached.push(['answered', answeredMonth]);
      if (rnd() < 0.8) stagesReached.push(['attended', Math.min(11, answeredMonth + 1)]);
      if (rnd() < 0.4) stagesReached.push(['feedback', Math.min(12, answeredMonth + 1)]);
    }
    for (const [stage, month] of stagesReached) {
      const at = dayIn(month, 3 + ((i * 7) % 25));
      const themes =
        stage === 'feedback' && themeIds.length > 0
          ? [0, 1, 2].slice(0, 2 + (i % 2)).map((k) => themeIds[(i + k * 3) % themeIds.length] as string)
          : [];
      if (!generated.has(organisationId)) {
        one.push(() => engage({ tenantId, programmeId, stage, organisationId, contactId, at }));
        if (themes.length > 0)
          one.push(() =>
            countOnce(
              tenantId,
              programmeId,
              answerMarker(`demo-history-${organisationId}`),
              answerDeltas(themes, at),
              at,
            ),
          );
        continue;
      }
      const p = profiles.get(organisationId);
      add(
        organisationDeltas(stage, { type: p?.type, industry: p?.industry, size: p?.size, area: p?.area }, at),
      );
      add(personDeltas(stage));
      markers.push(
        { pk, sk: `SEEN#${organisationMarker(stage, organisationId)}`, type: 'insight-marker', at },
        { pk, sk: `SEEN#${personMarker(stage, contactId)}`, type: 'insight-marker', at },
      );
      if (themes.length > 0) {
        add(answerDeltas(themes, at));
        markers.push({
          pk,
          sk: `SEEN#${answerMarker(`demo-history-${organisationId}`)}`,
          type: 'insight-marker',
          at,
        });
      }
    }
  });
  // Eight counts at a time: each is its own transaction on the counters item (a conflict is
  // retried by the store), and one after another they were the first start's longest wait.
  const countEach = async () => {
    for (let next = one.shift(); next; next = one.shift()) await next();
  };
  await Promise.all([...Array.from({ length: 8 }, countEach), writeInBulk(markers, counters, pk)]);
}
