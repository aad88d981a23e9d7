import { type Actor, asWritten, type PersonView, type UiLanguage } from "@conventio/domain";
import { type Kysely, sql } from "kysely";
import type { DB } from "#db/schema.js";
import { reindexAgreement } from "#modules/agreements/agreement-search.js";
import { recordAudit } from "#modules/audit/audit.service.js";
import { type Deps, nowIso } from "#shared/deps.js";
import { personPolicy } from "./person.policy.js";
import type { PersonRow } from "./person.service.js";

/** What stands in for an erased person's name where the record itself stays. */
export const ERASED = "(erased)";

interface PersonReads {
  requirePerson(trx: Kysely<DB>, id: string): Promise<PersonRow>;
  view(trx: Kysely<DB>, row: PersonRow, lang: UiLanguage): Promise<PersonView>;
}

/** Which agreement a record belongs to, as a person reading their export recognises it. */
interface AgreementContext {
  agreementId: string;
  reference: string;
  agreementTitle: string;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Replaces every occurrence of the needles in the strings of a JSON value, and the name of any
 * object that points at the person (a signatory as printed, say), whatever it was spelled.
 */
function scrubJson(value: unknown, personId: string, needles: RegExp): unknown {
  if (typeof value === "string") return value.replace(needles, ERASED);
  if (Array.isArray(value)) return value.map((v) => scrubJson(v, personId, needles));
  if (value && typeof value === "object") {
    const entries = Object.entries(value).map(([k, v]) => [k, scrubJson(v, personId, needles)] as const);
    const out = Object.fromEntries(entries) as Record<string, unknown>;
    if (out.personId === personId || out.person_id === personId) {
      for (const key of ["name", "givenName", "familyName", "email", "phone"]) if (key in out) out[key] = ERASED;
    }
    return out;
  }
  return value;
}

/**
 * A person's rights over their data: the export of everything held about them and the erasure
 * that leaves their name in no table, index, audit entry or database file.
 */
export function createPersonPrivacy(deps: Deps, reads: PersonReads) {
  const { db, search, dialect, log } = deps;

  async function signaturesOf(id: string) {
    const rows = await db
      .selectFrom("agreement_signatory as s")
      .innerJoin("agreement as a", "a.id", "s.agreement_id")
      .leftJoin("organisation as o", "o.id", "s.organisation_id")
      .select([
        "a.id as agreement_id",
        "a.reference",
        "a.title as agreement_title",
        "s.name",
        "s.title",
        "o.name as organisation",
        "s.signed_on",
        "s.signed_on_precision",
        "s.place",
      ])
      .where("s.person_id", "=", id)
      .orderBy("a.reference")
      .execute();
    return rows.map((r) => ({
      ...context(r),
      nameAsPrinted: r.name,
      title: r.title,
      organisation: r.organisation,
      signedOn: asWritten(r.signed_on, r.signed_on_precision),
      place: r.place,
    }));
  }

  async function membershipsOf(id: string) {
    const rows = await db
      .selectFrom("body_member as m")
      .innerJoin("governance_body as b", "b.id", "m.body_id")
      .innerJoin("agreement as a", "a.id", "b.agreement_id")
      .leftJoin("organisation as o", "o.id", "m.organisation_id")
      .select([
        "a.id as agreement_id",
        "a.reference",
        "a.title as agreement_title",
        "b.id as body_id",
        "b.name as body",
        "b.kind",
        "m.role",
        "o.name as organisation",
        "m.starts_on",
        "m.ends_on",
        "m.student_representative",
      ])
      .where("m.person_id", "=", id)
      .orderBy("a.reference")
      .orderBy("b.name")
      .execute();
    return rows.map((r) => ({
      ...context(r),
      bodyId: r.body_id,
      body: r.body,
      bodyKind: r.kind,
      role: r.role,
      representing: r.organisation,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      studentRepresentative: r.student_representative === 1,
    }));
  }

  async function coordinationsOf(id: string) {
    const rows = await db
      .selectFrom("agreement_axis as x")
      .innerJoin("agreement as a", "a.id", "x.agreement_id")
      .select([
        "a.id as agreement_id",
        "a.reference",
        "a.title as agreement_title",
        "x.id",
        "x.kind",
        "x.title",
        "x.coordinator_ids",
      ])
      .where("x.coordinator_ids", "like", `%${id}%`)
      .orderBy("a.reference")
      .orderBy("x.position")
      .execute();
    return rows
      .filter((r) => (JSON.parse(r.coordinator_ids) as string[]).includes(id))
      .map((r) => ({ ...context(r), areaId: r.id, areaKind: r.kind, area: r.title, role: "coordinator" }));
  }

  function context(r: { agreement_id: string; reference: string; agreement_title: string }): AgreementContext {
    return { agreementId: r.agreement_id, reference: r.reference, agreementTitle: r.agreement_title };
  }

  /** Agreements whose search documents hold the person's name as a signatory. */
  async function reindexAgreements(trx: Kysely<DB>, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const rows = await trx
      .selectFrom("agreement")
      .select(["id", "reference", "title", "titles", "summary", "summaries", "visibility", "internal_fields"])
      .where("id", "in", [...new Set(ids)])
      .execute();
    for (const row of rows) await reindexAgreement(trx, search, row);
  }

  /**
   * Past audit entries about other records (an agreement's signatories, a body's members) keep
   * what was done, but no longer the person's name, e-mail or phone.
   */
  async function scrubAudit(trx: Kysely<DB>, person: PersonRow, printedNames: string[]): Promise<void> {
    const texts = [
      `${person.given_name} ${person.family_name}`,
      `${person.family_name} ${person.given_name}`,
      person.email,
      person.phone,
      ...printedNames,
    ].filter((t): t is string => !!t && t !== ERASED);
    const needles = new RegExp(
      [...new Set(texts)]
        .sort((a, b) => b.length - a.length)
        .map(escapeRegExp)
        .join("|"),
      "gi",
    );
    const events = await trx
      .selectFrom("audit_event")
      .select(["id", "changes"])
      .where((eb) => eb.or([person.id, ...texts].map((t) => eb("changes", "like", `%${t}%`))))
      .execute();
    for (const event of events) {
      const scrubbed = JSON.stringify(scrubJson(JSON.parse(event.changes), person.id, needles));
      if (scrubbed !== event.changes) {
        await trx.updateTable("audit_event").set({ changes: scrubbed }).where("id", "=", event.id).execute();
      }
    }
  }

  /**
   * SQLite keeps page images in its write-ahead log until a checkpoint: fold them into the
   * database file, whose deleted content secure_delete has zeroed, and empty the log.
   *
   * PostgreSQL keeps the old row versions as dead tuples until VACUUM, and in its own WAL until
   * the segments are recycled. No VACUUM runs here: it cannot run inside the erasure's
   * transaction, autovacuum reclaims the same tuples shortly after, and even VACUUM only marks
   * their space free without overwriting it, so it would promise nothing more. What PostgreSQL
   * guarantees is that no query, backup by pg_dump or replica read returns the name afterwards.
   */
  async function flushErased(): Promise<void> {
    if (dialect !== "sqlite") return;
    const result = await sql<{ busy: number }>`pragma wal_checkpoint(TRUNCATE)`.execute(db);
    if (result.rows[0]?.busy) log.warn("The checkpoint after an erasure was blocked by a reader; it completes later");
  }

  return {
    /** Everything Conventio holds about a person, for a subject-access request. */
    async exportPerson(actor: Actor, id: string): Promise<Record<string, unknown>> {
      personPolicy.exportOrErase(actor);
      const row = await reads.requirePerson(db, id);
      const [person, signatures, memberships, coordinations, mobilities, audit, mentions] = await Promise.all([
        // An export is a record of what is held, not a page read by someone: it has no reader's language.
        reads.view(db, row, "en"),
        signaturesOf(id),
        membershipsOf(id),
        coordinationsOf(id),
        db
          .selectFrom("activity")
          .select(["id", "kind", "title", "direction", "level", "academic_year", "starts_on", "ends_on"])
          .where("participant_id", "=", id)
          .orderBy("sort_key")
          .execute(),
        db
          .selectFrom("audit_event as e")
          .leftJoin("app_user as u", "u.id", "e.actor_id")
          .select(["e.at", "e.action", "e.changes", "u.name as actor"])
          .where("e.entity", "=", "person")
          .where("e.entity_id", "=", id)
          .orderBy("e.at")
          .execute(),
        db
          .selectFrom("audit_event")
          .select(["at", "action", "entity", "entity_id"])
          .where((eb) => eb.or([eb("entity", "!=", "person"), eb("entity_id", "!=", id)]))
          .where("changes", "like", `%${id}%`)
          .orderBy("at")
          .execute(),
      ]);
      const history = audit.map((a) => ({
        at: a.at,
        action: a.action,
        by: a.actor,
        changes: JSON.parse(a.changes) as unknown,
      }));
      return {
        exportedAt: nowIso(deps),
        person,
        consents: {
          namedInPublic: person.namedInPublic,
          publicContact: person.publicContact,
          recorded: history.filter((h) => h.action === "person.consent"),
        },
        signatures,
        governance: memberships,
        coordinations,
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
        history,
        mentionedIn: mentions.map((m) => ({ at: m.at, action: m.action, entity: m.entity, entityId: m.entity_id })),
      };
    },

    /**
     * Erases a person everywhere: the row, the roles, the memberships of governing bodies, the
     * coordination of areas, the name under their signatures, the mobilities that named them (kept
     * as anonymous counts), the search documents, and the personal data kept in past audit events
     * (the events stay, as proof that an erasure happened); then the database files themselves.
     */
    async erasePerson(actor: Actor, id: string): Promise<void> {
      personPolicy.exportOrErase(actor);
      const now = nowIso(deps);
      await db.transaction().execute(async (trx) => {
        const person = await reads.requirePerson(trx, id);
        // Signatures stay (the agreement was signed), but without the name of an erased person.
        const signed = await trx
          .selectFrom("agreement_signatory")
          .select(["agreement_id", "name"])
          .where("person_id", "=", id)
          .execute();
        await trx
          .updateTable("agreement_signatory")
          .set({ person_id: null, name: ERASED })
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
        await trx.deleteFrom("body_member").where("person_id", "=", id).execute();
        // A mobility stays counted, but no longer says who went.
        await trx.updateTable("activity").set({ participant_id: null }).where("participant_id", "=", id).execute();
        await trx.deleteFrom("person").where("id", "=", id).execute();
        await search.remove(trx, "person", id);
        await reindexAgreements(
          trx,
          signed.map((s) => s.agreement_id),
        );
        await trx
          .updateTable("audit_event")
          .set({ changes: JSON.stringify({ erased: true }) })
          .where("entity", "=", "person")
          .where("entity_id", "=", id)
          .execute();
        await scrubAudit(
          trx,
          person,
          signed.map((s) => s.name),
        );
        await recordAudit(trx, now, {
          actor,
          action: "person.erase",
          entity: "person",
          entityId: id,
          changes: { erased: true },
        });
      });
      await flushErased();
    },
  };
}
