import type { Tenant } from '../tenants/store.js';

/** What a public page shows of the municipality: its name, colour and logo (from our own origin). */
export interface PageBrand {
  name: string;
  /** `#rrggbb`, 4.5:1 or more with white text (checked when set). */
  colour?: string;
  /** `/brand/<tenant>/logo?v=<version>`: same origin, cacheable for good (the version changes with it). */
  logoUrl?: string;
}

/** The logo's route (served by the console-pages function); `v` makes each version its own URL. */
export const logoPath = (tenantId: string, version: string) =>
  `/brand/${encodeURIComponent(tenantId)}/logo?v=${encodeURIComponent(version)}`;

export function pageBrand(tenant: Pick<Tenant, 'tenantId' | 'name' | 'settings'>): PageBrand {
  const { brandColour, logo } = tenant.settings ?? {};
  return {
    name: tenant.name,
    ...(brandColour ? { colour: brandColour } : {}),
    ...(logo ? { logoUrl: logoPath(tenant.tenantId, logo.version) } : {}),
  };
}
