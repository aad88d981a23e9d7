import { describe, expect, it } from "vitest";
import { cellText, countryCodeOf, isMissing } from "./cell-values.js";

describe("cell values", () => {
  it("reads spreadsheet errors and placeholders as no value", () => {
    for (const v of ["", "  ", "#N/A", "n/a", "NULL", "-", null, undefined]) expect(isMissing(v), String(v)).toBe(true);
    for (const v of ["0", "A  BADEN01", "NA Lille"]) expect(isMissing(v), v).toBe(false);
    expect(cellText("  Lille ")).toBe("Lille");
    expect(cellText("#N/A")).toBeNull();
  });

  it("reads the EU's country codes as ISO 3166-1", () => {
    expect(countryCodeOf("EL")).toBe("GR");
    expect(countryCodeOf("uk")).toBe("GB");
    expect(countryCodeOf(" fr ")).toBe("FR");
    expect(countryCodeOf("XX")).toBeNull();
    expect(countryCodeOf("#N/A")).toBeNull();
  });
});
