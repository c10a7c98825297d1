import { shellTexts } from '../texts/shell.js';
import { HttpError } from './errors.js';

/**
 * `multipart/form-data` (RFC 7578), for forms with a file input. Small on purpose: the whole
 * body is in memory already (a Lambda event), parts are found with `Buffer.indexOf`, and the
 * number of parts is capped, so a hostile body costs linear time and nothing more.
 */
export interface UploadedFile {
  filename: string;
  contentType: string;
  bytes: Buffer;
}

export interface MultipartForm {
  fields: Record<string, string>;
  files: Record<string, UploadedFile>;
}

const MAX_PARTS = 20;
const MAX_HEADER_BYTES = 4096;

const malformed = () =>
  new HttpError(400, 'The form could not be read', [{ field: 'body', message: 'Malformed multipart body' }], {
    text: (language) => shellTexts(language).errors.unreadableForm,
  });

export function multipartBoundary(contentType: string): string | undefined {
  if (!/^multipart\/form-data\s*;/i.test(contentType)) return undefined;
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

/** A parameter of a `Content-Disposition` header (`name="file"`), quotes and `%22` undone. */
function dispositionParam(header: string, param: string): string | undefined {
  const match = new RegExp(`;\\s*${param}="((?:[^"\\\\]|\\\\.)*)"`, 'i').exec(header);
  if (match?.[1] !== undefined) return match[1].replace(/\\(.)/g, '$1').replace(/%22/g, '"');
  return new RegExp(`;\\s*${param}=([^;\\s]+)`, 'i').exec(header)?.[1];
}

export function parseMultipart(body: Buffer, contentType: string): MultipartForm {
  const boundary = multipartBoundary(contentType);
  if (!boundary) throw malformed();
  const delimiter = Buffer.from(`--${boundary}`);
  // No prototype: a part named `__proto__` is just a name.
  const fields = Object.create(null) as Record<string, string>;
  const files = Object.create(null) as Record<string, UploadedFile>;
  let position = body.indexOf(delimiter);
  if (position < 0) throw malformed();
  for (let parts = 0; ; parts++) {
    position += delimiter.length;
    // `--` after a delimiter closes the body.
    if (body[position] === 0x2d && body[position + 1] === 0x2d) break;
    if (parts >= MAX_PARTS) throw malformed();
    if (body[position] !== 0x0d || body[position + 1] !== 0x0a) throw malformed();
    position += 2;
    const headerEnd = body.indexOf('\r\n\r\n', position);
    if (headerEnd < 0 || headerEnd - position > MAX_HEADER_BYTES) throw malformed();
    const headers = body.subarray(position, headerEnd).toString('utf8').split('\r\n');
    const contentStart = headerEnd + 4;
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), contentStart);
    if (next < 0) throw malformed();
    const content = body.subarray(contentStart, next);
    position = next + 2;

    const disposition = headers.find((h) => /^content-disposition:/i.test(h)) ?? '';
    if (!/^content-disposition:\s*form-data\s*(;|$)/i.test(disposition)) continue;
    const name = dispositionParam(disposition, 'name');
    if (!name) continue;
    const filename = dispositionParam(disposition, 'filename');
    if (filename === undefined) {
      fields[name] ??= content.toString('utf8');
      continue;
    }
    // A file input left empty sends a part with no filename and no bytes.
    if (filename === '' && content.length === 0) continue;
    const type = headers.find((h) => /^content-type:/i.test(h));
    files[name] ??= {
      filename,
      contentType: type ? type.slice(type.indexOf(':') + 1).trim() : 'application/octet-stream',
      bytes: Buffer.from(content),
    };
  }
  return { fields, files };
}
