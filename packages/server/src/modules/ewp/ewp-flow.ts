import type { Actor } from "@conventio/domain";
import type { Kysely } from "kysely";
import type { DB } from "#db/schema.js";
import { AppError } from "#shared/app-error.js";
import type { Clock } from "#shared/clock.js";
import type { Logger } from "#shared/logger.js";
import { allJobs, type RunJob, repeatJob, runUncounted, type ScheduledJob } from "#shared/scheduled-job.js";
import type { EwpClient } from "./ewp-client.js";
import { enqueue, type OutboxItem, OutboxSkip, runDue } from "./ewp-outbox.js";
import type { IiaExchange } from "./iia-exchange.js";
import { readIiasGetResponse, readIiasIndexResponse } from "./iia-xml-reader.js";

/** What the node does on a partner's word is Conventio's own work, recorded in the audit log as such. */
export const EWP_NODE_ACTOR: Actor = { kind: "user", id: "system", role: "editor", name: "Erasmus Without Paper" };

/** A partner document our import refuses: trying again would meet the same document. */
function skipRefused<T>(work: Promise<T>): Promise<T> {
  return work.catch((error: unknown) => {
    if (error instanceof AppError) {
      const details = (error.details.errors ?? []).map((f) => `${f.field}: ${f.message}`).join("; ");
      throw new OutboxSkip(`The partner's document was refused: ${details || error.message}`);
    }
    throw error;
  });
}

/**
 * The approval flow seen from one node: what each outbox item does (notify, or fetch and read
 * what a partner notified), and the polling of partners' indexes that makes up for lost
 * notifications.
 */
export function createEwpFlow(deps: {
  db: Kysely<DB>;
  clock: Clock;
  log: Logger;
  client: EwpClient;
  exchange: IiaExchange;
  retryBaseMs: number;
}) {
  const { db, client, exchange } = deps;

  async function handle(item: OutboxItem): Promise<void> {
    const about = { partnerHeiId: item.partner_hei_id, iiaId: item.iia_id, outboxId: item.id };
    switch (item.kind) {
      case "iia_cnr":
        await client({
          ...about,
          api: "iiaCnr",
          endpoint: "url",
          method: "POST",
          params: [
            ["notifier_hei_id", item.hei_id],
            ["iia_id", item.iia_id],
          ],
        });
        return;
      case "iia_approval_cnr":
        await client({
          ...about,
          api: "iiaApprovalCnr",
          endpoint: "url",
          method: "POST",
          params: [
            ["approving_hei_id", item.hei_id],
            ["iia_id", item.iia_id],
          ],
        });
        return;
      case "fetch_iia": {
        const answer = await client({
          ...about,
          api: "iias",
          endpoint: "get-url",
          method: "GET",
          params: [["iia_id", item.iia_id]],
        });
        const served = readIiasGetResponse(answer.body).iias;
        if (served.length === 0) {
          await exchange.partnerCopyGone(EWP_NODE_ACTOR, item.partner_hei_id, item.iia_id);
          return;
        }
        await skipRefused(exchange.importPartnerIias(EWP_NODE_ACTOR, answer.body, item.partner_hei_id));
        return;
      }
      case "fetch_approval": {
        const answer = await client({
          ...about,
          api: "iiasApproval",
          endpoint: "url",
          method: "GET",
          params: [["iia_id", item.iia_id]],
        });
        await skipRefused(exchange.importPartnerApprovals(EWP_NODE_ACTOR, answer.body, item.partner_hei_id));
        return;
      }
    }
  }

  return {
    /** Runs what is due in the outbox; answers how many items ran. */
    runOutbox(): Promise<number> {
      return runDue(db, handle, { now: () => deps.clock.now(), retryBaseMs: deps.retryBaseMs });
    },

    /**
     * Asks each partner's index for the agreements changed since the last poll and queues a
     * fetch of each. A partner outside the catalogue is passed over.
     */
    async poll(): Promise<{ partners: number; changed: number }> {
      const partners = await db
        .selectFrom("agreement_iia as i")
        .leftJoin("ewp_poll as p", "p.partner_hei_id", "i.partner_hei_id")
        .select(["i.partner_hei_id", "i.hei_id", "p.polled_at"])
        .distinct()
        .execute();
      let changed = 0;
      let polled = 0;
      const seen = new Set<string>();
      for (const partner of partners) {
        if (seen.has(partner.partner_hei_id)) continue;
        seen.add(partner.partner_hei_id);
        const startedAt = deps.clock.now().toISOString();
        try {
          const answer = await client({
            partnerHeiId: partner.partner_hei_id,
            api: "iias",
            endpoint: "index-url",
            method: "GET",
            params: partner.polled_at ? [["modified_since", partner.polled_at]] : [],
          });
          polled++;
          for (const iiaId of readIiasIndexResponse(answer.body).iiaIds) {
            changed++;
            await enqueue(db, {
              kind: "fetch_iia",
              heiId: partner.hei_id,
              partnerHeiId: partner.partner_hei_id,
              iiaId,
              agreementId: null,
              now: startedAt,
            });
          }
          await db
            .insertInto("ewp_poll")
            .values({ partner_hei_id: partner.partner_hei_id, polled_at: startedAt })
            .onConflict((oc) => oc.column("partner_hei_id").doUpdateSet({ polled_at: startedAt }))
            .execute();
        } catch (error) {
          if (!(error instanceof OutboxSkip))
            deps.log.warn({ err: error, partner: partner.partner_hei_id }, "EWP index poll failed");
        }
      }
      return { partners: polled, changed };
    },
  };
}
export type EwpFlow = ReturnType<typeof createEwpFlow>;

/**
 * Runs the outbox every few seconds and polls partners now and then, until stopped; `runJob`
 * counts each pass. Stopping lets the outbox finish the batch under way, not the whole queue.
 */
export function scheduleEwp(
  flow: EwpFlow,
  every: { outboxMs: number; pollMs: number },
  log: Logger,
  runJob: RunJob = runUncounted,
): ScheduledJob {
  const outbox = repeatJob(
    every.outboxMs,
    (stopping) =>
      runJob("ewp_outbox", async () => {
        while (!stopping() && (await flow.runOutbox()) > 0) {}
      }),
    { now: true, onError: (error) => log.error({ err: error }, "EWP outbox run failed") },
  );
  // A node that was down catches up at once rather than at the next interval.
  const poll =
    every.pollMs > 0
      ? repeatJob(every.pollMs, () => runJob("ewp_poll", () => flow.poll()), {
          now: true,
          onError: (error) => log.error({ err: error }, "EWP poll failed"),
        })
      : null;
  return allJobs(poll ? [outbox, poll] : [outbox]);
}
