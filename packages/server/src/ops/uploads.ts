import { join } from "node:path";
import { pictureFolder } from "#modules/pictures/picture-files.js";
import type { Row } from "./table-rows.js";

/** Relative to DATA_DIR, the way pictures are laid out there. */
const pictures = pictureFolder("");

/**
 * The uploaded files a row stands for, relative to DATA_DIR. A backup takes exactly the files its
 * rows name, so files and rows come from the same moment; a file written after the snapshot is
 * not in it, and neither is its row.
 */
const FILES_OF: Readonly<Record<string, (row: Row) => string[]>> = {
  // As the document service stores them: files/<first two characters>/<stored name>.
  document: (row) => {
    const stored = String(row.stored_name);
    return [join("files", stored.slice(0, 2), stored)];
  },
  picture: (row) => {
    const key = String(row.file_key);
    return [
      pictures.original(key, String(row.original_ext)),
      pictures.sized(key, "thumb"),
      pictures.sized(key, "display"),
    ];
  },
  // The logo is kept where pictures are, without generated sizes.
  site_settings: (row) => (row.logo_key ? [pictures.original(String(row.logo_key), String(row.logo_ext))] : []),
};

/** The files named by rows of a table, or none for a table without files. */
export function uploadsOf(table: string, row: Row): string[] {
  const of = FILES_OF[table];
  return of ? of(row) : [];
}
