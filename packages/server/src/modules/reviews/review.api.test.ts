import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";

let ctx: TestContext;
let editor: Session;
let agreementId: string;
const dir = mkdtempSync(join(tmpdir(), "review-pdf-"));

const api = (method: "GET" | "POST", url: string, payload?: unknown) =>
  ctx.app.inject({
    method,
    url,
    headers: editor.headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

async function created(method: "POST", url: string, payload: unknown): Promise<string> {
  const res = await api(method, url, payload);
  if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

const rendered = new Map<string, ReturnType<typeof renderReviewPdf>>();
/** The PDF of the review in a language, rendered once for the file, as each test reads it alone. */
function reviewPdf(lang: string) {
  let pdf = rendered.get(lang);
  if (!pdf) {
    pdf = renderReviewPdf(lang);
    rendered.set(lang, pdf);
  }
  return pdf;
}

/** The PDF of the review in a language, with its text, its document information and its fonts. */
async function renderReviewPdf(lang: string) {
  const res = await api("GET", `/api/agreements/${agreementId}/review.pdf?on=2025-12-01&lang=${lang}`);
  expect(res.statusCode).toBe(200);
  expect(res.headers["content-type"]).toBe("application/pdf");
  const file = join(dir, `review-${lang}.pdf`);
  writeFileSync(file, res.rawPayload);
  const run = (tool: string, ...args: string[]) => execFileSync(tool, args, { encoding: "utf8" });
  return {
    bytes: res.rawPayload,
    text: normalised(run("pdftotext", "-enc", "UTF-8", file, "-")),
    info: run("pdfinfo", "-enc", "UTF-8", file),
    fonts: run("pdffonts", file),
  };
}
const CJK = "[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}]";
/**
 * One space for any run of whitespace; none between two CJK characters, since pdftotext breaks
 * lines where the layout did, and CJK text may wrap between any two characters. Expected strings
 * go through the same, so "서울 공동 세미나" still matches.
 */
const normalised = (s: string) => s.replace(/\s+/g, " ").replace(new RegExp(`(?<=${CJK}) (?=${CJK})`, "gu"), "");

beforeAll(async () => {
  ctx = await createTestContext();
  editor = await signedIn(ctx, "editor");
  const org = (body: Record<string, unknown>) => created("POST", "/api/organisations", { kind: "university", ...body });
  const lodz = await org({ name: "Politechnika Łódzka", countryCode: "PL", city: "Łódź" });
  const kyutech = await org({ name: "九州工業大学", countryCode: "JP", city: "北九州市" });
  const athens = await org({ name: "Πανεπιστήμιο Αθηνών", countryCode: "GR", city: "Αθήνα" });
  const moscow = await org({
    name: "Московский университет",
    countryCode: "RU",
    names: [{ lang: "fr", value: "Université de Moscou" }],
  });
  agreementId = await created("POST", "/api/agreements", {
    kind: "memorandum_of_understanding",
    title: "Accord de coopération Łódź – 九州工業大学 – Ελλάδα",
    language: "fr",
    titles: [
      { lang: "en", value: "Cooperation agreement Łódź – 九州工業大学 – Ελλάδα" },
      { lang: "sv", value: "Samarbetsavtal Łódź – 九州工業大学 – Ελλάδα" },
    ],
    summary: "Mobilité des étudiants entre les quatre universités.",
    summaries: [{ lang: "en", value: "Student mobility between the four universities." }],
    startsOn: "2024-09-01",
    parties: [lodz, kyutech, athens, moscow].map((organisationId) => ({ organisationId, role: "partner" })),
  });
  const person = (givenName: string, familyName: string) => created("POST", "/api/people", { givenName, familyName });
  const [ana, dmitri] = [await person("Anna", "Kowalska"), await person("Дмитрий", "Иванов")];
  const steering = await created("POST", "/api/bodies", { agreementId, kind: "steering", name: "Comité de pilotage" });
  const group = await created("POST", "/api/bodies", {
    agreementId,
    kind: "working_group",
    name: "Κοινό μεταπτυχιακό",
  });
  await created("POST", `/api/bodies/${steering}/members`, { personId: ana, role: "chair" });
  await created("POST", `/api/bodies/${group}/members`, { personId: ana, role: "member" });
  await created("POST", `/api/bodies/${group}/members`, { personId: dmitri, role: "member" });
  await created("POST", `/api/bodies/${steering}/meetings`, { heldOn: "2025-03-01" });
  await created("POST", `/api/bodies/${group}/meetings`, { heldOn: "2025-01-15" });
  await created("POST", `/api/bodies/${group}/meetings`, { heldOn: "2025-06-10" });
  for (const [title, startsOn] of [
    ["Θερινό σχολείο στην Ελλάδα", "2025-07-01"],
    ["九州工業大学とのワークショップ", "2025-09-15"],
    ["서울 공동 세미나", "2025-10-02"],
  ]) {
    await created("POST", "/api/activities", { kind: "seminar", title, startsOn, agreementId, status: "completed" });
  }
});
afterAll(async () => {
  await ctx.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the progress-review PDF", () => {
  it("prints Polish, Japanese, Greek, Russian and Korean names as they are written, in French", async () => {
    const pdf = await reviewPdf("fr");
    for (const expected of [
      "Point d'étape",
      "Accord de coopération Łódź – 九州工業大学 – Ελλάδα",
      "Parties : Politechnika Łódzka (Łódź, Pologne), 九州工業大学 (北九州市, Japon), " +
        "Πανεπιστήμιο Αθηνών (Αθήνα, Grèce), Université de Moscou (Russie).",
      "Mobilité des étudiants entre les quatre universités.",
      "Θερινό σχολείο στην Ελλάδα (achevée)",
      "九州工業大学とのワークショップ",
      "서울 공동 세미나",
    ]) {
      expect(pdf.text).toContain(normalised(expected));
    }
    // The standard Helvetica has none of these glyphs: the text must come from embedded fonts.
    expect(pdf.fonts).not.toMatch(/Helvetica/);
    for (const face of ["NotoSans-Regular", "NotoSans-Bold", "NotoSansJP-Regular", "NotoSansKR-Regular"]) {
      expect(pdf.fonts).toContain(face);
    }
    // Only the glyphs used are embedded, not the megabytes of the CJK fonts.
    expect(pdf.bytes.length).toBeLessThan(400_000);
  });

  it("counts members and meetings with the singular and plural of each language", async () => {
    const groups = {
      fr: ["Comité de pilotage : 1 membre, 1 réunion", "Κοινό μεταπτυχιακό : 2 membres, 2 réunions"],
      sv: ["Comité de pilotage: 1 ledamot, 1 möte", "Κοινό μεταπτυχιακό: 2 ledamöter, 2 möten"],
      en: ["Comité de pilotage: 1 member, 1 meeting", "Κοινό μεταπτυχιακό: 2 members, 2 meetings"],
    };
    for (const [lang, lines] of Object.entries(groups)) {
      const { text } = await reviewPdf(lang);
      for (const line of lines) expect(text).toContain(normalised(line));
    }
  });

  it("says which language it is written in, and titles itself in it", async () => {
    for (const [lang, title] of [
      ["fr", "Point d'étape — Accord de coopération Łódź – 九州工業大学 – Ελλάδα"],
      ["sv", "Lägesavstämning — Samarbetsavtal Łódź – 九州工業大学 – Ελλάδα"],
      ["en", "Progress review — Cooperation agreement Łódź – 九州工業大学 – Ελλάδα"],
    ] as const) {
      const pdf = await reviewPdf(lang);
      // The catalog is written uncompressed; its /Lang is what screen readers and search go by.
      expect(pdf.bytes.toString("latin1")).toContain(`/Lang (${lang})`);
      expect(pdf.info).toMatch(new RegExp(`^Title:\\s+${title}$`, "m"));
    }
  });

  it("shows translated titles, summaries and names in the reader's language, else the original", async () => {
    const en = (await reviewPdf("en")).text;
    expect(en).toContain(normalised("Cooperation agreement Łódź – 九州工業大学 – Ελλάδα"));
    expect(en).toContain(normalised("Student mobility between the four universities."));
    expect(en).toContain(normalised("Московский университет (Russia)"));
    expect(en).not.toContain(normalised("Université de Moscou"));
    const sv = (await reviewPdf("sv")).text;
    expect(sv).toContain(normalised("Samarbetsavtal Łódź – 九州工業大学 – Ελλάδα"));
    // No Swedish summary: the original stays.
    expect(sv).toContain(normalised("Mobilité des étudiants entre les quatre universités."));
    expect(sv).toContain(normalised("Parter: Politechnika Łódzka (Łódź, Polen)"));
  });
});
