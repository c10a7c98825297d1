import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.js';
import { suppress, unsubscribe } from '../../shared/mail/store/suppressions.js';
import { sessionCsrfToken } from '../../shared/platform/http/html-pages.js';
import { staffClient } from '../helpers.js';
import { addContacts } from '../mail-helpers.js';

/**
 * The console's page of addresses that get no mail (issue 12, address book): who, why, since
 * when, and an admin's way to lift a suppression. The records hold only a hash of the address.
 */

let runtime: LocalRuntime;
beforeAll(async () => {
  runtime = await startLocalRuntime({ seed: true, log: () => {} });
});
afterAll(async () => {
  await runtime?.stop();
});

const sessions = new Map<string, string>();
async function consoleFetch(staffId: string, path: string, init: RequestInit = {}) {
  const token = sessions.get(staffId) ?? (await runtime.identity.idToken(staffId));
  sessions.set(staffId, token);
  return fetch(`${runtime.url}${path}`, {
    redirect: 'manual',
    ...init,
    headers: { cookie: `samverkan_session=${token}; samverkan_lang=sv`, ...init.headers },
  });
}
async function post(staffId: string, path: string) {
  await consoleFetch(staffId, '/console');
  const token = sessions.get(staffId) ?? '';
  return consoleFetch(staffId, path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `_csrf=${sessionCsrfToken(token)}`,
  });
}

describe('suppressed and unsubscribed addresses in the console', () => {
  it('names who each is, where the address book knows; says why and since when; admins lift', async () => {
    const tag = randomUUID().slice(0, 8);
    const bounced = `studs.${tag}@foretag.example`;
    const leaver = `slutar.${tag}@foretag.example`;
    const stranger = `okand.${tag}@annan.example`;
    await addContacts(runtime, 'hassleholm', [
      { contactId: `${tag}-b`, email: bounced, name: `Berit Studs ${tag}` },
      { contactId: `${tag}-l`, email: leaver, name: `Lars Slutar ${tag}` },
    ]);
    const at = '2026-11-30T09:15:00.000Z';
    await suppress('hassleholm', bounced, 'bounce', { at, source: 'ses:abc' });
    await suppress('hassleholm', stranger, 'complaint', { at, source: 'ses:def' });
    await unsubscribe('hassleholm', leaver, {
      at,
      source: 'one-click:no-such-campaign',
      contactId: `${tag}-l`,
    });

    const html = await (await consoleFetch('staff-hlm-maria', '/console/mailings/suppressions')).text();
    expect(html).toMatch(
      new RegExp(`Berit Studs ${tag}</a><span class="meta email">${bounced.replace('.', '\\.')}`),
    );
    expect(html).toContain('Studsade (adressen finns inte)');
    expect(html).toContain('Markerade som skräppost');
    expect(html).toContain('Finns inte i adressboken');
    expect(html).not.toContain(stranger);
    expect(html).toMatch(new RegExp(`Lars Slutar ${tag}[\\s\\S]*Knappen Avregistrera i e-postprogrammet`));
    expect(html).toContain('30 nov. 2026');
    // A viewer reads, but has no lift button; another tenant sees none of it.
    expect(html).not.toContain('Häv spärren');
    const other = await (await consoleFetch('staff-hel-mette', '/console/mailings/suppressions')).text();
    expect(other).not.toContain(tag);

    const admin = await staffClient(runtime, 'staff-hlm-anna');
    const suppressions = (await admin.call('GET', '/api/mail/suppressions')).json.items as {
      addressKey: string;
      source: string;
    }[];
    const key = suppressions.find((s) => s.source === 'ses:abc')?.addressKey ?? '';
    expect((await post('staff-hlm-maria', `/console/mailings/suppressions/${key}/lift`)).status).toBe(403);
    expect((await post('staff-hel-mette', `/console/mailings/suppressions/${key}/lift`)).status).toBe(404);
    const lifted = await post('staff-hlm-anna', `/console/mailings/suppressions/${key}/lift`);
    expect(lifted.headers.get('location')).toBe('/console/mailings/suppressions?lifted=1');
    const after = (await admin.call('GET', '/api/mail/suppressions')).json.items as { source: string }[];
    expect(after.some((s) => s.source === 'ses:abc')).toBe(false);
    expect((await post('staff-hlm-anna', `/console/mailings/suppressions/${key}/lift`)).status).toBe(404);
  });
});
