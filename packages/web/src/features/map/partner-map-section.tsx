import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { lazy, Suspense } from "react";
import { api } from "../../lib/api";
import type { MapFilters } from "../../lib/api/organisations";
import { Loading } from "../../ui/loading";
import { ProblemAlert } from "../../ui/problem-alert";

// The outlines weigh about 100 kB; pages without a map do not load them.
const PartnerMap = lazy(() => import("./partner-map").then((m) => ({ default: m.PartnerMap })));

/** The partner map with its data: public counts for visitors, all partners for signed-in readers. */
export function PartnerMapSection({ linkCountries, filters = {} }: { linkCountries: boolean; filters?: MapFilters }) {
  const counts = useQuery({
    queryKey: ["map", "countries", filters],
    queryFn: () => api.map.partnerCounts(filters),
    placeholderData: keepPreviousData,
  });
  const loading = <Loading height={200} />;
  if (counts.isError) return <ProblemAlert error={counts.error} />;
  if (!counts.data) return loading;
  return (
    <Suspense fallback={loading}>
      <PartnerMap counts={counts.data.items} linkCountries={linkCountries} kind={filters.kind} />
    </Suspense>
  );
}
