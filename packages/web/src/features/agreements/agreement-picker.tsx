import type { AgreementRef } from "@conventio/domain";
import { Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";

export type AgreementChoice = Pick<AgreementRef, "id" | "reference" | "title">;

/** Picks an agreement by searching its title, reference or partners. */
export function AgreementPicker({
  label,
  value,
  onChange,
  error,
  required,
}: {
  label: string;
  value: AgreementChoice | null;
  onChange: (agreement: AgreementChoice | null) => void;
  error?: string | undefined;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(value ? `${value.reference} · ${value.title}` : "");
  const [debounced] = useDebouncedValue(search, 250);
  const labelOf = (a: AgreementChoice) => `${a.reference} · ${a.title}`;
  const q = value && debounced === labelOf(value) ? "" : debounced;
  const results = useQuery({
    queryKey: ["agreements", "search", q],
    queryFn: async () => (await api.agreements.list({ q: q || undefined })).items.slice(0, 15),
    placeholderData: keepPreviousData,
  });
  const options = [...(value ? [value] : []), ...(results.data ?? []).filter((a) => a.id !== value?.id)];
  return (
    <Select
      label={label}
      error={error}
      required={required}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      data={options.map((a) => ({ value: a.id, label: labelOf(a) }))}
      value={value?.id ?? null}
      onChange={(id) => {
        const found = options.find((a) => a.id === id);
        onChange(found ? { id: found.id, reference: found.reference, title: found.title } : null);
      }}
      nothingFoundMessage={results.isFetching ? t("common.loading") : t("common.nothingFound")}
      placeholder={t("common.typeToSearch")}
    />
  );
}
