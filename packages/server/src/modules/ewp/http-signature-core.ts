import { createHash, createSign, createVerify } from "node:crypto";

/**
 * The parts of draft-cavage-http-signatures-07 that both EWP HTTP Signature methods share:
 * header lookup by case-insensitive name, the signing string, the `Signature` parameters, the
 * RFC 3230 `Digest` of a body and the clock check.
 */

export type HttpHeaders = Readonly<Record<string, string | readonly string[] | number | undefined>>;
export type HttpBody = string | Uint8Array | undefined | null;

/** The only signature algorithm EWP requires. */
export const RSA_SHA256 = "rsa-sha256";
/** How far a signed date may stray from the receiver's clock (the spec's recommended threshold). */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** A header's value by name in any case; repeated values are joined as HTTP folds them. */
export function headerValue(headers: HttpHeaders, name: string): string | undefined {
  const wanted = name.toLowerCase();
  const values: string[] = [];
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    if (Array.isArray(value)) values.push(...value.map(String));
    else values.push(String(value));
  }
  return values.length === 0 ? undefined : values.join(", ");
}

/** The `Digest` header value for a body: `SHA-256=` and the base64 SHA-256 of its bytes. */
export function digestHeaderOf(body: HttpBody): string {
  const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : Buffer.from(body ?? new Uint8Array());
  return `SHA-256=${createHash("sha256").update(bytes).digest("base64")}`;
}

/** True when a `Digest` header, which may list several algorithms, carries the body's SHA-256. */
export function digestMatches(header: string, body: HttpBody): boolean {
  const expected = digestHeaderOf(body).slice("SHA-256=".length);
  return header.split(",").some((entry) => {
    const at = entry.indexOf("=");
    if (at < 0) return false;
    return entry.slice(0, at).trim().toLowerCase() === "sha-256" && entry.slice(at + 1).trim() === expected;
  });
}

/** An IMF-fixdate as HTTP's `Date` header carries it, e.g. `Sun, 06 Nov 1994 08:49:37 GMT`. */
export function httpDate(at: Date): string {
  return at.toUTCString();
}

export interface SignatureParams {
  keyId: string;
  algorithm: string;
  /** Lower-case names in signing order; `date` alone when the parameter is absent, as the draft says. */
  headers: string[];
  signature: string;
}

/**
 * Reads `keyId="…",algorithm="…",headers="…",signature="…"`. Returns null when the text is not a
 * list of quoted parameters or lacks keyId or signature.
 */
export function parseSignatureParams(text: string): SignatureParams | null {
  const params = new Map<string, string>();
  const pattern = /\s*([A-Za-z]+)\s*=\s*"([^"]*)"\s*(,|$)/y;
  let rest = text.trim();
  while (rest.length > 0) {
    pattern.lastIndex = 0;
    const match = pattern.exec(rest);
    if (!match) return null;
    params.set(match[1] ?? "", match[2] ?? "");
    rest = rest.slice(match[0].length);
  }
  const keyId = params.get("keyId");
  const signature = params.get("signature");
  if (!keyId || !signature) return null;
  const names = (params.get("headers") ?? "date").toLowerCase().split(/\s+/).filter(Boolean);
  return { keyId, algorithm: params.get("algorithm") ?? "", headers: names, signature };
}

/** The parameters of an `Authorization: Signature …` header; null for another scheme or bad syntax. */
export function parseSignatureAuthorization(authorization: string | undefined): SignatureParams | null {
  const scheme = authorization?.trim().match(/^(\S+)\s+(.*)$/s);
  if (scheme?.[1]?.toLowerCase() !== "signature") return null;
  return parseSignatureParams(scheme[2] ?? "");
}

export function formatSignatureParams(params: SignatureParams): string {
  return [
    `keyId="${params.keyId}"`,
    `algorithm="${params.algorithm}"`,
    `headers="${params.headers.join(" ")}"`,
    `signature="${params.signature}"`,
  ].join(",");
}

/** What a signing string needs besides the headers: the request line, when signing a request. */
export interface SigningTarget {
  method?: string;
  pathWithQuery?: string;
}

/**
 * The draft's signing string: one `name: value` line per listed header, in the listed order,
 * joined by newlines without a trailing one. Null when a listed header is missing.
 */
export function signingString(names: readonly string[], headers: HttpHeaders, target: SigningTarget): string | null {
  const lines: string[] = [];
  for (const name of names) {
    if (name === "(request-target)") {
      if (!target.method || target.pathWithQuery === undefined) return null;
      lines.push(`${name}: ${target.method.toLowerCase()} ${target.pathWithQuery}`);
      continue;
    }
    const value = headerValue(headers, name);
    if (value === undefined) return null;
    lines.push(`${name}: ${value.trim()}`);
  }
  return lines.join("\n");
}

export function signText(text: string, privateKeyPem: string): string {
  return createSign("sha256").update(text, "utf8").sign(privateKeyPem, "base64");
}

export function verifyText(text: string, signatureBase64: string, publicKeyPem: string): boolean {
  try {
    return createVerify("sha256").update(text, "utf8").verify(publicKeyPem, signatureBase64, "base64");
  } catch {
    return false;
  }
}

/**
 * Which signed header dates the message. It is `original-date` when that is signed, since proxies
 * may rewrite `Date`; else `date`. An unsigned date header is never trusted.
 */
export function signedDateHeader(signed: readonly string[]): "original-date" | "date" | null {
  if (signed.includes("original-date")) return "original-date";
  if (signed.includes("date")) return "date";
  return null;
}

/** Null when the date parses and lies within the allowed skew of `now`, else why not. */
export function dateProblem(value: string | undefined, now: Date): string | null {
  if (value === undefined) return "the signed date header is missing";
  const at = Date.parse(value);
  if (Number.isNaN(at)) return `the date "${value}" cannot be parsed`;
  if (Math.abs(at - now.getTime()) > CLOCK_SKEW_MS) return `the date "${value}" is more than 5 minutes off`;
  return null;
}
