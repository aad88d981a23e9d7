/** The records files can be attached to. */
export const DOCUMENT_ENTITIES = ["agreement", "activity"] as const;
export type DocumentEntity = (typeof DOCUMENT_ENTITIES)[number];

export interface DocumentTable {
  id: string;
  entity: DocumentEntity;
  entity_id: string;
  kind: "signed" | "annex" | "other";
  title: string;
  original_name: string; // for display and download only; never a path
  stored_name: string; // generated; the file is files/<first two characters>/<stored_name> in the file store
  media_type: string; // detected from the content
  size: number;
  sha256: string;
  version: number;
  replaces_id: string | null;
  uploaded_by: string | null;
  uploaded_at: string;
}
