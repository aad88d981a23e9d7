/** Shades of the partner map, lightest to darkest; the first is "no partners". */
export const SHADES = ["#e9ecef", "#d0ebff", "#74c0fc", "#339af0", "#1971c2", "#0b3d75"] as const;

/**
 * Class breaks for the counts: partner counts are skewed (one home country, many with one or
 * two partners), so the classes grow geometrically up to the largest count.
 */
export function classBreaks(max: number): number[] {
  const classes = SHADES.length - 1;
  if (max <= classes) return Array.from({ length: Math.max(max, 1) }, (_, i) => i + 1);
  const breaks: number[] = [1];
  for (let i = 1; i < classes; i++) {
    const next = Math.round(max ** (i / classes));
    breaks.push(Math.max(next, (breaks[i - 1] ?? 0) + 1));
  }
  return breaks;
}

/** The class of a count: the last break it reaches, or -1 for none. */
export function classOf(count: number, breaks: readonly number[]): number {
  let index = -1;
  breaks.forEach((lower, i) => {
    if (count >= lower) index = i;
  });
  return index;
}

/** The shade of a class; with fewer classes than shades the darker ones are used, so one partner still shows. */
export function shadeOfClass(index: number, classes: number): string {
  if (index < 0) return SHADES[0];
  return SHADES[SHADES.length - classes + index] ?? SHADES[5];
}
