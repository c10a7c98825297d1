import * as z from 'zod';
import { hasControlCharacters } from '../platform/mail-kit/headers.js';
import type { FileKind } from './release.js';

/*
 * Images and attachments of a release: which types, how large, and how a file's first bytes
 * must look for its type (the name and the browser's content type are only claims).
 */

const MB = 1024 * 1024;

export const fileTypes = {
  'image/png': {
    kinds: ['image', 'attachment'],
    signature: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  },
  'image/jpeg': { kinds: ['image', 'attachment'], signature: [0xff, 0xd8, 0xff] },
  'image/webp': { kinds: ['image', 'attachment'], signature: [0x52, 0x49, 0x46, 0x46] },
  'application/pdf': { kinds: ['attachment'], signature: [0x25, 0x50, 0x44, 0x46, 0x2d] },
} as const satisfies Record<string, { kinds: readonly FileKind[]; signature: readonly number[] }>;
export type FileType = keyof typeof fileTypes;

/** Largest file of each kind. Uploads through the console pass the function (6 MB in AWS), so images stay under it. */
export const maxFileBytes: Record<FileKind, number> = { image: 4 * MB, attachment: 10 * MB };
/** Files per release. */
export const MAX_FILES = 12;

export const fileMetaSchema = z
  .object({
    kind: z.enum(['image', 'attachment']),
    fileName: z
      .string()
      .trim()
      .min(1, 'Required')
      .max(160, 'At most 160 characters')
      .refine(
        (v) => !hasControlCharacters(v) && !/[\\/]/.test(v),
        'A file name without path or control characters',
      ),
    contentType: z.string(),
    size: z.number().int().positive('Must not be empty'),
    alt: z
      .string()
      .trim()
      .max(300, 'At most 300 characters')
      .refine((v) => !hasControlCharacters(v), 'Must be one line')
      .optional(),
  })
  .strict()
  .superRefine((meta, ctx) => {
    const type = fileTypes[meta.contentType as FileType] as (typeof fileTypes)[FileType] | undefined;
    if (!type || !(type.kinds as readonly string[]).includes(meta.kind)) {
      ctx.addIssue({
        code: 'custom',
        path: ['contentType'],
        message:
          meta.kind === 'image'
            ? 'An image is PNG, JPEG or WebP'
            : 'An attachment is a PDF or an image (PNG, JPEG, WebP)',
      });
    }
    if (meta.size > maxFileBytes[meta.kind]) {
      ctx.addIssue({
        code: 'custom',
        path: ['size'],
        message: `At most ${maxFileBytes[meta.kind] / MB} MB`,
      });
    }
    if (meta.kind === 'image' && !meta.alt) {
      ctx.addIssue({ code: 'custom', path: ['alt'], message: 'An image needs a text alternative' });
    }
  });

/** Whether the file's first bytes are those of its declared type. */
export function matchesSignature(contentType: string, head: Uint8Array): boolean {
  const type = fileTypes[contentType as FileType] as (typeof fileTypes)[FileType] | undefined;
  if (!type) return false;
  return type.signature.every((byte, i) => head[i] === byte);
}

/** Where a release's file lives in the bucket: under its tenant and release. */
export const fileKey = (tenantId: string, releaseId: string, fileId: string) =>
  `press/${tenantId}/${releaseId}/${fileId}`;
