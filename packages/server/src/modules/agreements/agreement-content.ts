import type { CreateAgreementInput } from "@conventio/domain";
import { foldText } from "@conventio/domain";
import type { Kysely } from "kysely";
import type { DB } from "#db/schema.js";
import { AppError } from "#shared/app-error.js";
import { storedStart } from "#shared/dates.js";
import { newId } from "#shared/ids.js";

function storedSignature(signedOn: string | null) {
  const { date, precision } = storedStart(signedOn);
  return { signed_on: date, signed_on_precision: precision };
}

/** The lists an agreement holds besides its own row; each given list replaces the stored one. */
export type Content = Pick<CreateAgreementInput, "parties" | "signatories" | "themes" | "axes" | "commitments">;

/** Every organisation and person the input refers to must exist; the error names the field. */
export async function assertReferences(
  trx: Kysely<DB>,
  c: Partial<Content>,
  frameworkId: string | null | undefined,
  selfId: string | null,
) {
  const orgRefs: Array<[string, string]> = [];
  const personRefs: Array<[string, string]> = [];
  for (const [i, p] of (c.parties ?? []).entries()) {
    orgRefs.push([`parties.${i}.organisationId`, p.organisationId]);
    if (p.responsibleUnitId) orgRefs.push([`parties.${i}.responsibleUnitId`, p.responsibleUnitId]);
  }
  for (const [i, s] of (c.signatories ?? []).entries()) {
    if (s.organisationId) orgRefs.push([`signatories.${i}.organisationId`, s.organisationId]);
    if (s.personId) personRefs.push([`signatories.${i}.personId`, s.personId]);
  }
  for (const [i, m] of (c.commitments ?? []).entries()) {
    if (m.organisationId) orgRefs.push([`commitments.${i}.organisationId`, m.organisationId]);
  }
  for (const [i, a] of (c.axes ?? []).entries()) {
    for (const [j, p] of a.coordinatorIds.entries()) personRefs.push([`axes.${i}.coordinatorIds.${j}`, p]);
  }
  const orgIds = [...new Set(orgRefs.map(([, id]) => id))];
  const personIds = [...new Set(personRefs.map(([, id]) => id))];
  const [orgs, people] = await Promise.all([
    orgIds.length ? trx.selectFrom("organisation").select("id").where("id", "in", orgIds).execute() : [],
    personIds.length ? trx.selectFrom("person").select("id").where("id", "in", personIds).execute() : [],
  ]);
  const knownOrgs = new Set(orgs.map((o) => o.id));
  const knownPeople = new Set(people.map((p) => p.id));
  const errors = [
    ...orgRefs
      .filter(([, id]) => !knownOrgs.has(id))
      .map(([field]) => ({ field, message: "No organisation has this id." })),
    ...personRefs
      .filter(([, id]) => !knownPeople.has(id))
      .map(([field]) => ({ field, message: "No person has this id." })),
  ];
  const seen = new Set<string>();
  c.parties?.forEach((p, i) => {
    if (seen.has(p.organisationId))
      errors.push({ field: `parties.${i}.organisationId`, message: "This organisation is already a party." });
    seen.add(p.organisationId);
  });
  if (frameworkId) {
    const fw = await trx
      .selectFrom("agreement")
      .select(["id", "kind"])
      .where("id", "=", frameworkId)
      .executeTakeFirst();
    if (!fw || fw.id === selfId) errors.push({ field: "frameworkId", message: "No other agreement has this id." });
    else if (fw.kind !== "framework_agreement")
      errors.push({ field: "frameworkId", message: "Specific agreements hang under a framework agreement." });
  }
  if (errors.length) throw AppError.invalid(errors);
}

/** Writes the lists given; a list left out keeps what is stored. */
export async function writeContent(trx: Kysely<DB>, id: string, c: Partial<Content>): Promise<void> {
  if (c.parties) {
    await trx.deleteFrom("agreement_party").where("agreement_id", "=", id).execute();
    if (c.parties.length) {
      await trx
        .insertInto("agreement_party")
        .values(
          c.parties.map((p, i) => ({
            agreement_id: id,
            organisation_id: p.organisationId,
            role: p.role,
            responsible_unit_id: p.responsibleUnitId,
            position: i,
          })),
        )
        .execute();
    }
  }
  if (c.themes) {
    await trx.deleteFrom("agreement_theme").where("agreement_id", "=", id).execute();
    const unique = new Map(c.themes.map((t) => [foldText(t), t]));
    if (unique.size) {
      await trx
        .insertInto("agreement_theme")
        .values([...unique].map(([theme, label]) => ({ agreement_id: id, theme, label })))
        .execute();
    }
  }
  if (c.signatories) {
    await trx.deleteFrom("agreement_signatory").where("agreement_id", "=", id).execute();
    if (c.signatories.length) {
      await trx
        .insertInto("agreement_signatory")
        .values(
          c.signatories.map((s, i) => ({
            id: newId(),
            agreement_id: id,
            person_id: s.personId,
            name: s.name,
            organisation_id: s.organisationId,
            title: s.title,
            titles: JSON.stringify(s.titles),
            ...storedSignature(s.signedOn),
            place: s.place,
            position: i,
          })),
        )
        .execute();
    }
  }
  if (c.axes) {
    await trx.deleteFrom("agreement_axis").where("agreement_id", "=", id).execute();
    if (c.axes.length) {
      await trx
        .insertInto("agreement_axis")
        .values(
          c.axes.map((a, i) => ({
            id: newId(),
            agreement_id: id,
            kind: a.kind,
            title: a.title,
            description: a.description,
            coordinator_ids: JSON.stringify(a.coordinatorIds),
            objectives: JSON.stringify(a.objectives),
            position: i,
          })),
        )
        .execute();
    }
  }
  if (c.commitments) {
    await trx.deleteFrom("agreement_commitment").where("agreement_id", "=", id).execute();
    if (c.commitments.length) {
      await trx
        .insertInto("agreement_commitment")
        .values(
          c.commitments.map((m, i) => ({
            id: newId(),
            agreement_id: id,
            organisation_id: m.organisationId,
            kind: m.kind,
            description: m.description,
            levels: JSON.stringify(m.levels),
            position: i,
          })),
        )
        .execute();
    }
  }
}
