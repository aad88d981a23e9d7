import type { Visibility } from "@conventio/domain";
import { useTranslation } from "react-i18next";
import { PublicStatement } from "../portal/public-statement";

/** What the public reads of a meeting, given whether it is marked public in the form. */
export function MeetingPublicStatement({ visibility }: { visibility: Visibility }) {
  const { t } = useTranslation();
  return visibility === "public" ? (
    <PublicStatement published lines={[t("publicStatement.meetingPublic")]} />
  ) : (
    <PublicStatement published={false} lines={[t("publicStatement.meetingInternal")]} />
  );
}
