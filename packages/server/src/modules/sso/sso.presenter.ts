import type { SsoProviderView, UserRole } from "@conventio/domain";
import type { Selectable } from "kysely";
import type { SsoProviderTable } from "./sso.table.js";

/** A provider with everything the sign-in needs, wherever it was configured. */
export interface SsoProvider {
  id: string;
  slug: string;
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  groupsClaim: string;
  roleMapping: Record<string, UserRole>;
  defaultRole: UserRole;
  allowCreate: boolean;
  enabled: boolean;
  source: "database" | "environment";
}

export function providerFromRow(row: Selectable<SsoProviderTable>): SsoProvider {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    issuer: row.issuer,
    clientId: row.client_id,
    clientSecret: row.client_secret,
    scopes: row.scopes,
    groupsClaim: row.groups_claim,
    roleMapping: JSON.parse(row.role_mapping) as Record<string, UserRole>,
    defaultRole: row.default_role,
    allowCreate: row.allow_create === 1,
    enabled: row.enabled === 1,
    source: "database",
  };
}

/** The addresses to register at the provider for this installation. */
export function providerAddresses(publicUrl: string, slug: string) {
  const base = publicUrl.replace(/\/+$/, "");
  return { redirectUri: `${base}/api/auth/oidc/${slug}/callback`, postLogoutRedirectUri: `${base}/` };
}

/** Never the client secret: only whether one is kept. */
export function presentProvider(p: SsoProvider, publicUrl: string): SsoProviderView {
  const { clientSecret, ...rest } = p;
  return { ...rest, hasClientSecret: clientSecret.length > 0, ...providerAddresses(publicUrl, p.slug) };
}
