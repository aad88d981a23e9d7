import { Center, Loader, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** A spinner that also tells screen-reader users something is loading. */
export function Loading({ height = 160 }: { height?: number }) {
  const { t } = useTranslation();
  return (
    <Center h={height} role="status">
      <Loader />
      <VisuallyHidden>{t("common.loading")}</VisuallyHidden>
    </Center>
  );
}
