import { readFileSync } from "node:fs";
import { join, posix } from "node:path";
import { fileURLToPath } from "node:url";
import { type EwpXmlProblem, fieldMessage } from "@conventio/domain";
import { memoryPages, validateXML } from "xmllint-wasm";
import { EWP_DOCUMENTS, type EwpDocumentKind } from "./ewp-namespaces.js";
import { childElements, localNameOf, parseXml } from "./xml-dom.js";

/**
 * Validation of EWP documents against the official XML Schemas shipped in `assets/ewp`, with
 * libxml2 compiled to WebAssembly (xmllint-wasm): no native build, no download, no network. The
 * wasm build has no catalogue support, so the schemas' remote imports are rewritten here, by the
 * rules of the shipped `catalog.xml`, to paths in the in-memory file system libxml2 reads from.
 */

export const EWP_ASSETS = fileURLToPath(new URL("../../../assets/ewp/", import.meta.url));

/** Where the schemas sit in the validator's in-memory file system. */
const MOUNT = "/ewp";

interface Rewrite {
  from: string;
  to: string;
  whole: boolean;
}

let rewrites: Rewrite[] | null = null;

/** The catalogue's system-id rules: prefixes rewritten to folders, whole ids to files. */
export function catalogueRewrites(): Rewrite[] {
  if (rewrites) return rewrites;
  const catalogue = parseXml(readFileSync(join(EWP_ASSETS, "catalog.xml"), "utf8")).documentElement;
  const rules: Rewrite[] = [];
  for (const entry of catalogue ? childElements(catalogue) : []) {
    const name = localNameOf(entry);
    if (name === "rewriteSystem")
      rules.push({
        from: entry.getAttribute("systemIdStartString") ?? "",
        to: entry.getAttribute("rewritePrefix") ?? "",
        whole: false,
      });
    if (name === "system")
      rules.push({ from: entry.getAttribute("systemId") ?? "", to: entry.getAttribute("uri") ?? "", whole: true });
  }
  rewrites = rules.filter((r) => r.from !== "");
  return rewrites;
}

/** The local path (relative to the assets) the catalogue gives a schema address, or null. */
export function resolveSchemaLocation(location: string): string | null {
  for (const rule of catalogueRewrites()) {
    if (rule.whole ? location === rule.from : location.startsWith(rule.from))
      return rule.whole ? rule.to : rule.to + location.slice(rule.from.length);
  }
  return null;
}

interface SchemaFile {
  fileName: string;
  contents: string;
}

const prepared = new Map<string, SchemaFile[]>();

/** A schema and everything it imports, with every schemaLocation pointing into the in-memory mount. */
function schemaClosure(schema: string): SchemaFile[] {
  const cached = prepared.get(schema);
  if (cached) return cached;
  const files: SchemaFile[] = [];
  const seen = new Set<string>();
  const visit = (relative: string) => {
    if (seen.has(relative)) return;
    seen.add(relative);
    const imports: string[] = [];
    const text = readFileSync(join(EWP_ASSETS, relative), "utf8").replace(
      /schemaLocation="([^"]+)"/g,
      (_, location: string) => {
        const local = /^[a-z]+:/i.test(location)
          ? resolveSchemaLocation(location)
          : posix.join(posix.dirname(relative), location);
        if (local === null) throw new Error(`The catalogue does not map the schema ${location}`);
        imports.push(local);
        return `schemaLocation="${MOUNT}/${local}"`;
      },
    );
    files.push({ fileName: `${MOUNT}/${relative}`.slice(1), contents: text });
    for (const next of imports) visit(next);
  };
  visit(schema);
  prepared.set(schema, files);
  return files;
}

const DOCUMENT_NAME = "document.xml";

/** One line of xmllint's report as a problem on its line and element. */
function problemOf(line: string): EwpXmlProblem | null {
  const m = /^([^:]*):(\d+): (.*)$/.exec(line);
  if (!m || m[1] !== DOCUMENT_NAME) return null;
  const text = m[3] ?? "";
  const element = /Element '(?:\{[^}]*\})?([^']+)'/.exec(text)?.[1] ?? /^element ([^:]+):/.exec(text)?.[1] ?? null;
  const detail = text
    .replace(/^element [^:]+: /, "")
    .replace(/^[A-Za-z ]+(?:error|warning) : /, "")
    .replace(/\{[^}]*\}/g, "")
    .trim();
  const message = /parser error/.test(text)
    ? fieldMessage("The document is not well-formed XML: {{detail}}", { detail })
    : fieldMessage("Not valid against the EWP schema: {{detail}}", { detail });
  return { line: Number(m[2]), element, ...message };
}

function problemsOf(report: string): EwpXmlProblem[] {
  return report.split("\n").flatMap((line) => {
    const problem = problemOf(line.trim());
    return problem ? [problem] : [];
  });
}

/**
 * Validates a document against the schema of its kind (or a schema path inside the assets).
 * Resolves to the problems found, each with its line; an empty list means the document is valid.
 */
export async function validateEwpXml(
  xml: string,
  kind: EwpDocumentKind | { schema: string },
): Promise<EwpXmlProblem[]> {
  const schema = typeof kind === "string" ? EWP_DOCUMENTS[kind].schema : kind.schema;
  const [main, ...imported] = schemaClosure(schema);
  if (!main) throw new Error(`No schema at ${schema}`);
  try {
    const result = await validateXML({
      xml: [{ fileName: DOCUMENT_NAME, contents: xml }],
      schema: [main],
      preload: imported,
      maxMemoryPages: 512 * memoryPages.MiB,
      modifyArguments: (args) => ["--nonet", ...args],
    });
    if (result.valid) return [];
    const problems = problemsOf(result.rawOutput);
    return problems.length ? problems : [unexplained(result.rawOutput)];
  } catch (err) {
    // xmllint stops with another status when the document is not well-formed XML.
    const report = err instanceof Error ? err.message : String(err);
    const problems = problemsOf(report);
    if (problems.length) return problems;
    throw err;
  }
}

function unexplained(report: string): EwpXmlProblem {
  const detail = report.trim().split("\n")[0] ?? "";
  return { line: null, element: null, ...fieldMessage("Not valid against the EWP schema: {{detail}}", { detail }) };
}

/** The shipped catalogue, for tools that run xmllint themselves (XML_CATALOG_FILES). */
export const EWP_CATALOGUE = join(EWP_ASSETS, "catalog.xml");
