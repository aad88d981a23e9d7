import { createRoute, useNavigate } from "@tanstack/react-router";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { MapFilterBar, validateMapSearch } from "../features/map/map-filters";
import { PartnerMapSection } from "../features/map/partner-map-section";
import type { MapFilters } from "../lib/api/organisations";
import { PageHeader } from "../ui/page-header";
import { internalRoute } from "./internal";

function MapPage() {
  const { t } = useTranslation();
  const filters = mapRoute.useSearch();
  const navigate = useNavigate({ from: "/map" });
  // A filter is a step of history: back returns to the previous view of the map.
  const setFilters = useCallback(
    (next: MapFilters) => void navigate({ search: validateMapSearch({ ...next }) }),
    [navigate],
  );
  return (
    <>
      <PageHeader title={t("map.title")} subtitle={t("map.subtitle")} />
      <MapFilterBar filters={filters} onChange={setFilters} />
      <PartnerMapSection linkCountries filters={filters} />
    </>
  );
}

export const mapRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: "/map",
  validateSearch: validateMapSearch,
  component: MapPage,
});
