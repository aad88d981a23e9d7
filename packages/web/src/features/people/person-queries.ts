import { queryOptions } from "@tanstack/react-query";
import { api } from "../../lib/api";

export const personKeys = {
  all: ["people"] as const,
  detail: (id: string) => ["people", "detail", id] as const,
};

export const personQuery = (id: string) =>
  queryOptions({ queryKey: personKeys.detail(id), queryFn: () => api.people.get(id) });
