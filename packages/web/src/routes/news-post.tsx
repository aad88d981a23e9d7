import { Badge, Card, Divider, Group, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { createRoute } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { PublicPartnershipLink } from "../features/agreements/public-partnership-link";
import { Comments } from "../features/news/comments";
import { NewsSource } from "../features/news/news-source";
import { RecordPictures } from "../features/pictures/record-pictures";
import { api } from "../lib/api";
import { useFormatDate } from "../lib/format";
import { useCan, useSession } from "../lib/session";
import { AnchorLink, ButtonLink } from "../ui/links";
import { Loading } from "../ui/loading";
import { PageHeader } from "../ui/page-header";
import { ProblemAlert } from "../ui/problem-alert";
import { rootRoute } from "./root";

/** A post as anyone reads it: published posts are public; staff also see drafts. */
function NewsPostPage() {
  const { t, i18n } = useTranslation();
  const formatDate = useFormatDate();
  const canEdit = useCan("editor");
  const { user } = useSession();
  const { postId } = newsPostRoute.useParams();
  // A feed links each item to the version it carried: ?lang= picks it, when the post has it.
  const { lang: asked } = newsPostRoute.useSearch();
  const query = useQuery({ queryKey: ["news", "detail", postId], queryFn: () => api.news.get(postId) });
  const [chosen, setChosen] = useState<string | null>(null);
  if (query.isError) return <ProblemAlert error={query.error} />;
  if (!query.data) return <Loading />;
  const n = query.data;
  const versions = [{ lang: n.lang, title: n.title, body: n.body }, ...n.translations];
  const preferred = [asked, i18n.resolvedLanguage].find((l) => versions.some((v) => v.lang === l)) ?? n.lang;
  const shown = versions.find((v) => v.lang === (chosen ?? preferred)) ?? versions[0];
  if (!shown) return null;
  return (
    <Stack gap="lg" maw={860}>
      <PageHeader
        title={shown.title}
        subtitle={[formatDate(n.publishedOn), n.category, n.author].filter(Boolean).join(" · ")}
        actions={
          canEdit && (
            <ButtonLink to="/news/$postId/edit" params={{ postId: n.id }}>
              {t("common.edit")}
            </ButtonLink>
          )
        }
      />
      {versions.length > 1 && (
        <SegmentedControl
          aria-label={t("news.readIn")}
          value={shown.lang}
          onChange={setChosen}
          data={versions.map((v) => ({ value: v.lang, label: v.lang.toUpperCase() }))}
          w="fit-content"
        />
      )}
      <article lang={shown.lang}>
        {n.summary && shown.lang === n.lang && (
          <Text fw={600} mb="sm">
            {n.summary}
          </Text>
        )}
        <Text style={{ whiteSpace: "pre-line" }}>{shown.body}</Text>
      </article>
      <NewsSource post={n} />
      <RecordPictures owner={{ kind: "news", id: n.id }} />
      {n.tags.length > 0 && (
        <Group gap="xs" aria-label={t("news.fields.tags")} role="list">
          {n.tags.map((tag) => (
            <Badge key={tag} role="listitem" variant="outline" color="gray" tt="none">
              {user ? (
                <AnchorLink to="/news" search={{ tag }} size="xs">
                  {tag}
                </AnchorLink>
              ) : (
                tag
              )}
            </Badge>
          ))}
        </Group>
      )}
      {n.agreement && (
        <PublicPartnershipLink agreementId={n.agreement.id}>
          {(title) => (
            <Text size="sm" component="span" display="block">
              {t("news.aboutPartnership")} {title}
            </Text>
          )}
        </PublicPartnershipLink>
      )}
      {n.related.length > 0 && (
        <Card withBorder component="aside" aria-labelledby="related-title">
          <Title order={2} size="h4" id="related-title" mb="xs">
            {t("news.related")}
          </Title>
          <Stack gap={4} component="ul" className="plain-list">
            {n.related.map((r) => (
              <li key={r.id}>
                <AnchorLink to="/news/$postId" params={{ postId: r.id }}>
                  <span lang={r.lang}>{r.title}</span>
                </AnchorLink>{" "}
                <Text span size="sm" c="dimmed">
                  {formatDate(r.publishedOn)}
                </Text>
              </li>
            ))}
          </Stack>
        </Card>
      )}
      <Divider />
      <Comments postId={n.id} />
    </Stack>
  );
}

export const newsPostRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/news/$postId",
  validateSearch: (search: Record<string, unknown>): { lang?: string } =>
    typeof search.lang === "string" && /^[a-z]{2,3}$/.test(search.lang) ? { lang: search.lang } : {},
  component: NewsPostPage,
});
