import type { Actor, AgreementView, UiLanguage } from "@conventio/domain";
import type { Kysely } from "kysely";
import type { DB } from "#db/schema.js";
import { withPublicNames } from "#modules/people/public-naming.js";
import { AppError } from "#shared/app-error.js";
import type { Deps } from "#shared/deps.js";
import { agreementPolicy } from "./agreement.policy.js";
import type { AgreementRow } from "./agreement.repository.js";
import * as repo from "./agreement.repository.js";

type View = (trx: Kysely<DB>, row: AgreementRow, lang: UiLanguage) => Promise<AgreementView>;

/** What the public may read of one agreement: public agreements only, without the parts kept internal. */
export function createPublicAgreementReads(deps: Deps, view: View) {
  const { db } = deps;

  /** Related agreements (chain, framework, specifics) that may be named: public ones past the draft. */
  async function publishedRelations(full: AgreementView): Promise<Set<string>> {
    const related = [...full.specifics, ...full.chain, ...(full.framework ? [full.framework] : [])].map((r) => r.id);
    const rows = await db
      .selectFrom("agreement")
      .select("id")
      .where("id", "in", related)
      .where("visibility", "=", "public")
      .where("status", "!=", "draft")
      .execute();
    return new Set(rows.map((r) => r.id));
  }

  return {
    /** A public agreement as the public sees it: the parts kept internal are emptied. */
    async getPublicAgreement(id: string, lang: UiLanguage = "en"): Promise<AgreementView> {
      const row = await repo.findAgreement(db, id);
      if (row?.visibility !== "public" || !row) throw AppError.notFound("This agreement");
      const full = await view(db, row, lang);
      const hidden = new Set(full.internalFields);
      const open = await publishedRelations(full);
      return withPublicNames(db, {
        ...full,
        summary: hidden.has("summary") ? null : full.summary,
        summaries: hidden.has("summary") ? [] : full.summaries,
        signatories: hidden.has("signatories") ? [] : full.signatories,
        commitments: hidden.has("commitments") ? [] : full.commitments,
        objectives: hidden.has("objectives") ? [] : full.objectives,
        axes: hidden.has("axes") ? [] : full.axes,
        history: hidden.has("history") ? [] : full.history,
        framework: full.framework && open.has(full.framework.id) ? full.framework : null,
        specifics: full.specifics.filter((s) => open.has(s.id)),
        chain: full.chain.filter((c) => c.id === full.id || open.has(c.id)),
        allowedActions: [],
      });
    },

    /**
     * What a partnership page is made from: the whole agreement and which of its related
     * agreements may be named. The public reaches public agreements only; staff preview any
     * agreement as it would read once published.
     */
    async partnershipSource(
      actor: Actor,
      id: string,
      mode: "public" | "preview",
    ): Promise<{ full: AgreementView; related: Set<string> }> {
      if (mode === "preview") agreementPolicy.read(actor);
      const row = await repo.findAgreement(db, id);
      if (!row || (mode === "public" && row.visibility !== "public")) throw AppError.notFound("This agreement");
      // The partnership page picks each text in the reader's language itself, from the originals.
      const full = await view(db, row, "en");
      return { full, related: await publishedRelations(full) };
    },
  };
}
