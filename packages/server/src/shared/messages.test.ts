import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { MESSAGE_CATALOGUES } from "@conventio/domain";
import { describe, expect, it } from "vitest";
import { translateMessage } from "./messages.js";

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

const root = join(import.meta.dirname, "../../..");
const files = [...sources(join(root, "server/src")), ...sources(join(root, "domain/src"))];
const text = files.map((file) => readFileSync(file, "utf8")).join("\n");

/** A string literal in double quotes or backticks, as group 2. */
const LITERAL = String.raw`(["\x60])((?:(?!\1)[^\\]|\\.)+?)\1`;

/** Where the server and the domain write a message a person can meet. */
const SITES = {
  error: new RegExp(String.raw`new AppError\(\s*"[a-z_]+",\s*${LITERAL}`, "g"),
  field: new RegExp(String.raw`AppError\.field\(\s*"[a-z_]+",\s*(?:"[^"]+"|\x60[^\x60]+\x60),\s*${LITERAL}`, "g"),
  notFound: new RegExp(String.raw`AppError\.notFound\(\s*${LITERAL}`, "g"),
  fieldError: new RegExp(String.raw`fieldError\(\s*(?:"[^"]+"|\x60[^\x60]+\x60),\s*${LITERAL}`, "g"),
  fieldMessage: new RegExp(String.raw`fieldMessage\(\s*${LITERAL}`, "g"),
  schema: new RegExp(String.raw`\bmessage:\s*${LITERAL}`, "g"),
};

function found(site: RegExp): string[] {
  return [...new Set([...text.matchAll(site)].map((m) => m[2] ?? ""))];
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const folded = (catalogue: Record<string, string>) => new Set(Object.keys(catalogue).map((k) => k.replace(PLURAL, "")));
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((m) => m[1]).sort();

describe("message catalogues", () => {
  const templates = Object.entries(SITES).flatMap(([, site]) => found(site));

  it("finds the server's and the domain's messages to check", () => {
    expect(templates.length).toBeGreaterThan(60);
    expect(templates).toContain("An agreement that is {{status}} cannot {{action}}.");
    expect(found(SITES.notFound)).toContain("This agreement");
  });

  it("never composes a message in code: values travel as params of a fixed template", () => {
    const composed = templates.filter((t) => t.includes("${"));
    expect(composed).toEqual([]);
  });

  it.each([
    ["French", MESSAGE_CATALOGUES.fr],
    ["Swedish", MESSAGE_CATALOGUES.sv],
  ])("has every message in %s", (_, catalogue) => {
    const known = folded(catalogue);
    const keys = [...templates, "{{what}} was not found."];
    expect(keys.filter((t) => !known.has(t))).toEqual([]);
  });

  it("has the same messages in French and Swedish, each keeping its template's placeholders", () => {
    expect([...folded(MESSAGE_CATALOGUES.sv)].sort()).toEqual([...folded(MESSAGE_CATALOGUES.fr)].sort());
    for (const catalogue of [MESSAGE_CATALOGUES.fr, MESSAGE_CATALOGUES.sv, MESSAGE_CATALOGUES.en]) {
      for (const [key, sentence] of Object.entries(catalogue)) {
        const expected = placeholders(key.replace(PLURAL, "")).filter((p) => p !== "count");
        expect(
          placeholders(sentence).filter((p) => p !== "count"),
          key,
        ).toEqual(expected);
      }
    }
  });

  it("fills a template in the reader's language, translating the values that are words themselves", () => {
    const key = "An agreement that is {{status}} cannot {{action}}.";
    const params = { status: "awaiting signature", action: "terminate" };
    expect(translateMessage("en", key, params)).toBe("An agreement that is awaiting signature cannot terminate.");
    expect(translateMessage("fr", key, params)).toBe(
      "Un accord au statut « en attente de signature » ne peut pas être résilié.",
    );
    expect(translateMessage("fr", "{{what}} was not found.", { what: "This agreement" })).toBe(
      "Cet accord est introuvable.",
    );
    expect(translateMessage("sv", "An agreement that is {{status}} cannot be renewed.", { status: "expired" })).toBe(
      "Ett avtal med status ”utgånget” kan inte förnyas.",
    );
  });

  it("counts in each language's plural forms", () => {
    expect(translateMessage("en", "{{count}} members", {}, 1)).toBe("1 member");
    expect(translateMessage("fr", "{{count}} meetings", {}, 3)).toBe("3 réunions");
    expect(translateMessage("sv", "{{count}} members", {}, 1)).toMatch(/^1 \S+$/);
  });

  it("shows a sentence the catalogue does not know as written", () => {
    expect(translateMessage("fr", "Something nobody wrote down")).toBe("Something nobody wrote down");
  });
});
