import { describe, expect, it } from "vitest";
import type { EcheFacts } from "./eche-row.js";
import { changeOfCandidate, mergeEntry, sameEntry } from "./registry-entry.js";
import type { IndexedCandidate } from "./ror-record.js";

const ror: IndexedCandidate = {
  id: "https://ror.org/02kzqn938",
  name: "University of Lille",
  names: [{ lang: "fr", value: "Université de Lille" }],
  acronym: null,
  kind: "university",
  countryCode: "FR",
  city: "Lille",
  lat: 50.6,
  lng: 3.1,
  website: "https://www.univ-lille.fr",
  rorId: "https://ror.org/02kzqn938",
  erasmusCode: null,
  pic: null,
  oid: null,
  identifiers: [{ scheme: "wikidata", value: "Q3551621" }],
  source: "ror",
  status: "active",
  relationships: [{ type: "predecessor", id: "https://ror.org/05d0y2e81" }],
  aliases: ["ULille"],
};

const eche: EcheFacts = {
  erasmusCode: "F  LILLE103",
  pic: "888146648",
  oid: "E10208433",
  name: "UNIVERSITE DE LILLE",
  countryCode: "FR",
  city: "LILLE",
  website: "www.univ-lille.fr",
};

describe("merging a registry entry by source", () => {
  it("keeps the charter list's codes when a newer ROR record updates the description", () => {
    const merged = mergeEntry(undefined, { id: ror.id, ror, eche });
    const newer = { ...ror, name: "Université de Lille", status: "active" as const, identifiers: [] };
    const refreshed = mergeEntry(merged, { id: ror.id, ror: newer });
    expect(refreshed).toMatchObject({
      name: "Université de Lille",
      match_name: "universite de lille",
      identifiers: "[]",
      erasmus_code: "F  LILLE103",
      pic: "888146648",
      oid: "E10208433",
      source: "ror+eche",
    });
    expect(sameEntry(merged, refreshed)).toBe(false);
    expect(sameEntry(refreshed, mergeEntry(refreshed, { id: ror.id, ror: newer }))).toBe(true);
  });

  it("lets a charter row change only its codes on a ROR entry, and the whole description of its own entry", () => {
    const onRor = mergeEntry(mergeEntry(undefined, { id: ror.id, ror }), { id: ror.id, eche });
    expect(onRor).toMatchObject({ name: "University of Lille", city: "Lille", erasmus_code: "F  LILLE103" });
    const own = mergeEntry(undefined, { id: "eche:F__LILLE103", eche });
    expect(own).toMatchObject({ name: "UNIVERSITE DE LILLE", kind: "university", source: "eche", ror_id: null });
    const cleared = mergeEntry(onRor, { id: ror.id, eche: null });
    expect(cleared).toMatchObject({ erasmus_code: null, pic: null, source: "ror", name: "University of Lille" });
  });

  it("keeps a parent named from the other side until the record names one itself", () => {
    const entry = { ...mergeEntry(undefined, { id: ror.id, ror }), parent_ror_id: "https://ror.org/00gtzsj37" };
    expect(mergeEntry(entry, { id: ror.id, ror }).parent_ror_id).toBe("https://ror.org/00gtzsj37");
    const withParent = { ...ror, relationships: [{ type: "parent" as const, id: "https://ror.org/03gc1p724" }] };
    expect(mergeEntry(entry, { id: ror.id, ror: withParent }).parent_ror_id).toBe("https://ror.org/03gc1p724");
  });

  it("splits a bundled candidate into its ROR part and its charter part", () => {
    const change = changeOfCandidate({
      ...ror,
      erasmusCode: eche.erasmusCode,
      pic: eche.pic,
      source: "ror+eche",
      eche,
    });
    expect(change.ror?.name).toBe("University of Lille");
    expect(change.eche).toEqual(eche);
    const own = changeOfCandidate({
      ...ror,
      id: "eche:F__LILLE103",
      rorId: null,
      erasmusCode: "F  LILLE103",
      source: "eche",
    });
    expect(own.ror).toBeUndefined();
    expect(own.eche?.name).toBe("University of Lille");
  });
});
