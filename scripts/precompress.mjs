// Writes brotli and gzip copies of the built scripts, styles and data beside them, so the server
// sends them compressed without compressing them again for each request.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const dir = process.argv[2];
if (!dir) throw new Error("usage: node scripts/precompress.mjs DIR");
let files = 0;
for (const name of readdirSync(dir)) {
  if (!/\.(js|css|json|svg)$/.test(name)) continue;
  const path = join(dir, name);
  if (statSync(path).size < 1024) continue;
  const body = readFileSync(path);
  writeFileSync(`${path}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
  files++;
}
console.log(`compressed ${files} files in ${dir}`);
