import type {
  ColumnMapping,
  ImportKind,
  ImportPreview,
  ImportProgress,
  ImportRefusal,
  ImportReport,
  ImportRunInput,
  SaveMappingInput,
} from "@conventio/domain";
import { ApiError, get, id, post, put, upload } from "./core";

const base = (uploadId: string) => `/api/imports/${id(uploadId)}`;

/** Spreadsheet imports: upload and preview, the column mapping, dry run, apply, and their progress. */
export const imports = {
  upload: (kind: ImportKind, file: File) => upload<ImportPreview>("/api/imports", { kind }, file),
  preview: (uploadId: string) => get<ImportPreview>(base(uploadId)),
  saveMapping: (uploadId: string, mapping: ColumnMapping) =>
    put<ImportPreview>(`${base(uploadId)}/mapping`, { mapping } satisfies SaveMappingInput),
  dryRun: (uploadId: string, mapping: ColumnMapping) =>
    post<ImportReport>(`${base(uploadId)}/dry-run`, { mapping } satisfies ImportRunInput),
  apply: (uploadId: string, mapping: ColumnMapping) =>
    post<ImportReport>(`${base(uploadId)}/apply`, { mapping } satisfies ImportRunInput),
  progress: (uploadId: string) => get<ImportProgress>(`${base(uploadId)}/progress`),
};

/** The report a refused apply carries (422 with the rows at fault), or null for any other failure. */
export function refusedReport(error: unknown): ImportReport | null {
  if (!(error instanceof ApiError)) return null;
  const problem = error.problem as Partial<ImportRefusal>;
  return problem.report ?? null;
}
