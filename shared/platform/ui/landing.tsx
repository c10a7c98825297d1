import type { Language } from '../texts/language.js';
import { shellTexts } from '../texts/shell.js';
import { PublicLayout } from './public-layout.js';

export interface LandingPageProps {
  language: Language;
}

/** The public start page: what Samverkan is, and the way in for staff. */
export function LandingPage({ language }: LandingPageProps) {
  const m = shellTexts(language);
  return (
    <PublicLayout language={language} title={`${m.landing.title} – ${m.landing.tagline}`}>
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
    </PublicLayout>
  );
}
