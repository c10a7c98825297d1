import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { eventBridgeEnvelope, jsonString } from '../../shared/platform/bus/envelopes.js';

/** The envelopes queue consumers parse (in place of Powertools' parser, which keeps all of zod in a bundle). */
describe('bus envelopes', () => {
  const event = {
    version: '0',
    id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
    'detail-type': 'MeetingEnded',
    source: 'samverkan.meetings',
    account: '111122223333',
    time: '2026-12-01T18:43:48Z',
    region: 'eu-north-1',
    resources: [],
    detail: { tenantId: 'hassleholm' },
  };

  it('parses an EventBridge event delivered in an SQS body', () => {
    const parsed = jsonString(eventBridgeEnvelope).parse(JSON.stringify(event));
    expect(parsed['detail-type']).toBe('MeetingEnded');
    expect(parsed.detail).toEqual({ tenantId: 'hassleholm' });
  });

  it('refuses a body that is not JSON, or not an event, with the reason', () => {
    const notJson = jsonString(eventBridgeEnvelope).safeParse('{"version": ');
    expect(notJson.success).toBe(false);
    expect(notJson.error?.issues[0]?.message).toMatch(/^Invalid JSON - /);
    const noTime = jsonString(eventBridgeEnvelope).safeParse(JSON.stringify({ ...event, time: 'yesterday' }));
    expect(noTime.success).toBe(false);
    expect(noTime.error?.issues[0]?.path).toEqual(['time']);
    // Any schema: what the sender's own messages carry.
    expect(jsonString(z.object({ id: z.string() })).parse('{"id":"x"}')).toEqual({ id: 'x' });
  });
});
