import { open } from "node:fs/promises";
import { fileTypeFromFile } from "file-type";
import { AppError } from "#shared/app-error.js";
import { archiveRefusal, checkArchive } from "./archive-check.js";

/**
 * The document types Conventio accepts, by the media type detected from the content, with
 * the file-name extensions that may carry each. A name whose extension does not fit the
 * content is refused, so a renamed executable cannot pass as a PDF.
 */
export const ACCEPTED_TYPES: Readonly<Record<string, readonly string[]>> = {
  "application/pdf": ["pdf"],
  "image/png": ["png"],
  "image/jpeg": ["jpg", "jpeg"],
  "image/webp": ["webp"],
  "image/tiff": ["tif", "tiff"],
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ["docx"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ["xlsx"],
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": ["pptx"],
  "application/vnd.oasis.opendocument.text": ["odt"],
  "application/vnd.oasis.opendocument.spreadsheet": ["ods"],
  "application/vnd.oasis.opendocument.presentation": ["odp"],
  "application/x-cfb": ["doc", "xls", "ppt"],
};

/**
 * Characters that do not show but change what a name seems to say: C1 controls, and the
 * bidirectional embeddings, overrides, isolates and marks, with which `invoice\u202Efdp.exe` reads
 * as `invoiceexe.pdf`.
 */
const DECEPTIVE = /[\u0080-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** A file name safe to show and to offer as a download name, or null when it tries to be a path or to deceive. */
export function safeFileName(raw: string): string | null {
  const name = raw.normalize("NFC").trim();
  if (!name || name.length > 200) return null;
  if (/[/\\]/.test(name) || name.startsWith(".")) return null;
  if ([...name].some((ch) => (ch.codePointAt(0) ?? 0) < 0x20 || ch === "\u007f")) return null;
  if (DECEPTIVE.test(name)) return null;
  return name;
}

/** The refusal of a name with invisible or direction-changing characters, said plainly; null for other names. */
export function deceptiveNameRefusal(raw: string): AppError | null {
  if (!DECEPTIVE.test(raw)) return null;
  return AppError.field(
    "validation_failed",
    "file",
    "This file name contains invisible control or text-direction characters, which can disguise its real type; rename the file.",
  );
}

/**
 * The upload's file name, or the request's file drained and the name refused: said plainly when
 * it tries to deceive, otherwise with `plainRefusal`, which names an example the upload accepts.
 */
export function uploadFileName(raw: string, stream: { resume(): unknown }, plainRefusal: string): string {
  const name = safeFileName(raw);
  if (name) return name;
  stream.resume();
  throw deceptiveNameRefusal(raw) ?? AppError.field("validation_failed", "file", plainRefusal);
}

export function extensionOf(name: string): string {
  const i = name.lastIndexOf(".");
  return i < 0 ? "" : name.slice(i + 1).toLowerCase();
}

/** The signature every OOXML and OpenDocument file, being a zip archive, starts with. */
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

async function startsWithZipSignature(path: string): Promise<boolean> {
  const file = await open(path, "r");
  try {
    const head = Buffer.alloc(ZIP_SIGNATURE.length);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    return bytesRead === head.length && head.equals(ZIP_SIGNATURE);
  } finally {
    await file.close();
  }
}

/**
 * The media type of an uploaded file, from its content. A zip archive is never handed to
 * `file-type`, which inflates entries on the event loop without limit: it is inspected in a
 * worker thread within `ARCHIVE_LIMITS`, which also reads its office type, and refused (422 on
 * `file`) when it passes them.
 */
export async function detectFileType(path: string): Promise<{ mime: string } | undefined> {
  if (await startsWithZipSignature(path)) {
    const report = await checkArchive(path);
    if (!report.ok) throw archiveRefusal(report.reason);
    return { mime: report.mediaType };
  }
  return fileTypeFromFile(path);
}
