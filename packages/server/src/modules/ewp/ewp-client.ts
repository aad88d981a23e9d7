import type { Kysely } from "kysely";
import type { DB } from "#db/schema.js";
import type { Clock } from "#shared/clock.js";
import { agreementOfIiaId, logCall } from "./ewp-call-log.js";
import { apiEndpoint, type EwpPartnerApi, rsaKeyId, serverKeysOf } from "./ewp-catalogue.js";
import type { EwpCatalogueSource } from "./ewp-catalogue-source.js";
import { type EwpNodeKeyStore, pemOfBase64Key } from "./ewp-keys.js";
import { errorMessageOf } from "./ewp-node-xml.js";
import { OutboxSkip } from "./ewp-outbox.js";
import { signRequest } from "./http-signature.js";
import { requestSignatureOf, verifyResponse } from "./http-signature-response.js";

const CALL_TIMEOUT_MS = 30_000;

export interface PartnerCall {
  partnerHeiId: string;
  api: EwpPartnerApi;
  /** Which URL of the API's manifest entry: `url`, `get-url`, `index-url`. */
  endpoint: string;
  method: "GET" | "POST";
  params: ReadonlyArray<readonly [string, string]>;
  /** For the log: the IIA the call is about and the outbox item that made it. */
  iiaId?: string;
  outboxId?: string;
}

export interface PartnerAnswer {
  status: number;
  body: string;
}

function headersOf(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

/** A partner's answer that is not a success, with its developer message when it sent one. */
export class EwpCallError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

/**
 * Calls a partner's EWP API as the network requires: the address from the Registry catalogue,
 * the request signed with the installation's client key, the response's signature checked
 * against the keys the catalogue gives that host. Every call is logged, success or not.
 */
export function ewpClient(deps: {
  db: Kysely<DB>;
  clock: Clock;
  keys: EwpNodeKeyStore;
  catalogue: EwpCatalogueSource;
}) {
  const { db, clock } = deps;

  return async function call(request: PartnerCall): Promise<PartnerAnswer> {
    const started = Date.now();
    const catalogue = await deps.catalogue.get();
    const found = apiEndpoint(catalogue, request.partnerHeiId, request.api);
    const address = found?.api.urls[request.endpoint];
    if (!found || !address) {
      throw new OutboxSkip(
        `The Registry catalogue lists no ${request.api} endpoint for ${request.partnerHeiId} in the version Conventio speaks.`,
      );
    }
    const form = new URLSearchParams(request.params.map(([k, v]): [string, string] => [k, v])).toString();
    const url = request.method === "GET" && form ? `${address}?${form}` : address;
    const body = request.method === "POST" ? form : "";
    const { client } = await deps.keys.get();
    const signed = signRequest({
      method: request.method,
      url,
      body,
      keyId: client.keyId,
      privateKeyPem: client.privateKeyPem,
      now: clock.now(),
    });
    const headers: Record<string, string> = {
      ...signed,
      Accept: "application/xml",
      "Accept-Signature": "rsa-sha256",
      ...(request.method === "POST" ? { "Content-Type": "application/x-www-form-urlencoded" } : {}),
    };
    let status: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(url, {
        method: request.method,
        headers,
        ...(request.method === "POST" ? { body } : {}),
        signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
      });
      status = response.status;
      const text = await response.text();
      const serverKeys = serverKeysOf(catalogue, address);
      const responseHeaders = headersOf(response.headers);
      // A host that authenticates by its TLS certificate alone does not sign; one that signs must sign right.
      const verified = !responseHeaders.signature
        ? { ok: true as const }
        : verifyResponse({
            headers: responseHeaders,
            body: text,
            requestId: signed["X-Request-Id"],
            requestSignature: requestSignatureOf(signed.Authorization),
            publicKeyOf: (keyId) => {
              const key = serverKeys.find((k) => rsaKeyId(k) === keyId);
              return key ? pemOfBase64Key(key) : null;
            },
            now: clock.now(),
          });
      if (!verified.ok) throw new EwpCallError(`The response was refused: ${verified.reason}.`, status);
      if (!response.ok) {
        const message = errorMessageOf(text);
        throw new EwpCallError(`The partner answered ${status}${message ? `: ${message}` : ""}.`, status);
      }
      return { status, body: text };
    } catch (e) {
      const cause = (e as { cause?: { code?: string } }).cause?.code;
      error = `${e instanceof Error ? e.message : String(e)}${cause ? ` (${cause})` : ""}`;
      throw e instanceof EwpCallError ? e : new EwpCallError(`The call failed: ${error}`, status);
    } finally {
      await logCall(db, {
        at: clock.now().toISOString(),
        direction: "out",
        api: request.api,
        method: request.method,
        url,
        status,
        duration_ms: Date.now() - started,
        error,
        partner_hei_id: request.partnerHeiId,
        iia_id: request.iiaId ?? null,
        agreement_id: await agreementOfIiaId(db, request.iiaId ?? null, request.partnerHeiId),
        outbox_id: request.outboxId ?? null,
      }).catch(() => {});
    }
  };
}
export type EwpClient = ReturnType<typeof ewpClient>;
