import { describe, expect, it } from "vitest";
import { axisTicks } from "./bar-chart";

describe("axisTicks", () => {
  it("steps by whole numbers when the chart counts people", () => {
    expect(axisTicks(0, 2, true)).toEqual([0, 1, 2]);
    expect(axisTicks(0, 1, true)).toEqual([0, 1]);
    expect(axisTicks(0, 20, true)).toEqual([0, 5, 10, 15, 20]);
  });

  it("reaches at least the highest value in at most five steps", () => {
    for (const top of [1, 2, 5, 10, 20, 50, 100, 200]) {
      const ticks = axisTicks(0, top, true);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(top);
      expect(ticks.length).toBeLessThanOrEqual(6);
      expect(ticks.every(Number.isInteger)).toBe(true);
    }
  });

  it("keeps quarter steps for measured values", () => {
    expect(axisTicks(0, 2, false)).toEqual([0, 0.5, 1, 1.5, 2]);
  });
});
