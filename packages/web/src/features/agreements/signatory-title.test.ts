import { describe, expect, it } from "vitest";
import { signatoryTitle } from "./signatory-title";

const president = {
  title: "Président de l'Université de Lille",
  titles: [
    { lang: "en", value: "President of the University of Lille" },
    { lang: "sv", value: "Rektor för Lilles universitet" },
  ],
};

describe("a signatory's title", () => {
  it("is read in the reader's language when translated, with that language", () => {
    expect(signatoryTitle(president, "fr", "sv")).toEqual({ text: "Rektor för Lilles universitet", lang: "sv" });
    expect(signatoryTitle(president, "fr", "en-GB")).toEqual({
      text: "President of the University of Lille",
      lang: "en",
    });
  });

  it("keeps the title as printed, in the agreement's language, when the reader reads that language or no translation exists", () => {
    expect(signatoryTitle(president, "fr", "fr")).toEqual({ text: president.title, lang: "fr" });
    expect(signatoryTitle({ title: "Maire", titles: [] }, "fr", "en")).toEqual({ text: "Maire", lang: "fr" });
    expect(signatoryTitle({ title: "Mayor", titles: [] }, null, "sv")).toEqual({ text: "Mayor", lang: null });
  });

  it("falls back to the translations when no title was printed, and is null when none is known", () => {
    const onlyTranslated = {
      title: null,
      titles: [
        { lang: "ja", value: "学長" },
        { lang: "en", value: "President" },
      ],
    };
    expect(signatoryTitle(onlyTranslated, "ja", "en")).toEqual({ text: "President", lang: "en" });
    expect(signatoryTitle(onlyTranslated, "ja", "fr")).toEqual({ text: "学長", lang: "ja" });
    expect(signatoryTitle({ title: null, titles: [] }, "fr", "en")).toBeNull();
  });
});
