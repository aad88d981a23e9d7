/**
 * Export at scale: every agreement of the bench as CSV and as an Excel workbook through HTTP,
 * as a viewer downloads them. Prints rows/s, bytes, the process's resident memory at its peak while
 * the download runs and the heap still in use after full collections, each beside where it stood
 * before: a streamed export keeps the heap in use flat however many rows there are.
 */
import { get } from "node:http";
import v8 from "node:v8";
import { runInNewContext } from "node:vm";

export interface ExportBench {
  base: string;
  cookie: string;
  rows: number;
  line: (label: string, value: string) => void;
}

const MB = 1024 * 1024;

/** Reads a response to its end on a connection of its own, counting bytes and line ends as they arrive. */
function read(url: string, cookie: string): Promise<{ bytes: number; lineEnds: number }> {
  return new Promise((resolve, reject) => {
    // A fresh connection: an idle keep-alive one may have been closed while the data was generated.
    const req = get(url, { headers: { cookie }, agent: false }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`${url}: ${res.statusCode}`));
        res.resume();
        return;
      }
      let bytes = 0;
      let lineEnds = 0;
      res.on("data", (chunk: Buffer) => {
        bytes += chunk.byteLength;
        for (const byte of chunk) if (byte === 0x0a) lineEnds++;
      });
      res.on("end", () => resolve({ bytes, lineEnds }));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

/**
 * A full collection on demand, so the heap still in use can be told from garbage waiting for the
 * collector (resident memory alone mixes the two).
 */
v8.setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;

/**
 * Downloads one export while sampling resident memory every 10 ms and, every 2 s, the heap still
 * in use after a full collection.
 */
async function measure(url: string, cookie: string) {
  collect();
  const baseline = process.memoryUsage();
  let peak = baseline.rss;
  let livePeak = baseline.heapUsed;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const collector = setInterval(() => {
    collect();
    livePeak = Math.max(livePeak, process.memoryUsage().heapUsed);
  }, 2000);
  const started = performance.now();
  try {
    const { bytes, lineEnds } = await read(url, cookie);
    const seconds = (performance.now() - started) / 1000;
    peak = Math.max(peak, process.memoryUsage().rss);
    return { seconds, bytes, lineEnds, baseline: baseline.rss, peak, liveBaseline: baseline.heapUsed, livePeak };
  } finally {
    clearInterval(sampler);
    clearInterval(collector);
  }
}

export async function benchExport({ base, cookie, rows, line }: ExportBench): Promise<void> {
  for (const format of ["csv", "xlsx"] as const) {
    const m = await measure(`${base}/api/exports/agreements.${format}`, cookie);
    // The CSV has one line a row after its header; the workbook is compressed, so its rows are the agreements.
    const written = format === "csv" ? m.lineEnds - 1 : rows;
    line(
      `export ${format}, ${written} agreements`,
      `${Math.round(written / m.seconds)} rows/s (${m.seconds.toFixed(1)} s, ${(m.bytes / MB).toFixed(0)} MB)`,
    );
    line(
      `  resident memory before / peak (${format})`,
      `${(m.baseline / MB).toFixed(0)} / ${(m.peak / MB).toFixed(0)} MB (+${((m.peak - m.baseline) / MB).toFixed(0)} MB)`,
    );
    line(
      `  heap in use after GC, before / peak (${format})`,
      `${(m.liveBaseline / MB).toFixed(0)} / ${(m.livePeak / MB).toFixed(0)} MB (+${((m.livePeak - m.liveBaseline) / MB).toFixed(0)} MB)`,
    );
  }
}
