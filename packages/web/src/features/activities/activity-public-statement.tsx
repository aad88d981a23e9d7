import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { agreementQuery } from "../agreements/agreement-queries";
import { PublicStatement } from "../portal/public-statement";

/**
 * What the public reads of an activity. It has no visibility of its own: it shows on its
 * agreement's public partnership page, so the statement follows the agreement chosen.
 */
export function ActivityPublicStatement({ agreementId }: { agreementId: string | null }) {
  const { t } = useTranslation();
  const agreement = useQuery({ ...agreementQuery(agreementId ?? ""), enabled: agreementId !== null });
  if (agreementId === null) {
    return <PublicStatement published={false} lines={[t("publicStatement.activityNoAgreement")]} />;
  }
  if (!agreement.data) return null;
  return agreement.data.visibility === "public" ? (
    <PublicStatement published lines={[t("publicStatement.activityPublic"), t("publicStatement.activityKept")]} />
  ) : (
    <PublicStatement published={false} lines={[t("publicStatement.activityInternal")]} />
  );
}
