import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Actor, RegistryImportJob, RegistryImportTarget } from "@conventio/domain";
import { classify, toProblem } from "#http/problem.js";
import { AppError } from "#shared/app-error.js";
import { newId } from "#shared/ids.js";
import type { ImportProgress, RegistryImport } from "./registry-import.js";
import { registryPolicy } from "./registry.policy.js";
import { readRorRecords } from "./ror-file.js";

/** The largest file the web app takes: a ROR dump as JSON lines, gzipped, is about 40 MB. */
export const REGISTRY_UPLOAD_MAX_BYTES = 200 * 1_048_576;

/** Finished imports kept for their reports. */
const KEPT = 20;

type OnProgress = (p: ImportProgress) => void;

/** What the jobs run: the registry service's imports. */
export interface RegistryImports {
  refreshFromRor(records: AsyncIterable<Record<string, unknown>>, onProgress?: OnProgress): Promise<RegistryImport>;
  importRorOrganisations(
    actor: Actor,
    records: AsyncIterable<Record<string, unknown>>,
    onProgress?: OnProgress,
  ): Promise<RegistryImport>;
  importEcheFile(
    actor: Actor,
    path: string,
    options: {
      into: RegistryImportTarget;
      crosswalk?: string | undefined;
      names?: { file: string; crosswalk?: string | undefined };
    },
    onProgress?: OnProgress,
  ): Promise<RegistryImport>;
}

/** The kind of file by its name: a ROR dump or the charter list; null for anything else. */
export function sourceOfFile(name: string): "ror" | "eche" | null {
  if (/\.csv$/i.test(name)) return "eche";
  if (/\.jsonl?(\.gz)?$/i.test(name)) return "ror";
  return null;
}

/** An upload being received: files land in a folder of their own, removed once the import ends. */
export interface ReceivedFile {
  name: string;
  path: string;
}

/**
 * Imports started from the web app: the upload is written to a temporary folder, the import runs
 * in the background, and its progress and report are asked for by id. One runs at a time.
 */
export function createRegistryJobs(imports: RegistryImports, clock: () => string) {
  const jobs = new Map<string, RegistryImportJob>();
  const folders = new Map<string, string>();

  function running(): boolean {
    return [...jobs.values()].some((j) => j.status === "running");
  }

  function discard(id: string): void {
    const folder = folders.get(id);
    if (folder) rmSync(folder, { recursive: true, force: true });
    folders.delete(id);
  }

  return {
    maxBytes: REGISTRY_UPLOAD_MAX_BYTES,

    /** Refuses early, before the upload is read, what would be refused anyway. */
    prepare(actor: Actor): string {
      registryPolicy.import(actor);
      if (running()) throw new AppError("conflict", "A registry import is already running; wait for it to finish.");
      const folder = mkdtempSync(join(tmpdir(), "conventio-registry-"));
      const id = newId();
      folders.set(id, folder);
      return id;
    },

    /** Writes one uploaded file into the import's folder, refusing it past the size limit or empty. */
    async receive(
      id: string,
      field: "file" | "crosswalk",
      rawName: string,
      stream: Readable & { truncated?: boolean },
    ): Promise<ReceivedFile> {
      const folder = folders.get(id) ?? "";
      const name = basename(rawName).slice(0, 200) || field;
      const wanted = field === "file" ? sourceOfFile(name) : /\.csv$/i.test(name) ? "eche" : null;
      if (!wanted) {
        stream.resume();
        throw field === "file"
          ? AppError.field(
              "unsupported_media_type",
              "file",
              "Upload a ROR dump (.json or .jsonl, gzipped or not) or the Erasmus charter list (.csv).",
            )
          : AppError.field(
              "unsupported_media_type",
              "crosswalk",
              "The crosswalk is a .csv file of erasmus_code and ror_id.",
            );
      }
      const path = join(folder, `${field}${name.slice(name.search(/\.(csv|jsonl?)(\.gz)?$/i))}`);
      await pipeline(stream, createWriteStream(path, { flags: "wx" }));
      if (stream.truncated) {
        throw AppError.field("payload_too_large", field, "Files are limited to {{n}} MB.", {
          n: Math.round(REGISTRY_UPLOAD_MAX_BYTES / 1_048_576),
        });
      }
      if (statSync(path).size === 0) throw AppError.field("validation_failed", field, "The file is empty.");
      return { name, path };
    },

    /** Forgets an upload that was refused. */
    discard,

    /** Starts the import of a received file and answers at once; the import goes on in the background. */
    start(
      actor: Actor,
      id: string,
      input: { file: ReceivedFile; crosswalk: ReceivedFile | null; into: RegistryImportTarget },
    ): RegistryImportJob {
      if (running()) throw new AppError("conflict", "A registry import is already running; wait for it to finish.");
      const source = sourceOfFile(input.file.name) ?? "ror";
      const job: RegistryImportJob = {
        id,
        file: input.file.name,
        source,
        into: input.into,
        status: "running",
        processed: 0,
        fraction: 0,
        report: null,
        problem: null,
        startedAt: clock(),
      };
      jobs.set(id, job);
      for (const old of [...jobs.keys()].slice(0, Math.max(0, jobs.size - KEPT))) jobs.delete(old);
      let bytes = 0;
      const onProgress: OnProgress = (p) => {
        job.processed = p.processed;
        job.fraction = Math.min(1, p.total ? p.processed / p.total : bytes);
      };
      const records = () =>
        readRorRecords(input.file.path, (b) => (bytes = b.bytesRead / Math.max(b.totalBytes, 1)), input.file.name);
      const run =
        source === "eche"
          ? imports.importEcheFile(
              actor,
              input.file.path,
              {
                into: input.into,
                crosswalk: input.crosswalk?.path,
                names: { file: input.file.name, crosswalk: input.crosswalk?.name },
              },
              onProgress,
            )
          : input.into === "registry"
            ? imports.refreshFromRor(records(), onProgress)
            : imports.importRorOrganisations(actor, records(), onProgress);
      run
        .then((report) => {
          Object.assign(job, { status: "done", report, processed: report.rows, fraction: 1 });
        })
        .catch((err: unknown) => {
          const known =
            err instanceof AppError
              ? err
              : new AppError("bad_request", "The file {{file}} could not be read.", {
                  params: { file: input.file.name },
                });
          Object.assign(job, { status: "failed", problem: toProblem(classify(known)) });
        })
        .finally(() => discard(id));
      return { ...job };
    },

    /** An import's progress, then its report or its problem. */
    job(actor: Actor, id: string): RegistryImportJob {
      registryPolicy.import(actor);
      const job = jobs.get(id);
      if (!job) throw AppError.notFound("This registry import");
      return { ...job };
    },
  };
}
export type RegistryJobs = ReturnType<typeof createRegistryJobs>;
