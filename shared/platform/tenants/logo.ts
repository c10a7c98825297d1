import { createHash } from 'node:crypto';

/**
 * The municipality's logo as uploaded: pure checks of the bytes. PNG or JPEG only, known by their
 * magic bytes (never by the file name or the browser's content type). Never SVG: an SVG is a
 * document that can carry script, event handlers and links to other origins; served from our
 * origin and opened on its own it would run with the origin's rights, and mail clients treat it
 * unevenly. A raster image carries none of that.
 */

/** Every mail carries the logo (SES bills attachment bytes): small on purpose. */
export const LOGO_MAX_BYTES = 200 * 1024;
export const LOGO_MIN_SIDE = 16;
export const LOGO_MAX_SIDE = 2000;

export type LogoProblem = 'missing' | 'type' | 'size' | 'dimensions';

export interface CheckedLogo {
  contentType: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
  bytes: number;
  /** The first 16 hex digits of the bytes' SHA-256: the version in its URL and in caches. */
  version: string;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(bytes: Buffer): { width: number; height: number } | undefined {
  // The signature, then the IHDR chunk first: length, "IHDR", width, height (big-endian).
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return undefined;
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function jpegSize(bytes: Buffer): { width: number; height: number } | undefined {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8 || bytes[2] !== 0xff) return undefined;
  // Walk the segments to the frame header (SOF0–SOF15 but DHT, JPG and DAC).
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    const length = bytes.readUInt16BE(at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
    if (length < 2) return undefined;
    at += 2 + length;
  }
  return undefined;
}

/** The logo if the bytes are a PNG or JPEG of a sensible size, else what is wrong with them. */
export function checkLogo(bytes: Buffer | undefined): CheckedLogo | { problem: LogoProblem } {
  if (!bytes || bytes.length === 0) return { problem: 'missing' };
  if (bytes.length > LOGO_MAX_BYTES) return { problem: 'size' };
  const png = pngSize(bytes);
  const jpeg = png ? undefined : jpegSize(bytes);
  const size = png ?? jpeg;
  if (!size) return { problem: 'type' };
  const sides = [size.width, size.height];
  if (sides.some((side) => side < LOGO_MIN_SIDE || side > LOGO_MAX_SIDE)) return { problem: 'dimensions' };
  return {
    contentType: png ? 'image/png' : 'image/jpeg',
    ...size,
    bytes: bytes.length,
    version: createHash('sha256').update(bytes).digest('hex').slice(0, 16),
  };
}
