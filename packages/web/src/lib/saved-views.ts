import type { SavedView, SavedViewList, SavedViewSearch } from "@conventio/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { api } from "./api";
import { useSession } from "./session";

/** A list's address as a view keeps it: the values set, each a text, number or yes/no. */
export function viewSearchOf(search: Record<string, unknown>): SavedViewSearch {
  return Object.fromEntries(
    Object.entries(search).filter(
      (entry): entry is [string, string | number | boolean] =>
        (typeof entry[1] === "string" && entry[1] !== "") ||
        (typeof entry[1] === "number" && Number.isFinite(entry[1])) ||
        typeof entry[1] === "boolean",
    ),
  );
}

/** Where this browser kept a person's views before they were kept on the server. */
function browserKey(userId: string, list: string): string {
  return `conventio.views.${userId}.${list}`;
}

function browserViews(key: string): { name: string; search: SavedViewSearch }[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key) ?? "[]");
    if (!Array.isArray(value)) return [];
    return value.flatMap((v) =>
      typeof v === "object" && v !== null && typeof v.name === "string" && typeof v.search === "object" && v.search
        ? [{ name: String(v.name).slice(0, 80), search: viewSearchOf(v.search as Record<string, unknown>) }]
        : [],
    );
  } catch {
    return [];
  }
}

/**
 * The views a person saved for one list, kept on the server under their account so they follow
 * them to any browser. Views this browser kept on its own before are moved there once, then
 * forgotten here. Saving under a name in use replaces that view.
 */
export function useSavedViews(list: SavedViewList) {
  const { user } = useSession();
  const client = useQueryClient();
  const queryKey = ["saved-views", list] as const;
  const query = useQuery({ queryKey, queryFn: () => api.savedViews.list(list), enabled: !!user });
  const refresh = () => client.invalidateQueries({ queryKey });
  const save = useMutation({
    mutationFn: (view: { name: string; search: Record<string, unknown> }) =>
      api.savedViews.save({ list, name: view.name, search: viewSearchOf(view.search) }),
    onSuccess: refresh,
  });
  const remove = useMutation({ mutationFn: (view: SavedView) => api.savedViews.remove(view.id), onSuccess: refresh });

  // Views this browser kept are moved one at a time, skipping names the server already holds (a
  // view saved since, from anywhere, is the newer one); any the server refuses stay in the browser.
  const onServer = query.data?.items;
  useEffect(() => {
    if (!user || !onServer) return;
    const key = browserKey(user.id, list);
    const kept = browserViews(key);
    if (kept.length === 0) return;
    localStorage.removeItem(key);
    const taken = new Set(onServer.map((v) => v.name));
    void (async () => {
      const refused: typeof kept = [];
      for (const view of kept.filter((v) => !taken.has(v.name))) {
        try {
          await api.savedViews.save({ list, ...view });
        } catch {
          refused.push(view);
        }
      }
      if (refused.length > 0) localStorage.setItem(key, JSON.stringify(refused));
      await client.invalidateQueries({ queryKey: ["saved-views", list] });
    })();
  }, [user, onServer, list, client]);

  return { views: query.data?.items ?? [], query, save, remove };
}
