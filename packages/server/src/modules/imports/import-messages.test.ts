import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { MESSAGE_CATALOGUES } from "@conventio/domain";
import { describe, expect, it } from "vitest";

/** Where the import writes a message a person reads: row errors, notes and refusals. */
const SITES = [
  /\.fail\(\s*[^,()]+,\s*"([^"]+)"/g,
  /\.note\(\s*"([^"]+)"/g,
  /template:\s*"([^"]+)"/g,
  /fieldError\(\s*`[^`]+`,\s*"([^"]+)"/g,
  /new AppError\(\s*"[a-z_]+",\s*"([^"]+)"/g,
  /AppError\.field\(\s*"[a-z_]+",\s*"[^"]+",\s*"([^"]+)"/g,
  /AppError\.notFound\(\s*"([^"]+)"/g,
];

const dir = import.meta.dirname;
const text = readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
  .map((f) => readFileSync(join(dir, f), "utf8"))
  .join("\n")
  .replace(/\s*\n\s*/g, " ");
const templates = [...new Set(SITES.flatMap((site) => [...text.matchAll(site)].map((m) => m[1] ?? "")))];

describe("the import's messages", () => {
  it("are found where the import writes them", () => {
    expect(templates).toContain("No organisation is named or identified by {{value}}.");
    expect(templates).toContain("The row is empty.");
    expect(templates.length).toBeGreaterThan(25);
  });

  it.each([
    ["French", MESSAGE_CATALOGUES.fr],
    ["Swedish", MESSAGE_CATALOGUES.sv],
  ])("are all in %s", (_, catalogue) => {
    expect(templates.filter((t) => !(t in catalogue))).toEqual([]);
  });
});
