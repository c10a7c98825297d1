import { randomUUID } from 'node:crypto';
import type { PutEntry } from './event-bus.js';

/**
 * What SES would report for a recipient, locally. SES's mailbox simulator addresses behave as
 * they do in AWS; tests can add their own rule.
 */
export type SimulatedOutcome = 'deliver' | 'bounce' | 'complaint' | 'suppressed';

export function simulatorOutcome(address: string): SimulatedOutcome {
  const local = address.toLowerCase();
  if (local.startsWith('bounce@simulator.amazonses.com')) return 'bounce';
  if (local.startsWith('complaint@simulator.amazonses.com')) return 'complaint';
  if (local.startsWith('suppressionlist@simulator.amazonses.com')) return 'suppressed';
  return 'deliver';
}

/** `"Name" <a@b>` or `a@b` → `a@b`. */
export const bareAddress = (mailbox: string) => /<([^>]+)>\s*$/.exec(mailbox)?.[1] ?? mailbox.trim();

/** The header that carries a send's record to the SES emulator (taken off the stored mail there). */
export const SES_TAGS_HEADER = 'X-Samverkan-Ses-Tags';

export interface SendRequest {
  FromEmailAddress?: string;
  Destination?: { ToAddresses?: string[] };
  ConfigurationSetName?: string;
  EmailTags?: { Name: string; Value: string }[];
  Content?: { Simple?: { Subject?: { Data?: string } } };
}

/**
 * The events SES's configuration-set destination would put on the default bus for one accepted
 * SendEmail, in the order SES reports them: Send, then Delivery, Bounce (permanent) or
 * Delivery + Complaint. (Consumers take them in any order: a move is only ever forward.)
 */
export function sesEventsFor(
  request: SendRequest,
  messageId: string,
  outcome: (address: string) => SimulatedOutcome,
): PutEntry[] {
  const now = new Date().toISOString();
  const recipients = (request.Destination?.ToAddresses ?? []).map(bareAddress);
  const tags: Record<string, string[]> = {};
  for (const tag of request.EmailTags ?? []) tags[tag.Name] = [tag.Value];
  if (request.ConfigurationSetName) tags['ses:configuration-set'] = [request.ConfigurationSetName];
  const mail = {
    timestamp: now,
    source: bareAddress(request.FromEmailAddress ?? ''),
    sendingAccountId: '000000000000',
    messageId,
    destination: recipients,
    headersTruncated: false,
    commonHeaders: { subject: request.Content?.Simple?.Subject?.Data ?? '' },
    tags,
  };
  const entry = (detailType: string, eventType: string, extra: Record<string, unknown>): PutEntry => ({
    EventBusName: 'default',
    Source: 'aws.ses',
    DetailType: detailType,
    Detail: JSON.stringify({ eventType, mail, ...extra }),
  });
  const events: PutEntry[] = [entry('Email Sent', 'Send', { send: {} })];
  const first = recipients[0] ?? '';
  const kind = outcome(first);
  const at = new Date().toISOString();
  if (kind === 'bounce' || kind === 'suppressed') {
    events.push(
      entry('Email Bounced', 'Bounce', {
        bounce: {
          bounceType: 'Permanent',
          bounceSubType: kind === 'suppressed' ? 'OnAccountSuppressionList' : 'General',
          bouncedRecipients: recipients.map((emailAddress) => ({
            emailAddress,
            action: 'failed',
            status: '5.1.1',
          })),
          timestamp: at,
          feedbackId: randomUUID(),
        },
      }),
    );
  } else {
    events.push(
      entry('Email Delivered', 'Delivery', {
        delivery: {
          timestamp: at,
          recipients,
          processingTimeMillis: 100,
          smtpResponse: '250 2.0.0 OK',
          reportingMTA: 'local',
        },
      }),
    );
    if (kind === 'complaint') {
      events.push(
        entry('Email Complaint Received', 'Complaint', {
          complaint: {
            complainedRecipients: recipients.map((emailAddress) => ({ emailAddress })),
            timestamp: at,
            feedbackId: randomUUID(),
            complaintFeedbackType: 'abuse',
          },
        }),
      );
    }
  }
  return events;
}
