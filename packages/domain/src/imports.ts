import { z } from "zod";
import { MessageParams, Problem } from "./errors.js";
import { foldText } from "./text.js";

/**
 * Spreadsheet import and export: the kinds of record a sheet can hold, the columns of each, and
 * what an upload, a dry run and an apply answer. The field names are also the column headers the
 * export writes, so an exported sheet imports again unchanged.
 */

export const IMPORT_KINDS = ["organisations", "people", "agreements", "activities", "events"] as const;
export const ImportKind = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof ImportKind>;

export const IMPORT_FORMATS = ["csv", "xlsx"] as const;
export const ImportFormat = z.enum(IMPORT_FORMATS);
export type ImportFormat = z.infer<typeof ImportFormat>;

/** Separates the values of a field that holds several (parties, themes, languages…). */
export const LIST_SEPARATOR = ";";

export const ImportField = z.object({
  name: z.string().describe("The field's name, also the column header the export writes"),
  required: z.boolean().describe("A row without it is refused"),
  list: z.boolean().describe("Holds several values separated by ;"),
  description: z.string().describe("What the column holds, in English"),
  example: z.string().describe("A value as a sheet may hold it"),
  aliases: z.array(z.string()).describe("Other headers recognised for this field when guessing the mapping"),
});
export type ImportField = z.infer<typeof ImportField>;

type FieldSpec = [name: string, required: boolean, description: string, example: string, aliases?: string[]];

function fields(specs: FieldSpec[]): ImportField[] {
  return specs.map(([name, required, description, example, aliases = []]) => ({
    name,
    required,
    list: description.includes("separated by ;"),
    description,
    example,
    aliases,
  }));
}

const ID: FieldSpec = ["id", false, "Conventio's id of an existing record; the row then updates it", "", []];

/** The columns of each kind, in the order the export writes them. */
export const IMPORT_FIELDS: Readonly<Record<ImportKind, readonly ImportField[]>> = {
  organisations: fields([
    ID,
    [
      "name",
      true,
      "Name in the organisation's own language",
      "Université de Lille",
      ["legal name", "organisation", "institution"],
    ],
    [
      "kind",
      false,
      "university, unit, local_authority, government, company, network, programme, student_union or other; university when empty",
      "university",
      ["type"],
    ],
    ["acronym", false, "Short name", "ULille", ["abbreviation", "sigle"]],
    [
      "countryCode",
      false,
      "ISO 3166-1 country code; EU spellings (EL, UK) are read as GR, GB",
      "FR",
      ["country", "pays"],
    ],
    ["city", false, "City", "Lille", ["town", "ville"]],
    [
      "website",
      false,
      "Web address; https:// is added when missing",
      "https://www.univ-lille.fr",
      ["website url", "url", "web"],
    ],
    ["description", false, "Free text", "", []],
    ["visibility", false, "internal or public; internal when empty", "internal", []],
    [
      "parent",
      false,
      "The parent organisation of a unit: its id, an identifier or its exact name",
      "Université de Lille",
      [],
    ],
    ["ror", false, "ROR id; matches an existing organisation", "https://ror.org/02kzqn938", ["ror id"]],
    [
      "erasmusCode",
      false,
      "Erasmus institution code; matches an existing organisation",
      "F  LILLE103",
      ["erasmus", "erasmus id"],
    ],
    [
      "pic",
      false,
      "EU participant identification code (nine digits); matches an existing organisation",
      "999884732",
      [],
    ],
    [
      "oid",
      false,
      "EU organisation id (E and eight digits); matches an existing organisation",
      "E10208843",
      ["organisation id"],
    ],
    ["schac", false, "SCHAC home domain; matches an existing organisation", "univ-lille.fr", ["schac code"]],
  ]),
  people: fields([
    ID,
    ["givenName", true, "Given name", "Marie", ["first name", "prenom", "given name", "fornamn"]],
    ["familyName", true, "Family name", "Curie", ["last name", "surname", "nom", "family name", "efternamn"]],
    [
      "title",
      false,
      "Position or title",
      "Vice-president for international relations",
      ["position", "function", "fonction"],
    ],
    [
      "email",
      false,
      "E-mail address; matches an existing person",
      "marie.curie@univ-lille.fr",
      ["e-mail", "mail", "courriel"],
    ],
    ["phone", false, "Phone number", "+33 3 20 00 00 00", ["telephone", "tel", "telefon"]],
    [
      "organisation",
      false,
      "Organisation: its id, an identifier (ROR, Erasmus code, PIC, OID) or its exact name",
      "Université de Lille",
      ["institution", "employer"],
    ],
    ["languages", false, "Language codes separated by ;", "fr;en", []],
    ["namedInPublic", false, "yes or no: agreed to be named on public pages", "no", []],
    ["publicContact", false, "yes or no: agreed that public pages show the e-mail and phone", "no", []],
    ["role", false, "A role the person holds, added to their roles", "Erasmus coordinator", []],
    ["roleOrganisation", false, "Where the role is held: id, identifier or exact name", "Université de Lille", []],
    ["roleFrom", false, "When the role began (YYYY-MM-DD)", "2022-09-01", ["role since"]],
    ["roleTo", false, "When the role ended (YYYY-MM-DD)", "", ["role until"]],
  ]),
  agreements: fields([
    ID,
    [
      "reference",
      false,
      "Reference code; matches an existing agreement, generated when empty",
      "2023-FR-017",
      ["ref", "number"],
    ],
    ["title", true, "Title", "Partnership convention with Universitat de Barcelona", ["name", "titre"]],
    [
      "kind",
      true,
      "partnership_convention, memorandum_of_understanding, framework_agreement, specific_agreement, bilateral_exchange, erasmus_iia, double_degree, joint_degree, cotutelle, consortium_charter, network_membership or programme_membership",
      "bilateral_exchange",
      ["type"],
    ],
    ["status", false, "draft, active, renewed or terminated; draft when empty", "active", ["state", "statut"]],
    [
      "parties",
      false,
      "Partner organisations (ids, identifiers or exact names) separated by ;",
      "https://ror.org/021018s57;E  MADRID03",
      ["partners", "partner"],
    ],
    ["signedOn", false, "Signature date: YYYY-MM-DD, YYYY-MM or YYYY", "2023-05-12", ["signed", "signature date"]],
    ["startsOn", false, "Start: YYYY-MM-DD, YYYY-MM or YYYY", "2023-09-01", ["start", "start date", "from"]],
    [
      "endsOn",
      false,
      "End: YYYY-MM-DD, YYYY-MM or YYYY; empty when open-ended",
      "2028-08-31",
      ["end", "end date", "until"],
    ],
    ["language", false, "Language code of the title and summary", "fr", []],
    ["summary", false, "Summary", "", []],
    ["themes", false, "Themes separated by ;", "health;energy", ["tags", "topics"]],
    ["fields", false, "ISCED-F 2013 field codes separated by ;", "061;0714", ["isced", "subject areas"]],
    ["noticeMonths", false, "Months of notice to terminate", "6", ["notice"]],
    ["tacitRenewal", false, "yes or no", "no", []],
    ["visibility", false, "internal or public; internal when empty", "internal", []],
    ["terminatedOn", false, "When a terminated agreement ended", "", []],
  ]),
  activities: fields([
    ID,
    [
      "kind",
      true,
      "student_mobility, staff_mobility, internship, doctoral_exchange, postdoctoral_exchange, scholarship, research_project, seminar, conference… (the activity kinds)",
      "student_mobility",
      ["type"],
    ],
    ["title", false, "Title; for mobility figures it is written from the figures when empty", "", ["name"]],
    [
      "status",
      false,
      "planned, ongoing, completed or cancelled; completed for mobility figures when empty",
      "completed",
      [],
    ],
    ["agreement", false, "The agreement: its id or reference", "2023-FR-017", ["agreement reference"]],
    [
      "partners",
      false,
      "Partner organisations (ids, identifiers or exact names) separated by ;",
      "E  MADRID03",
      ["partner", "institution"],
    ],
    ["academicYear", false, "Mobility: academic year", "2022-2023", ["year", "academic year"]],
    ["direction", false, "Mobility: incoming or outgoing", "outgoing", []],
    ["level", false, "Mobility: bachelor, master, doctorate, postdoc or staff", "master", ["study level"]],
    [
      "count",
      false,
      "Mobility: how many people went; 1 for an individual record",
      "4",
      ["number", "students", "participants"],
    ],
    ["participant", false, "Mobility, individual record: the person's id or e-mail", "", ["student", "person"]],
    ["startsOn", false, "Start: YYYY-MM-DD, YYYY-MM or YYYY", "", ["start"]],
    ["endsOn", false, "End: YYYY-MM-DD, YYYY-MM or YYYY", "", ["end"]],
    ["place", false, "Where it takes place", "", []],
    ["description", false, "Free text", "", []],
  ]),
  events: fields([
    ID,
    ["title", true, "Title", "Erasmus Days 2024", ["name"]],
    ["startsAt", true, "Start: YYYY-MM-DDTHH:MM, or YYYY-MM-DD", "2024-10-10T14:00", ["start", "date", "starts"]],
    ["endsAt", false, "End: YYYY-MM-DDTHH:MM, or YYYY-MM-DD", "2024-10-10T17:00", ["end", "ends"]],
    ["timeZone", false, "IANA time zone; Europe/Paris when empty", "Europe/Paris", ["time zone"]],
    ["place", false, "Place", "Lille, campus Cité scientifique", ["location", "venue"]],
    ["description", false, "Description", "", []],
    [
      "audiences",
      false,
      "public, students, staff, researchers, partners, alumni separated by ;",
      "students;staff",
      ["audience"],
    ],
    ["contactName", false, "Contact's name", "", ["contact"]],
    ["contactEmail", false, "Contact's e-mail", "", []],
    ["contactPhone", false, "Contact's phone", "", []],
    ["registrationUrl", false, "Where to register (https)", "", ["registration"]],
    ["registrationDeadline", false, "When registration closes", "", []],
    ["agreement", false, "The agreement: its id or reference", "", []],
    ["visibility", false, "internal or public; public when empty", "public", []],
  ]),
};

/** Headers compared without case, accents, spaces or punctuation: "Country code" finds countryCode. */
export function headerKey(header: string): string {
  return foldText(header).replace(/[^a-z0-9]/g, "");
}

/** For each field of the kind, the source column a header names; null when none does. */
export function guessMapping(kind: ImportKind, columns: readonly string[]): ColumnMapping {
  const byKey = new Map<string, string>();
  for (const column of columns) {
    const key = headerKey(column);
    if (key && !byKey.has(key)) byKey.set(key, column);
  }
  const mapping: ColumnMapping = {};
  for (const field of IMPORT_FIELDS[kind]) {
    const names = [field.name, ...field.aliases].map(headerKey);
    mapping[field.name] = names.map((n) => byKey.get(n)).find((c) => c !== undefined) ?? null;
  }
  return mapping;
}

/** A key for a file's layout: the kind and its headers, so a mapping saved once is offered again. */
export function layoutKeyOf(kind: ImportKind, columns: readonly string[]): string {
  return `${kind}:${columns.map(headerKey).join("|")}`;
}

/** Field name → the source column header that fills it, or null when no column does. */
export const ColumnMapping = z
  .record(z.string().min(1).max(60), z.string().max(300).nullable())
  .describe("For each field, the header of the source column that fills it, or null");
export type ColumnMapping = z.infer<typeof ColumnMapping>;

export const ImportPreview = z.object({
  uploadId: z.string().describe("Names the upload in the calls that follow"),
  kind: ImportKind,
  format: ImportFormat,
  fileName: z.string(),
  encoding: z.enum(["utf-8", "windows-1252"]).nullable().describe("How a CSV file was read; null for XLSX"),
  delimiter: z.string().nullable().describe("The delimiter a CSV file uses; null for XLSX"),
  rowCount: z.number().int().describe("Data rows, the header row not counted"),
  columns: z.array(z.string()).describe("The source columns' headers, in file order"),
  sampleRows: z
    .array(z.array(z.string().nullable()))
    .max(10)
    .describe("Up to ten first data rows, each cell aligned with columns"),
  fields: z.array(ImportField).describe("The fields of this kind"),
  mapping: ColumnMapping,
  mappingSource: z.enum(["saved", "guessed"]).describe("Saved earlier for this layout, or guessed from the headers"),
  layoutKey: z.string().describe("The kind and the folded headers; a saved mapping belongs to it"),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

/** The body of a dry run and of an apply; without a mapping, the saved or guessed one is used. */
export const ImportRunInput = z.strictObject({ mapping: ColumnMapping.optional() });
export type ImportRunInput = z.infer<typeof ImportRunInput>;

export const SaveMappingInput = z.strictObject({ mapping: ColumnMapping });
export type SaveMappingInput = z.infer<typeof SaveMappingInput>;

export const SavedMapping = z.object({ layoutKey: z.string(), kind: ImportKind, mapping: ColumnMapping });
export type SavedMapping = z.infer<typeof SavedMapping>;

export const IMPORT_ACTIONS = ["create", "update", "unchanged", "skip", "error"] as const;
export const ImportAction = z.enum(IMPORT_ACTIONS);
export type ImportAction = z.infer<typeof ImportAction>;

const Note = z
  .object({ message: z.string(), key: z.string(), params: MessageParams })
  .describe("Why a row was skipped or merged, in English with its template and values");

export const ImportRowOutcome = z.object({
  row: z.number().int().describe("The row in the sheet; the header is row 1"),
  action: ImportAction,
  id: z.string().nullable().describe("The record created, updated or matched; null when none"),
  label: z.string().describe("The record's name or title as the row gives it"),
  note: Note.nullable().describe("The first of the notes, or null"),
  notes: z
    .array(Note)
    .describe("Every note on the row: a merge, a likely duplicate, a value left out because it could not be kept"),
});
export type ImportRowOutcome = z.infer<typeof ImportRowOutcome>;

export const ImportError = z.object({
  row: z.number().int().describe("The row in the sheet; the header is row 1"),
  column: z.string().describe("The source column's header, or the field's name when no column fills it"),
  field: z.string().describe("The field at fault"),
  value: z.string().nullable().describe("The cell as read"),
  message: z.string().describe("What is wrong, in English"),
  key: z.string().describe("Catalogue key of the message: its English template"),
  params: MessageParams,
});
export type ImportError = z.infer<typeof ImportError>;

export const ImportCounts = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
  errors: z.number().int().describe("Rows with at least one error"),
});
export type ImportCounts = z.infer<typeof ImportCounts>;

export const ImportReport = z.object({
  uploadId: z.string(),
  kind: ImportKind,
  applied: z.boolean().describe("True when the rows were written; a dry run or a refused apply writes nothing"),
  rowCount: z.number().int(),
  counts: ImportCounts,
  rows: z.array(ImportRowOutcome).describe("One outcome per data row, in file order"),
  errors: z.array(ImportError),
});
export type ImportReport = z.infer<typeof ImportReport>;

/**
 * An apply refused because rows have errors: problem+json (422, code validation_failed) whose
 * `errors` name each cell as rows.<row>.<column>, with the full report; nothing was written.
 */
export const ImportRefusal = Problem.extend({ report: ImportReport });
export type ImportRefusal = z.infer<typeof ImportRefusal>;

export const IMPORT_PHASES = ["idle", "reading", "checking", "writing", "done", "failed"] as const;
export const ImportPhase = z.enum(IMPORT_PHASES);

export const ImportProgress = z.object({
  done: z.number().int().describe("Rows handled so far"),
  total: z.number().int(),
  phase: ImportPhase,
});
export type ImportProgress = z.infer<typeof ImportProgress>;
