import { SaxesParser } from "saxes";

/** The XML namespace, where `xml:lang` lives. */
export const XML_NS = "http://www.w3.org/XML/1998/namespace";

/** An element as a strict, namespace-aware parser read it. */
export interface XmlElement {
  uri: string;
  local: string;
  /** Attribute values by `{namespace}local`, or by `local` alone for attributes in no namespace. */
  attributes: Map<string, string>;
  children: XmlElement[];
  /** The character data directly inside the element, CDATA sections included. */
  text: string;
}

/**
 * Parses a document with saxes, which follows the XML 1.0 and Namespaces specifications strictly
 * (undefined entities, stray `&` or `<`, forbidden characters and undeclared prefixes are
 * errors): any error fails the test instead of being repaired as a browser would.
 */
export function parseXmlStrictly(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on("error", (err) => {
    throw err;
  });
  parser.on("opentag", (tag) => {
    const attributes = new Map<string, string>();
    for (const a of Object.values(tag.attributes)) {
      attributes.set(a.uri ? `{${a.uri}}${a.local}` : a.local, a.value);
    }
    const element: XmlElement = { uri: tag.uri, local: tag.local, attributes, children: [], text: "" };
    stack.at(-1)?.children.push(element);
    root ??= element;
    stack.push(element);
  });
  parser.on("text", (text) => {
    const top = stack.at(-1);
    if (top) top.text += text;
  });
  parser.on("cdata", (text) => {
    const top = stack.at(-1);
    if (top) top.text += text;
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  parser.write(xml).close();
  if (!root) throw new Error("The document has no root element.");
  return root;
}

/** The children of `parent` with this namespace and local name. */
export function childrenNamed(parent: XmlElement, uri: string, local: string): XmlElement[] {
  return parent.children.filter((c) => c.uri === uri && c.local === local);
}

/** The one child with this name; fails when there is none or more than one. */
export function childNamed(parent: XmlElement, uri: string, local: string): XmlElement {
  const found = childrenNamed(parent, uri, local);
  if (found.length !== 1) throw new Error(`Expected one {${uri}}${local} in ${parent.local}, found ${found.length}.`);
  return found[0] as XmlElement;
}

/** Every element below `root`, in document order. */
export function descendants(root: XmlElement): XmlElement[] {
  return root.children.flatMap((c) => [c, ...descendants(c)]);
}

/** An attribute's value: `name` in no namespace, or in `uri` when given. */
export function attribute(element: XmlElement, name: string, uri?: string): string | undefined {
  return element.attributes.get(uri ? `{${uri}}${name}` : name);
}
