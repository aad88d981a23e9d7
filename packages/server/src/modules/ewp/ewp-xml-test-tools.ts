import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Test helpers: the project's reference copy of the EWP specifications (../shared/ewp from the
 * repository root) and its `validate.sh`, which runs the native xmllint against the official
 * schemas offline. Only tests import this file.
 */

export const SHARED_EWP = join(import.meta.dirname, "../../../../../../shared/ewp");

export const readShared = (file: string) => readFileSync(join(SHARED_EWP, file), "utf8");

/** Runs validate.sh on the document; `ok` is true when xmllint finds it valid. */
export function validateWithXmllint(xml: string, schema: string): { ok: boolean; report: string } {
  const dir = mkdtempSync(join(tmpdir(), "ewp-xml-"));
  try {
    const file = join(dir, "document.xml");
    writeFileSync(file, xml);
    const run = spawnSync(join(SHARED_EWP, "validate.sh"), [file, schema], { encoding: "utf8" });
    if (run.status === 2 || run.error) throw new Error(`validate.sh could not run: ${run.stderr}${run.error ?? ""}`);
    return { ok: run.status === 0, report: run.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
