import { expect } from "vitest";
import type { Session, TestContext } from "./harness.js";

/**
 * Every item of a paged list, read `size` at a time by following the cursors, so a test sees
 * the order across page boundaries as well as within a page. `path` is the list's address with
 * its query ("/api/people?sort=title").
 */
export async function walkPages<T>(ctx: TestContext, session: Session, path: string, size = 2): Promise<T[]> {
  const items: T[] = [];
  const joiner = path.includes("?") ? "&" : "?";
  let cursor: string | null = null;
  do {
    const url = `${path}${joiner}limit=${size}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    const res = await ctx.app.inject({ method: "GET", url, headers: session.headers });
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as { items: T[]; nextCursor: string | null };
    items.push(...page.items);
    // A cursor handed back twice would walk forever: a keyset fault, told as such.
    if (page.nextCursor !== null && page.nextCursor === cursor) throw new Error(`${path}: the same cursor came back`);
    if (items.length > 1_000) throw new Error(`${path}: more than 1,000 items; is the walk going round?`);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}
