import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { alignment, FONT_FACES, fontFile, layoutFeatures, splitIntoRuns } from "./review-fonts.js";

describe("fonts of the review PDF", () => {
  it("finds every face's file in its installed package", () => {
    for (const face of FONT_FACES) {
      expect(existsSync(fontFile(face, "regular"))).toBe(true);
      expect(existsSync(fontFile(face, "bold"))).toBe(true);
    }
  });

  it("writes Latin with diacritics, Greek and Cyrillic in the Latin face", () => {
    expect(splitIntoRuns("Łódź, Ελλάδα, Московский университет")).toEqual([
      { text: "Łódź, Ελλάδα, Московский университет", face: "latin" },
    ]);
  });

  it("gives a Japanese name the Japanese face and goes back to Latin after it", () => {
    expect(splitIntoRuns("Łódź – 九州工業大学 – Ελλάδα")).toEqual([
      { text: "Łódź – ", face: "latin" },
      { text: "九州工業大学", face: "ja" },
      { text: " – Ελλάδα", face: "latin" },
    ]);
  });

  it("keeps a Chinese name whole in the Chinese face when the Japanese one lacks a character", () => {
    // 华 is not in the Japanese face: the whole name moves, rather than mixing glyph styles.
    expect(splitIntoRuns("清华大学")).toEqual([{ text: "清华大学", face: "zh" }]);
    expect(splitIntoRuns("北京大学", "zh")).toEqual([{ text: "北京大学", face: "zh" }]);
    expect(splitIntoRuns("北京大学")).toEqual([{ text: "北京大学", face: "ja" }]);
  });

  it("writes Hangul, with the Hanja among it, in the Korean face", () => {
    expect(splitIntoRuns("서울大學校 (Seoul)")).toEqual([
      { text: "서울大學校", face: "ko" },
      { text: " (Seoul)", face: "latin" },
    ]);
  });

  it("keeps CJK punctuation the Latin face lacks with the run around it", () => {
    expect(splitIntoRuns("東京・大阪（関西）")).toEqual([{ text: "東京・大阪（関西）", face: "ja" }]);
    expect(splitIntoRuns("서울・부산")).toEqual([{ text: "서울・부산", face: "ko" }]);
  });

  it("composes decomposed letters, which then need no mark positioning", () => {
    const runs = splitIntoRuns("Lo\u0301dz\u0301");
    expect(runs).toEqual([{ text: "Lódź", face: "latin" }]);
    expect(layoutFeatures(runs[0]?.text ?? "")).toEqual({ mark: false, mkmk: false });
    // A letter with no composed form keeps its mark, and the defaults that position it.
    expect(layoutFeatures("n\u0308")).toEqual([]);
  });

  it("puts every face on the Latin baseline and line pitch", () => {
    expect(alignment("latin", 10).lineGap).toBe(0);
    expect(alignment("ja", 10).baseline).toBe(alignment("latin", 10).baseline);
    // The CJK faces' lines are taller than Noto Sans's: their runs give the difference back.
    expect(alignment("ja", 10).lineGap).toBeLessThan(0);
  });
});
