import { formatDateTime, formatPeriod } from '../../platform/texts/format.js';
import type { Language } from '../../platform/texts/language.js';
import { shellTexts } from '../../platform/texts/shell.js';
import { PlainText } from '../../platform/ui/plain-text.js';
import type { Outcome } from '../outcome.js';
import type { Programme } from '../programme.js';
import { programmeTexts } from '../texts.js';
import { OutcomeStyles, ThemeOutcomes } from './outcomes.js';

export interface ProgrammePageProps {
  language: Language;
  programme: Programme;
  /** The tenant's IANA zone, for the time of the last change. */
  timeZone: string;
  /** The programme's outcomes, per theme below it; with add, edit and publish for editors. */
  outcomes?: { items: Outcome[]; canEdit: boolean; csrfToken: string; publicHref: string };
  /** Pages about the programme that other capabilities offer (its overview), shown under its title. */
  related?: { href: string; label: string }[];
}

/**
 * One programme. Its texts are in the programme's own language, which may differ from the
 * console's: they are marked with `lang` so screen readers pronounce them right.
 */
export function ProgrammePage({ language, programme, timeZone, outcomes, related = [] }: ProgrammePageProps) {
  const m = shellTexts(language);
  const p = programmeTexts(language);
  return (
    <>
      <p>
        <a href="/console">
          <span aria-hidden="true">← </span>
          {p.backToOverview}
        </a>
      </p>
      {outcomes ? <OutcomeStyles /> : null}
      <h1 lang={programme.language}>{programme.name}</h1>
      {related.map((link) => (
        <p key={link.href}>
          <a href={link.href}>{link.label}</a>
        </p>
      ))}
      {outcomes ? (
        <p>
          <a href={outcomes.publicHref}>{p.outcomes.publicPage}</a>
        </p>
      ) : null}
      <dl class="facts">
        <dt>{m.period.label}</dt>
        <dd>{formatPeriod(language, programme.startsOn, programme.endsOn)}</dd>
        <dt>{p.language}</dt>
        <dd>{m.languageNames[programme.language] ?? programme.language}</dd>
        <dt>{p.updated}</dt>
        <dd>
          <time dateTime={programme.updatedAt}>
            {formatDateTime(programme.updatedAt, language, timeZone)}
          </time>
        </dd>
      </dl>

      <section aria-labelledby="description-heading">
        <h2 id="description-heading">{p.description}</h2>
        {programme.description.trim() ? (
          <div class="prose" lang={programme.language}>
            <PlainText text={programme.description} />
          </div>
        ) : (
          <p class="empty">{p.noDescription}</p>
        )}
      </section>

      <section aria-labelledby="themes-heading">
        <h2 id="themes-heading">{p.themesHeading}</h2>
        {programme.themes.length === 0 ? (
          <p class="empty">{p.noThemes}</p>
        ) : (
          <ul class="list themes" lang={programme.language}>
            {programme.themes.map((theme) => (
              <li key={theme.id}>
                <h3>{theme.title}</h3>
                {theme.description?.trim() ? <PlainText text={theme.description} class="prose" /> : null}
                {outcomes ? (
                  <div lang={language}>
                    <ThemeOutcomes
                      language={language}
                      programme={programme}
                      theme={theme}
                      outcomes={outcomes.items.filter((o) => o.themeId === theme.id)}
                      canEdit={outcomes.canEdit}
                      csrfToken={outcomes.csrfToken}
                    />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
