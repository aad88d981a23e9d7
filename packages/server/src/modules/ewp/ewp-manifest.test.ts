import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { rsaKeyId } from "./ewp-catalogue.js";
import {
  EWP_ENDPOINT_PATHS,
  MANIFEST_NAMESPACES,
  type ManifestInput,
  manifestApiEntries,
  writeManifest,
} from "./ewp-manifest.js";
import { readManifest } from "./ewp-manifest-reader.js";
import { readShared, validateWithXmllint } from "./ewp-xml-test-tools.js";
import { serialiseXml } from "./xml-writer.js";
import { validateEwpXml } from "./xsd-validation.js";

const MANIFEST_SCHEMA = "ewp-specs-api-discovery/manifest.xsd";

function newKey(): string {
  const { publicKey } = generateKeyPairSync("rsa", { modulusLength: 1024 });
  return publicKey.export({ type: "spki", format: "der" }).toString("base64");
}

const clientKey = newKey();
const serverKey = newKey();

const input: ManifestInput = {
  baseUrl: "https://conventio.uni.example/ewp/",
  adminEmails: ["ewp-admin@uni.example"],
  adminProvider: "Conventio (Example University)",
  adminNotes: "Served by Conventio & friends <test>",
  heis: [
    {
      id: "uni.example",
      otherIds: [
        { type: "erasmus", value: "S  EXAMPL01" },
        { type: "pic", value: "999888777" },
      ],
      names: [{ text: "Exempeluniversitetet", lang: "sv" }, { text: "Example University", lang: "en" }, { text: "EU" }],
    },
  ],
  clientKeys: [clientKey],
  serverKeys: [serverKey],
  limits: { maxIiaIds: 25 },
};

describe("writeManifest", () => {
  const xml = writeManifest(input);

  it("writes a manifest the native xmllint finds valid against manifest.xsd", () => {
    const native = validateWithXmllint(xml, MANIFEST_SCHEMA);
    expect(native.ok, native.report).toBe(true);
  });

  it("writes a manifest the run-time validator finds valid", async () => {
    expect(await validateEwpXml(xml, { schema: MANIFEST_SCHEMA })).toEqual([]);
  });

  it("writes every API entry valid against its own entry schema", async () => {
    const entries = manifestApiEntries(input);
    expect(entries.filter((e) => e.schema !== null)).toHaveLength(8);
    for (const entry of entries) {
      if (!entry.schema) continue;
      const standalone = serialiseXml(entry.element, MANIFEST_NAMESPACES);
      expect(await validateEwpXml(standalone, { schema: entry.schema }), entry.element.name).toEqual([]);
      expect(validateWithXmllint(standalone, entry.schema).ok, entry.element.name).toBe(true);
    }
    // Eight schema compilations, twice: seconds on a busy machine.
  }, 60_000);

  it("breaks its entry schema when a required limit is missing", async () => {
    const iias = manifestApiEntries(input).find((e) => e.element.name === "ia7:iias");
    if (!iias?.schema) throw new Error("no IIAs entry");
    const broken = { ...iias.element, children: iias.element.children.filter((c) => c.name !== "ia7:max-iia-ids") };
    const problems = await validateEwpXml(serialiseXml(broken, MANIFEST_NAMESPACES), { schema: iias.schema });
    expect(problems[0]?.element).toBe("index-url");
  });

  it("reads back with the APIs, URLs, limits and versions it was written with", () => {
    const host = readManifest(xml);
    const base = "https://conventio.uni.example/ewp";
    expect(host?.apis.map((api) => [api.name, api.major, api.version, api.urls, api.limits])).toEqual([
      ["discovery", 6, "6.0.0", { url: base + EWP_ENDPOINT_PATHS.manifest }, {}],
      ["echo", 2, "2.0.0", { url: `${base}/echo` }, {}],
      ["iias", 7, "7.0.0", { "get-url": `${base}/iias/get`, "index-url": `${base}/iias/index` }, { "max-iia-ids": 25 }],
      ["iia-cnr", 3, "3.0.0", { url: `${base}/iia-cnr` }, {}],
      ["iias-approval", 2, "2.0.0", { url: `${base}/iias-approval` }, { "max-iia-ids": 25 }],
      ["iia-approval-cnr", 2, "2.0.0", { url: `${base}/iia-approval-cnr` }, {}],
      ["institutions", 2, "2.2.0", { url: `${base}/institutions` }, { "max-hei-ids": 1 }],
      ["organizational-units", 2, "2.1.1", { url: `${base}/ounits` }, { "max-ounit-ids": 10, "max-ounit-codes": 10 }],
      ["factsheet", 1, "1.2.0", { url: `${base}/factsheet` }, { "max-hei-ids": 1 }],
    ]);
  });

  it("declares HTTP signatures for clients, and TLS or signatures for the server, on every API but Discovery", () => {
    const apis = readManifest(xml)?.apis ?? [];
    expect(apis.find((api) => api.name === "discovery")?.clientAuthMethods).toEqual([]);
    for (const api of apis.filter((a) => a.name !== "discovery")) {
      expect(api.clientAuthMethods, api.name).toEqual([MANIFEST_NAMESPACES.cliauth]);
      expect(api.serverAuthMethods, api.name).toEqual([MANIFEST_NAMESPACES.srvtls, MANIFEST_NAMESPACES.srvauth]);
    }
  });

  it("reads back with the same institution, administrators and keys", () => {
    const host = readManifest(xml);
    expect(host?.heis).toEqual(input.heis);
    expect(host?.adminEmails).toEqual(input.adminEmails);
    expect(host?.adminProvider).toBe(input.adminProvider);
    expect(host?.adminNotes).toBe(input.adminNotes);
    expect(host?.clientKeys).toEqual([clientKey]);
    expect(host?.serverKeys).toEqual([serverKey]);
    expect(host?.clientKeys.map(rsaKeyId)).not.toEqual(host?.serverKeys.map(rsaKeyId));
  });

  it("leaves out the credential lists and the institution when there are none", async () => {
    const bare = writeManifest({ ...input, heis: [], clientKeys: [], serverKeys: [], adminNotes: undefined });
    expect(bare).not.toContain("credentials-in-use");
    expect(bare).not.toContain("institutions-covered");
    expect(await validateEwpXml(bare, { schema: MANIFEST_SCHEMA })).toEqual([]);
  });

  it.each([
    ["an http base URL", { baseUrl: "http://uni.example/ewp" }],
    ["no administrator address", { adminEmails: [] }],
    ["two institutions", { heis: [...input.heis, { id: "other.example", otherIds: [], names: [{ text: "O" }] }] }],
    ["an institution without a name", { heis: [{ id: "uni.example", otherIds: [], names: [] }] }],
    ["a key that is not base64", { clientKeys: ["not a key!"] }],
    ["a limit of zero", { limits: { maxHeiIds: 0 } }],
  ] as const)("refuses %s", (_, change) => {
    expect(() => writeManifest({ ...input, ...change } as ManifestInput)).toThrow(RangeError);
  });
});

describe("readManifest", () => {
  it("reads the official example", () => {
    const host = readManifest(readShared("ewp-specs-api-discovery/manifest-example.xml"));
    expect(host?.adminProvider).toBe("MUCI (USOS)");
    expect(host?.apis.map((api) => [api.name, api.major, api.urls])).toEqual([
      ["discovery", 6, { url: "https://example.com/manifest.xml" }],
      ["echo", 2, { url: "https://example.com/ewp/echo" }],
    ]);
    expect(host?.heis.map((hei) => [hei.id, hei.otherIds.length, hei.names])).toEqual([
      ["uw.edu.pl", 3, [{ text: "University of Warsaw", lang: "en" }]],
    ]);
    expect(host?.clientKeys.map(rsaKeyId)).toEqual([
      "5531f9a02c44a894d0b706961259fec740ad4ae8a3555871f1a5cd9801285bd4",
    ]);
    expect(host?.serverKeys).toEqual(host?.clientKeys);
  });

  it("refuses a document that is not a manifest", () => {
    expect(() => readManifest(readShared("ewp-specs-api-registry/catalogue-example.xml"))).toThrow(
      /not an EWP Discovery/,
    );
  });
});
