import { z } from "zod";
import { fillMessage } from "./errors.js";

/**
 * Years a date of each kind can reasonably fall in. A typo such as 0000 or 20245 is refused at
 * the edge instead of sorting first in every list. History reaches back to the oldest charters
 * a partnership office records; everything made in the office itself (events, news, actions,
 * deadlines) to 1900.
 */
export const YEARS = {
  history: { min: 1800, max: 2200 },
  office: { min: 1900, max: 2200 },
} as const;
export type YearBounds = (typeof YEARS)[keyof typeof YEARS];

export const YEAR_MESSAGE = "A year between {{min}} and {{max}}";

function checkYear(value: string, bounds: YearBounds, ctx: z.RefinementCtx): void {
  const year = Number(value.slice(0, 4));
  if (Number.isInteger(year) && year >= bounds.min && year <= bounds.max) return;
  ctx.addIssue({
    code: "custom",
    message: fillMessage(YEAR_MESSAGE, { min: bounds.min, max: bounds.max }),
    params: { key: YEAR_MESSAGE, min: bounds.min, max: bounds.max },
  });
}

/** A calendar date as YYYY-MM-DD within the given years. */
export function isoDateWithin(bounds: YearBounds) {
  return z.iso
    .date("A date as YYYY-MM-DD")
    .superRefine((value, ctx) => checkYear(value, bounds, ctx))
    .describe(`A date as YYYY-MM-DD, years ${bounds.min}–${bounds.max}`);
}

/** A date and time with its offset within the given years. */
export function dateTimeWithin(bounds: YearBounds) {
  return z.iso
    .datetime({ offset: true, message: "A date and time such as 2023-09-20T14:00:00+02:00" })
    .superRefine((value, ctx) => checkYear(value, bounds, ctx))
    .describe(`A date and time with its offset, years ${bounds.min}–${bounds.max}`);
}
