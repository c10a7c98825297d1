import * as z from 'zod';
import { type SegmentAudience, segmentAudienceSchema } from './campaign.js';

/*
 * A saved segment: a named audience staff reuse across invitations and campaigns. It keeps the
 * definition (tags, organisation types, hand-picked contacts), not a list of people: who it
 * reaches is worked out when a send is made, so contacts added or tagged since are included.
 * A send copies the definition when it is created, so renaming or deleting the segment later
 * changes nothing about a send already made or scheduled.
 */

/** A segment's name: one line, as it is shown in pickers and confirmations. */
export const segmentNameSchema = z
  .string()
  .trim()
  .min(1, 'Required')
  .max(80, 'At most 80 characters')
  .refine((name) => !/\p{Cc}/u.test(name), 'One line, without control characters');

export const segmentInputSchema = z
  .object({ name: segmentNameSchema, audience: segmentAudienceSchema })
  .strict();

export interface Segment {
  segmentId: string;
  tenantId: string;
  name: string;
  audience: SegmentAudience;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

/** The console's "new segment" form, as typed. */
export interface SegmentFormValues {
  name: string;
  kind: 'tags' | 'organisation-types';
  /** Comma-separated, as typed. */
  tags: string;
  types: string[];
}
export type SegmentFormError = 'nameRequired' | 'nameInvalid' | 'tagsRequired' | 'typesRequired';
export type SegmentFormErrors = Partial<Record<'name' | 'tags' | 'types', SegmentFormError>>;

export const emptySegmentForm = (): SegmentFormValues => ({ name: '', kind: 'tags', tags: '', types: [] });

const normaliseTag = (tag: string) => tag.trim().replace(/\s+/g, ' ').toLowerCase();

/** A posted segment form → a segment's name and definition, or what is wrong with it. */
export function parseSegmentForm(form: Record<string, string | undefined>): {
  values: SegmentFormValues;
  errors: SegmentFormErrors;
  input?: { name: string; audience: SegmentAudience };
} {
  const values: SegmentFormValues = {
    name: (form.name ?? '').slice(0, 200),
    kind: form.kind === 'organisation-types' ? 'organisation-types' : 'tags',
    tags: (form.tags ?? '').slice(0, 2000),
    types: Object.keys(form)
      .filter((key) => key.startsWith('type_') && form[key])
      .map((key) => key.slice('type_'.length)),
  };
  const errors: SegmentFormErrors = {};
  const name = segmentNameSchema.safeParse(values.name);
  if (!name.success) errors.name = values.name.trim() === '' ? 'nameRequired' : 'nameInvalid';
  const tags = [...new Set(values.tags.split(',').map(normaliseTag).filter(Boolean))];
  const audience = segmentAudienceSchema.safeParse(
    values.kind === 'tags' ? { kind: 'tags', tags } : { kind: 'organisation-types', types: values.types },
  );
  if (!audience.success) {
    if (values.kind === 'tags') errors.tags = 'tagsRequired';
    else errors.types = 'typesRequired';
  }
  return {
    values,
    errors,
    ...(name.success && audience.success ? { input: { name: name.data, audience: audience.data } } : {}),
  };
}
