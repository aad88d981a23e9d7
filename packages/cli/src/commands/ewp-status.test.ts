import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { registerEwpCommands } from "./ewp.js";

/** `conventio ewp status` on a database of its own, with a catalogue file that does not exist yet. */
const dir = mkdtempSync(join(tmpdir(), "conventio-ewp-status-"));
const saved = { ...process.env };

async function ewp(...args: string[]): Promise<string> {
  const out: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...parts) => void out.push(parts.join(" ")));
  try {
    const program = new Command("conventio").exitOverride();
    registerEwpCommands(program);
    await program.parseAsync(["ewp", ...args], { from: "user" });
    return out.join("\n");
  } finally {
    log.mockRestore();
  }
}

beforeAll(() => {
  Object.assign(process.env, {
    DATA_DIR: dir,
    DATABASE_URL: "",
    PUBLIC_URL: "https://partners.example.org",
    EWP_CATALOGUE: join(dir, "catalogue.xml"),
    LOG_LEVEL: "silent",
  });
});
afterAll(() => {
  process.env = saved;
  rmSync(dir, { recursive: true, force: true });
});

describe("conventio ewp status", () => {
  it("prints the node's address, its keys made once and kept, the catalogue's problem and the outbox", async () => {
    const text = await ewp("status");
    expect(text).toContain("EWP node     https://partners.example.org/ewp");
    expect(text).toContain("Manifest     https://partners.example.org/ewp/manifest.xml");
    expect(text).toContain("Institutions none described yet");
    expect(text).toMatch(/Catalogue {4}.*catalogue\.xml: cannot be read \(.*ENOENT/);
    expect(text).toContain("Outbox       pending 0, running 0, done 0, failed 0, skipped 0");
    const keys = [...text.matchAll(/(Client|Server) key {3}([0-9a-f]{64})/g)].map((m) => m[2]);
    expect(keys).toHaveLength(2);
    expect(keys[0]).not.toBe(keys[1]);

    const json = JSON.parse(await ewp("status", "--json"));
    expect([json.clientKeyId, json.serverKeyId]).toEqual(keys);
    expect(json.agreements).toEqual([]);
  });
});
