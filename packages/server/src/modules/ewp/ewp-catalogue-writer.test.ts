import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { apiEndpoint, heisCoveredByClientKey, readCatalogue, rsaKeyId, serverKeysOf } from "./ewp-catalogue.js";
import { writeCatalogue } from "./ewp-catalogue-writer.js";
import { type ManifestInput, writeManifest } from "./ewp-manifest.js";
import { readManifest } from "./ewp-manifest-reader.js";
import { readShared, validateWithXmllint } from "./ewp-xml-test-tools.js";
import { validateEwpXml } from "./xsd-validation.js";

const CATALOGUE_SCHEMA = "ewp-specs-api-registry/catalogue.xsd";

function newKey(): string {
  const { publicKey } = generateKeyPairSync("rsa", { modulusLength: 1024 });
  return publicKey.export({ type: "spki", format: "der" }).toString("base64");
}

function installation(hei: string, name: string, keys: { client: string; server: string }): ManifestInput {
  return {
    baseUrl: `https://ewp.${hei}`,
    adminEmails: [`admin@${hei}`],
    adminProvider: "Conventio",
    heis: [{ id: hei, otherIds: [{ type: "pic", value: "999000111" }], names: [{ text: name, lang: "en" }] }],
    clientKeys: [keys.client],
    serverKeys: [keys.server],
  };
}

describe("writeCatalogue", () => {
  const a = { client: newKey(), server: newKey() };
  const b = { client: newKey(), server: newKey() };
  const manifests = [
    writeManifest(installation("a.example", "University A", a)),
    writeManifest(installation("b.example", "University B", b)),
  ];
  const xml = writeCatalogue(manifests);
  const catalogue = readCatalogue(xml);

  it("writes a catalogue valid against catalogue.xsd, natively and at run time", async () => {
    expect(await validateEwpXml(xml, { schema: CATALOGUE_SCHEMA })).toEqual([]);
    const native = validateWithXmllint(xml, CATALOGUE_SCHEMA);
    expect(native.ok, native.report).toBe(true);
  });

  it("keeps each host's API entries as its manifest wrote them", () => {
    expect(catalogue.hosts.map((host) => host.apis)).toEqual(manifests.map((m) => readManifest(m)?.apis));
  });

  it("lets a server tell which institution a signed request speaks for", () => {
    expect(heisCoveredByClientKey(catalogue, rsaKeyId(a.client))).toEqual(["a.example"]);
    expect(heisCoveredByClientKey(catalogue, rsaKeyId(b.client))).toEqual(["b.example"]);
    expect(heisCoveredByClientKey(catalogue, rsaKeyId(a.server))).toEqual([]);
  });

  it("lets a client find a partner's endpoints and the keys its responses are signed with", () => {
    const iias = apiEndpoint(catalogue, "b.example", "iias");
    expect(iias?.api.urls["get-url"]).toBe("https://ewp.b.example/iias/get");
    expect(serverKeysOf(catalogue, iias?.api.urls["get-url"] ?? "")).toEqual([b.server]);
    expect(apiEndpoint(catalogue, "a.example", "iiaApprovalCnr")?.api.urls.url).toBe(
      "https://ewp.a.example/iia-approval-cnr",
    );
  });

  it("lists every institution once and every key in binaries", () => {
    expect(catalogue.heis.map((hei) => [hei.id, hei.names])).toEqual([
      ["a.example", [{ text: "University A", lang: "en" }]],
      ["b.example", [{ text: "University B", lang: "en" }]],
    ]);
    expect([...catalogue.keys.values()].sort()).toEqual([a.client, a.server, b.client, b.server].sort());
  });

  it("carries over the official example manifest, Echo entry and security methods included", async () => {
    const official = readShared("ewp-specs-api-discovery/manifest-example.xml");
    const compiled = writeCatalogue([official]);
    expect(await validateEwpXml(compiled, { schema: CATALOGUE_SCHEMA })).toEqual([]);
    const [host] = readCatalogue(compiled).hosts;
    expect(host?.apis).toEqual(readManifest(official)?.apis);
    expect(host?.heiIds).toEqual(["uw.edu.pl"]);
    expect(compiled).toContain("<ewp:admin-notes>It's not a real manifest. Just an example.</ewp:admin-notes>");
    expect(host?.clientKeyIds).toEqual(["5531f9a02c44a894d0b706961259fec740ad4ae8a3555871f1a5cd9801285bd4"]);
  });

  it("refuses to write a catalogue without hosts", () => {
    expect(() => writeCatalogue([])).toThrow(RangeError);
  });
});
