import { Button, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { EWP_DOCUMENTS, ewp } from "../../lib/api/ewp";

/** Every document the installation's EWP APIs answer with, to download and check. */
export function EwpDocuments() {
  const { t } = useTranslation();
  return (
    <Group gap="sm">
      {EWP_DOCUMENTS.map((document) => (
        <Button key={document} component="a" variant="default" href={ewp.documentUrl(document)} download>
          {t(`ewp.documents.${document}`)}
        </Button>
      ))}
    </Group>
  );
}
