import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { createRoute } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { inboxQuery } from "../features/inbox/inbox-queries";
import { api } from "../lib/api";
import { useFormatDate } from "../lib/format";
import { useMessage } from "../lib/messages";
import { LoadMore } from "../ui/load-more";
import { TableSkeleton } from "../ui/loading";
import { PageHeader } from "../ui/page-header";
import { ProblemAlert } from "../ui/problem-alert";
import { internalRoute } from "./internal";

function InboxPage() {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const show = useMessage();
  const queryClient = useQueryClient();
  const query = useInfiniteQuery(inboxQuery);
  const markRead = useMutation({
    mutationFn: api.me.markRead,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: inboxQuery.queryKey }),
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader title={t("inbox.title")} subtitle={t("inbox.subtitle")} />
      {query.isError && <ProblemAlert error={query.error} />}
      {markRead.isError && <ProblemAlert error={markRead.error} />}
      {query.isPending && <TableSkeleton />}
      {query.data && items.length === 0 && <Text c="dimmed">{t("inbox.empty")}</Text>}
      <Stack gap="sm" component="ul" className="plain-list">
        {items.map((m) => {
          const subject = show({ text: m.subject, key: m.subjectKey, params: m.subjectParams });
          return (
            <Card key={m.id} withBorder component="li" padding="md" className={m.readAt ? undefined : "unread"}>
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Stack gap={4}>
                  <Group gap="xs">
                    {!m.readAt && (
                      <Badge size="sm" color="blue">
                        {t("inbox.new")}
                      </Badge>
                    )}
                    <Title order={2} size="h5">
                      {subject}
                    </Title>
                  </Group>
                  {/* A reminder's body repeats its subject and link for e-mail; here both are shown already. */}
                  {!m.body.startsWith(m.subject) && (
                    <Text size="sm" style={{ whiteSpace: "pre-line" }}>
                      {m.body}
                    </Text>
                  )}
                  <Text size="xs" c="dimmed">
                    {formatDate(m.createdAt, true)}
                  </Text>
                  {m.link?.startsWith("/") && (
                    <Anchor href={m.link} size="sm">
                      {t("inbox.open")}
                    </Anchor>
                  )}
                </Stack>
                {!m.readAt && (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => markRead.mutate(m.id)}
                    aria-label={t("inbox.markReadNamed", { subject })}
                  >
                    {t("inbox.markRead")}
                  </Button>
                )}
              </Group>
            </Card>
          );
        })}
      </Stack>
      <LoadMore list={query} />
    </>
  );
}

export const inboxRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: "/inbox",
  component: InboxPage,
});
