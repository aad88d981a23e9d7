import type { NewsView } from "@conventio/domain";
import { Badge, Card, Divider, Group, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormatDate } from "../../lib/format";
import { useSession } from "../../lib/session";
import { AnchorLink } from "../../ui/links";
import { PageHeader } from "../../ui/page-header";
import { PublicPartnershipLink } from "../agreements/public-partnership-link";
import { PublicPictures } from "../pictures/public-pictures";
import { RecordPictures } from "../pictures/record-pictures";
import { Comments } from "./comments";
import { NewsSource } from "./news-source";

/**
 * A post's page in the version the reader asked for (`asked`, from a feed's ?lang=) or reads.
 * `asPublic` renders it as an anonymous reader gets it whoever is signed in: plain tags, only the
 * pictures the public sees, approved comments.
 */
export function NewsArticle({
  post: n,
  asked,
  actions,
  asPublic = false,
}: {
  post: NewsView;
  asked?: string | undefined;
  actions?: ReactNode;
  asPublic?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const formatDate = useFormatDate();
  const { user } = useSession();
  const [chosen, setChosen] = useState<string | null>(null);
  const versions = [{ lang: n.lang, title: n.title, body: n.body }, ...n.translations];
  const preferred = [asked, i18n.resolvedLanguage].find((l) => versions.some((v) => v.lang === l)) ?? n.lang;
  const shown = versions.find((v) => v.lang === (chosen ?? preferred)) ?? versions[0];
  if (!shown) return null;
  return (
    <Stack gap="lg" maw={860}>
      <PageHeader
        title={shown.title}
        subtitle={[formatDate(n.publishedOn), n.category, n.author].filter(Boolean).join(" · ")}
        actions={actions}
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
      {asPublic ? (
        <PublicPictures owner={{ kind: "news", id: n.id }} />
      ) : (
        <RecordPictures owner={{ kind: "news", id: n.id }} />
      )}
      {n.tags.length > 0 && (
        <Group gap="xs" aria-label={t("news.fields.tags")} role="list">
          {n.tags.map((tag) => (
            <Badge key={tag} role="listitem" variant="outline" color="gray" tt="none">
              {user && !asPublic ? (
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
      <Comments postId={n.id} asPublic={asPublic} />
    </Stack>
  );
}
