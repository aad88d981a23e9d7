import type { OrganisationKind, OrganisationRef } from "@conventio/domain";
import { Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useOrganisationSearch } from "./organisation-queries";

interface Props {
  label: string;
  value: OrganisationRef | null;
  onChange: (organisation: OrganisationRef | null) => void;
  kinds?: readonly OrganisationKind[];
  /** Ids that make no sense here, e.g. the organisation being edited. */
  exclude?: readonly string[];
  description?: string;
  error?: string | undefined;
  required?: boolean;
}

/** Picks an organisation by searching as you type; the server does the matching. */
export function OrganisationPicker({
  label,
  value,
  onChange,
  kinds,
  exclude = [],
  description,
  error,
  required,
}: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(value?.name ?? "");
  // A value set from outside (a name read after the page opened) shows in the box.
  const valueName = value?.name;
  useEffect(() => {
    if (valueName !== undefined) setSearch(valueName);
  }, [valueName]);
  const [debounced] = useDebouncedValue(search, 250);
  // Once picked, the box shows the name; searching by that name again would only repeat it.
  const query = value && debounced === value.name ? "" : debounced;
  const results = useOrganisationSearch(query, kinds);
  const found = (results.data ?? []).filter((o) => !exclude.includes(o.id));
  const options = [...(value ? [value] : []), ...found.filter((o) => o.id !== value?.id)];
  return (
    <Select
      label={label}
      description={description}
      error={error}
      required={required}
      searchable
      clearable
      searchValue={search}
      onSearchChange={(text) => {
        setSearch(text);
        // The clear button is for the mouse only: emptying the box clears the choice from the keyboard.
        if (value && text === "") onChange(null);
      }}
      filter={({ options: all }) => all}
      data={options.map((o) => ({ value: o.id, label: o.name }))}
      value={value?.id ?? null}
      onChange={(id) => {
        const picked = options.find((o) => o.id === id);
        onChange(picked ? { id: picked.id, name: picked.name, shown: picked.shown, kind: picked.kind } : null);
      }}
      nothingFoundMessage={results.isFetching ? t("common.loading") : t("common.nothingFound")}
      placeholder={t("common.typeToSearch")}
    />
  );
}
