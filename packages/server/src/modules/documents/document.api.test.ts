import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";
import { keptFiles } from "#test/kept-files.js";

let ctx: TestContext;
let editor: Session;
let viewer: Session;
let agreementId: string;

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201ffa7d6a00000000049454e44ae426082",
  "hex",
);

/** A multipart body built by hand, so the test controls every byte the server sees. */
function multipart(fileName: string, content: Buffer, fields: Record<string, string> = {}) {
  const boundary = "----conventio-test-boundary";
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
  );
  parts.push(content, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

function upload(
  fileName: string,
  content: Buffer,
  fields: Record<string, string> = {},
  s: Session = editor,
  record = `agreements/${agreementId}`,
) {
  const body = multipart(fileName, content, fields);
  return ctx.app.inject({
    method: "POST",
    url: `/api/${record}/documents`,
    headers: { ...s.headers, ...body.headers },
    payload: body.payload,
  });
}

const filesKept = () => keptFiles(ctx, ["files"]);

beforeAll(async () => {
  ctx = await createTestContext({ UPLOAD_MAX_BYTES: "4096" });
  editor = await signedIn(ctx, "editor");
  viewer = await signedIn(ctx, "viewer");
  const res = await ctx.app.inject({
    method: "POST",
    url: "/api/agreements",
    headers: editor.headers,
    payload: { kind: "memorandum_of_understanding", title: "MoU with scans" },
  });
  agreementId = res.json().id;
});
afterAll(() => ctx.close());

describe("documents API", () => {
  it("stores the signed PDF under a generated name and serves it back as a download", async () => {
    const res = await upload("Signed MoU 2022.pdf", PDF, { kind: "signed", title: "Signed scan" });
    expect(res.statusCode).toBe(201);
    const doc = res.json();
    expect(doc).toMatchObject({
      kind: "signed",
      title: "Signed scan",
      fileName: "Signed MoU 2022.pdf",
      mediaType: "application/pdf",
      size: PDF.length,
      version: 1,
    });
    const files = await filesKept();
    expect(files).toHaveLength(1);
    expect(files[0]).not.toContain("Signed");
    const download = await ctx.app.inject({
      method: "GET",
      url: `/api/agreements/${agreementId}/documents/${doc.id}`,
      headers: viewer.headers,
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-disposition"]).toContain("attachment");
    expect(download.rawPayload.equals(PDF)).toBe(true);
  });

  it("keeps every version when a document is replaced", async () => {
    const first = (
      await ctx.app.inject({ method: "GET", url: `/api/agreements/${agreementId}/documents`, headers: viewer.headers })
    ).json().items[0];
    const res = await upload("annex-v2.png", PNG, { kind: "annex", replaces: first.id });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ version: 2, replacesId: first.id, mediaType: "image/png" });
    const list = (
      await ctx.app.inject({ method: "GET", url: `/api/agreements/${agreementId}/documents`, headers: viewer.headers })
    ).json().items;
    expect(list.map((d: { version: number }) => d.version)).toEqual([2, 1]);
    expect(await filesKept()).toHaveLength(2);
  });

  it("refuses an oversized file and writes nothing", async () => {
    const before = (await filesKept()).length;
    const big = Buffer.concat([PDF, Buffer.alloc(10_000, 0x20)]);
    const res = await upload("big.pdf", big);
    expect(res.statusCode).toBe(413);
    expect(res.json().errors[0].field).toBe("file");
    expect(await filesKept()).toHaveLength(before);
  });

  it("refuses a file whose content does not match its name, and writes nothing", async () => {
    const before = (await filesKept()).length;
    const res = await upload("scan.pdf", PNG);
    expect(res.statusCode).toBe(415);
    expect(res.json().detail).toContain("image/png");
    const exe = await upload("notes.pdf", Buffer.from("MZ\x90\x00\x03\x00\x00\x00 this is not a document at all"));
    expect(exe.statusCode).toBe(415);
    expect(await filesKept()).toHaveLength(before);
  });

  it("refuses a path-traversal name, and writes nothing", async () => {
    const before = (await filesKept()).length;
    for (const name of ["../../etc/passwd.pdf", "..\\..\\boot.pdf", "/tmp/x.pdf", ".hidden.pdf"]) {
      const res = await upload(name, PDF);
      expect(res.statusCode).toBe(422);
      expect(res.json().errors[0].field).toBe("file");
    }
    expect(await filesKept()).toHaveLength(before);
  });

  it("lets viewers download but not upload", async () => {
    const res = await upload("viewer.pdf", PDF, {}, viewer);
    expect(res.statusCode).toBe(403);
  });

  it("attaches files to activities too, and removes them with the activity", async () => {
    const activity = (
      await ctx.app.inject({
        method: "POST",
        url: "/api/activities",
        headers: editor.headers,
        payload: { kind: "delegation_visit", title: "Delegation visit to Kyutech" },
      })
    ).json();
    const record = `activities/${activity.id}`;
    const before = (await filesKept()).length;
    const res = await upload("programme.pdf", PDF, { kind: "annex" }, editor, record);
    expect(res.statusCode).toBe(201);
    expect(await filesKept()).toHaveLength(before + 1);
    const list = await ctx.app.inject({ method: "GET", url: `/api/${record}/documents`, headers: viewer.headers });
    expect(list.json().items.map((d: { fileName: string }) => d.fileName)).toEqual(["programme.pdf"]);
    const doc = res.json();
    // A document is served only under the record it belongs to.
    const elsewhere = await ctx.app.inject({
      method: "GET",
      url: `/api/agreements/${agreementId}/documents/${doc.id}`,
      headers: viewer.headers,
    });
    expect(elsewhere.statusCode).toBe(404);
    const download = await ctx.app.inject({
      method: "GET",
      url: `/api/${record}/documents/${doc.id}`,
      headers: viewer.headers,
    });
    expect(download.rawPayload.equals(PDF)).toBe(true);

    const removed = await ctx.app.inject({ method: "DELETE", url: `/api/${record}`, headers: editor.headers });
    expect(removed.statusCode).toBe(204);
    expect(await filesKept()).toHaveLength(before);
    expect(
      await ctx.database.db.selectFrom("document").where("entity_id", "=", activity.id).selectAll().execute(),
    ).toEqual([]);
    const missing = await upload("late.pdf", PDF, {}, editor, record);
    expect(missing.statusCode).toBe(404);
  });
});
