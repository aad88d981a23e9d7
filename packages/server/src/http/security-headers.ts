import type { IncomingMessage, ServerResponse } from "node:http";
import type { FastifyInstance } from "fastify";
import helmet, { type HelmetOptions } from "helmet";

/**
 * The headers every response carries, HTML and API alike. Scripts come only from this origin
 * (no inline script, no eval); styles may be inline because the component library writes its
 * theme variables into a style element at run time. No other site may frame the app. HSTS is sent
 * only when the public address is https, since a browser would otherwise be locked out of a
 * plain-http installation for a year.
 */
function directives(https: boolean, frameAncestors: readonly string[]): Record<string, string[]> {
  return {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'", ...frameAncestors],
    ...(https ? { "upgrade-insecure-requests": [] } : {}),
  };
}

/** The same policy for a page other sites may frame: only the origins listed may. */
export function framablePolicy(https: boolean, origins: readonly string[]): string {
  return Object.entries(directives(https, origins))
    .map(([name, values]) => [name, ...values].join(" "))
    .join("; ");
}

/**
 * The headers helmet would set, worked out once: its middleware is run against a response that
 * only records them. Every response then gets the same map in one call, instead of the policy
 * being parsed and the headers validated one by one on each request.
 */
function helmetHeaders(options: Readonly<HelmetOptions>): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, () => undefined);
  return headers;
}

export function registerSecurityHeaders(app: FastifyInstance, https: boolean): void {
  const headers = helmetHeaders({
    contentSecurityPolicy: { useDefaults: false, directives: directives(https, []) },
    // Documents and pictures open in their own tab; the opener must not reach into them.
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: { policy: "same-origin" },
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    xFrameOptions: { action: "sameorigin" },
  });
  app.addHook("onRequest", (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
