import {
  type EwpXmlProblem,
  fieldMessage,
  Iia,
  IiaApproval,
  type IiaMobilityKind,
  type IiaPartner,
  type LanguageSkill,
  type MobilitySpec,
  type SubjectArea,
} from "@conventio/domain";
import type { Document, Element } from "@xmldom/xmldom";
import { readContact, readContacts } from "./contact-xml.js";
import { EWP_DOCUMENTS, type EwpDocumentKind } from "./ewp-namespaces.js";
import { hashIia, type IiaHash } from "./iia-hash.js";
import { SPEC_ELEMENTS } from "./iia-xml-writer.js";
import {
  childElements,
  childrenNamed,
  lineOf,
  localNameOf,
  parseXml,
  plainAttribute,
  stringValue,
  XmlSyntaxError,
} from "./xml-dom.js";
import { type ModelPath, XmlReading } from "./xml-reading.js";

/**
 * A partner's IIAs v7 documents read into the model. Every problem names the element and the
 * line it is on: a missing or unreadable value (the agreement is then left out), a broken v7
 * rule (reported on the element the field came from), or an iia-hash that is not the hash of
 * the agreement's own XML. Hashes are computed from the document as received, never from a
 * re-export, since a partner's lexical forms (`5.0`, `1` for true) are part of its hash.
 */

export interface ReadIia {
  iia: Iia;
  /** Line of the `iia` element. */
  line: number | null;
  /** The iia-hash the document states, if any. */
  declaredHash: string | null;
  /** The hash of the agreement's XML as received, computed as if it stood alone in its document. */
  hash: IiaHash;
  problems: EwpXmlProblem[];
}

export interface IiasGetResponseReading {
  /** The agreements that could be read, with their own problems. */
  iias: ReadIia[];
  /** Every problem of the document, in document order, including those of agreements left out. */
  problems: EwpXmlProblem[];
}

const KIND_OF_ELEMENT = new Map(Object.entries(SPEC_ELEMENTS).map(([kind, name]) => [name, kind as IiaMobilityKind]));

const isTrue = (value: string | null) => value !== null && ["true", "1"].includes(value.trim());

function documentProblem(err: XmlSyntaxError): EwpXmlProblem {
  const m = fieldMessage("The document is not well-formed XML: {{detail}}", { detail: err.detail });
  return { line: err.line, element: null, ...m };
}

/** Parses the document and checks its root, or says why it cannot be read. */
export function openEwpDocument(
  xml: string,
  kind: EwpDocumentKind,
): { root: Element; doc: Document } | { problem: EwpXmlProblem } {
  let doc: Document;
  try {
    doc = parseXml(xml);
  } catch (err) {
    if (err instanceof XmlSyntaxError) return { problem: documentProblem(err) };
    throw err;
  }
  const root = doc.documentElement as Element;
  const expected = EWP_DOCUMENTS[kind];
  if (localNameOf(root) !== expected.root || root.namespaceURI !== expected.namespace) {
    const found = `{${root.namespaceURI ?? ""}}${localNameOf(root)}`;
    const message = fieldMessage("The document is {{found}}, not {{expected}}", {
      found,
      expected: `{${expected.namespace}}${expected.root}`,
    });
    return { problem: { line: lineOf(root), element: localNameOf(root), ...message } };
  }
  return { root, doc };
}

function readSubjectArea(r: XmlReading, el: Element, path: ModelPath): SubjectArea {
  r.from(path, el);
  const code = childrenNamed(el, "isced-f-code")[0];
  const v6Value = code ? plainAttribute(code, "v6-value") : null;
  if (code) r.from([...path, "v6Value"], code);
  const clarification = r.optional(el, "isced-clarification", [...path, "iscedClarification"]);
  return {
    iscedFCode: r.required(el, "isced-f-code", [...path, "iscedFCode"]),
    ...(clarification === undefined ? {} : { iscedClarification: clarification }),
    ...(v6Value === null ? {} : { v6Value }),
  };
}

function readLanguageSkill(r: XmlReading, el: Element, path: ModelPath): LanguageSkill {
  r.from(path, el);
  const cefrLevel = r.optional(el, "cefr-level", [...path, "cefrLevel"]);
  const area = childrenNamed(el, "subject-area")[0];
  return {
    language: r.required(el, "language", [...path, "language"]),
    ...(cefrLevel === undefined ? {} : { cefrLevel }),
    ...(area ? { subjectArea: readSubjectArea(r, area, [...path, "subjectArea"]) } : {}),
    notYetDefined: isTrue(plainAttribute(el, "not-yet-defined")),
  };
}

function optionalNumber(r: XmlReading, el: Element, name: string, path: ModelPath) {
  const found = childrenNamed(el, name)[0];
  return found ? r.number(found, path, "decimal") : undefined;
}

function readSpec(r: XmlReading, el: Element, kind: IiaMobilityKind, path: ModelPath): MobilitySpec {
  r.from(path, el);
  const at = (field: string) => [...path, field];
  const perYear = childrenNamed(el, "mobilities-per-year")[0];
  if (!perYear) r.required(el, "mobilities-per-year", at("mobilitiesPerYear"));
  const sendingOunitId = r.optional(el, "sending-ounit-id", at("sendingOunitId"));
  const receivingOunitId = r.optional(el, "receiving-ounit-id", at("receivingOunitId"));
  const otherInfoTerms = r.optional(el, "other-info-terms", at("otherInfoTerms"));
  const common = {
    sendingHeiId: r.required(el, "sending-hei-id", at("sendingHeiId")),
    ...(sendingOunitId === undefined ? {} : { sendingOunitId }),
    sendingContacts: readContacts(r, el, "sending-contact", at("sendingContacts")),
    receivingHeiId: r.required(el, "receiving-hei-id", at("receivingHeiId")),
    ...(receivingOunitId === undefined ? {} : { receivingOunitId }),
    receivingContacts: readContacts(r, el, "receiving-contact", at("receivingContacts")),
    receivingFirstAcademicYearId: r.required(
      el,
      "receiving-first-academic-year-id",
      at("receivingFirstAcademicYearId"),
    ),
    receivingLastAcademicYearId: r.required(el, "receiving-last-academic-year-id", at("receivingLastAcademicYearId")),
    mobilitiesPerYear: perYear ? r.number(perYear, at("mobilitiesPerYear"), "integer") : 0,
    mobilitiesPerYearNotYetDefined: perYear ? isTrue(plainAttribute(perYear, "not-yet-defined")) : false,
    recommendedLanguageSkills: childrenNamed(el, "recommended-language-skill").map((s, i) =>
      readLanguageSkill(r, s, [...path, "recommendedLanguageSkills", i]),
    ),
    subjectAreas: childrenNamed(el, "subject-area").map((a, i) => readSubjectArea(r, a, [...path, "subjectAreas", i])),
    ...(otherInfoTerms === undefined ? {} : { otherInfoTerms }),
  };
  if (kind === "staff-teacher" || kind === "staff-training") {
    const days = optionalNumber(r, el, "total-days-per-year", at("totalDaysPerYear"));
    return { kind, ...common, ...(days === undefined ? {} : { totalDaysPerYear: days }) };
  }
  const blended = childrenNamed(el, "blended")[0];
  if (!blended) r.required(el, "blended", at("blended"));
  const months = optionalNumber(r, el, "total-months-per-year", at("totalMonthsPerYear"));
  return {
    kind,
    ...common,
    ...(months === undefined ? {} : { totalMonthsPerYear: months }),
    blended: blended ? r.boolean(blended, at("blended")) : false,
    eqfLevels: childrenNamed(el, "eqf-level").map((e, i) => r.number(e, [...path, "eqfLevels", i], "integer")),
  };
}

function readPartner(r: XmlReading, el: Element, path: ModelPath): IiaPartner {
  r.from(path, el);
  const at = (field: string) => [...path, field];
  const signing = childrenNamed(el, "signing-contact")[0];
  const optional = {
    ounitId: r.optional(el, "ounit-id", at("ounitId")),
    iiaId: r.optional(el, "iia-id", at("iiaId")),
    iiaCode: r.optional(el, "iia-code", at("iiaCode")),
    signingDate: r.optional(el, "signing-date", at("signingDate")),
  };
  return {
    heiId: r.required(el, "hei-id", at("heiId")),
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
    ...(signing ? { signingContact: readContact(r, signing, at("signingContact")) } : {}),
    contacts: readContacts(r, el, "contact", at("contacts")),
  };
}

function readIia(el: Element): { read: ReadIia | null; problems: EwpXmlProblem[] } {
  const r = new XmlReading();
  const partners = childrenNamed(el, "partner").map((p, i) => readPartner(r, p, ["partners", i]));
  r.from(["partners"], el);
  const inEffect = childrenNamed(el, "in-effect")[0];
  if (!inEffect) r.required(el, "in-effect", ["inEffect"]);
  const conditions = childrenNamed(el, "cooperation-conditions")[0];
  if (!conditions) r.required(el, "cooperation-conditions", ["mobilitySpecs"]);
  const specs = (conditions ? childElements(conditions) : []).flatMap((spec) => {
    const kind = KIND_OF_ELEMENT.get(localNameOf(spec));
    if (kind) return [{ spec, kind }];
    r.fail(
      spec,
      fieldMessage("The element {{element}} is not expected in {{parent}}", {
        element: localNameOf(spec),
        parent: "cooperation-conditions",
      }),
    );
    return [];
  });
  const pdfFile = r.optional(el, "pdf-file", ["pdfFile"]);
  const iia: Iia = {
    partners,
    inEffect: inEffect ? r.boolean(inEffect, ["inEffect"]) : false,
    terminatedAsAWhole: conditions ? isTrue(plainAttribute(conditions, "terminated-as-a-whole")) : false,
    mobilitySpecs: specs.map(({ spec, kind }, i) => readSpec(r, spec, kind, ["mobilitySpecs", i])),
    ...(pdfFile === undefined ? {} : { pdfFile }),
  };
  if (conditions) r.from(["terminatedAsAWhole"], conditions);
  const hashElement = childrenNamed(el, "iia-hash")[0];
  const declaredHash = hashElement ? stringValue(hashElement).trim() : null;
  if (r.broken) return { read: null, problems: r.problems };
  const checked = Iia.safeParse(iia);
  if (!checked.success) r.reportIssues(checked.error.issues, [], el);
  const hash = hashIia(el);
  if (declaredHash !== null && declaredHash !== hash.iiaHash)
    r.report(
      hashElement ?? el,
      fieldMessage("The iia-hash given ({{declared}}) is not the hash of the agreement's content ({{computed}})", {
        declared: declaredHash,
        computed: hash.iiaHash,
      }),
    );
  return { read: { iia, line: lineOf(el), declaredHash, hash, problems: r.problems }, problems: r.problems };
}

/** Reads a partner's `iias-get-response` (v7). */
export function readIiasGetResponse(xml: string): IiasGetResponseReading {
  const opened = openEwpDocument(xml, "iiasGet");
  if ("problem" in opened) return { iias: [], problems: [opened.problem] };
  const results = childrenNamed(opened.root, "iia").map(readIia);
  return {
    iias: results.flatMap((r) => (r.read ? [r.read] : [])),
    problems: results.flatMap((r) => r.problems),
  };
}

/** Reads a partner's `iias-index-response`: the ids of the agreements it lists. */
export function readIiasIndexResponse(xml: string): { iiaIds: string[]; problems: EwpXmlProblem[] } {
  const opened = openEwpDocument(xml, "iiasIndex");
  if ("problem" in opened) return { iiaIds: [], problems: [opened.problem] };
  return { iiaIds: childrenNamed(opened.root, "iia-id").map((el) => stringValue(el)), problems: [] };
}

/** Reads a partner's `iias-approval-response`: which of our copies it approved, and which version. */
export function readIiasApprovalResponse(xml: string): { approvals: IiaApproval[]; problems: EwpXmlProblem[] } {
  const opened = openEwpDocument(xml, "iiasApproval");
  if ("problem" in opened) return { approvals: [], problems: [opened.problem] };
  const approvals: IiaApproval[] = [];
  const problems: EwpXmlProblem[] = [];
  for (const el of childrenNamed(opened.root, "approval")) {
    const r = new XmlReading();
    const pdfFile = r.optional(el, "pdf-file", ["pdfFile"]);
    const approval = {
      iiaId: r.required(el, "iia-id", ["iiaId"]),
      iiaHash: r.required(el, "iia-hash", ["iiaHash"]),
      ...(pdfFile === undefined ? {} : { pdfFile }),
    };
    const checked = IiaApproval.safeParse(approval);
    if (!r.broken && !checked.success) r.reportIssues(checked.error.issues, [], el);
    if (!r.broken && checked.success) approvals.push(checked.data);
    problems.push(...r.problems);
  }
  return { approvals, problems };
}
