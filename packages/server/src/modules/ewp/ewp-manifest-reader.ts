import type { Element } from "@xmldom/xmldom";
import {
  compactBase64,
  type EwpApiEntry,
  type EwpHei,
  EwpRegistryFormatError,
  REGISTRY_NAMESPACE,
  readApisImplemented,
  readHei,
} from "./ewp-catalogue-entries.js";
import { DISCOVERY_NAMESPACE, MANIFEST_NAMESPACES } from "./ewp-manifest.js";
import { childElements, localNameOf, parseXml, stringValue } from "./xml-dom.js";

/**
 * Reads a Discovery manifest (v6) with the catalogue's own entry readers: what a local Registry
 * needs to compile a catalogue from its hosts' manifests.
 */

export interface EwpManifestHost {
  adminEmails: string[];
  adminProvider: string;
  adminNotes?: string;
  apis: EwpApiEntry[];
  heis: EwpHei[];
  /** Base64 (DER) RSA public keys, whitespace removed. */
  clientKeys: string[];
  serverKeys: string[];
}

function children(parent: Element, namespace: string, name: string): Element[] {
  return childElements(parent).filter((el) => el.namespaceURI === namespace && localNameOf(el) === name);
}

function keys(host: Element, list: string): string[] {
  const credentials = children(host, DISCOVERY_NAMESPACE, list)[0];
  return credentials
    ? children(credentials, DISCOVERY_NAMESPACE, "rsa-public-key").map((el) => compactBase64(stringValue(el)))
    : [];
}

/** The manifest's host, or null for a manifest without one. Throws when the document is not a manifest. */
export function readManifest(xml: string): EwpManifestHost | null {
  const root = parseXml(xml).documentElement;
  if (!root || root.namespaceURI !== DISCOVERY_NAMESPACE || localNameOf(root) !== "manifest")
    throw new EwpRegistryFormatError("The document is not an EWP Discovery manifest (v6)");
  const host = children(root, DISCOVERY_NAMESPACE, "host")[0];
  if (!host) return null;
  const covered = children(host, DISCOVERY_NAMESPACE, "institutions-covered")[0];
  const provider = children(host, MANIFEST_NAMESPACES.ewp, "admin-provider")[0];
  const notes = children(host, MANIFEST_NAMESPACES.ewp, "admin-notes")[0];
  return {
    adminEmails: children(host, MANIFEST_NAMESPACES.ewp, "admin-email").map((el) => stringValue(el).trim()),
    adminProvider: provider ? stringValue(provider).trim() : "",
    ...(notes ? { adminNotes: stringValue(notes).trim() } : {}),
    apis: readApisImplemented(host),
    heis: covered ? children(covered, REGISTRY_NAMESPACE, "hei").map(readHei) : [],
    clientKeys: keys(host, "client-credentials-in-use"),
    serverKeys: keys(host, "server-credentials-in-use"),
  };
}
