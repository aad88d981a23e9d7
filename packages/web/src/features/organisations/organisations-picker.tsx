import type { OrganisationRef } from "@conventio/domain";
import { MultiSelect } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useOrganisationSearch } from "./organisation-queries";

/** Picks several organisations by searching as you type. */
export function OrganisationsPicker({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: readonly OrganisationRef[];
  onChange: (organisations: OrganisationRef[]) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const results = useOrganisationSearch(debounced);
  const found = (results.data ?? []).map((o) => ({ id: o.id, name: o.name, shown: o.shown, kind: o.kind }));
  const options = [...value, ...found.filter((o) => !value.some((v) => v.id === o.id))];
  return (
    <MultiSelect
      label={label}
      error={error}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      data={options.map((o) => ({ value: o.id, label: o.name }))}
      value={value.map((o) => o.id)}
      onChange={(ids) => onChange(ids.flatMap((id) => options.filter((o) => o.id === id)))}
      nothingFoundMessage={results.isFetching ? t("common.loading") : t("common.nothingFound")}
      placeholder={t("common.typeToSearch")}
    />
  );
}
