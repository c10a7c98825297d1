import { formatNumber } from '../../platform/texts/format.js';
import type { Language } from '../../platform/texts/language.js';
import { RowBars } from '../../platform/ui/charts.js';
import { type CustomQuestion, isChoice, type QuestionAnswers } from '../questions.js';
import { questionTexts } from '../texts/questions.js';

/*
 * The custom questions' answers as staff read them: one answer in words (the event page's list,
 * the CSV), and per choice question a bar chart drawn on the server with a table beside it,
 * from the event's counters item (the cost does not grow with the audience).
 */

/** An answer in words: the text, or the chosen options' labels (an option since removed is left out). */
export function answerText(question: CustomQuestion, value: string | string[] | undefined): string {
  if (value === undefined) return '';
  if (!isChoice(question.kind)) return typeof value === 'string' ? value : '';
  const chosen = Array.isArray(value) ? value : [value];
  return question.options
    .filter((o) => chosen.includes(o.id))
    .map((o) => o.label)
    .join(', ');
}

/** The answers of one invitation to the event's current questions, label and answer, answered ones only. */
export function answeredQuestions(
  questions: readonly CustomQuestion[],
  answers: QuestionAnswers | undefined,
) {
  return questions
    .map((q) => ({ question: q, text: answerText(q, answers?.[q.id]) }))
    .filter((a) => a.text !== '');
}

export const questionSummaryStyles = `
.question-summary { display: grid; gap: 1rem 1.5rem; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); align-items: start; margin: 0 0 1.5rem; }
.question-summary svg { max-width: 100%; height: auto; }
.question-summary .bar { fill: var(--accent, #0a5866); }
.question-summary text { font-size: 11px; fill: var(--muted, #4a5663); }
`;

/** Per choice question of the event: how many answers of those attending chose each option. */
export function QuestionSummary(props: {
  questions: readonly CustomQuestion[];
  choices: Record<string, number>;
  language: Language;
  eventLanguage: Language;
}) {
  const { language } = props;
  const t = questionTexts[language].live;
  const choices = props.questions.filter((q) => isChoice(q.kind));
  if (props.questions.length === 0) return null;
  const lang = props.eventLanguage === language ? undefined : props.eventLanguage;
  return (
    <section aria-labelledby="question-summary-heading">
      <style dangerouslySetInnerHTML={{ __html: questionSummaryStyles }} />
      <h2 id="question-summary-heading">{t.heading}</h2>
      <p>{t.lead}</p>
      {choices.length === 0 ? <p class="empty">{t.none}</p> : null}
      {choices.map((q) => {
        const rows = q.options.map((o) => ({
          id: o.id,
          label: o.label,
          count: props.choices[`${q.id}.${o.id}`] ?? 0,
        }));
        const headingId = `question-${q.id}-heading`;
        return (
          <div key={q.id}>
            <h3 id={headingId} lang={lang}>
              {q.label}
            </h3>
            <div class="question-summary">
              <div class="event-chart" lang={lang}>
                <RowBars
                  rows={rows.map((r) => ({ key: r.id, name: r.label, value: r.count }))}
                  nameWidth={130}
                  nameMax={20}
                  label={t.chart(q.label)}
                />
              </div>
              <section class="table-wrap" aria-labelledby={headingId} tabindex={0}>
                <table class="data">
                  <caption class="visually-hidden">{t.chart(q.label)}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.option}</th>
                      <th scope="col" class="num">
                        {t.count}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={r.id} id={`choice-${q.id}-${r.id}`}>
                        <th scope="row" lang={lang}>
                          {r.label}
                        </th>
                        <td class="num">{formatNumber(r.count, language)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            </div>
          </div>
        );
      })}
    </section>
  );
}
