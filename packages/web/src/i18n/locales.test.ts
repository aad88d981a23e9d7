import { MESSAGE_CATALOGUES } from "@conventio/domain";
import { describe, expect, it } from "vitest";
import en from "./en.json";
import fr from "./fr.json";
import sv from "./sv.json";

type Tree = { [key: string]: string | Tree };

/** Every leaf key, plural forms folded into their base key (French has "many", Swedish does not). */
function keysOf(tree: Tree, prefix = ""): Set<string> {
  const out = new Set<string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.add(path.replace(/_(zero|one|two|few|many|other)$/, ""));
    else for (const k of keysOf(value, path)) out.add(k);
  }
  return out;
}

function leaves(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1] ?? "").sort();
}

describe("translations", () => {
  const english = keysOf(en);

  it.each([
    ["French", fr],
    ["Swedish", sv],
  ])("has every English string in %s, and nothing else", (_, table) => {
    expect([...keysOf(table)].sort()).toEqual([...english].sort());
  });

  it.each([
    ["French", fr],
    ["Swedish", sv],
  ])("keeps the placeholders of each English string in %s", (_, table) => {
    const base = new Map(leaves(en).map(([k, v]) => [k.replace(/_(zero|one|other)$/, ""), placeholders(v)]));
    for (const [key, text] of leaves(table)) {
      const expected = base.get(key.replace(/_(zero|one|two|few|many|other)$/, "")) ?? [];
      // Plural forms may drop {{count}} ("aucun partenaire"); other placeholders must stay.
      expect(
        placeholders(text).filter((p) => p !== "count"),
        key,
      ).toEqual(expected.filter((p) => p !== "count"));
    }
  });

  it("translates the same server and schema messages into French and Swedish", () => {
    // Plural forms folded into their base key: French has "many", Swedish does not.
    const folded = (catalogue: Record<string, string>) =>
      [...new Set(Object.keys(catalogue).map((k) => k.replace(/_(zero|one|two|few|many|other)$/, "")))].sort();
    expect(folded(MESSAGE_CATALOGUES.sv)).toEqual(folded(MESSAGE_CATALOGUES.fr));
  });
});
