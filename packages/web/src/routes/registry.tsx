import { Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { createRoute, useNavigate } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { RegistryImportForm } from "../features/registry/registry-import-form";
import { RegistryResult } from "../features/registry/registry-result";
import { api } from "../lib/api";
import { useCan } from "../lib/session";
import { Loading } from "../ui/loading";
import { PageHeader } from "../ui/page-header";
import { ProblemAlert } from "../ui/problem-alert";
import { internalRoute } from "./internal";

function RegistryPage() {
  const { t } = useTranslation();
  const isAdmin = useCan("admin");
  const { q: initial } = registryRoute.useSearch();
  const navigate = useNavigate({ from: "/registry" });
  const [q, setQ] = useState(initial ?? "");
  const [debounced] = useDebouncedValue(q.trim(), 250);
  useEffect(() => {
    void navigate({ search: debounced ? { q: debounced } : {}, replace: true });
  }, [debounced, navigate]);
  // A link to another search (a successor, a parent) changes the address, not what was typed.
  const [followed, setFollowed] = useState(initial);
  if (initial !== followed) {
    setFollowed(initial);
    if (initial !== undefined && initial !== debounced) setQ(initial);
  }
  const results = useQuery({
    queryKey: ["registry", debounced],
    queryFn: () => api.registry.search(debounced, 10),
    enabled: debounced.length > 0,
    placeholderData: keepPreviousData,
  });
  const items = debounced ? (results.data?.items ?? []) : [];
  return (
    <>
      <PageHeader title={t("registry.title")} subtitle={t("registry.subtitle")} />
      <Text size="sm" mb="md" maw={640} data-testid="registry-visibility">
        {t("publicStatement.registryInternal")}
      </Text>
      <TextInput
        label={t("registry.search")}
        description={t("registry.searchHint")}
        type="search"
        size="md"
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        mb="lg"
        maw={640}
        data-autofocus
      />
      <Text size="sm" c="dimmed" role="status" mb="sm">
        {debounced && results.data ? t("registry.count", { count: items.length }) : ""}
      </Text>
      {results.isError && <ProblemAlert error={results.error} />}
      {debounced && results.isPending ? (
        <Loading />
      ) : (
        <Stack gap="sm">
          {items.map((entry) => (
            <RegistryResult key={entry.id} entry={entry} />
          ))}
        </Stack>
      )}
      {isAdmin && <RegistryImportForm />}
    </>
  );
}

export const registryRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: "/registry",
  validateSearch: (search: Record<string, unknown>): { q?: string } =>
    typeof search.q === "string" && search.q.trim() ? { q: search.q.trim() } : {},
  component: RegistryPage,
});
