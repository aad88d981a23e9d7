import { describe, expect, it } from "vitest";
import { attribute, childNamed, childrenNamed, descendants, parseXmlStrictly, XML_NS } from "#test/strict-xml.js";
import type { PostRow } from "./news.presenter.js";
import { renderNewsFeed } from "./news-feed.js";

const ATOM = "http://www.w3.org/2005/Atom";

/** A row as an older version, an import or a hand edit might have left it: control characters and all. */
function row(overrides: Partial<PostRow> = {}): PostRow {
  return {
    id: "post-1",
    lang: "fr",
    title: "Bilan\u0000 R&D\u0007 ]]> &nbsp; \u007f\u0085fin\ud800",
    summary: null,
    body: "Ligne un\r\nLigne\u001b deux &amp; <b>gras</b>",
    translations: "[]",
    category: null,
    agreement_id: null,
    author_id: null,
    author_name: "Service\u0008 international",
    status: "published",
    published_on: "2024-05-02",
    created_at: "2024-05-01T08:00:00.000Z",
    updated_at: "2024-05-02T09:30:00.000Z",
    source_outlet: null,
    source_url: null,
    source_published_on: null,
    ...overrides,
  };
}

describe("the strict parser the feed tests rely on", () => {
  it("refuses what a lenient parser would repair", () => {
    expect(() => parseXmlStrictly("<a>\u0001</a>")).toThrow();
    expect(() => parseXmlStrictly("<a>&nbsp;</a>")).toThrow();
    expect(() => parseXmlStrictly("<a>R&D</a>")).toThrow();
    expect(() => parseXmlStrictly("<a><dc:b/></a>")).toThrow();
  });
});

describe("news feeds", () => {
  it.each(["rss", "atom"] as const)("stay well-formed whatever a stored %s text holds", (format) => {
    const xml = renderNewsFeed(format, [{ row: row(), tags: ["R&D\u0002"] }], { publicUrl: "https://x.test" });
    const doc = parseXmlStrictly(xml);
    const texts = descendants(doc).flatMap((e) => [e.text, ...e.attributes.values()]);
    expect(texts).toContain("Bilan R&D ]]> &nbsp; fin");
    expect(texts).toContain("R&D");
    expect(texts).toContain("Service international");
    expect(texts.join("")).not.toMatch(/[^\P{Cc}\t\n]/u);
  });

  it("writes entities typed in a post as text, not as entities", () => {
    const doc = parseXmlStrictly(renderNewsFeed("atom", [{ row: row(), tags: [] }], { publicUrl: "https://x.test" }));
    const entry = childNamed(doc, ATOM, "entry");
    expect(childNamed(entry, ATOM, "content").text).toBe("Ligne un\nLigne deux &amp; <b>gras</b>");
    expect(descendants(doc).map((e) => e.local)).not.toContain("b");
  });

  it("marks the language of the channel and of each entry, and names the channel in a language it has", () => {
    const posts = [
      { row: row({ id: "a", lang: "ja" }), tags: [] },
      { row: row({ id: "b", lang: "ja" }), tags: [] },
      { row: row({ id: "c", lang: "sv" }), tags: [] },
    ];
    const doc = parseXmlStrictly(renderNewsFeed("atom", posts, { publicUrl: "https://x.test" }));
    expect(attribute(doc, "lang", XML_NS)).toBe("ja");
    expect(childrenNamed(doc, ATOM, "entry").map((e) => attribute(e, "lang", XML_NS))).toEqual(["ja", "ja", "sv"]);
    // No Japanese wording for the channel: its title says it is in English.
    const title = childNamed(doc, ATOM, "title");
    expect([title.text, attribute(title, "lang", XML_NS)]).toEqual(["Conventio — news", "en"]);
  });
});
