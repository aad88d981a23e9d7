import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#db/connection.js";
import { createTestContext, ENGINE, type TestContext } from "#test/harness.js";
import { connectAgain } from "#test/same-database.js";
import { jobLocks, runJobAlone } from "./job-lock.js";
import { runUncounted } from "./scheduled-job.js";

let ctx: TestContext;
let other: Database;

beforeAll(async () => {
  ctx = await createTestContext();
  other = await connectAgain(ctx.database);
});
afterAll(async () => {
  await other.destroy();
  await ctx.close();
});

/** Work that runs until the test lets it finish. */
function held() {
  let release = () => {};
  const done = new Promise<void>((resolve) => {
    release = resolve;
  });
  let started = false;
  return {
    work: async () => {
      started = true;
      await done;
      return "finished";
    },
    started: () => started,
    release: () => release(),
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 50));

describe.runIf(ENGINE === "postgres")("job locks between two processes on PostgreSQL", () => {
  it("skips a pass while another process runs the same job, and runs it once that pass is over", async () => {
    const mine = jobLocks(ctx.database);
    const theirs = jobLocks(other);
    const pass = held();
    const first = mine.tryRun("reminders", pass.work);
    await tick();
    expect(pass.started()).toBe(true);
    let ran = false;
    expect(await theirs.tryRun("reminders", async () => (ran = true))).toEqual({ ran: false });
    expect(ran).toBe(false);
    // Another job is not held back.
    expect(await theirs.tryRun("ewp_poll", async () => "polled")).toEqual({ ran: true, value: "polled" });
    pass.release();
    expect(await first).toEqual({ ran: true, value: "finished" });
    expect(await theirs.tryRun("reminders", async () => "sent")).toEqual({ ran: true, value: "sent" });
  });

  it("releases the lock when a pass fails", async () => {
    const mine = jobLocks(ctx.database);
    await expect(
      mine.tryRun("ewp_outbox", async () => {
        throw new Error("the partner is down");
      }),
    ).rejects.toThrow("the partner is down");
    expect(await jobLocks(other).tryRun("ewp_outbox", async () => 1)).toEqual({ ran: true, value: 1 });
  });

  it("makes work in turn wait for the process doing it, rather than skip it", async () => {
    const order: string[] = [];
    const pass = held();
    const first = jobLocks(ctx.database).runInTurn("first-start", async () => {
      order.push("first began");
      await pass.work();
      order.push("first ended");
    });
    await tick();
    const second = jobLocks(other).runInTurn("first-start", async () => {
      order.push("second");
    });
    await tick();
    expect(order).toEqual(["first began"]);
    pass.release();
    await Promise.all([first, second]);
    expect(order).toEqual(["first began", "first ended", "second"]);
  });

  it("counts a skipped pass and runs nothing for it", async () => {
    const skipped: string[] = [];
    const pass = held();
    const holder = jobLocks(ctx.database).tryRun("reminders", pass.work);
    await tick();
    const run = runJobAlone(jobLocks(other), runUncounted, (job) => skipped.push(job));
    let ran = false;
    expect(await run("reminders", async () => (ran = true))).toBeUndefined();
    expect(ran).toBe(false);
    expect(skipped).toEqual(["reminders"]);
    pass.release();
    await holder;
    expect(await run("reminders", async () => "ran")).toBe("ran");
    expect(skipped).toEqual(["reminders"]);
  });
});

describe.runIf(ENGINE === "sqlite")("job locks on SQLite, which one process serves", () => {
  it("runs every pass: there is no other process to leave it to", async () => {
    const pass = held();
    const first = jobLocks(ctx.database).tryRun("reminders", pass.work);
    expect(await jobLocks(other).tryRun("reminders", async () => "also")).toEqual({ ran: true, value: "also" });
    pass.release();
    expect(await first).toEqual({ ran: true, value: "finished" });
  });
});
