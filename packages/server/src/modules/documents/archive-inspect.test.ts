import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkArchive } from "./archive-check.js";
import { ARCHIVE_LIMITS, inspectArchive, officeTypeOf } from "./archive-inspect.js";
import { deflatedPart, docxParts, storedPart, type ZipPart, zerosPart, zipOf } from "./zip-fixtures.js";

const dir = mkdtempSync(join(tmpdir(), "conventio-archive-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function written(content: Buffer): string {
  const path = join(dir, `${++n}.zip`);
  writeFileSync(path, content);
  return path;
}
const archive = (parts: ZipPart[]) => written(zipOf(parts));
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

describe("archive inspection", () => {
  it("reads the type of a genuine word-processing document and of an OpenDocument text", async () => {
    expect(await inspectArchive(archive(docxParts()))).toEqual({ ok: true, mediaType: DOCX });
    const odt = archive([
      storedPart("mimetype", "application/vnd.oasis.opendocument.text"),
      deflatedPart("content.xml", "<office:document-content/>"),
    ]);
    expect(await inspectArchive(odt)).toEqual({ ok: true, mediaType: "application/vnd.oasis.opendocument.text" });
  });

  it("believes only office types, so an archive cannot declare itself a PDF", () => {
    expect(officeTypeOf(new Map([["mimetype", "application/pdf"]]))).toBe("application/zip");
    expect(officeTypeOf(new Map())).toBe("application/zip");
  });

  it("accepts genuine parts of ordinary size: pictures that barely compress and repetitive XML", async () => {
    const picture = { ...deflatedPart("word/media/image1.png", randomBytes(3 * 1_048_576)) };
    const sheet = deflatedPart("word/document.xml", "<w:p><w:r><w:t>Clause</w:t></w:r></w:p>".repeat(200_000));
    const report = await inspectArchive(archive([...docxParts().slice(0, 2), sheet, picture]));
    expect(report).toEqual({ ok: true, mediaType: DOCX });
  });

  it("refuses more entries than allowed", async () => {
    const parts = [...docxParts(), deflatedPart("word/a.xml", "<a/>"), deflatedPart("word/b.xml", "<b/>")];
    const report = await inspectArchive(archive(parts), { ...ARCHIVE_LIMITS, maxEntries: 4 });
    expect(report).toEqual({ ok: false, reason: "entries" });
  });

  it("refuses once the bytes inflated over all entries pass the cap", async () => {
    const text = (seed: string) => deflatedPart(`word/${seed}.xml`, randomBytes(400_000).toString("base64"));
    const parts = [...docxParts(), text("a"), text("b"), text("c")];
    const report = await inspectArchive(archive(parts), { ...ARCHIVE_LIMITS, maxInflatedBytes: 1_048_576 });
    expect(report).toEqual({ ok: false, reason: "inflated" });
  });

  it("refuses an entry packed far more tightly than any document, before inflating it whole", async () => {
    const started = Date.now();
    const report = await inspectArchive(archive([...docxParts(), zerosPart("word/media/image2.bmp", 64)]));
    expect(report).toEqual({ ok: false, reason: "ratio" });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("refuses an entry that inflates to more than it declares", async () => {
    const liar = { ...zerosPart("word/document.xml", 64), size: 1000 };
    expect(await inspectArchive(archive([...docxParts().slice(0, 2), liar]))).toEqual({
      ok: false,
      reason: "unreadable",
    });
  });

  it("refuses encrypted entries, whose size cannot be checked", async () => {
    const locked = { ...deflatedPart("word/document.xml", "<w:document/>"), flags: 0x1 };
    expect(await inspectArchive(archive([...docxParts().slice(0, 2), locked]))).toEqual({
      ok: false,
      reason: "encrypted",
    });
  });

  it("refuses a truncated archive", async () => {
    const whole = zipOf(docxParts());
    expect(await inspectArchive(written(whole.subarray(0, whole.length - 30)))).toEqual({
      ok: false,
      reason: "unreadable",
    });
  });

  it("inspects a 1 GiB bomb in a worker thread and refuses it in well under two seconds", async () => {
    const bomb = archive([zerosPart("[Content_Types].xml", 1024), ...docxParts().slice(1)]);
    const started = Date.now();
    const report = await checkArchive(bomb);
    expect(report).toEqual({ ok: false, reason: "ratio" });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await checkArchive(archive(docxParts()))).toEqual({ ok: true, mediaType: DOCX });
  });

  it("stops a worker that runs past the time limit, and the next inspection starts afresh", async () => {
    const slow = archive([...docxParts(), zerosPart("word/media/image3.bmp", 256)]);
    const limits = { ...ARCHIVE_LIMITS, maxRatio: 2000 };
    expect(await checkArchive(slow, limits, 1)).toEqual({ ok: false, reason: "time" });
    expect(await checkArchive(archive(docxParts()))).toEqual({ ok: true, mediaType: DOCX });
  });
});
