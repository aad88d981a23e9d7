import { geoCentroid, geoEqualEarth, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import world from "world-atlas/countries-110m.json";
import { alpha2OfShape } from "./country-numeric-codes";

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 460;

export interface CountryShape {
  /** world-atlas's own key, unique even for shapes without an ISO code. */
  key: string;
  code: string | null;
  d: string;
}

type Countries = GeometryCollection<{ name: string }>;
const topology = world as unknown as Topology<{ countries: Countries }>;
const collection = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;

// Antarctica holds no partners and would take a fifth of the height.
const drawn: Feature<Geometry, { name: string }>[] = collection.features.filter((f) => f.id !== "010");
const projection = geoEqualEarth().fitSize([MAP_WIDTH, MAP_HEIGHT], { type: "FeatureCollection", features: drawn });
const path = geoPath(projection);

/**
 * Overseas parts the outlines draw inside their metropole's shape: French Guiana inside France,
 * Svalbard inside Norway. They are cut out and drawn under their own code, so that a partner in
 * French Guiana shades French Guiana and France shades only for partners in France.
 */
const OVERSEAS_PARTS: ReadonlyArray<{ of: string; code: string; holds: (lon: number, lat: number) => boolean }> = [
  { of: "FR", code: "GF", holds: (lon) => lon < -30 },
  { of: "NO", code: "SJ", holds: (_lon, lat) => lat > 74 },
];

/** A multipolygon split in two: the polygons of the overseas part, and the rest. */
function splitOverseas(f: Feature<Geometry, { name: string }>, holds: (lon: number, lat: number) => boolean) {
  if (f.geometry.type !== "MultiPolygon") return null;
  const away: Polygon["coordinates"][] = [];
  const home: Polygon["coordinates"][] = [];
  for (const polygon of f.geometry.coordinates) {
    const [lon, lat] = geoCentroid({ type: "Polygon", coordinates: polygon });
    (holds(lon, lat) ? away : home).push(polygon);
  }
  if (away.length === 0 || home.length === 0) return null;
  const part = (coordinates: Polygon["coordinates"][]): Feature<MultiPolygon, { name: string }> => ({
    ...f,
    geometry: { type: "MultiPolygon", coordinates },
  });
  return { away: part(away), home: part(home) };
}

/** Country outlines projected once, when the map is first needed. */
export const COUNTRY_SHAPES: readonly CountryShape[] = drawn.flatMap((f, i) => {
  const key = String(f.id ?? `${f.properties.name}-${i}`);
  const code = alpha2OfShape(f.id, f.properties.name);
  const overseas = OVERSEAS_PARTS.filter((o) => o.of === code);
  let home: Feature<Geometry, { name: string }> = f;
  const parts: CountryShape[] = [];
  for (const o of overseas) {
    const split = splitOverseas(home, o.holds);
    if (!split) continue;
    home = split.home;
    parts.push({ key: `${key}-${o.code}`, code: o.code, d: path(split.away) ?? "" });
  }
  return [{ key, code, d: path(home) ?? "" }, ...parts];
});

export const SPHERE_PATH = path({ type: "Sphere" }) ?? "";

/** The codes drawn with an outline of their own at this scale. */
export const SHAPED_CODES: ReadonlySet<string> = new Set(COUNTRY_SHAPES.flatMap((s) => (s.code ? [s.code] : [])));

/** A point on the map for a longitude and latitude, or null off the projection. */
export function projectPoint(lon: number, lat: number): [number, number] | null {
  const p = projection([lon, lat]);
  return p ? [p[0], p[1]] : null;
}
