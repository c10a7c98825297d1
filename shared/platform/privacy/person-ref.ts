import { createHmac } from 'node:crypto';

/**
 * How Samverkan refers to a person without holding their address: a keyed hash (HMAC-SHA256
 * with the deployment's link secret, salted per tenant), so the reference cannot be reversed by
 * hashing a list of guessed addresses without the key, and two tenants' references to one person
 * do not match. The audit log and the erased-addresses list hold only this.
 */
export function personRef(tenantId: string, email: string, secret: string): string {
  return createHmac('sha256', secret)
    .update(`samverkan-person-v1\n${tenantId}\n${email.trim().toLowerCase()}`)
    .digest('base64url')
    .slice(0, 32);
}
