import { type FooterLink, SITE_SETTINGS_DEFAULTS, type SiteSettings } from "@conventio/domain";
import type { SiteSettingsRow } from "./site-settings.repository.js";

/** The characters of the logo's SHA-256 that version its address. */
const VERSION_LENGTH = 16;

export const LOGO_PATH = "/api/public/site/logo";

/** The version a logo's address carries: it changes whenever the file does. */
export function logoVersion(sha256: string): string {
  return sha256.slice(0, VERSION_LENGTH);
}

/** The row the defaults stand for, before an administrator first saves. */
export function defaultRow(now: string): SiteSettingsRow {
  const d = SITE_SETTINGS_DEFAULTS;
  return {
    id: 1,
    institution_name: d.institutionName,
    primary_colour: d.colours.primary,
    accent_colour: d.colours.accent,
    footer_links: JSON.stringify(d.footerLinks),
    default_language: d.defaultLanguage,
    embed_origins: JSON.stringify(d.embedOrigins),
    licence_name: d.openDataLicence.name,
    licence_url: d.openDataLicence.url,
    logo_key: null,
    logo_ext: null,
    logo_media_type: null,
    logo_size: null,
    logo_sha256: null,
    updated_at: now,
  };
}

export function presentSiteSettings(row: SiteSettingsRow | undefined): SiteSettings {
  if (!row) return SITE_SETTINGS_DEFAULTS;
  return {
    institutionName: row.institution_name,
    logoUrl: row.logo_sha256 ? `${LOGO_PATH}?v=${logoVersion(row.logo_sha256)}` : null,
    colours: { primary: row.primary_colour, accent: row.accent_colour },
    footerLinks: JSON.parse(row.footer_links) as FooterLink[],
    defaultLanguage: row.default_language,
    embedOrigins: JSON.parse(row.embed_origins) as string[],
    openDataLicence: { name: row.licence_name, url: row.licence_url },
  };
}
