import { Anchor, Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import { createRoute } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { api } from "../lib/api";
import { useLanguage } from "../lib/countries";
import { useFormatDate } from "../lib/format";
import { useCan } from "../lib/session";
import { useKeysetList } from "../lib/use-keyset-list";
import { AnchorLink, ButtonLink } from "../ui/links";
import { LoadMore } from "../ui/load-more";
import { TableSkeleton } from "../ui/loading";
import { PageHeader } from "../ui/page-header";
import { ProblemAlert } from "../ui/problem-alert";
import { internalRoute } from "./internal";

function NewsListPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const formatDate = useFormatDate();
  const canEdit = useCan("editor");
  const { tag } = newsListRoute.useSearch();
  const query = useKeysetList(["news", "list", tag ?? null], (cursor) => api.news.list({ tag }, cursor), {
    keepPrevious: false,
  });
  const posts = query.items;
  return (
    <>
      <PageHeader
        title={t("news.title")}
        subtitle={tag ? t("news.taggedWith", { tag }) : t("news.subtitle")}
        actions={
          <>
            {/* In the reader's language, so subscribing from here gives each post in it when translated. */}
            <Anchor href={`/api/public/news.rss?lang=${language}`}>{t("news.rss")}</Anchor>
            <Anchor href={`/api/public/news.atom?lang=${language}`}>{t("news.atom")}</Anchor>
            {canEdit && (
              <ButtonLink to="/moderation" variant="default">
                {t("nav.moderation")}
              </ButtonLink>
            )}
            {canEdit && <ButtonLink to="/news/new">{t("news.new")}</ButtonLink>}
          </>
        }
      />
      {query.isError && <ProblemAlert error={query.error} />}
      {query.isPending && <TableSkeleton />}
      <Stack gap="sm" component="ul" className="plain-list">
        {posts.map((n) => (
          <Card key={n.id} withBorder component="li" padding="md">
            <Group gap="xs">
              <Title order={2} size="h4">
                <AnchorLink to="/news/$postId" params={{ postId: n.id }}>
                  <span lang={n.lang}>{n.title}</span>
                </AnchorLink>
              </Title>
              {n.status === "draft" && (
                <Badge variant="outline" color="gray" tt="none">
                  {t("news.status.draft")}
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed">
              {[
                formatDate(n.publishedOn),
                n.category,
                n.author,
                n.sourceOutlet && t("news.source.via", { outlet: n.sourceOutlet }),
              ]
                .filter(Boolean)
                .join(" · ")}
            </Text>
            {n.summary && (
              <Text size="sm" lang={n.lang}>
                {n.summary}
              </Text>
            )}
          </Card>
        ))}
      </Stack>
      <LoadMore list={query} />
    </>
  );
}

export const newsListRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: "/news",
  validateSearch: (search: Record<string, unknown>): { tag?: string } =>
    typeof search.tag === "string" && search.tag ? { tag: search.tag } : {},
  component: NewsListPage,
});
