import { Box } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PublicStatement } from "../portal/public-statement";

/** What the public reads of a meeting, given whether it is marked public in the form. */
export function MeetingPublicStatement({ isPublic }: { isPublic: boolean }) {
  const { t } = useTranslation();
  return (
    <Box mt="sm">
      <PublicStatement
        published={isPublic}
        lines={[isPublic ? t("publicStatement.meetingPublic") : t("publicStatement.meetingInternal")]}
      />
    </Box>
  );
}
