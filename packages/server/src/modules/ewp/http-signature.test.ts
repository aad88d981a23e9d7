import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { type SignRequestInput, signRequest, type VerifyRequestInput, verifyRequest } from "./http-signature.js";
import { digestHeaderOf, type HttpHeaders, signText } from "./http-signature-core.js";
import { generateEwpKeyPair, keyIdOf } from "./http-signature-keys.js";

const client = generateEwpKeyPair();
const keyId = keyIdOf(client.publicKeyPem);
const now = new Date("2024-03-01T10:00:00Z");
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
const url = "https://ewp.example.edu/ewp/iias/get?hei_id=uw.edu.pl&iia_id=1";
const body = "hei_id=uw.edu.pl&iia_id=1";

function signed(overrides: Partial<SignRequestInput> = {}): Record<string, string> {
  return signRequest({ method: "POST", url, body, keyId, privateKeyPem: client.privateKeyPem, now, ...overrides });
}

/** The request as the server receives it: the client's signed headers plus Host. */
function verify(headers: HttpHeaders, overrides: Partial<VerifyRequestInput> = {}) {
  return verifyRequest({
    method: "POST",
    pathWithQuery: "/ewp/iias/get?hei_id=uw.edu.pl&iia_id=1",
    headers: { Host: "ewp.example.edu", ...headers },
    body,
    publicKeyOf: (id) => (id === keyId ? client.publicKeyPem : null),
    now,
    ...overrides,
  });
}

/** Replaces one parameter of the Authorization header. */
function withParam(headers: Record<string, string>, name: string, value: string): Record<string, string> {
  const authorization = String(headers.Authorization).replace(new RegExp(`${name}="[^"]*"`), `${name}="${value}"`);
  return { ...headers, Authorization: authorization };
}

describe("signRequest", () => {
  it("adds Date, Digest, X-Request-Id and an rsa-sha256 Authorization over the EWP headers", () => {
    const headers = signed({ requestId: "dc05b425-4e86-4106-8dde-1257fccf53e5" });
    expect(headers.Date).toBe("Fri, 01 Mar 2024 10:00:00 GMT");
    expect(headers.Digest).toBe(`SHA-256=${createHash("sha256").update(body).digest("base64")}`);
    expect(headers["X-Request-Id"]).toBe("dc05b425-4e86-4106-8dde-1257fccf53e5");
    expect(headers.Authorization).toMatch(
      new RegExp(
        `^Signature keyId="${keyId}",algorithm="rsa-sha256",headers="\\(request-target\\) host date digest x-request-id",signature="[A-Za-z0-9+/]+=*"$`,
      ),
    );
    expect(headers["Original-Date"]).toBeUndefined();
  });

  it("signs the draft's signing string: name: value lines in the listed order", () => {
    const headers = signed({ requestId: "dc05b425-4e86-4106-8dde-1257fccf53e5" });
    const text = [
      "(request-target): post /ewp/iias/get?hei_id=uw.edu.pl&iia_id=1",
      "host: ewp.example.edu",
      "date: Fri, 01 Mar 2024 10:00:00 GMT",
      `digest: ${headers.Digest}`,
      "x-request-id: dc05b425-4e86-4106-8dde-1257fccf53e5",
    ].join("\n");
    // RSA PKCS#1 v1.5 signatures are deterministic, so the same text gives the same signature.
    expect(headers.Authorization).toContain(`signature="${signText(text, client.privateKeyPem)}"`);
  });

  it("makes a fresh UUID request id for each request", () => {
    const first = signed()["X-Request-Id"];
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(signed()["X-Request-Id"]).not.toBe(first);
  });

  it("digests an empty body as the SHA-256 of no bytes", () => {
    const empty = "SHA-256=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";
    expect(signed({ method: "GET", body: undefined }).Digest).toBe(empty);
    expect(signed({ method: "GET", body: "" }).Digest).toBe(empty);
    expect(digestHeaderOf(new Uint8Array())).toBe(empty);
  });

  it("sends and signs Original-Date when asked", () => {
    const headers = signed({ originalDate: true });
    expect(headers["Original-Date"]).toBe("Fri, 01 Mar 2024 10:00:00 GMT");
    expect(headers.Authorization).toContain('headers="(request-target) host original-date digest x-request-id"');
  });
});

describe("verifyRequest", () => {
  it("accepts a request signed by a known key and names the key", () => {
    const headers = signed({ requestId: "dc05b425-4e86-4106-8dde-1257fccf53e5" });
    expect(verify(headers)).toMatchObject({ ok: true, keyId, requestId: "dc05b425-4e86-4106-8dde-1257fccf53e5" });
  });

  it("accepts a GET with an empty body", () => {
    const headers = signed({ method: "GET", body: undefined });
    expect(verify(headers, { method: "GET", body: "" }).ok).toBe(true);
  });

  it("reads header names in any case", () => {
    const lower = Object.fromEntries(Object.entries(signed()).map(([name, value]) => [name.toLowerCase(), value]));
    const upper = Object.fromEntries(Object.entries(signed()).map(([name, value]) => [name.toUpperCase(), value]));
    expect(verify(lower, { headers: { host: "ewp.example.edu", ...lower } }).ok).toBe(true);
    expect(verify(upper, { headers: { HOST: "ewp.example.edu", ...upper } }).ok).toBe(true);
  });

  it("rejects a tampered body with 400", () => {
    expect(verify(signed(), { body: "hei_id=uw.edu.pl&iia_id=2" })).toMatchObject({ ok: false, status: 400 });
  });

  it("rejects a body whose Digest was recomputed by the tamperer, since the digest is signed", () => {
    const headers = { ...signed(), Digest: digestHeaderOf("hei_id=uw.edu.pl&iia_id=2") };
    expect(verify(headers, { body: "hei_id=uw.edu.pl&iia_id=2" })).toMatchObject({ ok: false, status: 400 });
  });

  it("rejects a tampered path, query or method", () => {
    expect(verify(signed(), { pathWithQuery: "/ewp/iias/get?hei_id=uw.edu.pl&iia_id=2" }).ok).toBe(false);
    expect(verify(signed(), { pathWithQuery: "/ewp/iias/index?hei_id=uw.edu.pl&iia_id=1" }).ok).toBe(false);
    expect(verify(signed(), { method: "PUT" }).ok).toBe(false);
  });

  it("rejects a tampered Date even within the 5 minutes", () => {
    const headers = { ...signed(), Date: "Fri, 01 Mar 2024 10:01:00 GMT" };
    expect(verify(headers)).toMatchObject({ ok: false, status: 400, reason: "the signature does not verify" });
  });

  it("rejects a request sent to another host", () => {
    expect(verify(signed(), { headers: { ...signed(), Host: "other.example.edu" } }).ok).toBe(false);
    expect(verify(signed(), { expectedHost: "ewp.other.edu" })).toMatchObject({ ok: false, status: 400 });
    expect(verify(signed(), { expectedHost: "EWP.example.edu" }).ok).toBe(true);
  });

  it("rejects with 401 a header list that leaves a required header unsigned", () => {
    for (const list of [
      "(request-target) host date digest",
      "(request-target) host digest x-request-id",
      "host date digest x-request-id",
      "(request-target) date digest x-request-id",
    ]) {
      const result = verify(withParam(signed(), "headers", list));
      expect(result).toMatchObject({ ok: false, status: 401 });
    }
  });

  it("rejects a reordered header list because the signing string changes", () => {
    const headers = withParam(signed(), "headers", "(request-target) host digest date x-request-id");
    expect(verify(headers)).toMatchObject({ ok: false, status: 400 });
  });

  it("accepts extra signed headers beyond the required ones, and protects them", () => {
    const type = "application/x-www-form-urlencoded";
    const headers = signed({ headers: { "Content-Type": type }, extraSignedHeaders: ["Content-Type"] });
    expect(headers.Authorization).toContain('x-request-id content-type"');
    expect(verify({ ...headers, "Content-Type": type }).ok).toBe(true);
    expect(verify({ ...headers, "Content-Type": "text/plain" })).toMatchObject({ ok: false, status: 400 });
  });

  it("ignores unsigned extra headers", () => {
    expect(verify({ ...signed(), "Content-Type": "text/plain" }).ok).toBe(true);
  });

  it("rejects with 401 another scheme or algorithm", () => {
    const headers = signed();
    expect(verify({ ...headers, Authorization: "Bearer abc" })).toMatchObject({ ok: false, status: 401 });
    expect(verify(withParam(headers, "algorithm", "hmac-sha256"))).toMatchObject({ ok: false, status: 401 });
    const { Authorization: _, ...unsigned } = headers;
    expect(verify(unsigned)).toMatchObject({ ok: false, status: 401 });
  });

  it("rejects an unknown key with 403 and a malformed key id with 400", () => {
    const stranger = generateEwpKeyPair();
    const foreign = signRequest({
      method: "POST",
      url,
      body,
      keyId: keyIdOf(stranger.publicKeyPem),
      privateKeyPem: stranger.privateKeyPem,
      now,
    });
    expect(verify(foreign)).toMatchObject({ ok: false, status: 403 });
    expect(verify(withParam(signed(), "keyId", keyId.toUpperCase()))).toMatchObject({ ok: false, status: 400 });
  });

  it("rejects a signature made with another key under a known key id", () => {
    const stranger = generateEwpKeyPair();
    const forged = signed({ privateKeyPem: stranger.privateKeyPem });
    expect(verify(forged)).toMatchObject({ ok: false, status: 400, reason: "the signature does not verify" });
  });

  it("accepts a clock 4 minutes off and rejects one 6 minutes off, either way", () => {
    const headers = signed();
    expect(verify(headers, { now: minutes(4) }).ok).toBe(true);
    expect(verify(headers, { now: minutes(-4) }).ok).toBe(true);
    expect(verify(headers, { now: minutes(6) })).toMatchObject({ ok: false, status: 400 });
    expect(verify(headers, { now: minutes(-6) })).toMatchObject({ ok: false, status: 400 });
  });

  it("dates the request by a signed Original-Date rather than a rewritten Date", () => {
    const headers = signed({ originalDate: true });
    // A proxy replaced Date on the way; Original-Date, which is signed, still dates the request.
    const proxied = { ...headers, Date: "Fri, 01 Mar 2024 11:00:00 GMT" };
    expect(verify(proxied).ok).toBe(true);
    expect(verify(proxied, { now: minutes(6) })).toMatchObject({ ok: false, status: 400 });
  });

  it("ignores an Original-Date that is not signed", () => {
    const stale = signed({ now: minutes(-30) });
    const headers = { ...stale, "Original-Date": "Fri, 01 Mar 2024 10:00:00 GMT" };
    expect(verify(headers)).toMatchObject({ ok: false, status: 400 });
  });

  it("rejects an unparsable date", () => {
    expect(verify({ ...signed(), Date: "yesterday" })).toMatchObject({ ok: false, status: 400 });
  });
});
