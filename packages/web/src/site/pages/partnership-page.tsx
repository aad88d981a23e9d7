import type { PublicPartnershipPage, SitePicture } from "@conventio/domain";
import { sitePhase } from "@conventio/domain";
import { useTranslation } from "react-i18next";
import { useFormatDate, useFormatPeriod } from "../../lib/format";
import { useSite } from "../site-context";
import { useEventTime } from "../site-format";
import { Empty, OrganisationName, PageTitle, PhaseBadge, Section, Shown, SiteLink } from "../site-ui";
import { Activities, Axes, Commitments, Governance, History, Signatories } from "./partnership-parts";

export function Picture({ picture }: { picture: SitePicture | null }) {
  if (!picture) return null;
  return (
    <figure className="picture">
      <img
        src={picture.url}
        srcSet={picture.srcset ?? undefined}
        sizes="(max-width: 640px) 100vw, 600px"
        alt={picture.alt}
        width={picture.width ?? undefined}
        height={picture.height ?? undefined}
        fetchPriority="high"
      />
      {(picture.caption || picture.credit) && (
        <figcaption>
          {picture.caption && <Shown value={picture.caption} />}
          {picture.caption && picture.credit && " "}
          {picture.credit && <span className="muted">{picture.credit}</span>}
        </figcaption>
      )}
    </figure>
  );
}

/** A partnership as published: parties, dates and phase, signatories, content, history, governance, calendar, news. */
export function PartnershipPage({ page, picture }: { page: PublicPartnershipPage; picture: SitePicture | null }) {
  const { t } = useTranslation();
  const { lang, today } = useSite();
  const formatDate = useFormatDate();
  const period = useFormatPeriod();
  const eventTime = useEventTime();
  const { agreement: a, events, news } = page;
  const when = a.startsOn || a.endsOn ? period(a.startsOn, a.endsOn) : t("agreements.detail.openEnded");
  return (
    <article>
      <PageTitle
        title={a.title.text}
        lang={a.title.lang}
        lead={
          <>
            <PhaseBadge phase={sitePhase(a, today)} /> {t(`agreementKinds.${a.kind}`)} · {when}
            {a.terminatedOn && ` · ${t("site.terminatedOn", { date: formatDate(a.terminatedOn) })}`}
          </>
        }
      />
      {a.summary && (
        <p className="summary">
          <Shown value={a.summary} />
        </p>
      )}
      <Picture picture={picture} />
      <div className="columns">
        <Section title={t("agreements.fields.parties")}>
          <ul className="plain">
            {a.parties.map((p) => (
              <li key={p.organisation.id}>
                <OrganisationName org={p.organisation} />
                <span className="muted">
                  {" "}
                  · {t(`partyRoles.${p.role}`)}
                  {p.responsibleUnit && (
                    <>
                      {" · "}
                      <OrganisationName org={p.responsibleUnit} />
                    </>
                  )}
                </span>
              </li>
            ))}
          </ul>
          {a.signedOn && <p>{t("portal.signedOn", { date: formatDate(a.signedOn) })}</p>}
          {(a.themes.length > 0 || a.fields.length > 0) && (
            <ul className="tags" aria-label={t("agreements.fields.themes")}>
              {a.themes.map((theme) => (
                <li key={theme.text}>
                  <Shown value={theme} />
                </li>
              ))}
              {a.fields.map((f) => (
                <li key={f.code} className="field">
                  {f.name}
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section title={t("agreements.fields.objectives")}>
          {a.objectives.length === 0 ? (
            <Empty>{t("agreements.detail.none")}</Empty>
          ) : (
            <ul>
              {a.objectives.map((o) => (
                <li key={o}>{o}</li>
              ))}
            </ul>
          )}
        </Section>
      </div>
      <Signatories agreement={a} />
      <Commitments agreement={a} />
      <Axes agreement={a} />
      <History page={page} />
      <Governance page={page} />
      <div className="columns">
        <Section title={t("portal.calendar")}>
          {events.length === 0 ? (
            <Empty>{t("events.none")}</Empty>
          ) : (
            <ul className="plain">
              {events.map((e) => (
                <li key={e.id}>
                  <SiteLink href={`/${lang}/events/${e.id}`}>{e.title}</SiteLink>
                  <br />
                  <span className="muted">
                    {eventTime(e)}
                    {e.place && ` · ${e.place}`}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {!page.preview && <a href={`/api/public/agreements/${a.id}/calendar.ics`}>{t("portal.calendarFeed")}</a>}
        </Section>
        <Section title={t("news.title")}>
          {news.length === 0 ? (
            <Empty>{t("portal.noNews")}</Empty>
          ) : (
            <ul className="plain">
              {news.map((n) => (
                <li key={n.id}>
                  <SiteLink href={`/${lang}/news/${n.id}`}>
                    <span lang={n.lang === lang ? undefined : n.lang}>{n.title}</span>
                  </SiteLink>
                  {n.publishedOn && <span className="muted"> · {formatDate(n.publishedOn)}</span>}
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>
      <Activities page={page} />
      <p>
        <SiteLink href={`/${lang}/partnerships`}>{t("portal.allPartnerships")}</SiteLink>
      </p>
    </article>
  );
}
