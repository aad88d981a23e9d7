import type {
  Actor,
  EwpCall,
  EwpNodeStatus,
  EwpOutboxEntry,
  EwpOutboxStatus,
  IiaExchangeView,
} from "@conventio/domain";
import { AppError } from "#shared/app-error.js";
import { type Deps, nowIso } from "#shared/deps.js";
import { ewpPolicy } from "./ewp.policy.js";
import type { EwpCallRow } from "./ewp-call-log.js";
import type { EwpCatalogueSource } from "./ewp-catalogue-source.js";
import type { EwpNodeKeyStore } from "./ewp-keys.js";
import type { EwpNode } from "./ewp-node.service.js";
import { type OutboxItem, retryNow } from "./ewp-outbox.js";
import { currentApprovals, findIia, ownInstitutions } from "./iia.repository.js";

const CALLS_SHOWN = 50;
const CATALOGUE_WAIT_MS = 5000;

const presentCall = (c: EwpCallRow): EwpCall => ({
  id: c.id,
  at: c.at,
  direction: c.direction,
  api: c.api,
  method: c.method,
  url: c.url,
  status: c.status,
  durationMs: c.duration_ms,
  error: c.error,
  partnerHeiId: c.partner_hei_id,
});

const presentOutbox = (o: OutboxItem): EwpOutboxEntry => ({
  id: o.id,
  kind: o.kind,
  partnerHeiId: o.partner_hei_id,
  iiaId: o.iia_id,
  status: o.status,
  attempts: o.attempts,
  nextAttemptAt: o.next_attempt_at,
  lastError: o.last_error,
  createdAt: o.created_at,
  updatedAt: o.updated_at,
});

/** What the staff see of the exchange: per agreement, and for the node as a whole. */
export function createEwpStatusService(
  deps: Deps,
  node: { node: EwpNode; keys: EwpNodeKeyStore; catalogue: EwpCatalogueSource },
) {
  const { db } = deps;

  return {
    async exchangeOf(actor: Actor, agreementId: string): Promise<IiaExchangeView> {
      ewpPolicy.read(actor);
      const row = await findIia(db, agreementId);
      if (!row) throw new AppError("not_found", "This agreement has no IIA yet.");
      const outbox = await db
        .selectFrom("ewp_outbox")
        .selectAll()
        .where("agreement_id", "=", agreementId)
        .orderBy("created_at", "desc")
        .orderBy("id", "desc")
        .limit(CALLS_SHOWN)
        .execute();
      const calls = await db
        .selectFrom("ewp_call")
        .selectAll()
        .where("agreement_id", "=", agreementId)
        .orderBy("at", "desc")
        .orderBy("id", "desc")
        .limit(CALLS_SHOWN)
        .execute();
      const sent = outbox.some(
        (o) =>
          o.kind === "iia_cnr" && o.status === "done" && o.iia_id === row.iia_id && o.updated_at >= row.modified_at,
      );
      return {
        agreementId,
        partnerHeiId: row.partner_hei_id,
        ourHash: row.iia_hash,
        partnerHash: row.partner_hash,
        sent,
        mapped: row.partner_iia_id !== null,
        ...currentApprovals(row),
        approvedByUsHash: row.approved_by_us_hash,
        approvedByPartnerHash: row.approved_by_partner_hash,
        outbox: outbox.map(presentOutbox),
        calls: calls.map(presentCall),
      };
    },

    /** Makes an outbox item due now, whatever became of it. */
    async retry(actor: Actor, outboxId: string): Promise<EwpOutboxEntry> {
      ewpPolicy.retry(actor);
      const item = await retryNow(db, outboxId, nowIso(deps));
      if (!item) throw new AppError("not_found", "No outbox item that can be retried has this id.");
      return presentOutbox(item);
    },

    async nodeStatus(actor: Actor): Promise<EwpNodeStatus> {
      ewpPolicy.read(actor);
      const keys = await node.keys.get();
      let catalogue: EwpNodeStatus["catalogue"];
      try {
        // A registry that is slow to answer must not hold the page: the status says so instead.
        const read = await Promise.race([
          node.catalogue.get(),
          new Promise<never>((_, reject) =>
            setTimeout(() => reject(new Error("the catalogue is still being fetched")), CATALOGUE_WAIT_MS).unref(),
          ),
        ]);
        catalogue = {
          location: node.catalogue.location,
          hosts: read.hosts.length,
          heis: read.heis.length,
          error: null,
        };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        catalogue = { location: node.catalogue.location, hosts: null, heis: null, error: message };
      }
      const counts = await db
        .selectFrom("ewp_outbox")
        .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
        .groupBy("status")
        .execute();
      const outbox: Record<EwpOutboxStatus, number> = { pending: 0, running: 0, done: 0, failed: 0, skipped: 0 };
      for (const c of counts) outbox[c.status] = Number(c.n);
      const agreements = await db
        .selectFrom("agreement_iia as i")
        .innerJoin("agreement as a", "a.id", "i.agreement_id")
        .select([
          "i.agreement_id",
          "a.reference",
          "i.partner_hei_id",
          "i.partner_iia_id",
          "i.iia_hash",
          "i.partner_hash",
          "i.approved_by_us_hash",
          "i.approved_by_partner_hash",
        ])
        .orderBy("a.reference")
        .execute();
      const recent = await db.selectFrom("ewp_call").selectAll().orderBy("at", "desc").limit(CALLS_SHOWN).execute();
      return {
        baseUrl: node.node.settings.baseUrl,
        manifestUrl: `${node.node.settings.baseUrl}/manifest.xml`,
        heiIds: (await ownInstitutions(db)).map((i) => i.heiId),
        clientKeyId: keys.client.keyId,
        serverKeyId: keys.server.keyId,
        catalogue,
        outbox,
        agreements: agreements.map((a) => ({
          agreementId: a.agreement_id,
          reference: a.reference,
          partnerHeiId: a.partner_hei_id,
          mapped: a.partner_iia_id !== null,
          ...currentApprovals(a),
        })),
        recentCalls: recent.map(presentCall),
      };
    },
  };
}
export type EwpStatusService = ReturnType<typeof createEwpStatusService>;
