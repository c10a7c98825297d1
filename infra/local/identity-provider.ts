import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, jwtVerify, SignJWT } from 'jose';
import { h } from 'preact';
import { render } from 'preact-render-to-string';
import type { DemoStaff } from './demo-data.js';

type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

export const LOCAL_CLIENT_ID = 'samverkan-local-console';

interface PendingCode {
  staff: DemoStaff;
  redirectUri: string;
  challenge: string;
  expires: number;
}

/**
 * The local stand-in for the Cognito user pool and its hosted UI: the same OAuth endpoints
 * (`/oauth2/authorize`, `/oauth2/token`, `/logout`, `/.well-known/jwks.json`) and id tokens
 * with the same claims, signed with a local RSA key kept under the data folder.
 */
export class LocalIdentityProvider {
  private codes = new Map<string, PendingCode>();

  private constructor(
    readonly issuer: string,
    private readonly privateKey: SigningKey,
    private readonly publicJwk: JWK,
    private readonly staff: DemoStaff[],
    private readonly logoutUrls: readonly string[],
  ) {}

  /**
   * `logoutUrls`: where `/logout` may send the browser back to, exactly (the app client's
   * "allowed sign-out URLs" in Cognito, `logoutUrls` in infra/aws/stateful-stack.ts).
   */
  static async create(
    issuer: string,
    staff: DemoStaff[],
    keyFile: string | undefined,
    logoutUrls: readonly string[] = [],
  ): Promise<LocalIdentityProvider> {
    let privateJwk: JWK;
    if (keyFile && existsSync(keyFile)) {
      privateJwk = JSON.parse(readFileSync(keyFile, 'utf8')) as JWK;
    } else {
      const { privateKey } = await generateKeyPair('RS256', { extractable: true });
      privateJwk = {
        ...(await exportJWK(privateKey)),
        kid: randomBytes(8).toString('hex'),
        alg: 'RS256',
        use: 'sig',
      };
      if (keyFile) {
        mkdirSync(dirname(keyFile), { recursive: true });
        writeFileSync(keyFile, JSON.stringify(privateJwk), { mode: 0o600 });
      }
    }
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = privateJwk;
    const privateKey = (await importJWK(privateJwk, 'RS256')) as SigningKey;
    return new LocalIdentityProvider(issuer, privateKey, publicJwk, staff, logoutUrls);
  }

  get jwks() {
    return { keys: [this.publicJwk] };
  }

  /** An id token for a demo staff member, as Cognito would issue it. */
  async idToken(staffId: string, ttlSeconds = 8 * 3600): Promise<string> {
    const staff = this.staff.find((s) => s.staffId === staffId);
    if (!staff) throw new Error(`No demo staff ${staffId}`);
    return (
      new SignJWT({
        name: staff.name,
        email: staff.email,
        // An operator has no tenant (in Cognito: no `custom:tenant` attribute).
        ...(staff.tenantId ? { 'custom:tenant': staff.tenantId } : {}),
        'custom:role': staff.role,
        token_use: 'id',
      })
        .setProtectedHeader({ alg: 'RS256', kid: this.publicJwk.kid })
        .setSubject(staff.staffId)
        // Cognito's id tokens carry a unique `jti` too: no two sign-ins share a token.
        .setJti(randomUUID())
        .setIssuer(this.issuer)
        .setAudience(LOCAL_CLIENT_ID)
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(this.privateKey)
    );
  }

  /** What the HTTP API's JWT authorizer checks: signature, issuer, audience, expiry. */
  async verify(token: string): Promise<Record<string, unknown> | undefined> {
    try {
      const key = await importJWK(this.publicJwk, 'RS256');
      const { payload } = await jwtVerify(token, key, { issuer: this.issuer, audience: LOCAL_CLIENT_ID });
      return payload as Record<string, unknown>;
    } catch {
      return undefined;
    }
  }

  /** The hosted sign-in page: pick a demo staff member (there are no passwords locally). */
  authorizePage(params: URLSearchParams): { status: number; html: string } {
    if (
      params.get('client_id') !== LOCAL_CLIENT_ID ||
      !params.get('redirect_uri') ||
      params.get('code_challenge_method') !== 'S256'
    ) {
      return { status: 400, html: '<!doctype html><p>invalid_request</p>' };
    }
    const hidden = [
      'client_id',
      'redirect_uri',
      'state',
      'code_challenge',
      'code_challenge_method',
      'scope',
      'response_type',
    ].map((name) => h('input', { type: 'hidden', name, value: params.get(name) ?? '' }));
    // Tenant staff only: the console is a tenant's; operators call the operators' JSON routes.
    const tenants = [...new Set(this.staff.flatMap((s) => (s.tenantId ? [s.tenantId] : [])))];
    const page = h(
      'html',
      { lang: 'en' },
      h(
        'head',
        null,
        h('meta', { charset: 'utf-8' }),
        h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
        h('title', null, 'Sign in — Samverkan (local)'),
        h(
          'style',
          null,
          'body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}button{display:block;width:100%;text-align:left;margin:.4rem 0;padding:.75rem 1rem;font-size:1rem;border:1px solid #767676;border-radius:6px;background:#fff;cursor:pointer}button:hover,button:focus{border-color:#0b5394;outline:3px solid #9fc5e8}h2{font-size:1.1rem;margin-top:1.5rem}.note{color:#444}',
        ),
      ),
      h(
        'body',
        null,
        h(
          'main',
          null,
          h('h1', null, 'Sign in to Samverkan'),
          h(
            'p',
            { class: 'note' },
            'Local identity provider: choose a demo staff member. In AWS this page is the Cognito hosted UI.',
          ),
          h(
            'form',
            { method: 'post', action: '' },
            ...hidden,
            ...tenants.map((tenantId) =>
              h(
                'section',
                { 'aria-labelledby': `t-${tenantId}` },
                h('h2', { id: `t-${tenantId}` }, tenantId),
                ...this.staff
                  .filter((s) => s.tenantId === tenantId)
                  .map((s) =>
                    h(
                      'button',
                      { type: 'submit', name: 'staffId', value: s.staffId, 'data-staff': s.staffId },
                      `${s.name} (${s.role})`,
                    ),
                  ),
              ),
            ),
          ),
        ),
      ),
    );
    return { status: 200, html: `<!doctype html>${render(page)}` };
  }

  /** The form on the sign-in page posts here; answers with the redirect carrying a code. */
  authorize(form: URLSearchParams): { status: number; location?: string } {
    const staff = this.staff.find((s) => s.staffId === form.get('staffId'));
    const redirectUri = form.get('redirect_uri') ?? '';
    if (!staff || form.get('client_id') !== LOCAL_CLIENT_ID || !redirectUri || !form.get('code_challenge'))
      return { status: 400 };
    const code = randomBytes(24).toString('base64url');
    this.codes.set(code, {
      staff,
      redirectUri,
      challenge: form.get('code_challenge') ?? '',
      expires: Date.now() + 5 * 60_000,
    });
    const target = new URL(redirectUri);
    target.searchParams.set('code', code);
    target.searchParams.set('state', form.get('state') ?? '');
    return { status: 302, location: target.toString() };
  }

  /**
   * `/logout`: Cognito ends its hosted session and redirects to `logout_uri` only when the client
   * is known and the URI is one of its allowed sign-out URLs, exactly; anything else is refused,
   * so the endpoint is no open redirect.
   */
  logout(params: URLSearchParams): { status: number; location?: string } {
    const target = params.get('logout_uri') ?? '';
    if (params.get('client_id') !== LOCAL_CLIENT_ID || !this.logoutUrls.includes(target)) {
      return { status: 400 };
    }
    return { status: 302, location: target };
  }

  /** `/oauth2/token`: one use per code, PKCE checked, redirect URI must match. */
  async token(form: URLSearchParams): Promise<{ status: number; body: Record<string, unknown> }> {
    const code = form.get('code') ?? '';
    const pending = this.codes.get(code);
    this.codes.delete(code);
    const verifier = form.get('code_verifier') ?? '';
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    if (
      form.get('grant_type') !== 'authorization_code' ||
      form.get('client_id') !== LOCAL_CLIENT_ID ||
      !pending ||
      pending.expires < Date.now() ||
      pending.redirectUri !== form.get('redirect_uri') ||
      pending.challenge !== challenge
    ) {
      return { status: 400, body: { error: 'invalid_grant' } };
    }
    const ttl = 8 * 3600;
    return {
      status: 200,
      body: {
        id_token: await this.idToken(pending.staff.staffId, ttl),
        token_type: 'Bearer',
        expires_in: ttl,
      },
    };
  }
}
