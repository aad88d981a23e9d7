import { AGREEMENT_STATUSES, ORGANISATION_KINDS, type OrganisationKind } from "@conventio/domain";
import { Select, SimpleGrid } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api";
import type { MapFilters } from "../../lib/api/organisations";
import { useLanguage } from "../../lib/countries";
import { textParam } from "../../lib/search-params";
import { AgreementStatusSelect } from "../agreements/agreement-labels";

/** Kinds a partner can be: units are our own side, never partners. */
const PARTNER_KINDS = ORGANISATION_KINDS.filter((k): k is Exclude<OrganisationKind, "unit"> => k !== "unit");

/** The map's filters read from the address; anything unknown is dropped, as the lists do. */
export function validateMapSearch(search: Record<string, unknown>): MapFilters {
  const kind = PARTNER_KINDS.find((k) => k === search.kind);
  const status = AGREEMENT_STATUSES.find((s) => s === search.status);
  const unit = textParam(search.unit);
  return {
    ...(kind ? { kind } : {}),
    ...(status ? { status } : {}),
    ...(unit && /^[\w-]{1,64}$/.test(unit) ? { unit } : {}),
  };
}

/** The units of the institution, to pick the one responsible for the agreements. */
function useUnits() {
  const lang = useLanguage();
  return useQuery({
    queryKey: ["map", "units", lang],
    queryFn: async () => (await api.organisations.list({ kind: "unit", sort: "name" }, { limit: 200 }, lang)).items,
    staleTime: 60_000,
  });
}

/** Kind of partner, agreement status and responsible unit; the address keeps them. */
export function MapFilterBar({ filters, onChange }: { filters: MapFilters; onChange: (next: MapFilters) => void }) {
  const { t } = useTranslation();
  const units = useUnits();
  return (
    <search aria-label={t("map.filters")}>
      <SimpleGrid cols={{ base: 1, sm: 3 }} mb="lg">
        <Select
          label={t("map.kind")}
          placeholder={t("map.any")}
          clearable
          data={PARTNER_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
          value={filters.kind ?? null}
          onChange={(kind) => onChange({ ...filters, kind: PARTNER_KINDS.find((k) => k === kind) })}
        />
        <AgreementStatusSelect
          label={t("map.status")}
          placeholder={t("map.any")}
          clearable
          value={filters.status ?? null}
          onChange={(status) => onChange({ ...filters, status: status ?? undefined })}
        />
        <Select
          label={t("map.unit")}
          placeholder={t("map.any")}
          searchable
          clearable
          data={(units.data ?? []).map((u) => ({ value: u.id, label: u.shown.text }))}
          value={filters.unit ?? null}
          onChange={(unit) => onChange({ ...filters, unit: unit ?? undefined })}
          nothingFoundMessage={t("common.nothingFound")}
        />
      </SimpleGrid>
    </search>
  );
}
