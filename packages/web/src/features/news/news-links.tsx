import type { NewsSummary } from "@conventio/domain";
import { Stack, Text } from "@mantine/core";
import { useFormatDate } from "../../lib/format";
import { AnchorLink } from "../../ui/links";

/** Posts as a list of links with their date, each title marked with the language it is written in. */
export function NewsLinks({ posts }: { posts: NewsSummary[] }) {
  const formatDate = useFormatDate();
  return (
    <Stack gap="xs" component="ul" className="plain-list">
      {posts.map((n) => (
        <li key={n.id}>
          <AnchorLink to="/news/$postId" params={{ postId: n.id }}>
            <span lang={n.lang}>{n.title}</span>
          </AnchorLink>{" "}
          <Text span size="sm" c="dimmed">
            {formatDate(n.publishedOn)}
          </Text>
        </li>
      ))}
    </Stack>
  );
}
