import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { FileStore } from "#shared/file-store.js";
import type { TestContext } from "./harness.js";

/**
 * What an installation keeps of its uploads, whichever store holds them: the key of every stored
 * file of the given kinds, and every upload still being received in DATA_DIR/incoming. A refused
 * or removed upload must leave neither behind.
 */
export async function keptFiles(
  ctx: Pick<TestContext, "services" | "config">,
  kinds: ReadonlyArray<"files" | "pictures">,
): Promise<string[]> {
  const out: string[] = [];
  for await (const key of ctx.services.files.keys()) {
    if (kinds.some((kind) => key.startsWith(`${kind}/`))) out.push(key);
  }
  let incoming: string[] = [];
  try {
    incoming = readdirSync(join(ctx.config.dataDir, "incoming"));
  } catch {
    // Nothing was ever received.
  }
  return [...out.sort(), ...incoming.map((name) => `incoming/${name}`)];
}

/** A stored file's bytes, or null when the store does not have it. */
export async function readStored(files: FileStore, key: string): Promise<Buffer | null> {
  const file = await files.get(key);
  if (!file) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of file.stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
