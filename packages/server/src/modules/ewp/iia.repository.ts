import { academicYearsBetween, type EwpInstitution, type Iia, type IiaApproval } from "@conventio/domain";
import type { Insertable, Kysely, Selectable } from "kysely";
import type { DB } from "#db/schema.js";
import { newId } from "#shared/ids.js";
import type { AgreementIiaTable, AgreementIiaVersionTable } from "./ewp.table.js";

export type IiaRow = Selectable<AgreementIiaTable>;

export function findIia(db: Kysely<DB>, agreementId: string): Promise<IiaRow | undefined> {
  return db.selectFrom("agreement_iia").selectAll().where("agreement_id", "=", agreementId).executeTakeFirst();
}

export function findIiaById(db: Kysely<DB>, iiaId: string): Promise<IiaRow | undefined> {
  return db.selectFrom("agreement_iia").selectAll().where("iia_id", "=", iiaId).executeTakeFirst();
}

/** Our copy that a partner's copy belongs to: mapped by the partner's id, or naming our id. */
export function findIiaOfPartner(
  db: Kysely<DB>,
  partnerHeiId: string,
  partnerIiaId: string,
  ourIiaId: string | undefined,
): Promise<IiaRow | undefined> {
  return db
    .selectFrom("agreement_iia")
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb("partner_hei_id", "=", partnerHeiId), eb("partner_iia_id", "=", partnerIiaId)]),
        ...(ourIiaId ? [eb.and([eb("iia_id", "=", ourIiaId), eb("partner_hei_id", "=", partnerHeiId)])] : []),
      ]),
    )
    .executeTakeFirst();
}

/** Every IIA, oldest change first, for the exports. */
export function allIias(db: Kysely<DB>): Promise<IiaRow[]> {
  return db.selectFrom("agreement_iia").selectAll().orderBy("modified_at").orderBy("agreement_id").execute();
}

export async function saveIiaRow(db: Kysely<DB>, row: Insertable<AgreementIiaTable>, iia: Iia): Promise<void> {
  const { agreement_id: _a, iia_id: _i, ...changes } = row;
  await db
    .insertInto("agreement_iia")
    .values(row)
    .onConflict((oc) => oc.column("agreement_id").doUpdateSet(changes))
    .execute();
  await db.deleteFrom("agreement_iia_year").where("agreement_id", "=", row.agreement_id).execute();
  const years = new Set(
    iia.mobilitySpecs.flatMap((s) =>
      academicYearsBetween(s.receivingFirstAcademicYearId, s.receivingLastAcademicYearId),
    ),
  );
  if (years.size > 0) {
    await db
      .insertInto("agreement_iia_year")
      .values([...years].map((academic_year) => ({ agreement_id: row.agreement_id, academic_year })))
      .execute();
  }
}

export async function addVersion(
  db: Kysely<DB>,
  version: Omit<Insertable<AgreementIiaVersionTable>, "id">,
): Promise<void> {
  await db
    .insertInto("agreement_iia_version")
    .values({ id: newId(), ...version })
    .execute();
}

export function versionsOf(db: Kysely<DB>, agreementId: string) {
  return db
    .selectFrom("agreement_iia_version")
    .selectAll()
    .where("agreement_id", "=", agreementId)
    .orderBy("approved_at", "desc")
    .orderBy("id", "desc")
    .execute();
}

export async function ownInstitutions(db: Kysely<DB>): Promise<EwpInstitution[]> {
  const rows = await db.selectFrom("ewp_institution").select("data").orderBy("hei_id").execute();
  return rows.map((r) => JSON.parse(r.data) as EwpInstitution);
}

/** The organisations holding these SCHAC codes, by code. */
export async function holdersOfSchac(
  db: Kysely<DB>,
  heiIds: string[],
): Promise<Map<string, { id: string; name: string }>> {
  if (heiIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("organisation_identifier as i")
    .innerJoin("organisation as o", "o.id", "i.organisation_id")
    .select(["i.value", "o.id", "o.name"])
    .where("i.scheme", "=", "schac")
    .where("i.value", "in", heiIds)
    .execute();
  return new Map(rows.map((r) => [r.value, { id: r.id, name: r.name }]));
}

type ApprovalColumns = Pick<IiaRow, "iia_hash" | "partner_hash" | "approved_by_us_hash" | "approved_by_partner_hash">;

/** Each side's approval, counted only while it is of the other side's current version. */
export function currentApprovals(row: ApprovalColumns): { approvedByUs: boolean; approvedByPartner: boolean } {
  return {
    approvedByUs: row.partner_hash !== null && row.approved_by_us_hash === row.partner_hash,
    approvedByPartner: row.approved_by_partner_hash === row.iia_hash,
  };
}

/** Our approvals of partners' copies that still hold, named by the partners' ids: what the IIAs Approval API serves. */
export function heldApprovals(
  rows: ReadonlyArray<Pick<IiaRow, "partner_iia_id" | "partner_hash" | "approved_by_us_hash">>,
): IiaApproval[] {
  return rows.flatMap((r) =>
    r.partner_iia_id && r.approved_by_us_hash && r.approved_by_us_hash === r.partner_hash
      ? [{ iiaId: r.partner_iia_id, iiaHash: r.approved_by_us_hash }]
      : [],
  );
}
