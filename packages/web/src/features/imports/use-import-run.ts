import type { ColumnMapping, ImportProgress, ImportReport } from "@conventio/domain";
import { type UseMutationResult, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../lib/api";

export type RunArgs = { uploadId: string; mapping: ColumnMapping };

export interface ImportRun {
  mutation: UseMutationResult<ImportReport, unknown, RunArgs>;
  /** How far the server has got, polled while the request is pending; undefined otherwise. */
  progress: ImportProgress | undefined;
}

/** How often the progress is asked while a dry run or an apply runs. */
const POLL_MS = 300;

/**
 * A dry run or an apply, and its progress: while the request is pending the page asks the server
 * how many rows it has handled, so a long file shows a moving bar rather than a frozen button.
 */
export function useImportRun(action: "dryRun" | "apply"): ImportRun {
  const queryClient = useQueryClient();
  const mutation = useMutation<ImportReport, unknown, RunArgs>({
    mutationFn: ({ uploadId, mapping }) => api.imports[action](uploadId, mapping),
    // An import touches lists, counts, the map and the dashboard: everything cached is read again.
    onSuccess: (report) => (report.applied ? queryClient.invalidateQueries() : undefined),
  });
  const uploadId = mutation.variables?.uploadId;
  const polled = useQuery({
    // Each run polls under its own key, so a finished run's answer never shows as the next one's.
    queryKey: ["imports", uploadId, "progress", action, mutation.submittedAt],
    queryFn: () => api.imports.progress(uploadId ?? ""),
    enabled: mutation.isPending && uploadId !== undefined,
    refetchInterval: POLL_MS,
    retry: false,
    gcTime: 0,
  });
  return { mutation, progress: mutation.isPending ? polled.data : undefined };
}
