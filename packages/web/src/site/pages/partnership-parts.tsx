import type { PublicAgreementRef, PublicContact, PublicPartnershipPage } from "@conventio/domain";
import { sitePhase } from "@conventio/domain";
import { useTranslation } from "react-i18next";
import { useFormatDate, useFormatPeriod } from "../../lib/format";
import { useSite } from "../site-context";
import { OrganisationName, PhaseBadge, Section, Shown, SiteLink } from "../site-ui";

type Agreement = PublicPartnershipPage["agreement"];

/** A person: named with their title if they agreed, else by role; contact details only if they agreed. */
export function Contact({ c }: { c: PublicContact }) {
  const { t } = useTranslation();
  const role = t(`partyRoles.${c.role as "coordinator"}`, { defaultValue: c.role });
  const details = (c.name === null ? [] : [role, c.title]).filter((x, i, all) => x && all.indexOf(x) === i);
  return (
    <li>
      <strong>{c.name ?? role}</strong>
      {c.studentRepresentative && <span className="badge">{t("portal.studentRepresentative")}</span>}
      {details.map((x) => ` · ${x}`)}
      {c.organisation && (
        <>
          {" · "}
          <OrganisationName org={c.organisation} />
        </>
      )}
      {(c.email || c.phone) && (
        <span className="contact">
          {c.email && <a href={`mailto:${c.email}`}>{c.email}</a>}
          {c.email && c.phone && " · "}
          {c.phone && <a href={`tel:${c.phone.replace(/\s+/g, "")}`}>{c.phone}</a>}
        </span>
      )}
    </li>
  );
}

export function Signatories({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  if (agreement.signatories.length === 0) return null;
  return (
    <Section title={t("portal.signatories")}>
      <ul className="plain">
        {agreement.signatories.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list in the server's order; people shown by role alone can share every other value
          <li key={`${i}:${s.name ?? ""}`}>
            <strong>{s.name ?? t("portal.unnamedSignatory")}</strong>
            {(s.title || s.organisation) && (
              <>
                {", "}
                {s.title && <Shown value={s.title} />}
                {s.title && s.organisation && ", "}
                {s.organisation && <OrganisationName org={s.organisation} />}
              </>
            )}
            {(s.signedOn || s.place) && (
              <span className="muted">
                {" · "}
                {s.signedOn && s.place
                  ? t("portal.signedOnAt", { date: formatDate(s.signedOn), place: s.place })
                  : s.signedOn
                    ? t("portal.signedOn", { date: formatDate(s.signedOn) })
                    : t("portal.signedAt", { place: s.place })}
              </span>
            )}
          </li>
        ))}
      </ul>
    </Section>
  );
}

function AgreementLine({ a, current }: { a: PublicAgreementRef; current: boolean }) {
  const { t } = useTranslation();
  const { lang, today } = useSite();
  const period = useFormatPeriod();
  return (
    <li>
      {current ? (
        <strong>
          <Shown value={a.title} />
        </strong>
      ) : (
        <SiteLink href={`/${lang}/partnerships/${a.id}`}>
          <Shown value={a.title} />
        </SiteLink>
      )}{" "}
      <PhaseBadge phase={sitePhase(a, today)} />
      <span className="muted">
        {" "}
        · {t(`agreementKinds.${a.kind}`)} · {period(a.signedOn ?? a.startsOn, a.endsOn)}
        {a.recordedAsPast && ` · ${t("portal.recordedAsPast")}`}
      </span>
    </li>
  );
}

export function History({ page }: { page: PublicPartnershipPage }) {
  const { t } = useTranslation();
  const { chain, framework, specifics } = page.history;
  if (chain.length <= 1 && !framework && specifics.length === 0) return null;
  return (
    <Section title={t("portal.history")}>
      {framework && (
        <>
          <h3>{t("portal.framework")}</h3>
          <ul className="plain">
            <AgreementLine a={framework} current={false} />
          </ul>
        </>
      )}
      {chain.length > 1 && (
        <>
          <h3>{t("portal.chain")}</h3>
          <ol className="plain">
            {chain.map((a) => (
              <AgreementLine key={a.id} a={a} current={a.id === page.agreement.id} />
            ))}
          </ol>
        </>
      )}
      {specifics.length > 0 && (
        <>
          <h3>{t("portal.specifics")}</h3>
          <ul className="plain">
            {specifics.map((a) => (
              <AgreementLine key={a.id} a={a} current={false} />
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}

export function Commitments({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  if (agreement.commitments.length === 0) return null;
  const groups = new Map<string, { party: Agreement["commitments"][number]["organisation"]; items: string[][] }>();
  for (const c of agreement.commitments) {
    const key = c.organisation?.id ?? "";
    const group = groups.get(key) ?? { party: c.organisation, items: [] };
    const levels = c.levels.map((l) => t(`levels.${l as "master"}`, { defaultValue: l })).join(", ");
    group.items.push([c.description, [t(`commitmentKinds.${c.kind}`), levels].filter(Boolean).join(" · ")]);
    groups.set(key, group);
  }
  return (
    <Section title={t("agreements.fields.commitments")}>
      <div className="columns">
        {[...groups.values()].map(({ party, items }) => (
          <div key={party?.id ?? "all"}>
            <h3>
              {party ? (
                <>
                  {t("portal.commitmentsOf")} <OrganisationName org={party} />
                </>
              ) : (
                t("portal.commitmentsAll")
              )}
            </h3>
            <ul>
              {items.map(([description, detail]) => (
                <li key={description}>
                  {description} <span className="muted">· {detail}</span>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </Section>
  );
}

export function Axes({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  if (agreement.axes.length === 0) return null;
  return (
    <Section title={t("agreements.fields.axes")}>
      <div className="columns">
        {agreement.axes.map((x) => (
          <article key={x.id} className="card">
            <h3>
              {x.title} <span className="badge">{t(`axisKinds.${x.kind}`)}</span>
            </h3>
            {x.description && <p>{x.description}</p>}
            {x.objectives.length > 0 && (
              <ul>
                {x.objectives.map((o) => (
                  <li key={o}>{o}</li>
                ))}
              </ul>
            )}
            {x.coordinators.length > 0 && (
              <>
                <h4>{t("agreements.detail.coordinators")}</h4>
                <ul className="plain">
                  {x.coordinators.map((c, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list in the server's order
                    <Contact key={`${i}:${c.name ?? ""}:${c.role}`} c={c} />
                  ))}
                </ul>
              </>
            )}
          </article>
        ))}
      </div>
    </Section>
  );
}

export function Governance({ page }: { page: PublicPartnershipPage }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  if (page.governance.length === 0) return null;
  return (
    <Section title={t("portal.governance")}>
      <div className="columns">
        {page.governance.map((g) => (
          <article key={g.id} className="card">
            <h3>
              {g.name}{" "}
              <span className="muted">· {t(`bodyKinds.${g.kind as "steering"}`, { defaultValue: g.kind })}</span>
            </h3>
            {g.theme && <p>{g.theme}</p>}
            {g.members.length > 0 && (
              <ul className="plain">
                {g.members.map((c, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list in the server's order
                  <Contact key={`${i}:${c.name ?? ""}:${c.role}`} c={c} />
                ))}
              </ul>
            )}
            {g.meetings.length > 0 && (
              <>
                <h4>{t("portal.meetings")}</h4>
                <ul className="plain">
                  {g.meetings.map((m) => (
                    <li key={m.id}>
                      <strong>
                        {formatDate(m.heldOn)}
                        {m.place && ` · ${m.place}`}
                      </strong>
                      {m.decisions.length > 0 && (
                        <ul aria-label={t("portal.decisions")}>
                          {m.decisions.map((d) => (
                            <li key={d}>{d}</li>
                          ))}
                        </ul>
                      )}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </article>
        ))}
      </div>
    </Section>
  );
}

export function Activities({ page }: { page: PublicPartnershipPage }) {
  const { t } = useTranslation();
  const { lang } = useSite();
  const period = useFormatPeriod();
  if (page.activities.length === 0) return null;
  const money = (amount: number, currency: string) =>
    new Intl.NumberFormat(lang, { style: "currency", currency }).format(amount);
  return (
    <Section title={t("activities.title")}>
      <ul className="plain">
        {page.activities.map((x) => (
          <li key={x.id}>
            <strong>{x.title}</strong>{" "}
            <span className="muted">
              · {t(`activityKinds.${x.kind as "seminar"}`, { defaultValue: x.kind })} · {period(x.startsOn, x.endsOn)}
              {x.place && ` · ${x.place}`}
            </span>
            {x.description && <p>{x.description}</p>}
            {x.partners.length > 0 && (
              <p>
                {x.partners.map((p, i) => (
                  <span key={p.id}>
                    {i > 0 && ", "}
                    <OrganisationName org={p} />
                  </span>
                ))}
              </p>
            )}
            {x.funding && (
              <p>
                {t("portal.fundedBy", { funder: x.funding.funder })}
                {x.funding.programme && ` · ${x.funding.programme}`}
                {x.funding.amount !== null && ` · ${money(x.funding.amount, x.funding.currency)}`}
                {(x.funding.startsOn || x.funding.endsOn) && ` · ${period(x.funding.startsOn, x.funding.endsOn)}`}
              </p>
            )}
          </li>
        ))}
      </ul>
    </Section>
  );
}
