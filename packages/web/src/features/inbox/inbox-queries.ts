import { queryOptions } from "@tanstack/react-query";
import { api } from "../../lib/api";

export const inboxQuery = queryOptions({ queryKey: ["me", "inbox"], queryFn: api.me.inbox, staleTime: 30_000 });
