import type { FooterLink } from "@conventio/domain";
import { MAX_FOOTER_LINKS } from "@conventio/domain";
import { Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { RemoveButton } from "../../ui/remove-button";

/** A footer link being edited, with a key that stays with the row as others are removed. */
export type LinkRow = FooterLink & { key: number };

let nextKey = 0;
const keyed = (link: FooterLink): LinkRow => ({ ...link, key: nextKey++ });

export const linkRowsOf = (links: readonly FooterLink[]): LinkRow[] => links.map(keyed);

/** The links at the foot of every public page: a label and an address a row, added and removed. */
export function FooterLinkRows({
  rows,
  onChange,
  error,
}: {
  rows: LinkRow[];
  onChange: (rows: LinkRow[]) => void;
  error: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const patch = (i: number, change: Partial<FooterLink>) =>
    onChange(rows.map((row, j) => (j === i ? { ...row, ...change } : row)));
  return (
    <Stack gap="xs">
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("siteSettings.noFooterLinks")}
        </Text>
      )}
      {rows.map((row, i) => (
        <Group key={row.key} align="flex-start" wrap="nowrap">
          <TextInput
            style={{ flex: 1 }}
            label={t("siteSettings.linkLabel", { n: i + 1 })}
            required
            value={row.label}
            onChange={(e) => patch(i, { label: e.currentTarget.value })}
            error={error(`footerLinks.${i}.label`)}
          />
          <TextInput
            style={{ flex: 2 }}
            label={t("siteSettings.linkUrl", { n: i + 1 })}
            required
            type="url"
            value={row.url}
            onChange={(e) => patch(i, { url: e.currentTarget.value })}
            error={error(`footerLinks.${i}.url`)}
          />
          <RemoveButton
            label={t("siteSettings.removeLink", { n: i + 1 })}
            mt={30}
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          />
        </Group>
      ))}
      <Group>
        <Button
          variant="default"
          size="xs"
          disabled={rows.length >= MAX_FOOTER_LINKS}
          onClick={() => onChange([...rows, keyed({ label: "", url: "" })])}
        >
          {t("siteSettings.addLink")}
        </Button>
      </Group>
    </Stack>
  );
}
