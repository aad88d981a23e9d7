import { documentFileKey } from "#modules/documents/document.service.js";
import { pictureKeys } from "#modules/pictures/picture-files.js";
import type { Row } from "./table-rows.js";

/**
 * The uploaded files a row stands for, by their keys in the file store, which are also their paths
 * under DATA_DIR on disk and in an archive. A backup takes exactly the files its rows name, so
 * files and rows come from the same moment; a file written after the snapshot is not in it, and
 * neither is its row.
 */
const FILES_OF: Readonly<Record<string, (row: Row) => string[]>> = {
  document: (row) => [documentFileKey(String(row.stored_name))],
  picture: (row) => pictureKeys.all(String(row.file_key), String(row.original_ext)),
  // The logo is kept where pictures are, without generated sizes.
  site_settings: (row) => (row.logo_key ? [pictureKeys.original(String(row.logo_key), String(row.logo_ext))] : []),
};

/** The files named by rows of a table, or none for a table without files. */
export function uploadsOf(table: string, row: Row): string[] {
  const of = FILES_OF[table];
  return of ? of(row) : [];
}
