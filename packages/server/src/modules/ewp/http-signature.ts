import { randomUUID } from "node:crypto";
import {
  dateProblem,
  digestHeaderOf,
  digestMatches,
  formatSignatureParams,
  type HttpBody,
  type HttpHeaders,
  headerValue,
  httpDate,
  parseSignatureAuthorization,
  RSA_SHA256,
  signedDateHeader,
  signingString,
  signText,
  verifyText,
} from "./http-signature-core.js";
import { isEwpKeyId } from "./http-signature-keys.js";

/**
 * EWP "HTTP Signature Client Authentication": the client signs its request with
 * `Authorization: Signature …` (draft-cavage-http-signatures-07, rsa-sha256) over the request
 * line, host, date, body digest and request id; the server checks it against the keys the
 * Registry lists. Pure functions: no I/O beyond the key lookup the caller supplies.
 */

/** The headers every signed request must cover, besides `date` or `original-date`. */
const REQUIRED_REQUEST_HEADERS = ["(request-target)", "host", "digest", "x-request-id"] as const;

export interface SignRequestInput {
  method: string;
  /** The absolute URL requested; its host and path with query are signed. */
  url: string | URL;
  /** Headers the request already carries; a `Host` among them wins over the URL's. */
  headers?: HttpHeaders;
  body?: HttpBody;
  keyId: string;
  privateKeyPem: string;
  now?: Date;
  requestId?: string;
  /**
   * Also send `Original-Date` and sign it in place of `Date`, for clients behind proxies that
   * rewrite `Date`.
   */
  originalDate?: boolean;
  /** More of `headers` to sign after the required ones, e.g. `content-type`; names in any case. */
  extraSignedHeaders?: readonly string[];
}

/** Headers to add to the request, in their usual spelling. */
export type SignedRequestHeaders = Record<string, string>;

export function signRequest(input: SignRequestInput): SignedRequestHeaders {
  const url = typeof input.url === "string" ? new URL(input.url) : input.url;
  const date = httpDate(input.now ?? new Date());
  const added: SignedRequestHeaders = {
    Date: date,
    ...(input.originalDate ? { "Original-Date": date } : {}),
    Digest: digestHeaderOf(input.body),
    "X-Request-Id": input.requestId ?? randomUUID(),
  };
  const all: HttpHeaders = { host: url.host, ...input.headers, ...added };
  const names = [
    "(request-target)",
    "host",
    input.originalDate ? "original-date" : "date",
    "digest",
    "x-request-id",
    ...(input.extraSignedHeaders ?? []).map((name) => name.toLowerCase()),
  ];
  const text = signingString(names, all, { method: input.method, pathWithQuery: `${url.pathname}${url.search}` });
  if (text === null) throw new Error("a header to sign is missing");
  const signature = signText(text, input.privateKeyPem);
  added.Authorization = `Signature ${formatSignatureParams({ keyId: input.keyId, algorithm: RSA_SHA256, headers: names, signature })}`;
  return added;
}

export interface VerifyRequestInput {
  method: string;
  /** The request target as received: path and query string, e.g. `/ewp/iias/get?iia_id=1`. */
  pathWithQuery: string;
  headers: HttpHeaders;
  body?: HttpBody;
  /** The PEM of a key the Registry lists under this id, or null when none is known. */
  publicKeyOf: (keyId: string) => string | null;
  now: Date;
  /** When given, the `Host` header must equal it (case-insensitive). */
  expectedHost?: string;
}

/**
 * The statuses follow the EWP specification: 401 when the request does not use this method
 * properly, 403 when its key is not in the Registry, 400 for a malformed key id, a bad date, a bad
 * signature or a digest that does not match the body.
 */
export type VerifyRequestResult =
  | { ok: true; keyId: string; requestId: string; signature: string }
  | { ok: false; status: 400 | 401 | 403; reason: string };

const fail = (status: 400 | 401 | 403, reason: string): VerifyRequestResult => ({ ok: false, status, reason });

export function verifyRequest(input: VerifyRequestInput): VerifyRequestResult {
  const authorization = headerValue(input.headers, "authorization");
  if (!/^\s*signature\s/i.test(authorization ?? "")) {
    return fail(401, "the request carries no Authorization: Signature header");
  }
  const params = parseSignatureAuthorization(authorization);
  if (!params) return fail(401, "the Authorization header's signature parameters cannot be read");
  if (params.algorithm.toLowerCase() !== RSA_SHA256) {
    return fail(401, `the signature algorithm "${params.algorithm}" is not ${RSA_SHA256}`);
  }
  const unsigned: string[] = REQUIRED_REQUEST_HEADERS.filter((name) => !params.headers.includes(name));
  const dateName = signedDateHeader(params.headers);
  if (!dateName) unsigned.push("date");
  if (unsigned.length > 0) return fail(401, `the signature does not cover: ${unsigned.join(", ")}`);

  const host = headerValue(input.headers, "host");
  if (input.expectedHost !== undefined && host?.toLowerCase() !== input.expectedHost.toLowerCase()) {
    return fail(400, `the Host header "${host ?? ""}" is not this server's`);
  }
  if (!isEwpKeyId(params.keyId)) return fail(400, "the keyId is not a lowercase hex SHA-256 fingerprint");
  const publicKeyPem = input.publicKeyOf(params.keyId);
  if (!publicKeyPem) return fail(403, `the key ${params.keyId} is not known to the Registry`);

  const problem = dateProblem(headerValue(input.headers, dateName ?? "date"), input.now);
  if (problem) return fail(400, problem);
  const text = signingString(params.headers, input.headers, {
    method: input.method,
    pathWithQuery: input.pathWithQuery,
  });
  if (text === null) return fail(400, "a signed header is missing from the request");
  if (!verifyText(text, params.signature, publicKeyPem)) return fail(400, "the signature does not verify");
  const digest = headerValue(input.headers, "digest");
  if (!digest || !digestMatches(digest, input.body)) {
    return fail(400, "the Digest header does not match the body's SHA-256");
  }
  const requestId = headerValue(input.headers, "x-request-id") ?? "";
  return { ok: true, keyId: params.keyId, requestId, signature: params.signature };
}
