import type { SitePage } from "@conventio/domain";
import { useTranslation } from "react-i18next";
import { classBreaks, classOf, shadeOfClass } from "../../features/map/choropleth";
import { COUNTRY_SHAPES, MAP_HEIGHT, MAP_WIDTH, SPHERE_PATH } from "../../features/map/world-shapes";
import { useCountryName } from "../../lib/countries";
import { useSite } from "../site-context";
import { Empty, PageTitle, Section, SiteLink } from "../site-ui";
import { EventLine, NewsLine } from "./publication-pages";

type Of<K extends SitePage["kind"]> = Extract<SitePage, { kind: K }>;

export function HomePage({ page }: { page: Of<"home"> }) {
  const { t } = useTranslation();
  const { lang, settings } = useSite();
  const n = new Intl.NumberFormat(lang);
  return (
    <>
      <PageTitle title={settings.institutionName} lead={t("site.home.lead")} />
      <ul className="figures">
        <li>
          <SiteLink href={`/${lang}/partnerships`}>
            <strong>{n.format(page.counts.partnerships)}</strong>{" "}
            {t("site.home.partnerships", { count: page.counts.partnerships })}
          </SiteLink>
        </li>
        <li>
          <SiteLink href={`/${lang}/partners`}>
            <strong>{n.format(page.counts.partners)}</strong> {t("site.home.partners", { count: page.counts.partners })}
          </SiteLink>
        </li>
        <li>
          <SiteLink href={`/${lang}/map`}>
            <strong>{n.format(page.counts.countries)}</strong>{" "}
            {t("site.home.countries", { count: page.counts.countries })}
          </SiteLink>
        </li>
      </ul>
      <div className="columns">
        <Section title={t("portal.comingEvents")}>
          {page.events.length === 0 ? (
            <Empty>{t("events.none")}</Empty>
          ) : (
            <ul className="results">
              {page.events.map((e) => (
                <EventLine key={e.id} e={e} />
              ))}
            </ul>
          )}
          <SiteLink href={`/${lang}/events`}>{t("site.events.all")}</SiteLink>
        </Section>
        <Section title={t("portal.latestNews")}>
          {page.news.length === 0 ? (
            <Empty>{t("portal.noNews")}</Empty>
          ) : (
            <ul className="results">
              {page.news.map((item) => (
                <NewsLine key={item.id} n={item} />
              ))}
            </ul>
          )}
          <SiteLink href={`/${lang}/news`}>{t("site.news.all")}</SiteLink>
        </Section>
      </div>
    </>
  );
}

/** Public partners by country: a map whose countries link to their partners, and the same figures as a table. */
export function MapPage({ page }: { page: Of<"map"> }) {
  const { t } = useTranslation();
  const { lang } = useSite();
  const countryName = useCountryName();
  const byCode = new Map(page.countries.map((c) => [c.code, c.count]));
  const breaks = classBreaks(Math.max(0, ...page.countries.map((c) => c.count)));
  const total = page.countries.reduce((sum, c) => sum + c.count, 0);
  const collator = new Intl.Collator(lang);
  const rows = [...page.countries].sort(
    (a, b) => b.count - a.count || collator.compare(countryName(a.code), countryName(b.code)),
  );
  const legend = breaks.map((lower, i) => {
    const next = breaks[i + 1];
    if (next === undefined) return i === 0 && breaks.length === 1 ? String(lower) : t("map.orMore", { n: lower });
    return next - 1 === lower ? String(lower) : `${lower}–${next - 1}`;
  });
  return (
    <>
      <PageTitle title={t("map.title")} lead={t("map.subtitle")} />
      {page.countries.length === 0 ? (
        <Empty>{t("map.empty")}</Empty>
      ) : (
        <>
          <figure className="map">
            <svg viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} aria-labelledby="map-title">
              <title id="map-title">{t("map.figure", { count: total, countries: page.countries.length })}</title>
              <path d={SPHERE_PATH} className="sphere" />
              {COUNTRY_SHAPES.map((shape) => {
                const count = shape.code ? (byCode.get(shape.code) ?? 0) : 0;
                const fill = shadeOfClass(classOf(count, breaks), breaks.length);
                const name = shape.code ? countryName(shape.code) : t("map.unnamed");
                const label = `${name}: ${t("map.partners", { count })}`;
                const path = (
                  <path key={shape.key} d={shape.d} fill={fill} className="country">
                    <title>{label}</title>
                  </path>
                );
                return count > 0 && shape.code ? (
                  <a key={shape.key} href={`/${lang}/partners?country=${shape.code}`} aria-label={label}>
                    {path}
                  </a>
                ) : (
                  <g key={shape.key}>{path}</g>
                );
              })}
            </svg>
            <figcaption>
              <ul className="legend">
                <li>
                  <span className="swatch" style={{ background: shadeOfClass(-1, breaks.length) }} /> {t("map.none")}
                </li>
                {legend.map((label, i) => (
                  <li key={label}>
                    <span className="swatch" style={{ background: shadeOfClass(i, breaks.length) }} /> {label}
                  </li>
                ))}
              </ul>
            </figcaption>
          </figure>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a frame that scrolls sideways must be reachable by keyboard */}
          {/* biome-ignore lint/a11y/useSemanticElements: a named region around a scrolling table, the pattern WCAG's technique gives */}
          <div className="table-frame" role="region" aria-labelledby="map-table" tabIndex={0}>
            <table>
              <caption id="map-table">{t("map.tableCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("map.country")}</th>
                  <th scope="col">{t("map.count")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((c) => (
                  <tr key={c.code}>
                    <th scope="row">
                      <SiteLink href={`/${lang}/partners?country=${c.code}`}>{countryName(c.code)}</SiteLink>
                    </th>
                    <td>{new Intl.NumberFormat(lang).format(c.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}

export function OpenDataPage({ page }: { page: Of<"open-data"> }) {
  const { t } = useTranslation();
  const { lang, settings } = useSite();
  const files = [
    { name: "partnerships", label: t("site.openData.partnerships") },
    { name: "partners", label: t("site.openData.partners") },
  ];
  return (
    <>
      <PageTitle title={t("site.openData.title")} lead={t("site.openData.intro")} />
      <p>
        {t("site.openData.licence", { publisher: settings.institutionName })}{" "}
        <a href={page.licence.url} rel="license">
          {page.licence.name}
        </a>
      </p>
      <ul className="plain">
        {files.map((f) => (
          <li key={f.name}>
            <strong>{f.label}</strong>: <a href={`/api/public/open-data/${f.name}.csv?lang=${lang}`}>CSV</a> ·{" "}
            <a href={`/api/public/open-data/${f.name}.json?lang=${lang}`}>JSON</a>
          </li>
        ))}
      </ul>
    </>
  );
}

export function ErrorPage({ kind }: { kind: "not-found" | "gone" }) {
  const { t } = useTranslation();
  const { lang } = useSite();
  return (
    <>
      <PageTitle
        title={kind === "gone" ? t("site.gone.title") : t("notFound.title")}
        lead={kind === "gone" ? t("site.gone.body") : t("notFound.body")}
      />
      <p>
        <a href={`/${lang}/`}>{t("notFound.home")}</a>
      </p>
    </>
  );
}
