import type { Visibility } from "@conventio/domain";
import { useTranslation } from "react-i18next";
import { PublicStatement } from "../portal/public-statement";

/** What the public reads of an event, given the visibility chosen in the form. */
export function EventPublicStatement({ visibility }: { visibility: Visibility }) {
  const { t } = useTranslation();
  return visibility === "public" ? (
    <PublicStatement published lines={[t("publicStatement.eventPublic"), t("publicStatement.eventAgreement")]} />
  ) : (
    <PublicStatement published={false} lines={[t("publicStatement.eventInternal")]} />
  );
}
