import { Card, Center, Group, Loader, Skeleton, Stack, VisuallyHidden } from "@mantine/core";
import type { ReactNode } from "react";
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

/** The region a placeholder stands in: busy for assistive technology, saying "Loading" once. */
function Placeholder({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" role="status" aria-busy="true" className="loading-placeholder">
      <VisuallyHidden>{t("common.loading")}</VisuallyHidden>
      {children}
    </Stack>
  );
}

/**
 * The shape of a detail page (title, a line of facts, two sections) while its record loads, so
 * the page does not jump from blank to full when the call returns.
 */
export function PageSkeleton() {
  return (
    <Placeholder>
      <Skeleton height={34} width="55%" radius="sm" />
      <Group gap="xs">
        <Skeleton height={22} width={90} radius="xl" />
        <Skeleton height={16} width={220} radius="sm" />
      </Group>
      {[0, 1].map((section) => (
        <Card withBorder padding="lg" key={section}>
          <Skeleton height={22} width="30%" radius="sm" mb="md" />
          <Stack gap="xs">
            <Skeleton height={14} radius="sm" />
            <Skeleton height={14} width="90%" radius="sm" />
            <Skeleton height={14} width="75%" radius="sm" />
          </Stack>
        </Card>
      ))}
    </Placeholder>
  );
}

/** A list's rows while its first page loads. */
export function TableSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <Placeholder>
      <Stack gap={10}>
        <Skeleton height={18} width="100%" radius="sm" />
        {Array.from({ length: rows }, (_, row) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have nothing but their place.
          <Skeleton key={row} height={28} radius="sm" />
        ))}
      </Stack>
    </Placeholder>
  );
}
