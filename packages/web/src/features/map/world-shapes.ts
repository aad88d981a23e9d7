import { geoEqualEarth, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
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

/** Country outlines projected once, when the map is first needed. */
export const COUNTRY_SHAPES: readonly CountryShape[] = drawn.map((f, i) => ({
  key: String(f.id ?? `${f.properties.name}-${i}`),
  code: alpha2OfShape(f.id, f.properties.name),
  d: path(f) ?? "",
}));

export const SPHERE_PATH = path({ type: "Sphere" }) ?? "";

/** The codes drawn with an outline of their own at this scale. */
export const SHAPED_CODES: ReadonlySet<string> = new Set(COUNTRY_SHAPES.flatMap((s) => (s.code ? [s.code] : [])));

/** A point on the map for a longitude and latitude, or null off the projection. */
export function projectPoint(lon: number, lat: number): [number, number] | null {
  const p = projection([lon, lat]);
  return p ? [p[0], p[1]] : null;
}
