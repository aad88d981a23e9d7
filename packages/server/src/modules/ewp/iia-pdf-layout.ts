import PDFDocument from "pdfkit";
import {
  alignment,
  type FontWeight,
  fontName,
  layoutFeatures,
  registerFonts,
  splitIntoRuns,
} from "#modules/reviews/review-fonts.js";

/**
 * Laying out the agreement's PDF with pdfkit: paragraphs and table cells are cut into runs of
 * the fonts that have their glyphs (the review's fonts), tables are drawn row by row and break
 * only between rows, with the header row again at the top of each page, and every page gets a
 * footer once the number of pages is known. A row's height is measured by writing its cells
 * into a scratch document first, since a cell mixing scripts wraps with several fonts.
 */

export interface TextStyle {
  size: number;
  weight?: FontWeight;
  color?: string;
  indent?: number;
}

/** A box to write in: its top-left corner and width; else the text flows from the cursor. */
export interface TextBox {
  x: number;
  y: number;
  width: number;
  align?: "left" | "right";
}

export interface TableColumn {
  header?: string;
  /** Share of the table's width. */
  weight: number;
}

export interface TableRow {
  cells: ReadonlyArray<string>;
  /** Height the row takes at least, e.g. room to sign in. */
  minHeight?: number;
}

export interface Table {
  columns: ReadonlyArray<TableColumn>;
  rows: ReadonlyArray<TableRow>;
  size: number;
  /** The first column names what each row holds: it is set in bold on a tinted ground. */
  labelColumn?: boolean;
  /** Start on a new page rather than split the table, when it fits on one page. */
  keepTogether?: boolean;
}

const PADDING = 4;
const BORDER = "#9aa7b4";
const HEADER_FILL = "#e3eaf2";
const LABEL_FILL = "#f1f4f8";
export const INK = "#1c3d5a";

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** The stretches a line may not be broken within: words, and single characters of CJK text. */
function unbreakables(text: string): string[] {
  // No-break spaces hold their neighbours together, as pdfkit's line breaking does.
  return text.split(/[^\S\u00a0\u202f]+/).flatMap((word) => (CJK.test(word) ? [...word] : word ? [word] : []));
}

/**
 * Column widths: each column's share of the table, but at least its longest word, so that
 * "Mobilities" or a SCHAC code is never cut; columns above their longest word give back what
 * the others need.
 */
export function columnWidths(shares: ReadonlyArray<number>, least: ReadonlyArray<number>, total: number): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  const wanted = shares.map((share, i) => Math.max((share / sum) * total, least[i] ?? 0));
  const over = wanted.reduce((a, b) => a + b, 0) - total;
  if (over <= 0) return wanted;
  const slack = wanted.map((w, i) => w - Math.min(w, least[i] ?? 0));
  const available = slack.reduce((a, b) => a + b, 0);
  if (available >= over) return wanted.map((w, i) => w - (over * (slack[i] ?? 0)) / available);
  // Not even the longest words fit side by side: every column gives in proportion.
  const floor = wanted.map((w, i) => w - (slack[i] ?? 0));
  const floorSum = floor.reduce((a, b) => a + b, 0);
  return floor.map((w) => (w / floorSum) * total);
}

export interface Sheet {
  doc: PDFKit.PDFDocument;
  left: number;
  width: number;
  write: (text: string, style: TextStyle, box?: TextBox) => void;
  /** Height the text takes in a box of this width. */
  measure: (text: string, style: TextStyle, width: number) => number;
  /** Starts a new page unless this much height is left on the current one. */
  ensureSpace: (height: number) => void;
  table: (table: Table) => void;
  /** Writes a footer on every page, told its page number and the number of pages. */
  footers: (draw: (page: number, pages: number, bottom: number) => void) => void;
}

/** A sheet over a document made with `bufferPages`, so that footers can be added at the end. */
export function createSheet(doc: PDFKit.PDFDocument): Sheet {
  registerFonts(doc);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  let scratch: PDFKit.PDFDocument | null = null;

  /**
   * One paragraph per line of the text, each cut into runs of the fonts that have its glyphs,
   * on one baseline: a line break is no glyph of the Latin face, and pdfkit does not break a
   * line at the end of a run it continues.
   */
  const writeIn = (target: PDFKit.PDFDocument, text: string, style: TextStyle, box?: TextBox) => {
    const weight = style.weight ?? "regular";
    target.fontSize(style.size).fillColor(style.color ?? "black");
    if (box) {
      target.x = box.x;
      target.y = box.y;
    }
    for (const line of text.split("\n")) {
      const runs = splitIntoRuns(line);
      target.font(fontName("latin", weight));
      if (runs.length === 0) target.moveDown(1);
      runs.forEach((run, i) => {
        target.font(fontName(run.face, weight)).text(run.text, {
          ...alignment(run.face, style.size),
          features: layoutFeatures(run.text),
          indent: style.indent ?? 0,
          continued: i < runs.length - 1,
          ...(box ? { width: box.width, align: box.align ?? "left" } : {}),
        });
      });
    }
    // moveDown measures lines with the current font: leave the Latin face current.
    target.font(fontName("latin", weight));
  };

  const scratchDoc = () => {
    if (!scratch) {
      // Tall enough that no measured text ever reaches the foot of its page.
      scratch = new PDFDocument({ size: [doc.page.width, 100_000], margin: 0 });
      registerFonts(scratch);
    }
    return scratch;
  };

  const measure = (text: string, style: TextStyle, boxWidth: number) => {
    if (text === "") return 0;
    const target = scratchDoc();
    writeIn(target, text, style, { x: 0, y: 0, width: boxWidth });
    return target.y;
  };

  /** Width of the text's longest stretch that cannot be broken. */
  const longestWord = (text: string, style: TextStyle) => {
    const target = scratchDoc().fontSize(style.size);
    const widthOf = (word: string) =>
      splitIntoRuns(word).reduce(
        (sum, run) =>
          sum +
          target
            .font(fontName(run.face, style.weight ?? "regular"))
            .widthOfString(run.text, { features: layoutFeatures(run.text) }),
        0,
      );
    // pdfkit fits a word with the space after it, and cuts it when that does not fit on a line.
    return Math.max(0, ...unbreakables(text).map((word) => widthOf(`${word} `)));
  };

  const ensureSpace = (height: number) => {
    if (doc.y + height > doc.page.maxY()) doc.addPage();
  };

  const table = (t: Table) => {
    const headerCells = t.columns.some((c) => c.header) ? t.columns.map((c) => c.header ?? "") : null;
    const headerStyle = (): TextStyle => ({ size: t.size, weight: "bold", color: INK });
    const cellStyle = (i: number): TextStyle =>
      t.labelColumn && i === 0 ? { size: t.size, weight: "bold", color: INK } : { size: t.size };
    const least = t.columns.map(
      (_, i) =>
        2 * PADDING +
        Math.max(
          headerCells ? longestWord(headerCells[i] ?? "", headerStyle()) : 0,
          ...t.rows.map((row) => longestWord(row.cells[i] ?? "", cellStyle(i))),
        ),
    );
    const widths = columnWidths(
      t.columns.map((c) => c.weight),
      least,
      width,
    );
    const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const heightOf = (cells: ReadonlyArray<string>, style: (i: number) => TextStyle, min = 0) =>
      Math.max(min, ...cells.map((text, i) => measure(text, style(i), (widths[i] ?? 0) - 2 * PADDING) + 2 * PADDING));
    const headerHeight = headerCells ? heightOf(headerCells, headerStyle) : 0;

    const drawRow = (cells: ReadonlyArray<string>, height: number, style: (i: number) => TextStyle, fill?: string) => {
      const y = doc.y;
      cells.forEach((text, i) => {
        const x = xs[i] ?? left;
        const w = widths[i] ?? 0;
        const ground = fill ?? (t.labelColumn && i === 0 ? LABEL_FILL : null);
        doc.lineWidth(0.5);
        if (ground) doc.rect(x, y, w, height).fillAndStroke(ground, BORDER);
        else doc.rect(x, y, w, height).stroke(BORDER);
        writeIn(doc, text, style(i), { x: x + PADDING, y: y + PADDING, width: w - 2 * PADDING });
      });
      doc.x = left;
      doc.y = y + height;
    };
    const drawHeader = () => {
      if (headerCells) drawRow(headerCells, headerHeight, headerStyle, HEADER_FILL);
    };

    const heights = t.rows.map((row) => heightOf(row.cells, cellStyle, row.minHeight));
    const whole = headerHeight + heights.reduce((a, b) => a + b, 0);
    const pageRoom = doc.page.maxY() - doc.page.margins.top;
    if (t.keepTogether && whole <= pageRoom) ensureSpace(whole);
    // A header alone at the foot of a page says nothing: keep it with the first row.
    else ensureSpace(headerHeight + (heights[0] ?? 0));
    drawHeader();
    t.rows.forEach((row, i) => {
      const height = heights[i] ?? 0;
      if (doc.y + height > doc.page.maxY()) {
        doc.addPage();
        drawHeader();
      }
      drawRow(row.cells, height, cellStyle);
    });
  };

  const footers = (draw: (page: number, pages: number, bottom: number) => void) => {
    const { start, count } = doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      doc.switchToPage(i);
      // Below the bottom margin pdfkit would start a new page: lift the margin while writing there.
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      draw(i - start + 1, count, doc.page.height - bottom);
      doc.page.margins.bottom = bottom;
    }
  };

  return {
    doc,
    left,
    width,
    write: (text, style, box) => writeIn(doc, text, style, box),
    measure,
    ensureSpace,
    table,
    footers,
  };
}
