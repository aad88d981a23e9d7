import { type Kysely, type Migration, type MigrationResultSet, Migrator, sql } from "kysely";
import { dialectOf } from "./dialect.js";
import * as m001 from "./migrations/001-foundation.js";
import * as m002 from "./migrations/002-agreements.js";
import * as m003 from "./migrations/003-documents.js";
import * as m004 from "./migrations/004-governance-and-reminders.js";
import * as m005 from "./migrations/005-agreement-internal-fields.js";
import * as m006 from "./migrations/006-activities.js";
import * as m007 from "./migrations/007-publication.js";
import * as m008 from "./migrations/008-summaries-and-themes.js";
import * as m009 from "./migrations/009-mobility-participants.js";
import * as m010 from "./migrations/010-progress-reviews.js";
import * as m011 from "./migrations/011-account-language.js";
import * as m012 from "./migrations/012-event-details.js";
import * as m013 from "./migrations/013-news-sources.js";
import * as m014 from "./migrations/014-pictures.js";
import * as m015 from "./migrations/015-agreement-public-search.js";
import * as m016 from "./migrations/016-dates-as-written.js";
import * as m017 from "./migrations/017-consent-to-be-named.js";
import * as m018 from "./migrations/018-inbox-message-keys.js";
import * as m019 from "./migrations/019-import-mappings.js";
import * as m020 from "./migrations/020-registry-refresh.js";
import * as m021 from "./migrations/021-ewp-agreements.js";
import * as m022 from "./migrations/022-more-identifier-schemes.js";
import * as m023 from "./migrations/023-ewp-node.js";
import * as m024 from "./migrations/024-api-tokens.js";
import * as m025 from "./migrations/025-single-sign-on.js";
import * as m026 from "./migrations/026-approval-circuits.js";
import * as m027 from "./migrations/027-account-security.js";
import * as m028 from "./migrations/028-unit-scopes.js";
import * as m029 from "./migrations/029-site-settings.js";
import * as m030 from "./migrations/030-several-processes.js";
import * as m031 from "./migrations/031-publication-search.js";
import * as m032 from "./migrations/032-dashboard-figures.js";
import * as m033 from "./migrations/033-list-sorts.js";
import * as m034 from "./migrations/034-organisation-sorts.js";
import * as m035 from "./migrations/035-person-sorts.js";
import * as m036 from "./migrations/036-activity-sorts.js";
import * as m037 from "./migrations/037-saved-views.js";
import type { DB } from "./schema.js";

/** Numbered migrations, listed explicitly so they run the same from source, tests and bundles. */
const MIGRATIONS: Record<string, Migration> = {
  "001-foundation": m001,
  "002-agreements": m002,
  "003-documents": m003,
  "004-governance-and-reminders": m004,
  "005-agreement-internal-fields": m005,
  "006-activities": m006,
  "007-publication": m007,
  "008-summaries-and-themes": m008,
  "009-mobility-participants": m009,
  "010-progress-reviews": m010,
  "011-account-language": m011,
  "012-event-details": m012,
  "013-news-sources": m013,
  "014-pictures": m014,
  "015-agreement-public-search": m015,
  "016-dates-as-written": m016,
  "017-consent-to-be-named": m017,
  "018-inbox-message-keys": m018,
  "019-import-mappings": m019,
  "020-registry-refresh": m020,
  "021-ewp-agreements": m021,
  "022-more-identifier-schemes": m022,
  "023-ewp-node": m023,
  "024-api-tokens": m024,
  "025-single-sign-on": m025,
  "026-approval-circuits": m026,
  "027-account-security": m027,
  "028-unit-scopes": m028,
  "029-site-settings": m029,
  "030-several-processes": m030,
  "031-publication-search": m031,
  "032-dashboard-figures": m032,
  "033-list-sorts": m033,
  "034-organisation-sorts": m034,
  "035-person-sorts": m035,
  "036-activity-sorts": m036,
  "037-saved-views": m037,
};

/** The names of the migrations this version knows, oldest first; the last is the schema version it writes. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(MIGRATIONS);

async function migratorOf(db: Kysely<DB>): Promise<Migrator> {
  // Kysely looks for its own tables in every schema unless told which one: on PostgreSQL,
  // name the current schema so databases holding several schemas do not confuse it.
  const schema =
    dialectOf(db as Kysely<unknown>) === "postgres"
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  return new Migrator({
    ...(schema ? { migrationTableSchema: schema } : {}),
    db: db as Kysely<unknown>,
    provider: { getMigrations: async () => MIGRATIONS },
  });
}

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<DB>): Promise<string[]> {
  return applied(await (await migratorOf(db)).migrateToLatest());
}

/**
 * Applies the pending migrations up to and including `name`: a restored backup is loaded at the
 * schema it was taken from, then brought up to date like any older database.
 */
export async function migrateTo(db: Kysely<DB>, name: string): Promise<string[]> {
  return applied(await (await migratorOf(db)).migrateTo(name));
}

function applied(result: MigrationResultSet): string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new Error(`Migration ${failed} failed: ${String(result.error)}`, { cause: result.error });
  }
  return (result.results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
