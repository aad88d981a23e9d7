import { readFileSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";
import { ADMIN } from "./server.js";

/** Text as a reader sees it: runs of white space (narrow and no-break spaces among them) made single. */
export const flat = (text: string) => text.replace(/\s+/g, " ").trim();

/** The same Chromium as support/browser.ts, launched bare so each journey can open contexts of its own (with or without JavaScript). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"],
  });
}

export type Call = (method: "GET" | "POST" | "PATCH" | "PUT", url: string, body?: unknown) => Promise<unknown>;

/** Signs the administrator in over HTTP and returns a call that sends the session cookie and CSRF token, as the web app does. */
export async function adminCall(baseUrl: string): Promise<Call & { cookie: string; csrf: string }> {
  const res = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }),
  });
  if (res.status !== 200) throw new Error(`sign-in: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const call = async (method: string, url: string, body?: unknown) => {
    const r = await fetch(`${baseUrl}${url}`, {
      method,
      headers: {
        cookie,
        "x-csrf-token": csrfToken,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (r.status >= 400) throw new Error(`${method} ${url}: ${r.status} ${await r.text()}`);
    return r.status === 204 ? null : r.json();
  };
  return Object.assign(call, { cookie, csrf: csrfToken });
}

type Words = { [key: string]: string | Words };
const catalogues = new Map<string, Words>();

/**
 * A sentence of the web app's catalogue in a language, with its {{values}} filled: what the
 * public page must say, read from the same file the page is written from.
 */
export function say(lang: string, key: string, values: Record<string, string> = {}): string {
  let words = catalogues.get(lang);
  if (!words) {
    const file = new URL(`../../packages/web/src/i18n/${lang}.json`, import.meta.url);
    words = JSON.parse(readFileSync(file, "utf8")) as Words;
    catalogues.set(lang, words);
  }
  let found: string | Words | undefined = words;
  for (const part of key.split(".")) found = typeof found === "object" ? found[part] : undefined;
  if (typeof found !== "string") throw new Error(`No sentence ${key} in ${lang}`);
  return found.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? `{{${name}}}`);
}

/** A post about the collaboration, written in Swedish and translated. */
export const NEWS = {
  title: {
    sv: "Bostadsgarantin för nya studenter förlängs",
    en: "The housing guarantee for new students is extended",
    fr: "La garantie de logement des nouveaux étudiants est prolongée",
  },
  body: {
    sv: "Kommunen och universitetet förlänger garantin till alla nya studenter.",
    en: "The municipality and the university extend the guarantee to every new student.",
    fr: "La commune et l'université étendent la garantie à chaque nouvel étudiant.",
  },
  summary: "Ett beslut i samverkansgruppen.",
  tags: ["Bostäder", "Studentstad"],
  category: "Samverkan",
  publishedOn: "2024-05-14",
} as const;

export async function enterNews(call: Call, agreementId: string): Promise<string> {
  const post = (await call("POST", "/api/news", {
    lang: "sv",
    title: NEWS.title.sv,
    body: NEWS.body.sv,
    summary: NEWS.summary,
    translations: (["en", "fr"] as const).map((lang) => ({ lang, title: NEWS.title[lang], body: NEWS.body[lang] })),
    tags: NEWS.tags,
    category: NEWS.category,
    agreementId,
    publishedOn: NEWS.publishedOn,
    status: "published",
  })) as { id: string };
  return post.id;
}

/** A date as written: the year alone, the month and year, or the day, in the reader's language. */
export function dateAsWritten(lang: string, value: string): string {
  if (/^\d{4}$/.test(value)) return value;
  if (/^\d{4}-\d{2}$/.test(value))
    return new Intl.DateTimeFormat(lang, { month: "long", year: "numeric", timeZone: "UTC" }).format(
      new Date(`${value}-01T00:00:00Z`),
    );
  return new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${value}T00:00:00Z`));
}

export function periodOf(lang: string, since: string | null, until: string | null): string {
  const partial = (v: string) => /^\d{4}(-\d{2})?$/.test(v);
  if (since && until)
    return say(lang, "period.between", { since: dateAsWritten(lang, since), until: dateAsWritten(lang, until) });
  if (since) return say(lang, partial(since) ? "facts.since" : "period.since", { since: dateAsWritten(lang, since) });
  if (until) return say(lang, partial(until) ? "facts.until" : "period.until", { until: dateAsWritten(lang, until) });
  return say(lang, "period.none");
}

/** An event's time read at its place, with the zone's name in the reader's language. */
export function eventTime(lang: string, startsAt: string, endsAt: string | null, timeZone: string): string {
  const start = new Date(startsAt);
  const f = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short", timeZone });
  const zone =
    new Intl.DateTimeFormat(lang, { timeZone, timeZoneName: "long" })
      .formatToParts(start)
      .find((p) => p.type === "timeZoneName")?.value ?? timeZone;
  return `${endsAt ? f.formatRange(start, new Date(endsAt)) : f.format(start)} (${zone})`;
}
