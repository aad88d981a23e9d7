import type { CountryCount } from "@conventio/domain";
import { Group, Stack, Table, Text } from "@mantine/core";
import { useId, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useCountryName, useLanguage } from "../../lib/countries";
import { AnchorLink } from "../../ui/links";
import { classBreaks, classOf, shadeOfClass } from "./choropleth";
import { COUNTRY_SHAPES, MAP_HEIGHT, MAP_WIDTH, SPHERE_PATH } from "./world-shapes";

interface Props {
  counts: readonly CountryCount[];
  /** Signed-in readers can follow a country to the list of its partners. */
  linkCountries: boolean;
}

function Legend({ breaks }: { breaks: readonly number[] }) {
  const { t } = useTranslation();
  const labels = breaks.map((lower, i) => {
    const next = breaks[i + 1];
    if (next === undefined) return i === 0 && breaks.length === 1 ? String(lower) : t("map.orMore", { n: lower });
    return next - 1 === lower ? String(lower) : `${lower}–${next - 1}`;
  });
  return (
    <Group gap="md" aria-hidden="true" wrap="wrap">
      <Group gap={6}>
        <span className="legend-swatch" style={{ background: shadeOfClass(-1, breaks.length) }} />
        <Text size="sm">{t("map.none")}</Text>
      </Group>
      {labels.map((label, i) => (
        <Group gap={6} key={label}>
          <span className="legend-swatch" style={{ background: shadeOfClass(i, breaks.length) }} />
          <Text size="sm">{label}</Text>
        </Group>
      ))}
    </Group>
  );
}

/** Partners per country: a choropleth for the eye, and the same numbers as a table for everyone. */
export function PartnerMap({ counts, linkCountries }: Props) {
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
  const titleId = useId();
  const total = counts.reduce((sum, c) => sum + c.count, 0);

  return (
    <Stack gap="md">
      <figure style={{ margin: 0 }}>
        <svg className="world-map" viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} aria-labelledby={titleId}>
          <title id={titleId}>{t("map.figure", { count: total, countries: counts.length })}</title>
          <path d={SPHERE_PATH} fill="#f8fbff" stroke="#ced4da" />
          {COUNTRY_SHAPES.map((shape) => {
            const count = shape.code ? (byCode.get(shape.code) ?? 0) : 0;
            const name = shape.code ? nameOf(shape.code) : t("map.unnamed");
            const label = `${name}: ${t("map.partners", { count })}`;
            return (
              <path
                key={shape.key}
                d={shape.d}
                fill={shadeOfClass(count > 0 ? classOf(count, breaks) : -1, breaks.length)}
                className={count > 0 ? "has-partners" : undefined}
                data-country={shape.code ?? undefined}
                data-count={count}
              >
                <title>{label}</title>
              </path>
            );
          })}
        </svg>
        <figcaption>
          <Legend breaks={breaks} />
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
            <Table.Tr key={row.countryCode}>
              <Table.Th scope="row" fw={400}>
                {linkCountries ? (
                  <AnchorLink to="/organisations" search={{ country: row.countryCode }}>
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
