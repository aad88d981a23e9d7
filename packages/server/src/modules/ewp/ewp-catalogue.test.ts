import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  apiEndpoint,
  EwpRegistryFormatError,
  heisCoveredByClientKey,
  readCatalogue,
  rsaKeyId,
  serverKeysOf,
} from "./ewp-catalogue.js";
import { readShared } from "./ewp-xml-test-tools.js";
import { generateEwpKeyPair, keyIdOf, publicKeyBase64 } from "./http-signature-keys.js";
import { validateEwpXml } from "./xsd-validation.js";

const EXAMPLE_KEY_ID = "5531f9a02c44a894d0b706961259fec740ad4ae8a3555871f1a5cd9801285bd4";

function newKey(): string {
  const { publicKey } = generateKeyPairSync("rsa", { modulusLength: 1024 });
  return publicKey.export({ type: "spki", format: "der" }).toString("base64");
}

const GH = "https://github.com/erasmus-without-paper";
const entryNs = (repo: string, major: number) => `${GH}/${repo}/blob/stable-v${major}/manifest-entry.xsd`;

/** A catalogue of two providers: one serves two HEIs in IIAs v6 and v7, the other one HEI. */
function writtenCatalogue(keys: { a: string; b: string; server: string }) {
  const id = (key: string) => rsaKeyId(key);
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<catalogue xmlns="${GH}/ewp-specs-api-registry/tree/stable-v1"
    xmlns:ia6="${entryNs("ewp-specs-api-iias", 6)}" xmlns:ia7="${entryNs("ewp-specs-api-iias", 7)}"
    xmlns:cnr="${entryNs("ewp-specs-api-iia-cnr", 3)}" xmlns:in="${entryNs("ewp-specs-api-institutions", 2)}"
    xmlns:ou="${entryNs("ewp-specs-api-ounits", 2)}"
    xmlns:sec="${GH}/ewp-specs-sec-intro/tree/stable-v2"
    xmlns:cli="${GH}/ewp-specs-sec-cliauth-httpsig/tree/stable-v1"
    xmlns:srv="${GH}/ewp-specs-sec-srvauth-httpsig/tree/stable-v1">
  <host>
    <apis-implemented>
      <ia6:iias version="6.2.0">
        <ia6:url>https://a.example/iias-v6/get</ia6:url>
      </ia6:iias>
      <ia7:iias version="7.0.0">
        <ia7:http-security>
          <sec:client-auth-methods><cli:httpsig/></sec:client-auth-methods>
          <sec:server-auth-methods><srv:httpsig/></sec:server-auth-methods>
        </ia7:http-security>
        <ia7:get-url>https://a.example/iias/get</ia7:get-url>
        <ia7:max-iia-ids>3</ia7:max-iia-ids>
        <ia7:index-url>https://a.example/iias/index</ia7:index-url>
      </ia7:iias>
      <ia7:iias version="7.1.0">
        <ia7:get-url>https://a.example/iias-71/get</ia7:get-url>
        <ia7:max-iia-ids>5</ia7:max-iia-ids>
        <ia7:index-url>https://a.example/iias-71/index</ia7:index-url>
      </ia7:iias>
      <cnr:iia-cnr version="3.0.0"><cnr:url>https://a.example/iia-cnr</cnr:url></cnr:iia-cnr>
      <ou:organizational-units version="2.1.0">
        <ou:url>https://shared.example/ounits</ou:url>
        <ou:max-ounit-ids>10</ou:max-ounit-ids>
        <ou:max-ounit-codes>10</ou:max-ounit-codes>
      </ou:organizational-units>
    </apis-implemented>
    <institutions-covered><hei-id>a1.example</hei-id><hei-id>a2.example</hei-id></institutions-covered>
    <client-credentials-in-use><rsa-public-key sha-256="${id(keys.a)}"/></client-credentials-in-use>
    <server-credentials-in-use><rsa-public-key sha-256="${id(keys.server)}"/></server-credentials-in-use>
  </host>
  <host>
    <apis-implemented>
      <in:institutions version="2.2.0">
        <in:url>https://b.example/institutions</in:url>
        <in:max-hei-ids>1</in:max-hei-ids>
      </in:institutions>
      <ou:organizational-units version="2.1.0">
        <ou:url>https://shared.example/ounits</ou:url>
        <ou:max-ounit-ids>10</ou:max-ounit-ids>
        <ou:max-ounit-codes>10</ou:max-ounit-codes>
      </ou:organizational-units>
    </apis-implemented>
    <institutions-covered><hei-id>b.example</hei-id></institutions-covered>
    <client-credentials-in-use><rsa-public-key sha-256="${id(keys.b)}"/></client-credentials-in-use>
    <server-credentials-in-use><rsa-public-key sha-256="${id(keys.b)}"/></server-credentials-in-use>
  </host>
  <institutions>
    <hei id="a1.example"><other-id type="erasmus">F  PARIS999</other-id><name xml:lang="fr">Université A1</name><name>A1</name></hei>
    <hei id="a2.example"><name>A2</name></hei>
    <hei id="b.example"><other-id type="pic">999999999</other-id><name xml:lang="en">B University</name></hei>
  </institutions>
  <binaries>
    ${[keys.a, keys.b, keys.server].map((k) => `<rsa-public-key sha-256="${id(k)}">${k.replace(/(.{64})/g, "$1\n      ")}</rsa-public-key>`).join("\n    ")}
  </binaries>
</catalogue>
`;
  return xml;
}

describe("rsaKeyId", () => {
  it("names a manifest's key as HTTP signatures name it", () => {
    const pair = generateEwpKeyPair();
    expect(rsaKeyId(publicKeyBase64(pair.publicKeyPem))).toBe(keyIdOf(pair.publicKeyPem));
  });

  it("refuses text that is not base64", () => {
    expect(() => rsaKeyId("MIIB not base64")).toThrow(EwpRegistryFormatError);
  });
});

describe("readCatalogue on the official example", () => {
  const catalogue = readCatalogue(readShared("ewp-specs-api-registry/catalogue-example.xml"));

  it("reads both hosts with their APIs, institutions and key ids", () => {
    expect(catalogue.hosts).toHaveLength(2);
    const [registry, example] = catalogue.hosts;
    expect(registry?.apis.map((api) => [api.name, api.major, api.version])).toEqual([
      ["discovery", 5, "5.0.0"],
      ["registry", 1, "1.0.0"],
    ]);
    expect(registry?.apis[1]?.urls).toEqual({
      "catalogue-url": "https://registry.erasmuswithoutpaper.eu/catalogue-v1.xml",
    });
    expect(registry?.heiIds).toEqual([]);
    expect(registry?.clientKeyIds).toEqual([]);
    expect(example?.heiIds).toEqual(["uw.edu.pl"]);
    expect(example?.clientKeyIds).toEqual([EXAMPLE_KEY_ID]);
    expect(example?.serverKeyIds).toEqual([EXAMPLE_KEY_ID]);
  });

  it("reads an API entry's URL, repository and authentication methods", () => {
    const echo = catalogue.hosts[1]?.apis.find((api) => api.name === "echo");
    expect(echo).toMatchObject({
      repository: "ewp-specs-api-echo",
      major: 2,
      version: "2.0.0",
      urls: { url: "https://example.com/ewp/echo" },
    });
    expect(echo?.clientAuthMethods).toEqual([
      "https://github.com/erasmus-without-paper/ewp-specs-sec-cliauth-tlscert/tree/stable-v1",
      "https://github.com/erasmus-without-paper/ewp-specs-sec-cliauth-httpsig/tree/stable-v1",
    ]);
  });

  it("reads the institutions with their other ids and names", () => {
    expect(catalogue.heis).toEqual([
      {
        id: "uw.edu.pl",
        otherIds: [
          { type: "erasmus", value: "PL WARSZAW01" },
          { type: "erasmus-charter", value: "45834-EPP-1-2014-1-PL-EPPKA3-ECHE" },
          { type: "pic", value: "999572294" },
        ],
        names: [{ text: "University of Warsaw", lang: "en" }],
      },
    ]);
  });

  it("keeps each binary key by the digest of its content, whitespace removed", () => {
    expect([...catalogue.keys.keys()]).toEqual([EXAMPLE_KEY_ID]);
    const key = catalogue.keys.get(EXAMPLE_KEY_ID) ?? "";
    expect(key).toMatch(/^MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\S+IDAQAB$/);
    expect(rsaKeyId(key)).toBe(EXAMPLE_KEY_ID);
  });

  it("answers who a client key speaks for and which keys sign a URL", () => {
    expect(heisCoveredByClientKey(catalogue, EXAMPLE_KEY_ID.toUpperCase())).toEqual(["uw.edu.pl"]);
    expect(serverKeysOf(catalogue, "https://example.com/ewp/echo")).toEqual([catalogue.keys.get(EXAMPLE_KEY_ID)]);
    expect(serverKeysOf(catalogue, "https://registry.erasmuswithoutpaper.eu/catalogue-v1.xml")).toEqual([]);
  });
});

describe("readCatalogue on a catalogue of two providers", () => {
  const keys = { a: newKey(), b: newKey(), server: newKey() };
  const xml = writtenCatalogue(keys);
  const catalogue = readCatalogue(xml);

  it("is a valid catalogue", async () => {
    expect(await validateEwpXml(xml, { schema: "ewp-specs-api-registry/catalogue.xsd" })).toEqual([]);
  });

  it("gives the institutions a client key may speak for, and none for an unknown key", () => {
    expect(heisCoveredByClientKey(catalogue, rsaKeyId(keys.a))).toEqual(["a1.example", "a2.example"]);
    expect(heisCoveredByClientKey(catalogue, rsaKeyId(keys.b))).toEqual(["b.example"]);
    expect(heisCoveredByClientKey(catalogue, rsaKeyId(keys.server))).toEqual([]);
    expect(heisCoveredByClientKey(catalogue, rsaKeyId(newKey()))).toEqual([]);
  });

  it("gives the server keys of the host behind a URL, and of every host claiming a shared one", () => {
    expect(serverKeysOf(catalogue, "https://a.example/iias/get")).toEqual([keys.server]);
    expect(serverKeysOf(catalogue, "https://b.example/institutions")).toEqual([keys.b]);
    expect(serverKeysOf(catalogue, "https://shared.example/ounits")).toEqual([keys.server, keys.b]);
    expect(serverKeysOf(catalogue, "https://unknown.example/iias/get")).toEqual([]);
  });

  it("finds the highest version of the major spoken by a partner, with its URLs and limits", () => {
    const iias = apiEndpoint(catalogue, "a2.example", "iias");
    expect(iias?.api).toMatchObject({
      version: "7.1.0",
      urls: { "get-url": "https://a.example/iias-71/get", "index-url": "https://a.example/iias-71/index" },
      limits: { "max-iia-ids": 5 },
    });
    expect(iias?.host.heiIds).toContain("a2.example");
    expect(apiEndpoint(catalogue, "a1.example", "iias", 6)?.api.urls).toEqual({ url: "https://a.example/iias-v6/get" });
    expect(apiEndpoint(catalogue, "a1.example", "iiaCnr")?.api.urls.url).toBe("https://a.example/iia-cnr");
    expect(apiEndpoint(catalogue, "b.example", "ounits")?.api.limits).toEqual({
      "max-ounit-ids": 10,
      "max-ounit-codes": 10,
    });
  });

  it("finds no endpoint for an API, version or institution the catalogue does not pair", () => {
    expect(apiEndpoint(catalogue, "b.example", "iias")).toBeNull();
    expect(apiEndpoint(catalogue, "a1.example", "institutions")).toBeNull();
    expect(apiEndpoint(catalogue, "a1.example", "iias", 8)).toBeNull();
    expect(apiEndpoint(catalogue, "nowhere.example", "iias")).toBeNull();
  });

  it("reads names without a language and other ids verbatim", () => {
    expect(catalogue.heis[0]).toEqual({
      id: "a1.example",
      otherIds: [{ type: "erasmus", value: "F  PARIS999" }],
      names: [{ text: "Université A1", lang: "fr" }, { text: "A1" }],
    });
  });

  it("refuses a key whose stated digest does not match its content", () => {
    const forged = xml.replace(`<rsa-public-key sha-256="${rsaKeyId(keys.b)}">${keys.b.slice(0, 64)}`, (m) =>
      m.replace(rsaKeyId(keys.b), rsaKeyId(keys.a)),
    );
    expect(forged).not.toBe(xml);
    expect(() => readCatalogue(forged)).toThrow(EwpRegistryFormatError);
  });

  it("refuses a document that is not a catalogue", () => {
    expect(() => readCatalogue(readShared("ewp-specs-api-discovery/manifest-example.xml"))).toThrow(
      EwpRegistryFormatError,
    );
  });
});
