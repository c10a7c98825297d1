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
