import { i18n } from "../i18n/setup";

/**
 * Messages that carry names or values; the server composes them, so they are matched by shape
 * and the parts are put back into the translation.
 */
const PATTERNS: ReadonlyArray<{ shape: RegExp; key: string; names: readonly string[] }> = [
  {
    shape: /^(.+) already identifies (.+)\.$/,
    key: "{{value}} already identifies {{name}}.",
    names: ["value", "name"],
  },
  { shape: /^same website \((.+)\)$/, key: "same website ({{host}})", names: ["host"] },
  { shape: /^similar name in (.+)$/, key: "similar name in {{city}}", names: ["city"] },
  { shape: /^same (\w+)$/, key: "same {{scheme}}", names: ["scheme"] },
];

function lookup(key: string): string | null {
  const language = i18n.resolvedLanguage ?? i18n.language;
  const found: unknown = i18n.getResource(language, "messages", key, { keySeparator: false });
  return typeof found === "string" ? found : null;
}

/** True when the English message is one the app knows; the French table is the reference list. */
export function isKnownMessage(message: string): boolean {
  return typeof i18n.getResource("fr", "messages", message, { keySeparator: false }) === "string";
}

/**
 * The server and the domain schemas write their messages in English; this shows them in the
 * reader's language when a translation is known, and as sent otherwise.
 */
export function translateMessage(message: string): string {
  const direct = lookup(message);
  if (direct) return direct;
  for (const { shape, key, names } of PATTERNS) {
    const match = shape.exec(message);
    const template = match ? lookup(key) : null;
    if (match && template) {
      return names.reduce((text, name, i) => text.replace(`{{${name}}}`, match[i + 1] ?? ""), template);
    }
  }
  return message;
}
