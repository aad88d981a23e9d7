import {
  type Actor,
  type CreatePersonInput,
  nextPublicConsents,
  type Page,
  type PersonListQuery,
  type PersonRoleInput,
  type PersonView,
  type PublicConsents,
  type UiLanguage,
  type UpdatePersonInput,
} from "@conventio/domain";
import { type Kysely, type Selectable, sql } from "kysely";
import type { DB } from "#db/schema.js";
import { afterKeyset, decodeCursor, toPage } from "#http/pagination.js";
import { reindexAgreementsSignedBy } from "#modules/agreements/agreement-search.js";
import { diffOf, recordAudit } from "#modules/audit/audit.service.js";
import { findRefs } from "#modules/organisations/organisation.repository.js";
import { AppError } from "#shared/app-error.js";
import { type Deps, nowIso } from "#shared/deps.js";
import { newId } from "#shared/ids.js";
import { personPolicy } from "./person.policy.js";
import { presentPerson } from "./person.presenter.js";
import type { PersonTable } from "./person.table.js";
import { createPersonPrivacy } from "./person-privacy.js";
import { personKeyset, personSortColumn, sortName, sortTitle } from "./person-sort.js";

export type PersonRow = Selectable<PersonTable>;

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

  /** The row as audited; the consents have events of their own. */
  function snapshot(row: PersonRow): Record<string, unknown> {
    const {
      sort_name: _s,
      sort_title: _t,
      created_at: _c,
      updated_at: _u,
      named_in_public: _n,
      public_contact: _p,
      ...rest
    } = row;
    return rest;
  }

  const consentsOf = (row: PersonRow): PublicConsents => ({
    namedInPublic: row.named_in_public === 1,
    publicContact: row.public_contact === 1,
  });

  function resolveConsents(before: PublicConsents, change: Partial<PublicConsents>): PublicConsents {
    const next = nextPublicConsents(before, change);
    if (!next) {
      throw AppError.field(
        "validation_failed",
        "namedInPublic",
        "A public contact is named on public pages: agree to both or only to being named.",
      );
    }
    return next;
  }

  /** Who recorded a consent given or withdrawn, and when: the audit log is the register of consents. */
  async function recordConsents(
    trx: Kysely<DB>,
    at: string,
    actor: Actor,
    id: string,
    before: PublicConsents,
    after: PublicConsents,
  ): Promise<boolean> {
    const changes = diffOf({ ...before }, { ...after });
    if (Object.keys(changes).length === 0) return false;
    await recordAudit(trx, at, { actor, action: "person.consent", entity: "person", entityId: id, changes });
    return true;
  }

  // Views name organisations in `lang`, the reader's language: routes pass the request's; the
  // command line and the demo seed read English.
  return {
    async listPeople(
      actor: Actor,
      q: PersonListQuery & { cursor?: string | undefined; limit: number },
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
      const direction = q.order === "desc" ? "desc" : "asc";
      if (after) query = query.where(afterKeyset(personSortColumn(q.sort), "p.id", after, direction));
      const rows = await query
        .orderBy(personSortColumn(q.sort), direction)
        .orderBy("p.id", direction)
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
        (r) => personKeyset(q.sort, r),
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
      const none = { namedInPublic: false, publicContact: false };
      const consents = resolveConsents(none, input);
      const row: PersonRow = {
        id: newId(),
        given_name: input.givenName,
        family_name: input.familyName,
        sort_name: sortName(input.givenName, input.familyName),
        sort_title: sortTitle(input.title || null, sortName(input.givenName, input.familyName)),
        title: input.title || null,
        organisation_id: input.organisationId,
        email: input.email,
        phone: input.phone,
        languages: JSON.stringify(input.languages),
        named_in_public: consents.namedInPublic ? 1 : 0,
        public_contact: consents.publicContact ? 1 : 0,
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
        await recordConsents(trx, now, actor, row.id, none, consents);
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
        const title = patch.title === undefined ? before.title : patch.title || null;
        const consents = resolveConsents(consentsOf(before), patch);
        const after: PersonRow = {
          ...before,
          given_name: given,
          family_name: family,
          sort_name: sortName(given, family),
          sort_title: sortTitle(title, sortName(given, family)),
          title,
          organisation_id: patch.organisationId === undefined ? before.organisation_id : patch.organisationId,
          email: patch.email === undefined ? before.email : patch.email,
          phone: patch.phone === undefined ? before.phone : patch.phone,
          languages: patch.languages ? JSON.stringify(patch.languages) : before.languages,
          named_in_public: consents.namedInPublic ? 1 : 0,
          public_contact: consents.publicContact ? 1 : 0,
          updated_at: now,
        };
        const { id: _id, created_at: _c, ...set } = after;
        await trx.updateTable("person").set(set).where("id", "=", id).execute();
        await index(trx, after);
        const changes = diffOf(snapshot(before), snapshot(after));
        const consented = await recordConsents(trx, now, actor, id, consentsOf(before), consents);
        if (consents.namedInPublic !== consentsOf(before).namedInPublic) {
          await reindexAgreementsSignedBy(trx, search, id);
        }
        if (Object.keys(changes).length > 0 || !consented) {
          await recordAudit(trx, now, { actor, action: "person.update", entity: "person", entityId: id, changes });
        }
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

    ...createPersonPrivacy(deps, { requirePerson, view }),
  };
}
export type PersonService = ReturnType<typeof createPersonService>;
