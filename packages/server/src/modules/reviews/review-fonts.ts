import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as fontkit from "fontkit";

/**
 * The fonts of the progress-review PDF and the choice of one for each stretch of text.
 * pdfkit's standard fonts only know Latin-1 and pdfkit has no fallback between fonts, so a text
 * is cut into runs, each written in a Noto face that has its glyphs: Noto Sans for Latin, Greek
 * and Cyrillic, Noto Sans CJK JP, SC and KR for Japanese, Chinese and Korean. The font files come
 * from npm packages (see docs/decisions/011-pdf-fonts.md); pdfkit embeds only the glyphs used.
 */

export const FONT_FACES = ["latin", "ja", "zh", "ko"] as const;
export type FontFace = (typeof FONT_FACES)[number];
export type FontWeight = "regular" | "bold";
/** The language a text is likely in, when its source tells (a partner's country, a translation's tag). */
export type ScriptHint = "ja" | "zh" | "ko";

const FILES: Record<FontFace, { pkg: string; regular: string; bold: string }> = {
  latin: { pkg: "@embedpdf/fonts-latin", regular: "NotoSans-Regular.ttf", bold: "NotoSans-Bold.ttf" },
  ja: { pkg: "@embedpdf/fonts-jp", regular: "NotoSansJP-Regular.otf", bold: "NotoSansJP-Bold.otf" },
  zh: { pkg: "@embedpdf/fonts-sc", regular: "NotoSansHans-Regular.otf", bold: "NotoSansHans-Bold.otf" },
  ko: { pkg: "@embedpdf/fonts-kr", regular: "NotoSansKR-Regular.otf", bold: "NotoSansKR-Bold.otf" },
};

const require = createRequire(import.meta.url);

/** Where a face's file lies: the packages only export their index, so the path is found beside it. */
export function fontFile(face: FontFace, weight: FontWeight): string {
  const { pkg, [weight]: file } = FILES[face];
  return join(dirname(require.resolve(pkg)), "..", "fonts", file);
}

/** The pdfkit name a face and weight are registered under. */
export function fontName(face: FontFace, weight: FontWeight): string {
  return `${face}-${weight}`;
}

/** Registers every face with the document; pdfkit reads a file only when its font is first used. */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const face of FONT_FACES) {
    for (const weight of ["regular", "bold"] as const) doc.registerFont(fontName(face, weight), fontFile(face, weight));
  }
}

interface FaceProfile {
  covers: ReadonlySet<number>;
  /** Ascender and line height with its gap, per 1000 units of the font size, as pdfkit reckons them. */
  ascender: number;
  lineHeight: number;
}

// The CJK files weigh 4 to 8 MB each: a profile keeps the character set and metrics only, and
// is read once per process, the first time a text needs that face.
const profiles = new Map<FontFace, FaceProfile>();

function profile(face: FontFace): FaceProfile {
  let p = profiles.get(face);
  if (!p) {
    const font = fontkit.openSync(fontFile(face, "regular"));
    if ("fonts" in font) throw new Error(`${fontFile(face, "regular")} is a font collection, not one font`);
    const scale = 1000 / font.unitsPerEm;
    p = {
      covers: new Set(font.characterSet),
      ascender: font.ascent * scale,
      lineHeight: (font.ascent + font.lineGap - font.descent) * scale,
    };
    profiles.set(face, p);
  }
  return p;
}

/** Joiners and variation selectors shape a neighbour; a font may lack them without harm. */
const SHAPING_ONLY = /^(?:\p{Cf}|\p{Variation_Selector})$/u;

function coversAll(face: FontFace, grapheme: string): boolean {
  const { covers } = profile(face);
  for (const ch of grapheme) {
    const cp = ch.codePointAt(0) ?? 0;
    if (!covers.has(cp) && !SHAPING_ONLY.test(ch)) return false;
  }
  return true;
}

/**
 * The baseline and extra line gap that put a run of this face on the Latin face's baseline and
 * line pitch: pdfkit places each run by its own font's ascender, which would lift CJK runs.
 */
export function alignment(face: FontFace, size: number): { baseline: number; lineGap: number } {
  const latin = profile("latin");
  const own = profile(face);
  return { baseline: -(latin.ascender / 1000) * size, lineGap: ((latin.lineHeight - own.lineHeight) / 1000) * size };
}

/**
 * The OpenType features to lay a run out with. Decoding a face's mark-positioning lookups costs
 * more than the rest of a review (pdfkit parses every font anew for each document), and composed
 * text has no marks to position: they are left out unless the run has combining marks.
 */
export function layoutFeatures(run: string): PDFKit.Mixins.TextOptions["features"] {
  if (/\p{M}/u.test(run)) return [];
  // pdfkit hands `features` to fontkit as it is, and fontkit takes { tag: false } to switch a
  // default feature off; pdfkit's types only list the array form, which can switch none off.
  return { mark: false, mkmk: false } as unknown as PDFKit.Mixins.TextOptions["features"];
}

export interface TextRun {
  text: string;
  face: FontFace;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u;
const graphemes = new Intl.Segmenter("und", { granularity: "grapheme" });

/** The CJK faces to try for a stretch of CJK text, most fitting first. */
function cjkOrder(stretch: string, hint: ScriptHint | undefined): FontFace[] {
  if (/\p{Script=Hangul}/u.test(stretch)) return ["ko", "ja", "zh"];
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(stretch)) return ["ja", "zh", "ko"];
  if (hint === "zh") return ["zh", "ja", "ko"];
  if (hint === "ko") return ["ko", "ja", "zh"];
  // Han alone: the JP face gives Japanese names their glyph forms; the SC face covers nearly
  // every ideograph the JP face lacks.
  return ["ja", "zh", "ko"];
}

/**
 * Cuts a text into runs that one face can draw. A stretch of CJK text is kept in one face when
 * one has all its characters, so a name never mixes glyph styles; everything else takes the
 * Latin face when it has the character, else the face of the run it is in (CJK punctuation),
 * else any face that has it. A character no face has shows as a missing glyph of the Latin face.
 */
export function splitIntoRuns(text: string, hint?: ScriptHint): TextRun[] {
  const runs: TextRun[] = [];
  const push = (piece: string, face: FontFace) => {
    const last = runs.at(-1);
    if (last && last.face === face) last.text += piece;
    else runs.push({ text: piece, face });
  };
  // Composed forms (ó rather than o + ◌́) are drawn as one glyph, with no mark to position.
  const parts = [...graphemes.segment(text.normalize("NFC"))].map((s) => s.segment);
  let i = 0;
  while (i < parts.length) {
    const part = parts[i] ?? "";
    if (CJK.test(part)) {
      let end = i;
      while (end < parts.length && CJK.test(parts[end] ?? "")) end++;
      const stretch = parts.slice(i, end);
      const order = cjkOrder(stretch.join(""), hint);
      const whole = order.find((face) => stretch.every((g) => coversAll(face, g)));
      for (const g of stretch) push(g, whole ?? order.find((face) => coversAll(face, g)) ?? "latin");
      i = end;
      continue;
    }
    const current = runs.at(-1)?.face;
    const face = coversAll("latin", part)
      ? "latin"
      : current && coversAll(current, part)
        ? current
        : (FONT_FACES.find((f) => coversAll(f, part)) ?? "latin");
    push(part, face);
    i++;
  }
  return runs;
}
