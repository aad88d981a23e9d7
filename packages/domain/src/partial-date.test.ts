import { describe, expect, it } from "vitest";
import { asWritten, firstDayOf, lastDayOf, PartialDate, precisionOf } from "./partial-date.js";

describe("partial dates", () => {
  it("accepts a year, a month or a day, and refuses what is not a date", () => {
    expect(PartialDate.safeParse("2002").success).toBe(true);
    expect(PartialDate.safeParse("2017-06").success).toBe(true);
    expect(PartialDate.safeParse("2024-02-29").success).toBe(true);
    expect(PartialDate.safeParse("2023-02-29").success).toBe(false);
    expect(PartialDate.safeParse("0000").success).toBe(false);
    expect(PartialDate.safeParse("2017-13").success).toBe(false);
    expect(PartialDate.safeParse("June 2017").success).toBe(false);
  });

  it("stores a start at its first day and an end at its last, and gives them back as written", () => {
    expect(firstDayOf("2002")).toBe("2002-01-01");
    expect(lastDayOf("2002")).toBe("2002-12-31");
    expect(firstDayOf("2017-06")).toBe("2017-06-01");
    expect(lastDayOf("2024-02")).toBe("2024-02-29");
    expect(asWritten(lastDayOf("2024-02"), precisionOf("2024-02"))).toBe("2024-02");
    expect(asWritten("2017-06-15", "day")).toBe("2017-06-15");
  });
});
