import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { MESSAGE_CATALOGUES } from "@conventio/domain";
import { describe, expect, it } from "vitest";
import { translateWith } from "./message-patterns";

const tables: Record<string, Record<string, string>> = {
  French: MESSAGE_CATALOGUES.fr,
  Swedish: MESSAGE_CATALOGUES.sv,
};
const lookupIn = (table: Record<string, string>) => (key: string) => table[key] ?? null;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

/**
 * The messages a person can meet in the web app, as the server and the domain write them: the
 * text given to AppError (whole, per field, or "… was not found.") and rule violations. Template
 * parts become a sample value, as they would arrive filled in.
 */
function serverMessages(): string[] {
  const root = join(import.meta.dirname, "../../..");
  const files = [...sources(join(root, "server/src")), ...sources(join(root, "domain/src"))];
  const literal = String.raw`(["\x60])((?:(?!\1)[^\\]|\\.)+?)\1`;
  const shapes = [
    new RegExp(String.raw`new AppError\(\s*"[a-z_]+",\s*${literal}`, "g"),
    new RegExp(String.raw`AppError\.field\(\s*"[a-z_]+",\s*"[\w.]+",\s*${literal}`, "g"),
    new RegExp(String.raw`AppError\.notFound\(\s*${literal}`, "g"),
    new RegExp(String.raw`\bmessage:\s*${literal}`, "g"),
  ];
  const out = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    shapes.forEach((shape, i) => {
      for (const m of text.matchAll(shape)) {
        const message = (m[2] ?? "").replace(/\$\{[^}]*\}/g, "X");
        out.add(i === 2 ? `${message} was not found.` : message);
      }
    });
  }
  return [...out];
}

// Said to developers calling the API by hand, never shown by the web app.
const DEVELOPER_ONLY = [/^No route for /, /^Line X of X is not valid JSON\.$/, /^Unzip the ROR dump/];

describe("server messages in the reader's language", () => {
  const messages = serverMessages().filter((m) => !DEVELOPER_ONLY.some((d) => d.test(m)));

  it("finds the server's messages to check", () => {
    expect(messages.length).toBeGreaterThan(40);
    expect(messages).toContain("This agreement was not found.");
  });

  it.each(Object.entries(tables))("translates every message a user can meet into %s", (_, table) => {
    const untranslated = messages.filter((m) => translateWith(lookupIn(table), m) === m);
    expect(untranslated).toEqual([]);
  });

  it("translates the parts of a composed message too", () => {
    const fr = lookupIn(MESSAGE_CATALOGUES.fr);
    expect(translateWith(fr, "This agreement was not found.")).toBe("Cet accord est introuvable.");
    expect(translateWith(fr, "An agreement that is awaiting signature cannot terminate.")).toBe(
      "Un accord au statut « en attente de signature » ne peut pas être résilié.",
    );
    expect(translateWith(lookupIn(MESSAGE_CATALOGUES.sv), "An agreement that is expired cannot be renewed.")).toBe(
      "Ett avtal med status ”utgånget” kan inte förnyas.",
    );
    expect(translateWith(fr, "Expiring: 2019-CONV-001 Convention Lille – MEL ends on 2024-12-31")).toBe(
      "Échéance proche : 2019-CONV-001 Convention Lille – MEL prend fin le 2024-12-31",
    );
    expect(translateWith(fr, "Something nobody wrote down")).toBe("Something nobody wrote down");
  });
});
