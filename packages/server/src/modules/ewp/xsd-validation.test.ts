import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { EWP_DOCUMENTS } from "./ewp-namespaces.js";
import { EWP_ASSETS, resolveSchemaLocation, validateEwpXml } from "./xsd-validation.js";

const EWP = join(import.meta.dirname, "../../../../../../shared/ewp");
const read = (file: string) => readFileSync(join(EWP, file), "utf8");

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

describe("the shipped EWP schemas", () => {
  it("are the official files, unchanged, each folder with its licence", () => {
    const schemas = files(EWP_ASSETS)
      .filter((f) => f.endsWith(".xsd"))
      .map((f) => relative(EWP_ASSETS, f));
    expect(schemas.length).toBeGreaterThanOrEqual(16);
    for (const schema of schemas) {
      expect(readFileSync(join(EWP_ASSETS, schema), "utf8"), schema).toBe(read(schema));
      const folder = schema.split("/")[0] ?? "";
      if (folder !== "w3c")
        expect(read(`${folder}/LICENSE`), folder).toBe(readFileSync(join(EWP_ASSETS, folder, "LICENSE"), "utf8"));
    }
  });

  it("map every remote import through the catalogue to a shipped file", () => {
    for (const file of files(EWP_ASSETS).filter((f) => f.endsWith(".xsd"))) {
      for (const [, location] of readFileSync(file, "utf8").matchAll(/schemaLocation="([^"]+)"/g)) {
        const local = resolveSchemaLocation(location ?? "");
        expect(local, location).not.toBeNull();
        expect(readFileSync(join(EWP_ASSETS, local ?? "")).length, location).toBeGreaterThan(0);
      }
    }
  });
});

describe("validateEwpXml", () => {
  it.each([
    ["iiasGet", "ewp-specs-api-iias/endpoints/get-response-example.xml"],
    ["iiasIndex", "ewp-specs-api-iias/endpoints/index-response-example.xml"],
    ["iiasApproval", "ewp-specs-api-iias-approval/response-example.xml"],
    ["institutions", "ewp-specs-api-institutions/response-example.xml"],
    ["ounits", "ewp-specs-api-ounits/response-example.xml"],
    ["factsheet", "ewp-specs-api-factsheet/response-example.xml"],
  ] as const)("finds the official %s example valid", async (kind, file) => {
    expect(await validateEwpXml(read(file), kind)).toEqual([]);
  });

  it("validates against a schema given by its path", async () => {
    const stats = read("ewp-specs-api-iias/endpoints/stats-response-example.xml");
    expect(await validateEwpXml(stats, { schema: "ewp-specs-api-iias/endpoints/stats-response.xsd" })).toEqual([]);
  });

  it("reports a schema error with its line and element", async () => {
    const problems = await validateEwpXml(read("hash-vectors/v7-emptycontact.xml"), "iiasGet");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      line: 51,
      element: "sending-contact",
      key: "Not valid against the EWP schema: {{detail}}",
    });
    expect(problems[0]?.message).toMatch(/Missing child element\(s\)\. Expected is \( contact-name \)/);
  });

  it("reports every error, each on its own line", async () => {
    const xml = read("ewp-specs-api-iias/endpoints/get-response-example.xml")
      .replace("<cefr-level>B1</cefr-level>", "<cefr-level>B3</cefr-level>")
      .replace("<eqf-level>8</eqf-level>", "<eqf-level>9</eqf-level>");
    const lines = xml.split("\n");
    const lineOf = (text: string) => lines.findIndex((l) => l.includes(text)) + 1;
    const problems = await validateEwpXml(xml, "iiasGet");
    expect(problems.map((p) => [p.line, p.element])).toEqual([
      [lineOf("<cefr-level>B3</cefr-level>"), "cefr-level"],
      [lineOf("<eqf-level>9</eqf-level>"), "eqf-level"],
    ]);
  });

  it("reports a document that is not well-formed with its line", async () => {
    const problems = await validateEwpXml(
      `<?xml version="1.0"?>\n<iias-get-response>\n  <iia>\n</iias-get-response>\n`,
      "iiasGet",
    );
    expect(problems[0]).toMatchObject({ line: 4, key: "The document is not well-formed XML: {{detail}}" });
  });

  it("refuses a document of another kind", async () => {
    const problems = await validateEwpXml(read("ewp-specs-api-ounits/response-example.xml"), "iiasGet");
    expect(problems[0]?.element).toBe("ounits-response");
  });

  it("knows the schema of every document Conventio serves", () => {
    for (const doc of Object.values(EWP_DOCUMENTS)) expect(files(EWP_ASSETS)).toContain(join(EWP_ASSETS, doc.schema));
  });
});
