import {
  type ActionView,
  type Actor,
  asWritten,
  type BodyView,
  type CreateActionInput,
  type CreateBodyInput,
  type MeetingInput,
  type MeetingView,
  type MemberInput,
  type UpdateActionInput,
} from "@conventio/domain";
import type { Kysely, Selectable } from "kysely";
import type { DB } from "#db/schema.js";
import { recordAudit } from "#modules/audit/audit.service.js";
import { AppError } from "#shared/app-error.js";
import { storedStart } from "#shared/dates.js";
import { type Deps, nowIso } from "#shared/deps.js";
import { newId } from "#shared/ids.js";
import { governancePolicy } from "./governance.policy.js";
import type { MeetingTable } from "./governance.table.js";

/** A meeting known only to the month or year sorts at its first day. */
function heldOn(value: string) {
  const { date, precision } = storedStart(value);
  return { held_on: date ?? value, held_on_precision: precision };
}

function presentMeeting(m: Selectable<MeetingTable>): MeetingView {
  return {
    id: m.id,
    bodyId: m.body_id,
    heldOn: asWritten(m.held_on, m.held_on_precision) ?? m.held_on,
    place: m.place,
    agenda: m.agenda,
    minutes: m.minutes,
    decisions: JSON.parse(m.decisions) as string[],
    visibility: m.visibility,
  };
}

export function createGovernanceService(deps: Deps) {
  const { db } = deps;

  async function requireBody(trx: Kysely<DB>, id: string) {
    const body = await trx.selectFrom("governance_body").selectAll().where("id", "=", id).executeTakeFirst();
    if (!body) throw AppError.notFound("This group");
    return body;
  }

  async function exists(
    trx: Kysely<DB>,
    table: "agreement" | "person" | "organisation" | "app_user" | "meeting",
    id: string,
    field: string,
  ) {
    const row = await trx.selectFrom(table).select("id").where("id", "=", id).executeTakeFirst();
    if (!row) throw AppError.field("validation_failed", field, "Nothing has this id.");
  }

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
        ? { id: r.agreement_id, reference: r.reference ?? "", title: r.agreement_title ?? "" }
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
      ]);
  }

  return {
    /** Every group of an agreement, with members and meetings, newest meeting first. */
    async listBodies(actor: Actor, agreementId: string): Promise<BodyView[]> {
      governancePolicy.read(actor);
      const bodies = await db
        .selectFrom("governance_body")
        .selectAll()
        .where("agreement_id", "=", agreementId)
        .orderBy("kind", "desc")
        .orderBy("name")
        .execute();
      if (bodies.length === 0) return [];
      const ids = bodies.map((b) => b.id);
      const [members, meetings] = await Promise.all([
        db
          .selectFrom("body_member as m")
          .leftJoin("person as p", "p.id", "m.person_id")
          .leftJoin("organisation as o", "o.id", "m.organisation_id")
          .select([
            "m.id",
            "m.body_id",
            "m.role",
            "m.starts_on",
            "m.ends_on",
            "m.student_representative",
            "p.id as person_id",
            "p.given_name",
            "p.family_name",
            "o.id as org_id",
            "o.name as org_name",
            "o.kind as org_kind",
          ])
          .where("m.body_id", "in", ids)
          .orderBy("m.role")
          .execute(),
        db.selectFrom("meeting").selectAll().where("body_id", "in", ids).orderBy("held_on", "desc").execute(),
      ]);
      return bodies.map((b) => ({
        id: b.id,
        agreementId: b.agreement_id,
        kind: b.kind,
        name: b.name,
        theme: b.theme,
        members: members
          .filter((m) => m.body_id === b.id)
          .map((m) => ({
            id: m.id,
            person: m.person_id ? { id: m.person_id, name: `${m.given_name} ${m.family_name}` } : null,
            organisation:
              m.org_id && m.org_name && m.org_kind ? { id: m.org_id, name: m.org_name, kind: m.org_kind } : null,
            role: m.role,
            startsOn: m.starts_on,
            endsOn: m.ends_on,
            studentRepresentative: m.student_representative === 1,
          })),
        meetings: meetings.filter((m) => m.body_id === b.id).map(presentMeeting),
      }));
    },

    async createBody(actor: Actor, input: CreateBodyInput): Promise<{ id: string }> {
      governancePolicy.write(actor);
      const now = nowIso(deps);
      return db.transaction().execute(async (trx) => {
        await exists(trx, "agreement", input.agreementId, "agreementId");
        const id = newId();
        await trx
          .insertInto("governance_body")
          .values({
            id,
            agreement_id: input.agreementId,
            kind: input.kind,
            name: input.name,
            theme: input.theme,
            created_at: now,
          })
          .execute();
        await recordAudit(trx, now, {
          actor,
          action: "governance.body.create",
          entity: "agreement",
          entityId: input.agreementId,
          changes: { body: id, name: input.name, kind: input.kind },
        });
        return { id };
      });
    },

    async addMember(actor: Actor, bodyId: string, input: MemberInput): Promise<{ id: string }> {
      governancePolicy.write(actor);
      const now = nowIso(deps);
      return db.transaction().execute(async (trx) => {
        const body = await requireBody(trx, bodyId);
        if (input.personId) await exists(trx, "person", input.personId, "personId");
        if (input.organisationId) await exists(trx, "organisation", input.organisationId, "organisationId");
        const id = newId();
        await trx
          .insertInto("body_member")
          .values({
            id,
            body_id: bodyId,
            person_id: input.personId,
            organisation_id: input.organisationId,
            role: input.role,
            starts_on: input.startsOn,
            ends_on: input.endsOn,
            student_representative: input.studentRepresentative ? 1 : 0,
          })
          .execute();
        await recordAudit(trx, now, {
          actor,
          action: "governance.member.add",
          entity: "agreement",
          entityId: body.agreement_id,
          changes: { body: bodyId, ...input },
        });
        return { id };
      });
    },

    async removeMember(actor: Actor, bodyId: string, memberId: string): Promise<void> {
      governancePolicy.write(actor);
      const now = nowIso(deps);
      await db.transaction().execute(async (trx) => {
        const body = await requireBody(trx, bodyId);
        const r = await trx
          .deleteFrom("body_member")
          .where("id", "=", memberId)
          .where("body_id", "=", bodyId)
          .executeTakeFirst();
        if (Number(r.numDeletedRows) === 0) throw AppError.notFound("This member");
        await recordAudit(trx, now, {
          actor,
          action: "governance.member.remove",
          entity: "agreement",
          entityId: body.agreement_id,
          changes: { body: bodyId, member: memberId },
        });
      });
    },

    async recordMeeting(actor: Actor, bodyId: string, input: MeetingInput): Promise<MeetingView> {
      governancePolicy.write(actor);
      const now = nowIso(deps);
      return db.transaction().execute(async (trx) => {
        const body = await requireBody(trx, bodyId);
        const row = {
          id: newId(),
          body_id: bodyId,
          agreement_id: body.agreement_id,
          ...heldOn(input.heldOn),
          place: input.place,
          agenda: input.agenda,
          minutes: input.minutes,
          decisions: JSON.stringify(input.decisions),
          visibility: input.visibility,
          created_at: now,
        };
        await trx.insertInto("meeting").values(row).execute();
        await recordAudit(trx, now, {
          actor,
          action: "governance.meeting.create",
          entity: "agreement",
          entityId: body.agreement_id,
          changes: { meeting: row.id, heldOn: input.heldOn },
        });
        return presentMeeting(row);
      });
    },

    async updateMeeting(actor: Actor, meetingId: string, input: MeetingInput): Promise<MeetingView> {
      governancePolicy.write(actor);
      const now = nowIso(deps);
      return db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom("meeting").selectAll().where("id", "=", meetingId).executeTakeFirst();
        if (!before) throw AppError.notFound("This meeting");
        const after = {
          ...before,
          ...heldOn(input.heldOn),
          place: input.place,
          agenda: input.agenda,
          minutes: input.minutes,
          decisions: JSON.stringify(input.decisions),
          visibility: input.visibility,
        };
        await trx
          .updateTable("meeting")
          .set({
            held_on: after.held_on,
            held_on_precision: after.held_on_precision,
            visibility: after.visibility,
            place: after.place,
            agenda: after.agenda,
            minutes: after.minutes,
            decisions: after.decisions,
          })
          .where("id", "=", meetingId)
          .execute();
        await recordAudit(trx, now, {
          actor,
          action: "governance.meeting.update",
          entity: "agreement",
          entityId: before.agreement_id,
          changes: { meeting: meetingId },
        });
        return presentMeeting(after);
      });
    },

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
        if (agreementId) await exists(trx, "agreement", agreementId, "agreementId");
        const ownerId = input.ownerId ?? (actor.kind === "user" && actor.id !== "system" ? actor.id : null);
        if (ownerId) await exists(trx, "app_user", ownerId, "ownerId");
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
        if (!ownOnlyStatus) governancePolicy.write(actor);
        if (patch.ownerId) await exists(trx, "app_user", patch.ownerId, "ownerId");
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
      return actionViews(db, (q) =>
        q.where("a.agreement_id", "=", agreementId).orderBy("a.status").orderBy("a.due_on").orderBy("a.id"),
      );
    },
  };
}
export type GovernanceService = ReturnType<typeof createGovernanceService>;
