import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");

/** Runs `npm run ewp:demo` as a user would (the same script, its own processes) and reads what it printed. */
function runDemo(): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "scripts/ewp-demo.ts")], {
      cwd: ROOT,
      env: process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on("data", (c: Buffer) => {
      out += c.toString();
    });
    child.on("exit", (code) => resolve({ code, out }));
  });
}

describe("two installations over EWP (npm run ewp:demo)", () => {
  it("approve each other's agreement, then an amendment and a termination, on SQLite and PostgreSQL", async () => {
    const { code, out } = await runDemo();
    expect(code, out).toBe(0);
    expect(out).toMatch(/Lille\s+runs at https:\/\/127\.0\.0\.1:\d+ on SQLite/);
    expect(out).toMatch(/Ghent\s+runs at https:\/\/127\.0\.0\.1:\d+ on PostgreSQL/);
    // Three rounds of mutual approval: the first version, the amendment, the termination.
    expect(out.match(/both\s+mutually approved/g)).toHaveLength(3);
    expect(out).toContain("amends the agreement");
    // The amendment's notification meets a stopped partner: it fails, is retried, and the
    // partner, started again on its database, polls and catches up.
    expect(out).toMatch(/Ghent\s+stops; its database stays/);
    expect(out).toMatch(/Lille\s+cannot reach Ghent \(attempt \d+\): The call failed: .*ECONNREFUSED/);
    expect(out).toMatch(/Ghent\s+starts again and polls Lille's index/);
    expect(out).toContain("terminates the agreement as a whole");
    // Each approval fetched is of the hash its owner holds now, as printed side by side.
    for (const line of out.split("\n").filter((l) => l.includes("fetched") && l.includes("approval of"))) {
      const [approved, current] = [...line.matchAll(/([0-9a-f]{12})…/g)].map((m) => m[1]);
      expect(approved, line).toBe(current);
    }
    const finalHashes = (who: string) => {
      const line = out.split("\n").find((l) => new RegExp(`${who}\\s+our hash`).test(l)) ?? "";
      return [...line.matchAll(/[0-9a-f]{64}/g)].map((m) => m[0]);
    };
    const [lilleOurs, lilleApproved] = finalHashes("Lille");
    const [ghentOurs, ghentApproved] = finalHashes("Ghent");
    expect(lilleOurs).toMatch(/^[0-9a-f]{64}$/);
    expect(lilleApproved).toBe(lilleOurs);
    expect(ghentApproved).toBe(ghentOurs);
    expect(ghentOurs).not.toBe(lilleOurs);
    expect(out).toContain("done: both sides hold each other's approval of the same hashes");
  }, 240_000);
});
