import {
  type Actor,
  type AgreementView,
  CreateAgreementInput,
  foldText,
  type ImportRowOutcome,
  type PAST_STATUSES,
  type UpdateAgreementInput,
} from "@conventio/domain";
import type { KindImporter } from "./import-kind.js";
import { sameSet } from "./import-kind.js";
import { resolveOrganisations } from "./import-refs.js";
import { outcome, type RowReader, topField } from "./import-row.js";
import type { Writers } from "./import-writers.js";

/** Statuses an import records; the clock's expiring and expired are active ones. */
const IMPORT_STATUSES: Record<string, "draft" | (typeof PAST_STATUSES)[number]> = {
  draft: "draft",
  active: "active",
  expiring: "active",
  expired: "active",
  renewed: "renewed",
  terminated: "terminated",
};

interface AgreementRowInput {
  id: string | null;
  status: "draft" | (typeof PAST_STATUSES)[number];
  terminatedOn: string | null;
  input: CreateAgreementInput;
  given: Set<string>;
}

const stored = (status: string) => IMPORT_STATUSES[status] ?? status;

async function findMatch(w: Writers, actor: Actor, v: AgreementRowInput) {
  if (v.input.reference) {
    const row = await w.db
      .selectFrom("agreement")
      .select("id")
      .where("reference", "=", v.input.reference)
      .executeTakeFirst();
    return row?.id;
  }
  // Without a reference: the same title, kind and start.
  const rows = await w.db
    .selectFrom("agreement")
    .select("id")
    .where("sort_key", "=", foldText(v.input.title))
    .where("kind", "=", v.input.kind)
    .limit(20)
    .execute();
  for (const row of rows) {
    const a = await w.agreements.getAgreement(actor, row.id);
    if (a.startsOn === v.input.startsOn) return a.id;
  }
  return undefined;
}

function patchOf(v: AgreementRowInput, before: AgreementView): UpdateAgreementInput {
  const { input, given } = v;
  const patch: UpdateAgreementInput = {};
  if (before.title !== input.title) patch.title = input.title;
  if (before.kind !== input.kind) patch.kind = input.kind;
  for (const key of ["signedOn", "startsOn", "endsOn"] as const) {
    if (given.has(key) && before[key] !== input[key]) patch[key] = input[key];
  }
  if (given.has("language") && before.language !== input.language) patch.language = input.language;
  if (given.has("summary") && before.summary !== input.summary) patch.summary = input.summary;
  if (given.has("noticeMonths") && before.noticeMonths !== input.noticeMonths) patch.noticeMonths = input.noticeMonths;
  if (given.has("tacitRenewal") && before.tacitRenewal !== input.tacitRenewal) patch.tacitRenewal = input.tacitRenewal;
  if (given.has("visibility") && before.visibility !== input.visibility) patch.visibility = input.visibility;
  if (given.has("themes") && !sameSet(before.themes.map(foldText), input.themes.map(foldText)))
    patch.themes = input.themes;
  if (
    given.has("fields") &&
    !sameSet(
      before.fields.map((f) => f.code),
      input.fields,
    )
  )
    patch.fields = input.fields;
  const partyIds = input.parties.map((p) => p.organisationId);
  if (
    given.has("parties") &&
    !sameSet(
      before.parties.map((p) => p.id),
      partyIds,
    )
  ) {
    patch.parties = partyIds.map((organisationId) => {
      const kept = before.partyDetails.find((d) => d.organisation.id === organisationId);
      return {
        organisationId,
        role: kept?.role ?? "partner",
        responsibleUnitId: kept?.responsibleUnit?.id ?? null,
      };
    });
  }
  return patch;
}

export const agreementImporter: KindImporter<AgreementRowInput> = {
  fallback: "title",

  fieldOf(path) {
    const top = topField(path);
    return top === "frameworkId" || top === "predecessorId" ? "title" : top;
  },

  read(r: RowReader): AgreementRowInput | null {
    const statusText = r
      .text("status")
      ?.toLowerCase()
      .replace(/[\s-]+/g, "_");
    const status = statusText ? IMPORT_STATUSES[statusText] : "draft";
    if (!status) r.fail("status", "An import records agreements as draft, active, renewed or terminated.");
    const noticeMonths = r.integer("noticeMonths");
    const tacitRenewal = r.yesNo("tacitRenewal");
    const parsed = CreateAgreementInput.safeParse({
      kind: r.text("kind")?.toLowerCase() ?? "",
      reference: r.text("reference"),
      title: r.text("title") ?? "",
      language: r.text("language")?.toLowerCase() ?? null,
      summary: r.text("summary"),
      signedOn: r.text("signedOn"),
      startsOn: r.text("startsOn"),
      endsOn: r.text("endsOn"),
      noticeMonths: noticeMonths ?? null,
      tacitRenewal: tacitRenewal ?? false,
      visibility: r.text("visibility")?.toLowerCase() ?? "internal",
      themes: r.list("themes"),
      fields: r.list("fields"),
    });
    if (!parsed.success) r.addIssues(parsed.error.issues, (path) => String(path[0] ?? "title"));
    const terminatedOn = r.text("terminatedOn");
    if (terminatedOn && status !== "terminated")
      r.fail("terminatedOn", "Only a terminated agreement has a termination");
    if (!parsed.success || !status || r.errors.length > 0) return null;
    const given = new Set(
      [
        "signedOn",
        "startsOn",
        "endsOn",
        "language",
        "summary",
        "noticeMonths",
        "tacitRenewal",
        "visibility",
        "themes",
        "fields",
        "parties",
      ].filter((f) => r.text(f)),
    );
    return { id: r.text("id"), status, terminatedOn, input: parsed.data, given };
  },

  async write(v, w, actor, r): Promise<ImportRowOutcome | null> {
    const partyIds = await resolveOrganisations(w.db, r, "parties");
    if (!partyIds) return null;
    const input: CreateAgreementInput = {
      ...v.input,
      parties: partyIds.map((organisationId) => ({ organisationId, role: "partner", responsibleUnitId: null })),
    };
    const row = { ...v, input };
    let matchId: string | undefined;
    if (v.id) {
      matchId = (await w.db.selectFrom("agreement").select("id").where("id", "=", v.id).executeTakeFirst())?.id;
      if (!matchId) {
        r.fail("id", "No agreement has this id.");
        return null;
      }
    } else matchId = await findMatch(w, actor, row);
    if (!matchId) {
      const created =
        v.status === "draft"
          ? await w.agreements.createAgreement(actor, input)
          : await w.agreements.recordPastAgreement(actor, {
              ...input,
              status: v.status,
              predecessorId: null,
              terminatedOn: v.terminatedOn,
              terminationReason: null,
            });
      return outcome(r.row, "create", created.id, input.title);
    }
    const before = await w.agreements.getAgreement(actor, matchId);
    if (r.text("status") && stored(before.status) !== v.status) {
      r.fail("status", "The status of an existing agreement changes through its lifecycle, not by import.");
      return null;
    }
    const patch = patchOf(row, before);
    if (Object.keys(patch).length === 0) return outcome(r.row, "unchanged", matchId, input.title);
    await w.agreements.updateAgreement(actor, matchId, patch);
    return outcome(r.row, "update", matchId, input.title);
  },
};
