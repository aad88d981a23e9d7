import type { AgreementView } from "@conventio/domain";
import type { Kysely } from "kysely";
import type { DB } from "#db/schema.js";

/** Of these people, the ones who agreed to be named on public pages. */
export async function namedInPublic(db: Kysely<DB>, ids: ReadonlyArray<string>): Promise<Set<string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Set();
  const rows = await db
    .selectFrom("person")
    .select("id")
    .where("id", "in", unique)
    .where("named_in_public", "=", 1)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * An agreement as the public may read its people: those who did not agree to be named appear by
 * their role alone ("Signatory", "Coordinator"), so the counts stay true, and no one's register
 * id leaves. Signatories typed as printed, with no person behind them, stay as printed.
 */
export async function withPublicNames(db: Kysely<DB>, agreement: AgreementView): Promise<AgreementView> {
  const named = await namedInPublic(db, [
    ...agreement.signatories.flatMap((s) => (s.person ? [s.person.id] : [])),
    ...agreement.axes.flatMap((a) => a.coordinators.map((c) => c.id)),
  ]);
  return {
    ...agreement,
    signatories: agreement.signatories.map((s) => ({
      ...s,
      name: !s.person || named.has(s.person.id) ? s.name : "Signatory",
      person: null,
    })),
    axes: agreement.axes.map((a) => ({
      ...a,
      coordinators: a.coordinators.map((c) => ({ id: "", name: named.has(c.id) ? c.name : "Coordinator" })),
    })),
  };
}
