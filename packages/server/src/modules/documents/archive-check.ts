import { Worker } from "node:worker_threads";
import { fillMessage, type MessageParams } from "@conventio/domain";
import { AppError } from "#shared/app-error.js";
import { ARCHIVE_LIMITS, type ArchiveLimits, type ArchiveRefusal, type ArchiveReport } from "./archive-inspect.js";

/** Past this, the inspection is stopped and the file refused: the limits are reached well before on any machine. */
export const ARCHIVE_TIME_LIMIT_MS = 10_000;

/** The worker's own heap: it keeps only counters and two small entries, so a leak cannot grow the server. */
const WORKER_HEAP_MB = 64;

// The worker loads the TypeScript sources itself (see archive-worker.mjs), so it starts the same
// under tsx, which runs the server (decision 003), and under the test runner.
const workerUrl = new URL("./archive-worker.mjs", import.meta.url);

/**
 * One idle worker is kept for the next upload: starting one (and its TypeScript loader) takes a
 * few hundred milliseconds, inspecting a document a few. Unreferenced, it never keeps the process up.
 */
let spare: Worker | undefined;

function startWorker(): Worker {
  const worker = new Worker(workerUrl, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
  worker.once("exit", () => {
    if (spare === worker) spare = undefined;
  });
  return worker;
}

/**
 * Inspects a zip-based upload in a worker thread (see `inspectArchive`), so inflating it never
 * holds up other requests; a worker that runs past the time limit is stopped and the file refused.
 */
export function checkArchive(
  path: string,
  limits: ArchiveLimits = ARCHIVE_LIMITS,
  timeLimitMs = ARCHIVE_TIME_LIMIT_MS,
): Promise<ArchiveReport> {
  const worker = spare ?? startWorker();
  spare = undefined;
  worker.ref();
  return new Promise((resolve) => {
    const settle = (report: ArchiveReport, reusable: boolean) => {
      clearTimeout(timer);
      worker.off("message", answered).off("error", failed).off("exit", failed);
      if (reusable && !spare) {
        worker.unref();
        spare = worker;
      } else {
        void worker.terminate();
      }
      resolve(report);
    };
    const answered = (report: ArchiveReport) => settle(report, true);
    const failed = () => settle({ ok: false, reason: "unreadable" }, false);
    const timer = setTimeout(() => settle({ ok: false, reason: "time" }, false), timeLimitMs);
    worker.once("message", answered).once("error", failed).once("exit", failed);
    worker.postMessage({ path, limits });
  });
}

const REFUSALS: Readonly<Record<ArchiveRefusal, { message: string; params?: MessageParams }>> = {
  entries: {
    message: "This file holds more than {{max}} parts, far more than any office document.",
    params: { max: ARCHIVE_LIMITS.maxEntries },
  },
  inflated: {
    message: "This file unpacks to more than {{max}} MB, far more than any office document.",
    params: { max: ARCHIVE_LIMITS.maxInflatedBytes / 1_048_576 },
  },
  ratio: {
    message: "A part of this file unpacks to more than {{max}} times its packed size, which no office document does.",
    params: { max: ARCHIVE_LIMITS.maxRatio },
  },
  encrypted: { message: "This file has encrypted parts; remove its password and upload it again." },
  unreadable: { message: "This file could not be read as an office document; it may be damaged." },
  time: { message: "This file took too long to check; upload a smaller document." },
};

/**
 * The refusal of an archive that failed its inspection: 422 on the field `file`, because the
 * upload was within the size limit and it is its content that is not acceptable.
 */
export function archiveRefusal(reason: ArchiveRefusal): AppError {
  const { message, params } = REFUSALS[reason];
  const error = { field: "file", message: fillMessage(message, params), key: message, ...(params ? { params } : {}) };
  return new AppError("validation_failed", message, { ...(params ? { params } : {}), errors: [error] });
}
