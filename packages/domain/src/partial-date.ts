import { z } from "zod";
import { YEAR_MESSAGE } from "./date-bounds.js";
import { fieldMessage, type MessageParams } from "./errors.js";

/**
 * Dates known to the day, the month or only the year ("2002", "2017-06", "2017-06-15"), as
 * ISO 8601 writes them at reduced precision. Stored as a full date (the first day for a start,
 * the last for an end) beside its precision, so lists sort and rules compare correctly, and
 * shown again as written.
 */
export const DATE_PRECISIONS = ["day", "month", "year"] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const MIN_YEAR = 1800;
export const MAX_YEAR = 2200;

const SHAPE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Why a partial date is not valid, or null when it is. */
export function partialDateProblem(value: string): string | null {
  return partialDateIssue(value)?.message ?? null;
}

/** Why a partial date is not valid as an English sentence with its template and values, or null. */
function partialDateIssue(value: string): { message: string; key: string; params?: MessageParams } | null {
  const problem = partialDateShapeProblem(value);
  return problem === YEAR_MESSAGE
    ? fieldMessage(YEAR_MESSAGE, { min: MIN_YEAR, max: MAX_YEAR })
    : problem
      ? fieldMessage(problem)
      : null;
}

function partialDateShapeProblem(value: string): string | null {
  const m = SHAPE.exec(value);
  if (!m) return "A date as YYYY-MM-DD, YYYY-MM or YYYY";
  const year = Number(m[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) return YEAR_MESSAGE;
  if (m[2] !== undefined) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return "A month between 01 and 12";
    if (m[3] !== undefined) {
      const day = Number(m[3]);
      if (day < 1 || day > daysIn(year, month)) return "No such day in that month";
    }
  }
  return null;
}

export const PartialDate = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const problem = partialDateIssue(value);
    if (problem)
      ctx.addIssue({ code: "custom", message: problem.message, params: { key: problem.key, ...problem.params } });
  })
  .describe("A date as YYYY-MM-DD, or only YYYY-MM or YYYY when the day or month is not known");

export function precisionOf(value: string): DatePrecision {
  return value.length === 4 ? "year" : value.length === 7 ? "month" : "day";
}

/** The first day a partial date can mean: where a start or a signature sorts. */
export function firstDayOf(value: string): string {
  const p = precisionOf(value);
  return p === "year" ? `${value}-01-01` : p === "month" ? `${value}-01` : value;
}

/** The last day a partial date can mean: where an end falls. */
export function lastDayOf(value: string): string {
  const p = precisionOf(value);
  if (p === "day") return value;
  const year = Number(value.slice(0, 4));
  if (p === "year") return `${year}-12-31`;
  const month = Number(value.slice(5, 7));
  return `${value}-${String(daysIn(year, month)).padStart(2, "0")}`;
}

/** A stored full date brought back to the precision it was written with. */
export function asWritten(stored: string | null, precision: string | null | undefined): string | null {
  if (stored === null) return null;
  if (precision === "year") return stored.slice(0, 4);
  if (precision === "month") return stored.slice(0, 7);
  return stored;
}

/** True when a period written with partial dates ends before it starts, whatever their precision. */
export function endsBeforeStart(start: string | null | undefined, end: string | null | undefined): boolean {
  return !!start && !!end && lastDayOf(end) < firstDayOf(start);
}
