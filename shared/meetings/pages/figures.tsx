import { formatDate, formatNumber } from '../../platform/texts/format.js';
import type { Language } from '../../platform/texts/language.js';
import { ColumnChart, RowBars } from '../../platform/ui/charts.js';
import type { AnswerDay, FunnelStage, FunnelStep } from '../figures.js';

/*
 * The event page's two pictures, drawn on the server as SVG, each with a table beside it that
 * says the same in numbers: the funnel invited → opened → answered → attending → present, and
 * first answers per day with the running total.
 */

export const figureStyles = `
.figures-grid { display: grid; gap: 1.5rem; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); align-items: start; }
.event-chart svg { max-width: 100%; height: auto; }
.event-chart .bar { fill: var(--accent, #0a5866); }
.event-chart .line { fill: none; stroke: #8a3b12; stroke-width: 2; }
.event-chart .axis { stroke: var(--line, #c9cfd4); }
.event-chart text { font-size: 11px; fill: var(--muted, #4a5663); }
`;

export function EventFigures(props: {
  language: Language;
  funnel: FunnelStep[];
  answersPerDay: AnswerDay[];
}) {
  const { language, funnel } = props;
  const t = figureTexts[language];
  const n = (value: number) => formatNumber(value, language);
  const total = props.answersPerDay[props.answersPerDay.length - 1]?.cumulative ?? 0;
  return (
    <section aria-labelledby="figures-heading">
      <style dangerouslySetInnerHTML={{ __html: figureStyles }} />
      <h2 id="figures-heading">{t.heading}</h2>
      <h3 id="funnel-heading">{t.funnelHeading}</h3>
      <p class="hint">{t.funnelLead}</p>
      <div class="figures-grid">
        <div class="event-chart">
          <RowBars
            rows={funnel.map((s) => ({ key: s.stage, name: t.stages[s.stage], value: s.invitees }))}
            label={t.funnelLabel(funnel.map((s) => `${t.stages[s.stage]} ${n(s.invitees)}`).join(', '))}
          />
        </div>
        <section class="table-wrap" aria-labelledby="funnel-heading" tabindex={0}>
          <table class="data-table" id="funnel">
            <thead>
              <tr>
                <th scope="col">{t.stage}</th>
                <th scope="col">{t.invitees}</th>
                <th scope="col">{t.people}</th>
              </tr>
            </thead>
            <tbody>
              {funnel.map((step) => (
                <tr key={step.stage} data-stage={step.stage}>
                  <th scope="row">{t.stages[step.stage]}</th>
                  <td class="num">{n(step.invitees)}</td>
                  <td class="num">{n(step.people)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      <ul class="hint">
        {funnel.map((step) => (
          <li key={step.stage}>
            <strong>{t.stages[step.stage]}</strong>: {t.meanings[step.stage]}
          </li>
        ))}
      </ul>

      <h3 id="answers-over-time-heading">{t.answersHeading}</h3>
      <p class="hint">{t.answersLead}</p>
      {props.answersPerDay.length === 0 ? (
        <p class="empty">{t.noAnswers}</p>
      ) : (
        <div class="figures-grid">
          <div class="event-chart">
            <ColumnChart
              columns={props.answersPerDay.map((d) => ({ key: d.day, value: d.count, line: d.cumulative }))}
              first={props.answersPerDay[0]?.day ?? ''}
              last={props.answersPerDay[props.answersPerDay.length - 1]?.day ?? ''}
              label={t.answersLabel(n(total), n(props.answersPerDay.length))}
            />
          </div>
          <section class="table-wrap" aria-labelledby="answers-over-time-heading" tabindex={0}>
            <table class="data-table" id="answers-per-day">
              <thead>
                <tr>
                  <th scope="col">{t.day}</th>
                  <th scope="col">{t.answersThatDay}</th>
                  <th scope="col">{t.answersSoFar}</th>
                </tr>
              </thead>
              <tbody>
                {props.answersPerDay.map((d) => (
                  <tr key={d.day}>
                    <th scope="row">{formatDate(d.day, language)}</th>
                    <td class="num">{n(d.count)}</td>
                    <td class="num">{n(d.cumulative)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </div>
      )}
    </section>
  );
}

interface FigureTexts {
  heading: string;
  funnelHeading: string;
  funnelLead: string;
  funnelLabel: (steps: string) => string;
  stage: string;
  invitees: string;
  people: string;
  stages: Record<FunnelStage, string>;
  meanings: Record<FunnelStage, string>;
  answersHeading: string;
  answersLead: string;
  answersLabel: (total: string, days: string) => string;
  noAnswers: string;
  day: string;
  answersThatDay: string;
  answersSoFar: string;
}

const figureTexts: Record<Language, FigureTexts> = {
  sv: {
    heading: 'Siffror och diagram',
    funnelHeading: 'Från inbjudan till plats',
    funnelLead:
      'I personer. ”Inbjudna personer” räknar den som fick inbjudan (en per inbjudan); ”Personer” räknar för anmälda och närvarande också dem de tar med sig.',
    funnelLabel: (steps) => `Tratt i inbjudna personer: ${steps}`,
    stage: 'Steg',
    invitees: 'Inbjudna personer',
    people: 'Personer, med medföljande',
    stages: {
      invited: 'Inbjudna',
      opened: 'Har öppnat',
      answered: 'Har svarat',
      attending: 'Kommer',
      present: 'Närvarande',
    },
    meanings: {
      invited: 'fick en inbjudan.',
      opened:
        'öppnade sin svarssida via länken i inbjudan (första gången räknas). Vi mäter inte om mejlet öppnats: ingen spårningspixel.',
      answered: 'har svarat ja, nej eller står på väntelistan.',
      attending: 'har en plats (väntelistan räknas inte).',
      present: 'markerade som närvarande på dagen.',
    },
    answersHeading: 'Svar över tid',
    answersLead:
      'Första svaret från varje inbjuden person, per dag (staplar), och summan hittills (linjen). Ändrade svar räknas inte igen.',
    answersLabel: (total, days) => `Svar över tid: ${total} svar på ${days} dagar`,
    noAnswers: 'Inga svar än.',
    day: 'Dag',
    answersThatDay: 'Svar den dagen',
    answersSoFar: 'Svar hittills',
  },
  da: {
    heading: 'Tal og diagrammer',
    funnelHeading: 'Fra invitation til plads',
    funnelLead:
      'I personer. ”Inviterede personer” tæller den, der fik invitationen (én pr. invitation); ”Personer” tæller for tilmeldte og fremmødte også dem, de tager med.',
    funnelLabel: (steps) => `Tragt i inviterede personer: ${steps}`,
    stage: 'Trin',
    invitees: 'Inviterede personer',
    people: 'Personer, med ledsagere',
    stages: {
      invited: 'Inviterede',
      opened: 'Har åbnet',
      answered: 'Har svaret',
      attending: 'Kommer',
      present: 'Fremmødte',
    },
    meanings: {
      invited: 'fik en invitation.',
      opened:
        'åbnede deres svarside via linket i invitationen (første gang tæller). Vi måler ikke, om mailen er åbnet: ingen sporingspixel.',
      answered: 'har svaret ja, nej eller står på ventelisten.',
      attending: 'har en plads (ventelisten tæller ikke).',
      present: 'markeret som fremmødt på dagen.',
    },
    answersHeading: 'Svar over tid',
    answersLead:
      'Første svar fra hver inviteret person, pr. dag (søjler), og summen indtil nu (linjen). Ændrede svar tælles ikke igen.',
    answersLabel: (total, days) => `Svar over tid: ${total} svar på ${days} dage`,
    noAnswers: 'Ingen svar endnu.',
    day: 'Dag',
    answersThatDay: 'Svar den dag',
    answersSoFar: 'Svar indtil nu',
  },
  en: {
    heading: 'Figures and charts',
    funnelHeading: 'From invitation to seat',
    funnelLead:
      'In people. “Invited people” counts the person each invitation went to (one per invitation); “People” also counts, for attending and present, those they bring.',
    funnelLabel: (steps) => `Funnel in invited people: ${steps}`,
    stage: 'Step',
    invitees: 'Invited people',
    people: 'People, with those they bring',
    stages: {
      invited: 'Invited',
      opened: 'Opened',
      answered: 'Answered',
      attending: 'Attending',
      present: 'Present',
    },
    meanings: {
      invited: 'were sent an invitation.',
      opened:
        'opened their answer page through the link in the invitation (the first time counts). We do not measure whether the mail was opened: no tracking pixel.',
      answered: 'answered yes, no, or are on the waitlist.',
      attending: 'have a seat (the waitlist does not count).',
      present: 'marked present on the day.',
    },
    answersHeading: 'Answers over time',
    answersLead:
      'The first answer of each invited person, per day (bars), and the total so far (the line). Changed answers are not counted again.',
    answersLabel: (total, days) => `Answers over time: ${total} answers over ${days} days`,
    noAnswers: 'No answers yet.',
    day: 'Day',
    answersThatDay: 'Answers that day',
    answersSoFar: 'Answers so far',
  },
};
