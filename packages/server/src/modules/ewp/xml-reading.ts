import { type EwpXmlProblem, fieldMessage, issueMessage, type MessageParams } from "@conventio/domain";
import type { Element } from "@xmldom/xmldom";
import type { z } from "zod";
import { XML_NAMESPACE } from "./ewp-namespaces.js";
import { childrenNamed, lineOf, localNameOf, stringValue } from "./xml-dom.js";

/** A path into the model being read, e.g. ["mobilitySpecs", 0, "subjectAreas", 1, "iscedFCode"]. */
export type ModelPath = ReadonlyArray<string | number>;

const key = (path: ModelPath) => path.join(".");

/**
 * The state of reading one document into the model: the problems found so far, and which element
 * each model field came from, so that a rule broken in the model is reported on its element and line.
 */
export class XmlReading {
  readonly problems: EwpXmlProblem[] = [];
  /** Structural problems (missing or unreadable values) make the record unusable; rule problems do not. */
  broken = false;
  private readonly sources = new Map<string, Element>();

  /** Notes that the field at `path` was read from `element`. */
  from(path: ModelPath, element: Element): void {
    this.sources.set(key(path), element);
  }

  report(element: Element | null, message: { message: string; key: string; params?: MessageParams }, path?: ModelPath) {
    this.problems.push({
      line: element ? lineOf(element) : null,
      element: element ? localNameOf(element) : null,
      ...(path ? { field: key(path) } : {}),
      message: message.message,
      key: message.key,
      ...(message.params ? { params: message.params } : {}),
    });
  }

  /** A value the model cannot do without: the record is dropped, and the problem names the element. */
  fail(element: Element | null, message: { message: string; key: string; params?: MessageParams }, path?: ModelPath) {
    this.broken = true;
    this.report(element, message, path);
  }

  /** Reports each issue of a domain schema on the element its field was read from (or the nearest one above). */
  reportIssues(issues: ReadonlyArray<z.core.$ZodIssue>, base: ModelPath, fallback: Element): void {
    for (const issue of issues) {
      const path = [...base, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))];
      let element: Element | undefined;
      for (let n = path.length; n >= base.length && !element; n--) element = this.sources.get(key(path.slice(0, n)));
      this.report(element ?? fallback, issueMessage(issue), path.slice(base.length));
    }
  }

  /** The text of the single child `name`, or undefined when there is none. */
  optional(parent: Element, name: string, path: ModelPath): string | undefined {
    const el = childrenNamed(parent, name)[0];
    if (!el) return undefined;
    this.from(path, el);
    return stringValue(el);
  }

  /** The text of the single child `name`; its absence breaks the record. */
  required(parent: Element, name: string, path: ModelPath): string {
    const value = this.optional(parent, name, path);
    if (value === undefined)
      this.fail(
        parent,
        fieldMessage("The required element {{element}} is missing from {{parent}}", {
          element: name,
          parent: localNameOf(parent),
        }),
        path,
      );
    return value ?? "";
  }

  /** An xs:boolean: true, false, 1 or 0, surrounding whitespace allowed. */
  boolean(el: Element, path: ModelPath): boolean {
    this.from(path, el);
    const text = stringValue(el).trim();
    if (text === "true" || text === "1") return true;
    if (text !== "false" && text !== "0")
      this.fail(
        el,
        fieldMessage("{{element}} must be true or false, not {{value}}", { element: localNameOf(el), value: text }),
        path,
      );
    return false;
  }

  /** An xs:integer or xs:decimal as a number. */
  number(el: Element, path: ModelPath, kind: "integer" | "decimal"): number {
    this.from(path, el);
    const text = stringValue(el).trim();
    const pattern = kind === "integer" ? /^[+-]?\d+$/ : /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
    if (!pattern.test(text)) {
      this.fail(
        el,
        kind === "integer"
          ? fieldMessage("{{element}} must be a whole number, not {{value}}", { element: localNameOf(el), value: text })
          : fieldMessage("{{element}} must be a decimal number, not {{value}}", {
              element: localNameOf(el),
              value: text,
            }),
        path,
      );
      return 0;
    }
    return Number(text);
  }
}

/** The element's xml:lang, when it has one. */
export function xmlLang(el: Element): string | undefined {
  const lang = el.getAttributeNS(XML_NAMESPACE, "lang");
  return lang === null || lang === "" ? undefined : lang;
}
