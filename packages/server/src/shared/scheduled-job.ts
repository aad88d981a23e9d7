/**
 * Runs one pass of the scheduled job named `job`. The metrics count runs, failures and durations
 * through it (see http/metrics.ts); it returns what the pass returns and rethrows what it throws,
 * or returns undefined without running it when another process is running that job's pass
 * (shared/job-lock.ts).
 */
export type RunJob = <T>(job: string, run: () => Promise<T>) => Promise<T | undefined>;

/** A pass run as it is, counted nowhere. */
export const runUncounted: RunJob = (_job, run) => run();

/** A job that runs now and then until stopped. */
export interface ScheduledJob {
  /** No pass starts any more; resolves once the pass under way, if any, has finished. */
  stop(): Promise<void>;
}

/**
 * Runs `pass` every `intervalMs` (and at once when `now` is set), never two passes at once: a
 * tick that finds the previous pass still running is skipped. `pass` may ask `stopping()` to end
 * a long pass between two steps. A failed pass is handed to `onError`; the next tick runs anyway.
 */
export function repeatJob(
  intervalMs: number,
  pass: (stopping: () => boolean) => Promise<unknown>,
  options: { now: boolean; onError: (err: unknown) => void },
): ScheduledJob {
  let stopped = false;
  let current: Promise<void> | null = null;
  const stopping = () => stopped;
  const tick = () => {
    if (current || stopped) return;
    current = pass(stopping)
      .then(() => undefined, options.onError)
      .finally(() => {
        current = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  if (options.now) tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await current;
    },
  };
}

/** Several jobs stopped together. */
export function allJobs(jobs: readonly ScheduledJob[]): ScheduledJob {
  return { stop: async () => void (await Promise.all(jobs.map((job) => job.stop()))) };
}
