/**
 * Builds the registry bundled with Conventio from the public files in ../shared/data:
 * active ROR education records, merged with the European Commission's list of Erasmus
 * charter holders through the ROR crosswalk; charter holders without a ROR match are kept
 * on their own. Output: packages/server/data/registry.jsonl.gz (one candidate per line).
 */
import { createReadStream, createWriteStream, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import { normaliseErasmusCode } from "@conventio/domain";
import type { IndexedCandidate } from "../packages/server/src/modules/registry/registry.service.js";
import {
  aliasesOfRor,
  candidateFromEche,
  candidateFromRor,
} from "../packages/server/src/modules/registry/ror-record.js";

const shared = resolve(process.argv[2] ?? "../shared/data");
const out = resolve("packages/server/data/registry.jsonl.gz");

/** A small CSV reader for the quoted, comma-separated files of ../shared/data. */
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n") {
      row.push(field.replace(/\r$/, ""));
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows;
  return body.filter((r) => r.length > 1).map((r) => Object.fromEntries((header ?? []).map((h, i) => [h, r[i] ?? ""])));
}

const eche = parseCsv(readFileSync(`${shared}/eche-holders-2024-06.csv`, "utf8"));
const crosswalk = parseCsv(readFileSync(`${shared}/eche-ror-crosswalk.csv`, "utf8"));
const echeByCode = new Map(
  eche.map((r) => [
    normaliseErasmusCode(r.erasmus_code ?? "").ok
      ? (normaliseErasmusCode(r.erasmus_code ?? "") as { value: string }).value
      : "",
    r,
  ]),
);
const codeByRor = new Map<string, string>();
for (const c of crosswalk) {
  const code = normaliseErasmusCode(c.erasmus_code ?? "");
  if (code.ok && c.ror_id && !codeByRor.has(c.ror_id)) codeByRor.set(c.ror_id, code.value);
}

const candidates: IndexedCandidate[] = [];
const usedCodes = new Set<string>();
const lines = createInterface({ input: createReadStream(`${shared}/ror-education.jsonl.gz`).pipe(createGunzip()) });
for await (const line of lines) {
  if (!line.trim()) continue;
  const record = JSON.parse(line) as Record<string, unknown>;
  if (record.status !== "active") continue;
  const c = candidateFromRor(record);
  if (!c) continue;
  const code = codeByRor.get(c.id);
  const row = code ? echeByCode.get(code) : undefined;
  if (code && row) {
    const e = candidateFromEche(row);
    c.erasmusCode = code;
    c.pic = e?.pic ?? null;
    c.oid = e?.oid ?? null;
    c.source = "ror+eche";
    usedCodes.add(code);
  }
  candidates.push({ ...c, aliases: aliasesOfRor(record).filter((a) => a !== c.name) });
}
let echeOnly = 0;
for (const row of eche) {
  const e = candidateFromEche(row);
  if (!e || usedCodes.has(e.erasmusCode ?? "")) continue;
  candidates.push(e);
  echeOnly++;
}
candidates.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const text = candidates
  .map((c) => {
    const { status: _s, ...rest } = c;
    return JSON.stringify(rest);
  })
  .join("\n");
await pipeline(Readable.from([text, "\n"]), createGzip({ level: 9 }), createWriteStream(out));
console.log(
  `${candidates.length} entries (${candidates.length - echeOnly} from ROR, ${usedCodes.size} of them with an Erasmus code; ${echeOnly} Erasmus charter holders only) → ${out}`,
);
