import { Button, Center } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** Keyset paging: the next page is read only when asked for. */
export function LoadMore({ hasMore, loading, onLoad }: { hasMore: boolean; loading: boolean; onLoad: () => void }) {
  const { t } = useTranslation();
  if (!hasMore) return null;
  return (
    <Center mt="md">
      <Button variant="default" onClick={onLoad} loading={loading}>
        {t("common.loadMore")}
      </Button>
    </Center>
  );
}
