import { z } from "zod";
import { Email } from "./auth.js";
import { IsoDate, OrganisationRef } from "./organisation.js";
import { SortOrder } from "./page.js";

const Id = z.string().min(1).max(64);

export const CreatePersonInput = z.strictObject({
  givenName: z.string().trim().min(1, "A given name is required").max(200),
  familyName: z.string().trim().min(1, "A family name is required").max(200),
  title: z.string().trim().max(300).nullable().default(null).describe("Position or title"),
  organisationId: Id.nullable().default(null),
  email: Email.nullable().default(null),
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(/^\+?[\d\s().-]{4,}$/, "A phone number such as +33 3 20 00 00 00")
    .nullable()
    .default(null),
  languages: z
    .array(
      z
        .string()
        .trim()
        .regex(/^[a-z]{2,3}$/, "A language code such as fr"),
    )
    .max(20)
    .default([]),
  namedInPublic: z
    .boolean()
    .optional()
    .describe(
      "The person agreed to be named on public pages (as coordinator, member or signatory); without it they appear by their role alone. Implied by publicContact when left out",
    ),
  publicContact: z
    .boolean()
    .default(false)
    .describe(
      "The person agreed that public pages show their e-mail and phone; being a public contact includes being named",
    ),
});
export type CreatePersonInput = z.output<typeof CreatePersonInput>;

export const UpdatePersonInput = z.strictObject({
  givenName: CreatePersonInput.shape.givenName.optional(),
  familyName: CreatePersonInput.shape.familyName.optional(),
  title: z.string().trim().max(300).nullable().optional(),
  organisationId: Id.nullable().optional(),
  email: Email.nullable().optional(),
  phone: CreatePersonInput.shape.phone.unwrap().unwrap().nullable().optional(),
  languages: CreatePersonInput.shape.languages.unwrap().optional(),
  namedInPublic: z
    .boolean()
    .optional()
    .describe("Withdrawing it withdraws being a public contact too; giving publicContact gives it"),
  publicContact: z.boolean().optional(),
});
export type UpdatePersonInput = z.output<typeof UpdatePersonInput>;

export const PersonRoleInput = z
  .strictObject({
    role: z.string().trim().min(1).max(300).describe("e.g. vice-president for international relations"),
    organisationId: Id.nullable().default(null),
    since: IsoDate.nullable().default(null),
    until: IsoDate.nullable().default(null),
  })
  .refine((r) => !r.since || !r.until || r.since <= r.until, { path: ["until"], message: "Ends before it starts" });
export type PersonRoleInput = z.output<typeof PersonRoleInput>;

export const PersonRoleView = z.object({
  id: z.string(),
  role: z.string(),
  organisation: OrganisationRef.nullable(),
  since: z.string().nullable(),
  until: z.string().nullable(),
});

export type PersonRoleView = z.infer<typeof PersonRoleView>;

export const PersonView = z.object({
  id: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  title: z.string().nullable(),
  organisation: OrganisationRef.nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  languages: z.array(z.string()),
  namedInPublic: z.boolean().describe("Public pages name the person; otherwise they show the role alone"),
  publicContact: z.boolean().describe("Public pages show the person's e-mail and phone"),
  roles: z.array(PersonRoleView),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PersonView = z.infer<typeof PersonView>;

/** The columns a person list sorts by; each is backed by an index over (key, id). */
export const PERSON_SORTS = ["name", "title"] as const;
export const PersonSort = z.enum(PERSON_SORTS);
export type PersonSort = z.infer<typeof PersonSort>;

export const PersonListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  organisation: Id.optional(),
  sort: PersonSort.optional().describe(
    "name (family name then given name, the default), or position or title then name (people without one last)",
  ),
  order: SortOrder.optional(),
});
export type PersonListQuery = z.infer<typeof PersonListQuery>;

/** What a person agreed the public may read about them. */
export interface PublicConsents {
  namedInPublic: boolean;
  publicContact: boolean;
}

/**
 * The consents after a change. Being a public contact includes being named, so giving the first
 * gives the second, and withdrawing the name withdraws the contact. Null when the change asks for
 * a public contact who is not named, which cannot be.
 */
export function nextPublicConsents(
  before: PublicConsents,
  change: { namedInPublic?: boolean | undefined; publicContact?: boolean | undefined },
): PublicConsents | null {
  if (change.publicContact === true && change.namedInPublic === false) return null;
  const publicContact = change.publicContact ?? (change.namedInPublic === false ? false : before.publicContact);
  const namedInPublic = change.namedInPublic ?? (publicContact ? true : before.namedInPublic);
  return { namedInPublic, publicContact };
}
