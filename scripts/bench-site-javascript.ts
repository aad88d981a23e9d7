/**
 * The JavaScript a public page loads: the scripts it names (script sources and module preloads),
 * each downloaded as a browser asking for gzip gets it, counted as sent and unpacked.
 */
import { get } from "node:http";
import { gunzipSync } from "node:zlib";

/** One GET with the given accept-encoding: the status, the headers and the bytes as sent. */
function download(url: string, encoding: string): Promise<{ status: number; encoding: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = get(url, { headers: { "accept-encoding": encoding }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          encoding: String(res.headers["content-encoding"] ?? ""),
          body: Buffer.concat(chunks),
        }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

/** The scripts a page names: script elements with a source, and module preloads. */
function scriptsNamed(html: string): string[] {
  const files = new Set<string>();
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`, "i").exec(tag)?.[1];
    const src = tag.toLowerCase().startsWith("<script") ? attr("src") : undefined;
    const preload = attr("rel")?.split(/\s+/).includes("modulepreload") ? attr("href") : undefined;
    const file = src ?? preload;
    if (file) files.add(file.replaceAll("&amp;", "&"));
  }
  return [...files];
}

/** The JavaScript a page loads, raw and as gzip sends it. */
export async function javascriptOf(base: string, path: string) {
  const page = await download(`${base}${path}`, "identity");
  if (page.status !== 200) throw new Error(`${path}: ${page.status}`);
  const files = scriptsNamed(page.body.toString("utf8"));
  let raw = 0;
  let gzipped = 0;
  let uncompressed = 0;
  for (const file of files) {
    const res = await download(new URL(file, base).href, "gzip");
    if (res.status !== 200) throw new Error(`${file}: ${res.status}`);
    gzipped += res.body.byteLength;
    if (res.encoding === "gzip") raw += gunzipSync(res.body).byteLength;
    else {
      raw += res.body.byteLength;
      uncompressed++;
    }
  }
  return { files, raw, gzipped, uncompressed };
}
