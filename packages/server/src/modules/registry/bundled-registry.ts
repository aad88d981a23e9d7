import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { IndexedCandidate } from "./registry.service.js";
import { readRorRecords } from "./ror-file.js";

/** The registry shipped with Conventio: ROR education records and Erasmus charter holders. */
export const BUNDLED_REGISTRY = fileURLToPath(new URL("../../../data/registry.jsonl.gz", import.meta.url));

export async function* readBundledRegistry(path = BUNDLED_REGISTRY): AsyncGenerator<IndexedCandidate> {
  if (!existsSync(path)) throw new Error(`The bundled registry is missing at ${path}; run npm run registry:build.`);
  for await (const row of readRorRecords(path)) yield row as unknown as IndexedCandidate;
}
