import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";
import {
  attribute,
  childNamed,
  childrenNamed,
  descendants,
  parseXmlStrictly,
  XML_NS,
  type XmlElement,
} from "#test/strict-xml.js";

const ATOM = "http://www.w3.org/2005/Atom";
const DC = "http://purl.org/dc/elements/1.1/";

let ctx: TestContext;
let editor: Session;

const api = (method: "GET" | "POST" | "PUT", url: string, payload?: unknown, s?: Session) =>
  ctx.app.inject({
    method,
    url,
    headers: s?.headers ?? {},
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

/** What an editor types, markup and ampersands included, as a reader must see it again. */
const TITLE = '<bientôt> R&D "quotes"';
const BODY = "Le programme <script>alert(1)</script> commence & continue.\n\nDeuxième paragraphe.";
const EN_TITLE = "<soon> R&D 'quotes'";
const EN_BODY = "The programme <script>alert(1)</script> starts.";
const RELAYED = {
  sourceOutlet: "Ouest-France",
  sourceUrl: "https://www.ouest-france.fr/bretagne/rennes/article?id=1&ref=rss",
  sourcePublishedOn: "2024-03-01",
};

let postId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  editor = await signedIn(ctx, "editor");
  const created = await api(
    "POST",
    "/api/news",
    {
      lang: "fr",
      title: TITLE,
      summary: "Résumé <em>court</em>",
      body: BODY,
      tags: ["R&D", "Énergie"],
      translations: [{ lang: "en", title: EN_TITLE, body: EN_BODY }],
      status: "published",
      publishedOn: "2024-03-04",
      ...RELAYED,
    },
    editor,
  );
  expect(created.statusCode).toBe(201);
  postId = created.json().id;
  const plain = await api(
    "POST",
    "/api/news",
    { lang: "sv", title: "Utbyte med Kyutech", body: "Text.", status: "published", publishedOn: "2024-03-02" },
    editor,
  );
  expect(plain.statusCode).toBe(201);
});
afterAll(() => ctx.close());

it("refuses a bell or a NUL pasted in with a title, naming the field", async () => {
  const res = await api("POST", "/api/news", { lang: "fr", title: `${TITLE}\u0007\u0000`, body: "Texte." }, editor);
  expect(res.statusCode).toBe(422);
  expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(["title"]);
});

/** Every element of a feed read anonymously, after a strict parse. */
async function feed(path: string): Promise<XmlElement> {
  const res = await api("GET", path);
  expect(res.statusCode).toBe(200);
  return parseXmlStrictly(res.body);
}

const textOf = (parent: XmlElement, uri: string, local: string) => childNamed(parent, uri, local).text;

describe("the Atom feed", () => {
  it("gives back titles, categories and texts exactly as entered, as text, with their language", async () => {
    const doc = await feed("/api/public/news.atom");
    expect([doc.uri, doc.local]).toEqual([ATOM, "feed"]);
    expect(attribute(doc, "lang", XML_NS)).toBe("fr");
    const [entry, other] = childrenNamed(doc, ATOM, "entry") as [XmlElement, XmlElement];
    expect(attribute(entry, "lang", XML_NS)).toBe("fr");
    const title = childNamed(entry, ATOM, "title");
    expect([title.text, attribute(title, "type")]).toEqual([TITLE, "text"]);
    const content = childNamed(entry, ATOM, "content");
    expect([content.text, attribute(content, "type")]).toEqual([BODY, "text"]);
    expect(textOf(entry, ATOM, "summary")).toBe("Résumé <em>court</em>");
    const categories = childrenNamed(entry, ATOM, "category");
    expect(categories.map((c) => [attribute(c, "term"), attribute(c, "label")])).toEqual([
      ["Énergie", "Énergie"],
      ["R&D", "R&D"],
    ]);
    expect(descendants(doc).map((e) => e.local)).not.toEqual(expect.arrayContaining(["script", "em"]));
    expect([textOf(other, ATOM, "title"), attribute(other, "lang", XML_NS)]).toEqual(["Utbyte med Kyutech", "sv"]);
  });

  it("serves the translation asked for, and the original with its own language when there is none", async () => {
    const doc = await feed("/api/public/news.atom?lang=en");
    expect(attribute(doc, "lang", XML_NS)).toBe("en");
    const [entry, other] = childrenNamed(doc, ATOM, "entry") as [XmlElement, XmlElement];
    expect(attribute(entry, "lang", XML_NS)).toBe("en");
    expect(textOf(entry, ATOM, "title")).toBe(EN_TITLE);
    expect(textOf(entry, ATOM, "content")).toBe(EN_BODY);
    expect(childrenNamed(entry, ATOM, "summary")).toEqual([]);
    expect(attribute(childrenNamed(entry, ATOM, "link")[0] as XmlElement, "href")).toMatch(
      new RegExp(`/news/${postId}\\?lang=en$`),
    );
    expect(attribute(other, "lang", XML_NS)).toBe("sv");
    expect(textOf(other, ATOM, "title")).toBe("Utbyte med Kyutech");
  });

  it("says where a relayed article comes from", async () => {
    const doc = await feed("/api/public/news.atom");
    const entry = childrenNamed(doc, ATOM, "entry")[0] as XmlElement;
    const via = childrenNamed(entry, ATOM, "link").find((l) => attribute(l, "rel") === "via");
    expect(via && [attribute(via, "href"), attribute(via, "title")]).toEqual([RELAYED.sourceUrl, "Ouest-France"]);
    const source = childNamed(entry, ATOM, "source");
    expect(textOf(source, ATOM, "title")).toBe("Ouest-France");
    expect(textOf(source, ATOM, "updated")).toBe("2024-03-01T00:00:00.000Z");
  });
});

describe("the RSS feed", () => {
  it("escapes titles and categories, marks languages and sends descriptions as escaped text", async () => {
    const rss = await feed("/api/public/news.rss");
    expect(rss.local).toBe("rss");
    const channel = childNamed(rss, "", "channel");
    expect(textOf(channel, "", "language")).toBe("fr");
    const [item, other] = childrenNamed(channel, "", "item") as [XmlElement, XmlElement];
    expect(textOf(item, "", "title")).toBe(TITLE);
    expect(childrenNamed(item, "", "category").map((c) => c.text)).toEqual(["Énergie", "R&D"]);
    expect([textOf(item, DC, "language"), attribute(item, "lang", XML_NS)]).toEqual(["fr", "fr"]);
    expect([textOf(other, DC, "language"), attribute(other, "lang", XML_NS)]).toEqual(["sv", "sv"]);
    // Readers take a description as HTML: what they get must show the markup, not run it.
    const description = textOf(item, "", "description");
    expect(description).not.toMatch(/<script|<em/i);
    expect(description).toContain("&lt;script&gt;alert(1)&lt;/script&gt; commence &amp; continue.");
    expect(description).toContain("Résumé &lt;em&gt;court&lt;/em&gt;");
    expect(descendants(rss).map((e) => e.local)).not.toContain("script");
    const source = childNamed(item, "", "source");
    expect([source.text, attribute(source, "url")]).toEqual(["Ouest-France", RELAYED.sourceUrl]);
  });

  it("serves the translation asked for and names the channel in that language", async () => {
    const channel = childNamed(await feed("/api/public/news.rss?lang=en"), "", "channel");
    expect(textOf(channel, "", "language")).toBe("en");
    expect(textOf(channel, "", "title")).toBe("Conventio — news");
    const [item, other] = childrenNamed(channel, "", "item") as [XmlElement, XmlElement];
    expect([textOf(item, "", "title"), textOf(item, DC, "language")]).toEqual([EN_TITLE, "en"]);
    expect(textOf(item, "", "description")).toBe("<p>The programme &lt;script&gt;alert(1)&lt;/script&gt; starts.</p>");
    expect([textOf(other, "", "title"), textOf(other, DC, "language")]).toEqual(["Utbyte med Kyutech", "sv"]);
    const sv = childNamed(await feed("/api/public/news.rss?lang=sv"), "", "channel");
    expect(textOf(sv, "", "title")).toBe("Conventio — nyheter");
    // A regional tag reads as its language.
    const british = childNamed(await feed("/api/public/news.rss?lang=en-GB"), "", "channel");
    expect(textOf(childrenNamed(british, "", "item")[0] as XmlElement, "", "title")).toBe(EN_TITLE);
  });

  it("refuses a language that is not a language code", async () => {
    const res = await api("GET", "/api/public/news.rss?lang=fr%26x");
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe("querystring.lang");
  });
});

describe("relayed articles", () => {
  it("shows the outlet, the link and the original date to anyone", async () => {
    const post = (await api("GET", `/api/news/${postId}`)).json();
    expect(post).toMatchObject({ title: TITLE, ...RELAYED });
    const listed = (await api("GET", "/api/news")).json().items.find((p: { id: string }) => p.id === postId);
    expect(listed).toMatchObject(RELAYED);
  });

  it("clears the source when an editor removes it", async () => {
    const base = { title: "Relayed then not", body: "…", status: "published", publishedOn: "2024-02-01" };
    const created = (await api("POST", "/api/news", { ...base, ...RELAYED, sourcePublishedOn: null }, editor)).json();
    expect(created.sourceOutlet).toBe("Ouest-France");
    const edited = await api("PUT", `/api/news/${created.id}`, base, editor);
    expect(edited.json()).toMatchObject({ sourceOutlet: null, sourceUrl: null, sourcePublishedOn: null });
  });

  it.each([
    [
      "a link that is not https",
      { sourceOutlet: "The Japan Times", sourceUrl: "http://www.japantimes.co.jp/x" },
      "sourceUrl",
    ],
    ["a script link", { sourceOutlet: "The Japan Times", sourceUrl: "javascript:alert(1)" }, "sourceUrl"],
    ["an impossible date", { sourceOutlet: "The Japan Times", sourcePublishedOn: "2024-02-30" }, "sourcePublishedOn"],
    ["a link without its outlet", { sourceUrl: "https://www.japantimes.co.jp/x" }, "sourceOutlet"],
    ["an empty outlet", { sourceOutlet: "  " }, "sourceOutlet"],
    [
      "an original published after the post",
      { sourceOutlet: "The Japan Times", sourcePublishedOn: "2024-05-02", publishedOn: "2024-05-01" },
      "sourcePublishedOn",
    ],
  ])("refuses %s, naming the field", async (_, fields, field) => {
    const res = await api("POST", "/api/news", { title: "Relayed", body: "…", ...fields }, editor);
    expect(res.statusCode).toBe(422);
    expect(new Set(res.json().errors.map((e: { field: string }) => e.field))).toEqual(new Set([field]));
  });
});
