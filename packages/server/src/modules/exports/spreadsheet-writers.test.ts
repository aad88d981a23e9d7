import { buffer } from "node:stream/consumers";
import { IMPORT_FIELDS, type ImportKind } from "@conventio/domain";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { activityColumns, agreementColumns, eventColumns, wallTime } from "./export-agreements.js";
import { organisationColumns, personColumns } from "./export-partners.js";
import { type Cell, csvStream, toCell, xlsxStream } from "./spreadsheet-writers.js";

async function* rowsOf(rows: Cell[][]): AsyncGenerator<Cell[]> {
  yield* rows;
}

describe("toCell", () => {
  it("joins several values with a semicolon and a space", () => {
    expect(toCell(["fr", "en", "sv"])).toBe("fr; en; sv");
    expect(toCell([])).toBeNull();
  });

  it("writes switches as yes and no, nothing as an empty cell, numbers as numbers", () => {
    expect(toCell(true)).toBe("yes");
    expect(toCell(false)).toBe("no");
    expect(toCell(null)).toBeNull();
    expect(toCell(undefined)).toBeNull();
    expect(toCell("")).toBeNull();
    expect(toCell(-4)).toBe(-4);
    expect(toCell(Number.NaN)).toBeNull();
  });

  it("makes text that could run as a formula inert, joined lists included", () => {
    expect(toCell('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
    expect(toCell("@SUM(1)")).toBe("'@SUM(1)");
    expect(toCell(["-1", "ok"])).toBe("'-1; ok");
    expect(toCell("Université de Lille")).toBe("Université de Lille");
  });
});

describe("csvStream", () => {
  it("writes a byte order mark, CRLF line ends and quotes only where needed", async () => {
    const bytes = await buffer(
      csvStream(
        ["name", "city"],
        rowsOf([
          ["Lille, Université", toCell("=1+1")],
          ["Kyutech", null],
        ]),
      ),
    );
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.subarray(3).toString("utf8")).toBe('name,city\r\n"Lille, Université",\'=1+1\r\nKyutech,\r\n');
  });

  it("fails the stream when reading the rows fails, rather than ending a file cut short", async () => {
    async function* broken(): AsyncGenerator<Cell[]> {
      yield ["one"];
      throw new Error("the database went away");
    }
    await expect(buffer(csvStream(["name"], broken()))).rejects.toThrow("the database went away");
  });
});

describe("xlsxStream", () => {
  it("writes one sheet with the header and every row, text as text", async () => {
    const rows: Cell[][] = Array.from({ length: 2_000 }, (_, i) => [`row ${i}`, i, i % 2 ? null : toCell("@x")]);
    const bytes = await buffer(xlsxStream("agreements", ["title", "n", "note"], rowsOf(rows)));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("agreements");
    expect(sheet?.rowCount).toBe(2_001);
    expect(sheet?.getRow(1).values).toEqual([undefined, "title", "n", "note"]);
    expect(sheet?.getRow(2).values).toEqual([undefined, "row 0", 0, "'@x"]);
    expect(sheet?.getRow(2001).getCell(2).value).toBe(1_999);
    expect(sheet?.getRow(2).getCell(3).type).toBe(ExcelJS.ValueType.String);
  });
});

/** Rows of about 700 bytes, like agreements, counting how many have been taken. */
function countedRows(total: number) {
  const taken = { count: 0 };
  async function* rows(): AsyncGenerator<Cell[]> {
    for (let i = 0; i < total; i++) {
      taken.count++;
      yield [`bench-${i}`, `B-${i}`, `Cooperation ${"x".repeat(200)} ${i}`, "active", "y".repeat(300), i];
    }
  }
  return { taken, rows: rows() };
}

describe.each([
  ["csvStream", (rows: AsyncIterable<Cell[]>) => csvStream(["a", "b", "c", "d", "e", "f"], rows)],
  ["xlsxStream", (rows: AsyncIterable<Cell[]>) => xlsxStream("s", ["a", "b", "c", "d", "e", "f"], rows)],
] as const)("%s", (_name, open) => {
  it("reads rows only as fast as the reader takes the file", async () => {
    const { taken, rows } = countedRows(100_000);
    const stream = open(rows);
    // The reader takes one chunk, then looks away for a while.
    await new Promise<void>((resolve) => stream.once("data", () => resolve()));
    stream.pause();
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Buffers along the way hold a few thousand rows at most, not the 100 000 on offer.
    expect(taken.count).toBeLessThan(5_000);
    stream.destroy();
  });
});

describe("the columns of each kind", () => {
  it.each([
    ["organisations", organisationColumns],
    ["people", personColumns],
    ["agreements", agreementColumns],
    ["activities", activityColumns],
    ["events", eventColumns],
  ] as const)("fill every field the %s import reads, in its order", (kind, columns) => {
    const fields = IMPORT_FIELDS[kind as ImportKind].map((f) => f.name);
    expect(columns.header).toEqual(fields);
    expect(Object.keys(columns.getters).sort()).toEqual([...fields].sort());
  });
});

describe("wallTime", () => {
  it("reads an instant on the clock of the place", () => {
    expect(wallTime("2024-10-10T12:00:00.000Z", "Europe/Paris")).toBe("2024-10-10T14:00");
    expect(wallTime("2024-11-05T00:00:00.000Z", "Asia/Tokyo")).toBe("2024-11-05T09:00");
    expect(wallTime(null, "Europe/Paris")).toBeNull();
  });
});
