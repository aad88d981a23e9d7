/**
 * Text folding shared by every search path: the database indexes and the queries are
 * folded the same way, so "linkoping" meets "Linköping" on SQLite and PostgreSQL alike.
 */

const SPECIAL_LETTERS: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  đ: "d",
  ð: "d",
  þ: "th",
  ł: "l",
  ı: "i",
};

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Lower-cases, strips diacritics and maps letters that do not decompose (ø, ł, ß). */
export function foldText(value: string): string {
  // Printable ASCII has nothing to decompose or map: lower-casing is the whole fold.
  if (PRINTABLE_ASCII.test(value)) return value.toLowerCase();
  return value
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[ßæœøđðþłı]/g, (ch) => SPECIAL_LETTERS[ch] ?? ch);
}

/** Splits folded text into word tokens (letters and digits of any script). */
export function searchTokens(value: string): string[] {
  return foldText(value).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Text stored in a search index: folded tokens joined by single spaces. */
export function searchDocument(parts: ReadonlyArray<string | null | undefined>): string {
  return parts
    .filter((p): p is string => typeof p === "string" && p.length > 0)
    .flatMap(searchTokens)
    .join(" ");
}

/** The letter pairs of a name's folded words, counted: what name similarity compares. */
export function nameBigrams(name: string): Map<string, number> {
  const t = searchTokens(name).join(" ");
  const out = new Map<string, number>();
  for (let i = 0; i < t.length - 1; i++) {
    const g = t.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Similarity in [0, 1] of two names' letter pairs (Sørensen–Dice). */
export function bigramSimilarity(x: ReadonlyMap<string, number>, y: ReadonlyMap<string, number>): number {
  let total = 0;
  let shared = 0;
  for (const n of x.values()) total += n;
  for (const n of y.values()) total += n;
  if (total === 0) return 0;
  for (const [g, n] of x) shared += Math.min(n, y.get(g) ?? 0);
  return (2 * shared) / total;
}

/** Similarity of two names in [0, 1], on folded word tokens (Sørensen–Dice over bigrams). */
export function nameSimilarity(a: string, b: string): number {
  return bigramSimilarity(nameBigrams(a), nameBigrams(b));
}
