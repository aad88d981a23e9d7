import type { SiteOption, SitePage } from "@conventio/domain";
import { sitePhase } from "@conventio/domain";
import { useTranslation } from "react-i18next";
import { useCountryName } from "../../lib/countries";
import { useFormatPeriod } from "../../lib/format";
import { Island } from "../islands/island";
import { useSite } from "../site-context";
import { Empty, PageTitle, Paging, PhaseBadge, Shown, SiteLink } from "../site-ui";

type Of<K extends SitePage["kind"]> = Extract<SitePage, { kind: K }>;

const any = (label: string) => ({ value: "", label });

/** Options named by the page when the server sent only values, sorted by name in the page's language. */
function useNamed(): (options: SiteOption[], name: (value: string) => string, sort?: boolean) => SiteOption[] {
  const { lang } = useSite();
  const collator = new Intl.Collator(lang);
  return (options, name, sort = true) => {
    const named = options.map((o) => ({
      value: o.value,
      label: `${o.label || name(o.value)}${o.count === undefined ? "" : ` (${o.count})`}`,
    }));
    return sort ? named.sort((a, b) => collator.compare(a.label, b.label)) : named;
  };
}

/** Public partnerships, searchable and filtered by country, theme, kind, unit and status, with their phase. */
export function PartnershipsPage({ page }: { page: Of<"partnerships"> }) {
  const { t } = useTranslation();
  const { lang, today, embed } = useSite();
  const period = useFormatPeriod();
  const countryName = useCountryName();
  const named = useNamed();
  const f = page.filters;
  const all = t("site.filters.all");
  const o = page.options;
  const form = {
    action: embed ? `/embed/${lang}/partnerships` : `/${lang}/partnerships`,
    label: t("site.filters.label"),
    submit: t("site.filters.apply"),
    reset: t("site.filters.reset"),
    fields: [
      { name: "q", label: t("site.filters.search"), value: f.q },
      {
        name: "country",
        label: t("site.filters.country"),
        value: f.country,
        options: [any(all), ...named(o.countries, countryName)],
      },
      {
        name: "theme",
        label: t("site.filters.theme"),
        value: f.theme,
        options: [any(all), ...named(o.themes, String)],
      },
      {
        name: "kind",
        label: t("site.filters.kind"),
        value: f.kind,
        options: [any(all), ...named(o.kinds, (k) => t(`agreementKinds.${k as "erasmus_iia"}`))],
      },
      { name: "unit", label: t("site.filters.unit"), value: f.unit, options: [any(all), ...named(o.units, String)] },
      {
        name: "status",
        label: t("site.filters.status"),
        value: f.status,
        options: [any(all), ...named(o.statuses, (s) => t(`agreementStatus.${s as "active"}`), false)],
      },
    ],
  };
  return (
    <>
      <PageTitle title={t("portal.partnershipsTitle")} lead={embed ? undefined : t("portal.partnershipsSubtitle")} />
      <Island name="filter-form" props={form} />
      {page.items.length === 0 ? (
        <Empty>{t("site.noResults")}</Empty>
      ) : (
        <ul className="results">
          {page.items.map((a) => (
            <li key={a.id}>
              <h2>
                <SiteLink href={`/${lang}/partnerships/${a.id}`}>
                  <Shown value={a.title} />
                </SiteLink>
              </h2>
              <p>
                <PhaseBadge phase={sitePhase(a, today)} /> {t(`agreementKinds.${a.kind}`)} ·{" "}
                {a.startsOn || a.endsOn ? period(a.startsOn, a.endsOn) : t("agreements.detail.openEnded")}
              </p>
              <p className="muted">
                {a.partners.map((p, i) => (
                  <span key={p.id}>
                    {i > 0 && "; "}
                    <Shown value={p.name} />
                    {p.countryCode && ` (${countryName(p.countryCode)})`}
                  </span>
                ))}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Paging paging={page.paging} />
    </>
  );
}

/** The directory of public partners, searchable and filtered by country and kind. */
export function PartnersPage({ page }: { page: Of<"partners"> }) {
  const { t } = useTranslation();
  const { lang } = useSite();
  const countryName = useCountryName();
  const named = useNamed();
  const f = page.filters;
  const all = t("site.filters.all");
  const form = {
    action: `/${lang}/partners`,
    label: t("site.filters.label"),
    submit: t("site.filters.apply"),
    reset: t("site.filters.reset"),
    fields: [
      { name: "q", label: t("site.filters.search"), value: f.q },
      {
        name: "country",
        label: t("site.filters.country"),
        value: f.country,
        options: [any(all), ...named(page.options.countries, countryName)],
      },
      {
        name: "kind",
        label: t("site.filters.organisationKind"),
        value: f.kind,
        options: [any(all), ...named(page.options.kinds, (k) => t(`kinds.${k as "university"}`))],
      },
    ],
  };
  return (
    <>
      <PageTitle title={t("portal.partnersTitle")} lead={t("portal.partnersSubtitle")} />
      <Island name="filter-form" props={form} />
      {page.items.length === 0 ? (
        <Empty>{t("site.noResults")}</Empty>
      ) : (
        <ul className="results">
          {page.items.map((o) => (
            <li key={o.id}>
              <h2>
                <SiteLink href={`/${lang}/partners/${o.id}`}>
                  <Shown value={o.name} />
                </SiteLink>
                {o.acronym && <span className="muted"> ({o.acronym})</span>}
              </h2>
              <p className="muted">
                {t(`kinds.${o.kind}`)}
                {(o.city || o.countryCode) && " · "}
                {[o.city, countryName(o.countryCode)].filter(Boolean).join(", ")}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Paging paging={page.paging} />
    </>
  );
}
