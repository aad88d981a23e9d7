import type { DashboardView } from "@conventio/domain";
import { get } from "./core";

export const dashboard = () => get<DashboardView>("/api/dashboard");
