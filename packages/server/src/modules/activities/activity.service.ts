import {
  type ActivityInput,
  type ActivityListQuery,
  type ActivityView,
  type Actor,
  type BalanceRow,
  foldText,
  type Page,
  type UiLanguage,
} from "@conventio/domain";
import { type Kysely, type Selectable, sql } from "kysely";
import type { DB } from "#db/schema.js";
import { afterKeyset, decodeCursor, toPage } from "#http/pagination.js";
import { agreementsWithin, requireActivityInScope, requireInScope, unitsOf } from "#modules/accounts/unit-scope.js";
import { recordAudit } from "#modules/audit/audit.service.js";
import type { DocumentDetacher } from "#modules/documents/document.service.js";
import { presentRef } from "#modules/organisations/organisation.presenter.js";
import { AppError } from "#shared/app-error.js";
import { storedEnd, storedStart } from "#shared/dates.js";
import { type Deps, nowIso } from "#shared/deps.js";
import { newId } from "#shared/ids.js";
import { activityPolicy } from "./activity.policy.js";
import { views } from "./activity.presenter.js";
import type { ActivityTable } from "./activity.table.js";
import { activityDirection, activityKeyset, activitySortColumn } from "./activity-sort.js";
import { createIndicatorService } from "./indicator.service.js";

export type ActivityRow = Selectable<ActivityTable>;

export function createActivityService(deps: Deps, detachDocuments: DocumentDetacher) {
  const { db, search } = deps;

  async function assertRefs(trx: Kysely<DB>, a: ActivityInput): Promise<void> {
    const errors: Array<{ field: string; message: string }> = [];
    if (
      a.agreementId &&
      !(await trx.selectFrom("agreement").select("id").where("id", "=", a.agreementId).executeTakeFirst())
    ) {
      errors.push({ field: "agreementId", message: "No agreement has this id." });
    }
    if (a.axisId) {
      const axis = await trx
        .selectFrom("agreement_axis")
        .select(["agreement_id"])
        .where("id", "=", a.axisId)
        .executeTakeFirst();
      if (!axis) errors.push({ field: "axisId", message: "No axis has this id." });
      else if (a.agreementId && axis.agreement_id !== a.agreementId)
        errors.push({ field: "axisId", message: "This axis belongs to another agreement." });
    }
    if (a.partnerIds.length) {
      const found = new Set(
        (await trx.selectFrom("organisation").select("id").where("id", "in", a.partnerIds).execute()).map((o) => o.id),
      );
      a.partnerIds.forEach((id, i) => {
        if (!found.has(id)) errors.push({ field: `partnerIds.${i}`, message: "No organisation has this id." });
      });
    }
    if (a.ownerId && !(await trx.selectFrom("app_user").select("id").where("id", "=", a.ownerId).executeTakeFirst())) {
      errors.push({ field: "ownerId", message: "No account has this id." });
    }
    const participantId = a.mobility?.participantId;
    if (
      participantId &&
      !(await trx.selectFrom("person").select("id").where("id", "=", participantId).executeTakeFirst())
    ) {
      errors.push({ field: "mobility.participantId", message: "No person has this id." });
    }
    if (a.mobility && a.partnerIds.length === 0)
      errors.push({ field: "partnerIds", message: "A mobility needs the partner it is exchanged with." });
    if (errors.length) throw AppError.invalid(errors);
  }

  function rowOf(id: string, a: ActivityInput, now: string, createdAt: string): ActivityRow {
    const starts = storedStart(a.startsOn);
    const ends = storedEnd(a.endsOn);
    return {
      id,
      kind: a.kind,
      title: a.title,
      description: a.description,
      status: a.status,
      starts_on: starts.date,
      starts_on_precision: starts.precision,
      ends_on: ends.date,
      ends_on_precision: ends.precision,
      sort_key: starts.date ?? createdAt.slice(0, 10),
      sort_title: foldText(a.title),
      agreement_id: a.agreementId,
      axis_id: a.axisId,
      partner_id: a.partnerIds[0] ?? null,
      owner_id: a.ownerId,
      place: a.place,
      laboratories: JSON.stringify(a.laboratories),
      direction: a.mobility?.direction ?? null,
      level: a.mobility?.level ?? null,
      academic_year: a.mobility?.academicYear ?? null,
      participants: a.mobility?.count ?? null,
      participant_id: a.mobility?.participantId ?? null,
      funding: a.funding ? JSON.stringify(a.funding) : null,
      created_at: createdAt,
      updated_at: now,
    };
  }

  async function writePartners(trx: Kysely<DB>, id: string, partnerIds: string[]): Promise<void> {
    await trx.deleteFrom("activity_partner").where("activity_id", "=", id).execute();
    const unique = [...new Set(partnerIds)];
    if (unique.length)
      await trx
        .insertInto("activity_partner")
        .values(unique.map((o) => ({ activity_id: id, organisation_id: o })))
        .execute();
  }

  // Views name partners and agreements in `lang`, the reader's language: routes pass the request's;
  // the command line and the demo seed read English.
  return {
    ...createIndicatorService(deps),

    async listActivities(
      actor: Actor,
      q: ActivityListQuery & { cursor?: string | undefined; limit: number },
      lang: UiLanguage = "en",
    ): Promise<Page<ActivityView>> {
      activityPolicy.read(actor);
      const after = decodeCursor(q.cursor);
      let query = db.selectFrom("activity as a").selectAll("a");
      if (q.kind) query = query.where("a.kind", "=", q.kind);
      if (q.agreement) query = query.where("a.agreement_id", "=", q.agreement);
      if (q.status) query = query.where("a.status", "=", q.status);
      const units = unitsOf(actor);
      if (units) query = query.where("a.agreement_id", "in", agreementsWithin(db, units));
      if (q.partner) {
        const partner = q.partner;
        query = query.where("a.id", "in", (eb) =>
          eb.selectFrom("activity_partner").select("activity_id").where("organisation_id", "=", partner),
        );
      }
      if (q.q) {
        const cond = search.matches("activity", sql.ref<string>("a.id"), q.q);
        if (cond) query = query.where(cond);
      }
      const column = activitySortColumn(q.sort);
      const direction = activityDirection(q.sort, q.order);
      if (after) query = query.where(afterKeyset(column, "a.id", after, direction));
      const rows = await query
        .orderBy(column, direction)
        .orderBy("a.id", direction)
        .limit(q.limit + 1)
        .execute();
      const shown = await views(db, rows.slice(0, q.limit), lang);
      const byId = new Map(shown.map((v) => [v.id, v]));
      return toPage(
        rows,
        q.limit,
        (r) => activityKeyset(q.sort, r),
        (r) => byId.get(r.id) as ActivityView,
      );
    },

    async getActivity(actor: Actor, id: string, lang: UiLanguage = "en"): Promise<ActivityView> {
      activityPolicy.read(actor);
      const row = await db.selectFrom("activity").selectAll().where("id", "=", id).executeTakeFirst();
      if (!row) throw AppError.notFound("This activity");
      await requireInScope(db, actor, row.agreement_id, "activity");
      const [v] = await views(db, [row], lang);
      return v as ActivityView;
    },

    async createActivity(actor: Actor, input: ActivityInput, lang: UiLanguage = "en"): Promise<ActivityView> {
      activityPolicy.write(actor);
      const now = nowIso(deps);
      return db.transaction().execute(async (trx) => {
        await assertRefs(trx, input);
        await requireInScope(trx, actor, input.agreementId, "activity");
        const row = rowOf(newId(), input, now, now);
        await trx.insertInto("activity").values(row).execute();
        await writePartners(trx, row.id, input.partnerIds);
        await search.put(trx, "activity", row.id, [
          row.title,
          row.description,
          row.place,
          ...input.laboratories,
          input.funding?.funder,
          input.funding?.programme,
        ]);
        await recordAudit(trx, now, {
          actor,
          action: "activity.create",
          entity: "activity",
          entityId: row.id,
          changes: { kind: row.kind, title: row.title },
        });
        return (await views(trx, [row], lang))[0] as ActivityView;
      });
    },

    async updateActivity(
      actor: Actor,
      id: string,
      input: ActivityInput,
      lang: UiLanguage = "en",
    ): Promise<ActivityView> {
      activityPolicy.write(actor);
      const now = nowIso(deps);
      return db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom("activity").selectAll().where("id", "=", id).executeTakeFirst();
        if (!before) throw AppError.notFound("This activity");
        await assertRefs(trx, input);
        // Both where the activity was and where it goes must be within the actor's units.
        await requireInScope(trx, actor, before.agreement_id, "activity");
        await requireInScope(trx, actor, input.agreementId, "activity");
        const row = rowOf(id, input, now, before.created_at);
        const { id: _i, created_at: _c, ...set } = row;
        await trx.updateTable("activity").set(set).where("id", "=", id).execute();
        await writePartners(trx, id, input.partnerIds);
        await search.put(trx, "activity", id, [
          row.title,
          row.description,
          row.place,
          ...input.laboratories,
          input.funding?.funder,
          input.funding?.programme,
        ]);
        await recordAudit(trx, now, {
          actor,
          action: "activity.update",
          entity: "activity",
          entityId: id,
          changes: { title: row.title, status: row.status },
        });
        return (await views(trx, [row], lang))[0] as ActivityView;
      });
    },

    async deleteActivity(actor: Actor, id: string): Promise<void> {
      activityPolicy.write(actor);
      const now = nowIso(deps);
      const removeFiles = await db.transaction().execute(async (trx) => {
        await requireActivityInScope(trx, actor, id);
        const r = await trx.deleteFrom("activity").where("id", "=", id).executeTakeFirst();
        if (Number(r.numDeletedRows) === 0) throw AppError.notFound("This activity");
        const detached = await detachDocuments(trx, "activity", id);
        await search.remove(trx, "activity", id);
        await recordAudit(trx, now, {
          actor,
          action: "activity.delete",
          entity: "activity",
          entityId: id,
          changes: {},
        });
        return detached;
      });
      removeFiles();
    },

    /** Incoming against outgoing mobility, per academic year and partner (or all partners). */
    async exchangeBalance(
      actor: Actor,
      q: { partner?: string | undefined; byPartner?: boolean | undefined },
      lang: UiLanguage = "en",
    ): Promise<BalanceRow[]> {
      activityPolicy.read(actor);
      let query = db
        .selectFrom("activity as a")
        .select(({ fn }) => [
          "a.academic_year",
          ...(q.byPartner || q.partner ? (["a.partner_id"] as const) : []),
          fn
            .sum<number | string>(sql`case when a.direction = 'incoming' then a.participants else 0 end`)
            .as("incoming"),
          fn
            .sum<number | string>(sql`case when a.direction = 'outgoing' then a.participants else 0 end`)
            .as("outgoing"),
        ])
        .where("a.academic_year", "is not", null)
        .groupBy("a.academic_year")
        .orderBy("a.academic_year");
      if (q.partner) query = query.where("a.partner_id", "=", q.partner);
      const units = unitsOf(actor);
      if (units) query = query.where("a.agreement_id", "in", agreementsWithin(db, units));
      if (q.byPartner || q.partner) query = query.groupBy("a.partner_id");
      const rows = (await query.execute()) as Array<{
        academic_year: string | null;
        partner_id?: string | null;
        incoming: number | string;
        outgoing: number | string;
      }>;
      const partnerIds = [...new Set(rows.map((r) => r.partner_id).filter((x): x is string => !!x))];
      const orgs = partnerIds.length
        ? await db
            .selectFrom("organisation")
            .select(["id", "name", "names", "kind"])
            .where("id", "in", partnerIds)
            .execute()
        : [];
      const byId = new Map(orgs.map((o) => [o.id, presentRef(o, lang)]));
      return rows.map((r) => {
        const incoming = Number(r.incoming ?? 0);
        const outgoing = Number(r.outgoing ?? 0);
        return {
          academicYear: r.academic_year ?? "",
          partner: (r.partner_id && byId.get(r.partner_id)) || null,
          incoming,
          outgoing,
          balance: incoming - outgoing,
        };
      });
    },
  };
}
export type ActivityService = ReturnType<typeof createActivityService>;
