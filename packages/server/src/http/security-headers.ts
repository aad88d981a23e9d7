import helmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";

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

export async function registerSecurityHeaders(app: FastifyInstance, https: boolean): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: directives(https, []) },
    // Documents and pictures open in their own tab; the opener must not reach into them.
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: { policy: "same-origin" },
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    xFrameOptions: { action: "sameorigin" },
  });
}
