import { createHash, randomBytes } from 'node:crypto';
import { LOCAL_CLIENT_ID } from '../infra/local/identity-provider.js';

/** A staff member's id token, signed in through the local identity provider's HTTP flow. */
export async function signIn(url: string, staffId: string): Promise<string> {
  const verifier = randomBytes(32).toString('base64url');
  const redirectUri = `${url}/`;
  const authorized = await fetch(`${url}/local-idp/oauth2/authorize`, {
    method: 'POST',
    redirect: 'manual',
    body: new URLSearchParams({
      staffId,
      client_id: LOCAL_CLIENT_ID,
      redirect_uri: redirectUri,
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
      state: 's',
    }),
  });
  const code = new URL(authorized.headers.get('location') ?? '').searchParams.get('code') ?? '';
  const token = await fetch(`${url}/local-idp/oauth2/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: LOCAL_CLIENT_ID,
      code,
      code_verifier: verifier,
      redirect_uri: redirectUri,
    }),
  });
  return ((await token.json()) as { id_token: string }).id_token;
}
