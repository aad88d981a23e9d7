import type { RegistryImportJob, RegistryImportTarget } from "@conventio/domain";
import { ApiError, csrfHeader, get, id, problemOf } from "./core";

/**
 * Registry imports from the web app: a ROR dump or the Erasmus charter list, with an optional
 * crosswalk, sent as one multipart request (the target first, then the files); the import goes
 * on in the background and is followed by its id.
 */
export const registryImports = {
  async start(into: RegistryImportTarget, file: File, crosswalk: File | null): Promise<RegistryImportJob> {
    const form = new FormData();
    form.append("into", into);
    form.append("file", file, file.name);
    if (crosswalk) form.append("crosswalk", crosswalk, crosswalk.name);
    let response: Response;
    try {
      response = await fetch("/api/registry/imports", {
        method: "POST",
        headers: { accept: "application/json, application/problem+json", ...csrfHeader() },
        credentials: "same-origin",
        body: form,
      });
    } catch {
      throw new ApiError({ type: "about:blank", title: "Network error", status: 0, code: "internal" });
    }
    const data: unknown = await response.json().catch(() => null);
    if (response.ok) return data as RegistryImportJob;
    throw new ApiError(problemOf(response.status, data));
  },
  job: (jobId: string) => get<RegistryImportJob>(`/api/registry/imports/${id(jobId)}`),
};
