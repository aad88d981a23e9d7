/** A text value of the address, trimmed; anything else, or nothing but spaces, is absent. */
export function textParam(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() ? value.trim() : undefined;
}
