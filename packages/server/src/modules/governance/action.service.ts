import type { ActionView, Actor, CreateActionInput, UpdateActionInput } from "@conventio/domain";
import type { Kysely } from "kysely";
import type { DB } from "#db/schema.js";
import { requireInScope } from "#modules/accounts/unit-scope.js";
import { recordAudit } from "#modules/audit/audit.service.js";
import { AppError } from "#shared/app-error.js";
import { type Deps, nowIso } from "#shared/deps.js";
import { newId } from "#shared/ids.js";
import { governancePolicy } from "./governance.policy.js";

/** Refuses a reference to nothing, naming the field that made it. */
export async function assertExists(
  trx: Kysely<DB>,
  table: "agreement" | "person" | "organisation" | "app_user" | "meeting",
  id: string,
  field: string,
) {
  const row = await trx.selectFrom(table).select("id").where("id", "=", id).executeTakeFirst();
  if (!row) throw AppError.field("validation_failed", field, "Nothing has this id.");
}

/** Action items: from a meeting or an agreement, with an owner and a due date. */
export function createActionService(deps: Deps) {
  const { db } = deps;

  async function actionViews(
    trx: Kysely<DB>,
    where: (q: ReturnType<typeof baseActions>) => ReturnType<typeof baseActions>,
  ): Promise<ActionView[]> {
    const rows = await where(baseActions(trx)).execute();
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status,
      dueOn: r.due_on,
      owner: r.owner_id ? { id: r.owner_id, name: r.owner_name ?? "" } : null,
      agreement: r.agreement_id
        ? {
            id: r.agreement_id,
            reference: r.reference ?? "",
            title: r.agreement_title ?? "",
            lang: r.agreement_lang ?? null,
          }
        : null,
      meetingId: r.meeting_id,
      createdAt: r.created_at,
    }));
  }

  function baseActions(trx: Kysely<DB>) {
    return trx
      .selectFrom("action_item as a")
      .leftJoin("app_user as u", "u.id", "a.owner_id")
      .leftJoin("agreement as g", "g.id", "a.agreement_id")
      .select([
        "a.id",
        "a.title",
        "a.status",
        "a.due_on",
        "a.owner_id",
        "a.agreement_id",
        "a.meeting_id",
        "a.created_at",
        "u.name as owner_name",
        "g.reference",
        "g.title as agreement_title",
        "g.language as agreement_lang",
      ]);
  }

  return {
    async createAction(actor: Actor, input: CreateActionInput): Promise<ActionView> {
      governancePolicy.write(actor);
      const now = nowIso(deps);
      return db.transaction().execute(async (trx) => {
        let agreementId = input.agreementId;
        if (input.meetingId) {
          const meeting = await trx
            .selectFrom("meeting")
            .select(["agreement_id"])
            .where("id", "=", input.meetingId)
            .executeTakeFirst();
          if (!meeting) throw AppError.field("validation_failed", "meetingId", "No meeting has this id.");
          agreementId ??= meeting.agreement_id;
        }
        if (agreementId) await assertExists(trx, "agreement", agreementId, "agreementId");
        await requireInScope(trx, actor, agreementId ?? null);
        const ownerId = input.ownerId ?? (actor.kind === "user" && actor.id !== "system" ? actor.id : null);
        if (ownerId) await assertExists(trx, "app_user", ownerId, "ownerId");
        const id = newId();
        await trx
          .insertInto("action_item")
          .values({
            id,
            title: input.title,
            agreement_id: agreementId,
            meeting_id: input.meetingId,
            owner_id: ownerId,
            due_on: input.dueOn,
            status: "open",
            created_at: now,
            updated_at: now,
          })
          .execute();
        await recordAudit(trx, now, {
          actor,
          action: "action.create",
          entity: "action",
          entityId: id,
          changes: { ...input, ownerId },
        });
        const [view] = await actionViews(trx, (q) => q.where("a.id", "=", id));
        if (!view) throw AppError.notFound("This action");
        return view;
      });
    },

    async updateAction(actor: Actor, id: string, patch: UpdateActionInput): Promise<ActionView> {
      governancePolicy.read(actor);
      const now = nowIso(deps);
      return db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom("action_item").selectAll().where("id", "=", id).executeTakeFirst();
        if (!before) throw AppError.notFound("This action");
        // Owners may close their own actions; everything else is an editor's.
        const ownOnlyStatus =
          actor.kind === "user" && before.owner_id === actor.id && Object.keys(patch).every((k) => k === "status");
        if (!ownOnlyStatus) {
          governancePolicy.write(actor);
          await requireInScope(trx, actor, before.agreement_id);
        }
        if (patch.ownerId) await assertExists(trx, "app_user", patch.ownerId, "ownerId");
        await trx
          .updateTable("action_item")
          .set({
            title: patch.title ?? before.title,
            owner_id: patch.ownerId === undefined ? before.owner_id : patch.ownerId,
            due_on: patch.dueOn === undefined ? before.due_on : patch.dueOn,
            status: patch.status ?? before.status,
            updated_at: now,
          })
          .where("id", "=", id)
          .execute();
        await recordAudit(trx, now, {
          actor,
          action: "action.update",
          entity: "action",
          entityId: id,
          changes: { ...patch },
        });
        const [view] = await actionViews(trx, (q) => q.where("a.id", "=", id));
        if (!view) throw AppError.notFound("This action");
        return view;
      });
    },

    /** Open actions of the signed-in user, soonest due first. */
    async myActions(actor: Actor): Promise<ActionView[]> {
      governancePolicy.read(actor);
      if (actor.kind !== "user") return [];
      return actionViews(db, (q) =>
        q.where("a.owner_id", "=", actor.id).where("a.status", "=", "open").orderBy("a.due_on").orderBy("a.id"),
      );
    },

    async agreementActions(actor: Actor, agreementId: string): Promise<ActionView[]> {
      governancePolicy.read(actor);
      await requireInScope(db, actor, agreementId);
      return actionViews(db, (q) =>
        q.where("a.agreement_id", "=", agreementId).orderBy("a.status").orderBy("a.due_on").orderBy("a.id"),
      );
    },
  };
}
