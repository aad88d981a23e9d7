import type { Kysely } from "kysely";
import type { DB } from "#db/schema.js";
import type { SearchIndex } from "#db/search-index.js";
import type { AgreementRow } from "./agreement.repository.js";
import * as repo from "./agreement.repository.js";

/** Rewrites an agreement's search document from its row, parties and themes. */
export async function reindexAgreement(trx: Kysely<DB>, search: SearchIndex, row: AgreementRow): Promise<void> {
  const [parties, themes] = await Promise.all([
    repo.partiesOf(trx, [row.id]),
    trx.selectFrom("agreement_theme").select("label").where("agreement_id", "=", row.id).execute(),
  ]);
  const titles = (JSON.parse(row.titles) as Array<{ value: string }>).map((t) => t.value);
  await search.put(trx, "agreement", row.id, [
    row.reference,
    row.title,
    ...titles,
    row.summary,
    ...parties.map((p) => p.name),
    ...themes.map((t) => t.label),
  ]);
}
