import { z } from "zod";
import { Email } from "./auth.js";
import { dateTimeWithin, YEARS } from "./date-bounds.js";
import { Visibility } from "./organisation.js";
import { SortOrder } from "./page.js";
import { CreatePersonInput } from "./person.js";

const Id = z.string().min(1).max(64);
const DateTime = dateTimeWithin(YEARS.office);

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * C0 controls but tab and line feed, DEL, C1 controls (CSI among them), and the bidirectional
 * embeddings, overrides and isolates that can make text read differently from what it holds.
 */
function isControl(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (
    (c < 0x20 && c !== 0x09 && c !== 0x0a) ||
    (c >= 0x7f && c <= 0x9f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069)
  );
}

/**
 * Text as an event may hold it and a calendar feed may carry it: line breaks made \n, control
 * characters and terminal escapes removed. `singleLine` also folds line breaks and tabs into spaces.
 */
export function eventText(raw: string, singleLine = false): string {
  const text = [...raw.replace(/\r\n?/g, "\n")].filter((ch) => !isControl(ch)).join("");
  return singleLine ? text.replace(/\s*[\n\t]\s*/g, " ") : text;
}

const Line = z.string().overwrite((s) => eventText(s, true));
const Paragraphs = z.string().overwrite((s) => eventText(s));

/** Who an event is for; an event may address several. */
export const AUDIENCES = ["public", "students", "staff", "researchers", "partners", "alumni"] as const;
export const Audience = z.enum(AUDIENCES, {
  message: "An audience among public, students, staff, researchers, partners and alumni",
});
export type Audience = z.infer<typeof Audience>;

/** Only https: the link is offered to every reader of the event page and of the calendar feeds. */
const RegistrationUrl = z
  .string()
  .trim()
  .max(2000, "A registration link has at most 2000 characters")
  .pipe(
    z.url({
      protocol: /^https$/,
      hostname: z.regexes.domain,
      message: "A registration link starting with https://, such as https://www.univ-lille.fr/inscription",
    }),
  );

export const EventInput = z
  .strictObject({
    title: Line.trim().min(1, "A title is required").max(300),
    description: Paragraphs.trim().max(20_000).nullable().default(null),
    startsAt: DateTime,
    endsAt: DateTime.nullable().default(null),
    timeZone: z
      .string()
      .trim()
      .max(64)
      .refine(isTimeZone, "An IANA time zone such as Europe/Paris")
      .default("Europe/Paris"),
    place: Line.trim().max(300).nullable().default(null),
    contactName: Line.trim().max(200, "A contact's name has at most 200 characters").nullable().default(null),
    contactEmail: Email.nullable().default(null),
    contactPhone: CreatePersonInput.shape.phone.unwrap().unwrap().nullable().default(null),
    registrationDeadline: DateTime.nullable().default(null).describe("When registration closes"),
    registrationUrl: RegistrationUrl.nullable().default(null).describe("Where to register (https)"),
    audiences: z
      .array(Audience)
      .min(1, "Choose at least one audience")
      .max(AUDIENCES.length)
      .default(["public"])
      // Kept once each, in the order of AUDIENCES, so an event reads the same wherever it is shown.
      .transform((chosen) => AUDIENCES.filter((a) => chosen.includes(a)))
      .describe("Who the event is for"),
    agreementId: Id.nullable().default(null),
    axisId: Id.nullable().default(null),
    visibility: Visibility.default("public"),
  })
  .superRefine((e, ctx) => {
    if (e.endsAt && Date.parse(e.endsAt) < Date.parse(e.startsAt)) {
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "The event cannot end before it starts" });
    }
    // Registration may stay open while a conference runs, never past its end.
    if (e.registrationDeadline && Date.parse(e.registrationDeadline) > Date.parse(e.endsAt ?? e.startsAt)) {
      ctx.addIssue({
        code: "custom",
        path: ["registrationDeadline"],
        message: "Registration must close by the end of the event",
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
  contactPhone: z.string().nullable(),
  registrationDeadline: z.string().nullable(),
  registrationUrl: z.string().nullable(),
  audiences: z.array(Audience),
  agreement: z
    .object({
      id: z.string(),
      reference: z.string(),
      title: z.string(),
      lang: z.string().nullable().describe("The language the title is written in; null when unknown"),
    })
    .nullable(),
  axis: z.object({ id: z.string(), title: z.string() }).nullable().describe("The area or axis the event belongs to"),
  visibility: Visibility,
});
export type EventView = z.infer<typeof EventView>;

export const EventListQuery = z.object({
  from: DateTime.optional().describe("Only events ending after this instant"),
  to: DateTime.optional().describe("Only events starting before this instant"),
  endsBefore: DateTime.optional().describe(
    "Only events over before this instant (one without an end is over once it starts): past events",
  ),
  agreement: Id.optional(),
  partner: Id.optional().describe("Only events of agreements this organisation is a party to"),
  order: SortOrder.optional().describe(
    "By start: asc (the soonest first, the default) or desc (the latest first, as past events are read)",
  ),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(500).optional().describe("nextCursor of the previous page"),
});
/** The event list's query as a client writes it: every part optional. */
export type EventListQuery = Partial<z.infer<typeof EventListQuery>>;
