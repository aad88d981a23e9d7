import { useTranslation } from "react-i18next";
import { PublicStatement } from "../portal/public-statement";

/** What the public reads of a post, given the status chosen in the form. */
export function NewsPublicStatement({ status }: { status: "draft" | "published" }) {
  const { t } = useTranslation();
  return status === "published" ? (
    <PublicStatement published lines={[t("publicStatement.newsPublished"), t("publicStatement.newsAgreement")]} />
  ) : (
    <PublicStatement published={false} lines={[t("publicStatement.newsDraft")]} />
  );
}
