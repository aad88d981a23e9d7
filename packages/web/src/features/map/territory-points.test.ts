import { describe, expect, it } from "vitest";
import { ALPHA2_CODES } from "./country-numeric-codes";
import { TERRITORY_POINTS } from "./territory-points";
import { COUNTRY_SHAPES, MAP_HEIGHT, MAP_WIDTH, SHAPED_CODES } from "./world-shapes";

describe("where the partner map shows each code", () => {
  it("draws every country and territory as a shape or a circle, none lost", () => {
    // Antarctica is left off the map on purpose.
    const lost = ALPHA2_CODES.filter((code) => code !== "AQ" && !SHAPED_CODES.has(code) && !TERRITORY_POINTS.has(code));
    expect(lost).toEqual([]);
  });

  it("puts overseas territories at their own place, not on their metropole", () => {
    for (const code of ["RE", "GP", "MQ", "YT", "PF", "PM", "CW", "AW", "AX", "FO", "HK", "MO", "GI", "MT", "SG"]) {
      const point = TERRITORY_POINTS.get(code);
      expect(point, code).toBeDefined();
      expect(point?.x).toBeGreaterThan(0);
      expect(point?.x).toBeLessThan(MAP_WIDTH);
      expect(point?.y).toBeGreaterThan(0);
      expect(point?.y).toBeLessThan(MAP_HEIGHT);
    }
    // French Guiana and Svalbard are cut out of France's and Norway's outlines, each a shape of its own.
    for (const code of ["GF", "SJ", "FR", "NO"]) {
      expect(COUNTRY_SHAPES.filter((s) => s.code === code).length, code).toBe(1);
    }
    expect(TERRITORY_POINTS.has("GF")).toBe(false);
  });

  it("keeps Réunion east of Africa and south of the equator, away from France", () => {
    const reunion = TERRITORY_POINTS.get("RE");
    const france = COUNTRY_SHAPES.find((s) => s.code === "FR");
    expect(reunion && france).toBeTruthy();
    const [x, y] = (france?.d.match(/M([\d.]+),([\d.]+)/)?.slice(1) ?? []).map(Number);
    expect(Math.hypot((reunion?.x ?? 0) - (x ?? 0), (reunion?.y ?? 0) - (y ?? 0))).toBeGreaterThan(100);
    expect(reunion?.y ?? 0).toBeGreaterThan(MAP_HEIGHT / 2);
  });
});
