import { useQuery } from "@tanstack/react-query";
import { api } from "../../lib/api";
import { useCan, useSession } from "../../lib/session";

type Account = { id: string; name: string };

/**
 * The accounts work can be given to, as options for a select; `current` (an owner who may since
 * have been disabled) stays among them so that an edit does not lose it.
 */
export function useAssignable(current?: Account | null): { value: string; label: string }[] {
  const canEdit = useCan("editor");
  const { user } = useSession();
  const accounts = useQuery({
    queryKey: ["users", "assignable"],
    queryFn: api.users.assignable,
    enabled: canEdit,
    staleTime: 60_000,
  });
  const items: Account[] = accounts.data?.items ?? (user ? [{ id: user.id, name: user.name }] : []);
  const all = current && !items.some((a) => a.id === current.id) ? [...items, current] : items;
  return all.map((a) => ({ value: a.id, label: a.name }));
}
