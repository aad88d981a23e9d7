import { describe, expect, it } from "vitest";
import { countryFromEcCode, hostOf, normaliseErasmusCode, normaliseIdentifier, normaliseRor } from "./identifiers.js";

describe("normaliseErasmusCode", () => {
  it("pads the country prefix with plain spaces, whatever spaces the source used", () => {
    expect(normaliseErasmusCode("F\u00a0 LILLE103")).toEqual({ ok: true, value: "F  LILLE103" });
    expect(normaliseErasmusCode("f lille103")).toEqual({ ok: true, value: "F  LILLE103" });
    expect(normaliseErasmusCode("E  SANTAND01")).toEqual({ ok: true, value: "E  SANTAND01" });
    expect(normaliseErasmusCode("SF HELSINK01")).toEqual({ ok: true, value: "SF HELSINK01" });
  });
  it("refuses what is not an Erasmus code", () => {
    expect(normaliseErasmusCode("LILLE").ok).toBe(false);
    expect(normaliseErasmusCode("").ok).toBe(false);
  });
});

describe("identifiers", () => {
  it("keeps ROR ids in their URL form", () => {
    expect(normaliseRor("02kzqn938")).toEqual({ ok: true, value: "https://ror.org/02kzqn938" });
    expect(normaliseRor("https://ror.org/02KZQN938")).toEqual({ ok: true, value: "https://ror.org/02kzqn938" });
    expect(normaliseRor("https://example.org/02kzqn938").ok).toBe(false);
  });
  it("checks PIC, OID and SCHAC formats", () => {
    expect(normaliseIdentifier("pic", "888 146 648")).toEqual({ ok: true, value: "888146648" });
    expect(normaliseIdentifier("pic", "88814664").ok).toBe(false);
    expect(normaliseIdentifier("oid", "e10288225")).toEqual({ ok: true, value: "E10288225" });
    expect(normaliseIdentifier("oid", "#N/A").ok).toBe(false);
    expect(normaliseIdentifier("schac", "https://www.univ-lille.fr/")).toEqual({ ok: true, value: "univ-lille.fr" });
  });
  it("reads hosts from addresses with or without a scheme", () => {
    expect(hostOf("www.ph-noe.ac.at")).toBe("ph-noe.ac.at");
    expect(hostOf("http://www1.sunybroome.edu")).toBe("sunybroome.edu");
    expect(hostOf("  ")).toBeNull();
  });
  it("maps the Commission's country codes to ISO 3166", () => {
    expect(countryFromEcCode("EL")).toBe("GR");
    expect(countryFromEcCode("uk")).toBe("GB");
    expect(countryFromEcCode("FR")).toBe("FR");
  });
});
