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

/** A file name safe to show and to offer as a download name, or null when it tries to be a path. */
export function safeFileName(raw: string): string | null {
  const name = raw.normalize("NFC").trim();
  if (!name || name.length > 200) return null;
  if (/[/\\]/.test(name) || name.startsWith(".")) return null;
  if ([...name].some((ch) => (ch.codePointAt(0) ?? 0) < 0x20 || ch === "\u007f")) return null;
  return name;
}

export function extensionOf(name: string): string {
  const i = name.lastIndexOf(".");
  return i < 0 ? "" : name.slice(i + 1).toLowerCase();
}
