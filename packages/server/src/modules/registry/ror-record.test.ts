import { describe, expect, it } from "vitest";
import { candidateFromEche, candidateFromRor } from "./ror-record.js";

const officialV2 = {
  id: "https://ror.org/02278tr80",
  names: [
    { value: "KIT", types: ["acronym"], lang: null },
    { value: "Kyushu Institute of Technology", types: ["ror_display", "label"], lang: "en" },
    { value: "九州工業大学", types: ["label"], lang: "ja" },
  ],
  types: ["education", "funder"],
  status: "active",
  locations: [
    { geonames_id: 1859307, geonames_details: { name: "Kitakyushu", country_code: "JP", lat: 33.85, lng: 130.85 } },
  ],
  links: [{ type: "website", value: "https://www.kyutech.ac.jp" }],
  external_ids: [
    { type: "wikidata", all: ["Q1150245"], preferred: "Q1150245" },
    { type: "isni", all: ["0000 0001 2110 1386"], preferred: null },
  ],
};

describe("candidateFromRor", () => {
  it("maps a record of the official schema v2 dump", () => {
    const c = candidateFromRor(officialV2);
    expect(c).toMatchObject({
      id: "https://ror.org/02278tr80",
      name: "Kyushu Institute of Technology",
      acronym: "KIT",
      kind: "university",
      countryCode: "JP",
      city: "Kitakyushu",
      lat: 33.85,
      website: "https://www.kyutech.ac.jp",
      names: [{ lang: "ja", value: "九州工業大学" }],
    });
    expect(c?.identifiers).toEqual([
      { scheme: "wikidata", value: "Q1150245" },
      { scheme: "isni", value: "0000 0001 2110 1386" },
    ]);
  });
  it("skips records without a usable id or name", () => {
    expect(candidateFromRor({ id: "nope", names: [] })).toBeNull();
    expect(candidateFromRor({ id: "https://ror.org/02278tr80", names: [] })).toBeNull();
  });
});

describe("candidateFromEche", () => {
  it("reads the non-breaking space in the Erasmus code and ignores #N/A", () => {
    const c = candidateFromEche({
      erasmus_code_raw: "EL\u00a0ATHINE01",
      pic: "999",
      oid: "#N/A",
      legal_name: "X",
      country_code: "EL",
      city: "Athens",
      website_url: "www.x.gr",
    });
    expect(c).toMatchObject({ erasmusCode: "EL ATHINE01", countryCode: "GR", pic: null, oid: null });
  });
});
