import { describe, expect, it } from "vitest";
import { guessMapping, headerKey, IMPORT_FIELDS, IMPORT_KINDS, layoutKeyOf } from "./imports.js";

describe("import fields", () => {
  it("give every kind an optional id and at least one required field, named once", () => {
    for (const kind of IMPORT_KINDS) {
      const names = IMPORT_FIELDS[kind].map((f) => f.name);
      expect(new Set(names).size).toBe(names.length);
      expect(IMPORT_FIELDS[kind][0]).toMatchObject({ name: "id", required: false });
      expect(IMPORT_FIELDS[kind].some((f) => f.required)).toBe(true);
    }
  });
});

describe("guessing a mapping", () => {
  it("matches headers without case, accents or punctuation, and by the usual other names", () => {
    const columns = ["Établissement", "Prénom", "NOM", "Courriel", "Country Code", "x"];
    expect(headerKey("Country Code")).toBe("countrycode");
    expect(guessMapping("people", columns)).toMatchObject({
      givenName: "Prénom",
      familyName: "NOM",
      email: "Courriel",
      phone: null,
    });
    expect(guessMapping("organisations", ["legal_name", "country_code", "website_url"])).toMatchObject({
      name: "legal_name",
      countryCode: "country_code",
      website: "website_url",
    });
  });

  it("keys a layout by its kind and folded headers", () => {
    expect(layoutKeyOf("organisations", ["Name", "Pays"])).toBe(layoutKeyOf("organisations", ["name", "PAYS"]));
    expect(layoutKeyOf("organisations", ["Name"])).not.toBe(layoutKeyOf("people", ["Name"]));
  });
});
