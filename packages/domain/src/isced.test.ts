import { describe, expect, it } from "vitest";
import { ISCED_CODES, ISCED_FIELDS, iscedName, isIscedCode } from "./isced.js";

describe("iscedName", () => {
  it("names a field in French and Swedish", () => {
    expect(iscedName("061", "fr")).toBe("Technologies de l’information et de la communication (TIC)");
    expect(iscedName("042", "sv")).toBe("Juridik");
    expect(iscedName("08", "fr")).toBe("Agriculture, sylviculture, halieutique et sciences vétérinaires");
    expect(iscedName("02", "fr")).toBe("Lettres et arts");
  });

  it("reads a regional tag by its language", () => {
    expect(iscedName("023", "fr-CA")).toBe("Langues");
    expect(iscedName("023", "SV-se")).toBe("Språk");
  });

  it("falls back to English for a language the interface does not speak", () => {
    expect(iscedName("091", "de")).toBe("Health");
    expect(iscedName("091", "")).toBe("Health");
  });

  it("shows an unknown code as itself", () => {
    expect(iscedName("999", "fr")).toBe("999");
    expect(iscedName("constructor", "en")).toBe("constructor");
  });

  it("names each of the 40 codes in English, French and Swedish", () => {
    for (const code of Object.keys(ISCED_FIELDS)) {
      expect(iscedName(code, "en")).toBe(ISCED_FIELDS[code]);
      expect(iscedName(code, "fr").trim()).not.toBe("");
      expect(iscedName(code, "sv").trim()).not.toBe("");
    }
    expect(Object.keys(ISCED_FIELDS)).toHaveLength(40);
  });

  it("knows the codes of the classification and nothing else", () => {
    expect(isIscedCode("073")).toBe(true);
    expect(isIscedCode("074")).toBe(false);
    expect(isIscedCode("hasOwnProperty")).toBe(false);
  });

  it("lists the codes in the classification's order, services last", () => {
    expect(ISCED_CODES.slice(0, 5)).toEqual(["00", "001", "002", "003", "01"]);
    expect(ISCED_CODES.slice(-5)).toEqual(["10", "101", "102", "103", "104"]);
    expect(ISCED_CODES).toHaveLength(Object.keys(ISCED_FIELDS).length);
  });
});
