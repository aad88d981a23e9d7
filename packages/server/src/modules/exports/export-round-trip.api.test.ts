import type { ImportKind, ImportReport } from "@conventio/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSheet, uploadSheet } from "#modules/imports/import-test-support.js";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";
import { seedOffice } from "./export-fixtures.js";

/**
 * What goes out comes back in unchanged: each list, exported as CSV and as a workbook, is read by
 * the import with the mapping it guesses from the headers, and a dry run finds every row already
 * there as it is, with nothing to create, change or refuse.
 */

let ctx: TestContext;
let editor: Session;

beforeAll(async () => {
  ctx = await createTestContext();
  editor = await signedIn(ctx, "editor");
  await seedOffice(ctx, editor);
});
afterAll(() => ctx.close());

/** Exports a list, uploads it as an import and dry-runs it with the mapping guessed from the headers. */
async function reimport(kind: ImportKind, format: "csv" | "xlsx") {
  const exported = await ctx.app.inject({
    method: "GET",
    url: `/api/exports/${kind}.${format}`,
    headers: editor.headers,
  });
  expect(exported.statusCode).toBe(200);
  const upload = await uploadSheet(ctx, editor, kind, `${kind}.${format}`, exported.rawPayload);
  expect(upload.statusCode, upload.body).toBe(201);
  const preview = upload.json() as { uploadId: string; rowCount: number; mapping: Record<string, string | null> };
  const run = await runSheet(ctx, editor, preview.uploadId, "dry-run");
  expect(run.statusCode, run.body).toBe(200);
  return { preview, report: run.json() as ImportReport };
}

async function expectUnchanged(kind: ImportKind, format: "csv" | "xlsx") {
  const { preview, report } = await reimport(kind, format);
  // Every column is found by its header, under its own name.
  expect(Object.entries(preview.mapping).filter(([field, column]) => field !== column)).toEqual([]);
  expect(preview.rowCount).toBeGreaterThan(1);
  expect(report.errors).toEqual([]);
  expect(report.rows.filter((r) => r.action !== "unchanged")).toEqual([]);
  expect(report.counts).toMatchObject({ created: 0, updated: 0, skipped: 0, errors: 0, unchanged: preview.rowCount });
}

describe.each(["csv", "xlsx"] as const)("an export as %s, imported again", (format) => {
  it.each(["organisations", "agreements", "activities"] as const)("changes no %s", (kind) =>
    expectUnchanged(kind, format),
  );

  // A cell made inert with an apostrophe ('+33 3 20 00 00 00) is read back without it.
  it("changes no people", () => expectUnchanged("people", format));

  // An internal event under an internal agreement is compared with the staff's view of it.
  it("changes no events", () => expectUnchanged("events", format));
});
