import {
  type Actor,
  type AgreementListQuery,
  type AgreementSummary,
  type AgreementView,
  asWritten,
  type CreateAgreementInput,
  type DatePrecision,
  effectiveStatus,
  foldText,
  type Page,
  type RecordPastAgreementInput,
  type UiLanguage,
  type UpdateAgreementInput,
} from "@conventio/domain";
import type { Kysely } from "kysely";
import type { DB } from "#db/schema.js";
import { decodeCursor, toPage } from "#http/pagination.js";
import { requireInScope, requireResponsibleUnit, unitsOf } from "#modules/accounts/unit-scope.js";
import { diffOf, recordAudit } from "#modules/audit/audit.service.js";
import type { DocumentDetacher } from "#modules/documents/document.service.js";
import { withdrawIiaOf } from "#modules/ewp/iia-withdrawal.js";
import { presentRef } from "#modules/organisations/organisation.presenter.js";
import { AppError } from "#shared/app-error.js";
import { storedEnd, storedStart } from "#shared/dates.js";
import { type Deps, nowIso } from "#shared/deps.js";
import { newId } from "#shared/ids.js";
import { actorId } from "#shared/policy.js";
import { agreementPolicy } from "./agreement.policy.js";
import { createAgreementPresenter, shownTitle } from "./agreement.presenter.js";
import type { AgreementRow } from "./agreement.repository.js";
import * as repo from "./agreement.repository.js";
import { assertReferences, writeContent } from "./agreement-content.js";
import { createAgreementLifecycle } from "./agreement-lifecycle.js";
import { createPublicAgreementReads } from "./agreement-public.js";
import { reindexAgreement, unindexAgreement } from "./agreement-search.js";
import { keysetOf } from "./agreement-sort.js";

/** How a past agreement stands when it is recorded afterwards. */
interface PastState {
  status: "active" | "renewed" | "terminated";
  terminatedOn: string | null;
  terminationReason: string | null;
}

export interface AgreementSettings {
  expiringWindowDays: number;
}

export function createAgreementService(deps: Deps, settings: AgreementSettings, detachDocuments: DocumentDetacher) {
  const { db, search, clock } = deps;
  const today = () => clock.now().toISOString().slice(0, 10);
  const statusOf = (r: Pick<AgreementRow, "status" | "ends_on">) =>
    effectiveStatus(r.status, r.ends_on, today(), settings.expiringWindowDays);
  const presenter = createAgreementPresenter(statusOf);
  const { view } = presenter;

  /**
   * The agreement, locked until the transaction ends on PostgreSQL, so that two renewals or
   * transitions of the same agreement run one after the other (SQLite writes one at a time anyway).
   */
  async function lockAgreement(trx: Kysely<DB>, id: string): Promise<AgreementRow> {
    if (deps.dialect !== "postgres") return requireAgreement(trx, id);
    const row = await trx.selectFrom("agreement").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
    if (!row) throw AppError.notFound("This agreement");
    return row;
  }

  async function requireAgreement(trx: Kysely<DB>, id: string): Promise<AgreementRow> {
    const row = await repo.findAgreement(trx, id);
    if (!row) throw AppError.notFound("This agreement");
    return row;
  }

  /**
   * One page of agreement summaries, parties included; the keyset is (sort key, id). Titles and
   * names come in the reader's language from the columns already read: no query per row.
   */
  async function listSummaries(
    q: AgreementListQuery & {
      visibility?: "public";
      units?: readonly string[];
      cursor?: string | undefined;
      limit: number;
    },
    lang: UiLanguage,
  ): Promise<Page<AgreementSummary>> {
    const rows = await repo.listAgreementRows(
      db,
      search,
      q,
      today(),
      settings.expiringWindowDays,
      decodeCursor(q.cursor),
      q.limit,
    );
    const parties = await repo.partiesOf(
      db,
      rows.slice(0, q.limit).map((r) => r.id),
    );
    return toPage(
      rows,
      q.limit,
      (r) => keysetOf(q.sort, r),
      (r) => ({
        id: r.id,
        reference: r.reference,
        kind: r.kind,
        title: r.title,
        shown: shownTitle(r, lang),
        status: statusOf(r),
        signedOn: asWritten(r.signed_on, r.signed_on_precision),
        startsOn: asWritten(r.starts_on, r.starts_on_precision),
        endsOn: asWritten(r.ends_on, r.ends_on_precision),
        visibility: r.visibility,
        parties: parties.filter((p) => p.agreement_id === r.id).map((p) => presentRef(p, lang)),
      }),
    );
  }

  async function insertAgreement(
    trx: Kysely<DB>,
    actor: Actor,
    input: CreateAgreementInput,
    predecessorId: string | null,
    action: string,
    past: PastState | null = null,
  ): Promise<AgreementRow> {
    const now = nowIso(deps);
    await assertReferences(trx, input, input.frameworkId, null);
    const signed = storedStart(input.signedOn);
    const starts = storedStart(input.startsOn);
    const ends = storedEnd(input.endsOn);
    const terminated = storedStart(past?.terminatedOn ?? null);
    const year = (input.signedOn ?? input.startsOn ?? today()).slice(0, 4);
    const reference = input.reference ?? (await repo.nextReference(trx, year));
    const taken = await trx.selectFrom("agreement").select("id").where("reference", "=", reference).executeTakeFirst();
    if (taken)
      throw AppError.field("conflict", "reference", "Another agreement already has the reference {{reference}}.", {
        reference,
      });
    const row: AgreementRow = {
      id: newId(),
      reference,
      kind: input.kind,
      title: input.title,
      sort_key: foldText(input.title),
      titles: JSON.stringify(input.titles),
      summary: input.summary,
      summaries: JSON.stringify(input.summaries),
      language: input.language,
      status: past?.status ?? "draft",
      recorded_as_past: past ? 1 : 0,
      signed_on: signed.date,
      signed_on_precision: signed.precision,
      starts_on: starts.date,
      starts_on_precision: starts.precision,
      ends_on: ends.date,
      ends_on_precision: ends.precision,
      notice_months: input.noticeMonths,
      tacit_renewal: input.tacitRenewal ? 1 : 0,
      terminated_on: terminated.date,
      termination_reason: past?.terminationReason ?? null,
      framework_id: input.frameworkId,
      predecessor_id: predecessorId,
      visibility: input.visibility,
      internal_fields: JSON.stringify([...new Set(input.internalFields)]),
      fields: JSON.stringify([...new Set(input.fields)]),
      objectives: JSON.stringify(input.objectives),
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto("agreement").values(row).execute();
    await writeContent(trx, row.id, input);
    await reindexAgreement(trx, search, row);
    await trx
      .insertInto("agreement_event")
      .values({
        id: newId(),
        agreement_id: row.id,
        at: now,
        actor_id: actorId(actor),
        action,
        from_status: null,
        to_status: row.status,
        note: null,
      })
      .execute();
    await recordAudit(trx, now, {
      actor,
      action: `agreement.${action}`,
      entity: "agreement",
      entityId: row.id,
      changes: { reference, title: row.title, kind: row.kind },
    });
    return row;
  }

  const lifecycle = createAgreementLifecycle(deps, { today, statusOf, presenter, lockAgreement, insertAgreement });
  const publicReads = createPublicAgreementReads(deps, view);

  // Every view shows titles and organisations' names in `lang`, the reader's language: routes pass
  // the request's; the command line and the demo seed read English.
  return {
    ...lifecycle,
    ...publicReads,

    /** The status people see, which follows the clock for active agreements. */
    statusOf,

    async listAgreements(
      actor: Actor,
      q: AgreementListQuery & { cursor?: string | undefined; limit: number },
      lang: UiLanguage = "en",
    ): Promise<Page<AgreementSummary>> {
      agreementPolicy.read(actor);
      const units = unitsOf(actor);
      return listSummaries(units ? { ...q, units } : q, lang);
    },

    /** The public's list: public agreements only; `units` keeps those one of these units is responsible for. */
    async listPublicAgreements(
      q: AgreementListQuery & { cursor?: string | undefined; limit: number; units?: readonly string[] | undefined },
      lang: UiLanguage = "en",
    ): Promise<Page<AgreementSummary>> {
      const { units, ...rest } = q;
      return listSummaries({ ...rest, visibility: "public", ...(units ? { units } : {}) }, lang);
    },

    async getAgreement(actor: Actor, id: string, lang: UiLanguage = "en"): Promise<AgreementView> {
      agreementPolicy.read(actor);
      const row = await requireAgreement(db, id);
      await requireInScope(db, actor, id);
      return view(db, row, lang);
    },

    async createAgreement(actor: Actor, input: CreateAgreementInput, lang: UiLanguage = "en"): Promise<AgreementView> {
      agreementPolicy.write(actor);
      requireResponsibleUnit(actor, input.parties);
      return db
        .transaction()
        .execute(async (trx) => view(trx, await insertAgreement(trx, actor, input, null, "create"), lang));
    },

    /**
     * Enters an agreement signed before Conventio was used, as it stands: its status is taken as
     * given, without the lifecycle's rules (no signatories need be invented), and the history and
     * the audit log say it was recorded afterwards.
     */
    async recordPastAgreement(
      actor: Actor,
      input: RecordPastAgreementInput,
      lang: UiLanguage = "en",
    ): Promise<AgreementView> {
      agreementPolicy.write(actor);
      requireResponsibleUnit(actor, input.parties);
      const { status, predecessorId, terminatedOn, terminationReason, ...content } = input;
      return db.transaction().execute(async (trx) => {
        if (predecessorId) {
          const predecessor = await repo.findAgreement(trx, predecessorId);
          if (!predecessor) throw AppError.field("validation_failed", "predecessorId", "No agreement has this id.");
          const successor = await trx
            .selectFrom("agreement")
            .select("reference")
            .where("predecessor_id", "=", predecessorId)
            .executeTakeFirst();
          if (successor)
            throw AppError.field("conflict", "predecessorId", "That agreement is already renewed by {{reference}}.", {
              reference: successor.reference,
            });
        }
        const row = await insertAgreement(trx, actor, content, predecessorId, "record_past", {
          status,
          terminatedOn,
          terminationReason,
        });
        return view(trx, row, lang);
      });
    },

    async updateAgreement(
      actor: Actor,
      id: string,
      patch: UpdateAgreementInput,
      lang: UiLanguage = "en",
    ): Promise<AgreementView> {
      agreementPolicy.write(actor);
      return db.transaction().execute(async (trx) => {
        const before = await requireAgreement(trx, id);
        await requireInScope(trx, actor, id);
        requireResponsibleUnit(actor, patch.parties);
        await assertReferences(trx, patch, patch.frameworkId, id);
        const kept = (date: string | null, precision: DatePrecision) => ({ date, precision });
        const signed =
          patch.signedOn === undefined
            ? kept(before.signed_on, before.signed_on_precision)
            : storedStart(patch.signedOn);
        const starts =
          patch.startsOn === undefined
            ? kept(before.starts_on, before.starts_on_precision)
            : storedStart(patch.startsOn);
        const ends =
          patch.endsOn === undefined ? kept(before.ends_on, before.ends_on_precision) : storedEnd(patch.endsOn);
        if (starts.date && ends.date && ends.date < starts.date) {
          throw AppError.field(
            "validation_failed",
            patch.endsOn !== undefined ? "endsOn" : "startsOn",
            "The agreement cannot end before it starts",
          );
        }
        if (patch.reference && patch.reference !== before.reference) {
          const taken = await trx
            .selectFrom("agreement")
            .select("id")
            .where("reference", "=", patch.reference)
            .executeTakeFirst();
          if (taken)
            throw AppError.field(
              "conflict",
              "reference",
              "Another agreement already has the reference {{reference}}.",
              { reference: patch.reference },
            );
        }
        const title = patch.title ?? before.title;
        const after: AgreementRow = {
          ...before,
          reference: patch.reference ?? before.reference,
          kind: patch.kind ?? before.kind,
          title,
          sort_key: foldText(title),
          titles: patch.titles ? JSON.stringify(patch.titles) : before.titles,
          summary: patch.summary === undefined ? before.summary : patch.summary,
          summaries: patch.summaries ? JSON.stringify(patch.summaries) : before.summaries,
          language: patch.language === undefined ? before.language : patch.language,
          signed_on: signed.date,
          signed_on_precision: signed.precision,
          starts_on: starts.date,
          starts_on_precision: starts.precision,
          ends_on: ends.date,
          ends_on_precision: ends.precision,
          notice_months: patch.noticeMonths === undefined ? before.notice_months : patch.noticeMonths,
          tacit_renewal: patch.tacitRenewal === undefined ? before.tacit_renewal : patch.tacitRenewal ? 1 : 0,
          framework_id: patch.frameworkId === undefined ? before.framework_id : patch.frameworkId,
          visibility: patch.visibility ?? before.visibility,
          internal_fields: patch.internalFields
            ? JSON.stringify([...new Set(patch.internalFields)])
            : before.internal_fields,
          fields: patch.fields ? JSON.stringify([...new Set(patch.fields)]) : before.fields,
          objectives: patch.objectives ? JSON.stringify(patch.objectives) : before.objectives,
          updated_at: nowIso(deps),
        };
        const { id: _id, created_at: _c, ...set } = after;
        await trx.updateTable("agreement").set(set).where("id", "=", id).execute();
        await writeContent(trx, id, patch);
        await reindexAgreement(trx, search, after);
        const { updated_at: _u1, sort_key: _s1, ...b } = before;
        const { updated_at: _u2, sort_key: _s2, ...a } = after;
        const content = Object.fromEntries(
          (["parties", "signatories", "themes", "axes", "commitments"] as const)
            .filter((k) => patch[k] !== undefined)
            .map((k) => [k, "replaced"]),
        );
        await recordAudit(trx, after.updated_at, {
          actor,
          action: "agreement.update",
          entity: "agreement",
          entityId: id,
          changes: { ...diffOf(b, a), ...content },
        });
        return view(trx, after, lang);
      });
    },

    async deleteAgreement(actor: Actor, id: string): Promise<void> {
      agreementPolicy.write(actor);
      const removeFiles = await db.transaction().execute(async (trx) => {
        const row = await requireAgreement(trx, id);
        await requireInScope(trx, actor, id);
        if (row.status !== "draft")
          throw new AppError("conflict", "Only a draft can be deleted; terminate a signed agreement instead.");
        await withdrawIiaOf(trx, id, nowIso(deps));
        const detached = await detachDocuments(trx, "agreement", id);
        await trx.deleteFrom("agreement").where("id", "=", id).execute();
        await unindexAgreement(trx, search, id);
        await recordAudit(trx, nowIso(deps), {
          actor,
          action: "agreement.delete",
          entity: "agreement",
          entityId: id,
          changes: { reference: row.reference },
        });
        return detached;
      });
      removeFiles();
    },
  };
}
export type AgreementService = ReturnType<typeof createAgreementService>;
