import { type DataOf, type TemplateContext, type TemplateOutput, templateSet } from '../../mail/index.js';
import { Paragraph } from '../../platform/mail-kit/layout.js';
import { buttonPart, joinText } from '../../platform/mail-kit/parts.js';
import { textIn } from '../form.js';
import { feedbackMessages } from './content.js';
import { followUpMailTexts } from './texts.js';

type Data = DataOf<typeof feedbackMessages, 'feedback-thanks'>;

/*
 * The follow-up mails' templates. Every value is text to Preact (escaped); staff's words are
 * plain text, not markdown. The plain text says the same and carries the same link.
 */
function followUp(which: 'thanks' | 'missed') {
  return (data: Data, context: TemplateContext): TemplateOutput => {
    const t = followUpMailTexts[context.language];
    const formTitle = textIn(data.formTitle, context.language, data.formLanguage);
    const intro = data.staffText
      ? textIn(data.staffText, context.language, data.formLanguage)
      : t[which].intro(data.eventTitle);
    const ask = t.ask(formTitle);
    const button = buttonPart(data.feedbackUrl, t.button, context.texts.linkFallback, true);
    return {
      subject: t[which].subject(data.eventTitle),
      preheader: ask,
      heading: formTitle,
      body: (
        <>
          {intro.split(/\n{2,}/).map((paragraph) => (
            <Paragraph key={paragraph}>{paragraph}</Paragraph>
          ))}
          <Paragraph>{ask}</Paragraph>
          {button.html}
        </>
      ),
      bodyText: joinText(intro, ask, button.text),
      reason: context.texts.bulk.reason(context.tenantName),
    };
  };
}

/** "You said, we did": what came of a theme, with the link to read more. Every value is text (escaped). */
function hearBack(
  data: DataOf<typeof feedbackMessages, 'feedback-hear-back'>,
  context: TemplateContext,
): TemplateOutput {
  const t = followUpMailTexts[context.language].hearBack;
  const intro = t.intro(data.programmeName, data.themeTitle);
  const lead = data.about === 'outcome' ? t.outcome : t.release;
  const status = data.status ? `${t.status}: ${t.statuses[data.status]}` : '';
  const button = buttonPart(data.url, t.button[data.about], context.texts.linkFallback, true);
  return {
    subject: t.subject(data.themeTitle),
    preheader: data.title,
    heading: data.themeTitle,
    body: (
      <>
        <Paragraph>{intro}</Paragraph>
        <Paragraph>{lead}</Paragraph>
        <Paragraph>
          <strong lang={data.contentLanguage}>{data.title}</strong>
        </Paragraph>
        {status ? <Paragraph>{status}</Paragraph> : null}
        {button.html}
        <Paragraph>{t.why}</Paragraph>
      </>
    ),
    bodyText: joinText(intro, lead, data.title, status, button.text, t.why),
    reason: context.texts.bulk.reason(context.tenantName),
  };
}

export const feedbackTemplates = templateSet(feedbackMessages, {
  'feedback-thanks': followUp('thanks'),
  'feedback-missed-you': followUp('missed'),
  'feedback-hear-back': hearBack,
});
