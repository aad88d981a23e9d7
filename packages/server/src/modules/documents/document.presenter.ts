import type { DocumentView } from "@conventio/domain";
import type { Selectable } from "kysely";
import type { DocumentTable } from "./document.table.js";

export type DocumentRow = Selectable<DocumentTable>;

/** A stored file as the API shows it: never its stored name or who uploaded it. */
export function presentDocument(r: DocumentRow): DocumentView {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    fileName: r.original_name,
    mediaType: r.media_type,
    size: r.size,
    sha256: r.sha256,
    version: r.version,
    replacesId: r.replaces_id,
    uploadedAt: r.uploaded_at,
  };
}
