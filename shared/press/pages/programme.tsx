import { renderUserMarkdown } from '../../platform/mail-kit/markdown.js';
import { formatDate, formatPeriod } from '../../platform/texts/format.js';
import type { Language } from '../../platform/texts/language.js';
import type { PageBrand } from '../../platform/ui/brand.js';
import { PlainText } from '../../platform/ui/plain-text.js';
import { newsroomPath, programmePath, releasePath } from '../feeds.js';
import { programmePageTexts } from '../programme-texts.js';
import { pressTexts } from '../texts.js';
import { NewsroomDocument } from './newsroom.js';

/*
 * A programme's public page in the newsroom: per theme, the outcomes staff published ("you said,
 * we did"). Text is escaped by Preact; an outcome's Markdown goes through the sanitising renderer
 * (raw HTML shown as text, `javascript:` and other schemes never links). Links to releases and
 * events are only those the public may see (the handler passes them filtered).
 */

export interface PublicOutcome {
  outcomeId: string;
  themeId: string;
  title: string;
  body: string;
  status: 'planned' | 'in-progress' | 'done' | 'not-pursued';
  reason?: string;
  date: string;
  releases: { id: string; title: string }[];
  events: { id: string; title: string }[];
}

export interface ProgrammePublicPageProps {
  /** The municipality's logo and colour on the page. */
  brand?: PageBrand;
  language: Language;
  tenantId: string;
  tenantName: string;
  baseUrl: string;
  programme: {
    programmeId: string;
    name: string;
    description: string;
    language: Language;
    startsOn?: string;
    endsOn?: string;
    themes: { id: string; title: string; description?: string }[];
  };
  /** Published outcomes, oldest first. */
  outcomes: PublicOutcome[];
}

const programmeStyles = `
.outcomes { list-style: none; margin: 0 0 1.5rem; padding: 0; display: grid; gap: 1rem; }
.outcomes li { background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius); padding: 1rem 1.25rem; overflow-wrap: anywhere; }
.outcomes h4 { font-size: 1.1rem; margin: 0 0 0.25rem; }
.outcome-status { display: inline-block; padding: 0.1rem 0.5rem; border-radius: 999px; border: 1px solid currentColor; font-size: 0.9rem; }
.theme-section { margin-bottom: 2rem; }
`;

export function ProgrammePublicPage(props: ProgrammePublicPageProps) {
  const { language, tenantId, tenantName, programme } = props;
  const m = programmePageTexts(language);
  const n = pressTexts(language).newsroom;
  return (
    <NewsroomDocument
      brand={props.brand}
      language={language}
      title={`${programme.name} – ${n.title(tenantName)}`}
      tenantName={tenantName}
      tenantId={tenantId}
      head={{
        canonical: `${props.baseUrl}${programmePath(tenantId, programme.programmeId)}`,
        description: m.lead,
      }}
    >
      <style dangerouslySetInnerHTML={{ __html: programmeStyles }} />
      <p>
        <a href={newsroomPath(tenantId)}>
          <span aria-hidden="true">← </span>
          {n.backToNewsroom}
        </a>
      </p>
      <h1 lang={programme.language}>{programme.name}</h1>
      <p class="release-lead">{m.lead}</p>
      <dl class="facts">
        <dt>{m.period}</dt>
        <dd>{formatPeriod(language, programme.startsOn, programme.endsOn)}</dd>
      </dl>
      {programme.description.trim() ? (
        <div class="prose" lang={programme.language}>
          <PlainText text={programme.description} />
        </div>
      ) : null}
      <h2>{m.themes}</h2>
      {programme.themes.map((theme) => {
        const outcomes = props.outcomes.filter((o) => o.themeId === theme.id);
        return (
          <section
            key={theme.id}
            id={`theme-${theme.id}`}
            class="theme-section"
            aria-labelledby={`h-${theme.id}`}
          >
            <h3 id={`h-${theme.id}`} lang={programme.language}>
              {theme.title}
            </h3>
            {theme.description?.trim() ? (
              <div lang={programme.language}>
                <PlainText text={theme.description} class="prose" />
              </div>
            ) : null}
            {outcomes.length === 0 ? (
              <p class="empty">{m.noOutcomes}</p>
            ) : (
              <ul class="outcomes">
                {outcomes.map((o) => (
                  <OutcomeItem key={o.outcomeId} outcome={o} {...props} />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </NewsroomDocument>
  );
}

function OutcomeItem(props: ProgrammePublicPageProps & { outcome: PublicOutcome }) {
  const { outcome: o, language, tenantId, programme } = props;
  const m = programmePageTexts(language);
  const body = o.body.trim() ? renderUserMarkdown(o.body).html : '';
  return (
    <li>
      <h4 lang={programme.language}>{o.title}</h4>
      <p class="release-meta">
        <span class="outcome-status">
          <span class="visually-hidden">{m.status}: </span>
          {m.statuses[o.status]}
        </span>{' '}
        <span class="visually-hidden">{m.date}: </span>
        <time dateTime={o.date}>{formatDate(o.date, language)}</time>
      </p>
      {body ? (
        <div class="release-body" lang={programme.language} dangerouslySetInnerHTML={{ __html: body }} />
      ) : null}
      {o.reason ? (
        <p lang={programme.language}>
          <strong>{m.reason}:</strong> {o.reason}
        </p>
      ) : null}
      {o.releases.length ? (
        <p>
          <strong>{m.releases}:</strong>{' '}
          {o.releases.map((r, i) => (
            <span key={r.id}>
              {i > 0 ? ', ' : ''}
              <a href={releasePath(tenantId, r.id)}>{r.title}</a>
            </span>
          ))}
        </p>
      ) : null}
      {o.events.length ? (
        <p>
          <strong>{m.events}:</strong> {o.events.map((e) => e.title).join(', ')}
        </p>
      ) : null}
    </li>
  );
}
