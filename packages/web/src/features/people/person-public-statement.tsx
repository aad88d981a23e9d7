import { useTranslation } from "react-i18next";
import { PublicStatement } from "../portal/public-statement";

/**
 * What the public reads of a person: a person has no page of their own, but appears on the
 * public pages of the agreements they coordinate or govern, with contact details only by consent.
 */
export function PersonPublicStatement({ publicContact }: { publicContact: boolean }) {
  const { t } = useTranslation();
  return (
    <PublicStatement
      published={publicContact}
      lines={[
        t("publicStatement.personNamed"),
        publicContact ? t("publicStatement.personContactOpen") : t("publicStatement.personContactClosed"),
        t("publicStatement.personKept"),
      ]}
    />
  );
}
