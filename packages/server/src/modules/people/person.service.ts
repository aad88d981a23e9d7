import {
  type Actor,
  type CreatePersonInput,
  foldText,
  type Page,
  type PersonRoleInput,
  type PersonView,
  type UiLanguage,
  type UpdatePersonInput,
} from "@conventio/domain";
import { type Kysely, type Selectable, sql } from "kysely";
import type { DB } from "#db/schema.js";
import { afterKeyset, decodeCursor, toPage } from "#http/pagination.js";
import { diffOf, recordAudit } from "#modules/audit/audit.service.js";
import { findRefs } from "#modules/organisations/organisation.repository.js";
import { AppError } from "#shared/app-error.js";
import { type Deps, nowIso } from "#shared/deps.js";
import { newId } from "#shared/ids.js";
import { personPolicy } from "./person.policy.js";
import { presentPerson } from "./person.presenter.js";
import type { PersonTable } from "./person.table.js";

type PersonRow = Selectable<PersonTable>;

function sortName(given: string, family: string): string {
  return foldText(`${family} ${given}`);
}

export function createPersonService(deps: Deps) {
  const { db, search } = deps;

  async function requirePerson(trx: Kysely<DB>, id: string): Promise<PersonRow> {
    const row = await trx.selectFrom("person").selectAll().where("id", "=", id).executeTakeFirst();
    if (!row) throw AppError.notFound("This person");
    return row;
  }

  async function assertOrganisation(trx: Kysely<DB>, id: string | null, field: string): Promise<void> {
    if (!id) return;
    const found = await trx.selectFrom("organisation").select("id").where("id", "=", id).executeTakeFirst();
    if (!found) throw AppError.field("validation_failed", field, "No organisation has this id.");
  }

  async function view(trx: Kysely<DB>, row: PersonRow, lang: UiLanguage): Promise<PersonView> {
    const roles = await trx
      .selectFrom("person_role")
      .selectAll()
      .where("person_id", "=", row.id)
      .orderBy("since")
      .execute();
    const refs = await findRefs(trx, [row.organisation_id, ...roles.map((r) => r.organisation_id)], lang);
    return presentPerson(row, roles, refs);
  }

  function index(trx: Kysely<DB>, row: PersonRow) {
    return search.put(trx, "person", row.id, [row.given_name, row.family_name, row.title, row.email]);
  }

  function snapshot(row: PersonRow): Record<string, unknown> {
    const { sort_name: _s, created_at: _c, updated_at: _u, ...rest } = row;
    return rest;
  }

  // Views name organisations in `lang`, the reader's language: routes pass the request's; the
  // command line and the demo seed read English.
  return {
    async listPeople(
      actor: Actor,
      q: { q?: string | undefined; organisation?: string | undefined; cursor?: string | undefined; limit: number },
      lang: UiLanguage = "en",
    ): Promise<Page<PersonView>> {
      personPolicy.read(actor);
      const after = decodeCursor(q.cursor);
      let query = db.selectFrom("person as p").selectAll("p");
      if (q.organisation) query = query.where("p.organisation_id", "=", q.organisation);
      if (q.q) {
        const cond = search.matches("person", sql.ref<string>("p.id"), q.q);
        if (cond) query = query.where(cond);
      }
      if (after) {
        query = query.where(afterKeyset("p.sort_name", "p.id", after));
      }
      const rows = await query
        .orderBy("p.sort_name")
        .orderBy("p.id")
        .limit(q.limit + 1)
        .execute();
      const shown = rows.slice(0, q.limit);
      const roles = shown.length
        ? await db
            .selectFrom("person_role")
            .selectAll()
            .where(
              "person_id",
              "in",
              shown.map((r) => r.id),
            )
            .execute()
        : [];
      const refs = await findRefs(
        db,
        [...shown.map((r) => r.organisation_id), ...roles.map((r) => r.organisation_id)],
        lang,
      );
      return toPage(
        rows,
        q.limit,
        (r) => ({ key: r.sort_name, id: r.id }),
        (r) =>
          presentPerson(
            r,
            roles.filter((x) => x.person_id === r.id),
            refs,
          ),
      );
    },

    async getPerson(actor: Actor, id: string, lang: UiLanguage = "en"): Promise<PersonView> {
      personPolicy.read(actor);
      return view(db, await requirePerson(db, id), lang);
    },

    async createPerson(actor: Actor, input: CreatePersonInput, lang: UiLanguage = "en"): Promise<PersonView> {
      personPolicy.write(actor);
      const now = nowIso(deps);
      const row: PersonRow = {
        id: newId(),
        given_name: input.givenName,
        family_name: input.familyName,
        sort_name: sortName(input.givenName, input.familyName),
        title: input.title || null,
        organisation_id: input.organisationId,
        email: input.email,
        phone: input.phone,
        languages: JSON.stringify(input.languages),
        public_contact: input.publicContact ? 1 : 0,
        created_at: now,
        updated_at: now,
      };
      return db.transaction().execute(async (trx) => {
        await assertOrganisation(trx, row.organisation_id, "organisationId");
        await trx.insertInto("person").values(row).execute();
        await index(trx, row);
        await recordAudit(trx, now, {
          actor,
          action: "person.create",
          entity: "person",
          entityId: row.id,
          changes: snapshot(row),
        });
        return view(trx, row, lang);
      });
    },

    async updatePerson(
      actor: Actor,
      id: string,
      patch: UpdatePersonInput,
      lang: UiLanguage = "en",
    ): Promise<PersonView> {
      personPolicy.write(actor);
      const now = nowIso(deps);
      return db.transaction().execute(async (trx) => {
        const before = await requirePerson(trx, id);
        if (patch.organisationId) await assertOrganisation(trx, patch.organisationId, "organisationId");
        const given = patch.givenName ?? before.given_name;
        const family = patch.familyName ?? before.family_name;
        const after: PersonRow = {
          ...before,
          given_name: given,
          family_name: family,
          sort_name: sortName(given, family),
          title: patch.title === undefined ? before.title : patch.title || null,
          organisation_id: patch.organisationId === undefined ? before.organisation_id : patch.organisationId,
          email: patch.email === undefined ? before.email : patch.email,
          phone: patch.phone === undefined ? before.phone : patch.phone,
          languages: patch.languages ? JSON.stringify(patch.languages) : before.languages,
          public_contact: patch.publicContact === undefined ? before.public_contact : patch.publicContact ? 1 : 0,
          updated_at: now,
        };
        const { id: _id, created_at: _c, ...set } = after;
        await trx.updateTable("person").set(set).where("id", "=", id).execute();
        await index(trx, after);
        await recordAudit(trx, now, {
          actor,
          action: "person.update",
          entity: "person",
          entityId: id,
          changes: diffOf(snapshot(before), snapshot(after)),
        });
        return view(trx, after, lang);
      });
    },

    async addRole(
      actor: Actor,
      personId: string,
      input: PersonRoleInput,
      lang: UiLanguage = "en",
    ): Promise<PersonView> {
      personPolicy.write(actor);
      const now = nowIso(deps);
      return db.transaction().execute(async (trx) => {
        const person = await requirePerson(trx, personId);
        await assertOrganisation(trx, input.organisationId, "organisationId");
        const id = newId();
        await trx
          .insertInto("person_role")
          .values({
            id,
            person_id: personId,
            role: input.role,
            organisation_id: input.organisationId,
            since: input.since,
            until: input.until,
          })
          .execute();
        await recordAudit(trx, now, {
          actor,
          action: "person.role.add",
          entity: "person",
          entityId: personId,
          changes: { ...input },
        });
        return view(trx, person, lang);
      });
    },

    async removeRole(actor: Actor, personId: string, roleId: string, lang: UiLanguage = "en"): Promise<PersonView> {
      personPolicy.write(actor);
      const now = nowIso(deps);
      return db.transaction().execute(async (trx) => {
        const person = await requirePerson(trx, personId);
        const r = await trx
          .deleteFrom("person_role")
          .where("id", "=", roleId)
          .where("person_id", "=", personId)
          .executeTakeFirst();
        if (Number(r.numDeletedRows) === 0) throw AppError.notFound("This role");
        await recordAudit(trx, now, {
          actor,
          action: "person.role.remove",
          entity: "person",
          entityId: personId,
          changes: { roleId },
        });
        return view(trx, person, lang);
      });
    },

    /** Everything Conventio holds about a person, for a subject-access request. */
    async exportPerson(actor: Actor, id: string): Promise<Record<string, unknown>> {
      personPolicy.exportOrErase(actor);
      const row = await requirePerson(db, id);
      const [person, mobilities, audit] = await Promise.all([
        // An export is a record of what is held, not a page read by someone: it has no reader's language.
        view(db, row, "en"),
        db
          .selectFrom("activity")
          .select(["id", "kind", "title", "direction", "level", "academic_year", "starts_on", "ends_on"])
          .where("participant_id", "=", id)
          .orderBy("sort_key")
          .execute(),
        db
          .selectFrom("audit_event")
          .selectAll()
          .where("entity", "=", "person")
          .where("entity_id", "=", id)
          .orderBy("at")
          .execute(),
      ]);
      return {
        exportedAt: nowIso(deps),
        person,
        mobilities: mobilities.map((m) => ({
          activityId: m.id,
          kind: m.kind,
          title: m.title,
          direction: m.direction,
          level: m.level,
          academicYear: m.academic_year,
          startsOn: m.starts_on,
          endsOn: m.ends_on,
        })),
        history: audit.map((a) => ({ at: a.at, action: a.action, changes: JSON.parse(a.changes) as unknown })),
      };
    },

    /**
     * Erases a person everywhere: the row, the roles, the mobilities that named them (kept as
     * anonymous counts), the search document, and the personal
     * data kept in past audit events (the events stay, as proof that an erasure happened).
     */
    async erasePerson(actor: Actor, id: string): Promise<void> {
      personPolicy.exportOrErase(actor);
      const now = nowIso(deps);
      await db.transaction().execute(async (trx) => {
        await requirePerson(trx, id);
        // Signatures stay (the agreement was signed), but without the name of an erased person.
        await trx
          .updateTable("agreement_signatory")
          .set({ person_id: null, name: "(erased)" })
          .where("person_id", "=", id)
          .execute();
        const axes = await trx
          .selectFrom("agreement_axis")
          .select(["id", "coordinator_ids"])
          .where("coordinator_ids", "like", `%${id}%`)
          .execute();
        for (const axis of axes) {
          const rest = (JSON.parse(axis.coordinator_ids) as string[]).filter((p) => p !== id);
          await trx
            .updateTable("agreement_axis")
            .set({ coordinator_ids: JSON.stringify(rest) })
            .where("id", "=", axis.id)
            .execute();
        }
        // A mobility stays counted, but no longer says who went.
        await trx.updateTable("activity").set({ participant_id: null }).where("participant_id", "=", id).execute();
        await trx.deleteFrom("person").where("id", "=", id).execute();
        await search.remove(trx, "person", id);
        await trx
          .updateTable("audit_event")
          .set({ changes: JSON.stringify({ erased: true }) })
          .where("entity", "=", "person")
          .where("entity_id", "=", id)
          .execute();
        await recordAudit(trx, now, {
          actor,
          action: "person.erase",
          entity: "person",
          entityId: id,
          changes: { erased: true },
        });
      });
    },
  };
}
export type PersonService = ReturnType<typeof createPersonService>;
