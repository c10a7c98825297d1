import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { defineMessage } from '../../shared/mail/message.js';
import {
  isBulkKind,
  type MessageKind,
  messageDataSchemas,
  messageKinds,
  staffComposableKinds,
  staffContentSchema,
} from '../../shared/message-kinds.js';
import { eventMailSamples, isEventMessageKind } from './mail-invitation-fixtures.js';

/**
 * The kinds staff may compose as campaigns are declared by their definitions
 * (`staffComposable`): today announcements only. Answers, confirmations and invitations are
 * composed by their capabilities; as staff campaigns they would reach people who unsubscribed.
 */

const announcementData = { subject: 'Dialoglunch', markdownBody: 'Välkomna på **lunch**.' };

const sampleData = (kind: MessageKind): unknown =>
  isEventMessageKind(kind)
    ? eventMailSamples[kind]
    : kind === 'subscription-confirmation'
      ? { confirmUrl: 'https://samverkan.example/c', topics: ['Press'] }
      : kind === 'feedback-thanks' || kind === 'feedback-missed-you'
        ? {
            eventTitle: 'Dialoglunch',
            formTitle: { sv: 'Tyck till' },
            formLanguage: 'sv',
            feedbackUrl: 'https://samverkan.example/feedback/abc',
            organiserName: 'Hässleholms kommun',
          }
        : kind === 'feedback-hear-back'
          ? {
              about: 'release',
              programmeName: 'Näringslivsprogram',
              themeTitle: 'Service',
              title: 'Steg framåt',
              contentLanguage: 'sv',
              url: 'https://samverkan.example/press/hassleholm/releases/r1',
              organiserName: 'Hässleholms kommun',
            }
          : kind === 'press-release'
            ? {
                releaseId: 'r1',
                headline: 'Steg framåt',
                releaseLanguage: 'sv',
                timeZone: 'Europe/Stockholm',
                pageUrl: 'https://samverkan.example/press/hassleholm/releases/r1',
              }
            : kind === 'privacy-retention-notice'
              ? { months: 24, removalOn: '2027-01-15', keepUrl: 'https://samverkan.example/keep/tok' }
              : announcementData;

describe('kinds staff compose', () => {
  it('are the announcement only, and bulk', () => {
    expect(staffComposableKinds).toEqual(['announcement']);
    for (const kind of staffComposableKinds) expect(isBulkKind(kind)).toBe(true);
  });

  it('staffContentSchema accepts an announcement', () => {
    expect(staffContentSchema.safeParse({ kind: 'announcement', data: announcementData }).success).toBe(true);
  });

  it.each(messageKinds.filter((kind) => !(staffComposableKinds as string[]).includes(kind)))(
    'staffContentSchema refuses %s on `kind`, even with valid data',
    (kind) => {
      expect(messageDataSchemas[kind].safeParse(sampleData(kind)).success).toBe(true);
      const parsed = staffContentSchema.safeParse({ kind, data: sampleData(kind) });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['kind']);
    },
  );

  it('a transactional kind cannot be declared composable by staff', () => {
    expect(() =>
      // @ts-expect-error: only bulk mail can be composed by staff.
      defineMessage({ kind: 'receipt', schema: z.object({}), bulk: false, staffComposable: true }),
    ).toThrow(/only bulk mail/);
    expect(
      defineMessage({ kind: 'press-release', schema: z.object({}), bulk: true, staffComposable: true })
        .staffComposable,
    ).toBe(true);
  });
});
