import type { Language } from '../../platform/texts/language.js';
import { QrCode } from '../../platform/ui/qr-code.js';
import type { FormSummary } from '../analysis.js';
import { type Form, textIn } from '../form.js';
import { feedbackTexts } from '../texts.js';
import { feedbackStyles, QuestionResult } from './console.js';

/**
 * The screen for the room: the form's results as they come in. `live.js` fetches this page
 * again every few seconds and swaps the `#live-results` region, so nothing reloads; without
 * script it is a page to reload by hand.
 */
export function LivePage(props: {
  language: Language;
  form: Form;
  summary: FormSummary;
  publicUrl?: string;
}) {
  const { language, form, summary } = props;
  const m = feedbackTexts(language).console;
  return (
    <>
      <style
        dangerouslySetInnerHTML={{
          __html: `${feedbackStyles}\n.live h1 { font-size: 2rem; }\n.live-link { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: center; margin: 0 0 1.5rem; }\n.qr { max-width: 100%; height: auto; }`,
        }}
      />
      <div class="live">
        <h1>{textIn(form.title, language, form.language)}</h1>
        {props.publicUrl ? (
          <div class="live-link">
            <QrCode url={props.publicUrl} label={`${m.qrCode}: ${props.publicUrl}`} />
            <p>
              {m.publicLink}: <strong>{props.publicUrl}</strong>
            </p>
          </div>
        ) : null}
        <div id="live-results" data-live="results" aria-live="polite">
          <p class="live-count">{m.answersCount(summary.answers, summary.attributed, summary.anonymous)}</p>
          {summary.themes.flatMap((theme) =>
            theme.questions
              .filter((q) => q.type !== 'short-text' && q.type !== 'long-text')
              .map((q) => <QuestionResult key={q.questionId} question={q} language={language} />),
          )}
        </div>
      </div>
      <script src="/console/live.js" defer />
    </>
  );
}
