import { registrationPath } from '../../shared/meetings/registration.js';
import { demoStaff } from './demo-data.js';
import type { LocalRuntime } from './runtime.js';

const DAY = 86_400_000;
/** The demo's open event (issue 12, Build 4): found again by its title on a later start. */
export const demoOpenEventTitle = 'Frukostmöte: nya företagare i Hässleholm (öppen anmälan)';

/**
 * `npm start` only (tests start their own events): one published Hässleholm event with open
 * registration, three weeks ahead, made through the staff API as Anna would, once per data
 * folder. Its public page's path, for the start-up list.
 */
export async function ensureDemoOpenEvent(runtime: LocalRuntime): Promise<string> {
  const tenantId = 'hassleholm';
  const admin = demoStaff.find((s) => s.tenantId === tenantId && s.role === 'admin');
  if (!admin) throw new Error('demo data has no Hässleholm admin');
  const token = await runtime.identity.idToken(admin.staffId);
  const api = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${runtime.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`Demo event: ${method} ${path} → ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  };
  const listed = (await api('GET', '/api/events')).items as { eventId: string; title: string }[];
  const existing = listed.find((e) => e.title === demoOpenEventTitle);
  if (existing) return registrationPath(tenantId, existing.eventId);
  const start = new Date(Math.ceil((Date.now() + 21 * DAY) / DAY) * DAY + 7 * 3_600_000);
  const created = await api('POST', '/api/events', {
    kind: 'breakfast-meeting',
    title: demoOpenEventTitle,
    description: 'Frukost och **samtal** för dig som har startat företag det senaste året. Alla är välkomna.',
    agenda: [
      { time: '08:00', title: 'Frukost' },
      { time: '08:30', title: 'Näringslivskontoret berättar' },
    ],
    place: { name: 'Rådhuset', address: 'Stortorget 1, Hässleholm' },
    start: start.toISOString(),
    end: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
    capacity: 30,
    seatLimitPerOrganisation: 2,
    rsvpDeadline: new Date(start.getTime() - 2 * DAY).toISOString(),
    language: 'sv',
    openRegistration: true,
  });
  const eventId = String(created.eventId);
  await api('POST', `/api/events/${eventId}/publish`);
  return registrationPath(tenantId, eventId);
}
