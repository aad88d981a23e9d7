import type { ImportField, ImportKind } from "@conventio/domain";
import { useTranslation } from "react-i18next";

type Descriptions = Partial<Record<ImportKind, Record<string, string>>>;

/**
 * A field's description in the reader's language; the contract's English one for a field the
 * translations do not know yet (a column added to the contract later).
 */
export function useFieldDescription(kind: ImportKind): (field: ImportField) => string {
  const { t } = useTranslation();
  const descriptions = t("imports.fields", { returnObjects: true }) as Descriptions;
  return (field) => descriptions[kind]?.[field.name] ?? field.description;
}
