import { IIA_MOBILITY_KINDS, type Iia, type IiaMobilityKind } from "@conventio/domain";
import { useTranslation } from "react-i18next";

/**
 * Readable names for the dotted paths the comparison of two IIAs speaks in
 * (`mobilitySpecs.0.recommendedLanguageSkills.1.cefrLevel`): each field named in the reader's
 * language, list positions counted from 1, the partners and mobilities named for what they are.
 */

/** One step of a path: a field, and its position when the field is a list. */
export interface PathStep {
  field: string;
  /** 1-based position in the list. */
  n?: number;
}

export function pathSteps(path: string): PathStep[] {
  const steps: PathStep[] = [];
  for (const part of path.split(".")) {
    const last = steps[steps.length - 1];
    if (/^\d+$/.test(part) && last && last.n === undefined) last.n = Number(part) + 1;
    else steps.push({ field: part });
  }
  return steps;
}

/** Fields of an IIA and of its contacts that have a name of their own in the interface. */
export const PATH_FIELDS = [
  "heiId",
  "ounitId",
  "signingContact",
  "signingDate",
  "contacts",
  "inEffect",
  "terminatedAsAWhole",
  "kind",
  "sendingHeiId",
  "sendingOunitId",
  "sendingContacts",
  "receivingHeiId",
  "receivingOunitId",
  "receivingContacts",
  "receivingFirstAcademicYearId",
  "receivingLastAcademicYearId",
  "mobilitiesPerYear",
  "mobilitiesPerYearNotYetDefined",
  "recommendedLanguageSkills",
  "language",
  "cefrLevel",
  "subjectArea",
  "notYetDefined",
  "subjectAreas",
  "iscedFCode",
  "iscedClarification",
  "v6Value",
  "otherInfoTerms",
  "totalMonthsPerYear",
  "totalDaysPerYear",
  "blended",
  "eqfLevels",
  "names",
  "givenNames",
  "familyNames",
  "gender",
  "phones",
  "faxes",
  "emails",
  "streetAddress",
  "mailingAddress",
  "roles",
  "value",
  "lang",
  "e164",
  "ext",
  "otherFormat",
  "recipientNames",
  "addressLines",
  "buildingNumber",
  "buildingName",
  "streetName",
  "unit",
  "floor",
  "postOfficeBox",
  "deliveryPointCodes",
  "postalCode",
  "locality",
  "region",
  "country",
] as const;
type PathField = (typeof PATH_FIELDS)[number];

const isPathField = (field: string): field is PathField => (PATH_FIELDS as readonly string[]).includes(field);
const isKind = (value: string | null): value is IiaMobilityKind =>
  value !== null && (IIA_MOBILITY_KINDS as readonly string[]).includes(value);

/** Names a path of the comparison; the mobility's kind is read from our copy, or the partner's when ours has none there. */
export function useIiaPathLabel(ours: Iia, theirs: Iia | null): (path: string) => string {
  const { t } = useTranslation();
  return (path) =>
    pathSteps(path)
      .map(({ field, n }) => {
        if (field === "partners" && n !== undefined) return n === 1 ? t("iia.paths.ours") : t("iia.paths.theirs");
        if (field === "mobilitySpecs" && n !== undefined) {
          const kind = ours.mobilitySpecs[n - 1]?.kind ?? theirs?.mobilitySpecs[n - 1]?.kind;
          return kind
            ? t("iia.paths.mobilityOfKind", { n, kind: t(`iia.kinds.${kind}`) })
            : t("iia.paths.mobility", { n });
        }
        const name = isPathField(field) ? t(`iia.paths.${field}`) : field;
        return n === undefined ? name : t("iia.paths.numbered", { name, n });
      })
      .join(" › ");
}

/** A compared value as people read it: kinds and yes/no in words, an absent value said plainly. */
export function useIiaValue(): (value: string | null) => string {
  const { t } = useTranslation();
  return (value) => {
    if (value === null) return t("iia.compare.absent");
    if (value === "true") return t("common.yes");
    if (value === "false") return t("common.no");
    if (isKind(value)) return t(`iia.kinds.${value}`);
    return value;
  };
}
