import { z } from "zod";
import { isCountryCode } from "./countries.js";
import { isoDateWithin, YEARS } from "./date-bounds.js";
import { IdentifierScheme, normaliseIdentifier } from "./identifiers.js";
import { ShownText } from "./language.js";
import { SortOrder } from "./page.js";
import { endsBeforeStart, PartialDate } from "./partial-date.js";

export const ORGANISATION_KINDS = [
  "university",
  "unit",
  "local_authority",
  "government",
  "company",
  "network",
  "programme",
  "student_union",
  "other",
] as const;
export const OrganisationKind = z
  .enum(ORGANISATION_KINDS)
  .describe(
    "university or school; organisational unit (faculty, school, campus, laboratory) with a parent; local or regional authority; government body or funder; company; network, consortium or alliance; exchange programme; student union",
  );
export type OrganisationKind = z.infer<typeof OrganisationKind>;

/** Kinds that have member organisations. */
export const MEMBERSHIP_HOLDERS: ReadonlySet<OrganisationKind> = new Set(["network", "programme"]);

export const VISIBILITIES = ["internal", "public"] as const;
export const Visibility = z.enum(VISIBILITIES);
export type Visibility = z.infer<typeof Visibility>;

const Id = z.string().min(1).max(64);
const Language = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "A language code such as fr, sv or en-GB");
/** A full date of record: a signature, a start, a membership. */
export const IsoDate = isoDateWithin(YEARS.history);

export const LocalisedName = z.strictObject({
  lang: Language,
  value: z.string().trim().min(1).max(300),
});
export type LocalisedName = z.infer<typeof LocalisedName>;

/** An identifier as typed; the schema brings it to canonical form or names what is wrong. */
export const IdentifierInput = z
  .strictObject({ scheme: IdentifierScheme, value: z.string().min(1).max(200) })
  .transform((id, ctx) => {
    const n = normaliseIdentifier(id.scheme, id.value);
    if (!n.ok) {
      ctx.addIssue({ code: "custom", path: ["value"], message: n.reason });
      return z.NEVER;
    }
    return { scheme: id.scheme, value: n.value };
  });
export type IdentifierInput = z.output<typeof IdentifierInput>;

const CountryCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCountryCode, "An ISO 3166-1 country code such as FR, SE or JP");

const Website = z
  .string()
  .trim()
  .max(500)
  .transform((v) => (/^[a-z][a-z0-9+.-]*:\/\//i.test(v) ? v : `https://${v}`))
  .pipe(
    z.url({
      protocol: /^https?$/,
      hostname: z.regexes.domain,
      message: "A web address such as https://www.univ-lille.fr",
    }),
  );

const organisationFields = {
  kind: OrganisationKind,
  name: z.string().trim().min(1, "A name is required").max(300).describe("Name in the organisation's own language"),
  names: z.array(LocalisedName).max(20).default([]).describe("Names in other languages"),
  acronym: z.string().trim().max(40).nullable().default(null),
  countryCode: CountryCode.nullable().default(null),
  city: z.string().trim().max(200).nullable().default(null),
  lat: z.number().min(-90).max(90).nullable().default(null),
  lng: z.number().min(-180).max(180).nullable().default(null),
  website: Website.nullable().default(null),
  description: z.string().trim().max(5000).nullable().default(null),
  parentId: Id.nullable().default(null).describe("Parent organisation of a unit"),
  successorId: Id.nullable().default(null).describe("Now known as: the organisation this one merged into"),
  visibility: Visibility.default("internal"),
  identifiers: z.array(IdentifierInput).max(30).default([]),
};

function checkOrganisation(
  o: { kind?: OrganisationKind; lat?: number | null; lng?: number | null; parentId?: string | null },
  ctx: z.RefinementCtx,
): void {
  if ((o.lat == null) !== (o.lng == null)) {
    ctx.addIssue({
      code: "custom",
      path: [o.lat == null ? "lat" : "lng"],
      message: "Give both latitude and longitude, or neither",
    });
  }
  if (o.kind === "unit" && !o.parentId) {
    ctx.addIssue({ code: "custom", path: ["parentId"], message: "An organisational unit needs a parent organisation" });
  }
}

export const CreateOrganisationInput = z
  .strictObject({
    ...organisationFields,
    confirmDuplicate: z.boolean().default(false).describe("Create even if a likely duplicate exists"),
  })
  .superRefine(checkOrganisation);
export type CreateOrganisationInput = z.output<typeof CreateOrganisationInput>;

/** A patch: every field optional; null clears a nullable field. */
export const UpdateOrganisationInput = z
  .strictObject({
    kind: organisationFields.kind.optional(),
    name: organisationFields.name.optional(),
    names: z.array(LocalisedName).max(20).optional(),
    acronym: z.string().trim().max(40).nullable().optional(),
    countryCode: CountryCode.nullable().optional(),
    city: z.string().trim().max(200).nullable().optional(),
    lat: z.number().min(-90).max(90).nullable().optional(),
    lng: z.number().min(-180).max(180).nullable().optional(),
    website: Website.nullable().optional(),
    description: z.string().trim().max(5000).nullable().optional(),
    parentId: Id.nullable().optional(),
    successorId: Id.nullable().optional(),
    visibility: Visibility.optional(),
    identifiers: z.array(IdentifierInput).max(30).optional(),
  })
  .superRefine((o, ctx) => {
    if (o.lat !== undefined || o.lng !== undefined) checkOrganisation({ lat: o.lat ?? null, lng: o.lng ?? null }, ctx);
  });
export type UpdateOrganisationInput = z.output<typeof UpdateOrganisationInput>;

/** The name as shown to the reader: in the reader's language when a version exists, else the original. */
const ShownName = ShownText.describe("The name in the reader's language when one is stored, else the original");

export const OrganisationRef = z.object({
  id: z.string(),
  name: z.string().describe("The primary name, as stored"),
  shown: ShownName,
  kind: OrganisationKind,
});
export type OrganisationRef = z.infer<typeof OrganisationRef>;

export const IdentifierView = z.object({ scheme: IdentifierScheme, value: z.string() });

export const OrganisationSummary = z.object({
  id: z.string(),
  kind: OrganisationKind,
  name: z.string().describe("The primary name, as stored"),
  shown: ShownName,
  acronym: z.string().nullable(),
  countryCode: z.string().nullable(),
  city: z.string().nullable(),
  visibility: Visibility,
});
export type OrganisationSummary = z.infer<typeof OrganisationSummary>;

export const MembershipView = z.object({
  id: z.string(),
  network: OrganisationRef,
  member: OrganisationRef,
  since: z.string().nullable(),
  until: z.string().nullable(),
});
export type MembershipView = z.infer<typeof MembershipView>;

export const UnitNode: z.ZodType<UnitNode> = z.lazy(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    shown: ShownName,
    kind: OrganisationKind,
    children: z.array(UnitNode),
  }),
);
export type UnitNode = { id: string; name: string; shown: ShownText; kind: OrganisationKind; children: UnitNode[] };

export const OrganisationView = OrganisationSummary.extend({
  names: z.array(z.object({ lang: z.string(), value: z.string() })),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  website: z.string().nullable(),
  description: z.string().nullable(),
  parent: OrganisationRef.nullable(),
  successor: OrganisationRef.nullable(),
  identifiers: z.array(IdentifierView),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OrganisationView = z.infer<typeof OrganisationView>;

export const OrganisationDetail = OrganisationView.extend({
  units: z.array(UnitNode).describe("Organisational units below this one, as a tree"),
  memberOf: z.array(MembershipView).describe("Networks and programmes this organisation belongs to"),
  members: z.array(MembershipView).describe("Members of this network or programme"),
  predecessors: z.array(OrganisationRef).describe("Organisations now known as this one"),
  people: z.array(z.object({ id: z.string(), name: z.string(), title: z.string().nullable() })),
});
export type OrganisationDetail = z.infer<typeof OrganisationDetail>;

/** The columns an organisation list sorts by; each is backed by an index over (key, id). */
export const ORGANISATION_SORTS = ["name", "country"] as const;
export const OrganisationSort = z.enum(ORGANISATION_SORTS);
export type OrganisationSort = z.infer<typeof OrganisationSort>;

export const OrganisationListQuery = z.object({
  q: z.string().trim().max(200).optional().describe("Search as you type: words and prefixes, accents ignored"),
  kind: OrganisationKind.optional(),
  country: CountryCode.optional(),
  network: Id.optional().describe("Only members of this network or programme"),
  sort: OrganisationSort.optional().describe("name (the default), or country then name"),
  order: SortOrder.optional(),
});
export type OrganisationListQuery = z.infer<typeof OrganisationListQuery>;

export const MembershipInput = z
  .strictObject({
    memberId: Id,
    since: PartialDate.nullable().default(null),
    until: PartialDate.nullable().default(null),
  })
  .refine((m) => !endsBeforeStart(m.since, m.until), { path: ["until"], message: "Ends before it starts" });
export type MembershipInput = z.output<typeof MembershipInput>;

export const CountryCount = z.object({ countryCode: z.string(), count: z.number().int() });
export type CountryCount = z.infer<typeof CountryCount>;
