/**
 * Messages that carry names or values; the server composes them, so they are matched by shape
 * and the parts are put back into the translation.
 */
export const PATTERNS: ReadonlyArray<{ shape: RegExp; key: string; names: readonly string[] }> = [
  {
    shape: /^(.+) already identifies (.+)\.$/,
    key: "{{value}} already identifies {{name}}.",
    names: ["value", "name"],
  },
  { shape: /^same website \((.+)\)$/, key: "same website ({{host}})", names: ["host"] },
  { shape: /^similar name in (.+)$/, key: "similar name in {{city}}", names: ["city"] },
  { shape: /^same (\w+)$/, key: "same {{scheme}}", names: ["scheme"] },
  {
    shape: /^An agreement that is (.+) cannot be renewed\.$/,
    key: "An agreement that is {{status}} cannot be renewed.",
    names: ["status"],
  },
  {
    shape: /^An agreement that is (.+) cannot (.+)\.$/,
    key: "An agreement that is {{status}} cannot {{action}}.",
    names: ["status", "action"],
  },
  {
    shape: /^Another agreement already has the reference (.+)\.$/,
    key: "Another agreement already has the reference {{reference}}.",
    names: ["reference"],
  },
  {
    shape: /^This agreement is already renewed by (.+)\.$/,
    key: "This agreement is already renewed by {{reference}}.",
    names: ["reference"],
  },
  {
    shape: /^That agreement is already renewed by (.+)\.$/,
    key: "That agreement is already renewed by {{reference}}.",
    names: ["reference"],
  },
  {
    shape: /^A year between (\d+) and (\d+)$/,
    key: "A year between {{min}} and {{max}}",
    names: ["min", "max"],
  },
  { shape: /^This needs the (\w+) role\.$/, key: "This needs the {{role}} role.", names: ["role"] },
  { shape: /^Files are limited to (.+) MB\.$/, key: "Files are limited to {{n}} MB.", names: ["n"] },
  {
    shape: /^The content is (.+), which does not match the name (.+)\.$/,
    key: "The content is {{type}}, which does not match the name {{name}}.",
    names: ["type", "name"],
  },
  {
    shape: /^This may already be in the registry: (.+)\. Confirm to create it anyway\.$/,
    key: "This may already be in the registry: {{names}}. Confirm to create it anyway.",
    names: ["names"],
  },
  // Reminder subjects in the inbox.
  {
    shape: /^Notice period starts soon: (\S+) (.+) ends on (\S+)$/,
    key: "Notice period starts soon: {{ref}} {{title}} ends on {{end}}",
    names: ["ref", "title", "end"],
  },
  {
    shape: /^Review due: (\S+) (.+) ends on (\S+)$/,
    key: "Review due: {{ref}} {{title}} ends on {{end}}",
    names: ["ref", "title", "end"],
  },
  {
    shape: /^Expiring: (\S+) (.+) ends on (\S+)$/,
    key: "Expiring: {{ref}} {{title}} ends on {{end}}",
    names: ["ref", "title", "end"],
  },
  {
    shape: /^Expired: (\S+) (.+) ended on (\S+)$/,
    key: "Expired: {{ref}} {{title}} ended on {{end}}",
    names: ["ref", "title", "end"],
  },
  { shape: /^Action due on (\S+): (.+)$/, key: "Action due on {{due}}: {{title}}", names: ["due", "title"] },
  { shape: /^(.+) was not found\.$/, key: "{{what}} was not found.", names: ["what"] },
];

/**
 * A message in another language, given a table lookup: the whole text when the table knows it,
 * else the first pattern whose template the table knows, with its parts put back (translated too
 * when they are known phrases, such as "This agreement" or "awaiting signature"), else as sent.
 */
export function translateWith(lookup: (key: string) => string | null, message: string): string {
  const direct = lookup(message);
  if (direct) return direct;
  for (const { shape, key, names } of PATTERNS) {
    const match = shape.exec(message);
    const template = match ? lookup(key) : null;
    if (match && template) {
      return names.reduce((text, name, i) => {
        const part = match[i + 1] ?? "";
        return text.replace(`{{${name}}}`, lookup(part) ?? part);
      }, template);
    }
  }
  return message;
}
