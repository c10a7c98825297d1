import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.js';
import { invitedContacts, publishedEvent, rsvpToken } from '../event-helpers.js';
import { staffClient, waitFor } from '../helpers.js';
import { mailbox, recipientOf } from '../mail-helpers.js';

/** Issue 12: what the invitation and the RSVP page say about the event. */

let runtime: LocalRuntime;

beforeAll(async () => {
  runtime = await startLocalRuntime({ seed: true, log: () => {}, sesSendRate: 300, queueIdleDelayMs: 50 });
});
afterAll(async () => {
  await runtime?.stop();
});

const description =
  'Välkomna, **ni** som driver företag.\n\nLäs [mer](https://hassleholm.se/). <script>alert(1)</script>';

describe('the event description', () => {
  it('reaches the invitation mail (HTML and text) and its preview as rendered, sanitised Markdown, and the RSVP page rendered, not raw', async () => {
    // Prepare
    const event = await publishedEvent('hassleholm', { title: `Beskrivning ${Date.now()}`, description });
    const [id] = await invitedContacts(runtime, event, 1, { prefix: `desc${Date.now()}` });
    const staff = await staffClient(runtime, 'staff-hlm-anna');

    // Act: the preview, the invitation to one contact, the RSVP page
    const preview = await staff.call('POST', `/api/events/${event.eventId}/invitations/preview`, {});
    const sent = await staff.call('POST', `/api/events/${event.eventId}/invitations`, {
      audience: { kind: 'contacts', contactIds: [id] },
    });
    expect(sent.status, sent.text).toBe(202);
    const mail = await waitFor(
      async () => (await mailbox(runtime)).find((m) => recipientOf(m) === `${id}@foretag.example`),
      15_000,
      'the invitation',
    );
    const page = await (await fetch(`${runtime.url}/rsvp/${await rsvpToken(event, id as string)}`)).text();

    // Assess
    expect(preview.status, preview.text).toBe(200);
    const sv = (preview.json.previews as { language: string; html: string; text: string }[])[0];
    for (const html of [sv?.html ?? '', mail.body.html ?? '', page]) {
      expect(html).toContain('<strong>ni</strong>');
      expect(html).toContain('href="https://hassleholm.se/"');
      expect(html).not.toContain('**ni**');
      expect(html).not.toContain('<script>alert(1)');
    }
    for (const text of [sv?.text ?? '', mail.body.text ?? '']) {
      expect(text).toContain('Välkomna, ni som driver företag.');
      expect(text).toContain('mer (https://hassleholm.se/)');
    }
  });
});
