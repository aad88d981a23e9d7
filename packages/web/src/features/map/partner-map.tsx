import type { CountryCount, OrganisationKind } from "@conventio/domain";
import { Group, Stack, Table, Text } from "@mantine/core";
import { useId, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useCountryName, useLanguage } from "../../lib/countries";
import { AnchorLink } from "../../ui/links";
import { classBreaks, classOf, shadeOfClass } from "./choropleth";
import { TERRITORY_POINTS } from "./territory-points";
import { COUNTRY_SHAPES, MAP_HEIGHT, MAP_WIDTH, SHAPED_CODES, SPHERE_PATH } from "./world-shapes";

interface Props {
  counts: readonly CountryCount[];
  /** Signed-in readers can follow a country to the list of its partners. */
  linkCountries: boolean;
  /** The kind the map is filtered by, kept when following a country to its partners. */
  kind?: OrganisationKind | undefined;
}

/** Countries without a partner: white with grey hatching, not a shade of the scale. */
const HATCH_LINE = "#868e96";
/** The outline of a territory's circle, dark enough to show on the ocean and on land. */
const MARKER_STROKE = "#212529";

function HatchPattern({ id }: { id: string }) {
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width={4} height={4} patternTransform="rotate(45)">
      <rect width={4} height={4} fill="#ffffff" />
      <line x1={0} y1={0} x2={0} y2={4} stroke={HATCH_LINE} strokeWidth={1} />
    </pattern>
  );
}

function Swatch({ fill, round = false }: { fill: string; round?: boolean }) {
  return (
    <svg width={22} height={14} viewBox="0 0 22 14" aria-hidden="true" focusable="false">
      {round ? (
        <circle cx={11} cy={7} r={5.5} fill={fill} stroke={MARKER_STROKE} strokeWidth={1} />
      ) : (
        <rect x={0.5} y={0.5} width={21} height={13} rx={2} fill={fill} stroke="#868e96" strokeWidth={1} />
      )}
    </svg>
  );
}

function Legend({ breaks, hatch, markers }: { breaks: readonly number[]; hatch: string; markers: boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  const labels = breaks.map((lower, i) => {
    const next = breaks[i + 1];
    if (next === undefined) return i === 0 && breaks.length === 1 ? String(lower) : t("map.orMore", { n: lower });
    return next - 1 === lower ? String(lower) : `${lower}–${next - 1}`;
  });
  return (
    <div className="map-legend">
      <Text size="sm" fw={600} id={headingId} mt="xs">
        {t("map.legend")}
      </Text>
      <Group
        component="ul"
        gap="md"
        wrap="wrap"
        aria-labelledby={headingId}
        style={{ listStyle: "none", padding: 0, margin: 0 }}
      >
        <Group component="li" gap={6} data-legend="none">
          <Swatch fill={`url(#${hatch})`} />
          <Text size="sm" component="span">
            {t("map.legendNone")}
          </Text>
        </Group>
        {labels.map((label, i) => (
          <Group component="li" gap={6} key={label} data-legend={label} data-fill={shadeOfClass(i, breaks.length)}>
            <Swatch fill={shadeOfClass(i, breaks.length)} />
            <Text size="sm" component="span">
              {label}
            </Text>
          </Group>
        ))}
        {markers && (
          <Group component="li" gap={6} data-legend="marker">
            <Swatch fill={shadeOfClass(0, breaks.length)} round />
            <Text size="sm" component="span">
              {t("map.marker")}
            </Text>
          </Group>
        )}
      </Group>
    </div>
  );
}

/** Partners per country: a choropleth for the eye, and the same numbers as a table for everyone. */
export function PartnerMap({ counts, linkCountries, kind }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const nameOf = useCountryName();
  const byCode = useMemo(() => new Map(counts.map((c) => [c.countryCode, c.count])), [counts]);
  const breaks = useMemo(() => classBreaks(Math.max(0, ...counts.map((c) => c.count))), [counts]);
  const rows = useMemo(() => {
    const collator = new Intl.Collator(language);
    return [...counts].sort(
      (a, b) => b.count - a.count || collator.compare(nameOf(a.countryCode), nameOf(b.countryCode)),
    );
  }, [counts, language, nameOf]);
  // Counted codes without an outline of their own (Réunion, Hong Kong…): a circle where they are.
  const markers = useMemo(
    () =>
      counts.flatMap((c) => {
        const point = c.count > 0 && !SHAPED_CODES.has(c.countryCode) ? TERRITORY_POINTS.get(c.countryCode) : undefined;
        return point ? [{ ...point, count: c.count }] : [];
      }),
    [counts],
  );
  const titleId = useId();
  const descId = useId();
  const hatchId = `hatch-${useId().replace(/[^\w-]/g, "")}`;
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  const fillOf = (count: number) =>
    count > 0 ? shadeOfClass(classOf(count, breaks), breaks.length) : `url(#${hatchId})`;

  return (
    <Stack gap="md">
      <figure style={{ margin: 0 }}>
        <svg
          className="world-map"
          viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
          aria-labelledby={titleId}
          aria-describedby={descId}
        >
          <title id={titleId}>{t("map.figure", { count: total, countries: counts.length })}</title>
          <desc id={descId}>{t("map.description")}</desc>
          <defs>
            <HatchPattern id={hatchId} />
          </defs>
          <path d={SPHERE_PATH} fill="#f8fbff" stroke="#ced4da" />
          {COUNTRY_SHAPES.map((shape) => {
            const count = shape.code ? (byCode.get(shape.code) ?? 0) : 0;
            const name = shape.code ? nameOf(shape.code) : t("map.unnamed");
            return (
              <path
                key={shape.key}
                d={shape.d}
                fill={fillOf(count)}
                className={count > 0 ? "has-partners" : undefined}
                data-country={shape.code ?? undefined}
                data-count={count}
              >
                <title>{`${name}: ${t("map.partners", { count })}`}</title>
              </path>
            );
          })}
          {markers.map((m) => (
            <circle
              key={m.code}
              cx={m.x}
              cy={m.y}
              r={5}
              fill={fillOf(m.count)}
              stroke={MARKER_STROKE}
              strokeWidth={1}
              className="territory-marker has-partners"
              data-country={m.code}
              data-count={m.count}
            >
              <title>{`${nameOf(m.code)}: ${t("map.partners", { count: m.count })}`}</title>
            </circle>
          ))}
        </svg>
        <figcaption>
          <Legend breaks={breaks} hatch={hatchId} markers={markers.length > 0} />
        </figcaption>
      </figure>
      <Table striped highlightOnHover maw={520} captionSide="top">
        <Table.Caption ta="left">{t("map.tableCaption")}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("map.country")}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t("map.count")}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={2}>{t("map.empty")}</Table.Td>
            </Table.Tr>
          )}
          {rows.map((row) => (
            <Table.Tr key={row.countryCode} data-country={row.countryCode}>
              <Table.Th scope="row" fw={400}>
                {linkCountries ? (
                  <AnchorLink to="/organisations" search={{ country: row.countryCode, ...(kind ? { kind } : {}) }}>
                    {nameOf(row.countryCode)}
                  </AnchorLink>
                ) : (
                  nameOf(row.countryCode)
                )}
              </Table.Th>
              <Table.Td ta="right">{row.count}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
