import * as z from 'zod';
import { type Language, languageSchema } from '../platform/texts/language.js';

const trimmed = (max: number) => z.string().trim().min(1, 'Required').max(max, `At most ${max} characters`);

export const themeInputSchema = z.object({
  title: trimmed(120),
  description: z.string().trim().max(1000).optional(),
});

/** The editable fields, shared by create and update. */
const programmeFields = {
  name: trimmed(200),
  description: z.string().trim().max(4000).default(''),
  language: languageSchema,
  startsOn: z.iso.date().optional(),
  endsOn: z.iso.date().optional(),
};

const periodInOrder: [
  (p: { startsOn?: string; endsOn?: string }) => boolean,
  { path: string[]; message: string },
] = [
  (p) => !p.startsOn || !p.endsOn || p.startsOn <= p.endsOn,
  { path: ['endsOn'], message: 'Must not be before startsOn' },
];

export const programmeInputSchema = z
  .object({ ...programmeFields, themes: z.array(themeInputSchema).max(30, 'At most 30 themes').default([]) })
  .strict()
  .refine(...periodInOrder);
export type ProgrammeInput = z.infer<typeof programmeInputSchema>;

/** A full replacement of the editable fields, guarded by the version the editor last saw. */
export const programmeUpdateSchema = z
  .object({
    ...programmeFields,
    themes: z
      .array(themeInputSchema.extend({ id: z.string().min(1).max(64).optional() }))
      .max(30, 'At most 30 themes'),
    expectedVersion: z.number().int().positive(),
  })
  .strict()
  .refine(...periodInOrder);
export type ProgrammeUpdate = z.infer<typeof programmeUpdateSchema>;

export interface Theme {
  id: string;
  title: string;
  description?: string;
}

export interface Programme {
  programmeId: string;
  tenantId: string;
  name: string;
  description: string;
  language: Language;
  startsOn?: string;
  endsOn?: string;
  themes: Theme[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Which editable fields an update changes; the event says so, and no-op updates write nothing. */
export function changedFields(before: Programme, after: Omit<ProgrammeUpdate, 'expectedVersion'>): string[] {
  const fields: string[] = [];
  if (before.name !== after.name) fields.push('name');
  if (before.description !== after.description) fields.push('description');
  if (before.language !== after.language) fields.push('language');
  if ((before.startsOn ?? null) !== (after.startsOn ?? null)) fields.push('startsOn');
  if ((before.endsOn ?? null) !== (after.endsOn ?? null)) fields.push('endsOn');
  const themes = (t: { title: string; description?: string }[]) =>
    JSON.stringify(t.map((x) => [x.title, x.description ?? '']));
  if (themes(before.themes) !== themes(after.themes)) fields.push('themes');
  return fields;
}
