import { SITE_LANGUAGES, type SiteDocument } from "@conventio/domain";
import type { TFunction } from "i18next";
import { eventLd, jsonForScript, newsLd, partnerLd, postVersion, websiteLd } from "./json-ld";
import { sitePath } from "./site-context";

export interface HeadFacts {
  title: string;
  description: string;
  image: string | null;
  imageAlt: string | null;
  type: "website" | "article" | "profile";
  jsonLd: unknown[];
}

const clip = (text: string, max = 200) => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
};

/** Title, description, picture and structured data of a page, in the page's language. */
export function headFacts(doc: SiteDocument, t: TFunction): HeadFacts {
  const { page, settings } = doc;
  const absolute = (path: string | null) => (path ? new URL(path, doc.origin).href : null);
  const logo = absolute(settings.logoUrl);
  const base = { image: logo, imageAlt: logo ? settings.institutionName : null, jsonLd: [] as unknown[] };
  switch (page.kind) {
    case "home":
      return {
        ...base,
        type: "website",
        title: settings.institutionName,
        description: t("site.home.description", { name: settings.institutionName }),
        jsonLd: [websiteLd(doc)],
      };
    case "partnerships":
      return {
        ...base,
        type: "website",
        title: t("portal.partnershipsTitle"),
        description: t("portal.partnershipsSubtitle"),
      };
    case "partnership": {
      const a = page.data.agreement;
      const partners = a.parties.map((p) => p.organisation.name.text).join(", ");
      const image = absolute(page.picture?.url ?? null);
      return {
        ...base,
        ...(image ? { image, imageAlt: page.picture?.alt ?? null } : {}),
        type: "article",
        title: a.title.text,
        description: clip(a.summary?.text ?? t("site.partnership.description", { partners })),
      };
    }
    case "partners":
      return { ...base, type: "website", title: t("portal.partnersTitle"), description: t("portal.partnersSubtitle") };
    case "partner": {
      const o = page.data.organisation;
      const where = [o.city, o.countryCode].filter(Boolean).join(", ");
      return {
        ...base,
        type: "profile",
        title: o.name.text,
        description: clip(o.description ?? `${t(`kinds.${o.kind}`)}${where ? ` · ${where}` : ""}`),
        jsonLd: [partnerLd(doc, page.data, page.ror)],
      };
    }
    case "events":
      return { ...base, type: "website", title: t("events.title"), description: t("events.subtitle") };
    case "event": {
      const image = absolute(page.picture?.url ?? null);
      return {
        ...base,
        ...(image ? { image, imageAlt: page.picture?.alt ?? null } : {}),
        type: "article",
        title: page.data.title,
        description: clip(page.data.description ?? page.data.place ?? t("events.subtitle")),
        jsonLd: [eventLd(doc, page.data, image)],
      };
    }
    case "news":
      return { ...base, type: "website", title: t("news.title"), description: t("news.subtitle") };
    case "news-post": {
      const image = absolute(page.picture?.url ?? null);
      const post = postVersion(page.data, doc.lang);
      return {
        ...base,
        ...(image ? { image, imageAlt: page.picture?.alt ?? null } : {}),
        type: "article",
        title: post.title,
        description: clip(post.lang === page.data.lang ? (page.data.summary ?? post.body) : post.body),
        jsonLd: [newsLd(doc, page.data, image)],
      };
    }
    case "map":
      return { ...base, type: "website", title: t("map.title"), description: t("map.subtitle") };
    case "open-data":
      return { ...base, type: "website", title: t("site.openData.title"), description: t("site.openData.intro") };
    case "not-found":
      return { ...base, type: "website", title: t("notFound.title"), description: t("notFound.body") };
    case "gone":
      return { ...base, type: "website", title: t("site.gone.title"), description: t("site.gone.body") };
  }
}

/** The head of a page: title, description, canonical and language alternates, Open Graph, Twitter card, JSON-LD. */
export function Head({ doc, facts }: { doc: SiteDocument; facts: HeadFacts }) {
  const url = (lang: string) => new URL(sitePath(lang, doc.path, doc.query), doc.origin).href;
  const indexable = !doc.preview && !doc.embed && doc.page.kind !== "not-found" && doc.page.kind !== "gone";
  const title =
    facts.title === doc.settings.institutionName ? facts.title : `${facts.title} · ${doc.settings.institutionName}`;
  const ogLocale = { en: "en_GB", fr: "fr_FR", sv: "sv_SE" } as const;
  return (
    <>
      <title>{title}</title>
      <meta name="description" content={facts.description} />
      {!indexable && <meta name="robots" content="noindex" />}
      {indexable && <link rel="canonical" href={url(doc.lang)} />}
      {indexable && SITE_LANGUAGES.map((lang) => <link key={lang} rel="alternate" hrefLang={lang} href={url(lang)} />)}
      {indexable && <link rel="alternate" hrefLang="x-default" href={url(doc.settings.defaultLanguage)} />}
      <meta property="og:type" content={facts.type} />
      <meta property="og:title" content={facts.title} />
      <meta property="og:description" content={facts.description} />
      <meta property="og:url" content={url(doc.lang)} />
      <meta property="og:site_name" content={doc.settings.institutionName} />
      <meta property="og:locale" content={ogLocale[doc.lang]} />
      {SITE_LANGUAGES.filter((l) => l !== doc.lang).map((l) => (
        <meta key={l} property="og:locale:alternate" content={ogLocale[l]} />
      ))}
      {facts.image && <meta property="og:image" content={facts.image} />}
      {facts.image && facts.imageAlt && <meta property="og:image:alt" content={facts.imageAlt} />}
      <meta name="twitter:card" content={facts.image ? "summary_large_image" : "summary"} />
      <meta name="twitter:title" content={facts.title} />
      <meta name="twitter:description" content={facts.description} />
      {facts.image && <meta name="twitter:image" content={facts.image} />}
      <link rel="alternate" type="application/rss+xml" title="RSS" href={`/api/public/news.rss?lang=${doc.lang}`} />
      {/* The logo as the tab's icon; without one, an empty icon spares browsers a request that would 404. */}
      <link rel="icon" href={doc.settings.logoUrl ?? "data:,"} />
      {facts.jsonLd.map((ld, i) => (
        // biome-ignore lint/security/noDangerouslySetInnerHtml: JSON with "<" escaped, not markup
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list made once per page
        <script key={i} type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(ld) }} />
      ))}
    </>
  );
}
