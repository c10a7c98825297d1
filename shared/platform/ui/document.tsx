import type { ComponentChildren } from 'preact';
import type { Language } from '../texts/language.js';
import { styles } from './styles.js';

export interface DocumentProps {
  language: Language;
  /** The whole `<title>`, e.g. "Översikt – Samverkan". */
  title: string;
  /** Attributes of `<body>` (a branded public page's class and colour). */
  body?: { class?: string; style?: string };
  children?: ComponentChildren;
}

/** The `<html>` element of every page: language, viewport, title and the inline stylesheet. */
export function Document({ language, title, body, children }: DocumentProps) {
  return (
    <html lang={language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <title>{title}</title>
        {/* An empty icon, so browsers do not ask the API for /favicon.ico. */}
        <link rel="icon" href="data:," />
        {/* Our own constant CSS: set as HTML so selectors like `>` are not escaped. */}
        <style dangerouslySetInnerHTML={{ __html: styles }} />
      </head>
      <body {...body}>{children}</body>
    </html>
  );
}

/** "Page – Samverkan": the product name last, so tabs and history read by page first. */
export const pageTitle = (...parts: string[]) => [...parts.filter(Boolean), 'Samverkan'].join(' – ');
