import type { EventView, NewsSummary, NewsView, SitePage, SitePicture } from "@conventio/domain";
import { useTranslation } from "react-i18next";
import { useFormatDate } from "../../lib/format";
import { dayIn } from "../../lib/time-zone";
import { postVersion } from "../json-ld";
import { useSite } from "../site-context";
import { useEventTime } from "../site-format";
import { Empty, PageTitle, Paging, Section, SiteLink } from "../site-ui";
import { Picture } from "./partnership-page";

type Of<K extends SitePage["kind"]> = Extract<SitePage, { kind: K }>;

export function EventLine({ e }: { e: EventView }) {
  const { t } = useTranslation();
  const { lang, today } = useSite();
  const eventTime = useEventTime();
  const isToday = dayIn(e.startsAt, e.timeZone) <= today && dayIn(e.endsAt ?? e.startsAt, e.timeZone) >= today;
  return (
    <li>
      <h2>
        <SiteLink href={`/${lang}/events/${e.id}`}>{e.title}</SiteLink>
        {isToday && <span className="badge phase-current">{t("site.today")}</span>}
      </h2>
      <p className="muted">
        {eventTime(e)}
        {e.place && ` · ${e.place}`}
      </p>
    </li>
  );
}

export function NewsLine({ n }: { n: NewsSummary }) {
  const { lang } = useSite();
  const formatDate = useFormatDate();
  return (
    <li>
      <h2>
        <SiteLink href={`/${lang}/news/${n.id}`}>
          <span lang={n.lang === lang ? undefined : n.lang}>{n.title}</span>
        </SiteLink>
      </h2>
      <p className="muted">{[formatDate(n.publishedOn), n.category, n.author].filter(Boolean).join(" · ")}</p>
      {n.summary && <p lang={n.lang === lang ? undefined : n.lang}>{n.summary}</p>}
    </li>
  );
}

/** Coming or past public events, soonest first (latest first for past ones). */
export function EventsPage({ page }: { page: Of<"events"> }) {
  const { t } = useTranslation();
  const { lang } = useSite();
  return (
    <>
      <PageTitle title={t("events.title")} lead={t("events.subtitle")} />
      <nav className="tabs" aria-label={t("site.events.when")}>
        <a href={`/${lang}/events`} aria-current={page.when === "coming" ? "page" : undefined}>
          {t("site.events.coming")}
        </a>
        <a href={`/${lang}/events?when=past`} aria-current={page.when === "past" ? "page" : undefined}>
          {t("site.events.past")}
        </a>
      </nav>
      {page.items.length === 0 ? (
        <Empty>{t("events.none")}</Empty>
      ) : (
        <ul className="results">
          {page.items.map((e) => (
            <EventLine key={e.id} e={e} />
          ))}
        </ul>
      )}
      <Paging paging={page.paging} />
    </>
  );
}

export function EventPage({ e, picture }: { e: EventView; picture: SitePicture | null }) {
  const { t } = useTranslation();
  const { lang } = useSite();
  const eventTime = useEventTime();
  const list = new Intl.ListFormat(lang, { type: "conjunction" });
  const facts: [string, React.ReactNode][] = [
    [t("site.events.when"), eventTime(e)],
    [t("events.fields.place"), e.place],
    [t("events.fields.audiences"), e.audiences.length > 0 && list.format(e.audiences.map((a) => t(`audiences.${a}`)))],
    [
      t("events.fields.agreement"),
      e.agreement && <SiteLink href={`/${lang}/partnerships/${e.agreement.id}`}>{e.agreement.title}</SiteLink>,
    ],
    [
      t("events.fields.registrationDeadline"),
      e.registrationDeadline && eventTime({ ...e, startsAt: e.registrationDeadline, endsAt: null }),
    ],
    [
      t("events.registration"),
      e.registrationUrl && (
        <a href={e.registrationUrl} rel="noopener">
          {t("events.registerAt", { host: new URL(e.registrationUrl).host })}
        </a>
      ),
    ],
    [
      t("events.contact"),
      (e.contactName || e.contactEmail || e.contactPhone) && (
        <>
          {e.contactName}
          {e.contactEmail && (
            <>
              {e.contactName && " · "}
              <a href={`mailto:${e.contactEmail}`}>{e.contactEmail}</a>
            </>
          )}
          {e.contactPhone && (
            <>
              {" "}
              · <a href={`tel:${e.contactPhone.replace(/\s+/g, "")}`}>{e.contactPhone}</a>
            </>
          )}
        </>
      ),
    ],
  ];
  return (
    <article>
      <PageTitle title={e.title} />
      <Picture picture={picture} />
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
      {e.description && <p className="text">{e.description}</p>}
      <p>
        <SiteLink href={`/${lang}/events`}>{t("site.events.all")}</SiteLink>
      </p>
    </article>
  );
}

export function NewsPage({ page }: { page: Of<"news"> }) {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t("news.title")} lead={t("news.subtitle")} />
      {page.items.length === 0 ? (
        <Empty>{t("portal.noNews")}</Empty>
      ) : (
        <ul className="results">
          {page.items.map((n) => (
            <NewsLine key={n.id} n={n} />
          ))}
        </ul>
      )}
      <Paging paging={page.paging} />
    </>
  );
}

/** A post in the page's language when it is written or translated in it, else as written. */
export function NewsPostPage({ n, picture }: { n: NewsView; picture: SitePicture | null }) {
  const { t } = useTranslation();
  const { lang } = useSite();
  const formatDate = useFormatDate();
  const versions = [{ lang: n.lang, title: n.title, body: n.body }, ...n.translations];
  const shown = postVersion(n, lang);
  const others = versions.filter(
    (v) => v.lang !== shown.lang && (v.lang === "en" || v.lang === "fr" || v.lang === "sv"),
  );
  return (
    <article lang={shown.lang === lang ? undefined : shown.lang}>
      <PageTitle
        title={shown.title}
        lead={[formatDate(n.publishedOn), n.category, n.author].filter(Boolean).join(" · ")}
      />
      {others.length > 0 && (
        <p lang={lang}>
          {t("news.readIn")}{" "}
          {others.map((v, i) => (
            <span key={v.lang}>
              {i > 0 && ", "}
              <a href={`/${v.lang}/news/${n.id}`} hrefLang={v.lang} lang={v.lang}>
                {v.title}
              </a>
            </span>
          ))}
        </p>
      )}
      {n.summary && shown.lang === n.lang && <p className="summary">{n.summary}</p>}
      <Picture picture={picture} />
      <p className="text">{shown.body}</p>
      {n.sourceOutlet && (
        <p lang={lang} className="muted">
          {n.sourcePublishedOn
            ? t("news.source.publishedOn", { outlet: n.sourceOutlet, date: formatDate(n.sourcePublishedOn) })
            : t("news.source.published", { outlet: n.sourceOutlet })}
          {n.sourceUrl && (
            <>
              {" "}
              <a href={n.sourceUrl} rel="noopener noreferrer">
                {t("news.source.readOriginal", { outlet: n.sourceOutlet })}
              </a>
            </>
          )}
        </p>
      )}
      {n.tags.length > 0 && (
        <ul className="tags" aria-label={t("news.fields.tags")} lang={lang}>
          {n.tags.map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      )}
      {n.agreement && (
        <p lang={lang}>
          {t("news.aboutPartnership")}{" "}
          <SiteLink href={`/${lang}/partnerships/${n.agreement.id}`}>{n.agreement.title}</SiteLink>
        </p>
      )}
      {n.related.length > 0 && (
        <aside lang={lang}>
          <Section title={t("news.related")}>
            <ul className="plain">
              {n.related.map((r) => (
                <li key={r.id}>
                  <SiteLink href={`/${lang}/news/${r.id}`}>
                    <span lang={r.lang === lang ? undefined : r.lang}>{r.title}</span>
                  </SiteLink>{" "}
                  <span className="muted">{formatDate(r.publishedOn)}</span>
                </li>
              ))}
            </ul>
          </Section>
        </aside>
      )}
    </article>
  );
}
