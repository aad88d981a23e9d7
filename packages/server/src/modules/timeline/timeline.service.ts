import { type Actor, effectiveStatus, type TimelineEvent } from "@conventio/domain";
import { AppError } from "#shared/app-error.js";
import type { Deps } from "#shared/deps.js";
import { timelinePolicy } from "./timeline.policy.js";

/**
 * Everything that happened between us and one partner on one time axis: agreements as
 * spans, signatures, renewals and terminations as moments, meetings of the groups that run
 * those agreements, and memberships of networks.
 */
export function createTimelineService(deps: Deps, settings: { expiringWindowDays: number }) {
  const { db, clock } = deps;
  return {
    async partnerTimeline(actor: Actor, organisationId: string): Promise<TimelineEvent[]> {
      timelinePolicy.read(actor);
      const org = await db.selectFrom("organisation").select("id").where("id", "=", organisationId).executeTakeFirst();
      if (!org) throw AppError.notFound("This organisation");
      const today = clock.now().toISOString().slice(0, 10);
      const agreements = await db
        .selectFrom("agreement as a")
        .innerJoin("agreement_party as p", "p.agreement_id", "a.id")
        .select([
          "a.id",
          "a.reference",
          "a.title",
          "a.status",
          "a.signed_on",
          "a.starts_on",
          "a.ends_on",
          "a.terminated_on",
          "a.predecessor_id",
        ])
        .where("p.organisation_id", "=", organisationId)
        .execute();
      const ids = agreements.map((a) => a.id);
      const [meetings, memberships] = await Promise.all([
        ids.length
          ? db
              .selectFrom("meeting as m")
              .innerJoin("governance_body as b", "b.id", "m.body_id")
              .select(["m.held_on", "m.agreement_id", "b.name"])
              .where("m.agreement_id", "in", ids)
              .execute()
          : [],
        db
          .selectFrom("membership as m")
          .innerJoin("organisation as n", "n.id", "m.network_id")
          .innerJoin("organisation as o", "o.id", "m.member_id")
          .select(["m.since", "m.until", "n.name as network", "o.name as member", "m.network_id"])
          .where((eb) => eb.or([eb("m.member_id", "=", organisationId), eb("m.network_id", "=", organisationId)]))
          .execute(),
      ]);
      const events: TimelineEvent[] = [];
      for (const a of agreements) {
        const start = a.starts_on ?? a.signed_on;
        const label = `${a.reference} ${a.title}`;
        const status = effectiveStatus(a.status, a.ends_on, today, settings.expiringWindowDays);
        if (start)
          events.push({
            kind: "agreement",
            start,
            end: a.terminated_on ?? a.ends_on,
            label,
            agreementId: a.id,
            status,
          });
        if (a.signed_on)
          events.push({ kind: "signature", start: a.signed_on, end: null, label, agreementId: a.id, status });
        if (a.predecessor_id && start)
          events.push({ kind: "renewal", start, end: null, label, agreementId: a.id, status });
        if (a.terminated_on)
          events.push({ kind: "termination", start: a.terminated_on, end: null, label, agreementId: a.id, status });
      }
      for (const m of meetings)
        events.push({
          kind: "meeting",
          start: m.held_on,
          end: null,
          label: m.name,
          agreementId: m.agreement_id,
          status: null,
        });
      for (const m of memberships) {
        if (!m.since) continue;
        const label = m.network_id === organisationId ? m.member : m.network;
        events.push({ kind: "membership", start: m.since, end: m.until, label, agreementId: null, status: null });
      }
      return events.sort((x, y) => (x.start < y.start ? -1 : x.start > y.start ? 1 : x.kind.localeCompare(y.kind)));
    },
  };
}
export type TimelineService = ReturnType<typeof createTimelineService>;
