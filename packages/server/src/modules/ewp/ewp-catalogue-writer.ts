import type { Element } from "@xmldom/xmldom";
import { compactBase64, REGISTRY_NAMESPACE, rsaKeyId } from "./ewp-catalogue-entries.js";
import { MANIFEST_NAMESPACES } from "./ewp-manifest.js";
import { type EwpManifestHost, readManifest } from "./ewp-manifest-reader.js";
import { XML_NAMESPACE } from "./ewp-namespaces.js";
import { childElements, localNameOf, parseXml, stringValue, xpathAttributes } from "./xml-dom.js";
import { langLeaf, leaf, node, serialiseXml, type XmlElement } from "./xml-writer.js";

/**
 * A Registry catalogue compiled from Discovery manifests, as the EWP Registry does: what a local
 * network of Conventio installations (or a test) needs to find its peers and trust their keys.
 * API entries are copied as the manifests wrote them; keys move to `binaries`, named by digest.
 */

/** Gives each namespace met while copying one prefix, reusing the manifest's usual ones. */
class Prefixes {
  readonly declared: Record<string, string> = { "": REGISTRY_NAMESPACE, ewp: MANIFEST_NAMESPACES.ewp };
  private readonly byNamespace = new Map<string, string>(
    Object.entries(MANIFEST_NAMESPACES)
      .filter(([prefix]) => prefix !== "")
      .map(([prefix, namespace]) => [namespace, prefix]),
  );

  qualified(namespace: string | null, local: string): string {
    if (namespace === REGISTRY_NAMESPACE) return local;
    if (!namespace) throw new RangeError(`The element ${local} has no namespace`);
    let prefix = this.byNamespace.get(namespace);
    if (!prefix) {
      prefix = `n${this.byNamespace.size}`;
      this.byNamespace.set(namespace, prefix);
    }
    this.declared[prefix] = namespace;
    return `${prefix}:${local}`;
  }
}

/** A DOM element as the writer's plain data, under the catalogue's prefixes. */
function copyElement(el: Element, prefixes: Prefixes): XmlElement {
  const attributes = xpathAttributes(el).map((attr): readonly [string, string] => {
    if (attr.namespaceURI === XML_NAMESPACE) return [`xml:${localNameOf(attr)}`, attr.value];
    if (attr.namespaceURI) return [prefixes.qualified(attr.namespaceURI, localNameOf(attr)), attr.value];
    return [localNameOf(attr), attr.value];
  });
  const name = prefixes.qualified(el.namespaceURI, localNameOf(el));
  const children = childElements(el);
  return children.length
    ? node(
        name,
        children.map((child) => copyElement(child, prefixes)),
        attributes,
      )
    : leaf(name, stringValue(el).trim(), attributes);
}

function manifestApis(xml: string): Element | undefined {
  const root = parseXml(xml).documentElement;
  const host = root ? childElements(root).find((el) => localNameOf(el) === "host") : undefined;
  return host
    ? childElements(host).find((el) => el.namespaceURI === REGISTRY_NAMESPACE && localNameOf(el) === "apis-implemented")
    : undefined;
}

function hostElement(manifest: EwpManifestHost, apis: Element | undefined, prefixes: Prefixes): XmlElement {
  const keyRefs = (keys: string[]) => keys.map((key) => node("rsa-public-key", [], [["sha-256", rsaKeyId(key)]]));
  return node("host", [
    ...manifest.adminEmails.map((email) => leaf(prefixes.qualified(MANIFEST_NAMESPACES.ewp, "admin-email"), email)),
    manifest.adminProvider
      ? leaf(prefixes.qualified(MANIFEST_NAMESPACES.ewp, "admin-provider"), manifest.adminProvider)
      : null,
    manifest.adminNotes !== undefined
      ? leaf(prefixes.qualified(MANIFEST_NAMESPACES.ewp, "admin-notes"), manifest.adminNotes)
      : null,
    apis ? copyElement(apis, prefixes) : null,
    node(
      "institutions-covered",
      manifest.heis.map((hei) => leaf("hei-id", hei.id)),
    ),
    node("client-credentials-in-use", keyRefs(manifest.clientKeys)),
    node("server-credentials-in-use", keyRefs(manifest.serverKeys)),
  ]);
}

/** Compiles a catalogue from manifests (a manifest without a host adds nothing). */
export function writeCatalogue(manifests: string[]): string {
  const prefixes = new Prefixes();
  const hosts: XmlElement[] = [];
  const heis = new Map<string, XmlElement>();
  const keys = new Map<string, string>();
  for (const xml of manifests) {
    const manifest = readManifest(xml);
    if (!manifest) continue;
    hosts.push(hostElement(manifest, manifestApis(xml), prefixes));
    for (const hei of manifest.heis) {
      if (heis.has(hei.id)) continue;
      heis.set(
        hei.id,
        node(
          "hei",
          [
            ...hei.otherIds.map((other) => leaf("other-id", other.value, [["type", other.type]])),
            ...hei.names.map((name) => langLeaf("name", name.text, name.lang)),
          ],
          [["id", hei.id]],
        ),
      );
    }
    for (const key of [...manifest.clientKeys, ...manifest.serverKeys]) keys.set(rsaKeyId(key), compactBase64(key));
  }
  if (hosts.length === 0) throw new RangeError("A catalogue needs at least one host");
  const root = node("catalogue", [
    ...hosts,
    node("institutions", [...heis.values()]),
    node(
      "binaries",
      [...keys].map(([id, key]) => leaf("rsa-public-key", key, [["sha-256", id]])),
    ),
  ]);
  return serialiseXml(root, prefixes.declared);
}
