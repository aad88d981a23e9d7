/**
 * Export at scale: every agreement of the bench as CSV and as an Excel workbook through HTTP,
 * as a viewer downloads them. Prints rows/s, bytes, and the process's resident memory at its peak
 * while the download runs, beside where it stood before: a streamed export keeps that difference
 * flat however many rows there are.
 */
import { get } from "node:http";

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

/** Downloads one export while sampling the process's resident memory every 10 ms. */
async function measure(url: string, cookie: string) {
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const started = performance.now();
  try {
    const { bytes, lineEnds } = await read(url, cookie);
    const seconds = (performance.now() - started) / 1000;
    peak = Math.max(peak, process.memoryUsage().rss);
    return { seconds, bytes, lineEnds, baseline, peak };
  } finally {
    clearInterval(sampler);
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
  }
}
