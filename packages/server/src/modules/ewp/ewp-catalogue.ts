import type { Element } from "@xmldom/xmldom";
import {
  compactBase64,
  type EwpApiEntry,
  type EwpHei,
  EwpRegistryFormatError,
  manifestEntryNamespace,
  REGISTRY_NAMESPACE,
  readApisImplemented,
  readHei,
  rsaKeyId,
} from "./ewp-catalogue-entries.js";
import { childElements, childrenNamed, localNameOf, parseXml, plainAttribute, stringValue } from "./xml-dom.js";

export type { EwpApiEntry, EwpHei } from "./ewp-catalogue-entries.js";
export { EwpRegistryFormatError, rsaKeyId } from "./ewp-catalogue-entries.js";

/**
 * The EWP Registry catalogue read into plain data: who serves which API at which URL, for which
 * institutions, and which RSA keys a host signs its requests and responses with.
 */

/** One EWP host of the catalogue. */
export interface EwpCatalogueHost {
  apis: EwpApiEntry[];
  /** SCHAC codes of the institutions the host serves and may call in the name of. */
  heiIds: string[];
  /** Key ids (SHA-256 hex) of the RSA keys the host signs requests with. */
  clientKeyIds: string[];
  /** Key ids (SHA-256 hex) of the RSA keys the host signs responses with. */
  serverKeyIds: string[];
}

export interface EwpCatalogue {
  hosts: EwpCatalogueHost[];
  heis: EwpHei[];
  /** Every RSA public key of the catalogue: key id → base64 of the DER form. */
  keys: Map<string, string>;
}

/** The partner APIs Conventio calls: manifest entry element, specification repository, major version spoken. */
export const EWP_PARTNER_APIS = {
  iias: { name: "iias", repository: "ewp-specs-api-iias", major: 7 },
  iiaCnr: { name: "iia-cnr", repository: "ewp-specs-api-iia-cnr", major: 3 },
  iiasApproval: { name: "iias-approval", repository: "ewp-specs-api-iias-approval", major: 2 },
  iiaApprovalCnr: { name: "iia-approval-cnr", repository: "ewp-specs-api-iia-approval-cnr", major: 2 },
  institutions: { name: "institutions", repository: "ewp-specs-api-institutions", major: 2 },
  ounits: { name: "organizational-units", repository: "ewp-specs-api-ounits", major: 2 },
  factsheet: { name: "factsheet", repository: "ewp-specs-api-factsheet", major: 1 },
} as const;
export type EwpPartnerApi = keyof typeof EWP_PARTNER_APIS;

const HEX_SHA256 = /^[0-9a-f]{64}$/;

function registryChildren(parent: Element, name: string): Element[] {
  return childrenNamed(parent, name).filter((el) => el.namespaceURI === REGISTRY_NAMESPACE);
}

function keyIdsOf(host: Element, list: string): string[] {
  const credentials = registryChildren(host, list)[0];
  return credentials
    ? registryChildren(credentials, "rsa-public-key").map((el) => (plainAttribute(el, "sha-256") ?? "").toLowerCase())
    : [];
}

function readHost(host: Element): EwpCatalogueHost {
  const covered = registryChildren(host, "institutions-covered")[0];
  return {
    apis: readApisImplemented(host),
    heiIds: covered ? registryChildren(covered, "hei-id").map((el) => stringValue(el).trim()) : [],
    clientKeyIds: keyIdsOf(host, "client-credentials-in-use"),
    serverKeyIds: keyIdsOf(host, "server-credentials-in-use"),
  };
}

/**
 * The keys of the `binaries` section by their id. The digest is computed from the key itself:
 * a key whose stated `sha-256` does not match its content is refused, since a key id is what
 * decides which institutions a caller may speak for.
 */
function readKeys(root: Element): Map<string, string> {
  const keys = new Map<string, string>();
  const binaries = registryChildren(root, "binaries")[0];
  for (const el of binaries ? registryChildren(binaries, "rsa-public-key") : []) {
    const stated = (plainAttribute(el, "sha-256") ?? "").toLowerCase();
    const der = compactBase64(stringValue(el));
    const id = rsaKeyId(der);
    if (stated !== id) throw new EwpRegistryFormatError(`The key listed as ${stated} has the digest ${id}`);
    keys.set(id, der);
  }
  return keys;
}

/** Reads a Registry catalogue document. Throws when it is not one. */
export function readCatalogue(xml: string): EwpCatalogue {
  const root = parseXml(xml).documentElement;
  if (!root || root.namespaceURI !== REGISTRY_NAMESPACE || localNameOf(root) !== "catalogue")
    throw new EwpRegistryFormatError("The document is not an EWP Registry catalogue");
  const hosts = registryChildren(root, "host").map(readHost);
  for (const host of hosts)
    for (const id of [...host.clientKeyIds, ...host.serverKeyIds])
      if (!HEX_SHA256.test(id)) throw new EwpRegistryFormatError(`A key id is not a SHA-256 digest: ${id}`);
  const institutions = registryChildren(root, "institutions")[0];
  const heis = institutions
    ? childElements(institutions)
        .filter((el) => el.namespaceURI === REGISTRY_NAMESPACE && localNameOf(el) === "hei")
        .map(readHei)
    : [];
  return { hosts, heis, keys: readKeys(root) };
}

/**
 * The institutions a request signed with this key may speak for: those covered by every host
 * that lists the key among its client credentials. Empty when the key is unknown (the caller
 * then gets 403).
 */
export function heisCoveredByClientKey(catalogue: EwpCatalogue, keyId: string): string[] {
  const id = keyId.toLowerCase();
  const heis = new Set<string>();
  for (const host of catalogue.hosts) if (host.clientKeyIds.includes(id)) for (const hei of host.heiIds) heis.add(hei);
  return [...heis];
}

function hostUrls(host: EwpCatalogueHost): string[] {
  return host.apis.flatMap((api) => Object.values(api.urls));
}

/**
 * The public keys (base64 DER) a response from this URL may be signed with. Only the host that
 * lists the URL counts, as the Registry specification demands; when several hosts claim the
 * same URL, each vouches only for its own keys, so all of theirs are returned together.
 */
export function serverKeysOf(catalogue: EwpCatalogue, url: string): string[] {
  const keys: string[] = [];
  for (const host of catalogue.hosts) {
    if (!hostUrls(host).includes(url)) continue;
    for (const id of host.serverKeyIds) {
      const key = catalogue.keys.get(id);
      if (key && !keys.includes(key)) keys.push(key);
    }
  }
  return keys;
}

/** The API entry, with its host, through which a partner institution serves an API. */
export interface EwpEndpoint {
  api: EwpApiEntry;
  host: EwpCatalogueHost;
}

/** Compares dotted versions numerically (7.10.0 after 7.9.1). */
function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map((n) => Number.parseInt(n, 10) || 0);
  const pb = b.split(".").map((n) => Number.parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/**
 * Where an institution serves an API in a major version (by default the one Conventio speaks),
 * or null when no host covering it implements that version. When several entries qualify, the
 * highest version wins.
 */
export function apiEndpoint(
  catalogue: EwpCatalogue,
  heiId: string,
  api: EwpPartnerApi,
  major: number = EWP_PARTNER_APIS[api].major,
): EwpEndpoint | null {
  const wanted = EWP_PARTNER_APIS[api];
  const namespace = manifestEntryNamespace(wanted.repository, major);
  let best: EwpEndpoint | null = null;
  for (const host of catalogue.hosts) {
    if (!host.heiIds.includes(heiId)) continue;
    for (const entry of host.apis) {
      if (entry.name !== wanted.name || entry.namespace !== namespace) continue;
      if (!best || compareVersions(entry.version, best.api.version) > 0) best = { api: entry, host };
    }
  }
  return best;
}
