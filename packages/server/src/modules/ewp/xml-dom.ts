import { DOMParser, type Document, type Element, type Node, ParseError } from "@xmldom/xmldom";

/** Reading EWP documents through a DOM: a guarded parse and the few walks the readers need. */

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
export const XMLNS_NAMESPACE = "http://www.w3.org/2000/xmlns/";

/** A document that is not well-formed XML, or that carries what EWP documents never do (a DTD). */
export class XmlSyntaxError extends Error {
  constructor(
    readonly detail: string,
    readonly line: number | null,
  ) {
    super(line === null ? detail : `line ${line}: ${detail}`);
    this.name = "XmlSyntaxError";
  }
}

/**
 * Parses an XML document. Line ends are normalised as XML 1.0 says (CR LF and lone CR become
 * LF) and nothing more: the hash reads text as a conforming XML 1.0 parser hands it over, and
 * the XML 1.1 rules xmldom applies by default would also turn U+2028 or U+0085 into line feeds.
 * A DOCTYPE is refused: EWP documents have none, and entities it declared would not be expanded.
 */
export function parseXml(xml: string): Document {
  let first: string | null = null;
  const parser = new DOMParser({
    normalizeLineEndings: (source) => source.replace(/\r\n?/g, "\n"),
    onError: (level, message) => {
      if (level === "warning") return;
      first ??= message;
      throw new Error(message);
    },
  });
  let doc: Document;
  try {
    doc = parser.parseFromString(xml, "text/xml");
  } catch (err) {
    if (err instanceof ParseError) {
      const locator = err.locator as { lineNumber?: number } | undefined;
      throw new XmlSyntaxError(first ?? err.message, locator?.lineNumber ?? null);
    }
    throw err;
  }
  if (doc.doctype) throw new XmlSyntaxError("a DOCTYPE is not allowed", lineOf(doc.doctype));
  if (!doc.documentElement) throw new XmlSyntaxError("the document has no root element", null);
  return doc;
}

/** The line a node starts on (1-based), when the parser recorded it. */
export function lineOf(node: Node): number | null {
  return typeof node.lineNumber === "number" ? node.lineNumber : null;
}

export function isElement(node: Node | null | undefined): node is Element {
  return node?.nodeType === ELEMENT_NODE;
}

/** An element's local name, whatever its prefix or namespace. */
export function localNameOf(node: Node): string {
  return node.localName ?? node.nodeName.replace(/^.*:/, "");
}

/** The child elements of a node, in document order. */
export function childElements(node: Node): Element[] {
  const out: Element[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) if (isElement(child)) out.push(child);
  return out;
}

/** The child elements with a local name, in document order. */
export function childrenNamed(node: Node, name: string): Element[] {
  return childElements(node).filter((child) => localNameOf(child) === name);
}

/** Every descendant element, in document order. */
export function descendantElements(node: Node): Element[] {
  const out: Element[] = [];
  const walk = (parent: Node) => {
    for (const child of childElements(parent)) {
      out.push(child);
      walk(child);
    }
  };
  walk(node);
  return out;
}

/** The XPath string value: the text and CDATA of every descendant, as written, comments left out. */
export function stringValue(node: Node): string {
  if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) return node.nodeValue ?? "";
  let out = "";
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE || child.nodeType === CDATA_SECTION_NODE) out += child.nodeValue ?? "";
    else if (isElement(child)) out += stringValue(child);
  }
  return out;
}

/** The value of an attribute in no namespace, as `@name` selects it in XPath. */
export function plainAttribute(element: Element, name: string): string | null {
  for (const attr of Array.from(element.attributes)) {
    if (!attr.namespaceURI && localNameOf(attr) === name) return attr.value;
  }
  return null;
}

/** The element's attributes as XPath sees them: namespace declarations are not attributes. */
export function xpathAttributes(element: Element) {
  return Array.from(element.attributes).filter((attr) => attr.namespaceURI !== XMLNS_NAMESPACE);
}
