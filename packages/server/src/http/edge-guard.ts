import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError, fieldError } from "#shared/app-error.js";

/**
 * Characters no text of Conventio holds: C0 controls but tab, line feed and carriage return;
 * DEL; C1 controls (the terminal's CSI among them). NUL is one of them: PostgreSQL cannot store
 * it in text, so letting it through would turn a typo or an attack into a server error.
 */
function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f);
}

export function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isControl(text.charCodeAt(i))) return true;
  return false;
}
const ENCODED_NUL = /%00/i;

const CONTROL_MESSAGE = "Control characters such as NUL or terminal escapes are not allowed";

/** The dotted path of the first string (value or key) holding a control character, or null. */
export function controlCharacterAt(value: unknown, path = ""): string | null {
  if (typeof value === "string") return hasControlCharacter(value) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const at = controlCharacterAt(value[i], path ? `${path}.${i}` : String(i));
      if (at !== null) return at;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      const here = path ? `${path}.${key}` : key;
      if (hasControlCharacter(key)) return here;
      const at = controlCharacterAt(inner, here);
      if (at !== null) return at;
    }
  }
  return null;
}

function refused(field: string): AppError {
  return AppError.invalid([fieldError(field, CONTROL_MESSAGE)]);
}

/**
 * The same refusal for text that reaches a route by another way than a JSON body, such as the
 * fields of a multipart upload: a field whose name or value holds a control character is a 422.
 */
export function refuseControlCharacters(name: string, value: string): void {
  if (hasControlCharacter(name)) throw refused("fields");
  if (hasControlCharacter(value)) throw refused(name);
}

/**
 * Refuses control characters wherever a request carries text, before validation and before
 * any database sees it: a NUL anywhere in the address is a 400, one in a path parameter, a
 * query parameter or a JSON body (value or key) is a 422 naming the field.
 */
export function registerEdgeGuard(app: FastifyInstance): void {
  // Hooks without a promise of their own: they run on every request.
  app.addHook("onRequest", (request: FastifyRequest, _reply, done) => {
    const url = request.raw.url ?? "";
    if (url.includes("\u0000") || ENCODED_NUL.test(url)) {
      return done(AppError.field("bad_request", "url", "The address holds a NUL byte."));
    }
    done();
  });
  app.addHook("preValidation", async (request: FastifyRequest) => {
    for (const [context, value] of [
      ["params", request.params],
      ["query", request.query],
    ] as const) {
      const at = controlCharacterAt(value);
      if (at !== null) throw refused(`${context}.${at}`);
    }
    const at = controlCharacterAt(request.body);
    if (at !== null) throw refused(at || "body");
  });
}
