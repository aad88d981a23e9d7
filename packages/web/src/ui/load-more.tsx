import { Button, Center } from "@mantine/core";
import { useTranslation } from "react-i18next";

type PagedList = { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => Promise<unknown> };

/** Keyset paging: the next page is read only when asked for. */
export function LoadMore({ list }: { list: PagedList }) {
  const { t } = useTranslation();
  if (!list.hasNextPage) return null;
  return (
    <Center mt="md">
      <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
        {t("common.loadMore")}
      </Button>
    </Center>
  );
}
