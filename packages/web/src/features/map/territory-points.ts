import { projectPoint, SHAPED_CODES } from "./world-shapes";

/**
 * Where to put a marker for the countries and territories that the 110m outlines do not draw on
 * their own: islands and micro-states too small for the scale, and overseas territories drawn as
 * part of their metropole (French Guiana inside France's outline). Longitude, latitude of the main
 * island or of the territory's centre; public geographic facts, rounded to a tenth of a degree.
 */
const COORDINATES: Record<string, readonly [number, number]> = {
  AD: [1.6, 42.5],
  AG: [-61.8, 17.1],
  AI: [-63.1, 18.2],
  AS: [-170.7, -14.3],
  AW: [-70, 12.5],
  AX: [19.9, 60.2],
  BB: [-59.6, 13.2],
  BH: [50.5, 26.1],
  BL: [-62.8, 17.9],
  BM: [-64.8, 32.3],
  BQ: [-68.3, 12.2],
  BV: [3.4, -54.4],
  CC: [96.8, -12.2],
  CK: [-159.8, -21.2],
  CV: [-23.6, 15.1],
  CW: [-69, 12.2],
  CX: [105.7, -10.5],
  DM: [-61.4, 15.4],
  FM: [158.2, 6.9],
  FO: [-7, 62.1],
  GD: [-61.7, 12.1],
  GF: [-53.1, 3.9],
  GG: [-2.6, 49.5],
  GI: [-5.3, 36.1],
  GP: [-61.6, 16.3],
  GS: [-36.7, -54.4],
  GU: [144.8, 13.4],
  HK: [114.2, 22.4],
  HM: [73.5, -53.1],
  IM: [-4.5, 54.2],
  IO: [72.4, -7.4],
  JE: [-2.1, 49.2],
  KI: [-157.4, 1.8],
  KM: [43.3, -11.7],
  KN: [-62.8, 17.3],
  KY: [-81.3, 19.3],
  LC: [-61, 13.9],
  LI: [9.5, 47.1],
  MC: [7.4, 43.7],
  MF: [-63.1, 18.1],
  MH: [171.2, 7.1],
  MO: [113.6, 22.2],
  MP: [145.7, 15.2],
  MQ: [-61, 14.6],
  MS: [-62.2, 16.7],
  MT: [14.4, 35.9],
  MU: [57.6, -20.3],
  MV: [73, 4.2],
  NF: [168, -29],
  NR: [166.9, -0.5],
  NU: [-169.9, -19],
  PF: [-149.4, -17.7],
  PM: [-56.3, 47],
  PN: [-128.3, -24.4],
  PW: [134.6, 7.5],
  RE: [55.5, -21.1],
  SC: [55.5, -4.7],
  SG: [103.8, 1.4],
  SH: [-5.7, -16],
  SJ: [16, 78.5],
  SM: [12.4, 43.9],
  ST: [6.6, 0.2],
  SX: [-63.1, 18],
  TC: [-71.7, 21.8],
  TK: [-171.9, -9.2],
  TO: [-175.2, -21.2],
  TV: [179.2, -8.5],
  UM: [-162.1, 5.9],
  VA: [12.5, 41.9],
  VC: [-61.2, 13.3],
  VG: [-64.6, 18.4],
  VI: [-64.8, 17.7],
  WF: [-176.2, -13.3],
  WS: [-172.4, -13.6],
  YT: [45.2, -12.8],
};

export interface TerritoryPoint {
  code: string;
  x: number;
  y: number;
}

/** Projected markers, by code, for the codes that have no outline of their own on this map. */
export const TERRITORY_POINTS: ReadonlyMap<string, TerritoryPoint> = new Map(
  Object.entries(COORDINATES).flatMap(([code, [lon, lat]]) => {
    if (SHAPED_CODES.has(code)) return [];
    const p = projectPoint(lon, lat);
    return p ? [[code, { code, x: p[0], y: p[1] }] as const] : [];
  }),
);
