import { describe, expect, it } from "vitest";
import { echeFactsOf } from "./eche-row.js";
import { candidateFromRor, readRorRecord } from "./ror-record.js";

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
  it("skips records without a usable id or name, and says which", () => {
    expect(candidateFromRor({ id: "nope", names: [] })).toBeNull();
    expect(readRorRecord({ id: "nope", names: [] })).toEqual({ ok: false, reason: "no_ror_id", key: "nope" });
    expect(readRorRecord({ id: "https://ror.org/02278tr80", names: [] })).toEqual({
      ok: false,
      reason: "no_name",
      key: "https://ror.org/02278tr80",
    });
  });

  it("keeps every identifier, those without a scheme of their own labelled, and every value of each", () => {
    const c = candidateFromRor({
      ...officialV2,
      external_ids: {
        fundref: { preferred: "501100017170", all: ["501100017170", "501100004725"] },
        grid: { preferred: "grid.258806.1", all: ["grid.258806.1"] },
        isni: { preferred: null, all: ["0000 0001 2110 1386", "0000000121101386"] },
        orgref: { preferred: null, all: ["1139432"] },
      },
    });
    expect(c?.identifiers).toEqual([
      { scheme: "fundref", value: "501100017170" },
      { scheme: "fundref", value: "501100004725" },
      { scheme: "grid", value: "grid.258806.1" },
      { scheme: "isni", value: "0000 0001 2110 1386" },
      { scheme: "orgref", value: "1139432" },
    ]);
  });

  it("keeps the status and the relationships it names, leaving related organisations out", () => {
    const c = candidateFromRor({
      ...officialV2,
      status: "withdrawn",
      relationships: [
        { type: "Successor", id: "https://ror.org/00f54p054", label: "X" },
        { type: "parent", id: "00f54p054", label: "Y" },
        { type: "related", id: "https://ror.org/02kzqn938", label: "Z" },
      ],
    });
    expect(c?.status).toBe("withdrawn");
    expect(c?.relationships).toEqual([
      { type: "successor", id: "https://ror.org/00f54p054" },
      { type: "parent", id: "https://ror.org/00f54p054" },
    ]);
    expect(candidateFromRor({ ...officialV2, status: "something else" })?.status).toBe("active");
  });
});

describe("echeFactsOf", () => {
  it("reads the non-breaking space in the Erasmus code, EL as Greece, and #N/A as no value", () => {
    const read = echeFactsOf({
      erasmus_code_raw: "G\u00a0 ATHINE01",
      pic: "999999999",
      oid: "#N/A",
      legal_name: "X",
      country_code: "EL",
      city: "Athens",
      website_url: "#N/A",
    });
    expect(read).toEqual({
      ok: true,
      facts: {
        erasmusCode: "G  ATHINE01",
        pic: "999999999",
        oid: null,
        name: "X",
        countryCode: "GR",
        city: "Athens",
        website: null,
      },
    });
  });

  it("takes the canonical code before its raw twin, whose number may carry a leading zero", () => {
    const read = echeFactsOf({ erasmus_code: "F  PARIS63", erasmus_code_raw: "F  PARIS 063", legal_name: "X" });
    expect(read.ok && read.facts.erasmusCode).toBe("F  PARIS63");
  });

  it("refuses a row without a usable Erasmus code or name, saying why", () => {
    expect(echeFactsOf({ erasmus_code: "#N/A", legal_name: "X" })).toEqual({
      ok: false,
      reason: "no_erasmus_code",
      key: null,
    });
    expect(echeFactsOf({ erasmus_code: "LILLE", legal_name: "X" })).toEqual({
      ok: false,
      reason: "bad_erasmus_code",
      key: "LILLE",
    });
    expect(echeFactsOf({ erasmus_code: "F  LILLE103", legal_name: " n/a " })).toEqual({
      ok: false,
      reason: "no_name",
      key: "F  LILLE103",
    });
  });
});
