import type { OrganisationKind } from "@conventio/domain";
import { Select, SimpleGrid, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { OrganisationFilters as Filters } from "../../lib/api";
import { CountrySelect } from "../../ui/country-select";
import { KindSelect } from "./kind-select";
import { useNetworks } from "./organisation-queries";

function NetworkSelect({ value, onChange }: { value: string | null; onChange: (id: string | null) => void }) {
  const { t } = useTranslation();
  const networks = useNetworks();
  return (
    <Select
      label={t("organisations.filters.network")}
      placeholder={t("organisations.filters.any")}
      searchable
      clearable
      data={(networks.data ?? []).map((n) => ({ value: n.id, label: n.acronym ? `${n.name} (${n.acronym})` : n.name }))}
      value={value}
      onChange={onChange}
      nothingFoundMessage={t("common.nothingFound")}
    />
  );
}

/** Search as you type and filters; the URL keeps them, so a filtered list can be shared or revisited. */
export function OrganisationFilters({ filters, onChange }: { filters: Filters; onChange: (next: Filters) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState(filters.q ?? "");
  const [debounced] = useDebouncedValue(q, 250);
  useEffect(() => {
    if ((filters.q ?? "") !== debounced.trim()) onChange({ ...filters, q: debounced.trim() || undefined });
  }, [debounced, filters, onChange]);
  return (
    <search aria-label={t("organisations.filters.label")}>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} mb="lg">
        <TextInput
          label={t("organisations.filters.search")}
          placeholder={t("organisations.filters.searchPlaceholder")}
          type="search"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
        />
        <KindSelect
          label={t("organisations.filters.kind")}
          placeholder={t("organisations.filters.any")}
          clearable
          allowDeselect
          value={filters.kind ?? null}
          onChange={(kind: OrganisationKind | null) => onChange({ ...filters, kind: kind ?? undefined })}
        />
        <CountrySelect
          label={t("organisations.filters.country")}
          placeholder={t("organisations.filters.any")}
          value={filters.country ?? null}
          onChange={(country) => onChange({ ...filters, country: country ?? undefined })}
        />
        <NetworkSelect
          value={filters.network ?? null}
          onChange={(network) => onChange({ ...filters, network: network ?? undefined })}
        />
      </SimpleGrid>
    </search>
  );
}
