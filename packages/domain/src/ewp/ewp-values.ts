import { z } from "zod";
import { isCountryCode } from "../countries.js";
import { type FieldError, fieldMessage } from "../errors.js";

/**
 * Values shared by the Erasmus Without Paper (EWP) documents Conventio reads and writes: ids,
 * texts with a language, web addresses, phone numbers, postal addresses and contacts, each
 * shaped after the EWP common types. Strings are kept as written: several of them are hashed
 * (iia-hash), so trimming or changing case would change an agreement's fingerprint.
 */

/** Records a rule's issue with its template and values, the way the problem renderer reads them. */
export function addRuleIssue(ctx: z.RefinementCtx, path: PropertyKey[], issue: Omit<FieldError, "field">): void {
  ctx.addIssue({ code: "custom", path, message: issue.message, params: { key: issue.key, ...issue.params } });
}

/** EWP surrogate ids (iia-id, ounit-id): 1 to 64 printable ASCII characters, U+0021 to U+007E. */
export const ASCII_PRINTABLE_ID = /^[\x21-\x7e]{1,64}$/;

export const EwpId = z
  .string()
  .regex(ASCII_PRINTABLE_ID, { message: "An identifier of 1 to 64 printable ASCII characters, without spaces" })
  .describe("A surrogate id: 1 to 64 printable ASCII characters (U+0021–U+007E), compared case-sensitively");

/** A SCHAC code (hei-id): the institution's internet domain, as the EWP Registry spells it. */
export const HeiId = z
  .string()
  .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, { message: "A SCHAC code is a domain name, like univ-lille.fr." })
  .describe("SCHAC code of a higher education institution, e.g. uw.edu.pl");

/** The pattern of xs:language, as the EWP schemas type language codes. */
export const EwpLanguage = z
  .string()
  .regex(/^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/, { message: "A language code such as fr, sv or en-GB" })
  .describe("A BCP 47 language tag, e.g. en, pl or ru-Latn");

export const EwpEmail = z
  .string()
  .regex(/^[^@]+@[^.]+\..+$/, { message: "An e-mail address such as name@univ-lille.fr" })
  .describe("An e-mail address");

export const HttpUrl = z
  .string()
  .regex(/^https?:\/\/\S+$/, { message: "A web address starting with http:// or https://" })
  .describe("A web address (http or https)");

export const HttpsUrl = z
  .string()
  .regex(/^https:\/\/\S+$/, { message: "A web address starting with https://" })
  .describe("A web address over https");

/** A text in one language; `lang` is omitted when the language is not known. */
export const LocalisedString = z.strictObject({
  value: z.string().min(1, { message: "This text cannot be empty" }),
  lang: EwpLanguage.optional(),
});
export type LocalisedString = z.infer<typeof LocalisedString>;

/** A web address, optionally in one language (xml:lang on website-url and the like). */
export const LocalisedUrl = z.strictObject({ url: HttpUrl, lang: EwpLanguage.optional() });
export type LocalisedUrl = z.infer<typeof LocalisedUrl>;

/** A phone or fax number: E.164 when known, with an extension, or as written otherwise. */
export const PhoneNumber = z
  .strictObject({
    e164: z
      .string()
      .regex(/^\+[0-9]{1,15}$/, { message: "A phone number in international form, such as +33320964343" })
      .optional(),
    ext: z.string().min(1).optional(),
    otherFormat: z.string().min(1).optional(),
  })
  .superRefine((phone, ctx) => {
    if (phone.e164 === undefined && phone.otherFormat === undefined)
      addRuleIssue(ctx, ["e164"], fieldMessage("Give the number in international form or as written"));
  });
export type PhoneNumber = z.infer<typeof PhoneNumber>;

/**
 * A postal address after the EWP FlexibleAddress type: either up to four address lines or the
 * detailed fields (building, street, box…), then the postal code, locality, region and country.
 */
export const FlexibleAddress = z
  .strictObject({
    recipientNames: z.array(z.string().min(1)).default([]),
    addressLines: z.array(z.string().min(1)).max(4, { message: "At most four address lines" }).default([]),
    buildingNumber: z.string().min(1).optional(),
    buildingName: z.string().min(1).optional(),
    streetName: z.string().min(1).optional(),
    unit: z.string().min(1).optional(),
    floor: z.string().min(1).optional(),
    postOfficeBox: z.string().min(1).optional(),
    deliveryPointCodes: z.array(z.string().min(1)).default([]),
    postalCode: z.string().min(1).optional(),
    locality: z.string().min(1).optional(),
    region: z.string().min(1).optional(),
    country: z
      .string()
      .refine(isCountryCode, { message: "An ISO 3166-1 country code such as FR, SE or JP" })
      .optional(),
  })
  .superRefine((address, ctx) => {
    const detailed = ADDRESS_DETAILS.some((field) => address[field] !== undefined) || address.deliveryPointCodes.length;
    if (address.addressLines.length && detailed)
      addRuleIssue(ctx, ["addressLines"], fieldMessage("Use address lines or the detailed fields, not both"));
  });
export type FlexibleAddress = z.infer<typeof FlexibleAddress>;

/** The detailed fields of a FlexibleAddress, in the order the schema lists them. */
export const ADDRESS_DETAILS = [
  "buildingNumber",
  "buildingName",
  "streetName",
  "unit",
  "floor",
  "postOfficeBox",
] as const;

/** EWP gender codes (ISO/IEC 5218): 0 not known, 1 male, 2 female, 9 not applicable. */
export const EWP_GENDERS = [0, 1, 2, 9] as const;

/** A person or an office to contact, after the EWP Contact type. */
export const EwpContact = z.strictObject({
  names: z.array(LocalisedString).min(1, { message: "A contact needs at least one name" }),
  givenNames: z.array(LocalisedString).default([]),
  familyNames: z.array(LocalisedString).default([]),
  gender: z
    .number()
    .refine((g) => (EWP_GENDERS as readonly number[]).includes(g), {
      message: "Gender is 0 (not known), 1 (male), 2 (female) or 9 (not applicable)",
    })
    .optional(),
  phones: z.array(PhoneNumber).default([]),
  faxes: z.array(PhoneNumber).default([]),
  emails: z.array(EwpEmail).default([]),
  streetAddress: FlexibleAddress.optional(),
  mailingAddress: FlexibleAddress.optional(),
  roles: z.array(LocalisedString).default([]).describe("What the contact does (role-description)"),
});
export type EwpContact = z.infer<typeof EwpContact>;
export type EwpContactInput = z.input<typeof EwpContact>;
