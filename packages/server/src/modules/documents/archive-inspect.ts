import yauzl from "yauzl";

/**
 * What a zip-based upload (docx, xlsx, pptx, odt, ods, odp) may cost to look inside. Every
 * byte is counted as it is inflated and thrown away at once; sizes the archive declares are
 * only used to refuse early, never trusted.
 */
export interface ArchiveLimits {
  /** Entries in the central directory. */
  maxEntries: number;
  /** Bytes actually inflated, over all entries. */
  maxInflatedBytes: number;
  /** Inflated bytes for each compressed byte, checked once an entry has passed `ratioGraceBytes`. */
  maxRatio: number;
  /** Bytes an entry may inflate before its ratio is checked. */
  ratioGraceBytes: number;
}

export const ARCHIVE_LIMITS: Readonly<ArchiveLimits> = {
  // A large presentation holds a few hundred parts; workbooks with many sheets and pictures stay in the low thousands.
  maxEntries: 10_000,
  // Twenty times the default 25 MB upload: XML-heavy workbooks unpack five to fifteen times, pictures barely at all.
  maxInflatedBytes: 512 * 1_048_576,
  // Office XML compresses 5–30 to 1 and Apache POI refuses beyond 100; deflate tops out near 1032, which zeros reach.
  maxRatio: 100,
  // Small, very repetitive parts (styles, an empty sheet, a blank bitmap) may exceed the ratio without costing anything.
  ratioGraceBytes: 10 * 1_048_576,
};

/** The entries whose text tells the office format, kept (up to this size) while they are counted. */
const TELLING_ENTRIES = new Set(["mimetype", "[Content_Types].xml"]);
const TELLING_BYTES = 1_048_576;

export type ArchiveRefusal = "entries" | "inflated" | "ratio" | "encrypted" | "unreadable" | "time";

/** The outcome of an inspection: the office media type (or plain zip), or why the archive was refused. */
export type ArchiveReport = { ok: true; mediaType: string } | { ok: false; reason: ArchiveRefusal };

const OFFICE_PREFIXES = ["application/vnd.openxmlformats-officedocument.", "application/vnd.oasis.opendocument."];

/**
 * The office media type an archive declares, read as `file-type` reads it: OpenDocument names
 * it in a `mimetype` entry, Office Open XML in the main part of `[Content_Types].xml`. Only
 * office types are believed, so an archive cannot declare itself a PDF.
 */
export function officeTypeOf(telling: ReadonlyMap<string, string>): string {
  const declared = telling.get("mimetype")?.trim();
  const main = /ContentType="([^"]+)\.main\+xml"/.exec(telling.get("[Content_Types].xml") ?? "")?.[1];
  const type = declared || main;
  return type && OFFICE_PREFIXES.some((p) => type.startsWith(p)) ? type : "application/zip";
}

class Refused extends Error {
  constructor(readonly reason: ArchiveRefusal) {
    super(reason);
  }
}

/**
 * Reads a zip file's central directory and inflates every entry once, counting, to decide
 * whether it is safe to treat as an office document. Stops as soon as a limit is passed.
 * Nested archives (a chart's embedded workbook) are counted as bytes and never opened.
 */
export async function inspectArchive(path: string, limits: ArchiveLimits = ARCHIVE_LIMITS): Promise<ArchiveReport> {
  let zip: yauzl.ZipFile | undefined;
  try {
    zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, strictFileNames: true });
    if (zip.entryCount > limits.maxEntries) throw new Refused("entries");
    const telling = new Map<string, string>();
    let total = 0;
    let seen = 0;
    for await (const entry of zip.eachEntry()) {
      seen += 1;
      if (seen > limits.maxEntries) throw new Refused("entries");
      if (entry.isEncrypted()) throw new Refused("encrypted");
      if (!entry.canDecodeFileData()) throw new Refused("unreadable");
      const tooDense = (inflated: number) =>
        inflated > limits.ratioGraceBytes && inflated > Math.max(1, entry.compressedSize) * limits.maxRatio;
      if (tooDense(entry.uncompressedSize)) throw new Refused("ratio");
      if (total + entry.uncompressedSize > limits.maxInflatedBytes) throw new Refused("inflated");
      const keep = TELLING_ENTRIES.has(entry.fileName) ? ([] as Buffer[]) : null;
      let kept = 0;
      let inflated = 0;
      const stream = await zip.openReadStreamPromise(entry);
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        inflated += chunk.length;
        total += chunk.length;
        if (total > limits.maxInflatedBytes) throw new Refused("inflated");
        if (tooDense(inflated)) throw new Refused("ratio");
        if (keep && kept < TELLING_BYTES) {
          keep.push(chunk.subarray(0, TELLING_BYTES - kept));
          kept += chunk.length;
        }
      }
      if (keep) telling.set(entry.fileName, Buffer.concat(keep).toString("utf8"));
    }
    return { ok: true, mediaType: officeTypeOf(telling) };
  } catch (err) {
    return { ok: false, reason: err instanceof Refused ? err.reason : "unreadable" };
  } finally {
    zip?.close();
  }
}
