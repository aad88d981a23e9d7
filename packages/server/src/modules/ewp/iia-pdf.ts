import {
  type EwpContact,
  type Iia,
  type IiaPartner,
  iscedName,
  isIiaValidForApproval,
  isIscedCode,
  isStudentSpec,
  type LocalisedString,
  type MobilitySpec,
  type PhoneNumber,
  type SubjectArea,
  type UiLanguage,
} from "@conventio/domain";
import PDFDocument from "pdfkit";
import { createSheet, INK, type Sheet } from "./iia-pdf-layout.js";
import { iiaPdfWording } from "./iia-pdf-wording.js";
import { specsInDocumentOrder } from "./iia-xml-writer.js";

/** What the agreement's PDF is made from: the agreement and what the reader knows of its parties. */
export interface IiaPdfInput {
  iia: Iia;
  /** The agreement's title as Conventio holds it. */
  title: string;
  /** Institution names by SCHAC code (hei-id); a code without a name is shown as the code. */
  institutionNames: Record<string, string>;
  /** Names of faculties and departments by ounit-id; an id without a name is shown as the id. */
  unitNames?: Record<string, string>;
  lang: UiLanguage;
  /** The iia-hash of the version printed, which a partner's approval names. */
  iiaHash: string;
  /** The day the PDF is made, YYYY-MM-DD. */
  generatedOn: string;
  /** The institution printing it, named above the title. */
  issuer?: string;
}

const DASH = "—";

/** A text kept in several languages, in the reader's when it is there, else the first one. */
function localised(texts: ReadonlyArray<LocalisedString>, lang: string): string {
  return (texts.find((t) => t.lang?.toLowerCase().split("-")[0] === lang) ?? texts[0])?.value ?? "";
}

/** The words and names one rendering needs, bound to its input. */
function wordsOf(input: IiaPdfInput) {
  const { lang } = input;
  const w = iiaPdfWording(lang);
  const institution = (heiId: string) => input.institutionNames[heiId] ?? heiId;
  const unit = (ounitId: string | undefined) => (ounitId ? (input.unitNames?.[ounitId] ?? ounitId) : null);
  const side = (heiId: string, ounitId: string | undefined) =>
    [institution(heiId), unit(ounitId)].filter(Boolean).join("\n");
  const phone = (p: PhoneNumber) =>
    [p.e164 ?? p.otherFormat, p.ext ? `(${w.extension} ${p.ext})` : null].filter(Boolean).join(" ");
  const contact = (c: EwpContact) => {
    const role = localised(c.roles, lang);
    const reach = [
      ...c.emails.map((e) => `${w.email}${w.colon}${e}`),
      ...c.phones.map((p) => `${w.phone}${w.colon}${phone(p)}`),
    ];
    return [`${localised(c.names, lang)}${role ? `, ${role}` : ""}`, ...reach].join("\n");
  };
  const subjectArea = (a: SubjectArea) => {
    const narrow = a.iscedFCode.slice(0, 3);
    const field = isIscedCode(narrow) ? ` (${iscedName(narrow, lang)})` : "";
    const former = a.v6Value ? ` [v6: ${a.v6Value}]` : "";
    return `${a.iscedFCode}${former}${field}${a.iscedClarification ? ` ${DASH} ${a.iscedClarification}` : ""}`;
  };
  const cefr = (level: string | undefined) => {
    const band = level?.[0] as "A" | "B" | "C" | undefined;
    return level && band ? `${level} (${w.cefrBand[band]})` : DASH;
  };
  const years = (s: MobilitySpec) =>
    s.receivingFirstAcademicYearId === s.receivingLastAcademicYearId
      ? s.receivingFirstAcademicYearId
      : `${s.receivingFirstAcademicYearId}\u00a0–\n${s.receivingLastAcademicYearId}`;
  return { w, lang, institution, unit, side, contact, subjectArea, cefr, years };
}
type Words = ReturnType<typeof wordsOf>;

function titleBlock(sheet: Sheet, input: IiaPdfInput, d: Words): void {
  const { w } = d;
  const [own] = input.iia.partners;
  if (input.issuer) sheet.write(input.issuer, { size: 9.5, weight: "bold", color: "#444" });
  sheet.write(w.title, { size: 17, weight: "bold", color: INK });
  sheet.write(input.title, { size: 12 });
  if (own?.iiaCode) sheet.write(`${w.agreementNumber}${w.colon}${own.iiaCode}`, { size: 10, color: "#444" });
  sheet.doc.moveDown(0.4);
  const status = [
    input.iia.inEffect ? w.inEffect : w.draft,
    ...(input.iia.terminatedAsAWhole ? [w.terminated] : []),
    ...(isIiaValidForApproval(input.iia) ? [] : [w.carriedOver]),
  ];
  for (const line of status) sheet.write(line, { size: 10, weight: "bold" });
  sheet.doc.moveDown(0.4);
  sheet.write(w.intro, { size: 9.5, color: "#444" });
}

function heading(sheet: Sheet, text: string): void {
  sheet.doc.moveDown(1);
  // A heading is kept with at least a few lines of what it introduces.
  sheet.ensureSpace(70);
  sheet.write(text, { size: 12.5, weight: "bold", color: INK });
  sheet.doc.moveDown(0.4);
}

function institutions(sheet: Sheet, partners: ReadonlyArray<IiaPartner>, specs: ReadonlyArray<MobilitySpec>, d: Words) {
  const { w } = d;
  const contactsOf = (p: IiaPartner) => {
    // The partner's own contacts, then the coordinators its mobility specifications name.
    const named = specs.flatMap((s) => [
      ...(s.sendingHeiId === p.heiId ? s.sendingContacts : []),
      ...(s.receivingHeiId === p.heiId ? s.receivingContacts : []),
    ]);
    const texts = [...p.contacts, ...named].map(d.contact);
    return [...new Set(texts)].join("\n\n") || w.noContact;
  };
  const row = (label: string, value: (p: IiaPartner) => string) => ({ cells: [label, ...partners.map(value)] });
  sheet.table({
    columns: [{ weight: 1.1 }, { weight: 2 }, { weight: 2 }],
    size: 9,
    labelColumn: true,
    rows: [
      row(w.name, (p) => d.institution(p.heiId)),
      row(w.schacCode, (p) => p.heiId),
      row(w.agreementNumber, (p) => p.iiaCode ?? DASH),
      row(w.unit, (p) => d.unit(p.ounitId) ?? w.wholeInstitution),
      row(w.contacts, contactsOf),
    ],
  });
}

function mobilityNumbers(sheet: Sheet, specs: ReadonlyArray<MobilitySpec>, d: Words) {
  const { w } = d;
  if (specs.length === 0) return sheet.write(w.noMobility, { size: 9.5 });
  sheet.table({
    size: 7.5,
    columns: [
      { header: w.from, weight: 1.5 },
      { header: w.to, weight: 1.5 },
      { header: w.mobility, weight: 1.2 },
      { header: w.subjectAreas, weight: 1.9 },
      { header: w.academicYears, weight: 1 },
      { header: w.mobilitiesPerYear, weight: 0.8 },
      { header: w.durationPerYear, weight: 0.9 },
      { header: w.eqfLevels, weight: 1 },
      { header: w.blended, weight: 0.7 },
    ],
    rows: specs.map((s) => {
      const student = isStudentSpec(s) ? s : null;
      const duration = student ? student.totalMonthsPerYear : "totalDaysPerYear" in s ? s.totalDaysPerYear : undefined;
      return {
        cells: [
          d.side(s.sendingHeiId, s.sendingOunitId),
          d.side(s.receivingHeiId, s.receivingOunitId),
          w.kindShort[s.kind],
          s.subjectAreas.length ? s.subjectAreas.map(d.subjectArea).join("\n") : w.anySubjectArea,
          d.years(s),
          s.mobilitiesPerYearNotYetDefined ? w.notYetDefined : w.number(s.mobilitiesPerYear),
          duration === undefined ? DASH : student ? w.months(duration) : w.days(duration),
          student?.eqfLevels.length ? student.eqfLevels.map((l) => `${l} (${w.eqf[l] ?? l})`).join("\n") : DASH,
          student ? (student.blended ? w.yes : w.no) : DASH,
        ],
      };
    }),
  });
}

function languageSkills(sheet: Sheet, specs: ReadonlyArray<MobilitySpec>, d: Words) {
  const { w } = d;
  const rows = specs.flatMap((s) =>
    s.recommendedLanguageSkills.map((skill) => ({
      cells: [
        d.side(s.receivingHeiId, s.receivingOunitId),
        w.kindShort[s.kind],
        `${w.languageName(skill.language)} (${skill.language})`,
        skill.notYetDefined ? w.notYetDefined : d.cefr(skill.cefrLevel),
        skill.subjectArea ? d.subjectArea(skill.subjectArea) : DASH,
      ],
    })),
  );
  if (rows.length === 0) return sheet.write(w.noLanguageSkill, { size: 9.5 });
  sheet.table({
    size: 8,
    columns: [
      { header: w.receivingInstitution, weight: 2 },
      { header: w.mobility, weight: 1.6 },
      { header: w.language, weight: 1.2 },
      { header: w.cefrLevel, weight: 1.3 },
      { header: w.subjectArea, weight: 2 },
    ],
    rows,
  });
}

function otherInformation(sheet: Sheet, specs: ReadonlyArray<MobilitySpec>, d: Words) {
  const { w } = d;
  const withTerms = specs.filter((s) => s.otherInfoTerms);
  if (withTerms.length === 0) return sheet.write(w.noOtherInformation, { size: 9.5 });
  for (const s of withTerms) {
    sheet.ensureSpace(40);
    const route = `${d.institution(s.sendingHeiId)} → ${d.institution(s.receivingHeiId)}`;
    sheet.write(`${w.kind[s.kind]}${w.colon}${route}`, { size: 9.5, weight: "bold" });
    sheet.write(s.otherInfoTerms ?? "", { size: 9.5 });
    sheet.doc.moveDown(0.5);
  }
}

function signatures(sheet: Sheet, partners: ReadonlyArray<IiaPartner>, d: Words) {
  const { w } = d;
  const row = (label: string, value: (p: IiaPartner) => string, minHeight?: number) => ({
    cells: [label, ...partners.map(value)],
    ...(minHeight ? { minHeight } : {}),
  });
  sheet.table({
    columns: [{ weight: 1.1 }, { weight: 2 }, { weight: 2 }],
    size: 9,
    labelColumn: true,
    keepTogether: true,
    rows: [
      row(w.institution, (p) => d.institution(p.heiId)),
      row(w.signatory, (p) => (p.signingContact ? localised(p.signingContact.names, d.lang) : "")),
      row(w.position, (p) => (p.signingContact ? localised(p.signingContact.roles, d.lang) : "")),
      row(w.date, (p) => (p.signingDate ? d.w.longDate(p.signingDate) : "")),
      row(w.signature, () => "", 64),
    ],
  });
}

/**
 * The Erasmus+ inter-institutional agreement as a PDF to sign, laid out as institutions know it
 * from the programme's 2021–2027 template: the institutions (A), mobility numbers (B), language
 * skills (C), other information (D) and signatures (E), in the reader's language, with the
 * iia-hash of the version printed and the page number at the foot of every page.
 */
export function renderIiaPdf(input: IiaPdfInput): Promise<Buffer> {
  const d = wordsOf(input);
  const { w } = d;
  const specs = specsInDocumentOrder(input.iia.mobilitySpecs);
  const partners = input.iia.partners;
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: "A4",
      margins: { top: 50, bottom: 60, left: 48, right: 48 },
      bufferPages: true,
      lang: input.lang,
      displayTitle: true,
      info: {
        Title: `${w.title} — ${input.title}`,
        Subject: partners[0]?.iiaCode ?? input.title,
        Keywords: `iia-hash ${input.iiaHash}`,
        Author: input.issuer ?? "Conventio",
        Creator: "Conventio",
        Producer: "Conventio",
      },
    });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    const sheet = createSheet(doc);

    titleBlock(sheet, input, d);
    heading(sheet, `A. ${w.institutions}`);
    institutions(sheet, partners, specs, d);
    heading(sheet, `B. ${w.mobilities}`);
    mobilityNumbers(sheet, specs, d);
    heading(sheet, `C. ${w.languageSkills}`);
    languageSkills(sheet, specs, d);
    heading(sheet, `D. ${w.otherInformation}`);
    otherInformation(sheet, specs, d);
    heading(sheet, `E. ${w.signatures}`);
    signatures(sheet, partners, d);

    const generated = w.generatedOn(w.longDate(input.generatedOn));
    sheet.footers((page, pages, bottom) => {
      const style = { size: 7, color: "#555" };
      const y = bottom + 18;
      sheet.write(w.footerHash(input.iiaHash), style, { x: sheet.left, y, width: sheet.width });
      sheet.write(generated, style, { x: sheet.left, y: y + 10, width: sheet.width / 2 });
      sheet.write(w.page(page, pages), style, { x: sheet.left, y: y + 10, width: sheet.width, align: "right" });
    });
    doc.end();
  });
}
