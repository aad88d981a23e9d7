import type { ImportPreview, ImportRefusal, ImportReport } from "@conventio/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";
import { runSheet, tableCounts, uploadSheet } from "./import-test-support.js";

let ctx: TestContext;
let editor: Session;

const HEADER = ["Name", "Kind", "Country", "City", "PIC", "Erasmus code", "Parent"];

function csv(rows: string[][]): Buffer {
  return Buffer.from(`${[HEADER, ...rows].map((r) => r.join(",")).join("\n")}\n`);
}

/** The report: the answer itself, or inside the refusal when a row has an error. */
async function apply(rows: string[][]): Promise<{ status: number; report: ImportReport }> {
  const up = await uploadSheet(ctx, editor, "organisations", "organisations.csv", csv(rows));
  expect(up.statusCode, up.body).toBe(201);
  const preview: ImportPreview = up.json();
  const res = await runSheet(ctx, editor, preview.uploadId, "apply");
  const body = res.json();
  return { status: res.statusCode, report: res.statusCode === 422 ? (body as ImportRefusal).report : body };
}

async function stored(pic: string) {
  const db = ctx.database.db;
  const row = await db
    .selectFrom("organisation as o")
    .innerJoin("organisation_identifier as i", "i.organisation_id", "o.id")
    .select(["o.id", "o.name", "o.kind", "o.parent_id"])
    .where("i.scheme", "=", "pic")
    .where("i.value", "=", pic)
    .executeTakeFirstOrThrow();
  const identifiers = await db
    .selectFrom("organisation_identifier")
    .select(["scheme", "value"])
    .where("organisation_id", "=", row.id)
    .orderBy("scheme")
    .execute();
  const audit = await db
    .selectFrom("audit_event")
    .select("action")
    .where("entity", "=", "organisation")
    .where("entity_id", "=", row.id)
    .execute();
  return { ...row, identifiers, audit: audit.map((a) => a.action).sort() };
}

beforeAll(async () => {
  ctx = await createTestContext();
  editor = await signedIn(ctx, "editor");
});
afterAll(() => ctx.close());

describe("organisations that rows of the same file create", () => {
  it("are matched, named as parents and completed by later rows, each written once", async () => {
    const { status, report } = await apply([
      ["Université de Lorraine", "university", "FR", "Nancy", "999870137", "", ""],
      [
        "Faculté des sciences et technologies",
        "unit",
        "FR",
        "Vandœuvre-lès-Nancy",
        "999870138",
        "",
        "Université de Lorraine",
      ],
      ["Université de Lorraine", "", "FR", "Nancy", "999870137", "F  NANCY43", ""],
    ]);
    expect(status, JSON.stringify(report.errors)).toBe(200);
    expect(report.rows.map((r) => r.action)).toEqual(["create", "create", "update"]);
    expect(report.counts).toMatchObject({ created: 2, updated: 1, errors: 0 });

    const lorraine = await stored("999870137");
    expect(lorraine.identifiers).toEqual([
      { scheme: "erasmus", value: "F  NANCY43" },
      { scheme: "pic", value: "999870137" },
    ]);
    // The third row completed the creation: one entry in the log, no update of a record just made.
    expect(lorraine.audit).toEqual(["organisation.create"]);
    const faculty = await stored("999870138");
    expect(faculty).toMatchObject({ kind: "unit", parent_id: lorraine.id });

    const found = await ctx.app.inject({
      method: "GET",
      url: `/api/organisations?q=${encodeURIComponent("NANCY43")}`,
      headers: editor.headers,
    });
    expect(found.json().items.map((o: { id: string }) => o.id)).toEqual([lorraine.id]);

    const again = await apply([
      ["Université de Lorraine", "university", "FR", "Nancy", "999870137", "F  NANCY43", ""],
      [
        "Faculté des sciences et technologies",
        "unit",
        "FR",
        "Vandœuvre-lès-Nancy",
        "999870138",
        "",
        "Université de Lorraine",
      ],
    ]);
    expect(again.report.counts).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });

  it("gives a stored organisation a parent that an earlier row creates", async () => {
    await apply([["Institut Mines-Télécom", "university", "FR", "Palaiseau", "999870200", "", ""]]);
    const { status, report } = await apply([
      ["Groupe des écoles des télécommunications", "network", "FR", "Paris", "999870201", "", ""],
      ["Institut Mines-Télécom", "", "FR", "Palaiseau", "999870200", "", "Groupe des écoles des télécommunications"],
    ]);
    expect(status, JSON.stringify(report.errors)).toBe(200);
    expect(report.rows.map((r) => r.action)).toEqual(["create", "update"]);
    const group = await stored("999870201");
    const school = await stored("999870200");
    expect(school.parent_id).toBe(group.id);
    expect(school.audit).toEqual(["organisation.create", "organisation.update"]);
  });

  it("refuses a parent named before the row that creates it, and one given after its unit, writing nothing", async () => {
    const before = await tableCounts(ctx);
    const { status, report } = await apply([
      ["Laboratoire lorrain de recherche en informatique", "unit", "FR", "Nancy", "999870300", "", "Inria Nancy"],
      ["Inria Nancy", "other", "FR", "Nancy", "999870301", "", ""],
      ["Centre de recherche de Nancy", "other", "FR", "Nancy", "999870302", "", ""],
      ["Inria Nancy", "", "FR", "Nancy", "999870301", "", "Centre de recherche de Nancy"],
    ]);
    expect(status).toBe(422);
    expect(report.errors.map((e) => [e.row, e.column, e.value, e.message])).toEqual([
      [2, "Parent", "Inria Nancy", "No organisation is named or identified by Inria Nancy."],
      [5, "Parent", "Centre de recherche de Nancy", "Give the parent before its units in the file."],
    ]);
    expect(report.applied).toBe(false);
    expect(await tableCounts(ctx)).toEqual(before);
  });
});
