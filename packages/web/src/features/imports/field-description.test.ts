import { IMPORT_FIELDS, IMPORT_KINDS } from "@conventio/domain";
import { describe, expect, it } from "vitest";
import en from "../../i18n/en.json";
import fr from "../../i18n/fr.json";
import sv from "../../i18n/sv.json";

type Descriptions = Record<string, Record<string, string>>;

describe("the import page's field descriptions", () => {
  it.each([
    ["English", en.imports.fields as Descriptions],
    ["French", fr.imports.fields as Descriptions],
    ["Swedish", sv.imports.fields as Descriptions],
  ])("describe every field of every kind in %s, and no field the contract lacks", (_, descriptions) => {
    for (const kind of IMPORT_KINDS) {
      const contract = IMPORT_FIELDS[kind].map((f) => f.name).sort();
      expect(Object.keys(descriptions[kind] ?? {}).sort(), kind).toEqual(contract);
      for (const name of contract) expect(descriptions[kind]?.[name]?.trim(), `${kind}.${name}`).toBeTruthy();
    }
  });
});
