import { Logger } from '@aws-lambda-powertools/logger';
import { describe, expect, it, vi } from 'vitest';
import { redactEmails, redactingReplacer } from '../../shared/platform/observability/logger.js';

describe('no email addresses in logs', () => {
  it('redacts addresses inside strings', () => {
    expect(redactEmails('sent to anna.lindqvist@hassleholm.se and x+y@a.example')).toBe(
      'sent to [email] and [email]',
    );
  });

  it('redacts them in messages, extra keys and errors of real log lines', () => {
    const lines: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    const errSpy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    const logger = new Logger({ serviceName: 'test', jsonReplacerFn: redactingReplacer, logLevel: 'INFO' });
    try {
      logger.info('invited kontakt@krinova.example', {
        contact: { email: 'sara@nyforetagarcentrum.example' },
      });
      logger.error('failed', { error: new Error('bounce from per@lrf.example') });
    } finally {
      spy.mockRestore();
      errSpy.mockRestore();
    }
    const output = lines.join('\n');
    expect(output).toContain('invited [email]');
    expect(output).toContain('bounce from [email]');
    expect(output).not.toMatch(/@[a-z]+\.example/);
  });
});
