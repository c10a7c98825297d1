import { engage } from '../../shared/insight/actions/record.js';
import { answerDeltas, type Stage } from '../../shared/insight/engagement.js';
import { answerMarker, countOnce } from '../../shared/insight/store.js';

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
 */
export async function seedDemoInsight(
  tenantId: string,
  programmeId: string,
  themeIds: readonly string[],
  organisationIds: readonly string[],
): Promise<void> {
  const rnd = random(7);
  const work: (() => Promise<unknown>)[] = [];
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
      work.push(() => engage({ tenantId, programmeId, stage, organisationId, contactId, at }));
      if (stage === 'feedback' && themeIds.length > 0) {
        const themes = [0, 1, 2]
          .slice(0, 2 + (i % 2))
          .map((k) => themeIds[(i + k * 3) % themeIds.length] as string);
        work.push(() =>
          countOnce(
            tenantId,
            programmeId,
            answerMarker(`demo-history-${organisationId}`),
            answerDeltas(themes, at),
            at,
          ),
        );
      }
    }
  });
  // A few at a time: each count is a small transaction on the programme's counters item.
  const lanes = Array.from({ length: 4 }, async () => {
    for (let next = work.shift(); next; next = work.shift()) await next();
  });
  await Promise.all(lanes);
}
