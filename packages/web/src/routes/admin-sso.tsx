import type { SsoProviderView } from "@conventio/domain";
import { Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { createRoute } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ProviderForm, providersKey } from "../features/sso/provider-form";
import { ProvidersTable } from "../features/sso/providers-table";
import { sso } from "../lib/api/sso";
import { Loading } from "../ui/loading";
import { PageHeader } from "../ui/page-header";
import { ProblemAlert } from "../ui/problem-alert";
import { Section } from "../ui/section";
import { adminRoute } from "./admin";

function SsoProvidersPage() {
  const { t } = useTranslation();
  const providers = useQuery({ queryKey: providersKey, queryFn: sso.list });
  const [editing, setEditing] = useState<SsoProviderView | null>(null);
  const postLogout = providers.data?.items[0]?.postLogoutRedirectUri;
  return (
    <Stack gap="lg">
      <PageHeader title={t("sso.admin.title")} subtitle={t("sso.admin.subtitle")} />
      {providers.isError && <ProblemAlert error={providers.error} />}
      {providers.data ? (
        <ProvidersTable providers={providers.data.items} onEdit={setEditing} />
      ) : (
        !providers.isError && <Loading />
      )}
      {postLogout && (
        <Text size="sm" c="dimmed">
          {t("sso.admin.postLogout", { uri: postLogout })}
        </Text>
      )}
      <Section title={editing ? t("sso.admin.editOf", { name: editing.name }) : t("sso.admin.addTitle")}>
        <ProviderForm key={editing?.id ?? "new"} provider={editing} onDone={() => setEditing(null)} />
      </Section>
    </Stack>
  );
}

/** Sign-in providers (OpenID Connect): who may sign in through which institution, with which role. */
export const adminSsoRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: "/sign-in-providers",
  component: SsoProvidersPage,
});
