import { createRoute } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { PartnerMapSection } from "../features/map/partner-map-section";
import { PageHeader } from "../ui/page-header";
import { internalRoute } from "./internal";

function MapPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("map.title")} subtitle={t("map.subtitle")} />
      <PartnerMapSection linkCountries />
    </>
  );
}

export const mapRoute = createRoute({
  getParentRoute: () => internalRoute,
  path: "/map",
  component: MapPage,
});
