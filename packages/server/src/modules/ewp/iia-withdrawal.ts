import type { Kysely } from "kysely";
import type { DB } from "#db/schema.js";
import { AppError } from "#shared/app-error.js";
import { enqueue } from "./ewp-outbox.js";
import { findIia } from "./iia.repository.js";

/**
 * Before an agreement is deleted: an IIA that either side ever approved stays (it is terminated
 * or amended instead); one never approved stops being served and the partner is notified, so
 * that it finds the id gone. Our id is never reused: ids are made fresh for every agreement.
 */
export async function withdrawIiaOf(db: Kysely<DB>, agreementId: string, now: string): Promise<void> {
  const row = await findIia(db, agreementId);
  if (!row) return;
  if (row.approved_by_us_hash || row.approved_by_partner_hash) {
    throw new AppError("conflict", "An IIA approved by either side cannot be deleted; terminate it instead.");
  }
  await enqueue(db, {
    kind: "iia_cnr",
    heiId: row.hei_id,
    partnerHeiId: row.partner_hei_id,
    iiaId: row.iia_id,
    agreementId: null,
    now,
  });
}
