import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { LocalRuntime } from '../infra/local/runtime.js';
import { contactKey } from '../shared/directory/store/contacts.js';
import type { EventInput, Meeting } from '../shared/meetings/meeting.js';
import { createEvent, ensureInvitation, getEvent, saveEvent } from '../shared/meetings/store.js';
import { documentClient } from '../shared/platform/aws/clients.js';
import { signLinkToken } from '../shared/platform/mail-kit/link-tokens.js';
import { tenantPk } from '../shared/platform/table/table.js';

const hour = 3_600_000;

export function eventInput(overrides: Partial<EventInput> = {}): EventInput {
  const start = Date.now() + 14 * 24 * hour;
  return {
    kind: 'dialogue-lunch',
    title: 'Dialoglunch om kompetensförsörjning',
    description: 'Lunch och gruppdiskussioner.',
    agenda: [
      { time: '11:30', title: 'Välkommen' },
      { time: '12:00', title: 'Lunch och dialog' },
    ],
    place: { name: 'Rådhuset', address: 'Storgatan 1, Hässleholm' },
    start: new Date(start).toISOString(),
    end: new Date(start + 2 * hour).toISOString(),
    capacity: 50,
    seatLimitPerOrganisation: 2,
    rsvpDeadline: new Date(start - 3 * 24 * hour).toISOString(),
    questions: { headcount: true, names: true, dietary: true, accessibility: true, note: true },
    language: 'sv',
    reminders: { attendeesDayBefore: false },
    ...overrides,
  };
}

/** A published event, made through the data layer (the staff API is tested on its own). */
export async function publishedEvent(
  tenantId: string,
  overrides: Partial<EventInput> = {},
): Promise<Meeting> {
  const event = await createEvent(tenantId, eventInput(overrides));
  await saveEvent({ ...event, status: 'published', version: event.version + 1 }, event.version);
  return (await getEvent(tenantId, event.eventId)) as Meeting;
}

/** Contacts (each in its own organisation unless `organisationId` is given) invited to the event. */
export async function invitedContacts(
  runtime: LocalRuntime,
  event: Meeting,
  count: number,
  options: { prefix: string; organisationId?: string },
): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => `${options.prefix}-${i}`);
  const items = ids.flatMap((contactId) => {
    const organisationId = options.organisationId ?? `org-${contactId}`;
    return [
      {
        ...contactKey(event.tenantId, contactId),
        type: 'contact',
        tenantId: event.tenantId,
        contactId,
        organisationId,
        name: `Deltagare ${contactId}`,
        email: `${contactId}@foretag.example`,
        language: 'sv',
        tags: [],
      },
      {
        pk: tenantPk(event.tenantId),
        sk: `ORG#${organisationId}`,
        type: 'organisation',
        organisationId,
        name: `Företag ${organisationId}`,
        organisationType: 'company',
        tags: [],
      },
    ];
  });
  const unique = [...new Map(items.map((i) => [`${i.pk}|${i.sk}`, i])).values()];
  for (let i = 0; i < unique.length; i += 25) {
    await documentClient.send(
      new BatchWriteCommand({
        RequestItems: {
          [runtime.tableName]: unique.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
        },
      }),
    );
  }
  for (const contactId of ids) {
    await ensureInvitation({
      tenantId: event.tenantId,
      eventId: event.eventId,
      contactId,
      organisationId: options.organisationId ?? `org-${contactId}`,
      organisationType: 'company',
    });
  }
  return ids;
}

export const rsvpToken = (event: Meeting, contactId: string) =>
  signLinkToken(
    { purpose: 'rsvp', tenantId: event.tenantId, subject: contactId, campaignId: event.eventId },
    30 * 24 * 3600,
  );

/**
 * The CSRF token a browser gets from an RSVP page: the signed cookie the page sets, and the same
 * value in its forms. One per runtime, as one browser keeps one cookie (opening the page marks
 * that one invitation opened).
 */
const formTokens = new WeakMap<LocalRuntime, Promise<string>>();

export async function rsvpFormToken(runtime: LocalRuntime, token: string): Promise<string> {
  let pending = formTokens.get(runtime);
  if (!pending) {
    pending = (async () => {
      const page = await fetch(`${runtime.url}/rsvp/${token}`);
      const html = await page.text();
      const cookie = /samverkan_csrf=([^;]+)/.exec(page.headers.get('set-cookie') ?? '')?.[1];
      // A closed event's page has no form, but sets the cookie all the same.
      const field = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
      const issued = cookie ? decodeURIComponent(cookie) : undefined;
      if (page.status !== 200 || !issued || (field !== undefined && field !== issued)) {
        throw new Error(`No CSRF token from the RSVP page (${page.status})`);
      }
      return issued;
    })();
    formTokens.set(runtime, pending);
    pending.catch(() => formTokens.delete(runtime));
  }
  return pending;
}

/** Posts the RSVP form (or, with `action: '/colleague'`, the colleague form) as a browser would. */
export async function postRsvp(
  runtime: LocalRuntime,
  token: string,
  form: Record<string, string | string[]>,
  action: '' | '/colleague' = '',
) {
  const csrf = await rsvpFormToken(runtime, token);
  const body = new URLSearchParams();
  body.set('_csrf', csrf);
  for (const [key, value] of Object.entries(form))
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  const response = await fetch(`${runtime.url}/rsvp/${token}${action}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: `samverkan_csrf=${encodeURIComponent(csrf)}`,
    },
    body,
  });
  return { status: response.status, html: await response.text() };
}
