import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/** Replaces anything that looks like an email address: logs must never carry one. */
export function redactEmails(text: string): string {
  return text.replace(EMAIL, '[email]');
}

/**
 * Powertools' JSON replacer sees every string of every entry (message, extra keys, formatted
 * errors and their stacks) on its way out, whatever the caller put in.
 */
export const redactingReplacer = (_key: string, value: unknown): unknown =>
  typeof value === 'string' ? redactEmails(value) : value;

const serviceName = process.env.POWERTOOLS_SERVICE_NAME ?? 'samverkan';

export const logger = new Logger({ serviceName, jsonReplacerFn: redactingReplacer });
export const metrics = new Metrics({ namespace: 'Samverkan', serviceName });
