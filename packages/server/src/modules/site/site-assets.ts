import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { SiteAssets, SiteRenderer } from "@conventio/domain";

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}

const ENTRY = "src/site/client.tsx";

/**
 * The built public site: the renderer the web build made for the server (dist/server/render.js)
 * and, from the browser build's manifest, the script, styles and preloads of the islands' entry.
 * Null when the web app is not built.
 */
export async function loadSite(webDist: string): Promise<{ renderer: SiteRenderer; assets: SiteAssets } | null> {
  const rendererFile = join(webDist, "server", "render.js");
  const manifestFile = join(webDist, ".vite", "manifest.json");
  if (!existsSync(rendererFile) || !existsSync(manifestFile)) return null;
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Record<string, ManifestChunk>;
  const entry = manifest[ENTRY];
  if (!entry) return null;
  const preload = new Set<string>();
  const styles = new Set<string>(entry.css ?? []);
  const walk = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || preload.has(chunk.file)) return;
    preload.add(chunk.file);
    for (const css of chunk.css ?? []) styles.add(css);
    for (const next of chunk.imports ?? []) walk(next);
  };
  for (const key of entry.imports ?? []) walk(key);
  const renderer = (await import(pathToFileURL(rendererFile).href)) as SiteRenderer;
  const url = (file: string) => `/${file}`;
  return {
    renderer,
    assets: { scripts: [url(entry.file)], styles: [...styles].map(url), preload: [...preload].map(url) },
  };
}
