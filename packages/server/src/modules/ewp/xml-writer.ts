/**
 * A small writer for EWP documents: elements as plain data, serialised with two-space indents
 * between elements and compact leaves (`<a>text</a>`), so that no whitespace ever enters a value
 * the iia-hash reads.
 */

export interface XmlElement {
  /** Qualified name as written, e.g. `c:contact-name`. */
  name: string;
  attributes: ReadonlyArray<readonly [string, string]>;
  children: ReadonlyArray<XmlElement>;
  /** Character data of a leaf; a leaf without text is written empty (`<a/>`). */
  text?: string;
}

/** An element with children. */
export function node(
  name: string,
  children: ReadonlyArray<XmlElement | null | undefined | false>,
  attributes: ReadonlyArray<readonly [string, string]> = [],
): XmlElement {
  return { name, attributes, children: children.filter((c): c is XmlElement => !!c) };
}

/** A leaf holding text. */
export function leaf(
  name: string,
  text: string,
  attributes: ReadonlyArray<readonly [string, string]> = [],
): XmlElement {
  return { name, attributes, children: [], text };
}

/** A leaf when the value is given; nothing otherwise (empty optionals are left out). */
export function optionalLeaf(name: string, value: string | number | undefined | null): XmlElement | null {
  return value === undefined || value === null ? null : leaf(name, String(value));
}

/** One leaf per value. */
export function leaves(name: string, values: ReadonlyArray<string | number>): XmlElement[] {
  return values.map((v) => leaf(name, String(v)));
}

/** A leaf carrying an optional xml:lang. */
export function langLeaf(name: string, text: string, lang: string | undefined): XmlElement {
  return leaf(name, text, lang === undefined ? [] : [["xml:lang", lang]]);
}

export const xmlBoolean = (value: boolean) => (value ? "true" : "false");

/**
 * A number as xs:decimal and xs:integer write it. The domain schemas allow at most two decimals,
 * so the shortest form (5, 4.5, 0.25) never needs an exponent.
 */
export function xmlNumber(value: number): string {
  const text = String(value);
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new RangeError(`${text} cannot be written as an XML decimal`);
  return text;
}

// Characters XML 1.0 cannot carry at all, even as references.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters looked for
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

function checked(text: string): string {
  if (FORBIDDEN.test(text)) throw new RangeError("XML 1.0 cannot carry control characters");
  return text;
}

/** Text content: a carriage return is written as a reference so that a parser does not turn it into a line feed. */
export function escapeText(text: string): string {
  return checked(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#13;");
}

/** Attribute values also keep their tabs and line ends, which a parser would otherwise turn into spaces. */
export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, "&quot;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;");
}

function serialiseElement(el: XmlElement, depth: number, rootAttributes: string): string {
  const indent = "  ".repeat(depth);
  const attrs = rootAttributes + el.attributes.map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join("");
  if (el.children.length === 0) {
    return el.text === undefined || el.text === ""
      ? `${indent}<${el.name}${attrs}/>`
      : `${indent}<${el.name}${attrs}>${escapeText(el.text)}</${el.name}>`;
  }
  const inner = el.children.map((child) => serialiseElement(child, depth + 1, "")).join("\n");
  return `${indent}<${el.name}${attrs}>\n${inner}\n${indent}</${el.name}>`;
}

/** The whole document, with its namespace declarations on the root (`""` is the default namespace). */
export function serialiseXml(root: XmlElement, namespaces: Readonly<Record<string, string>>): string {
  const declarations = Object.entries(namespaces)
    .map(([prefix, uri]) => ` ${prefix === "" ? "xmlns" : `xmlns:${prefix}`}="${escapeAttribute(uri)}"`)
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serialiseElement(root, 0, declarations)}\n`;
}
