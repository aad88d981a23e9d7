import { hostOf, searchTokens } from "@conventio/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type Session, signedIn, type TestContext } from "#test/harness.js";
import { readBundledRegistry } from "./bundled-registry.js";
import type { IndexedCandidate } from "./ror-record.js";

/**
 * Search gives the same first results on SQLite and PostgreSQL: each engine's run of this file
 * is compared with an order computed here from the bundled registry (all 18,365 entries), so
 * both engines meet the same expectation rather than each other.
 */
let ctx: TestContext;
let viewer: Session;
const entries: IndexedCandidate[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
  viewer = await signedIn(ctx, "viewer");
  for await (const c of readBundledRegistry()) entries.push(c);
  await ctx.services.registry.loadRegistry(entries);
}, 120_000);
afterAll(() => ctx.close());

const bytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
const STATUS = { active: 0, inactive: 1, withdrawn: 2 } as const;

/** The documented order: status, how the name matches, name length, name, id. */
function expectedOrder(q: string, country?: string): string[] {
  const tokens = searchTokens(q);
  const phrase = tokens.join(" ");
  const ranked = entries
    .filter((c) => !country || c.countryCode === country)
    .map((c) => {
      const words = [
        c.name,
        ...c.names.map((n) => n.value),
        ...(c.aliases ?? []),
        c.acronym,
        c.city,
        hostOf(c.website),
        c.erasmusCode,
        c.pic,
      ].flatMap((part) => (part ? searchTokens(part) : []));
      const name = searchTokens(c.name).join(" ");
      const nameWords = name.split(" ");
      const matchClass =
        name === phrase
          ? 0
          : name.startsWith(`${phrase} `)
            ? 1
            : name.startsWith(phrase)
              ? 2
              : tokens.every((t) => nameWords.some((w) => w.startsWith(t)))
                ? 3
                : 4;
      const found = tokens.every((t) => words.some((w) => w.startsWith(t)));
      return { id: c.id, name, found, key: [STATUS[c.status], matchClass, name.length] };
    })
    .filter((x) => x.found);
  ranked.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) {
      const d = (a.key[i] ?? 0) - (b.key[i] ?? 0);
      if (d !== 0) return d;
    }
    return bytes(a.name, b.name) || bytes(a.id, b.id);
  });
  return ranked.slice(0, 50).map((x) => x.id);
}

async function search(q: string, country?: string): Promise<string[]> {
  const res = await ctx.app.inject({
    method: "GET",
    url: `/api/registry?q=${encodeURIComponent(q)}&limit=50${country ? `&country=${country}` : ""}`,
    headers: viewer.headers,
  });
  expect(res.statusCode).toBe(200);
  return res.json().items.map((i: { id: string }) => i.id);
}

describe("registry search order", () => {
  it.each(["univ", "lille", "tech", "université", "linköping", "universite lille", "inst tech", "kyoto"])(
    "gives the documented first 50 for %s",
    async (q) => {
      const expected = expectedOrder(q);
      expect(expected.length).toBeGreaterThan(0);
      expect(await search(q)).toEqual(expected);
    },
  );

  it("keeps the order within a country", async () => {
    expect(await search("ecole", "FR")).toEqual(expectedOrder("ecole", "FR"));
  });

  it("puts the name itself first, then names beginning with the words typed", async () => {
    const [first] = await search("universite de lille");
    expect(entries.find((e) => e.id === first)?.erasmusCode).toBe("F  LILLE103");
    const kyoto = await search("kyoto");
    expect(entries.find((e) => e.id === kyoto[0])?.name).toBe("Kyoto University");
  });
});
