import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { feedbackLinksForEvent } from '../../feedback/index.js';
import { renderMessage } from '../../mail/index.js';
import { sesv2 } from '../../platform/aws/clients.js';
import { requireEnv } from '../../platform/aws/env.js';
import { formatMailbox } from '../../platform/mail-kit/headers.js';
import { inlineAttachment } from '../../platform/mail-kit/inline-images.js';
import { mailBrandOf, previewMailBrandOf } from '../../platform/tenants/mail-brand.js';
import { meetingTemplates } from '../mails/templates.js';
import type { Meeting } from '../meeting.js';
import { invitationData, tenantOf } from './notify.js';

/*
 * What staff see before sending invitations: the mail in each language, and a test to
 * themselves. Apart from notify.ts because these render mail, and the functions that only
 * queue mail (the RSVP page, reminders) should not carry the renderer.
 */

/** Placeholder links in previews and test mails: they lead to the "link does not work" page. */
const previewLink = (path: string) => `${process.env.PUBLIC_BASE_URL ?? 'https://localhost'}/${path}/preview`;

/** The invitation's data with placeholders for each recipient's own links. */
async function previewData(event: Meeting, markdownIntro: string | undefined) {
  const tenant = await tenantOf(event);
  const links = await feedbackLinksForEvent(event);
  const data = {
    ...invitationData(event, tenant, markdownIntro),
    rsvpUrl: previewLink('rsvp'),
    feedbackUrl: links.feedbackUrl ? previewLink('feedback') : undefined,
  };
  return { tenant, data };
}

/** The invitation as recipients in each language will get it (placeholder links). */
export async function previewInvitation(event: Meeting, markdownIntro: string | undefined) {
  const { tenant, data } = await previewData(event, markdownIntro);
  return (['sv', 'da', 'en'] as const).map((language) => ({
    language,
    ...renderMessage(meetingTemplates, {
      kind: 'invitation',
      language,
      tenantName: tenant.name,
      brand: previewMailBrandOf(tenant),
      recipientName: tenant.language === 'da' ? 'Fornavn Efternavn' : 'Förnamn Efternamn',
      unsubscribeUrl: previewLink('unsubscribe'),
      data,
    }),
  }));
}

/**
 * A test of the invitation to the staff member themself, straight through SES (not a contact,
 * so not through the campaign pipeline), marked [TEST] and tagged so no delivery is touched.
 */
export async function sendTestInvitation(
  event: Meeting,
  to: { name: string; email: string; language: 'sv' | 'da' | 'en' },
  markdownIntro: string | undefined,
): Promise<string> {
  const { tenant, data } = await previewData(event, markdownIntro);
  const mail = renderMessage(meetingTemplates, {
    kind: 'invitation',
    language: to.language,
    tenantName: tenant.name,
    brand: await mailBrandOf(tenant),
    recipientName: to.name,
    unsubscribeUrl: previewLink('unsubscribe'),
    data,
  });
  const result = await sesv2.send(
    new SendEmailCommand({
      FromEmailAddress: formatMailbox(tenant.name, requireEnv('MAIL_FROM_ADDRESS')),
      Destination: { ToAddresses: [formatMailbox(to.name, to.email, 'To')] },
      Content: {
        Simple: {
          Subject: { Data: `[TEST] ${mail.subject}`, Charset: 'UTF-8' },
          Body: { Html: { Data: mail.html, Charset: 'UTF-8' }, Text: { Data: mail.text, Charset: 'UTF-8' } },
          // The logo as in the real mail: a part of it, not an image fetched from elsewhere.
          ...(mail.inlineImages.length > 0 ? { Attachments: mail.inlineImages.map(inlineAttachment) } : {}),
        },
      },
      ConfigurationSetName: requireEnv('SES_CONFIGURATION_SET'),
      EmailTags: [
        { Name: 'tenant', Value: event.tenantId },
        { Name: 'test', Value: 'invitation' },
      ],
    }),
  );
  return result.MessageId ?? '';
}
