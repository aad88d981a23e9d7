import { COUNTRY_CODES } from "@conventio/domain";
import { describe, expect, it } from "vitest";
import world from "world-atlas/countries-110m.json";
import { alpha2OfShape } from "./country-numeric-codes";

describe("world-atlas shapes and ISO country codes", () => {
  const geometries = (
    world as unknown as { objects: { countries: { geometries: { id?: string; properties: { name: string } }[] } } }
  ).objects.countries.geometries;

  it("gives a country code to every shape except the two unrecognised territories", () => {
    const uncoded = geometries
      .filter((g) => alpha2OfShape(g.id, g.properties.name) === null)
      .map((g) => g.properties.name);
    expect(uncoded.sort()).toEqual(["N. Cyprus", "Somaliland"]);
  });

  it("only gives codes the domain knows", () => {
    for (const g of geometries) {
      const code = alpha2OfShape(g.id, g.properties.name);
      if (code) expect(COUNTRY_CODES).toContain(code);
    }
  });

  it("names each shape's country as world-atlas does, e.g. 392 is Japan", () => {
    expect(alpha2OfShape("392", "Japan")).toBe("JP");
    expect(alpha2OfShape("250", "France")).toBe("FR");
    expect(alpha2OfShape("752", "Sweden")).toBe("SE");
    expect(alpha2OfShape(undefined, "Kosovo")).toBe("XK");
  });
});
