import { join } from "node:path";
import type { OrganisationKind } from "@conventio/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { readRorRecords } from "./ror-file.js";
import { kindOfRor } from "./ror-kind.js";
import { type RegistryCandidate, readRorRecord } from "./ror-record.js";

const ALL_TYPES = join(import.meta.dirname, "../../../../../../shared/data/ror-records-all-types.jsonl.gz");

/** Real records of the all-types file, one for each combination of types, with and without a parent. */
const SAMPLES: Record<string, [types: string, kind: OrganisationKind]> = {
  "https://ror.org/00003ef66": ["education", "university"],
  "https://ror.org/0005r2j17": ["education, with a parent", "university"],
  "https://ror.org/00013q465": ["education and funder", "university"],
  "https://ror.org/00005jn19": ["company", "company"],
  "https://ror.org/00051wc04": ["company, with a parent", "company"],
  "https://ror.org/000aztk47": ["company and funder", "company"],
  "https://ror.org/000865z52": ["government", "government"],
  "https://ror.org/000025p04": ["funder and government", "government"],
  "https://ror.org/0000ev088": ["funder and nonprofit", "government"],
  "https://ror.org/008gcn350": ["facility and government", "government"],
  "https://ror.org/000050t83": ["facility", "other"],
  "https://ror.org/0000n5x09": ["facility, with a parent", "unit"],
  "https://ror.org/0001w1758": ["healthcare", "other"],
  "https://ror.org/0001rqc34": ["healthcare, with a parent", "unit"],
  "https://ror.org/000ksaf46": ["archive", "other"],
  "https://ror.org/0020fz961": ["archive, with a parent", "unit"],
  "https://ror.org/00003g016": ["nonprofit", "other"],
  "https://ror.org/0000pc329": ["nonprofit, with a parent", "unit"],
  "https://ror.org/00010f167": ["other", "other"],
};

const samples = new Map<string, RegistryCandidate>();
const activeByKind = new Map<OrganisationKind, number>();

beforeAll(async () => {
  for await (const record of readRorRecords(ALL_TYPES)) {
    const read = readRorRecord(record);
    if (!read.ok) continue;
    if (read.candidate.id in SAMPLES) samples.set(read.candidate.id, read.candidate);
    if (read.candidate.status === "active") {
      activeByKind.set(read.candidate.kind, (activeByKind.get(read.candidate.kind) ?? 0) + 1);
    }
  }
}, 60_000);

describe("ROR types as organisation kinds", () => {
  it.each(Object.entries(SAMPLES))("maps %s (%s) by the stated priority", (id, [, kind]) => {
    expect(samples.get(id)?.kind).toBe(kind);
  });

  it("leaves as other only what has no close kind and no parent: 13,616 of the 48,746 active records", () => {
    expect(Object.fromEntries(activeByKind)).toEqual({
      university: 13_229, // every active education record (SOURCES.md)
      company: 6_908,
      government: 7_591,
      unit: 7_402,
      other: 13_616,
    });
  });

  it("decides a record of several types by the first of education, company, government, funder", () => {
    expect(kindOfRor(["funder", "company", "education"], false)).toBe("university");
    expect(kindOfRor(["funder", "company"], true)).toBe("company");
    expect(kindOfRor(["Funder"], false)).toBe("government");
    expect(kindOfRor([], true)).toBe("unit");
    expect(kindOfRor([], false)).toBe("other");
  });
});
