import { useCallback, useState } from "react";
import { useSession } from "./session";

/** A list's filters and sort as a person saved them, under the name they gave. */
export interface SavedView {
  name: string;
  search: Record<string, unknown>;
}

function storageKey(userId: string, list: string): string {
  return `conventio.views.${userId}.${list}`;
}

function readViews(key: string): SavedView[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key) ?? "[]");
    if (!Array.isArray(value)) return [];
    return value.filter(
      (v): v is SavedView =>
        typeof v === "object" && v !== null && typeof v.name === "string" && typeof v.search === "object",
    );
  } catch {
    return [];
  }
}

/**
 * The views a person saved for one list, kept in this browser under their account (another
 * person signing in here sees their own). Saving under a name in use replaces that view.
 */
export function useSavedViews(list: string) {
  const { user } = useSession();
  const key = storageKey(user?.id ?? "anonymous", list);
  const [views, setViews] = useState<SavedView[]>(() => readViews(key));
  const store = useCallback(
    (next: SavedView[]) => {
      localStorage.setItem(key, JSON.stringify(next));
      setViews(next);
    },
    [key],
  );
  const save = useCallback(
    (name: string, search: Record<string, unknown>) =>
      store([...readViews(key).filter((v) => v.name !== name), { name, search }]),
    [key, store],
  );
  const remove = useCallback((name: string) => store(readViews(key).filter((v) => v.name !== name)), [key, store]);
  return { views, save, remove };
}
