import type { EwpInstitution, Iia } from "@conventio/domain";
import type { Kysely } from "kysely";
import type { DB } from "#db/schema.js";
import type { Clock } from "#shared/clock.js";
import type { EwpCatalogueSource } from "./ewp-catalogue-source.js";
import { servedInstitutions } from "./ewp-institution.service.js";
import type { EwpNodeKeyStore } from "./ewp-keys.js";
import { writeManifest } from "./ewp-manifest.js";
import { writeCnrResponse, writeEchoResponse } from "./ewp-node-xml.js";
import { enqueue } from "./ewp-outbox.js";
import { heldApprovals } from "./iia.repository.js";
import { writeIiasApprovalResponse, writeIiasGetResponse, writeIiasIndexResponse } from "./iia-xml-writer.js";
import { writeFactsheetResponse, writeInstitutionsResponse, writeOunitsResponse } from "./institution-xml-writer.js";

/** A request the node refuses, answered with an EWP error response and this status. */
export class EwpRefusal extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 415 | 503,
    message: string,
  ) {
    super(message);
  }
}

/** Who called: the key that signed the request and the institutions the catalogue says it covers. */
export interface EwpCaller {
  keyId: string;
  heiIds: string[];
}

export interface EwpNodeSettings {
  /** The address the EWP endpoints are served under, e.g. `https://uni.example/ewp`. */
  baseUrl: string;
  adminEmail: string;
  limits: { maxIiaIds: number; maxHeiIds: number; maxOunitIds: number };
}

/** The answers of the installation's EWP endpoints: what a signed, identified caller may read and notify. */
export function createEwpNode(deps: {
  db: Kysely<DB>;
  clock: Clock;
  keys: EwpNodeKeyStore;
  catalogue: EwpCatalogueSource;
  settings: EwpNodeSettings;
}) {
  const { db, settings } = deps;
  const now = () => deps.clock.now().toISOString();

  function atMost<T>(values: T[], limit: number, name: string): T[] {
    if (values.length > limit) throw new EwpRefusal(400, `At most ${limit} ${name} values may be asked for at once.`);
    return values;
  }

  function requireCovered(caller: EwpCaller, heiId: string, name: string): void {
    if (!heiId) throw new EwpRefusal(400, `The ${name} parameter is required.`);
    if (!caller.heiIds.includes(heiId)) {
      throw new EwpRefusal(403, `The key that signed this request does not cover ${heiId} in the Registry catalogue.`);
    }
  }

  async function served(heiIds: string[]): Promise<EwpInstitution[]> {
    const all = await servedInstitutions(db);
    return heiIds.flatMap((id) => all.filter((h) => h.heiId === id));
  }

  return {
    settings,

    /** The Discovery manifest: the first institution, the endpoints, the public keys. */
    async manifest(): Promise<string> {
      const heis = await servedInstitutions(db);
      const first = heis[0];
      if (!first) throw new EwpRefusal(404, "No institution is described yet: this installation serves no EWP host.");
      const { client, server } = await deps.keys.get();
      if (!settings.baseUrl.startsWith("https://")) {
        throw new EwpRefusal(
          404,
          "The EWP network requires HTTPS: set PUBLIC_URL to this installation's https:// address.",
        );
      }
      return writeManifest({
        baseUrl: settings.baseUrl,
        adminEmails: [settings.adminEmail],
        adminProvider: "Conventio",
        heis: [
          {
            id: first.heiId,
            otherIds: first.otherIds,
            names: first.names.map((n) => ({ text: n.value, ...(n.lang ? { lang: n.lang } : {}) })),
          },
        ],
        clientKeys: [client.publicKeyBase64],
        serverKeys: [server.publicKeyBase64],
        limits: {
          maxIiaIds: settings.limits.maxIiaIds,
          maxHeiIds: settings.limits.maxHeiIds,
          maxOunitIds: settings.limits.maxOunitIds,
          maxOunitCodes: settings.limits.maxOunitIds,
        },
      });
    },

    echo(caller: EwpCaller, echoes: string[]): string {
      return writeEchoResponse(caller.heiIds, echoes);
    },

    /**
     * Our copies of the agreements asked for. Unknown ids are skipped, as the specification says;
     * an agreement with an institution the caller does not cover is refused with 403.
     */
    async iiasGet(caller: EwpCaller, iiaIds: string[]): Promise<string> {
      const ids = atMost(iiaIds, settings.limits.maxIiaIds, "iia_id");
      if (ids.length === 0) throw new EwpRefusal(400, "The iia_id parameter is required.");
      const rows = await db.selectFrom("agreement_iia").selectAll().where("iia_id", "in", ids).execute();
      const foreign = rows.find((r) => !caller.heiIds.includes(r.partner_hei_id));
      if (foreign) {
        throw new EwpRefusal(403, `The agreement ${foreign.iia_id} is not with an institution this key covers.`);
      }
      const byId = new Map(rows.map((r) => [r.iia_id, r]));
      const ordered = ids.flatMap((id) => {
        const row = byId.get(id);
        return row ? [JSON.parse(row.data) as Iia] : [];
      });
      return writeIiasGetResponse(ordered).xml;
    },

    /** The ids of our agreements with the caller's institutions, changed since a time, for some academic years. */
    async iiasIndex(caller: EwpCaller, modifiedSince: string | undefined, years: string[]): Promise<string> {
      let since: string | undefined;
      if (modifiedSince !== undefined) {
        const at = new Date(modifiedSince);
        if (Number.isNaN(at.getTime())) throw new EwpRefusal(400, "modified_since must be an xs:dateTime.");
        since = at.toISOString();
      }
      for (const year of years) {
        if (!/^\d{4}\/\d{4}$/.test(year) || Number(year.slice(5)) !== Number(year.slice(0, 4)) + 1) {
          throw new EwpRefusal(400, `receiving_academic_year_id "${year}" is not an academic year such as 2025/2026.`);
        }
      }
      if (caller.heiIds.length === 0) return writeIiasIndexResponse([]);
      let query = db
        .selectFrom("agreement_iia as i")
        .select("i.iia_id")
        .where("i.partner_hei_id", "in", caller.heiIds)
        .orderBy("i.iia_id");
      if (since) query = query.where("i.modified_at", ">", since);
      if (years.length > 0) {
        query = query.where((eb) =>
          eb.exists(
            eb
              .selectFrom("agreement_iia_year as y")
              .select("y.agreement_id")
              .whereRef("y.agreement_id", "=", "i.agreement_id")
              .where("y.academic_year", "in", years),
          ),
        );
      }
      return writeIiasIndexResponse((await query.execute()).map((r) => r.iia_id));
    },

    /** Our approvals of the caller's copies (named by the caller's ids), current ones only. */
    async approvals(caller: EwpCaller, iiaIds: string[]): Promise<string> {
      const ids = atMost(iiaIds, settings.limits.maxIiaIds, "iia_id");
      if (ids.length === 0) throw new EwpRefusal(400, "The iia_id parameter is required.");
      if (caller.heiIds.length === 0) return writeIiasApprovalResponse([]);
      const rows = await db
        .selectFrom("agreement_iia")
        .select(["partner_iia_id", "approved_by_us_hash", "partner_hash"])
        .where("partner_iia_id", "in", ids)
        .where("partner_hei_id", "in", caller.heiIds)
        .execute();
      return writeIiasApprovalResponse(heldApprovals(rows));
    },

    /** A partner says one of its agreements changed: its copy is fetched soon, from the outbox. */
    async iiaCnr(caller: EwpCaller, notifierHeiId: string, iiaId: string): Promise<string> {
      requireCovered(caller, notifierHeiId, "notifier_hei_id");
      if (!iiaId) throw new EwpRefusal(400, "The iia_id parameter is required.");
      const row = await db
        .selectFrom("agreement_iia")
        .select(["agreement_id", "hei_id"])
        .where("partner_hei_id", "=", notifierHeiId)
        .where("partner_iia_id", "=", iiaId)
        .executeTakeFirst();
      const ours = row?.hei_id ?? (await servedInstitutions(db))[0]?.heiId;
      if (!ours) throw new EwpRefusal(404, "This installation serves no institution yet.");
      await enqueue(db, {
        kind: "fetch_iia",
        heiId: ours,
        partnerHeiId: notifierHeiId,
        iiaId,
        agreementId: row?.agreement_id ?? null,
        now: now(),
      });
      return writeCnrResponse("iiaCnr");
    },

    /** A partner says it approved one of our agreements: its approval is fetched soon, from the outbox. */
    async approvalCnr(caller: EwpCaller, approvingHeiId: string, iiaId: string): Promise<string> {
      requireCovered(caller, approvingHeiId, "approving_hei_id");
      if (!iiaId) throw new EwpRefusal(400, "The iia_id parameter is required.");
      const row = await db
        .selectFrom("agreement_iia")
        .select(["agreement_id", "hei_id", "partner_hei_id"])
        .where("iia_id", "=", iiaId)
        .executeTakeFirst();
      // Unknown ids are acknowledged all the same, as the specification asks; nothing is fetched.
      if (row && row.partner_hei_id === approvingHeiId) {
        await enqueue(db, {
          kind: "fetch_approval",
          heiId: row.hei_id,
          partnerHeiId: approvingHeiId,
          iiaId,
          agreementId: row.agreement_id,
          now: now(),
        });
      }
      return writeCnrResponse("iiaApprovalCnr");
    },

    async institutions(heiIds: string[]): Promise<string> {
      return writeInstitutionsResponse(await served(atMost(heiIds, settings.limits.maxHeiIds, "hei_id")));
    },

    async ounits(heiId: string, ounitIds: string[], ounitCodes: string[]): Promise<string> {
      if (!heiId) throw new EwpRefusal(400, "The hei_id parameter is required.");
      if (ounitIds.length > 0 && ounitCodes.length > 0)
        throw new EwpRefusal(400, "Give ounit_id or ounit_code, not both.");
      atMost([...ounitIds, ...ounitCodes], settings.limits.maxOunitIds, "ounit_id or ounit_code");
      const units = (await served([heiId])).flatMap((h) => h.ounits);
      const wanted = units.filter((u) =>
        ounitIds.length ? ounitIds.includes(u.ounitId) : ounitCodes.includes(u.ounitCode),
      );
      return writeOunitsResponse(wanted);
    },

    async factsheet(heiIds: string[]): Promise<string> {
      const heis = await served(atMost(heiIds, settings.limits.maxHeiIds, "hei_id"));
      return writeFactsheetResponse(heis.filter((h) => h.factsheet));
    },
  };
}
export type EwpNode = ReturnType<typeof createEwpNode>;
