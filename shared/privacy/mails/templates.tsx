import { type DataOf, type TemplateContext, type TemplateOutput, templateSet } from '../../mail/index.js';
import { Paragraph } from '../../platform/mail-kit/layout.js';
import { buttonPart, joinText } from '../../platform/mail-kit/parts.js';
import { formatDate } from '../../platform/texts/format.js';
import { keepTexts } from '../keep-texts.js';
import { privacyMessages } from './content.js';

/** The retention notice: who, why, when, and the one-click keep link. Every value is text (escaped). */
function retentionNotice(
  data: DataOf<typeof privacyMessages, 'privacy-retention-notice'>,
  context: TemplateContext,
): TemplateOutput {
  const t = keepTexts(context.language).mail;
  const intro = t.intro(context.tenantName, data.months);
  const removal = t.removal(formatDate(data.removalOn, context.language), context.tenantName);
  const button = buttonPart(data.keepUrl, t.button, context.texts.linkFallback, true);
  return {
    subject: t.subject(context.tenantName),
    preheader: removal,
    heading: t.heading,
    body: (
      <>
        <Paragraph>{intro}</Paragraph>
        <Paragraph>{removal}</Paragraph>
        {button.html}
        <Paragraph>{t.nothing}</Paragraph>
      </>
    ),
    bodyText: joinText(intro, removal, button.text, t.nothing),
    reason: t.reason(context.tenantName),
  };
}

export const privacyTemplates = templateSet(privacyMessages, {
  'privacy-retention-notice': retentionNotice,
});
