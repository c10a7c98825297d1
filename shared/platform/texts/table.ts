import type { Language } from './language.js';

/*
 * How Samverkan keeps its words. Each part (the shell here in platform, each capability beside its
 * pages) declares one interface for its texts and one table per language, typed
 * `TextTable<ItsTexts>`: a language without a table, or a table without a key, is a type error,
 * not a blank on a page. Texts that need values are functions (`tooLong: (max) => …`).
 *
 *   export interface DirectoryTexts { title: string; caption: (count: number) => string }
 *   const sv: DirectoryTexts = { … };  const da: DirectoryTexts = { … };  const en: DirectoryTexts = { … };
 *   export const directoryMessages: TextTable<DirectoryTexts> = { sv, da, en };
 *   export const directoryTexts = textsOf(directoryMessages);   // directoryTexts('da').title
 */

/** One table of texts per language. */
export type TextTable<T> = Readonly<Record<Language, T>>;

/** The lookup of a table: the texts in one language. */
export function textsOf<T>(table: TextTable<T>): (language: Language) => T {
  return (language) => table[language];
}

/**
 * A text in whatever language the reader reads. What an error carries for pages: its message
 * stays English (JSON API, logs), the page shows `text(language)`.
 */
export type Localized = (language: Language) => string;
