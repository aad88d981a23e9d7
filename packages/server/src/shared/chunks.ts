/** Rows per statement in bulk writes and lookups: well under both engines' limits on bound parameters. */
export const CHUNK = 500;

/** The items in consecutive slices of at most `size`. */
export function chunksOf<T>(items: ReadonlyArray<T>, size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
