import { type Kysely, sql } from "kysely";
import type { Dialect } from "#db/connection.js";
import type { DB } from "#db/schema.js";
import type { RunJob } from "./scheduled-job.js";

/** What became of a pass offered to the lock: it ran and returned `value`, or another process held the job. */
export type LockedPass<T> = { ran: true; value: T } | { ran: false };

/**
 * Lets one process of an installation do a piece of work at a time (decision 029). On PostgreSQL
 * each name is an advisory lock of the database, so processes on other machines see it too; on
 * SQLite, which one process serves, there is nothing to share and the work always runs.
 */
export interface JobLocks {
  /** Runs `pass` unless another process is running the job of that name; then it is not run at all. */
  tryRun<T>(job: string, pass: () => Promise<T>): Promise<LockedPass<T>>;
  /** Runs `work` once no other process is doing work of that name, waiting for it if need be. */
  runInTurn<T>(name: string, work: () => Promise<T>): Promise<T>;
}

/**
 * The lock's key: a 64-bit hash of the name and the schema, so that installations sharing a
 * database in schemas of their own do not hold each other back. `hashtextextended` is the hash
 * PostgreSQL uses for its own text indexes; every process asks the same server, so all agree.
 */
const keyOf = (name: string) => sql`hashtextextended(${"conventio/"} || current_schema() || ${`/${name}`}, 0)`;

/**
 * Session-level advisory locks, each held on a connection taken from the pool for the length of
 * the work and released right after it: the work's own queries use other connections, and a
 * process that dies takes its locks with its connections.
 */
function postgresLocks(db: Kysely<DB>): JobLocks {
  return {
    tryRun: (job, pass) =>
      db.connection().execute(async (connection) => {
        const taken = await sql<{ taken: boolean }>`select pg_try_advisory_lock(${keyOf(job)}) as taken`.execute(
          connection,
        );
        if (!taken.rows[0]?.taken) return { ran: false };
        try {
          return { ran: true, value: await pass() };
        } finally {
          await sql`select pg_advisory_unlock(${keyOf(job)})`.execute(connection);
        }
      }),

    runInTurn: (name, work) =>
      db.connection().execute(async (connection) => {
        await sql`select pg_advisory_lock(${keyOf(name)})`.execute(connection);
        try {
          return await work();
        } finally {
          await sql`select pg_advisory_unlock(${keyOf(name)})`.execute(connection);
        }
      }),
  };
}

/** One process serves an SQLite database: its scheduler already keeps a job's passes apart. */
const singleProcess: JobLocks = {
  tryRun: async (_job, pass) => ({ ran: true, value: await pass() }),
  runInTurn: (_name, work) => work(),
};

export function jobLocks(database: { db: Kysely<DB>; dialect: Dialect }): JobLocks {
  return database.dialect === "postgres" ? postgresLocks(database.db) : singleProcess;
}

/**
 * Runs each pass of a scheduled job only in the process that takes the job's lock, counted
 * through `runJob`; a pass another process is running is skipped (answering undefined) and told
 * to `onSkipped`, so exactly one process runs each pass of the installation.
 */
export function runJobAlone(locks: JobLocks, runJob: RunJob, onSkipped: (job: string) => void): RunJob {
  return async (job, run) => {
    const pass = await locks.tryRun(job, () => runJob(job, run));
    if (pass.ran) return pass.value;
    onSkipped(job);
    return undefined;
  };
}
