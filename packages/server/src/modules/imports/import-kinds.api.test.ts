import type { Actor, ImportPreview, ImportReport } from "@conventio/domain";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";
import { runSheet, uploadSheet } from "./import-test-support.js";

let ctx: TestContext;
let editor: Session;
const reader: Actor = { kind: "user", id: "reader", role: "editor", name: "Reader" };
let barcelona: string;
let warsaw: string;

function csv(rows: string[][]): Buffer {
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return Buffer.from(`${rows.map((r) => r.map(cell).join(",")).join("\n")}\n`);
}

async function importSheet(kind: string, rows: string[][]): Promise<{ preview: ImportPreview; report: ImportReport }> {
  const up = await uploadSheet(ctx, editor, kind, `${kind}.csv`, csv(rows));
  expect(up.statusCode, up.body).toBe(201);
  const preview: ImportPreview = up.json();
  const res = await runSheet(ctx, editor, preview.uploadId, "apply");
  expect(res.statusCode, res.body).toBe(200);
  return { preview, report: res.json() };
}

async function importAgain(preview: ImportPreview): Promise<ImportReport> {
  return (await runSheet(ctx, editor, preview.uploadId, "apply")).json();
}

beforeAll(async () => {
  ctx = await createTestContext();
  editor = await signedIn(ctx, "editor");
  const org = (name: string, city: string, countryCode: string, erasmus: string) =>
    ctx.services.organisations.createOrganisation(reader, {
      kind: "university",
      name,
      names: [],
      acronym: null,
      countryCode,
      city,
      lat: null,
      lng: null,
      website: null,
      description: null,
      parentId: null,
      successorId: null,
      visibility: "internal",
      identifiers: [{ scheme: "erasmus", value: erasmus }],
      confirmDuplicate: true,
    });
  barcelona = (await org("Universitat de Barcelona", "Barcelona", "ES", "E  BARCELO01")).id;
  warsaw = (await org("Uniwersytet Warszawski", "Warszawa", "PL", "PL WARSZAW01")).id;
});
afterAll(() => ctx.close());

describe("importing people", () => {
  it("creates people with their organisation and roles, matches them by e-mail the next time", async () => {
    const rows = [
      ["First name", "Last name", "E-mail", "Organisation", "Role", "Role organisation", "Role from", "Languages"],
      ["Núria", "Puig", "NURIA.PUIG@ub.edu", "E  BARCELO01", "Erasmus coordinator", "", "2022-09-01", "ca;es;en"],
      ["Jan", "Kowalski", "", "uniwersytet warszawski", "Vice-rector", "Uniwersytet Warszawski", "", ""],
    ];
    const { preview, report } = await importSheet("people", rows);
    expect(preview.mapping).toMatchObject({ givenName: "First name", familyName: "Last name", email: "E-mail" });
    expect(report.counts).toMatchObject({ created: 2, errors: 0 });
    const nuria = await ctx.services.people.getPerson(reader, report.rows[0]?.id ?? "");
    expect(nuria).toMatchObject({ email: "nuria.puig@ub.edu", languages: ["ca", "es", "en"] });
    expect(nuria.organisation?.id).toBe(barcelona);
    expect(nuria.roles.map((r) => [r.role, r.organisation?.id, r.since])).toEqual([
      ["Erasmus coordinator", barcelona, "2022-09-01"],
    ]);
    const jan = await ctx.services.people.getPerson(reader, report.rows[1]?.id ?? "");
    expect(jan.organisation?.id).toBe(warsaw);
    expect(jan.roles.map((r) => [r.role, r.organisation?.id])).toEqual([["Vice-rector", warsaw]]);

    expect((await importAgain(preview)).counts).toEqual({
      created: 0,
      updated: 0,
      unchanged: 2,
      skipped: 0,
      errors: 0,
    });
  });

  it("refuses an organisation nobody is named or identified by, naming the cell", async () => {
    const up = await uploadSheet(
      ctx,
      editor,
      "people",
      "people.csv",
      csv([
        ["givenName", "familyName", "organisation", "email"],
        ["Ada", "Lovelace", "Analytical Engine Society", "ada@example"],
      ]),
    );
    const report: ImportReport = (await runSheet(ctx, editor, up.json().uploadId, "dry-run")).json();
    expect(report.errors.map((e) => [e.row, e.column, e.value])).toEqual([[2, "email", "ada@example"]]);
    const fixed = await uploadSheet(
      ctx,
      editor,
      "people",
      "people.csv",
      csv([
        ["givenName", "familyName", "organisation", "email"],
        ["Ada", "Lovelace", "Analytical Engine Society", "ada@example.org"],
      ]),
    );
    const second: ImportReport = (await runSheet(ctx, editor, fixed.json().uploadId, "dry-run")).json();
    expect(second.errors.map((e) => [e.row, e.column, e.value, e.message])).toEqual([
      [
        2,
        "organisation",
        "Analytical Engine Society",
        "No organisation is named or identified by Analytical Engine Society.",
      ],
    ]);
  });
});

describe("importing agreements", () => {
  it("names parties by identifier or by name, records past ones as they stand, and matches on reference", async () => {
    const rows = [
      ["Reference", "Title", "Kind", "Status", "Parties", "Starts on", "Ends on", "Themes"],
      [
        "2021-ES-004",
        "Exchange with Barcelona",
        "bilateral_exchange",
        "active",
        "E  BARCELO01",
        "2021-09",
        "2027-08-31",
        "health;energy",
      ],
      [
        "2023-PL-001",
        "Framework with Warsaw",
        "framework_agreement",
        "",
        "Uniwersytet Warszawski;E  BARCELO01",
        "2023",
        "",
        "",
      ],
    ];
    const { preview, report } = await importSheet("agreements", rows);
    expect(report.counts).toMatchObject({ created: 2, errors: 0 });
    const a = await ctx.services.agreements.getAgreement(reader, report.rows[0]?.id ?? "");
    expect(a).toMatchObject({
      reference: "2021-ES-004",
      kind: "bilateral_exchange",
      startsOn: "2021-09",
      endsOn: "2027-08-31",
    });
    expect(a.status).not.toBe("draft");
    expect(a.parties.map((p) => p.id)).toEqual([barcelona]);
    expect([...a.themes].sort()).toEqual(["energy", "health"]);
    const b = await ctx.services.agreements.getAgreement(reader, report.rows[1]?.id ?? "");
    expect(b.status).toBe("draft");
    expect(b.parties.map((p) => p.id).sort()).toEqual([barcelona, warsaw].sort());

    expect((await importAgain(preview)).counts).toMatchObject({ created: 0, updated: 0, unchanged: 2, errors: 0 });

    const changed = [
      rows[0] ?? [],
      [
        "2023-PL-001",
        "Framework agreement with Warsaw",
        "framework_agreement",
        "",
        "Uniwersytet Warszawski",
        "2023",
        "",
        "",
      ],
    ];
    const { report: update } = await importSheet("agreements", changed);
    expect(update.rows.map((r) => r.action)).toEqual(["update"]);
    const after = await ctx.services.agreements.getAgreement(reader, b.id);
    expect(after.title).toBe("Framework agreement with Warsaw");
    expect(after.parties.map((p) => p.id)).toEqual([warsaw]);
  });

  it("reports a party it cannot find and a status an import does not record", async () => {
    const up = await uploadSheet(
      ctx,
      editor,
      "agreements",
      "agreements.csv",
      csv([
        ["title", "kind", "status", "parties"],
        ["Unknown partner", "bilateral_exchange", "", "E  NOWHERE01"],
        ["Under way", "bilateral_exchange", "negotiation", ""],
      ]),
    );
    const res = await runSheet(ctx, editor, up.json().uploadId, "apply");
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(
      ["rows.3.status", "rows.2.parties"].sort(),
    );
  });
});

describe("a workbook's typed cells", () => {
  it("reads dates, numbers and formulas as the sheet shows them", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Agreements");
    sheet.addRow(["reference", "title", "kind", "startsOn", "noticeMonths", "tacitRenewal", "parties"]);
    sheet.addRow([
      "2024-XL-001",
      { formula: '"Exchange with "&"Warsaw"', result: "Exchange with Warsaw" },
      "bilateral_exchange",
      new Date(Date.UTC(2024, 8, 1)),
      6,
      "yes",
      { richText: [{ text: "PL WARSZAW" }, { text: "01" }] },
    ]);
    const up = await uploadSheet(
      ctx,
      editor,
      "agreements",
      "agreements.xlsx",
      Buffer.from(await workbook.xlsx.writeBuffer()),
    );
    expect(up.statusCode, up.body).toBe(201);
    const res = await runSheet(ctx, editor, up.json().uploadId, "apply");
    expect(res.statusCode, res.body).toBe(200);
    const a = await ctx.services.agreements.getAgreement(reader, res.json().rows[0].id);
    expect(a).toMatchObject({
      title: "Exchange with Warsaw",
      startsOn: "2024-09-01",
      noticeMonths: 6,
      tacitRenewal: true,
    });
    expect(a.parties.map((p) => p.id)).toEqual([warsaw]);
  });
});

describe("importing activities", () => {
  it("records mobility figures by year, direction and level, and updates the count on the next import", async () => {
    const rows = [
      ["Kind", "Partners", "Academic year", "Direction", "Level", "Count"],
      ["student_mobility", "E  BARCELO01", "2022-2023", "outgoing", "master", "4"],
      ["student_mobility", "E  BARCELO01", "2022-2023", "incoming", "master", "3"],
      ["staff_mobility", "Uniwersytet Warszawski", "2023/2024", "outgoing", "staff", "1"],
    ];
    const { preview, report } = await importSheet("activities", rows);
    expect(report.counts).toMatchObject({ created: 3, errors: 0 });
    const out = await ctx.services.activities.getActivity(reader, report.rows[0]?.id ?? "");
    expect(out.mobility).toMatchObject({ direction: "outgoing", level: "master", academicYear: "2022-2023", count: 4 });
    expect(out.partners.map((p) => p.id)).toEqual([barcelona]);
    expect(out.status).toBe("completed");
    const staff = await ctx.services.activities.getActivity(reader, report.rows[2]?.id ?? "");
    expect(staff.mobility?.academicYear).toBe("2023-2024");

    expect((await importAgain(preview)).counts).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    const corrected = [rows[0] ?? [], ["student_mobility", "E  BARCELO01", "2022-2023", "outgoing", "master", "5"]];
    const { report: second } = await importSheet("activities", corrected);
    expect(second.rows.map((r) => [r.action, r.id])).toEqual([["update", out.id]]);
    expect((await ctx.services.activities.getActivity(reader, out.id)).mobility?.count).toBe(5);
  });

  it("refuses figures without a direction, naming the cell", async () => {
    const up = await uploadSheet(
      ctx,
      editor,
      "activities",
      "activities.csv",
      csv([
        ["kind", "academicYear", "direction", "level", "count"],
        ["student_mobility", "2022-2023", "sideways", "master", "2"],
      ]),
    );
    const report: ImportReport = (await runSheet(ctx, editor, up.json().uploadId, "dry-run")).json();
    expect(report.errors.map((e) => [e.row, e.column, e.value])).toEqual([[2, "direction", "sideways"]]);
  });
});

describe("importing events", () => {
  it("reads dates and times in the event's time zone and matches title and start the next time", async () => {
    const rows = [
      ["Title", "Starts at", "Ends at", "Place", "Audiences"],
      ["Erasmus Days", "2026-10-10 14:00", "2026-10-10T17:00", "Lille", "students;staff"],
    ];
    const { preview, report } = await importSheet("events", rows);
    expect(report.counts).toMatchObject({ created: 1, errors: 0 });
    const e = await ctx.services.events.previewEvent(reader, report.rows[0]?.id ?? "");
    expect(Date.parse(e.startsAt)).toBe(Date.parse("2026-10-10T14:00:00+02:00"));
    expect(e.audiences).toEqual(["students", "staff"]);
    expect((await importAgain(preview)).counts).toMatchObject({ created: 0, unchanged: 1 });
  });
});
