import {
  IIA_MOBILITY_KINDS,
  type Iia,
  type IiaApproval,
  type IiaMobilityKind,
  type IiaPartner,
  isStudentSpec,
  type LanguageSkill,
  type MobilitySpec,
  type SubjectArea,
} from "@conventio/domain";
import { contactElement } from "./contact-xml.js";
import { EWP_DOCUMENTS, TYPE_PREFIXES } from "./ewp-namespaces.js";
import { hashIia, type IiaHash } from "./iia-hash.js";
import { childrenNamed, parseXml } from "./xml-dom.js";
import {
  leaf,
  leaves,
  node,
  optionalLeaf,
  serialiseXml,
  type XmlElement,
  xmlBoolean,
  xmlNumber,
} from "./xml-writer.js";

/**
 * IIAs v7 documents from the model: `iias-get-response` (each agreement with the iia-hash of
 * exactly the XML written for it), `iias-index-response` and `iias-approval-response`. Elements
 * follow the schema's order, leaves are compact and optional values that are not held are left
 * out, so the same agreement always gives the same bytes and the same hash.
 */

export const SPEC_ELEMENTS: Readonly<Record<IiaMobilityKind, string>> = {
  "student-studies": "student-studies-mobility-spec",
  "student-traineeship": "student-traineeship-mobility-spec",
  "staff-teacher": "staff-teacher-mobility-spec",
  "staff-training": "staff-training-mobility-spec",
};

/**
 * The specifications in the order a v7 document must list them: grouped by kind (studies,
 * traineeships, teaching, training), keeping the model's order within each kind.
 */
export function specsInDocumentOrder<T extends { kind: IiaMobilityKind }>(specs: ReadonlyArray<T>): T[] {
  return IIA_MOBILITY_KINDS.flatMap((kind) => specs.filter((s) => s.kind === kind));
}

const NOT_YET_DEFINED = [["not-yet-defined", "true"]] as const;

function subjectAreaElement(area: SubjectArea): XmlElement {
  return node("subject-area", [
    leaf("isced-f-code", area.iscedFCode, area.v6Value === undefined ? [] : [["v6-value", area.v6Value]]),
    optionalLeaf("isced-clarification", area.iscedClarification),
  ]);
}

function languageSkillElement(skill: LanguageSkill): XmlElement {
  return node(
    "recommended-language-skill",
    [
      leaf("language", skill.language),
      optionalLeaf("cefr-level", skill.cefrLevel),
      skill.subjectArea && subjectAreaElement(skill.subjectArea),
    ],
    skill.notYetDefined ? NOT_YET_DEFINED : [],
  );
}

function specElement(spec: MobilitySpec): XmlElement {
  const tail = isStudentSpec(spec)
    ? [
        spec.totalMonthsPerYear === undefined
          ? null
          : leaf("total-months-per-year", xmlNumber(spec.totalMonthsPerYear)),
        leaf("blended", xmlBoolean(spec.blended)),
        ...leaves("eqf-level", spec.eqfLevels),
      ]
    : [spec.totalDaysPerYear === undefined ? null : leaf("total-days-per-year", xmlNumber(spec.totalDaysPerYear))];
  return node(SPEC_ELEMENTS[spec.kind], [
    leaf("sending-hei-id", spec.sendingHeiId),
    optionalLeaf("sending-ounit-id", spec.sendingOunitId),
    ...spec.sendingContacts.map((c) => contactElement("sending-contact", c)),
    leaf("receiving-hei-id", spec.receivingHeiId),
    optionalLeaf("receiving-ounit-id", spec.receivingOunitId),
    ...spec.receivingContacts.map((c) => contactElement("receiving-contact", c)),
    leaf("receiving-first-academic-year-id", spec.receivingFirstAcademicYearId),
    leaf("receiving-last-academic-year-id", spec.receivingLastAcademicYearId),
    leaf(
      "mobilities-per-year",
      xmlNumber(spec.mobilitiesPerYear),
      spec.mobilitiesPerYearNotYetDefined ? NOT_YET_DEFINED : [],
    ),
    ...spec.recommendedLanguageSkills.map(languageSkillElement),
    ...spec.subjectAreas.map(subjectAreaElement),
    optionalLeaf("other-info-terms", spec.otherInfoTerms),
    ...tail,
  ]);
}

function partnerElement(partner: IiaPartner): XmlElement {
  return node("partner", [
    leaf("hei-id", partner.heiId),
    optionalLeaf("ounit-id", partner.ounitId),
    optionalLeaf("iia-id", partner.iiaId),
    optionalLeaf("iia-code", partner.iiaCode),
    partner.signingContact && contactElement("signing-contact", partner.signingContact),
    optionalLeaf("signing-date", partner.signingDate),
    ...partner.contacts.map((c) => contactElement("c:contact", c)),
  ]);
}

function iiaElement(iia: Iia, iiaHash: string): XmlElement {
  return node("iia", [
    ...iia.partners.map(partnerElement),
    leaf("in-effect", xmlBoolean(iia.inEffect)),
    node(
      "cooperation-conditions",
      specsInDocumentOrder(iia.mobilitySpecs).map(specElement),
      iia.terminatedAsAWhole ? [["terminated-as-a-whole", "true"]] : [],
    ),
    leaf("iia-hash", iiaHash),
    optionalLeaf("pdf-file", iia.pdfFile),
  ]);
}

const GET_NAMESPACES = { "": EWP_DOCUMENTS.iiasGet.namespace, ...TYPE_PREFIXES };

/**
 * The iia-hash of the agreement as Conventio writes it: the XML of its `iia` is generated, read
 * back and hashed, so the hash always describes the bytes a partner receives.
 */
export function hashIiaModel(iia: Iia): IiaHash {
  const draft = serialiseXml(node("iias-get-response", [iiaElement(iia, "")]), GET_NAMESPACES);
  const root = parseXml(draft).documentElement;
  const element = root ? childrenNamed(root, "iia")[0] : undefined;
  if (!element) throw new Error("the generated get-response holds no iia");
  return hashIia(element);
}

/** An `iias-get-response` holding the agreements, each with its iia-hash filled in. */
export function writeIiasGetResponse(iias: ReadonlyArray<Iia>): { xml: string; hashes: IiaHash[] } {
  const hashes = iias.map(hashIiaModel);
  const root = node(
    "iias-get-response",
    iias.map((iia, i) => iiaElement(iia, hashes[i]?.iiaHash ?? "")),
  );
  return { xml: serialiseXml(root, GET_NAMESPACES), hashes };
}

/** An `iias-index-response` listing the ids of the agreements the caller may see. */
export function writeIiasIndexResponse(iiaIds: ReadonlyArray<string>): string {
  return serialiseXml(node("iias-index-response", leaves("iia-id", iiaIds)), { "": EWP_DOCUMENTS.iiasIndex.namespace });
}

/** An `iias-approval-response`: the approvals this institution gave to the partner's copies asked about. */
export function writeIiasApprovalResponse(approvals: ReadonlyArray<IiaApproval>): string {
  const root = node(
    "iias-approval-response",
    approvals.map((a) =>
      node("approval", [leaf("iia-id", a.iiaId), leaf("iia-hash", a.iiaHash), optionalLeaf("pdf-file", a.pdfFile)]),
    ),
  );
  return serialiseXml(root, { "": EWP_DOCUMENTS.iiasApproval.namespace });
}
