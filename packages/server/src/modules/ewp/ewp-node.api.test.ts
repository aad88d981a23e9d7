import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Actor, CreateAgreementInput, type IiaView } from "@conventio/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";
import { writeCatalogue } from "./ewp-catalogue-writer.js";
import { writeManifest } from "./ewp-manifest.js";
import { buildIia, buildInstitution, schacUniversity } from "./ewp-samples.js";
import { validateWithXmllint } from "./ewp-xml-test-tools.js";
import { signRequest } from "./http-signature.js";
import { type EwpKeyPair, generateEwpKeyPair, keyIdOf, publicKeyBase64 } from "./http-signature-keys.js";
import { verifyResponse } from "./http-signature-response.js";
import { hashIiasGetResponse } from "./iia-hash.js";
import { readIiasIndexResponse } from "./iia-xml-reader.js";

const HOST = "ewp.lille.test";
const BASE = `https://${HOST}/ewp`;
const ERROR_SCHEMA = "ewp-specs-architecture/common-types.xsd";

let ctx: TestContext;
let admin: Session;
let agreementId: string;
let ourIiaId: string;
const operator: Actor = { kind: "user", id: "setup", role: "admin", name: "Setup" };
/** Warsaw's node, which the catalogue knows, and Barcelona's, which covers only ub.edu. */
const warsaw = { client: generateEwpKeyPair(), server: generateEwpKeyPair() };
const barcelona = { client: generateEwpKeyPair(), server: generateEwpKeyPair() };
/** A key the catalogue has never heard of. */
const stranger = generateEwpKeyPair();

function manifestOf(hei: string, name: string, keys: { client: EwpKeyPair; server: EwpKeyPair }): string {
  return writeManifest({
    baseUrl: `https://ewp.${hei}`,
    adminEmails: [`ewp@${hei}`],
    adminProvider: "Test node",
    heis: [{ id: hei, otherIds: [], names: [{ text: name, lang: "en" }] }],
    clientKeys: [publicKeyBase64(keys.client.publicKeyPem)],
    serverKeys: [publicKeyBase64(keys.server.publicKeyPem)],
  });
}

interface Call {
  method?: "GET" | "POST";
  path: string;
  form?: string;
  key?: EwpKeyPair;
  now?: Date;
  requestId?: string;
  tamper?: (headers: Record<string, string>) => void;
  headers?: Record<string, string>;
}

/** A request as a partner's node sends it: signed with its client key, asking for a signed answer. */
function signedHeaders(call: Call): Record<string, string> {
  const key = call.key ?? warsaw.client;
  const method = call.method ?? (call.form === undefined ? "GET" : "POST");
  const signed = signRequest({
    method,
    url: `https://${HOST}${call.path}`,
    body: call.form ?? "",
    keyId: keyIdOf(key.publicKeyPem),
    privateKeyPem: key.privateKeyPem,
    now: call.now ?? ctx.clock.now(),
    ...(call.requestId ? { requestId: call.requestId } : {}),
  });
  const headers: Record<string, string> = {
    host: HOST,
    "accept-signature": "rsa-sha256",
    ...(call.form === undefined ? {} : { "content-type": "application/x-www-form-urlencoded" }),
    ...signed,
  };
  call.tamper?.(headers);
  return headers;
}

function ewp(call: Call) {
  const method = call.method ?? (call.form === undefined ? "GET" : "POST");
  return ctx.app.inject({
    method,
    url: call.path,
    headers: call.headers ?? signedHeaders(call),
    ...(call.form === undefined ? {} : { payload: call.form }),
  });
}

/** Everything an EWP call could change. */
async function snapshot() {
  const db = ctx.database.db;
  return {
    iias: await db.selectFrom("agreement_iia").selectAll().orderBy("agreement_id").execute(),
    outbox: await db.selectFrom("ewp_outbox").selectAll().orderBy("id").execute(),
    versions: await db.selectFrom("agreement_iia_version").selectAll().orderBy("id").execute(),
  };
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "conventio-ewp-"));
  const cataloguePath = join(dir, "catalogue.xml");
  ctx = await createTestContext({ PUBLIC_URL: `https://${HOST}`, EWP_CATALOGUE: cataloguePath });
  admin = await signedIn(ctx, "admin");
  const org = (name: string, countryCode: string, schac: string) =>
    schacUniversity(ctx.services.organisations, operator, name, countryCode, schac);
  const lille = await org("Université de Lille", "FR", "univ-lille.fr");
  const uw = await org("Uniwersytet Warszawski", "PL", "uw.edu.pl");
  await org("Universitat de Barcelona", "ES", "ub.edu");
  agreementId = (
    await ctx.services.agreements.createAgreement(
      operator,
      CreateAgreementInput.parse({
        kind: "erasmus_iia",
        title: "Erasmus+ agreement",
        parties: [{ organisationId: lille }, { organisationId: uw }],
      }),
    )
  ).id;
  expect(
    (
      await ctx.app.inject({
        method: "PUT",
        url: "/api/ewp/institutions/univ-lille.fr",
        headers: admin.headers,
        payload: buildInstitution(),
      })
    ).statusCode,
  ).toBe(200);
  const iia = buildIia();
  iia.partners[1] = { ...iia.partners[1], heiId: "uw.edu.pl", iiaId: undefined, contacts: [] };
  const saved = await ctx.app.inject({
    method: "PUT",
    url: `/api/agreements/${agreementId}/iia`,
    headers: admin.headers,
    payload: iia,
  });
  expect(saved.statusCode, saved.body).toBe(200);
  ourIiaId = (saved.json() as IiaView).iia.partners[0]?.iiaId ?? "";

  const ours = await ctx.app.inject({ method: "GET", url: "/ewp/manifest.xml" });
  expect(ours.statusCode, ours.body).toBe(200);
  writeFileSync(
    cataloguePath,
    writeCatalogue([
      ours.body,
      manifestOf("uw.edu.pl", "University of Warsaw", warsaw),
      manifestOf("ub.edu", "Universitat de Barcelona", barcelona),
    ]),
  );
});
afterAll(() => ctx.close());

describe("the node's manifest", () => {
  it("is valid against the Discovery schema and publishes the keys the node signs with", async () => {
    const res = await ctx.app.inject({ method: "GET", url: "/ewp/manifest.xml" });
    const native = validateWithXmllint(res.body, "ewp-specs-api-discovery/manifest.xsd");
    expect(native.ok, native.report).toBe(true);
    const status = (await ctx.app.inject({ method: "GET", url: "/api/ewp/node", headers: admin.headers })).json();
    expect(status.manifestUrl).toBe(`${BASE}/manifest.xml`);
    expect(status.catalogue).toMatchObject({ hosts: 3, error: null });
    const published = [...res.body.matchAll(/<rsa-public-key>([^<]+)<\/rsa-public-key>/g)].map((m) => m[1] ?? "");
    const ids = published.map((b64) =>
      keyIdOf(`-----BEGIN PUBLIC KEY-----\n${b64.match(/.{1,64}/g)?.join("\n")}\n-----END PUBLIC KEY-----\n`),
    );
    expect(ids.sort()).toEqual([status.clientKeyId, status.serverKeyId].sort());
    expect(res.body).toContain(`<ia7:get-url>${BASE}/iias/get</ia7:get-url>`);
  });
});

describe("a signed partner", () => {
  it("gets our copy, valid and hashed as we hold it, in a response signed with our server key", async () => {
    const res = await ewp({ path: `/ewp/iias/get?iia_id=${encodeURIComponent(ourIiaId)}&iia_id=unknown-id` });
    expect(res.statusCode, res.body).toBe(200);
    expect(validateWithXmllint(res.body, "ewp-specs-api-iias/endpoints/get-response.xsd")).toMatchObject({ ok: true });
    const view: IiaView = (
      await ctx.app.inject({ method: "GET", url: `/api/agreements/${agreementId}/iia`, headers: admin.headers })
    ).json();
    expect(hashIiasGetResponse(res.body).map((h) => [h.iiaId, h.iiaHash])).toEqual([[ourIiaId, view.iiaHash]]);
    const status = (await ctx.app.inject({ method: "GET", url: "/api/ewp/node", headers: admin.headers })).json();
    const serverPem = (await ctx.services.ewp.keys.get()).server.publicKeyPem;
    const headers = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, String(v)]));
    const verified = verifyResponse({
      headers,
      body: res.body,
      requestId: headers["x-request-id"],
      publicKeyOf: (id) => (id === status.serverKeyId ? serverPem : null),
      now: ctx.clock.now(),
    });
    expect(verified).toMatchObject({ ok: true });
  });

  it("lists our agreements with it in the index, filtered by change time and academic year", async () => {
    const all = await ewp({ path: "/ewp/iias/index" });
    expect(validateWithXmllint(all.body, "ewp-specs-api-iias/endpoints/index-response.xsd")).toMatchObject({
      ok: true,
    });
    expect(readIiasIndexResponse(all.body).iiaIds).toEqual([ourIiaId]);
    const later = await ewp({ path: "/ewp/iias/index?modified_since=2030-01-01T00:00:00Z" });
    expect(readIiasIndexResponse(later.body).iiaIds).toEqual([]);
    const year = buildIia().mobilitySpecs[0]?.receivingFirstAcademicYearId ?? "";
    const inYear = await ewp({ path: `/ewp/iias/index?receiving_academic_year_id=${encodeURIComponent(year)}` });
    expect(readIiasIndexResponse(inYear.body).iiaIds).toEqual([ourIiaId]);
    const otherYear = await ewp({ path: "/ewp/iias/index?receiving_academic_year_id=1990%2F1991" });
    expect(readIiasIndexResponse(otherYear.body).iiaIds).toEqual([]);
    const barcelonaIndex = await ewp({ path: "/ewp/iias/index", key: barcelona.client });
    expect(readIiasIndexResponse(barcelonaIndex.body).iiaIds).toEqual([]);
  });

  it("notifies a change: the answer is the empty CNR response and a fetch waits in the outbox", async () => {
    const before = await snapshot();
    const res = await ewp({ path: "/ewp/iia-cnr", form: "notifier_hei_id=uw.edu.pl&iia_id=uw-iia-1" });
    expect(res.statusCode, res.body).toBe(200);
    expect(validateWithXmllint(res.body, "ewp-specs-api-iia-cnr/response.xsd")).toMatchObject({ ok: true });
    const after = await snapshot();
    expect(after.iias).toEqual(before.iias);
    const added = after.outbox.filter((o) => !before.outbox.some((b) => b.id === o.id));
    expect(added).toEqual([
      expect.objectContaining({
        kind: "fetch_iia",
        partner_hei_id: "uw.edu.pl",
        iia_id: "uw-iia-1",
        status: "pending",
      }),
    ]);
  });
});

describe("the institution's profile, echo and approvals", () => {
  it("answers Institutions, OUnits, Factsheet and IIAs Approval with documents valid against their schemas", async () => {
    const valid = async (path: string, schema: string) => {
      const res = await ewp({ path });
      expect(res.statusCode, res.body).toBe(200);
      const native = validateWithXmllint(res.body, schema);
      expect(native.ok, native.report).toBe(true);
      return res.body;
    };
    const institutions = await valid(
      "/ewp/institutions?hei_id=univ-lille.fr",
      "ewp-specs-api-institutions/response.xsd",
    );
    expect(institutions).toContain("<hei-id>univ-lille.fr</hei-id>");
    expect(institutions).toContain("Université de Lille");
    const unit = buildInstitution().ounits[0];
    const ounits = await valid(
      `/ewp/ounits?hei_id=univ-lille.fr&ounit_id=${encodeURIComponent(unit?.ounitId ?? "")}`,
      "ewp-specs-api-ounits/response.xsd",
    );
    expect(ounits).toContain(`<ounit-id>${unit?.ounitId}</ounit-id>`);
    await valid("/ewp/factsheet?hei_id=univ-lille.fr", "ewp-specs-api-factsheet/response.xsd");
    const none = await valid("/ewp/iias-approval?iia_id=uw-iia-1", "ewp-specs-api-iias-approval/response.xsd");
    expect(none).not.toContain("<approval>");
  });

  it("echoes the values sent and names the institutions the key covers", async () => {
    const res = await ewp({ path: "/ewp/echo?echo=a%20b&echo=%C3%A9" });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("<hei-id>uw.edu.pl</hei-id>");
    expect([...res.body.matchAll(/<echo>([^<]*)<\/echo>/g)].map((m) => m[1])).toEqual(["a b", "é"]);
  });

  it("takes an approval notification about one of our agreements and queues the fetch of the approval", async () => {
    const before = await snapshot();
    const res = await ewp({
      path: "/ewp/iia-approval-cnr",
      form: `approving_hei_id=uw.edu.pl&iia_id=${encodeURIComponent(ourIiaId)}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(validateWithXmllint(res.body, "ewp-specs-api-iia-approval-cnr/response.xsd")).toMatchObject({ ok: true });
    const added = (await snapshot()).outbox.filter((o) => !before.outbox.some((b) => b.id === o.id));
    expect(added).toEqual([
      expect.objectContaining({
        kind: "fetch_approval",
        iia_id: ourIiaId,
        partner_hei_id: "uw.edu.pl",
        agreement_id: agreementId,
      }),
    ]);
  });
});

describe("refused, and nothing changes", () => {
  const cnr = "notifier_hei_id=uw.edu.pl&iia_id=uw-iia-2";

  async function refused(call: Call, status: number, reason: RegExp) {
    const before = await snapshot();
    const res = await ewp(call);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.headers["content-type"]).toContain("application/xml");
    expect(validateWithXmllint(res.body, ERROR_SCHEMA)).toMatchObject({ ok: true });
    expect(res.body).toMatch(reason);
    expect(await snapshot()).toEqual(before);
  }

  it("an unsigned request", async () => {
    await refused(
      { path: "/ewp/iia-cnr", form: cnr, headers: { host: HOST, "content-type": "application/x-www-form-urlencoded" } },
      401,
      /no Authorization: Signature/,
    );
  });

  it("a bad signature", async () => {
    await refused(
      {
        path: "/ewp/iia-cnr",
        form: cnr,
        tamper: (h) => {
          h.Authorization = (h.Authorization ?? "").replace(/signature="[A-Za-z0-9+/]{8}/, 'signature="AAAAAAAA');
        },
      },
      400,
      /signature does not verify/,
    );
  });

  it("a key the Registry does not know", async () => {
    await refused({ path: "/ewp/iia-cnr", form: cnr, key: stranger }, 403, /not known to the Registry/);
  });

  it("a clock more than five minutes off", async () => {
    const skewed = new Date(ctx.clock.now().getTime() - 6 * 60 * 1000);
    await refused({ path: "/ewp/iia-cnr", form: cnr, now: skewed }, 400, /more than 5 minutes off/);
  });

  it("a body that does not match its digest", async () => {
    const headers = signedHeaders({ path: "/ewp/iia-cnr", form: cnr });
    await refused(
      { path: "/ewp/iia-cnr", form: "notifier_hei_id=uw.edu.pl&iia_id=uw-iia-3", headers },
      400,
      /Digest header does not match/,
    );
  });

  it("a request id replayed inside the window", async () => {
    const headers = signedHeaders({ path: "/ewp/iias/index", requestId: "c3a1f3a0-5d2e-4b8e-9f00-7e1f2b3c4d5e" });
    expect((await ewp({ path: "/ewp/iias/index", headers })).statusCode).toBe(200);
    const form = "notifier_hei_id=uw.edu.pl&iia_id=uw-iia-4";
    const first = signedHeaders({ path: "/ewp/iia-cnr", form, requestId: "0d9c8b7a-6f5e-4d3c-8b2a-19f0e1d2c3b4" });
    expect((await ewp({ path: "/ewp/iia-cnr", form, headers: first })).statusCode).toBe(200);
    await refused({ path: "/ewp/iia-cnr", form, headers: first }, 400, /already used/);
  });

  it("a caller asking about an institution its key does not cover", async () => {
    await refused(
      { path: `/ewp/iias/get?iia_id=${encodeURIComponent(ourIiaId)}`, key: barcelona.client },
      403,
      /not with an institution this key covers/,
    );
    await refused({ path: "/ewp/iia-cnr", form: cnr, key: barcelona.client }, 403, /does not cover uw\.edu\.pl/);
  });

  it("a notification without its parameters, or sent with GET", async () => {
    await refused({ path: "/ewp/iia-cnr", form: "notifier_hei_id=uw.edu.pl" }, 400, /iia_id parameter is required/);
    await refused({ path: "/ewp/iia-cnr?notifier_hei_id=uw.edu.pl&iia_id=x", method: "GET" }, 404, /No EWP endpoint/);
  });
});
