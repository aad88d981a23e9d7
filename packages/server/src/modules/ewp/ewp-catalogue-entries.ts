import { createHash } from "node:crypto";
import type { Element } from "@xmldom/xmldom";
import { childElements, childrenNamed, localNameOf, plainAttribute, stringValue } from "./xml-dom.js";
import { xmlLang } from "./xml-reading.js";

/**
 * The parts a Registry catalogue and a Discovery manifest share: the API entries of
 * `apis-implemented`, the `hei` descriptions, and RSA public keys named by their digest.
 */

const GITHUB = "https://github.com/erasmus-without-paper";

/** Namespace of the Registry catalogue, which also holds `apis-implemented` and `hei` in manifests. */
export const REGISTRY_NAMESPACE = `${GITHUB}/ewp-specs-api-registry/tree/stable-v1`;

/** Namespace of an API's manifest entry: each major version of each API has its own. */
export function manifestEntryNamespace(repository: string, major: number): string {
  return `${GITHUB}/${repository}/blob/stable-v${major}/manifest-entry.xsd`;
}

const ENTRY_NAMESPACE =
  /^https:\/\/github\.com\/erasmus-without-paper\/([^/]+)\/blob\/stable-v(\d+)\/manifest-entry\.xsd$/;

/** One API a host implements, as its manifest entry describes it. */
export interface EwpApiEntry {
  /** The entry's element name, e.g. `iias`, `iia-cnr`, `organizational-units`. */
  name: string;
  /** The entry's namespace, which fixes the API's major version. */
  namespace: string;
  /** The specification repository, e.g. `ewp-specs-api-iias`; null for an API outside EWP. */
  repository: string | null;
  /** The major version the namespace names; null when the namespace does not follow EWP's pattern. */
  major: number | null;
  /** The `version` attribute, e.g. `7.0.0`. */
  version: string;
  /** Every URL of the entry by element name: `url`, or `get-url`, `index-url`, `stats-url`… */
  urls: Record<string, string>;
  /** Every `max-…` limit of the entry by element name, e.g. `max-iia-ids`. */
  limits: Record<string, number>;
  /** Namespaces of the client authentication methods listed in `http-security`. */
  clientAuthMethods: string[];
  /** Namespaces of the server authentication methods listed in `http-security`. */
  serverAuthMethods: string[];
}

export interface EwpHeiName {
  text: string;
  lang?: string;
}

export interface EwpHeiOtherId {
  type: string;
  value: string;
}

/** An institution as the Registry and the manifests describe it. */
export interface EwpHei {
  /** The SCHAC code. */
  id: string;
  otherIds: EwpHeiOtherId[];
  names: EwpHeiName[];
}

/** A catalogue or manifest that cannot be read as one. */
export class EwpRegistryFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EwpRegistryFormatError";
  }
}

/**
 * The key id EWP uses for an RSA public key: the lowercase hex SHA-256 of its binary (DER)
 * form. The same digest names keys in the catalogue and `keyId` in HTTP signatures.
 */
export function rsaKeyId(base64Der: string): string {
  return createHash("sha256").update(decodeBase64(base64Der)).digest("hex");
}

/** A base64 value as written in XML (line breaks and indents allowed), checked strictly. */
export function decodeBase64(text: string): Buffer {
  const compact = text.replace(/\s+/g, "");
  if (compact === "" || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact))
    throw new EwpRegistryFormatError("An RSA public key is not valid base64");
  return Buffer.from(compact, "base64");
}

/** A base64 value without the whitespace XML allows inside it. */
export const compactBase64 = (text: string) => text.replace(/\s+/g, "");

function authMethods(security: Element | undefined, name: string): string[] {
  const list = security ? childrenNamed(security, name)[0] : undefined;
  return list ? childElements(list).map((method) => method.namespaceURI ?? "") : [];
}

/** Reads one child of `apis-implemented`. */
export function readApiEntry(entry: Element): EwpApiEntry {
  const namespace = entry.namespaceURI ?? "";
  const match = ENTRY_NAMESPACE.exec(namespace);
  const urls: Record<string, string> = {};
  const limits: Record<string, number> = {};
  for (const child of childElements(entry)) {
    if (child.namespaceURI !== namespace) continue;
    const name = localNameOf(child);
    const text = stringValue(child).trim();
    if (name === "url" || name.endsWith("-url")) urls[name] = text;
    else if (name.startsWith("max-") && /^\d+$/.test(text)) limits[name] = Number(text);
  }
  const security = childElements(entry).find(
    (child) => child.namespaceURI === namespace && localNameOf(child) === "http-security",
  );
  return {
    name: localNameOf(entry),
    namespace,
    repository: match?.[1] ?? null,
    major: match ? Number(match[2]) : null,
    version: plainAttribute(entry, "version") ?? "",
    urls,
    limits,
    clientAuthMethods: authMethods(security, "client-auth-methods"),
    serverAuthMethods: authMethods(security, "server-auth-methods"),
  };
}

/** The entries of an `apis-implemented` element (none when the host has no such element). */
export function readApisImplemented(host: Element): EwpApiEntry[] {
  const list = childElements(host).find(
    (child) => child.namespaceURI === REGISTRY_NAMESPACE && localNameOf(child) === "apis-implemented",
  );
  return list ? childElements(list).map(readApiEntry) : [];
}

/** Reads a registry `hei` element. */
export function readHei(hei: Element): EwpHei {
  const id = plainAttribute(hei, "id");
  if (!id) throw new EwpRegistryFormatError("A hei element has no id");
  return {
    id,
    otherIds: childrenNamed(hei, "other-id").map((el) => ({
      type: plainAttribute(el, "type") ?? "",
      value: stringValue(el).trim(),
    })),
    names: childrenNamed(hei, "name").map((el) => {
      const lang = xmlLang(el);
      return { text: stringValue(el).trim(), ...(lang ? { lang } : {}) };
    }),
  };
}
