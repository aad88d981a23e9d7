import { readFile, stat } from "node:fs/promises";
import type { Logger } from "#shared/logger.js";
import { type EwpCatalogue, readCatalogue } from "./ewp-catalogue.js";

/** How long a catalogue fetched from the network is trusted before it is fetched again. */
const URL_TTL_MS = 10 * 60 * 1000;
const FETCH_TIMEOUT_MS = 30_000;

export interface EwpCatalogueSource {
  /** Where the catalogue is read from: a URL or a file. */
  readonly location: string;
  /** The catalogue as last read; a file is read again when it changes, a URL after ten minutes. */
  get(): Promise<EwpCatalogue>;
}

const isUrl = (location: string) => /^https?:\/\//i.test(location);

/**
 * The Registry catalogue, from the network's registry, another URL or a local file. A failed
 * refresh keeps the last good catalogue; with none yet, the error reaches the caller.
 */
export function catalogueSource(location: string, log: Logger): EwpCatalogueSource {
  let current: { catalogue: EwpCatalogue; version: number } | null = null;
  let pending: Promise<EwpCatalogue> | null = null;

  async function fromFile(): Promise<EwpCatalogue> {
    const { mtimeMs } = await stat(location);
    if (current && current.version === mtimeMs) return current.catalogue;
    const catalogue = readCatalogue(await readFile(location, "utf8"));
    current = { catalogue, version: mtimeMs };
    log.info({ catalogue: location, hosts: catalogue.hosts.length }, "EWP catalogue read");
    return catalogue;
  }

  async function fromUrl(): Promise<EwpCatalogue> {
    if (current && Date.now() - current.version < URL_TTL_MS) return current.catalogue;
    try {
      const response = await fetch(location, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
      if (!response.ok) throw new Error(`the registry answered ${response.status}`);
      const catalogue = readCatalogue(await response.text());
      current = { catalogue, version: Date.now() };
      log.info({ catalogue: location, hosts: catalogue.hosts.length }, "EWP catalogue fetched");
      return catalogue;
    } catch (error) {
      if (!current) throw error;
      log.warn({ err: error, catalogue: location }, "EWP catalogue refresh failed; the last one is kept");
      return current.catalogue;
    }
  }

  return {
    location,
    get() {
      pending ??= (isUrl(location) ? fromUrl() : fromFile()).finally(() => {
        pending = null;
      });
      return pending;
    },
  };
}
