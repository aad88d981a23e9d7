import {
  type Actor,
  foldText,
  SAVED_VIEWS_PER_LIST,
  type SavedView,
  type SavedViewInput,
  type SavedViewList,
  SavedViewSearch,
} from "@conventio/domain";
import type { Selectable } from "kysely";
import { AppError } from "#shared/app-error.js";
import { type Deps, nowIso } from "#shared/deps.js";
import { newId } from "#shared/ids.js";
import { requireRole } from "#shared/policy.js";
import type { SavedViewTable } from "./saved-view.table.js";

function present(row: Selectable<SavedViewTable>): SavedView {
  // What was stored passed the same schema on its way in; a row that no longer does opens as no filter.
  const search = SavedViewSearch.safeParse(JSON.parse(row.search));
  return {
    id: row.id,
    list: row.list,
    name: row.name,
    search: search.success ? search.data : {},
    updatedAt: row.updated_at,
  };
}

/**
 * Named views of the lists, each person's own: every signed-in role keeps them, whatever it may
 * change elsewhere, since a view changes nothing but how a list opens. They are not audited.
 */
export function createSavedViewService(deps: Deps) {
  const { db } = deps;
  return {
    /** The views this person saved for one list, by name (at most 50, so sorted here). */
    async listViews(actor: Actor, list: SavedViewList): Promise<SavedView[]> {
      requireRole(actor, "viewer");
      const rows = await db
        .selectFrom("saved_view")
        .selectAll()
        .where("user_id", "=", actor.id)
        .where("list", "=", list)
        .execute();
      // By name, accents and case folded, the same on both engines (their collations differ).
      const key = (name: string) => `${foldText(name)}\u0000${name}`;
      return rows.map(present).sort((a, b) => (key(a.name) < key(b.name) ? -1 : key(a.name) > key(b.name) ? 1 : 0));
    },

    /** Saves a view under its name, replacing the person's view of that list with the same name. */
    async saveView(actor: Actor, input: SavedViewInput): Promise<{ view: SavedView; created: boolean }> {
      requireRole(actor, "viewer");
      const now = nowIso(deps);
      return db.transaction().execute(async (trx) => {
        const mine = trx.selectFrom("saved_view").where("user_id", "=", actor.id).where("list", "=", input.list);
        const existing = await mine.select("id").where("name", "=", input.name).executeTakeFirst();
        if (!existing) {
          const { count } = await mine
            .select((eb) => eb.fn.countAll<number | string>().as("count"))
            .executeTakeFirstOrThrow();
          if (Number(count) >= SAVED_VIEWS_PER_LIST)
            throw AppError.field(
              "conflict",
              "name",
              "Keep at most {{count}} views of one list: delete one before saving another.",
              { count: SAVED_VIEWS_PER_LIST },
            );
        }
        // Two saves of one name at once both land on the one row: the second replaces the first.
        await trx
          .insertInto("saved_view")
          .values({
            id: existing?.id ?? newId(),
            user_id: actor.id,
            list: input.list,
            name: input.name,
            search: JSON.stringify(input.search),
            created_at: now,
            updated_at: now,
          })
          .onConflict((oc) =>
            oc
              .columns(["user_id", "list", "name"])
              .doUpdateSet({ search: JSON.stringify(input.search), updated_at: now }),
          )
          .execute();
        const row = await trx
          .selectFrom("saved_view")
          .selectAll()
          .where("user_id", "=", actor.id)
          .where("list", "=", input.list)
          .where("name", "=", input.name)
          .executeTakeFirstOrThrow();
        return { view: present(row), created: !existing };
      });
    },

    /** Deletes one of the person's views; another person's view is not found. */
    async deleteView(actor: Actor, id: string): Promise<void> {
      requireRole(actor, "viewer");
      const result = await db
        .deleteFrom("saved_view")
        .where("id", "=", id)
        .where("user_id", "=", actor.id)
        .executeTakeFirst();
      if (Number(result.numDeletedRows) === 0) throw AppError.notFound("This view");
    },
  };
}

export type SavedViewService = ReturnType<typeof createSavedViewService>;
