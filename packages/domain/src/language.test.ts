import { describe, expect, it } from "vitest";
import { acceptedLanguages, pickLocalised, readerLanguage } from "./language.js";

describe("pickLocalised", () => {
  const translations = [
    { lang: "en", value: "Framework agreement" },
    { lang: "sv", value: "Ramavtal" },
  ];

  it("takes the translation in the reader's language", () => {
    expect(pickLocalised("Accord-cadre", "fr", translations, "sv")).toEqual({ text: "Ramavtal", lang: "sv" });
    expect(pickLocalised("Accord-cadre", "fr", translations, "en-GB")).toEqual({
      text: "Framework agreement",
      lang: "en",
    });
  });

  it("keeps the original, with its language, when no translation exists", () => {
    expect(pickLocalised("Accord-cadre", "fr", [], "sv")).toEqual({ text: "Accord-cadre", lang: "fr" });
    expect(pickLocalised("Accord-cadre", null, [], "sv")).toEqual({ text: "Accord-cadre", lang: null });
  });

  it("prefers the original when it is already in the reader's language", () => {
    expect(pickLocalised("Accord-cadre", "fr", [{ lang: "fr", value: "Autre" }], "fr").text).toBe("Accord-cadre");
  });
});

describe("readerLanguage", () => {
  it("reads ?lang= first, then the reader's choice, then Accept-Language", () => {
    expect(readerLanguage({ query: "sv", choice: "fr", acceptLanguage: "en" })).toBe("sv");
    expect(readerLanguage({ query: "de", choice: "fr", acceptLanguage: "en" })).toBe("fr");
    expect(readerLanguage({ acceptLanguage: "de-DE, sv;q=0.8, fr;q=0.9" })).toBe("fr");
    expect(readerLanguage({ acceptLanguage: "de, ja" })).toBe("en");
  });

  it("orders Accept-Language by weight and drops q=0", () => {
    expect(acceptedLanguages("sv;q=0.5, fr-CA, en;q=0")).toEqual(["fr", "sv"]);
  });
});
