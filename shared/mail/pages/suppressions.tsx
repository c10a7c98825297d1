import { formatDateTime, formatNumber } from '../../platform/texts/format.js';
import type { Language } from '../../platform/texts/language.js';
import type { SuppressionReason } from '../store/suppressions.js';
import { suppressionTexts } from '../texts/suppressions.js';

/** Who an address is, when the address book knows it (the records hold only a hash). */
export interface KnownPerson {
  name: string;
  email: string;
  href: string;
}

export interface SuppressionsPageProps {
  language: Language;
  timeZone: string;
  csrfToken: string;
  suppressed: {
    addressKey: string;
    reason: SuppressionReason;
    at: string;
    source: string;
    person?: KnownPerson;
  }[];
  unsubscribed: {
    addressKey: string;
    at: string;
    source: string;
    person?: KnownPerson;
    campaignName?: string;
  }[];
  canLift: boolean;
  lifted: boolean;
}

function Who({ person, fallback }: { person?: KnownPerson; fallback: string }) {
  return person ? (
    <>
      <a href={person.href}>{person.name}</a>
      <span class="meta email">{person.email}</span>
    </>
  ) : (
    <span class="meta">{fallback}</span>
  );
}

/** Newest first: what staff look for is usually what just happened. */
const newestFirst = <T extends { at: string }>(rows: T[]) =>
  [...rows].sort((a, b) => b.at.localeCompare(a.at));

export function SuppressionsPage(props: SuppressionsPageProps) {
  const { language, timeZone } = props;
  const t = suppressionTexts(language);
  const c = t.columns;
  const when = (iso: string) => (iso ? formatDateTime(iso, language, timeZone) : '–');
  return (
    <>
      <p>
        <a href="/console/mailings">
          <span aria-hidden="true">← </span>
          {t.back}
        </a>
      </p>
      <h1>{t.title}</h1>
      <p class="lead">{t.lead}</p>
      {props.lifted ? (
        <div class="notice" role="status">
          <p>{t.lifted}</p>
        </div>
      ) : null}
      <section aria-labelledby="suppressed-heading">
        <h2 id="suppressed-heading">
          {t.suppressedHeading} ({formatNumber(props.suppressed.length, language)})
        </h2>
        <p class="hint">{t.suppressedHelp}</p>
        {props.suppressed.length === 0 ? (
          <p class="empty">{t.noneSuppressed}</p>
        ) : (
          <section class="table-wrap" aria-label={t.suppressedHeading} tabindex={0}>
            <table class="data-table">
              <caption class="visually-hidden">{t.suppressedHeading}</caption>
              <thead>
                <tr>
                  <th scope="col">{c.who}</th>
                  <th scope="col">{c.reason}</th>
                  <th scope="col">{c.when}</th>
                  {props.canLift ? <th scope="col">{c.action}</th> : null}
                </tr>
              </thead>
              <tbody>
                {newestFirst(props.suppressed).map((row) => (
                  <tr key={row.addressKey}>
                    <th scope="row">
                      <Who person={row.person} fallback={t.notInAddressBook} />
                    </th>
                    <td>{t.reasons[row.reason] ?? row.reason}</td>
                    <td class="nowrap">{when(row.at)}</td>
                    {props.canLift ? (
                      <td>
                        <form
                          method="post"
                          action={`/console/mailings/suppressions/${encodeURIComponent(row.addressKey)}/lift`}
                        >
                          <input type="hidden" name="_csrf" value={props.csrfToken} />
                          <button type="submit" aria-describedby="lift-help">
                            {t.lift}
                          </button>
                        </form>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
        {props.canLift && props.suppressed.length > 0 ? (
          <p class="hint" id="lift-help">
            {t.liftHelp}
          </p>
        ) : null}
      </section>
      <section aria-labelledby="unsubscribed-heading">
        <h2 id="unsubscribed-heading">
          {t.unsubscribedHeading} ({formatNumber(props.unsubscribed.length, language)})
        </h2>
        <p class="hint">{t.unsubscribedHelp}</p>
        {props.unsubscribed.length === 0 ? (
          <p class="empty">{t.noneUnsubscribed}</p>
        ) : (
          <section class="table-wrap" aria-label={t.unsubscribedHeading} tabindex={0}>
            <table class="data-table">
              <caption class="visually-hidden">{t.unsubscribedHeading}</caption>
              <thead>
                <tr>
                  <th scope="col">{c.who}</th>
                  <th scope="col">{c.when}</th>
                  <th scope="col">{c.source}</th>
                </tr>
              </thead>
              <tbody>
                {newestFirst(props.unsubscribed).map((row) => (
                  <tr key={row.addressKey}>
                    <th scope="row">
                      <Who person={row.person} fallback={t.notInAddressBook} />
                    </th>
                    <td class="nowrap">{when(row.at)}</td>
                    <td>
                      {row.source.startsWith('one-click:')
                        ? t.sources.oneClick
                        : row.source.startsWith('page:')
                          ? t.sources.page
                          : row.source}
                      {row.campaignName ? <span class="meta">{row.campaignName}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
      </section>
    </>
  );
}
