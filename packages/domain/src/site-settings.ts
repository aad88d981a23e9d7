import { z } from "zod";
import { UiLanguage } from "./auth.js";

/**
 * What an administrator sets for the public side: the institution's name and colours, its logo,
 * the links of the public footer, the language public pages open in, the sites allowed to embed
 * the public widgets, and the licence the open data is published under.
 */

export const MAX_FOOTER_LINKS = 12;
export const MAX_EMBED_ORIGINS = 50;
/** The largest logo accepted, in bytes. */
export const LOGO_MAX_BYTES = 1_048_576;

/** A name shown on one line: in a heading, a footer, an e-mail's sender. */
const oneLine = (max: number, required: string) =>
  z
    .string()
    .trim()
    .min(1, required)
    .max(max)
    .regex(/^[^\r\n\t]*$/, { message: "One line, without line breaks or tabs" });

const HexColour = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^#[0-9a-f]{6}$/, { message: "A colour written #rrggbb, such as #1c4e80" });

const WebAddress = z
  .string()
  .trim()
  .max(2000)
  .pipe(
    z.url({
      protocol: /^https?$/,
      hostname: z.regexes.domain,
      message: "A web address starting with http:// or https://",
    }),
  );

/** Scheme and host (and a port), nothing after: what a browser names the site embedding a page. */
const ORIGIN_TEXT = /^https?:\/\/[^/?#@\s]+\/?$/i;
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$|^\[[0-9a-f:.]+\]$/;

/**
 * An origin in the form browsers send it: lower-case scheme and host, the scheme's default port
 * dropped, no path. Null when the text is not one.
 */
export function normaliseOrigin(text: string): string | null {
  const trimmed = text.trim();
  if (!ORIGIN_TEXT.test(trimmed)) return null;
  try {
    const url = new URL(trimmed);
    return HOST.test(url.hostname) ? url.origin : null;
  } catch {
    return null;
  }
}

const Origin = z
  .string()
  .max(300)
  .transform((value, ctx) => {
    const origin = normaliseOrigin(value);
    if (origin) return origin;
    ctx.addIssue({
      code: "custom",
      message: "An origin such as https://www.univ-lille.fr, without a path",
    });
    return z.NEVER;
  });

export const FooterLink = z.strictObject({
  label: oneLine(100, "A label is required"),
  url: WebAddress,
});
export type FooterLink = z.infer<typeof FooterLink>;

export const OpenDataLicence = z.strictObject({
  name: oneLine(200, "A name is required").describe("e.g. CC BY 4.0"),
  url: WebAddress.describe("Where the licence's text is read"),
});
export type OpenDataLicence = z.infer<typeof OpenDataLicence>;

export const SiteColours = z.strictObject({
  primary: HexColour.describe("Headings, links and buttons of the public pages"),
  accent: HexColour.describe("Highlights of the public pages"),
});
export type SiteColours = z.infer<typeof SiteColours>;

const EmbedOrigins = z
  .array(Origin)
  .max(MAX_EMBED_ORIGINS)
  .transform((origins) => [...new Set(origins)])
  .describe("Sites allowed to show the public widgets in a frame, e.g. https://www.univ-lille.fr");

/** The settings as the public pages, the e-mails and the admin page read them. */
export const SiteSettings = z.object({
  institutionName: z.string().describe("The name the public side, e-mails and documents are signed with"),
  logoUrl: z
    .string()
    .nullable()
    .describe("The logo's public address, with a version that changes with the file; null without a logo"),
  colours: SiteColours,
  footerLinks: z.array(FooterLink),
  defaultLanguage: UiLanguage.describe("The language public pages and open data use when none is asked for"),
  embedOrigins: z.array(z.string()),
  openDataLicence: OpenDataLicence,
});
export type SiteSettings = z.infer<typeof SiteSettings>;

/** A change of the settings: only the fields sent change; a list sent replaces the list. */
export const UpdateSiteSettingsInput = z.strictObject({
  institutionName: oneLine(200, "A name is required").optional(),
  colours: SiteColours.partial().optional(),
  footerLinks: z.array(FooterLink).max(MAX_FOOTER_LINKS).optional(),
  defaultLanguage: UiLanguage.optional(),
  embedOrigins: EmbedOrigins.optional(),
  openDataLicence: OpenDataLicence.optional(),
});
export type UpdateSiteSettingsInput = z.output<typeof UpdateSiteSettingsInput>;

/** What holds until an administrator says otherwise. */
export const SITE_SETTINGS_DEFAULTS: SiteSettings = {
  institutionName: "Conventio",
  logoUrl: null,
  colours: { primary: "#1c4e80", accent: "#c2410c" },
  footerLinks: [],
  defaultLanguage: "en",
  embedOrigins: [],
  openDataLicence: { name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" },
};

/** The widgets a site may embed, by the name their address and the script's data-widget use. */
export const EMBED_WIDGETS = ["map", "partnerships", "events"] as const;
export const EmbedWidget = z.enum(EMBED_WIDGETS);
export type EmbedWidget = z.infer<typeof EmbedWidget>;
