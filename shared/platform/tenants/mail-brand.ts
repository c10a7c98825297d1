import { documentClient } from '../aws/clients.js';
import type { MailBrand } from '../mail-kit/layout.js';
import { logger } from '../observability/logger.js';
import { logoPath } from '../ui/brand.js';
import { getLogo, type StoredLogo, type Tenant } from './store.js';

/**
 * The municipality's colour and logo for its mails. The logo's bytes are read once per container
 * and logo version, not per recipient: the settings name the version (a hash of the bytes), and
 * the sender reads the tenant's settings with every batch anyway, so a new or removed logo is in
 * the next batch's mails (no time-based expiry to wait for) and an unchanged one costs nothing.
 */
const logos = new Map<string, { version: string; logo: Promise<StoredLogo | undefined> }>();

/** The Content-ID of the logo part (`<img src="cid:logo@samverkan">`). */
const LOGO_CONTENT_ID = 'logo@samverkan';

export async function mailBrandOf(tenant: Tenant, client = documentClient): Promise<MailBrand> {
  const colour = tenant.settings?.brandColour;
  const ref = tenant.settings?.logo;
  if (!ref) return colour ? { colour } : {};
  let entry = logos.get(tenant.tenantId);
  if (entry?.version !== ref.version) {
    // The promise is what is kept: the records of a batch, sent side by side, share one read.
    entry = { version: ref.version, logo: getLogo(tenant.tenantId, client) };
    logos.set(tenant.tenantId, entry);
  }
  let logo: StoredLogo | undefined;
  try {
    logo = await entry.logo;
  } catch (error) {
    // A mail without its logo rather than a failed delivery; the next mail reads it again.
    if (logos.get(tenant.tenantId) === entry) logos.delete(tenant.tenantId);
    logger.warn('tenant logo not read; mail sent without it', { tenantId: tenant.tenantId, error });
  }
  if (!logo) return colour ? { colour } : {};
  return {
    ...(colour ? { colour } : {}),
    logo: {
      contentId: LOGO_CONTENT_ID,
      fileName: logo.contentType === 'image/png' ? 'logo.png' : 'logo.jpg',
      contentType: logo.contentType,
      content: logo.data,
      width: ref.width,
      height: ref.height,
    },
  };
}

/**
 * The brand of a mail previewed in the console: the colour, and the logo from our own site (a
 * `cid:` part means nothing in a web page). Nothing to read: the settings hold its size.
 */
export function previewMailBrandOf(tenant: Pick<Tenant, 'tenantId' | 'settings'>): MailBrand {
  const colour = tenant.settings?.brandColour;
  const ref = tenant.settings?.logo;
  return {
    ...(colour ? { colour } : {}),
    ...(ref
      ? {
          logo: {
            url: `${process.env.PUBLIC_BASE_URL ?? ''}${logoPath(tenant.tenantId, ref.version)}`,
            width: ref.width,
            height: ref.height,
          },
        }
      : {}),
  };
}
