import { MultiSelect, Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";

export interface PersonRef {
  id: string;
  name: string;
}

function usePeopleSearch(q: string) {
  return useQuery({
    queryKey: ["people", "search", q],
    queryFn: async () =>
      (await api.people.list({ q: q || undefined })).items.map((p) => ({
        id: p.id,
        name: `${p.givenName} ${p.familyName}`.trim(),
      })),
    placeholderData: keepPreviousData,
  });
}

interface Props {
  label: string;
  value: PersonRef | null;
  onChange: (person: PersonRef | null) => void;
  error?: string | undefined;
  description?: string;
}

/** Picks a contact by searching as you type. */
export function PersonPicker({ label, value, onChange, error, description }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(value?.name ?? "");
  const [debounced] = useDebouncedValue(search, 250);
  const results = usePeopleSearch(value && debounced === value.name ? "" : debounced);
  const options = [...(value ? [value] : []), ...(results.data ?? []).filter((p) => p.id !== value?.id)];
  return (
    <Select
      label={label}
      description={description}
      error={error}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      data={options.map((p) => ({ value: p.id, label: p.name }))}
      value={value?.id ?? null}
      onChange={(id) => onChange(options.find((p) => p.id === id) ?? null)}
      nothingFoundMessage={results.isFetching ? t("common.loading") : t("common.nothingFound")}
      placeholder={t("common.typeToSearch")}
    />
  );
}

/** Picks several contacts, e.g. the coordinators of an axis. */
export function PeoplePicker({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: readonly PersonRef[];
  onChange: (people: PersonRef[]) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const results = usePeopleSearch(debounced);
  const options = [...value, ...(results.data ?? []).filter((p) => !value.some((v) => v.id === p.id))];
  return (
    <MultiSelect
      label={label}
      error={error}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      data={options.map((p) => ({ value: p.id, label: p.name }))}
      value={value.map((p) => p.id)}
      onChange={(ids) => onChange(ids.flatMap((id) => options.filter((p) => p.id === id)))}
      nothingFoundMessage={results.isFetching ? t("common.loading") : t("common.nothingFound")}
      placeholder={t("common.typeToSearch")}
    />
  );
}
