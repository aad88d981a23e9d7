import type { SsoFailure } from "@conventio/domain";
import { Alert, Button, Divider, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { sso } from "../../lib/api/sso";

/**
 * A button per sign-in provider, and why the last sign-in through one failed. The buttons are
 * plain links: the browser leaves for the provider and comes back through the server.
 */
export function SsoSignIn({ failure, redirect }: { failure?: SsoFailure | undefined; redirect?: string | undefined }) {
  const { t } = useTranslation();
  const providers = useQuery({ queryKey: ["sign-in-providers"], queryFn: sso.buttons });
  const items = providers.data?.items ?? [];
  const suffix = redirect ? `?redirect=${encodeURIComponent(redirect)}` : "";
  return (
    <>
      {failure && (
        // The title sits in the body: Mantine's light red title is too faint to read on its background.
        <Alert color="red" variant="light" role="alert">
          <Text fw={700}>{t("sso.failedTitle")}</Text>
          <Text>{t(`sso.errors.${failure}`)}</Text>
        </Alert>
      )}
      {items.length > 0 && (
        <Stack gap="xs">
          {items.map((p) => (
            <Button key={p.slug} component="a" href={`${p.startUrl}${suffix}`} variant="default" size="md">
              {t("sso.signInWith", { name: p.name })}
            </Button>
          ))}
          <Divider label={t("sso.orPassword")} labelPosition="center" />
        </Stack>
      )}
    </>
  );
}
