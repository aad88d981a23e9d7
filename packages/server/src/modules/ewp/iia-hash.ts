import { createHash } from "node:crypto";
import type { Document, Element, Node } from "@xmldom/xmldom";
import {
  childElements,
  childrenNamed,
  descendantElements,
  localNameOf,
  parseXml,
  plainAttribute,
  stringValue,
  xpathAttributes,
} from "./xml-dom.js";

/**
 * The EWP IIAs v7 `iia-hash`: SHA-256 of the text-to-hash string that the official XSLT
 * (`transform_version_7.xsl`) builds from an `iia` element. The string is rebuilt here rule by
 * rule over a DOM, by local names only, from the raw character data (entities decoded, nothing
 * trimmed). `transform_version_6.xsl`, which computes the v7 hash of an agreement still held in
 * the v6 format, is followed too.
 */

export interface IiaHash {
  /** The first partner's iia-id: whose copy this is. */
  iiaId: string;
  textToHash: string;
  /** Lowercase hex SHA-256 of the UTF-8 text-to-hash. */
  iiaHash: string;
  /** False when a value carried over from v6 (not-yet-defined, v6-value) must be replaced before approval. */
  validForApproval: boolean;
}

export interface IiaHashOptions {
  /** Which official transform to follow: v7 documents, or agreements still written in v6. */
  rules?: "v7" | "v6";
  /**
   * "iia" (the default) hashes each agreement as if it were alone in its document. "document"
   * reproduces the official XSLT on a whole response, whose terminated and approval checks search
   * the entire document, so that one terminated agreement changes the others' hashes.
   */
  scope?: "iia" | "document";
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

const isTrue = (value: string | null) => value === "true" || value === "1";

/** A value as the XSLT dumps it: `_name=value_`. */
const dump = (name: string, value: string) => `_${name}=${value}_`;

function ancestors(node: Node): Node[] {
  const out: Node[] = [];
  for (let parent = node.parentNode; parent; parent = parent.parentNode) out.push(parent);
  return out;
}

/** The local name the XSLT's `local-name()` gives a node, empty for the document itself. */
function nameOf(node: Node | null): string {
  return node && node.nodeType === 1 ? localNameOf(node) : "";
}

function hasNotYetDefined(element: Element): boolean {
  return isTrue(plainAttribute(element, "not-yet-defined"));
}

/** A cooperation-conditions below `scope` flagged terminated-as-a-whole (the attribute in any namespace). */
function anyTerminated(scope: Node): boolean {
  return descendantElements(scope)
    .filter((el) => localNameOf(el) === "cooperation-conditions")
    .some((el) => xpathAttributes(el).some((a) => localNameOf(a) === "terminated-as-a-whole" && isTrue(a.value)));
}

/** Whether `scope` holds a v6 carry-over: a not-yet-defined flag or a non-empty v6-value. */
function holdsV6CarryOver(scope: Node): boolean {
  const elements = scope.nodeType === 1 ? [scope as Element, ...descendantElements(scope)] : descendantElements(scope);
  return elements.some((el) => hasNotYetDefined(el) || (plainAttribute(el, "v6-value") ?? "") !== "");
}

/** `_iia-id_1=…__iia-id_2=…_`: each partner's iia-id in document order, empty when absent. */
function partnerIds(iia: Element): string {
  return childrenNamed(iia, "partner")
    .map((partner, i) => {
      const id = childrenNamed(partner, "iia-id")[0];
      return dump(`iia-id_${i + 1}`, id ? stringValue(id) : "");
    })
    .join("");
}

function specs(iia: Element): Element[] {
  return childrenNamed(iia, "cooperation-conditions").flatMap((conditions) => childElements(conditions));
}

function valueOfFirst(parent: Element, name: string, pick: "first" | "last" = "first"): string {
  const found = childrenNamed(parent, name);
  const el = pick === "first" ? found[0] : found[found.length - 1];
  return el ? stringValue(el) : "";
}

const CONTACTS = new Set(["sending-contact", "receiving-contact"]);

/** The text of one v7 specification: its leaves and attributes, then its first and last years. */
function v7SpecText(spec: Element): string {
  let out = "";
  for (const el of descendantElements(spec)) {
    const name = localNameOf(el);
    const above = ancestors(el);
    if (above.some((a) => CONTACTS.has(nameOf(a)))) continue;
    if (name === "receiving-first-academic-year-id" || name === "receiving-last-academic-year-id") continue;
    if (hasNotYetDefined(el) || above.some((a) => a.nodeType === 1 && hasNotYetDefined(a as Element))) continue;
    const parent = el.parentNode;
    const grandparent = parent?.parentNode ?? null;
    for (const attr of xpathAttributes(el)) {
      const attrName = localNameOf(attr);
      if (!attr.namespaceURI && (attrName === "not-yet-defined" || attrName === "v6-value")) continue;
      out += `_@${nameOf(grandparent)}.${nameOf(parent)}.${name}.${attrName}=${attr.value}@_`;
    }
    if (childElements(el).length > 0) continue;
    const v6 = name === "isced-f-code" ? (plainAttribute(el, "v6-value") ?? "") : "";
    out += dump(`${nameOf(grandparent)}.${nameOf(parent)}.${name}`, v6 !== "" ? v6 : stringValue(el));
  }
  out += dump("receiving-first-academic-year-id", valueOfFirst(spec, "receiving-first-academic-year-id"));
  out += dump("receiving-last-academic-year-id", valueOfFirst(spec, "receiving-last-academic-year-id"));
  return out;
}

/** The text of one v6 specification: leaves only, the list of years reduced to its first and last. */
function v6SpecText(spec: Element): string {
  let out = "";
  for (const el of descendantElements(spec)) {
    const name = localNameOf(el);
    if (ancestors(el).some((a) => CONTACTS.has(nameOf(a)))) continue;
    if (name === "receiving-academic-year-id" || childElements(el).length > 0) continue;
    const parent = el.parentNode;
    out += dump(`${nameOf(parent?.parentNode ?? null)}.${nameOf(parent)}.${name}`, stringValue(el));
  }
  out += dump("receiving-first-academic-year-id", valueOfFirst(spec, "receiving-academic-year-id"));
  out += dump("receiving-last-academic-year-id", valueOfFirst(spec, "receiving-academic-year-id", "last"));
  return out;
}

function hashWithin(iia: Element, context: Node, rules: "v7" | "v6"): IiaHash {
  const firstPartner = childrenNamed(iia, "partner")[0];
  const iiaId = firstPartner ? valueOfFirst(firstPartner, "iia-id") : "";
  const textToHash =
    rules === "v6"
      ? partnerIds(iia) + specs(iia).map(v6SpecText).join("")
      : (anyTerminated(context) ? "_@terminated-as-a-whole@_" : "") +
        partnerIds(iia) +
        specs(iia).map(v7SpecText).join("");
  const validForApproval = rules === "v6" || !holdsV6CarryOver(context);
  return { iiaId, textToHash, iiaHash: sha256Hex(textToHash), validForApproval };
}

/** The hash of one `iia` element, computed as if it were the only agreement of its document. */
export function hashIia(iia: Element, options: Pick<IiaHashOptions, "rules"> = {}): IiaHash {
  return hashWithin(iia, iia, options.rules ?? "v7");
}

/**
 * The hash of every `iia` of an IIAs get-response (a parsed document or its XML text), in
 * document order. Each agreement is hashed on its own unless `scope: "document"` asks for the
 * official XSLT's whole-document reading.
 */
export function hashIiasGetResponse(source: Document | string, options: IiaHashOptions = {}): IiaHash[] {
  const doc = typeof source === "string" ? parseXml(source) : source;
  const rules = options.rules ?? "v7";
  return descendantElements(doc)
    .filter((el) => localNameOf(el) === "iia")
    .map((iia) => hashWithin(iia, options.scope === "document" ? doc : iia, rules));
}
