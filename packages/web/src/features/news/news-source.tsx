import type { NewsSummary } from "@conventio/domain";
import { Anchor, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormatDate } from "../../lib/format";

/**
 * Where a relayed article first appeared: its outlet, its date and a link to the original. The
 * link names the outlet, so a screen reader's list of links says where each one goes; it is
 * underlined, as a link inside a sentence must not be told apart by its colour alone.
 */
export function NewsSource({ post }: { post: Pick<NewsSummary, "sourceOutlet" | "sourceUrl" | "sourcePublishedOn"> }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const { sourceOutlet: outlet, sourceUrl: url, sourcePublishedOn: date } = post;
  if (!outlet) return null;
  return (
    <Text size="sm" c="dimmed" component="p">
      {date ? t("news.source.publishedOn", { outlet, date: formatDate(date) }) : t("news.source.published", { outlet })}
      {url && (
        <>
          {" "}
          <Anchor href={url} rel="noopener noreferrer" size="sm" underline="always">
            {t("news.source.readOriginal", { outlet })}
          </Anchor>
        </>
      )}
    </Text>
  );
}
