import {
  type Actor,
  type AgreementListQuery,
  type AgreementRef,
  type AgreementSummary,
  type AgreementView,
  addDays,
  allowedActions,
  type CreateAgreementInput,
  effectiveStatus,
  foldText,
  type GuardedField,
  ISCED_FIELDS,
  type OrganisationKind,
  type Page,
  type StoredStatus,
  type TransitionInput,
  targetStatus,
  transitionViolations,
  type UpdateAgreementInput,
} from "@conventio/domain";
import type { Kysely } from "kysely";
import type { DB } from "#db/schema.js";
import { decodeCursor, toPage } from "#http/pagination.js";
import { diffOf, recordAudit } from "#modules/audit/audit.service.js";
import type { DocumentDetacher } from "#modules/documents/document.service.js";
import { AppError } from "#shared/app-error.js";
import { type Deps, nowIso } from "#shared/deps.js";
import { newId } from "#shared/ids.js";
import { actorId } from "#shared/policy.js";
import { agreementPolicy } from "./agreement.policy.js";
import type { AgreementRow } from "./agreement.repository.js";
import * as repo from "./agreement.repository.js";

type Content = Pick<CreateAgreementInput, "parties" | "signatories" | "themes" | "axes" | "commitments">;

export interface AgreementSettings {
  expiringWindowDays: number;
}

export function createAgreementService(deps: Deps, settings: AgreementSettings, detachDocuments: DocumentDetacher) {
  const { db, search, clock } = deps;
  const today = () => clock.now().toISOString().slice(0, 10);
  const statusOf = (r: Pick<AgreementRow, "status" | "ends_on">) =>
    effectiveStatus(r.status, r.ends_on, today(), settings.expiringWindowDays);
  const refOf = (r: AgreementRow): AgreementRef => ({
    id: r.id,
    reference: r.reference,
    title: r.title,
    status: statusOf(r),
    startsOn: r.starts_on,
    endsOn: r.ends_on,
  });

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

  /** Every organisation and person the input refers to must exist; the error names the field. */
  async function assertReferences(
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
    if (errors.length) throw new AppError("validation_failed", errors[0]?.message ?? "Invalid reference.", { errors });
  }

  async function writeContent(trx: Kysely<DB>, id: string, c: Partial<Content>): Promise<void> {
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
              signed_on: s.signedOn,
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

  async function reindex(trx: Kysely<DB>, row: AgreementRow): Promise<void> {
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

  async function recordEvent(
    trx: Kysely<DB>,
    row: AgreementRow,
    actor: Actor,
    action: string,
    to: StoredStatus,
    note: string | null,
  ) {
    await trx
      .insertInto("agreement_event")
      .values({
        id: newId(),
        agreement_id: row.id,
        at: nowIso(deps),
        actor_id: actorId(actor),
        action,
        from_status: row.status,
        to_status: to,
        note,
      })
      .execute();
  }

  /** The renewal chain through predecessor links, oldest first. */
  async function chainOf(trx: Kysely<DB>, row: AgreementRow): Promise<AgreementRow[]> {
    const back: AgreementRow[] = [];
    let cursor: AgreementRow | undefined = row;
    const seen = new Set([row.id]);
    while (cursor?.predecessor_id && !seen.has(cursor.predecessor_id)) {
      seen.add(cursor.predecessor_id);
      cursor = await repo.findAgreement(trx, cursor.predecessor_id);
      if (cursor) back.unshift(cursor);
    }
    const forward: AgreementRow[] = [];
    let next = await trx
      .selectFrom("agreement")
      .selectAll()
      .where("predecessor_id", "=", row.id)
      .orderBy("starts_on")
      .executeTakeFirst();
    while (next && !seen.has(next.id)) {
      seen.add(next.id);
      forward.push(next);
      next = await trx
        .selectFrom("agreement")
        .selectAll()
        .where("predecessor_id", "=", next.id)
        .orderBy("starts_on")
        .executeTakeFirst();
    }
    return [...back, row, ...forward];
  }

  async function view(trx: Kysely<DB>, row: AgreementRow): Promise<AgreementView> {
    const [parties, signatories, themes, axes, commitments, events, specifics, framework, chain] = await Promise.all([
      repo.partiesOf(trx, [row.id]),
      trx
        .selectFrom("agreement_signatory as s")
        .leftJoin("person as p", "p.id", "s.person_id")
        .leftJoin("organisation as o", "o.id", "s.organisation_id")
        .select([
          "s.id",
          "s.name",
          "s.signed_on",
          "s.place",
          "p.id as person_id",
          "p.given_name",
          "p.family_name",
          "o.id as org_id",
          "o.name as org_name",
          "o.kind as org_kind",
        ])
        .where("s.agreement_id", "=", row.id)
        .orderBy("s.position")
        .execute(),
      trx.selectFrom("agreement_theme").select("label").where("agreement_id", "=", row.id).orderBy("label").execute(),
      trx.selectFrom("agreement_axis").selectAll().where("agreement_id", "=", row.id).orderBy("position").execute(),
      trx
        .selectFrom("agreement_commitment as c")
        .leftJoin("organisation as o", "o.id", "c.organisation_id")
        .select(["c.kind", "c.description", "c.levels", "o.id as org_id", "o.name as org_name", "o.kind as org_kind"])
        .where("c.agreement_id", "=", row.id)
        .orderBy("c.position")
        .execute(),
      trx
        .selectFrom("agreement_event as e")
        .leftJoin("app_user as u", "u.id", "e.actor_id")
        .select(["e.at", "e.action", "e.from_status", "e.to_status", "e.note", "u.name as actor"])
        .where("e.agreement_id", "=", row.id)
        .orderBy("e.at")
        .orderBy("e.id")
        .execute(),
      trx.selectFrom("agreement").selectAll().where("framework_id", "=", row.id).orderBy("sort_key").execute(),
      row.framework_id ? repo.findAgreement(trx, row.framework_id) : Promise.resolve(undefined),
      chainOf(trx, row),
    ]);
    const coordinatorIds = [...new Set(axes.flatMap((a) => JSON.parse(a.coordinator_ids) as string[]))];
    const coordinators = coordinatorIds.length
      ? await trx
          .selectFrom("person")
          .select(["id", "given_name", "family_name"])
          .where("id", "in", coordinatorIds)
          .execute()
      : [];
    const personName = new Map(coordinators.map((p) => [p.id, `${p.given_name} ${p.family_name}`]));
    const status = statusOf(row);
    const org = (id: string | null, name: string | null, kind: OrganisationKind | null) =>
      id && name && kind ? { id, name, kind } : null;
    return {
      id: row.id,
      reference: row.reference,
      kind: row.kind,
      title: row.title,
      status,
      signedOn: row.signed_on,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      visibility: row.visibility,
      parties: parties.map((p) => ({ id: p.id, name: p.name, kind: p.kind })),
      titles: JSON.parse(row.titles) as AgreementView["titles"],
      summary: row.summary,
      summaries: JSON.parse(row.summaries) as AgreementView["summaries"],
      noticeMonths: row.notice_months,
      tacitRenewal: row.tacit_renewal === 1,
      terminatedOn: row.terminated_on,
      terminationReason: row.termination_reason,
      framework: framework ? refOf(framework) : null,
      specifics: specifics.map(refOf),
      chain: chain.map(refOf),
      partyDetails: parties.map((p) => ({
        organisation: { id: p.id, name: p.name, kind: p.kind },
        role: p.role,
        responsibleUnit: org(p.unit_id, p.unit_name, p.unit_kind),
      })),
      signatories: signatories.map((s) => ({
        id: s.id,
        name: s.name,
        person: s.person_id ? { id: s.person_id, name: `${s.given_name} ${s.family_name}` } : null,
        organisation: org(s.org_id, s.org_name, s.org_kind),
        signedOn: s.signed_on,
        place: s.place,
      })),
      themes: themes.map((t) => t.label),
      fields: (JSON.parse(row.fields) as string[]).map((code) => ({ code, name: ISCED_FIELDS[code] ?? code })),
      objectives: JSON.parse(row.objectives) as string[],
      axes: axes.map((a) => ({
        id: a.id,
        kind: a.kind,
        title: a.title,
        description: a.description,
        coordinators: (JSON.parse(a.coordinator_ids) as string[])
          .filter((id) => personName.has(id))
          .map((id) => ({ id, name: personName.get(id) ?? "" })),
        objectives: JSON.parse(a.objectives) as string[],
      })),
      commitments: commitments.map((c) => ({
        organisation: org(c.org_id, c.org_name, c.org_kind),
        kind: c.kind as AgreementView["commitments"][number]["kind"],
        description: c.description,
        levels: JSON.parse(c.levels) as string[],
      })),
      history: events.map((e) => ({
        at: e.at,
        action: e.action,
        from: e.from_status,
        to: e.to_status,
        actor: e.actor,
        note: e.note,
      })),
      internalFields: JSON.parse(row.internal_fields) as GuardedField[],
      // Once renewed, the way forward is the successor, not a second renewal.
      allowedActions: allowedActions(status).filter((a) => a !== "renew" || chain.at(-1)?.id === row.id),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  /** One page of agreement summaries, parties included; the keyset is (sort key, id). */
  async function listSummaries(
    q: AgreementListQuery & { visibility?: "public"; cursor?: string | undefined; limit: number },
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
      (r) => ({ key: r.sort_key, id: r.id }),
      (r) => ({
        id: r.id,
        reference: r.reference,
        kind: r.kind,
        title: r.title,
        status: statusOf(r),
        signedOn: r.signed_on,
        startsOn: r.starts_on,
        endsOn: r.ends_on,
        visibility: r.visibility,
        parties: parties.filter((p) => p.agreement_id === r.id).map((p) => ({ id: p.id, name: p.name, kind: p.kind })),
      }),
    );
  }

  async function insertAgreement(
    trx: Kysely<DB>,
    actor: Actor,
    input: CreateAgreementInput,
    predecessorId: string | null,
    action: string,
  ): Promise<AgreementRow> {
    const now = nowIso(deps);
    await assertReferences(trx, input, input.frameworkId, null);
    const year = (input.signedOn ?? input.startsOn ?? today()).slice(0, 4);
    const reference = input.reference ?? (await repo.nextReference(trx, year));
    const taken = await trx.selectFrom("agreement").select("id").where("reference", "=", reference).executeTakeFirst();
    if (taken)
      throw AppError.field("conflict", "reference", `Another agreement already has the reference ${reference}.`);
    const row: AgreementRow = {
      id: newId(),
      reference,
      kind: input.kind,
      title: input.title,
      sort_key: foldText(input.title),
      titles: JSON.stringify(input.titles),
      summary: input.summary,
      summaries: JSON.stringify(input.summaries),
      status: "draft",
      signed_on: input.signedOn,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      notice_months: input.noticeMonths,
      tacit_renewal: input.tacitRenewal ? 1 : 0,
      terminated_on: null,
      termination_reason: null,
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
    await reindex(trx, row);
    await trx
      .insertInto("agreement_event")
      .values({
        id: newId(),
        agreement_id: row.id,
        at: now,
        actor_id: actorId(actor),
        action,
        from_status: null,
        to_status: "draft",
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

  return {
    async listAgreements(
      actor: Actor,
      q: AgreementListQuery & { cursor?: string | undefined; limit: number },
    ): Promise<Page<AgreementSummary>> {
      agreementPolicy.read(actor);
      return listSummaries(q);
    },

    /** The public's list: public agreements only. */
    async listPublicAgreements(
      q: AgreementListQuery & { cursor?: string | undefined; limit: number },
    ): Promise<Page<AgreementSummary>> {
      return listSummaries({ ...q, visibility: "public" });
    },

    /** A public agreement as the public sees it: the parts kept internal are emptied. */
    async getPublicAgreement(id: string): Promise<AgreementView> {
      const row = await repo.findAgreement(db, id);
      if (row?.visibility !== "public" || !row) throw AppError.notFound("This agreement");
      const full = await view(db, row);
      const hidden = new Set(full.internalFields);
      // Related agreements are named only when they are public too, and past the draft.
      const related = [...full.specifics, ...full.chain, ...(full.framework ? [full.framework] : [])].map((r) => r.id);
      const open = new Set(
        (
          await db
            .selectFrom("agreement")
            .select("id")
            .where("id", "in", related)
            .where("visibility", "=", "public")
            .where("status", "!=", "draft")
            .execute()
        ).map((r) => r.id),
      );
      return {
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
      };
    },

    async getAgreement(actor: Actor, id: string): Promise<AgreementView> {
      agreementPolicy.read(actor);
      return view(db, await requireAgreement(db, id));
    },

    async createAgreement(actor: Actor, input: CreateAgreementInput): Promise<AgreementView> {
      agreementPolicy.write(actor);
      return db
        .transaction()
        .execute(async (trx) => view(trx, await insertAgreement(trx, actor, input, null, "create")));
    },

    async updateAgreement(actor: Actor, id: string, patch: UpdateAgreementInput): Promise<AgreementView> {
      agreementPolicy.write(actor);
      return db.transaction().execute(async (trx) => {
        const before = await requireAgreement(trx, id);
        await assertReferences(trx, patch, patch.frameworkId, id);
        const startsOn = patch.startsOn === undefined ? before.starts_on : patch.startsOn;
        const endsOn = patch.endsOn === undefined ? before.ends_on : patch.endsOn;
        if (startsOn && endsOn && endsOn < startsOn) {
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
              `Another agreement already has the reference ${patch.reference}.`,
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
          signed_on: patch.signedOn === undefined ? before.signed_on : patch.signedOn,
          starts_on: startsOn,
          ends_on: endsOn,
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
        await reindex(trx, after);
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
        return view(trx, after);
      });
    },

    async deleteAgreement(actor: Actor, id: string): Promise<void> {
      agreementPolicy.write(actor);
      const removeFiles = await db.transaction().execute(async (trx) => {
        const row = await requireAgreement(trx, id);
        if (row.status !== "draft")
          throw new AppError("conflict", "Only a draft can be deleted; terminate a signed agreement instead.");
        const detached = await detachDocuments(trx, "agreement", id);
        await trx.deleteFrom("agreement").where("id", "=", id).execute();
        await search.remove(trx, "agreement", id);
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

    /** Moves an agreement through its life; refused moves answer with the rule that stops them. */
    async transitionAgreement(actor: Actor, id: string, input: TransitionInput): Promise<AgreementView> {
      agreementPolicy.write(actor);
      return db.transaction().execute(async (trx) => {
        const row = await lockAgreement(trx, id);
        const status = statusOf(row);
        const [signatories, parties] = await Promise.all([
          trx.selectFrom("agreement_signatory").select("id").where("agreement_id", "=", id).execute(),
          trx.selectFrom("agreement_party").select("organisation_id").where("agreement_id", "=", id).execute(),
        ]);
        const violations = transitionViolations(
          input.action,
          {
            status,
            signedOn: row.signed_on,
            startsOn: row.starts_on,
            endsOn: row.ends_on,
            signatories: signatories.length,
            parties: parties.length,
          },
          { on: input.on, reason: input.reason },
        );
        if (violations.length) {
          const code = violations[0]?.field === "action" ? "conflict" : "validation_failed";
          throw new AppError(code, violations.map((v) => v.message).join(" "), { errors: violations });
        }
        const to = targetStatus(input.action, status);
        const now = nowIso(deps);
        const after: AgreementRow = {
          ...row,
          status: to,
          starts_on: input.action === "activate" ? (row.starts_on ?? row.signed_on) : row.starts_on,
          terminated_on: input.action === "terminate" ? input.on : row.terminated_on,
          termination_reason: input.action === "terminate" ? input.reason : row.termination_reason,
          ends_on:
            input.action === "terminate" && input.on && (!row.ends_on || input.on < row.ends_on)
              ? input.on
              : row.ends_on,
          updated_at: now,
        };
        await trx
          .updateTable("agreement")
          .set({
            status: to,
            starts_on: after.starts_on,
            ends_on: after.ends_on,
            terminated_on: after.terminated_on,
            termination_reason: after.termination_reason,
            updated_at: now,
          })
          .where("id", "=", id)
          .execute();
        await recordEvent(trx, row, actor, input.action, to, input.note ?? input.reason);
        // Activating a renewal closes the agreement it renews.
        if (input.action === "activate" && row.predecessor_id) {
          const previous = await repo.findAgreement(trx, row.predecessor_id);
          if (previous && previous.status === "active") {
            await trx
              .updateTable("agreement")
              .set({ status: "renewed", updated_at: now })
              .where("id", "=", previous.id)
              .execute();
            await recordEvent(trx, previous, actor, "renewed", "renewed", `Renewed by ${row.reference}`);
          }
        }
        await recordAudit(trx, now, {
          actor,
          action: `agreement.${input.action}`,
          entity: "agreement",
          entityId: id,
          changes: { status: [status, to], on: input.on, reason: input.reason },
        });
        return view(trx, after);
      });
    },

    /** Creates the successor of an agreement as a draft, pre-filled, linked into the renewal chain. */
    async renewAgreement(actor: Actor, id: string): Promise<AgreementView> {
      agreementPolicy.write(actor);
      return db.transaction().execute(async (trx) => {
        const row = await lockAgreement(trx, id);
        const status = statusOf(row);
        if (!allowedActions(status).includes("renew")) {
          throw AppError.field(
            "conflict",
            "action",
            `An agreement that is ${status.replace("_", " ")} cannot be renewed.`,
          );
        }
        const existing = await trx
          .selectFrom("agreement")
          .select(["reference"])
          .where("predecessor_id", "=", id)
          .executeTakeFirst();
        if (existing) throw new AppError("conflict", `This agreement is already renewed by ${existing.reference}.`);
        const current = await view(trx, row);
        const startsOn = row.ends_on ? addDays(row.ends_on, 1) : today();
        const lengthDays =
          row.starts_on && row.ends_on
            ? Math.round((Date.parse(row.ends_on) - Date.parse(row.starts_on)) / 86_400_000)
            : null;
        const successor = await insertAgreement(
          trx,
          actor,
          {
            kind: row.kind,
            reference: null,
            title: row.title,
            titles: current.titles,
            summary: row.summary,
            summaries: current.summaries,
            signedOn: null,
            startsOn,
            endsOn: lengthDays === null ? null : addDays(startsOn, lengthDays),
            noticeMonths: row.notice_months,
            tacitRenewal: row.tacit_renewal === 1,
            frameworkId: row.framework_id,
            visibility: row.visibility,
            internalFields: current.internalFields,
            parties: current.partyDetails.map((p) => ({
              organisationId: p.organisation.id,
              role: p.role,
              responsibleUnitId: p.responsibleUnit?.id ?? null,
            })),
            signatories: [],
            themes: current.themes,
            fields: current.fields.map((f) => f.code),
            objectives: current.objectives,
            axes: current.axes.map((a) => ({
              kind: a.kind,
              title: a.title,
              description: a.description,
              coordinatorIds: a.coordinators.map((c) => c.id),
              objectives: a.objectives,
            })),
            commitments: current.commitments.map((c) => ({
              organisationId: c.organisation?.id ?? null,
              kind: c.kind,
              description: c.description,
              levels: c.levels as Array<"bachelor" | "master" | "doctorate" | "postdoc" | "staff">,
            })),
          },
          id,
          "renew",
        );
        return view(trx, successor);
      });
    },
  };
}
export type AgreementService = ReturnType<typeof createAgreementService>;
