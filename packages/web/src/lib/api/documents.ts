import type { DocumentKind, DocumentList, DocumentView } from "@conventio/domain";
import { get, id, upload } from "./core";

/** A record files are attached to, named as in its API path. */
export type DocumentRecord = { kind: "agreements" | "activities"; id: string };

/** Files attached to a record: an agreement or an activity. */
export const documents = {
  list: (record: DocumentRecord) => get<DocumentList>(`/api/${record.kind}/${id(record.id)}/documents`),
  upload: (record: DocumentRecord, meta: { kind: DocumentKind; title: string; replaces: string }, file: File) =>
    upload<DocumentView>(`/api/${record.kind}/${id(record.id)}/documents`, meta, file),
  url: (record: DocumentRecord, documentId: string) =>
    `/api/${record.kind}/${id(record.id)}/documents/${id(documentId)}`,
};
