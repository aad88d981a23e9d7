import type { Kysely, Selectable } from "kysely";
import type { DB } from "#db/schema.js";
import { newId } from "#shared/ids.js";
import type { EwpCallTable } from "./ewp.table.js";

export type EwpCallRow = Selectable<EwpCallTable>;

/** Records one EWP call; the log must never make the call itself fail. */
export async function logCall(db: Kysely<DB>, call: Omit<EwpCallRow, "id">): Promise<void> {
  await db
    .insertInto("ewp_call")
    .values({ id: newId(), ...call, error: call.error?.slice(0, 2000) ?? null })
    .execute();
}

/** The agreement whose IIA has this id, ours or the partner's, for filing a call under it. */
export async function agreementOfIiaId(
  db: Kysely<DB>,
  iiaId: string | null,
  partnerHeiId: string | null,
): Promise<string | null> {
  if (!iiaId) return null;
  let query = db
    .selectFrom("agreement_iia")
    .select("agreement_id")
    .where((eb) => eb.or([eb("iia_id", "=", iiaId), eb("partner_iia_id", "=", iiaId)]));
  if (partnerHeiId) query = query.where("partner_hei_id", "=", partnerHeiId);
  return (await query.executeTakeFirst())?.agreement_id ?? null;
}
