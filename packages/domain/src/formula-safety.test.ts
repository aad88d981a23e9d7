import { describe, expect, it } from "vitest";
import { inertCell, textOfInertCell } from "./formula-safety.js";

describe("inertCell", () => {
  it.each([['=HYPERLINK("http://x","y")'], ["+33 1 23 45 67 89"], ["-1+2"], ["@SUM(1)"], ["\t=1+1"], ["\r=1+1"]])(
    "prefixes %j with an apostrophe",
    (text) => {
      expect(inertCell(text)).toBe(`'${text}`);
    },
  );

  it("leaves text that cannot run as it is", () => {
    for (const text of ["Université de Lille", " =1+1", "a=b", "", "'quoted", "1-2", "E-mail"]) {
      expect(inertCell(text)).toBe(text);
    }
  });

  it("adds one more apostrophe to text that already starts with one before a trigger", () => {
    expect(inertCell("'=1")).toBe("''=1");
  });
});

describe("textOfInertCell", () => {
  it("gives back exactly what was made inert", () => {
    for (const text of ["=1+1", "'=1", "''@x", "'plain", "plain", "-", "+", "'", "''", "@"]) {
      expect(textOfInertCell(inertCell(text))).toBe(text);
    }
  });

  it("keeps an apostrophe that does not guard a trigger", () => {
    expect(textOfInertCell("'tis")).toBe("'tis");
  });
});
