import {
  type Actor,
  asWritten,
  MEMBERSHIP_HOLDERS,
  type MembershipInput,
  type MembershipView,
  type UiLanguage,
} from "@conventio/domain";
import { recordAudit } from "#modules/audit/audit.service.js";
import { AppError } from "#shared/app-error.js";
import { storedEnd, storedStart } from "#shared/dates.js";
import { type Deps, nowIso } from "#shared/deps.js";
import { newId } from "#shared/ids.js";
import { organisationPolicy } from "./organisation.policy.js";
import { presentRef } from "./organisation.presenter.js";
import type * as repo from "./organisation.repository.js";
import { requireOrganisation } from "./organisation.repository.js";

/** A membership as listed, its dates as they were written ("since 2002"). */
export function presentMembership(
  m: Awaited<ReturnType<typeof repo.membershipsWhere>>[number],
  lang: UiLanguage,
): MembershipView {
  return {
    id: m.id,
    since: asWritten(m.since, m.since_precision),
    until: asWritten(m.until, m.until_precision),
    network: presentRef({ id: m.network_id, name: m.network_name, names: m.network_names, kind: m.network_kind }, lang),
    member: presentRef({ id: m.member_id, name: m.member_name, names: m.member_names, kind: m.member_kind }, lang),
  };
}

/** Members of networks and exchange programmes, with the dates they joined and left. */
export function createMembershipService(deps: Deps) {
  const { db } = deps;
  return {
    /** `lang`: the reader's language, which the two names are shown in. */
    async addMembership(
      actor: Actor,
      networkId: string,
      input: MembershipInput,
      lang: UiLanguage = "en",
    ): Promise<MembershipView> {
      organisationPolicy.write(actor);
      const now = nowIso(deps);
      return db.transaction().execute(async (trx) => {
        const network = await requireOrganisation(trx, networkId);
        if (!MEMBERSHIP_HOLDERS.has(network.kind)) {
          throw new AppError("conflict", "Only a network or an exchange programme has members.");
        }
        if (input.memberId === networkId)
          throw AppError.field("validation_failed", "memberId", "A network cannot be its own member.");
        const member = await requireOrganisation(trx, input.memberId, "memberId");
        const id = newId();
        const since = storedStart(input.since);
        const until = storedEnd(input.until);
        await trx
          .insertInto("membership")
          .values({
            id,
            network_id: networkId,
            member_id: member.id,
            since: since.date,
            since_precision: since.precision,
            until: until.date,
            until_precision: until.precision,
            created_at: now,
          })
          .execute();
        await recordAudit(trx, now, {
          actor,
          action: "membership.create",
          entity: "organisation",
          entityId: networkId,
          changes: { member: member.name, since: input.since, until: input.until },
        });
        return {
          id,
          since: input.since,
          until: input.until,
          network: presentRef(network, lang),
          member: presentRef(member, lang),
        };
      });
    },

    async removeMembership(actor: Actor, networkId: string, membershipId: string): Promise<void> {
      organisationPolicy.write(actor);
      const now = nowIso(deps);
      await db.transaction().execute(async (trx) => {
        const m = await trx
          .selectFrom("membership")
          .selectAll()
          .where("id", "=", membershipId)
          .where("network_id", "=", networkId)
          .executeTakeFirst();
        if (!m) throw AppError.notFound("This membership");
        await trx.deleteFrom("membership").where("id", "=", membershipId).execute();
        await recordAudit(trx, now, {
          actor,
          action: "membership.delete",
          entity: "organisation",
          entityId: networkId,
          changes: { memberId: m.member_id },
        });
      });
    },
  };
}
