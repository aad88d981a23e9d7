import { z } from "zod";

/** Files attached to an agreement or an activity; every upload is a new version. */

export const DOCUMENT_KINDS = ["signed", "annex", "other"] as const;
export const DocumentKind = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof DocumentKind>;

/** The fields sent before the file in a multipart upload. */
export const UploadDocumentFields = z.strictObject({
  kind: DocumentKind.default("other"),
  title: z.string().trim().max(300).optional(),
  replaces: z.string().max(64).optional().describe("The id of the document this upload is a new version of"),
});
export type UploadDocumentFields = z.infer<typeof UploadDocumentFields>;

export const DocumentView = z.object({
  id: z.string(),
  kind: DocumentKind,
  title: z.string(),
  fileName: z.string().describe("The name the file was uploaded with"),
  mediaType: z.string().describe("Detected from the content, not from the name"),
  size: z.number().int(),
  sha256: z.string(),
  version: z.number().int(),
  replacesId: z.string().nullable(),
  uploadedAt: z.string(),
});
export type DocumentView = z.infer<typeof DocumentView>;

export const DocumentList = z.object({ items: z.array(DocumentView).describe("Every version, newest first") });
export type DocumentList = z.infer<typeof DocumentList>;
