import { z } from "zod";

/** The records a picture can belong to. */
export const PICTURE_OWNER_KINDS = ["agreement", "event", "news", "activity"] as const;
export const PictureOwnerKind = z.enum(PICTURE_OWNER_KINDS);
export type PictureOwnerKind = z.infer<typeof PictureOwnerKind>;

/**
 * The sizes generated from every upload, by the longest side they fit in: a thumbnail for grids
 * and lists, and a display size for pages. The original is kept but never shown to the public.
 */
export const PICTURE_SIZES = { thumb: 320, display: 1280 } as const;
export const PictureSize = z.enum(["thumb", "display"]);
export type PictureSize = z.infer<typeof PictureSize>;

const Id = z.string().min(1).max(64);

const LocalisedPictureText = z.strictObject({
  lang: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}$/, "A language code such as fr"),
  value: z.string().trim().min(1).max(1000),
});

/** Texts in several languages, one per language. */
const LocalisedTexts = z
  .array(LocalisedPictureText)
  .max(10)
  .superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.lang)) {
        ctx.addIssue({ code: "custom", path: [i, "lang"], message: "One text per language" });
      }
      seen.add(item.lang);
    });
  });

/** What staff change on a picture; the file itself is replaced by uploading a new picture. */
export const UpdatePictureInput = z
  .strictObject({
    caption: LocalisedTexts.optional().describe("The caption in several languages"),
    alt: LocalisedTexts.optional().describe(
      "Text alternative in several languages for people who cannot see the picture; required before it is public",
    ),
    credit: z
      .string()
      .trim()
      .max(300)
      .nullable()
      .optional()
      .describe("Photographer or rights holder, e.g. Photo: Université de Lille / communication office"),
    public: z.boolean().optional().describe("Shown on public pages when its record is public too"),
  })
  .superRefine((p, ctx) => {
    // The server checks the stored alt text too; this catches a form that sends both at once.
    if (p.public === true && p.alt?.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["alt"],
        message: "Describe the picture in a text alternative before making it public.",
      });
    }
  });
export type UpdatePictureInput = z.output<typeof UpdatePictureInput>;

/** The new order of a record's pictures: every one of its pictures, once, first shown first. */
export const PictureOrderInput = z.strictObject({
  ids: z.array(Id).min(1).max(500).describe("The record's picture ids in their new order"),
});
export type PictureOrderInput = z.output<typeof PictureOrderInput>;

const LocalisedView = z.array(z.object({ lang: z.string(), value: z.string() }));

/** One generated size: where to fetch it and its pixel size, so pages keep room for it. */
export const PictureFileView = z.object({
  url: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  mediaType: z.string(),
});
export type PictureFileView = z.infer<typeof PictureFileView>;

/** A picture as staff see it. */
export const PictureView = z.object({
  id: z.string(),
  owner: z.object({ kind: PictureOwnerKind, id: z.string() }),
  fileName: z.string().describe("As uploaded; for display only"),
  mediaType: z.string().describe("Of the original, detected from its content"),
  size: z.number().int().describe("Of the original, in bytes"),
  width: z.number().int().describe("Of the original, upright"),
  height: z.number().int(),
  caption: LocalisedView,
  alt: LocalisedView,
  credit: z.string().nullable(),
  public: z.boolean(),
  shownToPublic: z.boolean().describe("Public, with a text alternative, on a record the public sees"),
  position: z.number().int(),
  files: z.object({ thumb: PictureFileView, display: PictureFileView }),
  originalUrl: z.string(),
  uploadedAt: z.string(),
  updatedAt: z.string(),
});
export type PictureView = z.infer<typeof PictureView>;

/** A picture as the public sees it: no file name, no original. */
export const PublicPictureView = z.object({
  id: z.string(),
  caption: LocalisedView,
  alt: LocalisedView,
  credit: z.string().nullable(),
  files: z.object({ thumb: PictureFileView, display: PictureFileView }),
});
export type PublicPictureView = z.infer<typeof PublicPictureView>;
