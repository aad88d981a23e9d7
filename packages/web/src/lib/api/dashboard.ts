import type { DashboardView } from "@conventio/domain";
import { get } from "./core";

/** The dashboard's figures; `fresh` has them worked out now rather than served as kept a moment ago. */
export const dashboard = (fresh = false) => get<DashboardView>(fresh ? "/api/dashboard?fresh=true" : "/api/dashboard");
