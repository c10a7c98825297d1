import * as z from 'zod';
import { linkPurposes, signLinkToken } from '../platform/mail-kit/link-tokens.js';

/**
 * Links signed for each recipient when their mail is sent: a campaign's content names them
 * (`personalLinks`), and the sender puts each one's URL in the recipient's data under its name,
 * with the recipient's contact id as the token's subject. So another capability can give every
 * invitee their own link (a feedback form, say) without the mail pipeline knowing what it is for.
 */
const personalLinkSchema = z
  .object({
    purpose: z.enum(linkPurposes),
    /** The token's `campaignId` claim: what the link is about (e.g. the form). */
    scope: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/),
    /** The page the token is appended to, e.g. `/feedback/`. */
    path: z.string().regex(/^\/[a-z][a-z0-9-]*\/$/),
    /** The link stops working then (at least an hour after the send). */
    expiresAt: z.iso.datetime({ offset: true }),
  })
  .strict();

/** Links the sender makes itself; a personal link may not take their place. */
const reservedFields = new Set(['rsvpUrl', 'unsubscribeUrl']);

/** By the data field each URL goes into, e.g. `feedbackUrl`: only `…Url` fields, never a reserved one. */
export const personalLinksSchema = z.record(
  z
    .string()
    .regex(/^[a-z][A-Za-z]{0,40}Url$/)
    .refine((field) => !reservedFields.has(field), 'Reserved'),
  personalLinkSchema,
);
export type PersonalLinks = z.infer<typeof personalLinksSchema>;

const MIN_TTL_SECONDS = 3600;

/** Each link's URL for one recipient. Throws for links that do not parse (the send is retried, then dead-lettered). */
export async function signPersonalLinks(
  links: unknown,
  recipient: { tenantId: string; contactId: string },
  baseUrl: string,
  now = Date.now(),
): Promise<Record<string, string>> {
  const parsed = personalLinksSchema.safeParse(links ?? {});
  if (!parsed.success) throw new Error(`Invalid personalLinks: ${z.prettifyError(parsed.error)}`);
  const urls: Record<string, string> = {};
  for (const [field, link] of Object.entries(parsed.data)) {
    const ttl = Math.max(MIN_TTL_SECONDS, Math.ceil((Date.parse(link.expiresAt) - now) / 1000));
    const token = await signLinkToken(
      {
        purpose: link.purpose,
        tenantId: recipient.tenantId,
        subject: recipient.contactId,
        campaignId: link.scope,
      },
      ttl,
    );
    urls[field] = `${baseUrl}${link.path}${token}`;
  }
  return urls;
}
