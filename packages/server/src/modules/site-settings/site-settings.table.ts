import type { UiLanguage } from "@conventio/domain";

/**
 * The settings of the public side: one row (id 1), absent until an administrator first saves.
 * The logo is a file of the file store, kept as pictures are (see picture-files.ts), named by `logo_key`.
 */
export interface SiteSettingsTable {
  id: number;
  institution_name: string;
  primary_colour: string;
  accent_colour: string;
  footer_links: string; // JSON [{label, url}]
  default_language: UiLanguage;
  embed_origins: string; // JSON [origin]
  licence_name: string;
  licence_url: string;
  logo_key: string | null;
  logo_ext: string | null;
  logo_media_type: string | null;
  logo_size: number | null;
  logo_sha256: string | null; // hex; its first characters version the logo's address
  updated_at: string;
}

/** The settings of the public side: the tables, by name. */
export interface SiteSettingsTables {
  site_settings: SiteSettingsTable;
}
