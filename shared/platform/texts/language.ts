import * as z from 'zod';

/** The languages Samverkan's pages and mails speak. */
export const languages = ['sv', 'da', 'en'] as const;
export type Language = (typeof languages)[number];
export const languageSchema = z.enum(languages);
