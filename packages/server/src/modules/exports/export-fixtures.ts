import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { Session, TestContext } from "#test/harness.js";

/**
 * Test support for the exports: a small office's records made through the API, and readers that
 * turn a downloaded CSV or workbook back into rows.
 */

export interface Sheet {
  header: string[];
  rows: Record<string, string>[];
  /** The cell types of the workbook's data rows (xlsx only), by header. */
  types?: Record<string, number>[];
}

/** A CSV download read as csv-parse reads it: the byte order mark dropped, every cell text. */
export function readCsv(body: Buffer): Sheet {
  const [header = [], ...rows] = parse(body, { bom: true, relax_column_count: false }) as string[][];
  return { header, rows: rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""]))) };
}

/** A workbook download read with ExcelJS: the first sheet, empty cells as "". */
export async function readXlsx(body: Buffer): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error("The workbook has no sheet");
  const header: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
    header[col - 1] = String(cell.value ?? "");
  });
  const rows: Record<string, string>[] = [];
  const types: Record<string, number>[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    rows.push(Object.fromEntries(header.map((h, i) => [h, String(row.getCell(i + 1).value ?? "")])));
    types.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).type])));
  }
  return { header, rows, types };
}

/** Downloads an export and reads it back, whatever its format. */
export async function download(
  ctx: TestContext,
  session: Session | null,
  path: string,
): Promise<{ status: number; headers: Record<string, unknown>; sheet: Sheet | null; body: string }> {
  const res = await ctx.app.inject({ method: "GET", url: path, headers: session?.headers ?? {} });
  if (res.statusCode !== 200) return { status: res.statusCode, headers: res.headers, sheet: null, body: res.body };
  const bytes = res.rawPayload;
  const sheet = path.split("?")[0]?.endsWith(".xlsx") ? await readXlsx(bytes) : readCsv(bytes);
  return { status: 200, headers: res.headers, sheet, body: "" };
}

/** Every item of a list, following its cursors. */
export async function listAll<T>(ctx: TestContext, session: Session | null, path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes("?") ? "&" : "?";
    const url = `${path}${sep}limit=${path.startsWith("/api/events") ? 500 : 200}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    const res = await ctx.app.inject({ method: "GET", url, headers: session?.headers ?? {} });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    const page = res.json() as { items: T[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

async function created(ctx: TestContext, editor: Session, url: string, payload: object): Promise<string> {
  const res = await ctx.app.inject({ method: "POST", url, headers: editor.headers, payload });
  if (res.statusCode !== 201 && res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: string }).id;
}

export interface Office {
  org: Record<"lille" | "barcelona" | "kyutech" | "lab" | "twinA" | "twinB", string>;
  person: Record<"marie" | "jordi", string>;
  agreement: Record<"exchange" | "research" | "draft", string>;
  activity: Record<"mobility" | "seminar", string>;
  event: Record<"open" | "internal", string>;
}

/** A few partners, people, agreements, activities and events, as an office records them. */
export async function seedOffice(ctx: TestContext, editor: Session): Promise<Office> {
  const post = (url: string, payload: object) => created(ctx, editor, url, payload);
  const lille = await post("/api/organisations", {
    kind: "university",
    name: "Université de Lille",
    acronym: "ULille",
    countryCode: "FR",
    city: "Lille",
    website: "https://www.univ-lille.fr",
    description: "Pluridisciplinary university; 75 000 students",
    visibility: "public",
    identifiers: [
      { scheme: "ror", value: "https://ror.org/02kzqn938" },
      { scheme: "erasmus", value: "F  LILLE103" },
      { scheme: "pic", value: "999884732" },
    ],
  });
  const barcelona = await post("/api/organisations", {
    kind: "university",
    name: "Universitat de Barcelona",
    countryCode: "ES",
    city: "Barcelona",
    identifiers: [{ scheme: "erasmus", value: "E  BARCELO01" }],
  });
  const kyutech = await post("/api/organisations", {
    kind: "university",
    name: "Kyushu Institute of Technology",
    acronym: "Kyutech",
    countryCode: "JP",
    city: "Kitakyushu",
  });
  const lab = await post("/api/organisations", {
    kind: "unit",
    name: "Laboratoire CRIStAL",
    parentId: lille,
    countryCode: "FR",
  });
  // Two organisations of one name: a sheet names them by id, not by a name the import cannot tell apart.
  const twinA = await post("/api/organisations", { kind: "company", name: "Acme", countryCode: "SE" });
  const twinB = await post("/api/organisations", {
    kind: "company",
    name: "Acme",
    countryCode: "SE",
    city: "Malmö",
    confirmDuplicate: true,
  });

  const marie = await post("/api/people", {
    givenName: "Marie",
    familyName: "Curie",
    title: "Vice-president for international relations",
    organisationId: lille,
    email: "marie.curie@univ-lille.fr",
    phone: "+33 3 20 00 00 00",
    languages: ["fr", "en"],
    namedInPublic: true,
  });
  await post(`/api/people/${marie}/roles`, { role: "Erasmus coordinator", organisationId: lille, since: "2022-09-01" });
  const jordi = await post("/api/people", { givenName: "Jordi", familyName: "Puig", organisationId: twinB });

  const exchange = await post("/api/agreements", {
    kind: "bilateral_exchange",
    title: "Échanges d'étudiants Lille–Barcelona",
    language: "fr",
    summary: "Mobilité des étudiants en master",
    startsOn: "2023-09",
    endsOn: "2028",
    noticeMonths: 6,
    tacitRenewal: true,
    parties: [{ organisationId: lille }, { organisationId: barcelona }],
    themes: ["Mobility", "Health"],
    fields: ["061", "071"],
    visibility: "public",
  });
  const research = await post("/api/agreements", {
    kind: "framework_agreement",
    title: "Research framework with Kyutech and Acme",
    parties: [{ organisationId: lille }, { organisationId: kyutech }, { organisationId: twinA }],
    themes: ["Research"],
  });
  const draft = await post("/api/agreements", {
    kind: "memorandum_of_understanding",
    title: "Memorandum Lille–Kyutech",
    parties: [{ organisationId: kyutech }],
  });

  const mobility = await post("/api/activities", {
    kind: "student_mobility",
    title: "Outgoing master students 2023-2024",
    status: "completed",
    agreementId: exchange,
    partnerIds: [barcelona],
    startsOn: "2023-09",
    mobility: { direction: "outgoing", level: "master", academicYear: "2023-2024", count: 4 },
  });
  const seminar = await post("/api/activities", {
    kind: "seminar",
    title: "Joint seminar on robotics",
    place: "Kitakyushu",
    description: "Two days of talks",
    partnerIds: [kyutech, lille],
    agreementId: research,
  });

  const open = await post("/api/events", {
    title: "Erasmus Days 2024",
    startsAt: "2024-10-10T14:00:00+02:00",
    endsAt: "2024-10-10T17:00:00+02:00",
    timeZone: "Europe/Paris",
    place: "Lille, campus Cité scientifique",
    audiences: ["students", "staff"],
    agreementId: exchange,
    visibility: "public",
  });
  const internal = await post("/api/events", {
    title: "Steering committee with Kyutech",
    startsAt: "2024-11-05T09:00:00+09:00",
    timeZone: "Asia/Tokyo",
    audiences: ["staff"],
    agreementId: research,
    visibility: "internal",
  });

  return {
    org: { lille, barcelona, kyutech, lab, twinA, twinB },
    person: { marie, jordi },
    agreement: { exchange, research, draft },
    activity: { mobility, seminar },
    event: { open, internal },
  };
}
