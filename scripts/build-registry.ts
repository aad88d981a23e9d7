/**
 * Builds the registry bundled with Conventio from the public files in ../shared/data: the ROR
 * education records (active ones, and inactive and withdrawn ones flagged as such), merged with
 * the European Commission's list of Erasmus charter holders through the ROR crosswalk; charter
 * holders without a ROR match are kept on their own. The CSV files are read as the import-eche
 * command reads them, and rows are placed as it places them on a registry holding these ROR
 * records: in the list's order, matches on the holder's own website first, one Erasmus code per
 * ROR entry.
 * Output: packages/server/data/registry.jsonl.gz (one candidate per line).
 */
import { createReadStream, createWriteStream } from "node:fs";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import { readCrosswalk, readEcheFile } from "../packages/server/src/modules/registry/eche-file.js";
import { candidateFromEche, echeFactsOf } from "../packages/server/src/modules/registry/eche-row.js";
import { type IndexedCandidate, readRorRecord } from "../packages/server/src/modules/registry/ror-record.js";

const shared = resolve(process.argv[2] ?? "../shared/data");
const out = resolve("packages/server/data/registry.jsonl.gz");

const ror = new Map<string, IndexedCandidate>();
const lines = createInterface({ input: createReadStream(`${shared}/ror-education.jsonl.gz`).pipe(createGunzip()) });
for await (const line of lines) {
  if (!line.trim()) continue;
  const read = readRorRecord(JSON.parse(line) as Record<string, unknown>);
  if (read.ok) ror.set(read.candidate.id, read.candidate);
}

const crosswalk = await readCrosswalk(`${shared}/eche-ror-crosswalk.csv`);
const echeOnly: IndexedCandidate[] = [];
const seen = new Set<string>();
let merged = 0;
let skipped = 0;
const rows = [];
for (const { row } of await readEcheFile(`${shared}/eche-holders-2024-06.csv`)) {
  const read = echeFactsOf(row);
  if (!read.ok || seen.has(read.facts.erasmusCode)) skipped++;
  else {
    seen.add(read.facts.erasmusCode);
    rows.push(read.facts);
  }
}
// Rows matched on their own website claim their ROR entry before rows matched on a parent site.
const rankOf = (code: string) => crosswalk.get(code)?.rank ?? 2;
rows.sort((a, b) => rankOf(a.erasmusCode) - rankOf(b.erasmusCode));
for (const facts of rows) {
  const entry = ror.get(crosswalk.get(facts.erasmusCode)?.rorId ?? "");
  if (entry && !entry.erasmusCode) {
    Object.assign(entry, {
      erasmusCode: facts.erasmusCode,
      pic: facts.pic,
      oid: facts.oid,
      source: "ror+eche",
      eche: facts,
    });
    merged++;
  } else echeOnly.push(candidateFromEche(facts));
}

const candidates = [...ror.values(), ...echeOnly].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const text = candidates.map((c) => JSON.stringify(c)).join("\n");
await pipeline(Readable.from([text, "\n"]), createGzip({ level: 9 }), createWriteStream(out));
const count = (status: string) => [...ror.values()].filter((c) => c.status === status).length;
console.log(
  `${candidates.length} entries: ${ror.size} from ROR (${count("active")} active, ${count("inactive")} inactive, ${count("withdrawn")} withdrawn; ${merged} with an Erasmus code), ${echeOnly.length} Erasmus charter holders only, ${skipped} charter rows skipped → ${out}`,
);
