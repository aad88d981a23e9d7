import type { Visibility } from "@conventio/domain";
import { useTranslation } from "react-i18next";
import { PublicStatement } from "../portal/public-statement";

/** What the public reads of an organisation, given the visibility chosen in the form. */
export function OrganisationPublicStatement({ visibility }: { visibility: Visibility }) {
  const { t } = useTranslation();
  return visibility === "public" ? (
    <PublicStatement
      published
      lines={[t("publicStatement.organisationPublic"), t("publicStatement.organisationKept")]}
    />
  ) : (
    <PublicStatement
      published={false}
      lines={[t("publicStatement.organisationInternal"), t("publicStatement.registryInternal")]}
    />
  );
}
