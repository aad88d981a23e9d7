import { describe, expect, it } from "vitest";
import { repeatJob } from "./scheduled-job.js";

/** A pass that runs until the test lets it finish. */
function heldPass() {
  let release = () => {};
  let started = 0;
  let finished = 0;
  const pass = async () => {
    started++;
    await new Promise<void>((resolve) => {
      release = resolve;
    });
    finished++;
  };
  return { pass, release: () => release(), counts: () => ({ started, finished }) };
}

describe("a scheduled job", () => {
  it("waits on stop for the pass under way, and starts none after", async () => {
    const held = heldPass();
    const job = repeatJob(5, held.pass, { now: true, onError: () => {} });
    expect(held.counts()).toEqual({ started: 1, finished: 0 });
    let stopped = false;
    const stopping = job.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(stopped).toBe(false);
    held.release();
    await stopping;
    expect(held.counts()).toEqual({ started: 1, finished: 1 });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(held.counts().started).toBe(1);
  });

  it("skips a tick while the previous pass still runs", async () => {
    const held = heldPass();
    const job = repeatJob(5, held.pass, { now: true, onError: () => {} });
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(held.counts().started).toBe(1);
    held.release();
    await job.stop();
  });

  it("hands a failed pass to onError and runs the next tick anyway", async () => {
    const errors: unknown[] = [];
    let passes = 0;
    const job = repeatJob(
      5,
      async () => {
        passes++;
        throw new Error("the mail server is down");
      },
      { now: true, onError: (err) => errors.push(err) },
    );
    await new Promise((resolve) => setTimeout(resolve, 40));
    await job.stop();
    expect(passes).toBeGreaterThan(1);
    expect(errors).toHaveLength(passes);
  });

  it("lets a long pass see that stopping has begun", async () => {
    let steps = 0;
    const job = repeatJob(
      1000,
      async (stopping) => {
        while (!stopping()) {
          steps++;
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
      },
      { now: true, onError: () => {} },
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    await job.stop();
    expect(steps).toBeGreaterThan(1);
  });

  it("stops at once when nothing runs", async () => {
    const job = repeatJob(1000, async () => {}, { now: false, onError: () => {} });
    await job.stop();
  });
});
