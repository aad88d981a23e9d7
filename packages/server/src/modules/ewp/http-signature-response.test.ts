import { describe, expect, it } from "vitest";
import { signRequest, verifyRequest } from "./http-signature.js";
import { digestHeaderOf, type HttpHeaders } from "./http-signature-core.js";
import { generateEwpKeyPair, keyIdOf } from "./http-signature-keys.js";
import {
  requestSignatureOf,
  type SignResponseInput,
  signResponse,
  type VerifyResponseInput,
  verifyResponse,
  wantsSignedResponse,
} from "./http-signature-response.js";

const server = generateEwpKeyPair();
const client = generateEwpKeyPair();
const serverKeyId = keyIdOf(server.publicKeyPem);
const now = new Date("2024-03-01T10:00:00Z");
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
const body =
  '<iias-get-response xmlns="https://github.com/erasmus-without-paper/ewp-specs-api-iias/blob/stable-v7/endpoints/get-response.xsd"/>';
const requestId = "dc05b425-4e86-4106-8dde-1257fccf53e5";

const request = signRequest({
  method: "GET",
  url: "https://ewp.example.edu/ewp/iias/get?hei_id=uw.edu.pl&iia_id=1",
  keyId: keyIdOf(client.publicKeyPem),
  privateKeyPem: client.privateKeyPem,
  now,
  requestId,
});
const requestSignature = requestSignatureOf(request.Authorization) ?? "";

function signed(overrides: Partial<SignResponseInput> = {}): Record<string, string> {
  return signResponse({
    body,
    requestId,
    requestAuthorization: request.Authorization,
    keyId: serverKeyId,
    privateKeyPem: server.privateKeyPem,
    now,
    ...overrides,
  });
}

function verify(headers: HttpHeaders, overrides: Partial<VerifyResponseInput> = {}) {
  return verifyResponse({
    headers,
    body,
    requestId,
    requestSignature,
    publicKeyOf: (id) => (id === serverKeyId ? server.publicKeyPem : null),
    now,
    ...overrides,
  });
}

describe("signResponse", () => {
  it("adds Date, Digest, the echoed request id and signature, and a Signature over them", () => {
    const headers = signed();
    expect(headers.Date).toBe("Fri, 01 Mar 2024 10:00:00 GMT");
    expect(headers.Digest).toBe(digestHeaderOf(body));
    expect(headers["X-Request-Id"]).toBe(requestId);
    expect(requestSignature).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(headers["X-Request-Signature"]).toBe(requestSignature);
    expect(headers.Signature).toMatch(
      new RegExp(
        `^keyId="${serverKeyId}",algorithm="rsa-sha256",headers="date digest x-request-id x-request-signature",signature="[A-Za-z0-9+/]+=*"$`,
      ),
    );
  });

  it("echoes only what the request carried", () => {
    const headers = signed({ requestId: undefined, requestAuthorization: "Bearer abc" });
    expect(headers["X-Request-Id"]).toBeUndefined();
    expect(headers["X-Request-Signature"]).toBeUndefined();
    expect(headers.Signature).toContain('headers="date digest"');
    expect(verify(headers, { requestId: undefined, requestSignature: undefined }).ok).toBe(true);
  });

  it("is asked for by Accept-Signature listing rsa-sha256 in any case", () => {
    expect(wantsSignedResponse({ "accept-signature": "hmac-sha256, RSA-SHA256" })).toBe(true);
    expect(wantsSignedResponse({ "Accept-Signature": "hmac-sha256" })).toBe(false);
    expect(wantsSignedResponse({})).toBe(false);
  });
});

describe("verifyResponse", () => {
  it("accepts the server's signed response and names its key", () => {
    expect(verify(signed())).toEqual({ ok: true, keyId: serverKeyId });
  });

  it("completes a round trip with a request the server verified first", () => {
    const checked = verifyRequest({
      method: "GET",
      pathWithQuery: "/ewp/iias/get?hei_id=uw.edu.pl&iia_id=1",
      headers: { host: "ewp.example.edu", ...request },
      publicKeyOf: () => client.publicKeyPem,
      now,
    });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const headers = signed({ requestId: checked.requestId });
    expect(verify(headers, { requestSignature: checked.signature }).ok).toBe(true);
  });

  it("reads header names in any case", () => {
    const lower = Object.fromEntries(Object.entries(signed()).map(([name, value]) => [name.toLowerCase(), value]));
    expect(verify(lower).ok).toBe(true);
  });

  it("rejects a tampered body", () => {
    expect(verify(signed(), { body: `${body} ` })).toMatchObject({ ok: false });
    expect(verify({ ...signed(), Digest: digestHeaderOf("<other/>") }, { body: "<other/>" }).ok).toBe(false);
  });

  it("checks the digest of an empty body", () => {
    expect(verify(signed({ body: "" }), { body: undefined }).ok).toBe(true);
    expect(verify(signed({ body: "" }), { body: "x" }).ok).toBe(false);
  });

  it("rejects a response to another request", () => {
    expect(verify(signed(), { requestId: "7b1b6d1c-8f3e-4a55-9a43-2f5b3f0d9e10" }).ok).toBe(false);
    expect(verify(signed(), { requestSignature: "c2lnbmF0dXJl" }).ok).toBe(false);
  });

  it("rejects a header list that leaves the echoes unsigned", () => {
    const headers = signed();
    const list = String(headers.Signature).replace(/headers="[^"]*"/, 'headers="date digest"');
    expect(verify({ ...headers, Signature: list })).toMatchObject({
      ok: false,
      reason: expect.stringContaining("x-request-id"),
    });
  });

  it("rejects a tampered Date", () => {
    expect(verify({ ...signed(), Date: "Fri, 01 Mar 2024 10:01:00 GMT" }).ok).toBe(false);
  });

  it("rejects an unknown key or a key that did not sign", () => {
    const stranger = generateEwpKeyPair();
    expect(verify(signed({ keyId: keyIdOf(stranger.publicKeyPem), privateKeyPem: stranger.privateKeyPem })).ok).toBe(
      false,
    );
    expect(verify(signed({ privateKeyPem: stranger.privateKeyPem }))).toMatchObject({
      ok: false,
      reason: "the signature does not verify",
    });
  });

  it("rejects another algorithm", () => {
    const headers = signed();
    const other = String(headers.Signature).replace('algorithm="rsa-sha256"', 'algorithm="rsa-sha1"');
    expect(verify({ ...headers, Signature: other }).ok).toBe(false);
  });

  it("accepts a clock 4 minutes off and rejects one 6 minutes off", () => {
    expect(verify(signed(), { now: minutes(4) }).ok).toBe(true);
    expect(verify(signed(), { now: minutes(-6) }).ok).toBe(false);
    expect(verify(signed(), { now: minutes(6) }).ok).toBe(false);
  });
});
