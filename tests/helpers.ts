import { crc32, deflateSync } from 'node:zlib';
import type { LocalRuntime } from '../infra/local/runtime.js';
import { sessionCsrfToken } from '../shared/platform/http/html-pages.js';

export async function waitFor<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/** A staff API client for a demo staff member, with a token from the local identity provider. */
export async function staffClient(runtime: LocalRuntime, staffId: string) {
  const token = await runtime.identity.idToken(staffId);
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${runtime.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return {
      status: response.status,
      headers: response.headers,
      json: json as Record<string, unknown> & { [k: string]: unknown },
      text,
    };
  };
  return { token, call };
}

/** A console page request as a signed-in browser makes it: session cookie, and the form's CSRF token. */
export async function consoleRequest(
  runtime: LocalRuntime,
  staffId: string,
  method: 'GET' | 'POST',
  path: string,
  form?: Record<string, string>,
) {
  const token = await runtime.identity.idToken(staffId);
  // Console forms carry the session's own token, as the page puts it in its forms.
  const csrf = sessionCsrfToken(token);
  return fetch(`${runtime.url}${path}`, {
    method,
    redirect: 'manual',
    headers: {
      cookie: `samverkan_session=${token}; samverkan_csrf=${csrf}`,
      ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    body: form ? new URLSearchParams({ _csrf: csrf, ...form }).toString() : undefined,
  });
}

/** A real PNG of one colour (`rgb` as 0xrrggbb): for logo uploads. */
export function solidPng(width: number, height: number, rgb = 0x0a5866): Buffer {
  return png(width, height, () => rgb);
}

/** A real PNG of pseudo-random pixels (it compresses as little as a photo: ~3 bytes a pixel). */
export function noisyPng(width: number, height: number): Buffer {
  let seed = 1;
  return png(width, height, () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed & 0xffffff;
  });
}

function png(width: number, height: number, pixel: (x: number, y: number) => number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])));
    return Buffer.concat([length, Buffer.from(type, 'latin1'), data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, truecolour
  const rows = Array.from({ length: height }, (_, y) => {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const rgb = pixel(x, y);
      row.set([(rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255], 1 + x * 3);
    }
    return row;
  });
  const pixels = Buffer.concat(rows);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A console form with files (multipart), as the browser posts it. */
export async function consoleUpload(
  runtime: LocalRuntime,
  staffId: string,
  path: string,
  files: Record<string, { bytes: Buffer; name: string; type: string }>,
) {
  const token = await runtime.identity.idToken(staffId);
  const form = new FormData();
  form.set('_csrf', sessionCsrfToken(token));
  for (const [field, file] of Object.entries(files))
    form.set(field, new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  return fetch(`${runtime.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: `samverkan_session=${token}` },
    body: form,
  });
}
