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
  parseSignatureParams,
  RSA_SHA256,
  signedDateHeader,
  signingString,
  signText,
  verifyText,
} from "./http-signature-core.js";
import { isEwpKeyId } from "./http-signature-keys.js";

/**
 * EWP "HTTP Signature Server Authentication": the server signs its response in a `Signature`
 * header over its date, body digest and the echoed request id and request signature, so that the
 * client can prove which request the response answered. Pure functions, like the request side.
 */

export interface SignResponseInput {
  /** The response body exactly as sent (after any content coding). */
  body?: HttpBody;
  /** The request's `X-Request-Id`, echoed when the request had one. */
  requestId?: string;
  /** The request's `Authorization` header; its signature is echoed when it was an HTTP Signature. */
  requestAuthorization?: string;
  keyId: string;
  privateKeyPem: string;
  now: Date;
}

/** Whether a request asked for a signed response: `Accept-Signature` lists rsa-sha256. */
export function wantsSignedResponse(requestHeaders: HttpHeaders): boolean {
  const accepted = headerValue(requestHeaders, "accept-signature") ?? "";
  return accepted.split(",").some((algorithm) => algorithm.trim().toLowerCase() === RSA_SHA256);
}

/** The signature parameter of a request's `Authorization: Signature …`, or undefined. */
export function requestSignatureOf(authorization: string | undefined): string | undefined {
  return parseSignatureAuthorization(authorization)?.signature;
}

/** Headers to add to the response, in their usual spelling. */
export function signResponse(input: SignResponseInput): Record<string, string> {
  const requestSignature = requestSignatureOf(input.requestAuthorization);
  const added: Record<string, string> = {
    Date: httpDate(input.now),
    Digest: digestHeaderOf(input.body),
    ...(input.requestId !== undefined ? { "X-Request-Id": input.requestId } : {}),
    ...(requestSignature !== undefined ? { "X-Request-Signature": requestSignature } : {}),
  };
  const names = ["date", "digest"];
  if (input.requestId !== undefined) names.push("x-request-id");
  if (requestSignature !== undefined) names.push("x-request-signature");
  const text = signingString(names, added, {});
  if (text === null) throw new Error("a header to sign is missing");
  const signature = signText(text, input.privateKeyPem);
  added.Signature = formatSignatureParams({ keyId: input.keyId, algorithm: RSA_SHA256, headers: names, signature });
  return added;
}

export interface VerifyResponseInput {
  headers: HttpHeaders;
  body?: HttpBody;
  /** The `X-Request-Id` the client sent, if any: the response must echo it, signed. */
  requestId?: string;
  /** The signature the client sent in its `Authorization` header, if any: echoed and signed too. */
  requestSignature?: string;
  /** The PEM of a key the Registry lists for the server under this id, or null. */
  publicKeyOf: (keyId: string) => string | null;
  now: Date;
}

export type VerifyResponseResult = { ok: true; keyId: string } | { ok: false; reason: string };

const reject = (reason: string): VerifyResponseResult => ({ ok: false, reason });

/** The client's check of a signed response; any failure means the response must be discarded. */
export function verifyResponse(input: VerifyResponseInput): VerifyResponseResult {
  const header = headerValue(input.headers, "signature");
  if (!header) return reject("the response carries no Signature header");
  const params = parseSignatureParams(header);
  if (!params) return reject("the Signature header's parameters cannot be read");
  if (params.algorithm.toLowerCase() !== RSA_SHA256) {
    return reject(`the signature algorithm "${params.algorithm}" is not ${RSA_SHA256}`);
  }
  const required = ["digest"];
  if (input.requestId !== undefined) required.push("x-request-id");
  if (input.requestSignature !== undefined) required.push("x-request-signature");
  const unsigned = required.filter((name) => !params.headers.includes(name));
  const dateName = signedDateHeader(params.headers);
  if (!dateName) unsigned.push("date");
  if (unsigned.length > 0) return reject(`the signature does not cover: ${unsigned.join(", ")}`);

  if (input.requestId !== undefined && headerValue(input.headers, "x-request-id") !== input.requestId) {
    return reject("the X-Request-Id does not echo the request's");
  }
  if (
    input.requestSignature !== undefined &&
    headerValue(input.headers, "x-request-signature") !== input.requestSignature
  ) {
    return reject("the X-Request-Signature does not echo the request's signature");
  }
  const problem = dateProblem(headerValue(input.headers, dateName ?? "date"), input.now);
  if (problem) return reject(problem);
  if (!isEwpKeyId(params.keyId)) return reject("the keyId is not a lowercase hex SHA-256 fingerprint");
  const publicKeyPem = input.publicKeyOf(params.keyId);
  if (!publicKeyPem) return reject(`the key ${params.keyId} is not known to the Registry`);
  const text = signingString(params.headers, input.headers, {});
  if (text === null) return reject("a signed header is missing from the response");
  if (!verifyText(text, params.signature, publicKeyPem)) return reject("the signature does not verify");
  const digest = headerValue(input.headers, "digest");
  if (!digest || !digestMatches(digest, input.body))
    return reject("the Digest header does not match the body's SHA-256");
  return { ok: true, keyId: params.keyId };
}
