import type { AuditEventView, Page } from "@conventio/domain";
import { get, queryString } from "./core";

export const audit = {
  list: (cursor?: string) => get<Page<AuditEventView>>(`/api/audit${queryString({ cursor, limit: 50 })}`),
};
