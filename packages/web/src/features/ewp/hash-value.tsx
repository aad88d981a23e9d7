import { Button, Code, CopyButton, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** An iia-hash, shortened for reading, with a button that copies all 64 characters. */
export function HashValue({ hash, testId }: { hash: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap" component="span">
      <Code title={hash} data-testid={testId} data-hash={hash}>
        {hash.slice(0, 12)}…
      </Code>
      <CopyButton value={hash}>
        {({ copied, copy }) => (
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={copy}
            aria-label={t("iia.state.copyHash", { hash: hash.slice(0, 12) })}
          >
            {copied ? t("iia.state.copied") : t("iia.state.copy")}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}
