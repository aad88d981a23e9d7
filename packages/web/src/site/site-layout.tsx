import { SITE_LANGUAGES } from "@conventio/domain";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { sitePath, useSite } from "./site-context";

const LANGUAGE_NAMES = { en: "English", fr: "Français", sv: "Svenska" } as const;

function LanguageSwitch() {
  const { t } = useTranslation();
  const doc = useSite();
  return (
    <nav className="languages" aria-label={t("site.languages")}>
      <ul>
        {SITE_LANGUAGES.map((lang) => (
          <li key={lang}>
            {lang === doc.lang ? (
              <span aria-current="true" lang={lang}>
                {LANGUAGE_NAMES[lang]}
              </span>
            ) : (
              <a href={sitePath(lang, doc.path, doc.query)} hrefLang={lang} lang={lang}>
                {LANGUAGE_NAMES[lang]}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

const SECTIONS = [
  { path: "/partnerships", key: "nav.partnerships" },
  { path: "/partners", key: "nav.partners" },
  { path: "/map", key: "nav.map" },
  { path: "/events", key: "nav.events" },
  { path: "/news", key: "nav.news" },
] as const;

function SiteHeader() {
  const { t } = useTranslation();
  const { lang, settings, path } = useSite();
  return (
    <header className="site-header">
      <div className="bar">
        <a href={sitePath(lang, "/")} className="brand">
          {settings.logoUrl && <img src={settings.logoUrl} alt="" height={40} />}
          <span>{settings.institutionName}</span>
        </a>
        <LanguageSwitch />
      </div>
      <nav className="sections" aria-label={t("site.sections")}>
        <ul>
          {SECTIONS.map((s) => {
            const here = path === s.path || path.startsWith(`${s.path}/`);
            return (
              <li key={s.path}>
                <a href={sitePath(lang, s.path)} aria-current={here ? "page" : undefined}>
                  {t(s.key)}
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
    </header>
  );
}

function SiteFooter() {
  const { t } = useTranslation();
  const { lang, settings } = useSite();
  return (
    <footer className="site-footer">
      <ul>
        {settings.footerLinks.map((link) => (
          <li key={link.url}>
            <a href={link.url}>{link.label}</a>
          </li>
        ))}
        <li>
          <a href={sitePath(lang, "/open-data")}>{t("site.openData.title")}</a>
        </li>
        <li>
          <a href={`/api/public/news.rss?lang=${lang}`}>{t("news.rss")}</a>
        </li>
        <li>
          <a href={`/api/public/calendar.ics?lang=${lang}`}>{t("events.ical")}</a>
        </li>
        <li>
          <a href="/sign-in">{t("site.staff")}</a>
        </li>
      </ul>
    </footer>
  );
}

/** The frame of every public page; an embedded page keeps only its content and a link home. */
export function SiteLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const doc = useSite();
  if (doc.embed) {
    return (
      <main id="main" className="embedded">
        {children}
        <p className="source">
          <a href={sitePath(doc.lang, "/")} target="_blank" rel="noopener">
            {doc.settings.institutionName}
          </a>
        </p>
      </main>
    );
  }
  return (
    <>
      <a className="skip" href="#main">
        {t("site.skip")}
      </a>
      <SiteHeader />
      {doc.preview && (
        <p className="preview-banner" role="status">
          {t("site.previewBanner")}
        </p>
      )}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
