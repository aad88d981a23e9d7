import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Iia, MobilitySpecInput, UiLanguage } from "@conventio/domain";
import { afterAll, describe, expect, it } from "vitest";
import { buildCarriedOverIia, buildIia, buildTerminatedIia } from "./ewp-samples.js";
import { type IiaPdfInput, renderIiaPdf } from "./iia-pdf.js";
import { columnWidths } from "./iia-pdf-layout.js";
import { hashIiaModel } from "./iia-xml-writer.js";

const dir = mkdtempSync(join(tmpdir(), "iia-pdf-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One space for any run of whitespace (no-break spaces included), as lines wrap where the layout did. */
const normalised = (s: string) => s.replace(/\s+/g, " ").trim();
const run = (tool: string, ...args: string[]) => execFileSync(tool, args, { encoding: "utf8" });

let count = 0;
/** The PDF written to a file and read back with poppler: its text, per page too, and its metadata. */
async function rendered(input: IiaPdfInput) {
  const file = join(dir, `iia-${++count}.pdf`);
  writeFileSync(file, await renderIiaPdf(input));
  const info = run("pdfinfo", "-enc", "UTF-8", file);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const page = (n: number) => normalised(run("pdftotext", "-enc", "UTF-8", "-f", `${n}`, "-l", `${n}`, file, "-"));
  return {
    text: normalised(run("pdftotext", "-enc", "UTF-8", file, "-")),
    info,
    pages,
    perPage: Array.from({ length: pages }, (_, i) => page(i + 1)),
    fonts: run("pdffonts", file),
  };
}

/** The text between two headings. */
const between = (text: string, from: string, to: string) => text.slice(text.indexOf(from), text.indexOf(to));

const NAMES = {
  "univ-lille.fr": "Université de Lille",
  "uw.edu.pl": "Uniwersytet Warszawski",
  "hibo.no": "Høgskolen i Bodø",
};
/** Mobilities per year no other number of the agreement shares, so each can be found in the table. */
const PER_YEAR = [39, 58, 63, 71];

function sample(): Iia {
  const base = buildIia();
  return buildIia({
    mobilitySpecs: base.mobilitySpecs.map((s, i) => ({ ...s, mobilitiesPerYear: PER_YEAR[i] }) as MobilitySpecInput),
  });
}

const input = (iia: Iia, lang: UiLanguage, extra: Partial<IiaPdfInput> = {}): IiaPdfInput => ({
  iia,
  title: "Law exchange Lille–Warsaw",
  institutionNames: NAMES,
  unitNames: { law: "Faculté des sciences juridiques, politiques et sociales" },
  lang,
  iiaHash: hashIiaModel(iia).iiaHash,
  generatedOn: "2025-01-15",
  ...extra,
});

const WORDS = {
  en: {
    title: "Erasmus+ inter-institutional agreement",
    headings: [
      "A. Higher education institutions",
      "B. Mobility numbers per academic year",
      "C. Recommended language skills",
      "D. Other information",
      "E. Signatures of the institutions",
    ],
    kinds: ["Staff: teaching", "Students: studies", "Staff: training"],
    skills: ["English (en) B2 (independent user)", "Polish (pl) A2 (basic user)", "French (fr) B1 (independent user)"],
    eqf: "6 (bachelor) 7 (master)",
    months: "27.5 months",
    signed: "March 14, 2024",
    status: "This agreement is in effect.",
    page: (n: number, of: number) => `Page ${n} of ${of}`,
    hash: "iia-hash of this version:",
  },
  fr: {
    title: "Accord interinstitutionnel Erasmus+",
    headings: [
      "A. Établissements d’enseignement supérieur",
      "B. Nombre de mobilités par année universitaire",
      "C. Compétences linguistiques recommandées",
      "D. Autres informations",
      "E. Signatures des établissements",
    ],
    kinds: ["Personnels : enseignement", "Étudiants : études", "Personnels : formation"],
    skills: [
      "anglais (en) B2 (utilisateur indépendant)",
      "polonais (pl) A2 (utilisateur élémentaire)",
      "français (fr) B1 (utilisateur indépendant)",
    ],
    eqf: "6 (licence) 7 (master)",
    months: "27,5 mois",
    signed: "14 mars 2024",
    status: "Cet accord est en vigueur.",
    page: (n: number, of: number) => `Page ${n} sur ${of}`,
    hash: "iia-hash de cette version :",
  },
  sv: {
    title: "Interinstitutionellt avtal inom Erasmus+",
    headings: [
      "A. Lärosäten",
      "B. Antal mobiliteter per läsår",
      "C. Rekommenderade språkkunskaper",
      "D. Övrig information",
      "E. Lärosätenas underskrifter",
    ],
    kinds: ["Personal: undervisning", "Studenter: studier", "Personal: fortbildning"],
    skills: [
      "engelska (en) B2 (självständig användare)",
      "polska (pl) A2 (användare på grundläggande nivå)",
      "franska (fr) B1 (självständig användare)",
    ],
    eqf: "6 (kandidat) 7 (master)",
    months: "27,5 månader",
    signed: "14 mars 2024",
    status: "Avtalet är i kraft.",
    page: (n: number, of: number) => `Sida ${n} av ${of}`,
    hash: "iia-hash för denna version:",
  },
} as const;

describe.each(["en", "fr", "sv"] as const)("the agreement's PDF in %s", (lang) => {
  const words = WORDS[lang];
  const iia = sample();
  const hash = hashIiaModel(iia).iiaHash;
  const pdf = rendered(input(iia, lang));

  it("names the agreement, its number and its state under the language's title", async () => {
    const { text, info } = await pdf;
    expect(text.startsWith(`${words.title} Law exchange Lille–Warsaw`)).toBe(true);
    expect(text).toContain("2024/E+/LILLE-WARSZAW/17");
    expect(text).toContain(words.status);
    expect(info).toMatch(new RegExp(`^Title:\\s+${words.title.replace("+", "\\+")} — Law exchange`, "m"));
  });

  it("has the five sections in order, under the language's headings only", async () => {
    const { text } = await pdf;
    const at = words.headings.map((h) => text.indexOf(h));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    for (const other of (["en", "fr", "sv"] as const).filter((l) => l !== lang)) {
      for (const heading of WORDS[other].headings) expect(text).not.toContain(heading);
    }
  });

  it("names both institutions with their SCHAC codes, numbers, unit and contacts", async () => {
    const { text } = await pdf;
    const [a, b] = words.headings;
    const section = between(text, a, b);
    for (const name of ["Université de Lille", "Uniwersytet Warszawski", "univ-lille.fr", "uw.edu.pl"])
      expect(section).toContain(name);
    expect(section).toContain("2014/E+/PL/4104B");
    expect(section).toContain("Faculté des sciences juridiques, politiques et sociales");
    expect(section).toContain("claire.dubois@univ-lille.fr");
    expect(section).toContain("+33362268000");
    expect(section).toContain("bwz@uw.edu.pl");
  });

  it("gives a row per mobility with its subject areas, years, numbers and levels", async () => {
    const { text } = await pdf;
    const [, b, c] = words.headings;
    const table = between(text, b, c);
    for (const kind of words.kinds) expect(table).toContain(kind);
    expect(table).toContain("0421");
    expect(table).toContain("European and comparative law");
    expect(table).toContain("0413");
    expect(table).toContain("2024/2025 – 2028/2029");
    expect(table).toContain("2024/2025 – 2025/2026");
    for (const n of PER_YEAR) expect(table).toMatch(new RegExp(`\\b${n}\\b`));
    expect(table).toContain(words.months);
    expect(table).toContain(words.eqf);
  });

  it("lists each recommended language with its CEFR level in the reader's words", async () => {
    const { text } = await pdf;
    const [, , c, d] = words.headings;
    const section = between(text, c, d);
    for (const skill of words.skills) expect(section).toContain(skill);
  });

  it("carries the other terms and both signatories with their dates", async () => {
    const { text } = await pdf;
    const [, , , d, e] = words.headings;
    expect(between(text, d, e)).toContain("Tuition fees are waived; see the annex & the grading table.");
    const signatures = text.slice(text.indexOf(e));
    expect(signatures).toContain("Claire Dubois");
    expect(signatures).toContain("Coordinatrice Erasmus+ de la faculté de droit");
    expect(signatures).toContain("Anna Nowak");
    expect(signatures).toContain(words.signed);
  });

  it("prints the iia-hash and the page number at the foot of every page", async () => {
    const { perPage, pages } = await pdf;
    perPage.forEach((page, i) => {
      expect(page).toContain(`${words.hash} ${hash}`);
      expect(page).toContain(words.page(i + 1, pages));
    });
  });
});

describe("a long agreement's PDF", () => {
  const base = buildIia();
  const specs = Array.from({ length: 30 }, (_, i) => {
    const template = base.mobilitySpecs[i % base.mobilitySpecs.length];
    const n = String(i + 1).padStart(2, "0");
    return {
      ...template,
      mobilitiesPerYear: 301 + i,
      subjectAreas: [{ iscedFCode: "0314", iscedClarification: `Seminar track ${n}` }],
    } as MobilitySpecInput;
  });
  const iia = buildIia({ mobilitySpecs: specs });
  const hash = hashIiaModel(iia).iiaHash;
  const pdf = rendered(input(iia, "en"));

  it("spans several pages, each with the hash of the version printed", async () => {
    const { pages, perPage } = await pdf;
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(perPage).toHaveLength(pages);
    perPage.forEach((page, i) => {
      expect(page).toContain(`iia-hash of this version: ${hash}`);
      expect(page).toContain(`Page ${i + 1} of ${pages}`);
    });
  });

  it("breaks the mobility table between rows, repeating its header on each page", async () => {
    const { perPage } = await pdf;
    for (let i = 1; i <= 30; i++) {
      const track = `Seminar track ${String(i).padStart(2, "0")}`;
      // A row cut across two pages would leave its cells, or the lines of one cell, on both.
      const holding = perPage.filter((page) => page.includes(track));
      expect(holding, track).toHaveLength(1);
      expect(holding[0], track).toMatch(new RegExp(`\\b${300 + i}\\b`));
    }
    const first = perPage.findIndex((p) => p.includes("B. Mobility numbers per academic year"));
    const last = perPage.findIndex((p) => p.includes("C. Recommended language skills"));
    expect(last).toBeGreaterThan(first);
    for (const page of perPage.slice(first, last + 1)) {
      if (page.includes("Seminar track")) expect(page).toContain("Mobilities per year");
    }
  });
});

describe("the PDF of agreements in other states", () => {
  it("says when an agreement is a draft", async () => {
    const { text } = await rendered(input(buildIia({ inEffect: false }), "en"));
    expect(text).toContain("Draft: this agreement is not yet in effect.");
    expect(text).not.toContain("This agreement is in effect.");
  });

  it("says when an agreement was terminated as a whole", async () => {
    const { text } = await rendered(input(buildTerminatedIia(), "fr"));
    expect(text).toContain("Résilié dans son ensemble avant tout échange.");
    expect(text).toContain("Høgskolen i Bodø");
    expect(text).toContain("Étudiants : stage");
    expect(text).toContain("Aucune compétence linguistique recommandée.");
  });

  it("marks values carried over from v6, which keep the agreement from approval", async () => {
    const { text } = await rendered(input(buildCarriedOverIia(), "sv"));
    expect(text).toContain("Värden som förts över från EWP version 6 måste ersättas innan avtalet kan godkännas.");
    expect(text).toContain("0310 [v6: 031]");
    expect(text).toContain("ännu inte fastställt");
  });

  it("draws a partner's name in Japanese with a face that has its glyphs", async () => {
    const iia = buildIia();
    const { text, fonts } = await rendered(
      input(iia, "en", { institutionNames: { ...NAMES, "uw.edu.pl": "九州工業大学" } }),
    );
    expect(text).toContain("九州工業大学");
    expect(fonts).toMatch(/NotoSansJP/);
  });
});

describe("column widths of the PDF's tables", () => {
  it("keeps the shares when every column's longest word fits", () => {
    expect(columnWidths([1, 3], [10, 10], 400)).toEqual([100, 300]);
  });

  it("widens a column to its longest word, taken from the columns that have room", () => {
    const widths = columnWidths([1, 1, 2], [150, 10, 10], 400);
    expect(widths[0]).toBe(150);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(400);
    expect(widths[2]).toBeGreaterThan(widths[1] ?? 0);
  });

  it("shrinks every column in proportion when not even the longest words fit", () => {
    const widths = columnWidths([1, 1], [300, 100], 200);
    expect(widths).toEqual([150, 50]);
  });
});
