import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { type Actor, SITE_SETTINGS_DEFAULTS, type SiteSettings, type UpdateSiteSettingsInput } from "@conventio/domain";
import { diffOf, recordAudit } from "#modules/audit/audit.service.js";
import { uploadFileName } from "#modules/documents/file-types.js";
import { pictureKeys } from "#modules/pictures/picture-files.js";
import { AppError } from "#shared/app-error.js";
import { type Deps, nowIso } from "#shared/deps.js";
import type { FileStore } from "#shared/file-store.js";
import { newId } from "#shared/ids.js";
import { receiveLogo } from "./site-logo.js";
import { siteSettingsPolicy } from "./site-settings.policy.js";
import { defaultRow, logoVersion, presentSiteSettings } from "./site-settings.presenter.js";
import * as repo from "./site-settings.repository.js";

export interface SiteSettingsOptions {
  /** Where the logo is kept. */
  files: FileStore;
  /** DATA_DIR: an upload is received in its incoming folder before it is checked. */
  dataDir: string;
}

/** The logo as served: its bytes, type, length and the version its address carries. */
export interface LogoFile {
  stream: Readable;
  mediaType: string;
  size: number;
  version: string;
}

/**
 * How long a read of the settings is kept. Every public page reads them, so they are not asked of
 * the database each time; a change made in this process is seen at once, one made by another
 * process after at most this long.
 */
const CACHE_MS = 5_000;

/** The settings as the audit log compares them. */
function snapshot(row: repo.SiteSettingsRow) {
  const { logoUrl: _logo, ...rest } = presentSiteSettings(row);
  return rest;
}

/**
 * The settings of the public side: read by every public page, the e-mails and the documents;
 * changed by administrators, each change audited. The logo is kept in the file store where pictures
 * keep theirs, checked by its content, and replaced or removed with its row.
 */
export function createSiteSettingsService(deps: Deps, options: SiteSettingsOptions) {
  const { db } = deps;
  const { files } = options;
  const incoming = join(options.dataDir, "incoming");
  let cached: { at: number; value: SiteSettings } | null = null;
  // Bumped by every change, so a read that started before a change does not keep what it read.
  let generation = 0;

  function forget() {
    generation++;
    cached = null;
  }

  async function currentRow(trx = db): Promise<repo.SiteSettingsRow> {
    return (await repo.findSettings(trx)) ?? defaultRow(nowIso(deps));
  }

  return {
    async get(): Promise<SiteSettings> {
      if (cached && Date.now() - cached.at < CACHE_MS) return cached.value;
      const started = generation;
      const value = presentSiteSettings(await repo.findSettings(db));
      if (started === generation) cached = { at: Date.now(), value };
      return value;
    },

    async update(actor: Actor, patch: UpdateSiteSettingsInput): Promise<SiteSettings> {
      siteSettingsPolicy.manage(actor);
      const row = await db.transaction().execute(async (trx) => {
        const before = await currentRow(trx);
        const after: repo.SiteSettingsRow = {
          ...before,
          institution_name: patch.institutionName ?? before.institution_name,
          primary_colour: patch.colours?.primary ?? before.primary_colour,
          accent_colour: patch.colours?.accent ?? before.accent_colour,
          footer_links: patch.footerLinks ? JSON.stringify(patch.footerLinks) : before.footer_links,
          default_language: patch.defaultLanguage ?? before.default_language,
          embed_origins: patch.embedOrigins ? JSON.stringify(patch.embedOrigins) : before.embed_origins,
          licence_name: patch.openDataLicence?.name ?? before.licence_name,
          licence_url: patch.openDataLicence?.url ?? before.licence_url,
        };
        const changes = diffOf(snapshot(before), snapshot(after));
        if (Object.keys(changes).length === 0) return before;
        after.updated_at = nowIso(deps);
        await repo.saveSettings(trx, after);
        await recordAudit(trx, after.updated_at, {
          actor,
          action: "site.update",
          entity: "site",
          entityId: "settings",
          changes,
        });
        return after;
      });
      forget();
      return presentSiteSettings(row);
    },

    /** Checks the permission before the upload is read. */
    prepareLogo(actor: Actor): void {
      siteSettingsPolicy.manage(actor);
    },

    /** Replaces the logo with an uploaded PNG, JPEG or WebP; the previous file goes once the new one is in place. */
    async setLogo(actor: Actor, rawName: string, stream: Readable & { truncated?: boolean }): Promise<SiteSettings> {
      siteSettingsPolicy.manage(actor);
      const name = uploadFileName(rawName, stream, "This file name is not allowed; use a plain name such as logo.png.");
      mkdirSync(incoming, { recursive: true });
      const temp = join(incoming, `${newId()}.part`);
      const key = newId();
      let ext: string | undefined;
      let stored = false;
      try {
        const logo = await receiveLogo(stream, temp);
        ext = logo.ext;
        const { before, after } = await db.transaction().execute(async (trx) => {
          const previous = await currentRow(trx);
          const next: repo.SiteSettingsRow = {
            ...previous,
            logo_key: key,
            logo_ext: logo.ext,
            logo_media_type: logo.mediaType,
            logo_size: logo.size,
            logo_sha256: logo.sha256,
            updated_at: nowIso(deps),
          };
          await repo.saveSettings(trx, next);
          await recordAudit(trx, next.updated_at, {
            actor,
            action: "site.logo",
            entity: "site",
            entityId: "settings",
            changes: { file: name, type: logo.mediaType, size: logo.size, sha256: logo.sha256 },
          });
          await files.put(pictureKeys.original(key, logo.ext), { path: temp }, trx);
          return { before: previous, after: next };
        });
        stored = true;
        forget();
        if (before.logo_key && before.logo_ext)
          await files.delete([pictureKeys.original(before.logo_key, before.logo_ext)]);
        return presentSiteSettings(after);
      } finally {
        rmSync(temp, { force: true });
        if (!stored && ext) await files.delete([pictureKeys.original(key, ext)]);
      }
    },

    /** Removes the logo, row and file; without one, nothing changes. */
    async removeLogo(actor: Actor): Promise<void> {
      siteSettingsPolicy.manage(actor);
      const before = await db.transaction().execute(async (trx) => {
        const row = await repo.findSettings(trx);
        if (!row?.logo_key) return null;
        const now = nowIso(deps);
        await repo.saveSettings(trx, {
          ...row,
          logo_key: null,
          logo_ext: null,
          logo_media_type: null,
          logo_size: null,
          logo_sha256: null,
          updated_at: now,
        });
        await recordAudit(trx, now, {
          actor,
          action: "site.logo_remove",
          entity: "site",
          entityId: "settings",
          changes: { sha256: row.logo_sha256 },
        });
        return row;
      });
      forget();
      if (before?.logo_key && before.logo_ext)
        await files.delete([pictureKeys.original(before.logo_key, before.logo_ext)]);
    },

    /** The logo's file for the public address; without a logo, not found. */
    async readLogo(): Promise<LogoFile> {
      const row = await repo.findSettings(db);
      if (!row?.logo_key || !row.logo_ext || !row.logo_media_type || !row.logo_sha256) {
        throw AppError.notFound("The logo");
      }
      const file = await files.get(pictureKeys.original(row.logo_key, row.logo_ext));
      if (!file) throw AppError.notFound("The logo");
      return {
        stream: file.stream,
        mediaType: row.logo_media_type,
        size: file.size,
        version: logoVersion(row.logo_sha256),
      };
    },
  };
}
export type SiteSettingsService = ReturnType<typeof createSiteSettingsService>;

/** What other modules read of the settings: the institution's name, colours and the rest. */
export type SiteBrand = Pick<SiteSettingsService, "get">;

/** The name the institution signs with; Conventio's own when no settings are wired (tests, tools). */
export async function institutionNameOf(brand: SiteBrand | undefined): Promise<string> {
  return brand ? (await brand.get()).institutionName : SITE_SETTINGS_DEFAULTS.institutionName;
}
