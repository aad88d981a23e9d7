import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, gunzipSync } from "node:zlib";
import type { RegistryImportJob } from "@conventio/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";

/**
 * Registry imports from the web app, on slices of the real files: the first 300 French rows of
 * the charter list, and the French records of the all-types ROR file as a gzipped JSON-lines dump.
 */
const DATA = join(import.meta.dirname, "../../../../../../shared/data");
const echeLines = readFileSync(join(DATA, "eche-holders-2024-06.csv"), "utf8").split("\n");
const ECHE_SLICE = Buffer.from(
  `${[echeLines[0], ...echeLines.filter((l) => l.includes(",FR,")).slice(0, 300)].join("\n")}\n`,
);
const CROSSWALK = readFileSync(join(DATA, "eche-ror-crosswalk.csv"));
const frenchRecords = gunzipSync(readFileSync(join(DATA, "ror-records-all-types.jsonl.gz")))
  .toString("utf8")
  .split("\n")
  .filter((l) => l.includes('"country_code":"FR"'));
const FRENCH_ROR = gzipSync(`${frenchRecords.join("\n")}\n`);

let ctx: TestContext;
let admin: Session;

type Part = { name: string; value: string } | { name: string; file: string; content: Buffer };

function upload(s: Session, parts: Part[]) {
  const boundary = "----conventio-registry-boundary";
  const payload = Buffer.concat([
    ...parts.flatMap((p) =>
      "file" in p
        ? [
            Buffer.from(
              `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.file}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
            ),
            p.content,
            Buffer.from("\r\n"),
          ]
        : [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`)],
    ),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  return ctx.app.inject({
    method: "POST",
    url: "/api/registry/imports",
    headers: { ...s.headers, "content-type": `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

async function finished(id: string): Promise<RegistryImportJob> {
  for (let i = 0; i < 600; i++) {
    const res = await ctx.app.inject({ method: "GET", url: `/api/registry/imports/${id}`, headers: admin.headers });
    expect(res.statusCode).toBe(200);
    const job = res.json() as RegistryImportJob;
    if (job.status !== "running") return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("The import did not finish");
}

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await signedIn(ctx, "admin");
});
afterAll(() => ctx.close());

describe("registry imports from the web app", () => {
  it("refreshes from a ROR dump in the background, refusing a second import meanwhile", async () => {
    const res = await upload(admin, [
      { name: "into", value: "registry" },
      { name: "file", file: "ror-fr.jsonl.gz", content: FRENCH_ROR },
    ]);
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ status: "running", source: "ror", into: "registry", file: "ror-fr.jsonl.gz" });
    const second = await upload(admin, [{ name: "file", file: "eche.csv", content: ECHE_SLICE }]);
    expect(second.statusCode).toBe(409);
    const job = await finished(res.json().id);
    const n = frenchRecords.length;
    expect(job).toMatchObject({ status: "done", fraction: 1, processed: n });
    expect(job.report).toMatchObject({ rows: n, created: n, skipped: 0 });
  });

  it("imports the charter list with its crosswalk, every row accounted for", async () => {
    const res = await upload(admin, [
      { name: "into", value: "registry" },
      { name: "file", file: "eche-holders.csv", content: ECHE_SLICE },
      { name: "crosswalk", file: "crosswalk.csv", content: CROSSWALK },
    ]);
    expect(res.statusCode, res.body).toBe(202);
    const job = await finished(res.json().id);
    expect(job.status).toBe("done");
    const r = job.report;
    expect(r?.rows).toBe(300);
    expect((r?.imported ?? 0) + (r?.merged ?? 0) + (r?.skipped ?? 0)).toBe(300);
    expect(r?.merged).toBeGreaterThan(0); // French rows meet the French ROR entries loaded above
  });

  it("reports a file that cannot be read as a failed import, naming the file and not the server's folders", async () => {
    const res = await upload(admin, [{ name: "file", file: "not-a-list.csv", content: Buffer.from("a,b\n1,2\n") }]);
    const job = await finished(res.json().id);
    expect(job).toMatchObject({
      status: "failed",
      problem: {
        status: 422,
        key: "The file {{path}} has no {{column}} column.",
        params: { path: "not-a-list.csv", column: "erasmus_code" },
      },
    });
    const broken = await upload(admin, [
      { name: "file", file: "dump.jsonl", content: Buffer.from('{"id": 1}\n{oops\n') },
    ]);
    expect((await finished(broken.json().id)).problem).toMatchObject({ params: { line: 2, path: "dump.jsonl" } });
  });

  it("refuses what it cannot import with problem+json naming the field", async () => {
    const cases: Array<[Part[], number, string]> = [
      [[{ name: "file", file: "registry.xlsx", content: Buffer.from("x") }], 415, "file"],
      [[{ name: "file", file: "empty.csv", content: Buffer.alloc(0) }], 422, "file"],
      [
        [
          { name: "into", value: "partners" },
          { name: "file", file: "eche.csv", content: ECHE_SLICE },
        ],
        422,
        "into",
      ],
      [[{ name: "into", value: "registry" }], 422, "file"],
      [
        [
          { name: "file", file: "eche.csv", content: ECHE_SLICE },
          { name: "crosswalk", file: "crosswalk.json", content: Buffer.from("{}") },
        ],
        415,
        "crosswalk",
      ],
    ];
    for (const [parts, status, field] of cases) {
      const res = await upload(admin, parts);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
    const json = await ctx.app.inject({
      method: "POST",
      url: "/api/registry/imports",
      headers: admin.headers,
      payload: { file: "x" },
    });
    expect(json.statusCode).toBe(415);
  });

  it("is an administrator's: editors and the public are refused", async () => {
    const editor = await signedIn(ctx, "editor");
    expect((await upload(editor, [{ name: "file", file: "eche.csv", content: ECHE_SLICE }])).statusCode).toBe(403);
    const anonymous = await ctx.app.inject({ method: "GET", url: "/api/registry/imports/x" });
    expect(anonymous.statusCode).toBe(401);
    expect(
      (await ctx.app.inject({ method: "GET", url: "/api/registry/imports/nope", headers: admin.headers })).statusCode,
    ).toBe(404);
  });
});
