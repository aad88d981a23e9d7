import type {
  EwpFactsheet,
  EwpInstitution,
  EwpOunit,
  InformationEntry,
  LanguageRequirement,
  TermDeadlines,
} from "@conventio/domain";
import { addressElement, contactElement, localisedLeaves, phoneElement, urlLeaves } from "./contact-xml.js";
import { EWP_DOCUMENTS, TYPE_PREFIXES } from "./ewp-namespaces.js";
import { leaf, leaves, node, optionalLeaf, serialiseXml, type XmlElement } from "./xml-writer.js";

/**
 * The institution's own data as the EWP Institutions (v2), Organizational Units (v2) and
 * Mobility Factsheet (v1) get-responses, in each schema's element order.
 */

function heiElement(hei: EwpInstitution): XmlElement {
  return node("hei", [
    leaf("hei-id", hei.heiId),
    ...hei.otherIds.map((id) => leaf("other-id", id.value, [["type", id.type]])),
    ...localisedLeaves("name", hei.names),
    optionalLeaf("abbreviation", hei.abbreviation),
    hei.streetAddress && addressElement("a:street-address", hei.streetAddress),
    hei.mailingAddress && addressElement("a:mailing-address", hei.mailingAddress),
    ...urlLeaves("website-url", hei.websiteUrls),
    optionalLeaf("logo-url", hei.logoUrl),
    ...urlLeaves("mobility-factsheet-url", hei.mobilityFactsheetUrls),
    ...urlLeaves("course-catalogue-url", hei.courseCatalogueUrls),
    ...hei.contacts.map((c) => contactElement("c:contact", c)),
    optionalLeaf("root-ounit-id", hei.rootOunitId),
    ...leaves(
      "ounit-id",
      hei.ounits.map((u) => u.ounitId),
    ),
  ]);
}

/** An `institutions-response` describing each institution asked about. */
export function writeInstitutionsResponse(heis: ReadonlyArray<EwpInstitution>): string {
  return serialiseXml(node("institutions-response", heis.map(heiElement)), {
    "": EWP_DOCUMENTS.institutions.namespace,
    ...TYPE_PREFIXES,
  });
}

function ounitElement(unit: EwpOunit): XmlElement {
  return node("ounit", [
    leaf("ounit-id", unit.ounitId),
    leaf("ounit-code", unit.ounitCode),
    ...localisedLeaves("name", unit.names),
    optionalLeaf("abbreviation", unit.abbreviation),
    optionalLeaf("parent-ounit-id", unit.parentOunitId),
    unit.streetAddress && addressElement("a:street-address", unit.streetAddress),
    unit.mailingAddress && addressElement("a:mailing-address", unit.mailingAddress),
    ...urlLeaves("website-url", unit.websiteUrls),
    optionalLeaf("logo-url", unit.logoUrl),
    ...urlLeaves("mobility-factsheet-url", unit.mobilityFactsheetUrls),
    ...unit.contacts.map((c) => contactElement("c:contact", c)),
  ]);
}

/** An `ounits-response` describing each unit asked about. */
export function writeOunitsResponse(ounits: ReadonlyArray<EwpOunit>): string {
  return serialiseXml(node("ounits-response", ounits.map(ounitElement)), {
    "": EWP_DOCUMENTS.ounits.namespace,
    ...TYPE_PREFIXES,
  });
}

function informationElement(name: string, info: InformationEntry): XmlElement {
  return node(name, [
    leaf("email", info.email),
    phoneElement("p:phone-number", info.phone),
    ...urlLeaves("website-url", info.websiteUrls),
  ]);
}

function deadlinesElement(name: string, deadlines: TermDeadlines): XmlElement {
  return node(name, [leaf("autumn-term", deadlines.autumnTerm), leaf("spring-term", deadlines.springTerm)]);
}

/**
 * The factsheet has no element of its own for language levels: a requirement named "Language
 * certificate" (one of the names the factsheet schema fixes) says which level is expected.
 */
export function languageRequirementDetails(requirement: LanguageRequirement): string {
  const level = [requirement.language, requirement.cefrLevel].filter(Boolean).join(" ");
  const field = requirement.iscedFCode ? ` (ISCED-F ${requirement.iscedFCode})` : "";
  return `${level}${field}${requirement.details ? `: ${requirement.details}` : ""}`;
}

function factsheetElement(heiId: string, factsheet: EwpFactsheet): XmlElement {
  const requirements = [
    ...factsheet.additionalRequirements,
    ...factsheet.languageRequirements.map((r) => ({
      name: "Language certificate",
      details: languageRequirementDetails(r),
      informationWebsites: r.informationWebsites,
    })),
  ];
  return node("factsheet", [
    leaf("hei-id", heiId),
    node("calendar", [
      deadlinesElement("student-nominations", factsheet.calendar.studentNominations),
      deadlinesElement("student-applications", factsheet.calendar.studentApplications),
    ]),
    informationElement("application-info", factsheet.applicationInfo),
    ...requirements.map((r) =>
      node("additional-requirement", [
        leaf("name", r.name),
        leaf("details", r.details),
        ...urlLeaves("information-website", r.informationWebsites),
      ]),
    ),
    leaf("decision-weeks-limit", String(factsheet.decisionWeeksLimit)),
    leaf("tor-weeks-limit", String(factsheet.torWeeksLimit)),
    ...factsheet.accessibility.map((a) =>
      node("accessibility", [
        leaf("type", a.type),
        leaf("name", a.name),
        optionalLeaf("description", a.description),
        informationElement("information", a.information),
      ]),
    ),
    informationElement("housing-info", factsheet.housingInfo),
    informationElement("visa-info", factsheet.visaInfo),
    informationElement("insurance-info", factsheet.insuranceInfo),
    ...factsheet.additionalInfo.map((a) =>
      node("additional-info", [leaf("type", a.type), informationElement("info", a.info)]),
    ),
  ]);
}

/** A `factsheet-response` for the institutions asked about that publish a factsheet. */
export function writeFactsheetResponse(heis: ReadonlyArray<EwpInstitution>): string {
  const sheets = heis.flatMap((hei) => (hei.factsheet ? [factsheetElement(hei.heiId, hei.factsheet)] : []));
  return serialiseXml(node("factsheet-response", sheets), {
    "": EWP_DOCUMENTS.factsheet.namespace,
    p: TYPE_PREFIXES.p,
  });
}
