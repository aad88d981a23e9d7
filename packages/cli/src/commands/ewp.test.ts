import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterAll, describe, expect, it, vi } from "vitest";
import { registerEwpCommands } from "./ewp.js";

/**
 * `conventio ewp hash` on the project's reference copy of the EWP specifications and hash vectors
 * (../shared/ewp from the repository root), whose hashes come from the official XSLT. Most cases
 * run the command group in this process; a few run the installed command as a user runs it, for
 * its registration and exit codes (each start costs seconds).
 */

const ROOT = join(import.meta.dirname, "../../../..");
const EWP = join(ROOT, "../shared/ewp");
const BIN = join(ROOT, "packages/cli/bin/conventio.mjs");

interface Vector {
  file: string;
  xslt: string;
  "iia-id": string;
  "iia-hash": string;
  "valid-for-approval": boolean;
}
const { vectors } = JSON.parse(readFileSync(join(EWP, "hash-vectors/vectors.json"), "utf8")) as { vectors: Vector[] };

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The `ewp` commands on a program of their own, their output and exit code captured. */
async function ewp(...args: string[]): Promise<Run> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...parts) => void stdout.push(parts.join(" ")));
  const error = vi.spyOn(console, "error").mockImplementation((...parts) => void stderr.push(parts.join(" ")));
  const program = new Command("conventio").exitOverride();
  registerEwpCommands(program);
  const before = process.exitCode;
  try {
    await program.parseAsync(["ewp", ...args], { from: "user" });
    return { code: Number(process.exitCode ?? 0), stdout: stdout.join("\n"), stderr: stderr.join("\n") };
  } finally {
    log.mockRestore();
    error.mockRestore();
    process.exitCode = before;
  }
}

/** The installed command, run in a process of its own. */
function conventio(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { encoding: "utf8" }, (err, stdout, stderr) => {
      resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr });
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), "ewp-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const EXAMPLE = "ewp-specs-api-iias/endpoints/get-response-example.xml";
const TWO_IIAS = "hash-vectors/v7-twoiia.xml";
const byFile = new Map<string, Vector[]>();
for (const v of vectors) byFile.set(v.file, [...(byFile.get(v.file) ?? []), v]);

/**
 * What the command should print for a file: the vectors' lines, except in the two-agreement file,
 * where the official XSLT lets the terminated second agreement change the first one's hash. Each
 * agreement on its own, the first is the official example and hashes as it does.
 */
function expectedLines(file: string): string[] {
  return (byFile.get(file) ?? []).map((v) => {
    const alone = file === TWO_IIAS && v["iia-id"] === "0f7a5682-faf7-49a7-9cc7-ec486c49a281";
    const hash = alone ? byFile.get(EXAMPLE)?.[0]?.["iia-hash"] : v["iia-hash"];
    return `${v["iia-id"]} ${hash} ${v["valid-for-approval"]}`;
  });
}

const isV6 = (file: string) => byFile.get(file)?.[0]?.xslt === "transform_version_6.xsl";

describe("conventio ewp hash", () => {
  it("covers the official examples and every project vector", () => {
    expect([...byFile.keys()]).toContain(EXAMPLE);
    expect([...byFile.keys()].filter((f) => f.startsWith("hash-vectors/"))).toHaveLength(10);
  });

  it.each([...byFile.keys()])("prints the iia-id, iia-hash and approvability of each agreement of %s", async (file) => {
    const run = await ewp("hash", ...(isV6(file) ? ["--v6"] : []), join(EWP, file));
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n").sort()).toEqual(expectedLines(file).sort());
  });

  it("hashes each agreement as if alone in its document", async () => {
    const run = await ewp("hash", join(EWP, TWO_IIAS));
    expect(run.stdout.split("\n")[0]).toBe(
      "0f7a5682-faf7-49a7-9cc7-ec486c49a281 e950faa83a799cf45839e7915db88ed51575babe7845c1219dfde54ce30a61e4 true",
    );
  });

  it("refuses a document that is not well-formed, with the line at fault", async () => {
    const file = join(dir, "broken.xml");
    writeFileSync(file, "<iias-get-response>\n  <iia>\n</iias-get-response>\n");
    const run = await ewp("hash", file);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      `${file}: not well-formed XML: line 2: Opening and ending tag mismatch: "iia" != "iias-get-response"`,
    );
  });

  it("refuses a document that is not an IIAs get-response", async () => {
    const run = await ewp("hash", join(EWP, "ewp-specs-api-iias/endpoints/index-response-example.xml"));
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("iias-index-response, not an IIAs v7 get-response");
  });

  it("points to --v6 for a v6 get-response, and says when the file cannot be read", async () => {
    const v6 = await ewp("hash", join(EWP, "ewp-specs-api-iias/resources/xsltKit/get-response-v6.xml"));
    expect(v6.code).toBe(1);
    expect(v6.stderr).toContain("(use --v6 for an IIAs v6 get-response)");
    const missing = await ewp("hash", join(dir, "nowhere.xml"));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`${join(dir, "nowhere.xml")}: cannot read the file (ENOENT)`);
  });
});

describe("the installed conventio command", () => {
  const good = conventio("ewp", "hash", join(EWP, EXAMPLE));
  const broken = join(dir, "not-xml.xml");
  writeFileSync(broken, "this is not XML");
  const bad = conventio("ewp", "hash", broken);

  it("runs ewp hash and exits with 0", async () => {
    const run = await good;
    expect(run).toEqual({ code: 0, stdout: `${expectedLines(EXAMPLE)[0]}\n`, stderr: "" });
  }, 60_000);

  it("exits with 1 and says why on stderr when the file is not an IIAs get-response", async () => {
    const run = await bad;
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(new RegExp(`^${broken}: not well-formed XML: `));
  }, 60_000);
});
