import type { Kysely, Selectable } from "kysely";
import type { DB } from "#db/schema.js";
import type { SiteSettingsTable } from "./site-settings.table.js";

export type SiteSettingsRow = Selectable<SiteSettingsTable>;

/** The one row of settings, or undefined before an administrator first saves. */
export function findSettings(db: Kysely<DB>): Promise<SiteSettingsRow | undefined> {
  return db.selectFrom("site_settings").selectAll().where("id", "=", 1).executeTakeFirst();
}

/** Writes the one row, whether or not it exists yet. */
export async function saveSettings(db: Kysely<DB>, row: SiteSettingsRow): Promise<void> {
  const { id: _id, ...values } = row;
  await db
    .insertInto("site_settings")
    .values(row)
    .onConflict((oc) => oc.column("id").doUpdateSet(values))
    .execute();
}
