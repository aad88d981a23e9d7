import { Button, Card, Group, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { createRoute } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { api } from "../lib/api";
import { useFormatDate } from "../lib/format";
import { useKeysetList } from "../lib/use-keyset-list";
import { AnchorLink } from "../ui/links";
import { LoadMore } from "../ui/load-more";
import { TableSkeleton } from "../ui/loading";
import { PageHeader } from "../ui/page-header";
import { ProblemAlert } from "../ui/problem-alert";
import { editorsOnly } from "./editors-only";
import { internalRoute } from "./internal";

/** Comments held for moderation; each is shown as the text it is, then approved or removed. */
function ModerationPage() {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const queryClient = useQueryClient();
  const query = useKeysetList(["comments", "pending"], (cursor) => api.comments.pending(cursor), {
    keepPrevious: false,
  });
  const moderate = useMutation({
    mutationFn: ({ id, status }: { id: string; status: "approved" | "removed" }) => api.comments.moderate(id, status),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["comments"] });
      void queryClient.invalidateQueries({ queryKey: ["news"] });
    },
  });
  const items = query.items;
  return (
    <>
      <PageHeader title={t("moderation.title")} subtitle={t("moderation.subtitle")} />
      {query.isError && <ProblemAlert error={query.error} />}
      {moderate.isError && <ProblemAlert error={moderate.error} />}
      {query.isPending && <TableSkeleton />}
      {query.data && items.length === 0 && <Text c="dimmed">{t("moderation.empty")}</Text>}
      <Stack gap="sm" component="ul" className="plain-list">
        {items.map((c) => (
          <Card key={c.id} withBorder component="li" padding="md">
            <Text size="sm" fw={600}>
              {c.author}{" "}
              <Text span size="xs" c="dimmed">
                · {formatDate(c.createdAt, true)} ·{" "}
                <AnchorLink to="/news/$postId" params={{ postId: c.postId }}>
                  {t("moderation.post")}
                </AnchorLink>
              </Text>
            </Text>
            <Text className="comment-body" my="xs">
              {c.body}
            </Text>
            <Group gap="xs">
              <Button
                size="xs"
                onClick={() => moderate.mutate({ id: c.id, status: "approved" })}
                aria-label={t("moderation.approveBy", { author: c.author })}
              >
                {t("moderation.approve")}
              </Button>
              <Button
                size="xs"
                variant="outline"
                color="red"
                onClick={() => moderate.mutate({ id: c.id, status: "removed" })}
                aria-label={t("moderation.removeBy", { author: c.author })}
              >
                {t("moderation.remove")}
              </Button>
            </Group>
          </Card>
        ))}
      </Stack>
      <LoadMore list={query} />
    </>
  );
}

export const moderationRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: "/moderation",
  beforeLoad: editorsOnly,
  component: ModerationPage,
});
