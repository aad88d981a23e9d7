import { NumberInput, SimpleGrid, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AgreementFilters as Filters } from "../../lib/api";
import { CountrySelect } from "../../ui/country-select";
import { PartnerFilter } from "../organisations/partner-filter";
import { AgreementKindSelect, AgreementStatusSelect } from "./agreement-labels";

/** Search as you type and filters, kept in the URL so a filtered list can be shared. */
export function AgreementFilters({ filters, onChange }: { filters: Filters; onChange: (next: Filters) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState(filters.q ?? "");
  const [theme, setTheme] = useState(filters.theme ?? "");
  const [debouncedQ] = useDebouncedValue(q, 250);
  const [debouncedTheme] = useDebouncedValue(theme, 250);
  useEffect(() => {
    const nextQ = debouncedQ.trim() || undefined;
    const nextTheme = debouncedTheme.trim() || undefined;
    if (filters.q !== nextQ || filters.theme !== nextTheme) onChange({ ...filters, q: nextQ, theme: nextTheme });
  }, [debouncedQ, debouncedTheme, filters, onChange]);
  return (
    <search aria-label={t("agreements.filters.label")}>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} mb="lg">
        <TextInput
          label={t("agreements.filters.search")}
          placeholder={t("agreements.filters.searchPlaceholder")}
          type="search"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
        />
        <AgreementKindSelect
          label={t("agreements.fields.kind")}
          placeholder={t("agreements.filters.any")}
          clearable
          value={filters.kind ?? null}
          onChange={(kind) => onChange({ ...filters, kind: kind ?? undefined })}
        />
        <AgreementStatusSelect
          label={t("agreements.fields.status")}
          placeholder={t("agreements.filters.any")}
          clearable
          value={filters.status ?? null}
          onChange={(status) => onChange({ ...filters, status: status ?? undefined })}
        />
        <PartnerFilter
          label={t("agreements.filters.partner")}
          value={filters.partner}
          onChange={(partner) => onChange({ ...filters, partner })}
        />
        <CountrySelect
          label={t("agreements.filters.country")}
          placeholder={t("agreements.filters.any")}
          value={filters.country ?? null}
          onChange={(country) => onChange({ ...filters, country: country ?? undefined })}
        />
        <TextInput
          label={t("agreements.filters.theme")}
          value={theme}
          onChange={(e) => setTheme(e.currentTarget.value)}
        />
        <NumberInput
          label={t("agreements.filters.expiringWithin")}
          min={0}
          max={3650}
          allowDecimal={false}
          value={filters.expiringWithinDays ?? ""}
          onChange={(v) => onChange({ ...filters, expiringWithinDays: typeof v === "number" ? v : undefined })}
        />
      </SimpleGrid>
    </search>
  );
}
