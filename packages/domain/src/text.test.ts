import { describe, expect, it } from "vitest";
import { foldText, nameSimilarity, searchDocument, searchTokens } from "./text.js";

describe("foldText", () => {
  it("drops accents and case", () => {
    expect(foldText("Linköping Université ÉCOLE")).toBe("linkoping universite ecole");
  });
  it("maps letters that do not decompose", () => {
    expect(foldText("Ørsted Łódź Straße Cœur")).toBe("orsted lodz strasse coeur");
  });
});

describe("searchTokens", () => {
  it("splits on punctuation and keeps scripts other than Latin", () => {
    expect(searchTokens("Université de Lille — F LILLE103, 九州工業大学")).toEqual([
      "universite",
      "de",
      "lille",
      "f",
      "lille103",
      "九州工業大学",
    ]);
  });
  it("builds one document from several parts, skipping empty ones", () => {
    expect(searchDocument(["Kyushu Institute", null, "", "Kyutech"])).toBe("kyushu institute kyutech");
  });
});

describe("nameSimilarity", () => {
  it("rates the same name with other accents as near-identical", () => {
    expect(nameSimilarity("Université de Lille", "UNIVERSITE DE LILLE")).toBe(1);
  });
  it("rates different institutions in the same city as different", () => {
    expect(nameSimilarity("Université de Lille", "Centre Hospitalier Universitaire de Lille")).toBeLessThan(0.82);
  });
});
