import { createReadStream, statSync } from "node:fs";
import { createInterface } from "node:readline";
import { Transform } from "node:stream";
import { createGunzip } from "node:zlib";
import StreamArray from "stream-json/streamers/StreamArray.js";
import { AppError } from "#shared/app-error.js";

export interface FileProgress {
  bytesRead: number;
  totalBytes: number;
}

/**
 * Streams the records of a ROR dump without loading it whole: the official JSON array
 * (schema v2), or JSON lines, each optionally gzipped. Reports progress in bytes of the file.
 */
export async function* readRorRecords(
  path: string,
  onBytes?: (p: FileProgress) => void,
  name = path,
): AsyncGenerator<Record<string, unknown>> {
  if (/\.zip$/i.test(path)) {
    throw new AppError("unsupported_media_type", "Unzip the ROR dump first and import its .json file.");
  }
  const totalBytes = statSync(path).size;
  let bytesRead = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytesRead += chunk.length;
      onBytes?.({ bytesRead, totalBytes });
      done(null, chunk);
    },
  });
  const raw = createReadStream(path).pipe(counter);
  const text = /\.gz$/i.test(path) ? raw.pipe(createGunzip()) : raw;
  if (/\.jsonl(\.gz)?$/i.test(path)) {
    const lines = createInterface({ input: text, crlfDelay: Number.POSITIVE_INFINITY });
    let n = 0;
    for await (const line of lines) {
      n++;
      if (!line.trim()) continue;
      try {
        yield JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new AppError("bad_request", "Line {{line}} of {{path}} is not valid JSON.", {
          params: { line: n, path: name },
        });
      }
    }
    return;
  }
  const items = text.pipe(StreamArray.withParser());
  for await (const item of items as AsyncIterable<{ key: number; value: Record<string, unknown> }>) {
    yield item.value;
  }
}
