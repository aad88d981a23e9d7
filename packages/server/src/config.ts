import { resolve } from "node:path";
import { CreateSsoProviderInput } from "@conventio/domain";
import { z } from "zod";

/** Every setting Conventio reads from the environment; nothing else reads process.env. */
export const ConfigSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development").describe("Runtime mode"),
  HOST: z.string().default("127.0.0.1").describe("Address the HTTP server listens on"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe("Port the HTTP server listens on"),
  PUBLIC_URL: z.url().optional().describe("Address people use to reach Conventio; defaults to http://HOST:PORT"),
  DATA_DIR: z.string().default("data").describe("Folder for the SQLite database and uploaded files"),
  DATABASE_URL: z
    .string()
    .optional()
    .describe("postgres://… to use PostgreSQL; when unset, an SQLite file in DATA_DIR"),
  FILE_STORE: z
    .enum(["auto", "disk", "database"])
    .default("auto")
    .describe(
      "Where uploaded files are kept: disk (DATA_DIR), database (a table of the database, which every process reaches), or auto: database on PostgreSQL, disk on SQLite",
    ),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(14).describe("How long a sign-in lasts"),
  COOKIE_SECURE: z
    .enum(["auto", "true", "false"])
    .default("auto")
    .describe("Secure cookies: auto means on when PUBLIC_URL is https"),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5).describe("Failed sign-ins before a pause"),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15).describe("Length of that pause"),
  REQUIRE_ADMIN_TOTP: z
    .enum(["true", "false"])
    .default("false")
    .describe("Administrators must set up an authenticator app (TOTP) before anything else"),
  ADMIN_EMAIL: z.string().optional().describe("With ADMIN_PASSWORD: the first administrator, created at first start"),
  ADMIN_PASSWORD: z.string().optional().describe("Password of that first administrator (12 characters or more)"),
  EXPIRING_WINDOW_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .max(1095)
    .default(180)
    .describe("An active agreement is listed as expiring this many days before its end"),
  UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024).default(26_214_400).describe("Largest accepted upload, in bytes"),
  SMTP_URL: z
    .string()
    .optional()
    .describe("smtp://user:pass@host:port for e-mail; when unset, mails are written to the log"),
  MAIL_FROM: z.string().default("Conventio <conventio@localhost>").describe("Sender of reminder e-mails"),
  REVIEW_MONTHS_BEFORE_EXPIRY: z.coerce
    .number()
    .int()
    .min(1)
    .max(24)
    .default(9)
    .describe("When to ask for a review ahead of an agreement's end"),
  ACTION_DUE_DAYS: z.coerce
    .number()
    .int()
    .min(0)
    .max(90)
    .default(7)
    .describe("Remind owners this many days before an action is due"),
  REMINDER_INTERVAL_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(1440)
    .default(60)
    .describe("How often the reminder job runs"),
  DORMANT_MONTHS: z.coerce
    .number()
    .int()
    .min(1)
    .max(120)
    .default(12)
    .describe("An active agreement with nothing recorded for this many months is dormant"),
  FIGURES_KEEP_AFTER_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(50)
    .describe("Dashboard figures that take this long to work out are kept and served for a minute"),
  WEB_DIST: z.string().optional().describe("Folder of the built web app; defaults to packages/web/dist"),
  TLS_CERT_FILE: z.string().optional().describe("With TLS_KEY_FILE: serve HTTPS with this PEM certificate chain"),
  TLS_KEY_FILE: z.string().optional().describe("The PEM private key of TLS_CERT_FILE"),
  EWP_CATALOGUE: z
    .string()
    .default("https://registry.erasmuswithoutpaper.eu/catalogue-v1.xml")
    .describe("The EWP Registry catalogue: the network's address, another URL, or a local file"),
  EWP_ADMIN_EMAIL: z
    .email()
    .optional()
    .describe("Address the EWP manifest gives for this installation; defaults to ADMIN_EMAIL"),
  EWP_OUTBOX_SECONDS: z.coerce
    .number()
    .min(0.05)
    .max(3600)
    .default(15)
    .describe("How often due EWP notifications and fetches are sent"),
  EWP_RETRY_SECONDS: z.coerce
    .number()
    .min(0.05)
    .max(86_400)
    .default(60)
    .describe("First wait before a failed EWP call is tried again; doubled at each failure"),
  EWP_POLL_MINUTES: z.coerce
    .number()
    .min(0)
    .max(10_080)
    .default(60)
    .describe("How often partners' IIA indexes are polled for changes; 0 turns polling off"),
  METRICS_TOKEN: z
    .string()
    .min(16)
    .optional()
    .describe(
      "Bearer token a Prometheus server sends to read /metrics; when unset, /metrics answers only requests made on this machine",
    ),
  OIDC_PROVIDERS: z
    .string()
    .default("[]")
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "Not valid JSON" });
        return z.NEVER;
      }
    })
    .pipe(z.array(CreateSsoProviderInput))
    .describe("Sign-in providers (OpenID Connect) as a JSON array of {slug, name, issuer, clientId, clientSecret, …}"),
});

export type Config = Readonly<z.infer<typeof ConfigSchema>> & { readonly dataDir: string; readonly publicUrl: string };

/** Parses the environment once; throws a readable message naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const c = parsed.data;
  return Object.freeze({
    ...c,
    dataDir: resolve(c.DATA_DIR),
    publicUrl: c.PUBLIC_URL ?? `http://${c.HOST}:${c.PORT}`,
  });
}
