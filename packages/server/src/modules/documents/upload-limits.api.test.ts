import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";
import { keptFiles } from "#test/kept-files.js";
import { docxParts, zerosPart, zipOf } from "./zip-fixtures.js";

let ctx: TestContext;
let editor: Session;
let agreementId: string;

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201ffa7d6a00000000049454e44ae426082",
  "hex",
);
const DECEPTIVE_NAME =
  "This file name contains invisible control or text-direction characters, which can disguise its real type; rename the file.";

/** A multipart body built by hand, so the test controls every byte the server sees. */
function upload(fileName: string, content: Buffer, what: "documents" | "pictures" = "documents") {
  const boundary = "----conventio-limits-boundary";
  const kind =
    what === "documents" ? `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nannex\r\n` : "";
  const payload = Buffer.concat([
    Buffer.from(
      `${kind}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return ctx.app.inject({
    method: "POST",
    url: `/api/agreements/${agreementId}/${what}`,
    headers: { ...editor.headers, "content-type": `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

const filesKept = () => keptFiles(ctx, ["files", "pictures"]);

const rowsOf = async (table: "document" | "picture") =>
  (await ctx.database.db.selectFrom(table).selectAll().execute()).length;

beforeAll(async () => {
  ctx = await createTestContext();
  editor = await signedIn(ctx, "editor");
  const res = await ctx.app.inject({
    method: "POST",
    url: "/api/agreements",
    headers: editor.headers,
    payload: { kind: "memorandum_of_understanding", title: "MoU with annexes" },
  });
  agreementId = res.json().id;
});
afterAll(() => ctx.close());

describe("upload limits", () => {
  it("refuses a docx that inflates to 1 GiB within two seconds, answering health checks meanwhile, writing nothing", async () => {
    const bomb = zipOf([zerosPart("[Content_Types].xml", 1024), ...docxParts().slice(1)]);
    expect(bomb.length).toBeLessThan(1_200_000);
    const started = Date.now();
    let settled = false;
    const pending = upload("contract.docx", bomb).finally(() => {
      settled = true;
    });
    const healthTimes: number[] = [];
    while (!settled) {
      const asked = performance.now();
      const health = await ctx.app.inject({ method: "GET", url: "/api/health" });
      healthTimes.push(performance.now() - asked);
      expect(health.statusCode).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const res = await pending;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(healthTimes.length).toBeGreaterThan(0);
    expect(Math.max(...healthTimes)).toBeLessThan(500);
    expect(res.statusCode).toBe(422);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    const problem = res.json();
    expect(problem.errors).toEqual([expect.objectContaining({ field: "file" })]);
    expect(problem.key).toBe(
      "A part of this file unpacks to more than {{max}} times its packed size, which no office document does.",
    );
    expect(problem.params).toEqual({ max: 100 });
    expect(await rowsOf("document")).toBe(0);
    expect(await filesKept()).toEqual([]);
  });

  it("still accepts a genuine small docx and records it as a word-processing document", async () => {
    const res = await upload("minutes.docx", zipOf(docxParts()));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ fileName: "minutes.docx", mediaType: DOCX });
    expect(await rowsOf("document")).toBe(1);
  });

  it("refuses a zip that names itself a docx but is no office document", async () => {
    const res = await upload("notes.docx", zipOf(docxParts().slice(1)));
    expect(res.statusCode).toBe(415);
    expect(res.json().errors[0].field).toBe("file");
  });

  it("refuses a file name with a right-to-left override, for a document and for a picture", async () => {
    const before = (await filesKept()).length;
    const documents = await rowsOf("document");
    const doc = await upload("annex\u202Excod.exe", zipOf(docxParts()));
    expect(doc.statusCode).toBe(422);
    expect(doc.json()).toMatchObject({ key: DECEPTIVE_NAME, errors: [{ field: "file" }] });
    const picture = await upload("photo\u202Egnp.exe", PNG, "pictures");
    expect(picture.statusCode).toBe(422);
    expect(picture.json()).toMatchObject({ key: DECEPTIVE_NAME, errors: [{ field: "file" }] });
    expect(await rowsOf("document")).toBe(documents);
    expect(await rowsOf("picture")).toBe(0);
    expect(await filesKept()).toHaveLength(before);
  });

  it("refuses other direction marks and C1 controls in a file name", async () => {
    for (const name of ["scan\u200F.pdf", "scan\u2067.pdf", "scan\u061C.pdf", "scan\u0085.pdf"]) {
      const res = await upload(name, Buffer.from("%PDF-1.4\n%%EOF\n"));
      expect(res.statusCode, name).toBe(422);
      expect(res.json().key, name).toBe(DECEPTIVE_NAME);
    }
  });
});
