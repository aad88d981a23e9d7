import { isUiLanguage, type UiLanguage, withoutControlCharacters } from "@conventio/domain";
import { DOMImplementation, type Document, type Element, XMLSerializer } from "@xmldom/xmldom";
import { type PostRow, presentTranslations } from "./news.presenter.js";

/**
 * RSS 2.0 and Atom 1.0 of published posts, written as an XML document and serialised by a DOM
 * implementation rather than by the `feed` package: see docs/decisions/008-news-feeds.md.
 */

const ATOM = "http://www.w3.org/2005/Atom";
const DC = "http://purl.org/dc/elements/1.1/";
const XML = "http://www.w3.org/XML/1998/namespace";
const XMLNS = "http://www.w3.org/2000/xmlns/";

export type FeedFormat = "rss" | "atom";

export interface FeedPost {
  row: PostRow;
  tags: string[];
}

/** The channel's own words, in each language of the web app; its title follows the institution's name. */
const WORDING: Record<UiLanguage, { title: string; description: string }> = {
  en: { title: "news", description: "News of the partnerships" },
  fr: { title: "actualités", description: "Actualités des partenariats" },
  sv: { title: "nyheter", description: "Nyheter om partnerskapen" },
};

/**
 * Text as XML can carry it. Posts are stored without control characters, but a feed must stay
 * well-formed whatever a row holds: control characters (C0 but tab and line feed, DEL, C1),
 * lone surrogates and the two non-characters are dropped here too.
 */
export function xmlText(value: string): string {
  return withoutControlCharacters(value).replace(/\p{Cs}|[\uFFFE\uFFFF]/gu, "");
}

/** Plain text as the HTML that RSS readers expect in a description: every character shown as typed. */
function textAsHtml(text: string): string {
  const escapeHtml = (s: string) =>
    s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  return text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
}

/** The version a reader of `lang` gets: the translation in that language, else the original. */
function versionOf(row: PostRow, lang: string | undefined) {
  if (lang && lang !== row.lang) {
    const found = presentTranslations(row).find((t) => t.lang === lang);
    if (found) return { lang: found.lang, title: found.title, summary: null, body: found.body };
  }
  return { lang: row.lang, title: row.title, summary: row.summary, body: row.body };
}

/** The language most posts are written in, for a feed asked for without a language. */
function commonLanguage(posts: FeedPost[]): string {
  const counts = new Map<string, number>();
  for (const p of posts) counts.set(p.row.lang, (counts.get(p.row.lang) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "en";
}

/**
 * Adds an element in its parent's namespace (or the one its prefix names) with its attributes
 * and its text, every string cleaned by `xmlText`; `xml:lang` goes in the XML namespace.
 */
function add(parent: Element, name: string, attributes: Record<string, string> = {}, content?: string): Element {
  const doc = parent.ownerDocument;
  if (!doc) throw new Error("A feed element outside its document.");
  const ns = name.startsWith("atom:") ? ATOM : name.startsWith("dc:") ? DC : parent.namespaceURI;
  const element = doc.createElementNS(ns, name);
  for (const [key, value] of Object.entries(attributes)) {
    if (key.startsWith("xml:")) element.setAttributeNS(XML, key, xmlText(value));
    else element.setAttribute(key, xmlText(value));
  }
  if (content !== undefined) element.appendChild(doc.createTextNode(xmlText(content)));
  parent.appendChild(element);
  return element;
}

/** Midnight UTC of a calendar date, as the feeds need an instant. */
const dayInstant = (date: string) => new Date(`${date}T00:00:00Z`);

/**
 * The feed of `posts` (newest first). With `lang`, each post comes in its translation into that
 * language when it has one, else in its original; every item says which language it is in.
 */
export function renderNewsFeed(
  format: FeedFormat,
  posts: FeedPost[],
  options: { publicUrl: string; lang?: string | undefined; publisher?: string | undefined },
): string {
  const { publicUrl } = options;
  const language = options.lang ?? commonLanguage(posts);
  const wordingLang: UiLanguage = isUiLanguage(language) ? language : "en";
  const words = WORDING[wordingLang];
  const wording = { ...words, title: `${options.publisher ?? "Conventio"} — ${words.title}` };
  // The channel's own words exist in the web app's languages only; say so when the feed's is another.
  const wordingAttrs: Record<string, string> = wordingLang === language ? {} : { "xml:lang": wordingLang };
  const query = options.lang ? `?lang=${encodeURIComponent(options.lang)}` : "";
  const self = `${publicUrl}/api/public/news.${format}${query}`;
  const home = `${publicUrl}/`;
  const items = posts.map(({ row, tags }) => {
    const version = versionOf(row, options.lang);
    return {
      row,
      tags,
      version,
      link: `${publicUrl}/news/${encodeURIComponent(row.id)}?lang=${encodeURIComponent(version.lang)}`,
      published: dayInstant(row.published_on ?? row.created_at.slice(0, 10)),
    };
  });
  const dom = new DOMImplementation();

  if (format === "atom") {
    const doc = dom.createDocument(ATOM, "feed", null);
    const feed = doc.documentElement;
    if (!feed) throw new Error("The Atom document has no root element.");
    feed.setAttributeNS(XML, "xml:lang", language);
    add(feed, "title", { type: "text", ...wordingAttrs }, wording.title);
    add(feed, "subtitle", { type: "text", ...wordingAttrs }, wording.description);
    add(feed, "id", {}, self);
    add(feed, "link", { rel: "self", type: "application/atom+xml", href: self });
    add(feed, "link", { rel: "alternate", type: "text/html", href: home });
    const updated = Math.max(0, ...items.map((i) => Date.parse(i.row.updated_at)));
    add(feed, "updated", {}, new Date(updated).toISOString());
    add(feed, "generator", {}, "Conventio");
    for (const { row, tags, version, link, published } of items) {
      const entry = add(feed, "entry", { "xml:lang": version.lang });
      add(entry, "id", {}, link);
      add(entry, "title", { type: "text" }, version.title);
      add(entry, "link", { rel: "alternate", type: "text/html", hreflang: version.lang, href: link });
      if (row.source_url) {
        // "via": the resource the entry's information comes from (RFC 4287, 4.2.7.2).
        const via: Record<string, string> = { rel: "via", type: "text/html", href: row.source_url };
        if (row.source_outlet) via.title = row.source_outlet;
        add(entry, "link", via);
      }
      add(entry, "published", {}, published.toISOString());
      add(entry, "updated", {}, new Date(row.updated_at).toISOString());
      add(add(entry, "author"), "name", {}, row.author_name);
      for (const tag of tags) add(entry, "category", { term: tag, label: tag });
      if (row.source_outlet) {
        // Where a relayed article first appeared, as Atom describes the origin of an entry.
        const source = add(entry, "source");
        add(source, "title", { type: "text" }, row.source_outlet);
        if (row.source_url) add(source, "link", { rel: "alternate", type: "text/html", href: row.source_url });
        if (row.source_published_on) add(source, "updated", {}, dayInstant(row.source_published_on).toISOString());
      }
      if (version.summary) add(entry, "summary", { type: "text" }, version.summary);
      add(entry, "content", { type: "text" }, version.body);
    }
    return serialise(doc);
  }

  const doc = dom.createDocument(null, "rss", null);
  const rss = doc.documentElement;
  if (!rss) throw new Error("The RSS document has no root element.");
  rss.setAttribute("version", "2.0");
  rss.setAttributeNS(XMLNS, "xmlns:atom", ATOM);
  rss.setAttributeNS(XMLNS, "xmlns:dc", DC);
  const channel = add(rss, "channel");
  add(channel, "title", wordingAttrs, wording.title);
  add(channel, "link", {}, home);
  add(channel, "description", wordingAttrs, wording.description);
  add(channel, "language", {}, language);
  add(channel, "atom:link", { rel: "self", type: "application/rss+xml", href: self });
  add(channel, "generator", {}, "Conventio");
  if (items[0]) add(channel, "lastBuildDate", {}, items[0].published.toUTCString());
  for (const { row, tags, version, link, published } of items) {
    // RSS 2.0 has no language below the channel. dc:language is the element feed readers and
    // aggregators read for an item's language (Dublin Core is the module they already know for
    // dc:creator); xml:lang says the same to XML tools and changes nothing for readers ignoring it.
    const item = add(channel, "item", { "xml:lang": version.lang });
    // Titles are plain text in RSS, escaped once by the serialiser. Descriptions are HTML by
    // convention, so the text is escaped as HTML first: a reader shows "<script>" and never runs it.
    add(item, "title", {}, version.title);
    add(item, "link", {}, link);
    add(item, "guid", { isPermaLink: "true" }, link);
    add(item, "pubDate", {}, published.toUTCString());
    add(item, "dc:creator", {}, row.author_name);
    add(item, "dc:language", {}, version.lang);
    for (const tag of tags) add(item, "category", {}, tag);
    add(item, "description", {}, textAsHtml(xmlText([version.summary, version.body].filter(Boolean).join("\n\n"))));
    if (row.source_outlet && row.source_url) {
      // RSS's <source> names where an item comes from; readers show it as a "via" link.
      add(item, "source", { url: row.source_url }, row.source_outlet);
    }
  }
  return serialise(doc);
}

/** The document with its declaration; the serialiser refuses anything that would not be well-formed. */
function serialise(doc: Document): string {
  const body = new XMLSerializer().serializeToString(doc, { requireWellFormed: true });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`;
}
