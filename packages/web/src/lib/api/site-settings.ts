import type { SiteSettings, UpdateSiteSettingsInput } from "@conventio/domain";
import { ApiError, csrfHeader, get, patch, problemOf, remove } from "./core";

/** Sends the logo as multipart/form-data with PUT, as the settings' one logo is replaced. */
async function putLogo(file: File): Promise<SiteSettings> {
  const form = new FormData();
  form.append("file", file, file.name);
  let response: Response;
  try {
    response = await fetch("/api/admin/site-settings/logo", {
      method: "PUT",
      headers: { accept: "application/json, application/problem+json", ...csrfHeader() },
      credentials: "same-origin",
      body: form,
    });
  } catch {
    throw new ApiError({ type: "about:blank", title: "Network error", status: 0, code: "internal" });
  }
  const data: unknown = await response.json().catch(() => null);
  if (response.ok) return data as SiteSettings;
  throw new ApiError(problemOf(response.status, data));
}

/** The settings of the public side: read by anyone, changed by administrators. */
export const siteSettings = {
  get: () => get<SiteSettings>("/api/public/site"),
  update: (input: UpdateSiteSettingsInput) => patch<SiteSettings>("/api/admin/site-settings", input),
  uploadLogo: putLogo,
  removeLogo: () => remove("/api/admin/site-settings/logo"),
};

export const siteSettingsKey = ["site-settings"] as const;
