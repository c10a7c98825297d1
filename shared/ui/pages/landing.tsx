import type { Language } from '../../domain/programmes/programme.js';
import { Document } from '../document.js';
import { t } from '../i18n.js';

export interface LandingPageProps {
  language: Language;
}

/** The public start page: what Samverkan is, and the way in for staff. */
export function LandingPage({ language }: LandingPageProps) {
  const m = t(language);
  return (
    <Document language={language} title={`${m.landing.title} – ${m.landing.tagline}`}>
      <a class="skip-link" href="#main">
        {m.skipToContent}
      </a>
      <header class="site-header">
        <div class="wrap">
          <div class="brand">
            <a class="product" href="/">
              Samverkan
            </a>
          </div>
        </div>
      </header>
      <main id="main" tabindex={-1}>
        <div class="wrap">
          <h1>{m.landing.title}</h1>
          <p class="lead">{m.landing.tagline}</p>
          <p class="prose">{m.landing.about}</p>
          <section aria-labelledby="staff-heading">
            <h2 id="staff-heading">{m.landing.staffHeading}</h2>
            <p>
              <a class="button" href="/auth/sign-in">
                {m.landing.signIn}
              </a>
            </p>
          </section>
        </div>
      </main>
      <footer class="site-footer">
        <div class="wrap">
          <p>{m.footer}</p>
        </div>
      </footer>
    </Document>
  );
}
