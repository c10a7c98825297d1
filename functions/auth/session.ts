import { createHash, randomBytes } from 'node:crypto';
import { h } from 'preact';
import { requireEnv } from '../../shared/platform/aws/env.js';
import { HttpError } from '../../shared/platform/http/errors.js';
import {
  cookie,
  htmlPages,
  publicPage,
  SESSION_COOKIE,
  sessionFormPage,
} from '../../shared/platform/http/html-pages.js';
import { cookies } from '../../shared/platform/http/request.js';
import { revokeSession } from '../../shared/platform/identity/sessions.js';
import { verifyIdTokenClaims } from '../../shared/platform/identity/staff.js';
import { logger } from '../../shared/platform/observability/logger.js';
import { shellTexts } from '../../shared/platform/texts/shell.js';
import { ErrorPage } from '../../shared/platform/ui/error-page.js';

/**
 * Staff sign-in with the OAuth 2.0 authorization-code flow and PKCE against the identity
 * provider's hosted pages: Cognito in AWS, the local runtime's identity provider locally
 * (same endpoints, same claims). The id token ends up in an HttpOnly session cookie.
 */
const FLOW_COOKIE = 'samverkan_auth_flow';

const base = () => requireEnv('PUBLIC_BASE_URL');
const redirectUri = () => `${base()}/auth/callback`;

const signInExpired = () =>
  new HttpError(400, 'The sign-in link has expired. Please sign in again.', [], {
    text: (language) => shellTexts(language).errors.signInExpired,
  });

/** Only local paths may be returned to: never an open redirect. */
export function safeReturnTo(value: string | undefined): string {
  return value && /^\/(?!\/)[\w\-./?=&%~+]*$/.test(value) ? value : '/console';
}

export const handler = htmlPages(
  {
    'GET /auth/sign-in': publicPage(async ({ event }) => {
      const state = randomBytes(16).toString('base64url');
      const verifier = randomBytes(32).toString('base64url');
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      const returnTo = safeReturnTo(event.queryStringParameters?.returnTo);
      const authorize = new URL(`${requireEnv('AUTH_DOMAIN')}/oauth2/authorize`);
      authorize.search = new URLSearchParams({
        response_type: 'code',
        client_id: requireEnv('AUTH_CLIENT_ID'),
        redirect_uri: redirectUri(),
        scope: 'openid profile email',
        state,
        code_challenge: challenge,
        code_challenge_method: 'S256',
      }).toString();
      const flow = JSON.stringify({ state, verifier, returnTo });
      return { kind: 'redirect', location: authorize.toString(), cookies: [cookie(FLOW_COOKIE, flow, 600)] };
    }),

    'GET /auth/callback': publicPage(async ({ event }) => {
      const { code, state } = event.queryStringParameters ?? {};
      let flow: { state?: string; verifier?: string; returnTo?: string } = {};
      try {
        flow = JSON.parse(cookies(event)[FLOW_COOKIE] ?? '{}');
      } catch {
        flow = {};
      }
      if (!code || !state || !flow.state || state !== flow.state || !flow.verifier) {
        throw signInExpired();
      }
      const response = await fetch(`${requireEnv('AUTH_DOMAIN')}/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          client_id: requireEnv('AUTH_CLIENT_ID'),
          code,
          redirect_uri: redirectUri(),
          code_verifier: flow.verifier,
        }),
      });
      if (!response.ok) {
        logger.warn('token exchange refused', { status: response.status });
        throw signInExpired();
      }
      const tokens = (await response.json()) as { id_token?: string; expires_in?: number };
      const identity = tokens.id_token ? (await verifyIdTokenClaims(tokens.id_token))?.identity : undefined;
      if (!tokens.id_token || !identity)
        throw new HttpError(403, 'This account has no access to Samverkan.', [], {
          text: (language) => shellTexts(language).errors.noAccess,
        });
      logger.info('staff signed in', { staffId: identity.staffId, tenantId: identity.tenantId });
      return {
        kind: 'redirect',
        location: safeReturnTo(flow.returnTo),
        cookies: [
          cookie(SESSION_COOKIE, tokens.id_token, tokens.expires_in ?? 3600),
          cookie(FLOW_COOKIE, '', 0),
        ],
      };
    }),

    /**
     * Sign-out ends the session here, not only in the browser: the id token in the cookie would
     * otherwise stay valid until its `exp`, so it is revoked (a table item until then) and every
     * console page refuses it. The form carries the session's own CSRF token (sessionFormPage).
     * The identity provider's hosted session ends at its logout endpoint. The JSON API's bearer
     * tokens are checked by the HTTP API's JWT authorizer, which knows nothing of this: a token
     * used there lives for Cognito's id-token lifetime (one hour).
     */
    'POST /auth/sign-out': sessionFormPage(async ({ event }) => {
      const token = cookies(event)[SESSION_COOKIE];
      const verified = token ? await verifyIdTokenClaims(token) : undefined;
      if (token && verified) {
        await revokeSession(verified.identity.tenantId, token, verified.expiresAt);
        logger.info('staff signed out', {
          staffId: verified.identity.staffId,
          tenantId: verified.identity.tenantId,
        });
      }
      const logout = new URL(`${requireEnv('AUTH_DOMAIN')}/logout`);
      logout.search = new URLSearchParams({
        client_id: requireEnv('AUTH_CLIENT_ID'),
        logout_uri: `${base()}/`,
      }).toString();
      return { kind: 'redirect', location: logout.toString(), cookies: [cookie(SESSION_COOKIE, '', 0)] };
    }),
  },
  (status, message, language) => h(ErrorPage, { status, message, language }),
);
