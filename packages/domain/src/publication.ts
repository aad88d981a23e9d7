import { z } from "zod";
import { isoDateWithin, YEARS } from "./date-bounds.js";

/** Publication dates of news, here or in the press. */
const OfficeDate = isoDateWithin(YEARS.office);

const Id = z.string().min(1).max(64);

/**
 * Text without control characters, tab and line breaks apart, and with \n for every line break:
 * they are invisible to readers, PostgreSQL refuses U+0000 and XML feeds cannot carry them.
 */
export function withoutControlCharacters(value: string): string {
  return value.replace(/\r\n?/g, "\n").replace(/[^\P{Cc}\t\n]/gu, "");
}

/** A text field of a post: control characters dropped, then trimmed and checked by `rules`. */
const postText = (rules: z.ZodString) => z.string().transform(withoutControlCharacters).pipe(rules);

/** The language of a post or of one of its translations: a two- or three-letter code. */
export const NewsLanguage = z.string().regex(/^[a-z]{2,3}$/, "A language code such as fr");

/** What a news feed is asked for with: `?lang=` takes a tag such as fr or en-GB, read as its language. */
export const NewsFeedQuery = z.object({
  lang: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "A language code such as fr, sv or en-GB")
    .transform((tag) => tag.split("-")[0] ?? tag)
    .optional()
    .describe("Each post in its translation into this language when it has one, else in its original"),
});

export const NewsTranslation = z.strictObject({
  lang: NewsLanguage,
  title: postText(z.string().trim().min(1).max(300)),
  body: postText(z.string().trim().min(1).max(100_000)),
});

/** Only https: the link is offered to every reader of the post and of the feeds. */
const SourceUrl = z
  .string()
  .trim()
  .max(2000)
  .pipe(
    z.url({
      protocol: /^https$/,
      hostname: z.regexes.domain,
      message: "A link starting with https://, such as https://www.ouest-france.fr/…",
    }),
  );

export const NewsInput = z
  .strictObject({
    lang: NewsLanguage.default("fr"),
    title: postText(z.string().trim().min(1, "A title is required").max(300)),
    summary: postText(z.string().trim().max(1000)).nullable().default(null),
    body: postText(z.string().trim().min(1, "The post needs a body").max(100_000)),
    translations: z.array(NewsTranslation).max(10).default([]),
    tags: z
      .array(postText(z.string().trim().min(1).max(60)))
      .max(20)
      .default([]),
    category: postText(z.string().trim().max(80)).nullable().default(null),
    agreementId: Id.nullable().default(null),
    publishedOn: OfficeDate.nullable().default(null).describe("Publication date; set when published"),
    status: z.enum(["draft", "published"]).default("draft"),
    sourceOutlet: postText(
      z
        .string()
        .trim()
        .min(1, "Name the outlet, or leave the field empty")
        .max(200, "An outlet's name has at most 200 characters"),
    )
      .nullable()
      .default(null)
      .describe("Where the relayed article was first published, such as Ouest-France or The Japan Times"),
    sourceUrl: SourceUrl.nullable().default(null).describe("Link to the original article (https)"),
    sourcePublishedOn: OfficeDate.nullable().default(null).describe("When the original article was published"),
  })
  .superRefine((n, ctx) => {
    if (!n.sourceOutlet && (n.sourceUrl || n.sourcePublishedOn)) {
      ctx.addIssue({
        code: "custom",
        path: ["sourceOutlet"],
        message: "Name the outlet that first published the article",
      });
    }
    if (n.sourcePublishedOn && n.publishedOn && n.sourcePublishedOn > n.publishedOn) {
      ctx.addIssue({
        code: "custom",
        path: ["sourcePublishedOn"],
        message: "The original cannot be published after the post relaying it",
      });
    }
  });
export type NewsInput = z.output<typeof NewsInput>;

export const NewsSummary = z.object({
  id: z.string(),
  lang: z.string(),
  title: z.string(),
  summary: z.string().nullable(),
  tags: z.array(z.string()),
  category: z.string().nullable(),
  author: z.string(),
  publishedOn: z.string().nullable(),
  status: z.enum(["draft", "published"]),
  sourceOutlet: z.string().nullable().describe("Outlet that first published a relayed article"),
  sourceUrl: z.string().nullable().describe("Link to the original article"),
  sourcePublishedOn: z.string().nullable().describe("Publication date of the original article"),
});
export type NewsSummary = z.infer<typeof NewsSummary>;

export const NewsView = NewsSummary.extend({
  body: z.string(),
  translations: z.array(z.object({ lang: z.string(), title: z.string(), body: z.string() })),
  agreement: z.object({ id: z.string(), reference: z.string(), title: z.string() }).nullable(),
  related: z.array(NewsSummary).describe("Published posts sharing the most tags"),
});
export type NewsView = z.infer<typeof NewsView>;

export const CommentInput = z.strictObject({ body: z.string().min(1).max(5000) });
export const COMMENT_STATUSES = ["pending", "approved", "removed"] as const;
export const CommentView = z.object({
  id: z.string(),
  postId: z.string(),
  author: z.string(),
  body: z.string().describe("Plain text; never HTML"),
  status: z.enum(COMMENT_STATUSES),
  createdAt: z.string(),
});
export type CommentView = z.infer<typeof CommentView>;

/** Comment text as stored: control characters (but line breaks) removed, trimmed. */
export function sanitiseComment(raw: string): string {
  return [...raw.normalize("NFC")]
    .filter((ch) => {
      const c = ch.codePointAt(0) ?? 0;
      return c === 10 || c === 9 || (c >= 32 && c !== 127 && !(c >= 0x202a && c <= 0x202e));
    })
    .join("")
    .trim();
}
