import type { Language } from '../texts/language.js';
import { type ShellTexts, shellTexts } from '../texts/shell.js';
import { pageTitle } from './document.js';
import { PublicLayout } from './public-layout.js';

export interface ErrorPageProps {
  status: number;
  /**
   * What to say beyond the heading, in the page's language (the page stack gives `errorPageText`:
   * the error's translated text or validation issues); empty for nothing.
   */
  message: string;
  language: Language;
  /** The language `message` is written in, when not the page's: marked with `lang`. */
  messageLanguage?: Language;
}

type ErrorKind = keyof Pick<ShellTexts['errors'], 'notFound' | 'forbidden' | 'badRequest' | 'serverError'>;

export function errorKind(status: number): ErrorKind {
  if (status === 404 || status === 410) return 'notFound';
  if (status === 401 || status === 403) return 'forbidden';
  if (status >= 400 && status < 500) return 'badRequest';
  return 'serverError';
}

/** A page of its own (no console layout: it must render even when nothing else can). */
export function ErrorPage({ status, message, language, messageLanguage = language }: ErrorPageProps) {
  const m = shellTexts(language);
  const copy = m.errors[errorKind(status)];
  return (
    <PublicLayout language={language} title={pageTitle(copy.heading)}>
      <div class="panel">
        <p class="eyebrow">{m.errors.code(status)}</p>
        <h1>{copy.heading}</h1>
        <p>{copy.lead}</p>
        {message ? (
          <p class="detail">
            {m.errors.detail}:{' '}
            <span lang={messageLanguage === language ? undefined : messageLanguage}>{message}</span>
          </p>
        ) : null}
        <p>
          <a class="button" href="/">
            {m.errors.home}
          </a>
        </p>
      </div>
    </PublicLayout>
  );
}
