import type { PublicOrganisationPage } from "@conventio/domain";
import { sitePhase } from "@conventio/domain";
import { useTranslation } from "react-i18next";
import { useCountryName } from "../../lib/countries";
import { useFormatPeriod } from "../../lib/format";
import { useSite } from "../site-context";
import { Empty, OrganisationName, PageTitle, PhaseBadge, Section, Shown, SiteLink } from "../site-ui";

/** A partner as published: its facts, its public partnerships with their phase, networks, members and units. */
export function PartnerPage({ page }: { page: PublicOrganisationPage }) {
  const { t } = useTranslation();
  const { lang, today } = useSite();
  const countryName = useCountryName();
  const period = useFormatPeriod();
  const { organisation: o, units, memberOf, members, partnerships } = page;
  const ref = (r: { id: string; name: PublicOrganisationPage["units"][number]["name"] }) => ({ ...r, public: true });
  const facts: [string, React.ReactNode][] = [
    [t("organisations.fields.acronym"), o.acronym],
    [
      t("organisations.fields.website"),
      o.website && (
        <a href={o.website} rel="noopener">
          {o.website}
        </a>
      ),
    ],
    [t("organisations.fields.parent"), o.parent && <OrganisationName org={ref(o.parent)} />],
    [
      t("organisations.fields.names"),
      o.names.length > 0 &&
        o.names.map((n, i) => (
          <span key={n.lang}>
            {i > 0 && " · "}
            <span lang={n.lang}>{n.value}</span>
          </span>
        )),
    ],
  ];
  return (
    <article>
      <PageTitle
        title={o.name.text}
        lang={o.name.lang}
        lead={[t(`kinds.${o.kind}`), o.city, countryName(o.countryCode)].filter(Boolean).join(" · ")}
      />
      <div className="columns">
        <Section title={t("portal.aboutPartner")}>
          <dl className="facts">
            {facts
              .filter(([, value]) => value)
              .map(([label, value]) => (
                <div key={label}>
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
          </dl>
          {o.description && <p className="text">{o.description}</p>}
        </Section>
        <Section title={t("portal.partnershipsOf")}>
          {partnerships.length === 0 ? (
            <Empty>{t("agreements.detail.none")}</Empty>
          ) : (
            <ul className="plain">
              {partnerships.map((a) => (
                <li key={a.id}>
                  <SiteLink href={`/${lang}/partnerships/${a.id}`}>
                    <Shown value={a.title} />
                  </SiteLink>{" "}
                  <PhaseBadge phase={sitePhase(a, today)} />
                  <span className="muted">
                    {" "}
                    · {t(`agreementKinds.${a.kind}`)} · {period(a.signedOn ?? a.startsOn, a.endsOn)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Section>
        {memberOf.length > 0 && (
          <Section title={t("portal.memberOf")}>
            <ul className="plain">
              {memberOf.map((m) => (
                <li key={m.network.id}>
                  <OrganisationName org={ref(m.network)} />
                  {(m.since || m.until) && <span className="muted"> · {period(m.since, m.until)}</span>}
                </li>
              ))}
            </ul>
          </Section>
        )}
        {members.length > 0 && (
          <Section title={t("portal.members")}>
            <ul className="plain">
              {members.map((m) => (
                <li key={m.member.id}>
                  <OrganisationName org={ref(m.member)} />
                  {(m.since || m.until) && <span className="muted"> · {period(m.since, m.until)}</span>}
                </li>
              ))}
            </ul>
          </Section>
        )}
        {units.length > 0 && (
          <Section title={t("portal.units")}>
            <ul className="plain">
              {units.map((u) => (
                <li key={u.id}>
                  <OrganisationName org={ref(u)} />
                </li>
              ))}
            </ul>
          </Section>
        )}
      </div>
      <p>
        <SiteLink href={`/${lang}/partners`}>{t("portal.allPartners")}</SiteLink>
      </p>
    </article>
  );
}
