import { Fragment } from 'preact';
import type { KeptItem, PersonalDataItem } from '../../platform/privacy/personal-data.js';
import { formatDateTime } from '../../platform/texts/format.js';
import type { Language } from '../../platform/texts/language.js';
import type { PageBrand } from '../../platform/ui/brand.js';
import { PublicLayout } from '../../platform/ui/public-layout.js';
import { exportTexts } from '../export-texts.js';
import { privacyTexts } from '../texts.js';
import { KeptList } from './requests.js';

/** A value of an item as a person reads it: text as it is, lists joined, objects as JSON. */
function shown(value: unknown): string {
  if (Array.isArray(value)) return value.map(shown).join(', ');
  if (value && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export interface ExportPageProps {
  /** The municipality's logo and colour on the page. */
  brand?: PageBrand;
  language: Language;
  tenantName: string;
  timeZone: string;
  items: PersonalDataItem[];
  jsonHref: string;
  /** After an erasure: what the archive rules kept, and why (Art. 17(3)). */
  kept?: KeptItem[];
}

/** What is held about a person, part by part, with purpose, lawful basis and source (Art. 15). */
export function ExportPage(props: ExportPageProps) {
  const m = exportTexts(props.language);
  return (
    <PublicLayout language={props.language} title={m.title(props.tenantName)} brand={props.brand}>
      <h1>{m.title(props.tenantName)}</h1>
      <p class="lead">{m.intro(props.tenantName)}</p>
      <p>
        <a href={props.jsonHref} download="personal-data.json">
          {m.json}
        </a>
      </p>
      {props.items.length === 0 ? <p class="empty">{m.nothing}</p> : null}
      {props.items.map((item, i) => {
        const category = m.categories[item.category];
        return (
          <section key={item.ref} aria-labelledby={`part-${i}`} class="panel" data-ref={item.ref}>
            <h2 id={`part-${i}`}>{category.heading}</h2>
            <dl class="facts">
              <dt>{m.purposeLabel}</dt>
              <dd>{category.purpose}</dd>
              <dt>{m.basisLabel}</dt>
              <dd>{m.bases[item.lawfulBasis]}</dd>
              <dt>{m.sourceLabel}</dt>
              <dd>{item.source}</dd>
              {item.recordedAt ? (
                <>
                  <dt>{m.recordedLabel}</dt>
                  <dd>{formatDateTime(item.recordedAt, props.language, props.timeZone)}</dd>
                </>
              ) : null}
              {Object.entries(item.data)
                .filter(([, value]) => value !== undefined && value !== null && value !== '')
                .map(([key, value]) => (
                  <Fragment key={key}>
                    <dt>{key}</dt>
                    <dd>{shown(value)}</dd>
                  </Fragment>
                ))}
            </dl>
          </section>
        );
      })}
      {props.kept ? (
        <section aria-labelledby="kept-heading">
          <h2 id="kept-heading">{privacyTexts(props.language).erasure.keptHeading}</h2>
          <KeptList language={props.language} kept={props.kept} />
        </section>
      ) : null}
      <p>{m.rights}</p>
    </PublicLayout>
  );
}
