import {
  type Actor,
  asWritten,
  type BodyView,
  type CreateBodyInput,
  type MeetingInput,
  type MeetingView,
  type MemberInput,
  type UiLanguage,
} from "@conventio/domain";
import type { Kysely, Selectable } from "kysely";
import type { DB } from "#db/schema.js";
import { requireInScope } from "#modules/accounts/unit-scope.js";
import { recordAudit } from "#modules/audit/audit.service.js";
import { presentJoinedRef } from "#modules/organisations/organisation.presenter.js";
import { AppError } from "#shared/app-error.js";
import { storedStart } from "#shared/dates.js";
import { type Deps, nowIso } from "#shared/deps.js";
import { newId } from "#shared/ids.js";
import { assertExists, createActionService } from "./action.service.js";
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

  return {
    ...createActionService(deps),

    /**
     * Every group of an agreement, with members and meetings, newest meeting first; members'
     * organisations named in `lang`, the reader's language.
     */
    async listBodies(actor: Actor, agreementId: string, lang: UiLanguage = "en"): Promise<BodyView[]> {
      governancePolicy.read(actor);
      await requireInScope(db, actor, agreementId);
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
            "o.names as org_names",
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
            organisation: presentJoinedRef(
              { id: m.org_id, name: m.org_name, names: m.org_names, kind: m.org_kind },
              lang,
            ),
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
        await assertExists(trx, "agreement", input.agreementId, "agreementId");
        await requireInScope(trx, actor, input.agreementId);
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
        await requireInScope(trx, actor, body.agreement_id);
        if (input.personId) await assertExists(trx, "person", input.personId, "personId");
        if (input.organisationId) await assertExists(trx, "organisation", input.organisationId, "organisationId");
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
        await requireInScope(trx, actor, body.agreement_id);
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
        await requireInScope(trx, actor, body.agreement_id);
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
        await requireInScope(trx, actor, before.agreement_id);
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
  };
}
export type GovernanceService = ReturnType<typeof createGovernanceService>;
