import { z } from "zod";
import { IsoDate, Visibility } from "./organisation.js";

const Id = z.string().min(1).max(64);
const DateTime = z.iso.datetime({ offset: true, message: "A date and time such as 2023-09-20T14:00:00+02:00" });

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const AUDIENCES = ["public", "students", "staff", "researchers", "partners"] as const;

export const EventInput = z
  .strictObject({
    title: z.string().trim().min(1, "A title is required").max(300),
    description: z.string().trim().max(20_000).nullable().default(null),
    startsAt: DateTime,
    endsAt: DateTime.nullable().default(null),
    timeZone: z
      .string()
      .trim()
      .max(64)
      .refine(isTimeZone, "An IANA time zone such as Europe/Paris")
      .default("Europe/Paris"),
    place: z.string().trim().max(300).nullable().default(null),
    contactName: z.string().trim().max(200).nullable().default(null),
    contactEmail: z.string().trim().toLowerCase().max(254).pipe(z.email()).nullable().default(null),
    registrationDeadline: DateTime.nullable().default(null),
    audience: z.enum(AUDIENCES).default("public"),
    agreementId: Id.nullable().default(null),
    axisId: Id.nullable().default(null),
    visibility: Visibility.default("public"),
  })
  .superRefine((e, ctx) => {
    if (e.endsAt && Date.parse(e.endsAt) < Date.parse(e.startsAt)) {
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "The event cannot end before it starts" });
    }
    if (e.registrationDeadline && Date.parse(e.registrationDeadline) > Date.parse(e.startsAt)) {
      ctx.addIssue({
        code: "custom",
        path: ["registrationDeadline"],
        message: "Registration closes before the event starts",
      });
    }
  });
export type EventInput = z.output<typeof EventInput>;

export const EventView = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  timeZone: z.string(),
  place: z.string().nullable(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  registrationDeadline: z.string().nullable(),
  audience: z.enum(AUDIENCES),
  agreement: z.object({ id: z.string(), reference: z.string(), title: z.string() }).nullable(),
  axis: z.object({ id: z.string(), title: z.string() }).nullable().describe("The area or axis the event belongs to"),
  visibility: Visibility,
});
export type EventView = z.infer<typeof EventView>;

export const EventListQuery = z.object({
  from: DateTime.optional().describe("Only events ending after this instant"),
  to: DateTime.optional().describe("Only events starting before this instant"),
  agreement: Id.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(500).optional().describe("nextCursor of the previous page"),
});

export const NewsTranslation = z.strictObject({
  lang: z.string().regex(/^[a-z]{2,3}$/, "A language code such as fr"),
  title: z.string().trim().min(1).max(300),
  body: z.string().trim().min(1).max(100_000),
});

export const NewsInput = z.strictObject({
  lang: z
    .string()
    .regex(/^[a-z]{2,3}$/, "A language code such as fr")
    .default("fr"),
  title: z.string().trim().min(1, "A title is required").max(300),
  summary: z.string().trim().max(1000).nullable().default(null),
  body: z.string().trim().min(1, "The post needs a body").max(100_000),
  translations: z.array(NewsTranslation).max(10).default([]),
  tags: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
  category: z.string().trim().max(80).nullable().default(null),
  agreementId: Id.nullable().default(null),
  publishedOn: IsoDate.nullable().default(null).describe("Publication date; set when published"),
  status: z.enum(["draft", "published"]).default("draft"),
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
