import { type DatePrecision, firstDayOf, lastDayOf, precisionOf } from "@conventio/domain";

/** A date as written, split into the full date the database sorts on and its precision. */
export interface StoredDate {
  date: string | null;
  precision: DatePrecision;
}

/** A start, a signature or a meeting: stored at the first day it can mean. */
export function storedStart(value: string | null): StoredDate {
  return value ? { date: firstDayOf(value), precision: precisionOf(value) } : { date: null, precision: "day" };
}

/** An end: stored at the last day it can mean, so an agreement "until 2020" runs through December. */
export function storedEnd(value: string | null): StoredDate {
  return value ? { date: lastDayOf(value), precision: precisionOf(value) } : { date: null, precision: "day" };
}
