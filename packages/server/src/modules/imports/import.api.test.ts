import type { ImportPreview, ImportRefusal, ImportReport } from "@conventio/domain";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";
import { runSheet, tableCounts, uploadSheet } from "./import-test-support.js";

let ctx: TestContext;
let editor: Session;
let viewer: Session;

const HEADER = ["Name", "Country", "City", "Website", "Erasmus code", "PIC"];
const PARTNERS = [
  ["Universitat de Barcelona", "ES", "Barcelona", "www.ub.edu", "E  BARCELO01", "999887655"],
  ["Ethniko kai Kapodistriako Panepistimio Athinon", "EL", "Athina", "https://www.uoa.gr", "G  ATHINE01", "#N/A"],
  ["Uniwersytet Warszawski", "PL", "Warszawa", "", "PL WARSZAW01", ""],
];

function csv(rows: string[][], delimiter = ","): string {
  const cell = (v: string) => (/[",;\t\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `${rows.map((r) => r.map(cell).join(delimiter)).join("\r\n")}\r\n`;
}

async function xlsx(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Partners");
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function upload(fileName: string, content: Buffer | string, kind = "organisations"): Promise<ImportPreview> {
  const res = await uploadSheet(ctx, editor, kind, fileName, Buffer.isBuffer(content) ? content : Buffer.from(content));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** What a report says about each row, without the ids the database chose. */
const summary = (r: ImportReport) => r.rows.map((o) => [o.row, o.action, o.label]);

async function clearOrganisations(): Promise<void> {
  const db = ctx.database.db;
  await db.deleteFrom("organisation_identifier").execute();
  await db.deleteFrom("search_document").execute();
  await db.deleteFrom("organisation").execute();
}

beforeAll(async () => {
  ctx = await createTestContext({ UPLOAD_MAX_BYTES: "200000" });
  editor = await signedIn(ctx, "editor");
  viewer = await signedIn(ctx, "viewer");
});
afterAll(() => ctx.close());

describe("uploading a sheet", () => {
  it("previews its columns, ten sample rows and a mapping guessed from the headers", async () => {
    const p = await upload("partners.csv", csv([HEADER, ...PARTNERS]));
    expect(p).toMatchObject({ kind: "organisations", format: "csv", encoding: "utf-8", delimiter: ",", rowCount: 3 });
    expect(p.columns).toEqual(HEADER);
    expect(p.sampleRows[1]).toEqual(PARTNERS[1]);
    expect(p.mappingSource).toBe("guessed");
    expect(p.mapping).toMatchObject({
      name: "Name",
      countryCode: "Country",
      city: "City",
      website: "Website",
      erasmusCode: "Erasmus code",
      pic: "PIC",
      oid: null,
    });
  });

  it("reads a semicolon-separated file with a byte order mark", async () => {
    const p = await upload("partners.csv", `\uFEFF${csv([HEADER, ...PARTNERS], ";")}`);
    expect(p).toMatchObject({ delimiter: ";", encoding: "utf-8", rowCount: 3, columns: HEADER });
    expect(p.sampleRows[0]?.[0]).toBe("Universitat de Barcelona");
  });

  it("reads a tab-separated file written in Windows-1252", async () => {
    const text = csv(
      [
        ["Name", "City"],
        ["Université de Lille", "Villeneuve-d'Ascq"],
      ],
      "\t",
    );
    const bytes = Buffer.from(text, "latin1");
    const p = await upload("partners.txt", bytes);
    expect(p).toMatchObject({ delimiter: "\t", encoding: "windows-1252" });
    expect(p.sampleRows[0]?.[0]).toBe("Université de Lille");
  });

  it("refuses other types with 415 naming the file, and viewers with 403", async () => {
    const pdf = await uploadSheet(ctx, editor, "organisations", "partners.pdf", Buffer.from("%PDF-1.4\n%%EOF\n"));
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json().errors[0].field).toBe("file");
    const disguised = await uploadSheet(ctx, editor, "organisations", "partners.csv", await xlsx([HEADER]));
    expect(disguised.statusCode).toBe(415);
    const kind = await uploadSheet(ctx, editor, "contracts", "partners.csv", Buffer.from(csv([HEADER])));
    expect(kind.statusCode).toBe(422);
    expect(kind.json().errors[0].field).toBe("kind");
    const big = await uploadSheet(ctx, editor, "organisations", "big.csv", Buffer.alloc(300_000, "a"));
    expect(big.statusCode).toBe(413);
    const denied = await uploadSheet(ctx, viewer, "organisations", "partners.csv", Buffer.from(csv([HEADER])));
    expect(denied.statusCode).toBe(403);
  });
});

describe("a mapping saved for a layout", () => {
  it("is offered again for a file with the same headers", async () => {
    const header = ["Établissement", "Pays", "Code Erasmus", "Notes"];
    const first = await upload("a.csv", csv([header, ["Universitat de Barcelona", "ES", "E  BARCELO01", "x"]]));
    expect(first.mapping.name).toBeNull();
    const mapping = { ...first.mapping, name: "Établissement", countryCode: "Pays", erasmusCode: "Code Erasmus" };
    const saved = await ctx.app.inject({
      method: "PUT",
      url: `/api/imports/${first.uploadId}/mapping`,
      headers: editor.headers,
      payload: { mapping },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const second = await upload("b.csv", csv([header, ["Uniwersytet Warszawski", "PL", "PL WARSZAW01", ""]]));
    expect(second.mappingSource).toBe("saved");
    expect(second.mapping).toEqual(mapping);
    expect(second.layoutKey).toBe(first.layoutKey);
    const other = await upload(
      "c.csv",
      csv([
        [...header, "Ville"],
        ["Uniwersytet Warszawski", "PL", "", "", "Warszawa"],
      ]),
    );
    expect(other.mappingSource).toBe("guessed");
  });

  it("is refused naming the field when it names a column the file does not have, or leaves a required field out", async () => {
    const p = await upload("a.csv", csv([HEADER, PARTNERS[0] ?? []]));
    const res = await ctx.app.inject({
      method: "PUT",
      url: `/api/imports/${p.uploadId}/mapping`,
      headers: editor.headers,
      payload: { mapping: { ...p.mapping, city: "Town", name: null } },
    });
    expect(res.statusCode).toBe(422);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(["mapping.city", "mapping.name"]);
  });
});

describe("dry run and apply", () => {
  it("dry-runs without writing, then applies what it announced, and a second import changes nothing", async () => {
    await clearOrganisations();
    const p = await upload("partners.csv", csv([HEADER, ...PARTNERS]));
    const before = await tableCounts(ctx);
    const dry = await runSheet(ctx, editor, p.uploadId, "dry-run");
    expect(dry.statusCode, dry.body).toBe(200);
    const planned: ImportReport = dry.json();
    expect(planned).toMatchObject({ applied: false, counts: { created: 3, updated: 0, errors: 0 } });
    expect(await tableCounts(ctx)).toEqual(before);

    const applied: ImportReport = (await runSheet(ctx, editor, p.uploadId, "apply")).json();
    expect(applied.applied).toBe(true);
    expect(summary(applied)).toEqual(summary(planned).map(([row, , label]) => [row, "create", label]));
    const athens = await ctx.services.organisations.getOrganisation(
      { kind: "user", id: "t", role: "viewer", name: "t" },
      applied.rows[1]?.id ?? "",
    );
    expect(athens).toMatchObject({ countryCode: "GR", city: "Athina", website: "https://www.uoa.gr" });
    expect(athens.identifiers).toEqual([{ scheme: "erasmus", value: "G  ATHINE01" }]);

    const again: ImportReport = (await runSheet(ctx, editor, p.uploadId, "apply")).json();
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 3, skipped: 0, errors: 0 });
  });

  it("gives the same result for the same data as CSV and as XLSX", async () => {
    const reports: ReportPair = [];
    for (const [name, content] of [
      ["partners.csv", Buffer.from(csv([HEADER, ...PARTNERS]))],
      ["partners.xlsx", await xlsx([HEADER, ...PARTNERS])],
    ] as const) {
      await clearOrganisations();
      const p = await upload(name, content);
      expect(p.format).toBe(name.endsWith(".xlsx") ? "xlsx" : "csv");
      const report: ImportReport = (await runSheet(ctx, editor, p.uploadId, "apply")).json();
      const stored = await ctx.database.db
        .selectFrom("organisation")
        .select(["name", "country_code", "city", "website"])
        .orderBy("name")
        .execute();
      reports.push({ rows: summary(report), stored });
    }
    expect(reports[1]).toEqual(reports[0]);
  });

  it("reports every bad cell with its row, column and value, and applies nothing", async () => {
    await clearOrganisations();
    const rows = [
      HEADER,
      ["Universitat de Barcelona", "ES", "Barcelona", "", "E  BARCELO01", ""],
      ["Nowhere University", "XX", "Nowhere", "", "", "12345"],
      ["", "FR", "Lille", "", "", ""],
      [],
    ];
    const p = await upload("bad.csv", csv(rows));
    const before = await tableCounts(ctx);
    const res = await runSheet(ctx, editor, p.uploadId, "apply");
    expect(res.statusCode).toBe(422);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    const body: ImportRefusal = res.json();
    expect(body.errors?.map((e) => e.field)).toEqual(["rows.3.Country", "rows.3.PIC", "rows.4.Name"]);
    expect(body.report.applied).toBe(false);
    expect(body.report.errors.map((e) => [e.row, e.column, e.value, e.message])).toEqual([
      [3, "Country", "XX", "An ISO 3166-1 country code such as FR, SE or JP"],
      [3, "PIC", "12345", "A PIC has nine digits."],
      [4, "Name", "", "A name is required"],
    ]);
    expect(body.report.counts).toEqual({ created: 1, updated: 0, unchanged: 0, skipped: 1, errors: 2 });
    expect(body.report.rows[3]).toMatchObject({ row: 5, action: "skip", note: { message: "The row is empty." } });
    expect(await tableCounts(ctx)).toEqual(before);
  });

  it("merges a row with a likely duplicate of the same name and place when no identifier differs, and reports it", async () => {
    await clearOrganisations();
    const seed = await upload(
      "seed.csv",
      csv([
        ["Name", "Country", "City", "PIC"],
        ["Université de Lille", "FR", "Lille", ""],
        ["Université Lille Nord", "FR", "Lille", "999999999"],
      ]),
    );
    await runSheet(ctx, editor, seed.uploadId, "apply");
    const rows = [
      ["Name", "Country", "City", "Erasmus code", "PIC"],
      ["UNIVERSITE DE LILLE", "FR", "LILLE", "F  LILLE103", ""],
      ["Universite Lille Nord", "FR", "Lille", "", "888888888"],
    ];
    const p = await upload("lille.csv", csv(rows));
    const res = await runSheet(ctx, editor, p.uploadId, "apply");
    expect(res.statusCode, res.body).toBe(200);
    const report: ImportReport = res.json();
    expect(report.rows.map((r) => [r.action, r.note?.key])).toEqual([
      ["update", "Merged with {{name}}: same name in {{city}}, and no identifier differs."],
      ["create", "Created beside {{name}} ({{reason}}), whose identifiers differ."],
    ]);
    const lille = await ctx.database.db
      .selectFrom("organisation")
      .select(["id", "name"])
      .where("name", "=", "Université de Lille")
      .executeTakeFirstOrThrow();
    expect(report.rows[0]?.id).toBe(lille.id);
    const ids = await ctx.database.db
      .selectFrom("organisation_identifier")
      .select(["value"])
      .where("organisation_id", "=", lille.id)
      .execute();
    expect(ids.map((i) => i.value)).toEqual(["F  LILLE103"]);
  });

  it("refuses NUL and control characters in cells naming the row and the column", async () => {
    const rows = [
      HEADER,
      ["Universit\u0000at", "ES", "Barcelona", "", "", ""],
      ["Ok", "ES", "Bar\u001b[2Jcelona", "", "", ""],
    ];
    const p = await upload("nul.csv", csv(rows));
    const res = await runSheet(ctx, editor, p.uploadId, "dry-run");
    expect(res.statusCode).toBe(200);
    const report: ImportReport = res.json();
    expect(report.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, "Name", "Control characters such as NUL or terminal escapes are not allowed"],
      [3, "City", "Control characters such as NUL or terminal escapes are not allowed"],
    ]);
    const applied = await runSheet(ctx, editor, p.uploadId, "apply");
    expect(applied.statusCode).toBe(422);
    expect(applied.json().errors.map((e: { field: string }) => e.field)).toEqual(["rows.2.Name", "rows.3.City"]);
  });

  it("shows progress, and keeps uploads to their uploader", async () => {
    const p = await upload("partners.csv", csv([HEADER, ...PARTNERS]));
    const idle = await ctx.app.inject({
      method: "GET",
      url: `/api/imports/${p.uploadId}/progress`,
      headers: editor.headers,
    });
    expect(idle.json()).toEqual({ done: 0, total: 0, phase: "idle" });
    await runSheet(ctx, editor, p.uploadId, "dry-run");
    const done = await ctx.app.inject({
      method: "GET",
      url: `/api/imports/${p.uploadId}/progress`,
      headers: editor.headers,
    });
    expect(done.json()).toEqual({ done: 3, total: 3, phase: "done" });
    const other = await signedIn(ctx, "editor", "other-editor@example.org");
    const hidden = await runSheet(ctx, other, p.uploadId, "dry-run");
    expect(hidden.statusCode).toBe(404);
    const unknown = await runSheet(ctx, editor, "no-such-upload", "dry-run");
    expect(unknown.statusCode).toBe(404);
  });
});

type ReportPair = Array<{ rows: unknown; stored: unknown }>;
