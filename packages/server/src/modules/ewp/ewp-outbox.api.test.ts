import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Actor, CreateAgreementInput, type IiaExchangeView, type IiaView } from "@conventio/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "#shared/logger.js";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";
import { createServices } from "../../services.js";
import { writeCatalogue } from "./ewp-catalogue-writer.js";
import { writeManifest } from "./ewp-manifest.js";
import { backoffMs, enqueue, MAX_ATTEMPTS, OutboxSkip, runDue } from "./ewp-outbox.js";
import { buildIia, buildInstitution, schacUniversity } from "./ewp-samples.js";
import { generateEwpKeyPair, publicKeyBase64 } from "./http-signature-keys.js";

const RETRY_SECONDS = 30;
let ctx: TestContext;
let editor: Session;
let viewer: Session;
let lille: string;
let warsaw: string;
const operator: Actor = { kind: "user", id: "setup", role: "admin", name: "Setup" };

/** Warsaw's node as the catalogue lists it: at a loopback port where nothing listens. */
function unreachableWarsaw(): string {
  const keys = { client: generateEwpKeyPair(), server: generateEwpKeyPair() };
  return writeManifest({
    baseUrl: "https://127.0.0.1:9/ewp",
    adminEmails: ["ewp@uw.edu.pl"],
    adminProvider: "Test node",
    heis: [{ id: "uw.edu.pl", otherIds: [], names: [{ text: "University of Warsaw", lang: "en" }] }],
    clientKeys: [publicKeyBase64(keys.client.publicKeyPem)],
    serverKeys: [publicKeyBase64(keys.server.publicKeyPem)],
  });
}

const organisation = (name: string, countryCode: string, schac: string): Promise<string> =>
  schacUniversity(ctx.services.organisations, operator, name, countryCode, schac);

/** An Erasmus+ draft between Lille and a partner, with our copy of its IIA saved. */
async function agreementWithIia(partnerOrg: string, partnerHei: string): Promise<{ id: string; iiaId: string }> {
  const { id } = await ctx.services.agreements.createAgreement(
    operator,
    CreateAgreementInput.parse({
      kind: "erasmus_iia",
      title: "Erasmus+ agreement",
      parties: [{ organisationId: lille }, { organisationId: partnerOrg }],
    }),
  );
  const iia = buildIia();
  iia.partners[1] = { ...iia.partners[1], heiId: partnerHei, iiaId: undefined, contacts: [] };
  iia.mobilitySpecs = iia.mobilitySpecs.map((s) => ({
    ...s,
    sendingHeiId: s.sendingHeiId === "uw.edu.pl" ? partnerHei : s.sendingHeiId,
    receivingHeiId: s.receivingHeiId === "uw.edu.pl" ? partnerHei : s.receivingHeiId,
  }));
  const saved: IiaView = await ctx.services.ewp.iias.saveIia(operator, id, iia);
  return { id, iiaId: saved.iia.partners[0]?.iiaId ?? "" };
}

const outboxOf = (agreementId: string) =>
  ctx.database.db
    .selectFrom("ewp_outbox")
    .selectAll()
    .where("agreement_id", "=", agreementId)
    .orderBy("created_at")
    .execute();

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "conventio-outbox-"));
  const catalogue = join(dir, "catalogue.xml");
  writeFileSync(catalogue, writeCatalogue([unreachableWarsaw()]));
  ctx = await createTestContext({
    PUBLIC_URL: "https://ewp.lille.test",
    EWP_CATALOGUE: catalogue,
    EWP_RETRY_SECONDS: String(RETRY_SECONDS),
  });
  editor = await signedIn(ctx, "editor");
  viewer = await signedIn(ctx, "viewer");
  await ctx.services.ewp.institutions.saveInstitution(operator, "univ-lille.fr", buildInstitution());
  lille = await organisation("Université de Lille", "FR", "univ-lille.fr");
  warsaw = await organisation("Uniwersytet Warszawski", "PL", "uw.edu.pl");
});
afterAll(() => ctx.close());

describe("the outbox", () => {
  it("keeps a notification the partner could not take, with its error, the call logged, and tries again later", async () => {
    const { id, iiaId } = await agreementWithIia(warsaw, "uw.edu.pl");
    expect(await outboxOf(id)).toEqual([
      expect.objectContaining({ kind: "iia_cnr", iia_id: iiaId, partner_hei_id: "uw.edu.pl", status: "pending" }),
    ]);
    expect(await ctx.services.ewp.flow.runOutbox()).toBe(1);
    const [item] = await outboxOf(id);
    expect(item).toMatchObject({ status: "pending", attempts: 1 });
    expect(item?.last_error).toMatch(/The call failed/);
    const now = ctx.clock.now().getTime();
    expect(Date.parse(item?.next_attempt_at ?? "")).toBe(now + RETRY_SECONDS * 1000);

    const view: IiaExchangeView = (
      await ctx.app.inject({ method: "GET", url: `/api/agreements/${id}/iia/exchange`, headers: viewer.headers })
    ).json();
    expect(view).toMatchObject({ sent: false, mapped: false, approvedByUs: false, approvedByPartner: false });
    expect(view.calls).toEqual([
      expect.objectContaining({
        direction: "out",
        api: "iiaCnr",
        method: "POST",
        url: "https://127.0.0.1:9/ewp/iia-cnr",
        status: null,
      }),
    ]);

    // Not due yet: nothing runs. A process started afresh on the same database finds it when due.
    expect(await ctx.services.ewp.flow.runOutbox()).toBe(0);
    ctx.clock.set(new Date(now + RETRY_SECONDS * 1000));
    const restarted = createServices(ctx.database, ctx.config, createLogger(ctx.config), ctx.clock);
    expect(await restarted.ewp.flow.runOutbox()).toBe(1);
    const [again] = await outboxOf(id);
    expect(again).toMatchObject({ status: "pending", attempts: 2 });
    expect(Date.parse(again?.next_attempt_at ?? "")).toBe(ctx.clock.now().getTime() + 2 * RETRY_SECONDS * 1000);
  });

  it("doubles the wait after each failure, gives up after the last attempt, and skips what cannot succeed", async () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, 1000))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(40, 1000)).toBe(6 * 60 * 60 * 1000);
    const db = ctx.database.db;
    const now = () => ctx.clock.now();
    const at = now().toISOString();
    await enqueue(db, {
      kind: "fetch_iia",
      heiId: "univ-lille.fr",
      partnerHeiId: "x.example",
      iiaId: "a",
      agreementId: null,
      now: at,
    });
    await enqueue(db, {
      kind: "fetch_iia",
      heiId: "univ-lille.fr",
      partnerHeiId: "y.example",
      iiaId: "b",
      agreementId: null,
      now: at,
    });
    // The same work asked for twice while it waits is one item.
    await enqueue(db, {
      kind: "fetch_iia",
      heiId: "univ-lille.fr",
      partnerHeiId: "y.example",
      iiaId: "b",
      agreementId: null,
      now: at,
    });
    const handle = async (item: { partner_hei_id: string }) => {
      if (item.partner_hei_id === "x.example") throw new Error("still down");
      throw new OutboxSkip("not in the catalogue");
    };
    const mine = () =>
      db
        .selectFrom("ewp_outbox")
        .selectAll()
        .where("partner_hei_id", "in", ["x.example", "y.example"])
        .orderBy("partner_hei_id")
        .execute();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await runDue(db, handle, { now, retryBaseMs: 1, limit: 100 });
      ctx.clock.set(new Date(now().getTime() + 7 * 60 * 60 * 1000));
    }
    const [x, y] = await mine();
    expect(x).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, last_error: "still down" });
    expect(y).toMatchObject({ status: "skipped", attempts: 1, last_error: "not in the catalogue" });

    const denied = await ctx.app.inject({
      method: "POST",
      url: `/api/ewp/outbox/${x?.id}/retry`,
      headers: viewer.headers,
    });
    expect(denied.statusCode).toBe(403);
    const retried = await ctx.app.inject({
      method: "POST",
      url: `/api/ewp/outbox/${x?.id}/retry`,
      headers: editor.headers,
    });
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toMatchObject({ status: "pending", attempts: 0, nextAttemptAt: now().toISOString() });
    const missing = await ctx.app.inject({
      method: "POST",
      url: "/api/ewp/outbox/00000000-0000-7000-8000-000000000000/retry",
      headers: editor.headers,
    });
    expect(missing.statusCode).toBe(404);
  });

  it("skips a partner the catalogue does not list, saying why", async () => {
    const ub = await organisation("Universitat de Barcelona", "ES", "ub.edu");
    const { id } = await agreementWithIia(ub, "ub.edu");
    await ctx.services.ewp.flow.runOutbox();
    const [item] = await outboxOf(id);
    expect(item).toMatchObject({ status: "skipped" });
    expect(item?.last_error).toMatch(/lists no iiaCnr endpoint for ub\.edu/);
  });
});

describe("deleting an agreement with an IIA", () => {
  it("stops serving one never approved and notifies the partner; refuses one approved", async () => {
    const { id, iiaId } = await agreementWithIia(warsaw, "uw.edu.pl");
    const res = await ctx.app.inject({ method: "DELETE", url: `/api/agreements/${id}`, headers: editor.headers });
    expect(res.statusCode, res.body).toBe(204);
    // The notification waiting since the IIA was saved is made due now: the partner will find the id gone.
    const withdrawn = await ctx.database.db.selectFrom("ewp_outbox").selectAll().where("iia_id", "=", iiaId).execute();
    expect(withdrawn).toEqual([
      expect.objectContaining({ kind: "iia_cnr", status: "pending", partner_hei_id: "uw.edu.pl" }),
    ]);
    const served = await ctx.services.ewp.node.iiasGet({ keyId: "k", heiIds: ["uw.edu.pl"] }, [iiaId]);
    expect(served).not.toContain(iiaId);

    const approved = await agreementWithIia(warsaw, "uw.edu.pl");
    await ctx.database.db
      .updateTable("agreement_iia")
      .set({ approved_by_partner_hash: "0".repeat(64), approved_by_partner_at: ctx.clock.now().toISOString() })
      .where("agreement_id", "=", approved.id)
      .execute();
    const refused = await ctx.app.inject({
      method: "DELETE",
      url: `/api/agreements/${approved.id}`,
      headers: editor.headers,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/terminate it instead/);
    expect(
      (await ctx.app.inject({ method: "GET", url: `/api/agreements/${approved.id}/iia`, headers: editor.headers }))
        .statusCode,
    ).toBe(200);
  });
});
