import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "#test/harness.js";
import { readCatalogue } from "./ewp-catalogue.js";
import { writeCatalogue } from "./ewp-catalogue-writer.js";
import { ewpClient } from "./ewp-client.js";
import { writeManifest } from "./ewp-manifest.js";
import { writeCnrResponse } from "./ewp-node-xml.js";
import { generateEwpKeyPair, keyIdOf, publicKeyBase64 } from "./http-signature-keys.js";
import { signResponse } from "./http-signature-response.js";

/**
 * The client's side of server authentication, against a real HTTP server on loopback that plays
 * a partner's node: a signed answer is accepted when its key is the host's, refused otherwise;
 * an unsigned one rests on TLS. (The catalogue points at plain HTTP here: TLS is the demo's part.)
 */
let ctx: TestContext;
let server: Server;
let port = 0;
const partner = { client: generateEwpKeyPair(), server: generateEwpKeyPair() };
const impostor = generateEwpKeyPair();
let signWith: "partner" | "impostor" | "none" = "partner";
let seen: Record<string, string | string[] | undefined> = {};

function client() {
  const manifest = writeManifest({
    baseUrl: `https://127.0.0.1:${port}/ewp`,
    adminEmails: ["ewp@uw.edu.pl"],
    adminProvider: "Test node",
    heis: [{ id: "uw.edu.pl", otherIds: [], names: [{ text: "University of Warsaw" }] }],
    clientKeys: [publicKeyBase64(partner.client.publicKeyPem)],
    serverKeys: [publicKeyBase64(partner.server.publicKeyPem)],
  });
  const catalogue = readCatalogue(writeCatalogue([manifest]).replaceAll("https://127.0.0.1", "http://127.0.0.1"));
  return ewpClient({
    db: ctx.database.db,
    clock: { now: () => new Date() },
    keys: ctx.services.ewp.keys,
    catalogue: { location: "test", get: async () => catalogue },
  });
}

const notify = () =>
  client()({
    partnerHeiId: "uw.edu.pl",
    api: "iiaCnr",
    endpoint: "url",
    method: "POST",
    params: [
      ["notifier_hei_id", "univ-lille.fr"],
      ["iia_id", "lille-1"],
    ],
    iiaId: "lille-1",
  });

beforeAll(async () => {
  ctx = await createTestContext();
  server = createServer((req, res) => {
    seen = req.headers;
    const body = writeCnrResponse("iiaCnr");
    const key = signWith === "partner" ? partner.server : impostor;
    const headers =
      signWith === "none"
        ? {}
        : signResponse({
            body,
            requestId: String(req.headers["x-request-id"]),
            requestAuthorization: req.headers.authorization,
            keyId: keyIdOf(key.publicKeyPem),
            privateKeyPem: key.privateKeyPem,
            now: new Date(),
          });
    res.writeHead(200, { "content-type": "application/xml", ...headers });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await ctx.close();
});

describe("the EWP client", () => {
  it("signs its request and accepts an answer signed with the partner's server key", async () => {
    signWith = "partner";
    const answer = await notify();
    expect(answer.status).toBe(200);
    const ours = await ctx.services.ewp.keys.get();
    expect(String(seen.authorization)).toContain(`keyId="${ours.client.keyId}"`);
    expect(seen["accept-signature"]).toBe("rsa-sha256");
  });

  it("refuses an answer signed with a key the catalogue does not give that host, and logs why", async () => {
    signWith = "impostor";
    await expect(notify()).rejects.toThrow(/The response was refused: the key [0-9a-f]{64} is not known/);
    const logged = await ctx.database.db
      .selectFrom("ewp_call")
      .selectAll()
      .orderBy("at", "desc")
      .orderBy("id", "desc")
      .executeTakeFirst();
    expect(logged).toMatchObject({ direction: "out", api: "iiaCnr", status: 200 });
    expect(logged?.error).toMatch(/response was refused/);
  });

  it("takes an unsigned answer, whose host rests on its TLS certificate", async () => {
    signWith = "none";
    expect((await notify()).status).toBe(200);
  });
});
