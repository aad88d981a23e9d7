import { useTranslation } from "react-i18next";
import { PublicStatement } from "../portal/public-statement";

/**
 * What the public reads of a person: a person has no page of their own, but appears on the
 * public pages of the agreements they sign, coordinate or govern: named only with their consent,
 * otherwise by their role alone, and with contact details only by a further consent.
 */
export function PersonPublicStatement({
  namedInPublic,
  publicContact,
}: {
  namedInPublic: boolean;
  publicContact: boolean;
}) {
  const { t } = useTranslation();
  return (
    <PublicStatement
      published={namedInPublic}
      lines={[
        namedInPublic ? t("publicStatement.personNamed") : t("publicStatement.personUnnamed"),
        publicContact ? t("publicStatement.personContactOpen") : t("publicStatement.personContactClosed"),
        t("publicStatement.personKept"),
      ]}
    />
  );
}
